// Loads the greenplan WebAssembly module. Platform entries (node.ts, browser.ts)
// register how to fetch the bytes; callers may inject a compiled WebAssembly.Module
// (e.g. a worker that received it from the page) so it is compiled once.

import { bindKernels, type Kernels, type RawExports } from './kernels.js';

// The kernel bindings are generated from asc's declarations (src/wasm/kernels.ts).
export type { Kernels };

type ModuleSource = () => Promise<WebAssembly.Module>;
let source: ModuleSource | undefined;
let compiled: Promise<WebAssembly.Module> | undefined;
let instance: Promise<Kernels> | undefined;

/** Set by the platform entry: how to obtain the compiled module. */
export function setModuleSource(fn: ModuleSource): void {
  source = fn;
}

/**
 * Use this compiled module (or compile these bytes) from now on. Call before the
 * first solve, e.g. in a worker: `await init(module)`.
 */
export async function init(module?: WebAssembly.Module | BufferSource): Promise<void> {
  if (module !== undefined) {
    const m = module instanceof WebAssembly.Module ? module : await WebAssembly.compile(module);
    compiled = Promise.resolve(m);
    instance = instantiate(m);
  }
  await kernels();
}

/**
 * The compiled module (compiled once, on first use), e.g. to hand to worker threads: a
 * WebAssembly.Module crosses threads (postMessage, workerData) without being compiled again.
 */
export function wasmModule(): Promise<WebAssembly.Module> {
  if (!compiled) {
    if (!source) throw new Error('greenplan: no WebAssembly source; import "greenplan" (node or browser entry) or call init(module)');
    compiled = source();
    compiled.catch(() => { compiled = undefined; });
  }
  return compiled;
}

async function instantiate(module: WebAssembly.Module): Promise<Kernels> {
  const inst = await WebAssembly.instantiate(module, {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`greenplan kernel aborted at ${line}:${col} (please report this bug)`);
      },
    },
  });
  return bindKernels(inst.exports as unknown as RawExports);
}

/** The instantiated kernels (instantiated once, on first use). */
export function kernels(): Promise<Kernels> {
  if (!instance) {
    instance = wasmModule().then(instantiate);
    instance.catch(() => { instance = undefined; });
  }
  return instance;
}
