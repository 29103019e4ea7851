// Node: the kernels' module is compiled from build/greenplan.wasm, read from disk. Imported
// by the Node entry (src/node.ts) and by the CLI's `solve`, which loads no more than it needs.
import { readFile } from 'node:fs/promises';
import { setModuleSource } from './loader.js';
import { packageUrl } from '../core/package-file.js';

export const wasmUrl = packageUrl('build/greenplan.wasm');
setModuleSource(async () => WebAssembly.compile(await readFile(wasmUrl)));
