// Node entry: loads build/greenplan.wasm from disk (src/wasm/node-source.ts).
export { wasmUrl } from './wasm/node-source.js';

export * from './index.js';
export { solveMany, type SolveManyOptions, type SolveManyItem, type BatchResult, type BatchStatus, type BatchError, type BatchProgress } from './batch/pool.js';
