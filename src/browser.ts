// Browser entry: fetches greenplan.wasm by URL (bundlers rewrite the URL).
import { setModuleSource } from './wasm/loader.js';

export const wasmUrl = new URL('../build/greenplan.wasm', import.meta.url);
setModuleSource(() => WebAssembly.compileStreaming(fetch(wasmUrl)));

export * from './index.js';
