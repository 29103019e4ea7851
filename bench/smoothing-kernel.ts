// Kernel-only smoothing timing: smoothBatch on data already in WASM memory (no
// validation, no marshalling), ns per step, median of repeated runs. Used by
// bench/smoothing.ts (rows "kernel") and runnable alone:
//   npx tsx bench/smoothing-kernel.ts [wasm file]
import { readFileSync } from 'node:fs';

export interface KernelExports {
  memory: WebAssembly.Memory;
  reserve(bytes: number): number;
  smoothBatch(n: number, offsets: number, demand: number, maxStep: number, coef: number, plan: number, sums: number, scratch: number, scratchLen: number): number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** ns per step of smoothBatch over `series` (one scenario per entry), median of `reps` runs after `warm` runs. */
export function kernelNsPerStep(k: KernelExports, series: Float64Array[], maxStep: number, c: number, reps: number, warm = 2): { ns: number; all: number[] } {
  const n = series.length;
  let N = 0;
  let Tmax = 0;
  for (const s of series) { N += s.length; Tmax = Math.max(Tmax, s.length); }
  const al = (b: number) => Math.ceil(b / 8) * 8;
  const oOff = 0, oStep = al(4 * (n + 1)), oCoef = oStep + al(4 * n), oSums = oCoef + 8 * n, oDem = oSums + 16 * n, oPlan = oDem + 8 * N, oScr = oPlan + 8 * N;
  const bytes = oScr + 12 * (Tmax + 1) + 8;
  const base = k.reserve(bytes);
  if (base === 0) throw new Error('reserve failed');
  const buf = k.memory.buffer;
  const off = new Int32Array(buf, base + oOff, n + 1);
  const step = new Int32Array(buf, base + oStep, n);
  const coef = new Float64Array(buf, base + oCoef, n);
  const dem = new Float64Array(buf, base + oDem, N);
  let at = 0;
  series.forEach((s, i) => { off[i] = at; step[i] = maxStep; coef[i] = c; dem.set(s, at); at += s.length; });
  off[n] = at;
  const run = () => k.smoothBatch(n, base + oOff, base + oDem, base + oStep, base + oCoef, base + oPlan, base + oSums, base + oScr, Tmax);
  for (let r = 0; r < warm; r++) if (run() !== 0) throw new Error('kernel status');
  const all: number[] = [];
  for (let r = 0; r < reps; r++) {
    // CPU time of this process (not wall time): the machine is shared, and time spent
    // waiting for a core is not the kernel's
    const t0 = process.cpuUsage();
    run();
    const u = process.cpuUsage(t0);
    all.push(((u.user + u.system) * 1e3) / N);
  }
  return { ns: median(all), all };
}

export async function loadKernels(file: string): Promise<KernelExports> {
  const mod = await WebAssembly.compile(readFileSync(file));
  const inst = await WebAssembly.instantiate(mod, { env: { abort() { throw new Error('abort'); } } });
  return inst.exports as unknown as KernelExports;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? new URL('../build/greenplan.wasm', import.meta.url).pathname;
  const k = await loadKernels(file);
  const rows = readFileSync('/work/wt/shared/data/nab/nyc_taxi.csv', 'utf8').trim().split('\n').slice(1).map((r) => Number(r.split(',')[1]) / 100);
  const tiled = (T: number) => { const o = new Float64Array(T); for (let t = 0; t < T; t++) o[t] = rows[t % rows.length]! + ((Math.floor(t / rows.length) * 37) % 11); return o; };
  for (const T of [1e6, 1e7]) {
    const r = kernelNsPerStep(k, [tiled(T)], 20, 50, T >= 1e7 ? 7 : 21);
    console.log(`T=${T.toExponential(0)} kernel ${r.ns.toFixed(2)} ns/step  (min ${Math.min(...r.all).toFixed(2)})`);
  }
}
