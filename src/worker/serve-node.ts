// Worker-thread entry (Node), exported as 'greenplan/worker/serve-node':
// `new Worker(new URL(import.meta.resolve('greenplan/worker/serve-node')))` wrapped by wrapSolver(), or simply spawnSolver() from 'greenplan/worker'.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import '../node.js'; // the module source: build/greenplan.wasm read from disk
import { solverApi } from './api.js';

if (!parentPort) throw new Error('greenplan: serve-node.js must run in a worker thread');
expose(solverApi, nodeEndpoint(parentPort));
