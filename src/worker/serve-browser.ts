// Web Worker entry (browser): `new Worker(new URL('greenplan/dist/worker/serve-browser.js', import.meta.url), { type: 'module' })`,
// or simply spawnSolver() from 'greenplan/worker'. Pass a compiled module with
// solver.init(module) to compile the WASM once for many workers.
import { expose } from 'comlink';
import '../browser.js'; // the module source: greenplan.wasm fetched by URL
import { solverApi } from './api.js';

expose(solverApi);
