// Kernel-only and process-level smoothing timings for the bench's goal table
// (bench/smoothing.ts): smoothBatch on data already in WASM memory (no validation,
// no marshalling; laid out by the solver's own placeSmoothBatch), and `greenplan solve`
// in a new process against the same call in a warm one. Times are CPU time of the measuring process (process.cpuUsage), not wall
// time: the machine is shared, and time spent waiting for a core is not the code's.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solve } from '../src/node.js';
import { kernels, placeSmoothBatch, type Kernels } from '../src/internals.js';

/** The package's own kernels (bound by src/wasm/loader.ts), for the kernel-only timings. */
export const loadKernels = kernels;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e3;

/**
 * ns per step of smoothBatch over `series` (one scenario each, coefficient coefs[i],
 * maxStep `maxStep` or -1 for none): median CPU time of `reps` runs after `warm` runs.
 */
export function kernelNsPerStep(k: Kernels, series: Float64Array[], maxStep: number, coefs: number[], reps: number, warm = 2): { cpu: number; wall: number } {
  const { N, args } = placeSmoothBatch(k, series, () => maxStep, (i) => coefs[i]!);
  const run = () => k.smoothBatch(args);
  for (let r = 0; r < warm; r++) if (run() !== 0) throw new Error('kernel status');
  // process CPU counts V8's helper threads too (e.g. the concurrent sweeping of the arrays
  // the previous case allocated), which inflates a 4 ms kernel run by up to 2x at random;
  // the wall time of the same runs is the kernel's alone when no other job wants the core
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.cpuUsage();
    const w0 = performance.now();
    run();
    wall.push(((performance.now() - w0) * 1e6) / N);
    cpu.push((cpuMs(process.cpuUsage(t0)) * 1e6) / N);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

/** Median CPU ms of `fn` over `reps` runs after one warm-up. */
export async function cpuMedian(fn: () => Promise<unknown>, reps: number): Promise<number> {
  return (await cpuWallMedians(fn, reps)).cpu;
}

/**
 * Median CPU ms and median wall ms of `fn` over the same `reps` runs after one warm-up.
 * Process CPU counts every thread (V8's concurrent GC and compiler threads too), so on an
 * idle machine it can exceed the wall time of a call; wall time is what a caller waits.
 */
export async function cpuWallMedians(fn: () => Promise<unknown>, reps: number): Promise<{ cpu: number; wall: number }> {
  await fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.cpuUsage();
    const w0 = performance.now();
    await fn();
    wall.push(performance.now() - w0);
    cpu.push(cpuMs(process.cpuUsage(t0)));
  }
  return { cpu: median(cpu), wall: median(wall) };
}

/**
 * `greenplan solve <file> --out <file>` of `instance`: CPU ms in a new process (node
 * start, imports, parse, solve, print; median of `reps`) and CPU ms of the same call
 * (read, parse, solve, stringify, write) in this warm process. `entry`: the script the
 * new process runs (default the bin, which loads the one-file bundle dist/cli/greenplan.js;
 * '../dist/cli/main.js' runs tsc's ~320 modules instead).
 */
export async function coldCli(instance: unknown, reps: number, entry = '../bin/greenplan.js'): Promise<{ coldMs: number; warmMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'greenplan-bench-'));
  try {
    const inFile = join(dir, 'instance.json');
    const outFile = join(dir, 'solution.json');
    writeFileSync(inFile, JSON.stringify(instance));
    const bin = fileURLToPath(new URL(entry, import.meta.url));
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
