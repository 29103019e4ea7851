// 'greenplan/worker' in Node: solvers in worker threads.
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { wrapSolver, type RemoteSolver } from './client.js';

export { wrapSolver, reviveError, type RemoteSolver } from './client.js';
export type { SolverApi, WireResult, WireError } from './api.js';
export type { ErrorFields } from '../core/errors.js';

/** Start a solver in a new worker thread. */
export function spawnSolver(): RemoteSolver {
  const worker = new Worker(new URL('./serve-node.js', import.meta.url));
  return wrapSolver(nodeEndpoint(worker), () => worker.terminate());
}
