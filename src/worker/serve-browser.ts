// Web Worker entry (browser), exported as 'greenplan/worker/serve-browser' (dist/worker/serve-browser.js): a module Web Worker on it wrapped by wrapSolver(),
// or simply spawnSolver() from 'greenplan/worker'. Pass a compiled module with
// solver.init(module) to compile the WASM once for many workers.
import { expose } from 'comlink';
import '../browser.js'; // the module source: greenplan.wasm fetched by URL
import { solverApi } from './api.js';

expose(solverApi);
