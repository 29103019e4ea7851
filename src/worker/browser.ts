// 'greenplan/worker' in browsers: solvers in Web Workers.
import { wrapSolver, type RemoteSolver } from './client.js';

export { wrapSolver, reviveError, type RemoteSolver } from './client.js';
export type { SolverApi, WireResult, WireError } from './api.js';
export type { ErrorFields } from '../core/errors.js';

/** Start a solver in a new module Web Worker. */
export function spawnSolver(): RemoteSolver {
  const worker = new Worker(new URL('./serve-browser.js', import.meta.url), { type: 'module' });
  return wrapSolver(worker, () => worker.terminate());
}
