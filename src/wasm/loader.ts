// Loads the greenplan WebAssembly module. Platform entries (node.ts, browser.ts)
// register how to fetch the bytes; callers may inject a compiled WebAssembly.Module
// (e.g. a worker that received it from the page) so it is compiled once.

export interface Kernels {
  memory: WebAssembly.Memory;
  arenaBase(): number;
  reserve(bytes: number): number;
  memoryBytes(): number;
  smoothBatch(
    n: number, offsets: number, demand: number, maxStep: number, coef: number,
    plan: number, sums: number, scratch: number, scratchLen: number,
  ): number;
  knapsackDp(
    n: number, sizes: number, values: number, copies: number, capacity: number,
    dp: number, choice: number, dequeIdx: number, dequeVal: number, counts: number,
    choiceWidth: 2 | 4,
  ): number;
  knapsackTable(
    n: number, sizes: number, values: number, copies: number, capacity: number,
    dp: number, choice: number, dequeIdx: number, dequeVal: number,
    choiceWidth: 0 | 2 | 4, mode: 0 | 1 | 2,
  ): number;
  knapsackReconstruct(
    n: number, sizes: number, choice: number, capacity: number, choiceWidth: 2 | 4,
    start: number, counts: number,
  ): number;
  knapsackConcave(
    g: number, sizes: number, gainOff: number, gains: number, capacity: number,
    dp: number, choice: number, seqA: number, seqOut: number, choiceWidth: 0 | 2 | 4, mode: 0 | 1 | 2,
  ): number;
  deployPack(
    n: number, order: number, w: number, kmin: number, kmax: number, kNew: number,
    m: number, res0: number, nNew: number, cap: number,
    rule: number, adapt: number, eps: number,
    res: number, sorted: number, seg: number, segP: number, tmp: number, tpos: number,
    outK: number, outStart: number, outBins: number, partsCap: number, info: number,
  ): number;
  deployReduce(
    n: number, order: number, w: number, kmin: number, m: number, res0: number, eps: number,
    res: number, sorted: number, tmp: number, tpos: number, outK: number, outStart: number, outBins: number,
  ): number;
  migrationScratchBytes(n: number, m: number, R: number): number;
  migrationTarget(
    n: number, m: number, R: number, demand: number, capacity: number, cost: number,
    grp: number, gStart: number, gMem: number, G: number, cur: number, tgt: number,
    alpha: number, mode: number, scratch: number,
  ): number;
  /** Forecast: Crane-style periodic predictor (assembly/forecast-fft.ts). */
  dspScratch(N: number): number;
  dspFit(y: number, cut: number, nc: number, candT: number, candN: number, stepSec: number, profile: number, info: number, scratch: number): number;
  dspDft(x: number, N: number, xr: number, xi: number, scratch: number): number;
  /** Forecast: the global multiscale ridge model (assembly/forecast-ridge.ts). */
  MS_FEATURES: WebAssembly.Global;
  msScale(y: number, o: number, m: number): number;
  msAccumulate(y: number, cut: number, lo: number, m: number, w: number, nb: number, edges: number, S: number, XtX: number, Xty: number, cnt: number, rows: number, f: number): number;
  msSolve(nb: number, lambda: number, XtX: number, Xty: number, cnt: number, W: number, scratch: number): number;
  msPath(y: number, o: number, H: number, m: number, w: number, nb: number, edges: number, W: number, out: number, f: number): number;
  /** Forecast: damped additive Holt-Winters (assembly/forecast-ets.ts). */
  etsFit(y: number, start: number, cut: number, m: number, maxEval: number, out: number, scratch: number, init: number, step: number): number;
  etsScratch(m: number): number;
  etsSse(y: number, start: number, cut: number, m: number, prm: number, scratch: number): number;
  etsStates(y: number, start: number, n: number, m: number, prm: number, level: number, trend: number, season: number): number;
}

type ModuleSource = () => Promise<WebAssembly.Module>;
let source: ModuleSource | undefined;
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
    instance = instantiate(m);
  }
  await kernels();
}

async function instantiate(module: WebAssembly.Module): Promise<Kernels> {
  const inst = await WebAssembly.instantiate(module, {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`greenplan kernel aborted at ${line}:${col} (please report this bug)`);
      },
    },
  });
  return inst.exports as unknown as Kernels;
}

/** The instantiated kernels (instantiated once, on first use). */
export function kernels(): Promise<Kernels> {
  if (!instance) {
    if (!source) throw new Error('greenplan: no WebAssembly source; import "greenplan" (node or browser entry) or call init(module)');
    instance = source().then(instantiate);
    instance.catch(() => { instance = undefined; });
  }
  return instance;
}
