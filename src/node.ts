// Node entry: loads build/greenplan.wasm from disk.
import { readFile } from 'node:fs/promises';
import { setModuleSource } from './wasm/loader.js';

export const wasmUrl = new URL('../build/greenplan.wasm', import.meta.url);
setModuleSource(async () => WebAssembly.compile(await readFile(wasmUrl)));

export * from './index.js';
export { solveMany, type SolveManyOptions, type SolveManyItem, type BatchResult, type BatchStatus, type BatchError, type BatchProgress } from './batch/pool.js';
