// Kernel-only and process-level smoothing timings for the bench's goal table
// (bench/smoothing.ts): smoothBatch on data already in WASM memory (no validation,
// no marshalling), and `greenplan solve` in a new process against the same call in a
// warm one. Times are CPU time of the measuring process (process.cpuUsage), not wall
// time: the machine is shared, and time spent waiting for a core is not the code's.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solve } from '../src/node.js';

export interface KernelExports {
  memory: WebAssembly.Memory;
  reserve(bytes: number): number;
  smoothBatch(n: number, offsets: number, demand: number, maxStep: number, coef: number, plan: number, sums: number, scratch: number, scratchLen: number): number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e3;

/** The kernels of build/greenplan.wasm, instantiated on their own (raw exports). */
export async function loadKernels(file = fileURLToPath(new URL('../build/greenplan.wasm', import.meta.url))): Promise<KernelExports> {
  const mod = await WebAssembly.compile(readFileSync(file));
  const inst = await WebAssembly.instantiate(mod, { env: { abort() { throw new Error('abort'); } } });
  return inst.exports as unknown as KernelExports;
}

/**
 * ns per step of smoothBatch over `series` (one scenario each, coefficient coefs[i],
 * maxStep `maxStep` or -1 for none): median CPU time of `reps` runs after `warm` runs.
 */
export function kernelNsPerStep(k: KernelExports, series: Float64Array[], maxStep: number, coefs: number[], reps: number, warm = 2): number {
  const n = series.length;
  let N = 0;
  let Tmax = 0;
  for (const s of series) { N += s.length; Tmax = Math.max(Tmax, s.length); }
  const al = (b: number) => Math.ceil(b / 8) * 8;
  const oOff = 0, oStep = al(4 * (n + 1)), oCoef = oStep + al(4 * n), oSums = oCoef + 8 * n, oDem = oSums + 16 * n, oPlan = oDem + 8 * N, oScr = oPlan + 8 * N;
  const base = k.reserve(oScr + 12 * (Tmax + 1) + 8);
  if (base === 0) throw new Error('reserve failed');
  const buf = k.memory.buffer;
  const off = new Int32Array(buf, base + oOff, n + 1);
  const step = new Int32Array(buf, base + oStep, n);
  const coef = new Float64Array(buf, base + oCoef, n);
  const dem = new Float64Array(buf, base + oDem, N);
  let at = 0;
  series.forEach((s, i) => { off[i] = at; step[i] = maxStep; coef[i] = coefs[i]!; dem.set(s, at); at += s.length; });
  off[n] = at;
  const run = () => k.smoothBatch(n, base + oOff, base + oDem, base + oStep, base + oCoef, base + oPlan, base + oSums, base + oScr, Tmax);
  for (let r = 0; r < warm; r++) if (run() !== 0) throw new Error('kernel status');
  const all: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.cpuUsage();
    run();
    all.push((cpuMs(process.cpuUsage(t0)) * 1e6) / N);
  }
  return median(all);
}

/** Median CPU ms of `fn` over `reps` runs after one warm-up. */
export async function cpuMedian(fn: () => Promise<unknown>, reps: number): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.cpuUsage();
    await fn();
    xs.push(cpuMs(process.cpuUsage(t0)));
  }
  return median(xs);
}

/**
 * `greenplan solve <file> --out <file>` of `instance`: CPU ms in a new process (node
 * start, imports, parse, solve, print; median of `reps`) and CPU ms of the same call
 * (read, parse, solve, stringify, write) in this warm process.
 */
export async function coldCli(instance: unknown, reps: number): Promise<{ coldMs: number; warmMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'greenplan-bench-'));
  try {
    const inFile = join(dir, 'instance.json');
    const outFile = join(dir, 'solution.json');
    writeFileSync(inFile, JSON.stringify(instance));
    const bin = fileURLToPath(new URL('../bin/greenplan.js', import.meta.url));
    const probe = fileURLToPath(new URL('./cpu-at-exit.cjs', import.meta.url));
    const cold: number[] = [];
    for (let r = 0; r < reps; r++) {
      const p = spawnSync(process.execPath, ['--require', probe, bin, 'solve', inFile, '--out', outFile], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`greenplan solve failed: ${p.stderr}`);
      const m = /greenplan-cpu-ms (\S+)/.exec(p.stderr);
      if (!m) throw new Error('no CPU figure from the child');
      cold.push(Number(m[1]));
    }
    const warmMs = await cpuMedian(async () => {
      const sol = await solve(JSON.parse(readFileSync(inFile, 'utf8')));
      writeFileSync(outFile, JSON.stringify(sol) + '\n');
    }, reps);
    return { coldMs: median(cold), warmMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
