// Node entry: loads build/greenplan.wasm from disk.
import { readFile } from 'node:fs/promises';
import { setModuleSource } from './wasm/loader.js';
import { packageUrl } from './core/package-file.js';

export const wasmUrl = packageUrl('build/greenplan.wasm');
setModuleSource(async () => WebAssembly.compile(await readFile(wasmUrl)));

export * from './index.js';
export { solveMany, type SolveManyOptions, type SolveManyItem, type BatchResult, type BatchStatus, type BatchError, type BatchProgress } from './batch/pool.js';
