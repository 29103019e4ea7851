// Kernel-only and process-level smoothing timings for the bench's goal table
// (bench/smoothing.ts): smoothBatch on data already in WASM memory (no validation,
// no marshalling; laid out by the solver's own placeSmoothBatch), and `greenplan solve`
// in a new process against the same call in a warm one. Times are CPU time of the measuring process (process.cpuUsage), not wall
// time: the machine is shared, and time spent waiting for a core is not the code's.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** ms: CPU (user + system), wall, and system time alone (mostly page faults: first touches of memory). */
export interface CpuWall { cpu: number; wall: number; sys: number }

/**
 * `greenplan solve <file> --out <file>` of `instance`, in a new process (cold) and warm, in
 * CPU ms (process.cpuUsage on both sides: every thread, V8's compiler and GC threads
 * included) and wall ms, medians of `reps`:
 * - cold: a new `node <entry> solve …` (node's start, loading, read, parse, solve, print;
 *   CPU reported by the child at exit, bench/cpu-at-exit.cjs; wall around the spawn);
 * - warm: the CLI's own call (src/cli/solve.ts solveFile: the same read, parse, solve,
 *   print) repeated in one process of its own after a first run, max(21, 3 × reps) times
 *   (bench/cli-warm.mjs), so the figure does not depend on what the bench ran before in
 *   this process;
 * - empty: a new `node` running an empty module, the same way as cold (the part of cold
 *   that is node's own start, which no code of ours can avoid);
 * - small: `greenplan solve` of a 2-step instance in a new process (node's start, loading
 *   the CLI, one tiny solve: what a new process costs before the instance's size counts).
 * Cold, empty and small runs alternate, so they see the same load. `entry`: the script the new
 * process runs (default the bin, which runs the one-file bundle of `solve`,
 * dist/cli/greenplan-solve.js; '../dist/cli/solve-main.js' runs tsc's modules instead).
 */
export async function coldCli(instance: unknown, reps: number, entry = '../bin/greenplan.js'): Promise<{ cold: CpuWall; warm: CpuWall; empty: CpuWall; small: CpuWall }> {
  const dir = mkdtempSync(join(tmpdir(), 'greenplan-bench-'));
  try {
    const inFile = join(dir, 'instance.json');
    const outFile = join(dir, 'solution.json');
    const smallFile = join(dir, 'small.json');
    writeFileSync(inFile, JSON.stringify(instance));
    writeFileSync(smallFile, JSON.stringify({ problem: 'smoothing', alpha: 1, scenarios: [{ demand: [1, 2] }] }));
    const script = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
    const probe = script('./cpu-at-exit.cjs');
    const child = (args: string[]): CpuWall => {
      const w0 = performance.now();
      const p = spawnSync(process.execPath, ['--require', probe, ...args], { encoding: 'utf8' });
      const wall = performance.now() - w0;
      if (p.status !== 0) throw new Error(`${args.join(' ')} failed: ${p.stderr}`);
      const m = /greenplan-cpu-ms (\S+) user \S+ system (\S+)/.exec(p.stderr);
      if (!m) throw new Error('no CPU figure from the child');
      return { cpu: Number(m[1]), wall, sys: Number(m[2]) };
    };
    const cold: CpuWall[] = [];
    const empty: CpuWall[] = [];
    const small: CpuWall[] = [];
    for (let r = 0; r < reps; r++) {
      cold.push(child([script(entry), 'solve', inFile, '--out', outFile]));
      empty.push(child([script('./empty.mjs')]));
      small.push(child([script(entry), 'solve', smallFile, '--out', outFile]));
    }
    const w = spawnSync(process.execPath, [script('./cli-warm.mjs'), inFile, outFile, String(Math.max(21, 3 * reps))], { encoding: 'utf8' });
    if (w.status !== 0) throw new Error(`bench/cli-warm.mjs failed: ${w.stderr}`);
    const warm = JSON.parse(w.stdout) as CpuWall;
    const med = (xs: CpuWall[]): CpuWall => ({ cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)), sys: median(xs.map((x) => x.sys)) });
    return { cold: med(cold), warm: { cpu: warm.cpu, wall: warm.wall, sys: warm.sys }, empty: med(empty), small: med(small) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
