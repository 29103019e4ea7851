// Batch bench: throughput (instances per second) of `greenplan batch` on 1,000 mixed
// instances (every problem of the registry) with 1, 2, … worker threads, the speed-up
// against one worker and against a shell loop of `greenplan solve` (one process per
// instance: a sample of the loop is timed and extrapolated to 1,000, as said in the
// output), and the overhead per job of `greenplan queue` (BullMQ on a local redis-server:
// submit, one worker process, collect) against the local pool with the same number of
// threads. Every figure is the wall time of the real commands (process start included),
// median of several runs (the worker counts interleaved, so that a change of load hits
// them alike). The machine may be shared with other jobs: its load average is printed
// beside the figures, and so is what varies less with it: the CPU seconds of each run
// (bench/cpu-threads.cjs), split into the main thread, the pool's worker threads and V8's
// helper threads (concurrent compilation of hot JavaScript, GC), per instance, and the
// cores a run keeps busy (CPU / wall). On 2 cores, 2 workers reach 2x one worker only if
// one worker's run costs about 1 core: the helpers' share is what a second worker cannot
// get for free.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBLEMS } from '../src/node.js';
import { mulberry32 } from '../src/core/rng.js';
import { hasRedis, startRedis } from '../test/helpers/batch.js';

const bin = new URL('../bin/greenplan.js', import.meta.url).pathname;
const examplesDir = new URL('../examples/', import.meta.url).pathname;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Instances of a known problem, varied; any other problem of the registry: its examples as they are. */
const generators: Record<string, (r: () => number) => unknown> = {
  smoothing: (r) => ({ problem: 'smoothing', alpha: 1 + r() * 3, scenarios: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, k) => ({ name: `s${k}`, maxStep: Math.floor(r() * 20), demand: Array.from({ length: 5000 + Math.floor(r() * 15000) }, (_, t) => Math.round(50 + 40 * Math.sin(t / (10 + 30 * r())) + 10 * r())) })) }),
  knapsack: (r) => {
    const items = Array.from({ length: 200 + Math.floor(r() * 600) }, () => ({ size: 1 + Math.floor(r() * 1000), value: Math.round(r() * 5000) / 10, copies: 1 + Math.floor(r() * 20) }));
    return { problem: 'knapsack', capacity: Math.floor(items.reduce((a, it) => a + it.size * it.copies, 0) * (0.1 + 0.3 * r())), items };
  },
  deployment: (r) => ({
    problem: 'deployment', binCapacity: 96,
    bins: Array.from({ length: 20 + Math.floor(r() * 40) }, (_, k) => ({ name: `m${k}`, free: Math.round(r() * 960) / 10 })),
    items: Array.from({ length: 50 + Math.floor(r() * 100) }, (_, k) => ({ name: `app${k}`, size: Math.round(1 + r() * 1500) / 10, ...(r() < 0.5 ? { minParts: 1, maxParts: 8 } : {}) })),
  }),
  migration: (r) => {
    const m = 10 + Math.floor(r() * 20);
    const machines = Array.from({ length: m }, (_, k) => ({ name: `s${k}`, cost: 1, capacity: [32, 128] }));
    const tasks = Array.from({ length: m * 3 }, (_, k) => ({ name: `t${k}`, demand: [1 + Math.floor(r() * 8), 1 + Math.floor(r() * 32)], machine: `s${k % m}` }));
    return { problem: 'migration', resources: ['cpu', 'memory'], alpha: 0.01, maxParallel: 2, target: 'heuristic', machines, tasks };
  },
};

export function mixedInstances(n: number): { instances: unknown[]; note: string } {
  const r = mulberry32(15);
  const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as { problem: string });
  const fromExamples = PROBLEMS.filter((p) => !generators[p]);
  for (const p of fromExamples) if (!examples.some((e) => e.problem === p)) throw new Error(`no generator and no example for the problem "${p}"`);
  const instances = Array.from({ length: n }, (_, i) => {
    const p = PROBLEMS[i % PROBLEMS.length]!;
    const gen = generators[p];
    if (gen) return gen(r);
    const ex = examples.filter((e) => e.problem === p);
    return ex[i % ex.length];
  });
  return { instances, note: `${n} instances, ${PROBLEMS.length} problems in turn (${PROBLEMS.join(', ')})${fromExamples.length ? `; ${fromExamples.join(', ')} from examples/ as they are` : ''}` };
}

const wall = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
};

/** `node bin/greenplan.js …` under /usr/bin/time: the command line and where its CPU seconds (user + sys, threads included) land. */
function timedArgs(args: string[], dir: string): { cmd: string; args: string[]; cpu: () => number } {
  const f = join(dir, `cpu-${Math.random().toString(36).slice(2)}`);
  return { cmd: '/usr/bin/time', args: ['-f', '%U %S', '-o', f, process.execPath, bin, ...args], cpu: () => readFileSync(f, 'utf8').trim().split('\n').pop()!.split(' ').reduce((a, x) => a + Number(x), 0) };
}

const threadsProbe = new URL('./cpu-threads.cjs', import.meta.url).pathname;

/** CPU seconds of a batch run (bench/cpu-threads.cjs): the whole process, and by thread. */
interface RunCpu { s: number; cpu: number; main?: number; workers?: number; helpers?: number }

function batchRun(file: string, out: string, workers: number): RunCpu {
  rmSync(out, { force: true });
  let r!: ReturnType<typeof spawnSync>;
  const s = wall(() => {
    r = spawnSync(process.execPath, ['--require', threadsProbe, bin, 'batch', file, '--out', out, '--workers', String(workers), '--no-progress'], { encoding: 'utf8' });
  });
  if (r.status !== 0) throw new Error(`greenplan batch failed (${r.status}): ${r.stderr}`);
  const line = String(r.stderr).split('\n').find((l) => l.startsWith('greenplan-threads '));
  if (!line) throw new Error(`no CPU line from the batch run: ${r.stderr}`);
  const t = JSON.parse(line.slice('greenplan-threads '.length)) as Omit<RunCpu, 's'>;
  return { s, ...t };
}

async function redisCpu(url: string): Promise<number> {
  const { Redis } = await import('ioredis');
  const c = new Redis(url);
  try {
    const info = await c.info('cpu');
    const get = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    return get('used_cpu_user') + get('used_cpu_sys');
  } finally {
    c.disconnect();
  }
}

async function queueRun(url: string, file: string, out: string, concurrency: number, name: string, dir: string): Promise<{ total: number; submit: number; cpu: number }> {
  rmSync(out, { force: true });
  const r0 = await redisCpu(url);
  const t0 = performance.now();
  const st = timedArgs(['queue', 'submit', file, '--redis', url, '--name', name], dir);
  const sub = spawnSync(st.cmd, st.args, { encoding: 'utf8' });
  if (sub.status !== 0) throw new Error(`queue submit failed: ${sub.stderr}`);
  const submit = (performance.now() - t0) / 1000;
  const wt = timedArgs(['queue', 'worker', '--redis', url, '--name', name, '--concurrency', String(concurrency), '--exit-when-idle', '300'], dir);
  const worker = spawn(wt.cmd, wt.args, { stdio: 'ignore' });
  const ct = timedArgs(['queue', 'collect', '--redis', url, '--name', name, '--out', out, '--poll-ms', '200'], dir);
  const col = await new Promise<number | null>((resolve) => spawn(ct.cmd, ct.args, { stdio: 'ignore' }).once('exit', resolve));
  const total = (performance.now() - t0) / 1000;
  const r1 = await redisCpu(url);
  if (worker.exitCode === null) await new Promise((r) => worker.once('exit', r)); // it stops once idle
  if (col !== 0) throw new Error(`queue collect exited ${col}`);
  execFileSync(process.execPath, [bin, 'queue', 'clear', '--redis', url, '--name', name]);
  return { total, submit, cpu: st.cpu() + wt.cpu() + ct.cpu() + (r1 - r0) };
}

/** A control of parallel capacity: one thread alone, then two at once (ms), and 2 x one / two. */
interface Capacity { one: number; two: number; capacity: number }

/**
 * How many cores this run really gets, and whether the hardware scales: fixed loops on one
 * thread, then on two threads at once (worker_threads, as the pool uses). On an idle
 * 2-core machine both take the same time (capacity 2); on a shared one the second thread
 * waits for a core; on cores that share what the loop needs (SMT siblings of one physical
 * core, a memory bus) the two also slow each other down. Three loops: arithmetic (the
 * bench's control since the first pass), random reads over 64 MB (more than the 32 MB L3
 * cache: main memory), and short-lived objects (allocation and the young-generation GC,
 * as the solvers do).
 */
async function parallelCapacity(): Promise<Capacity & { memory: Capacity; alloc: Capacity }> {
  const { Worker } = await import('node:worker_threads');
  const codes = {
    arith: `let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7;`,
    memory: `const n = (64 << 20) / 4; const a = new Int32Array(n); for (let i = 0; i < n; i++) a[i] = ((i * 2654435761) >>> 0) & (n - 1); let x = 0, j = 0; for (let k = 0; k < 1.5e7; k++) { j = (a[j] ^ (k & 1023)) & (n - 1); x += j; }`,
    alloc: `let x = 0; for (let k = 0; k < 6e7; k++) { const o = { a: k, b: [k, k + 1], c: 'x' + (k & 255) }; x += o.b.length + o.c.length; }`,
  };
  const run = async (code: string, k: number) => {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: k }, () => new Promise((r) => new Worker(`${code} require('node:worker_threads').parentPort.postMessage(x);`, { eval: true }).once('message', r))));
    return performance.now() - t0;
  };
  const control = async (code: string): Promise<Capacity> => {
    const one = await run(code, 1);
    const two = await run(code, 2);
    return { one: Math.round(one), two: Math.round(two), capacity: +((2 * one) / two).toFixed(3) };
  };
  const arith = await control(codes.arith);
  return { ...arith, memory: await control(codes.memory), alloc: await control(codes.alloc) };
}

const hasTaskset = () => spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** `greenplan batch --workers 1` pinned to one core (taskset), started now; resolves when it exits. */
function pinnedBatch(file: string, out: string, core: number): Promise<RunCpu> {
  rmSync(out, { force: true });
  const t0 = performance.now();
  const p = spawn('taskset', ['-c', String(core), process.execPath, '--require', threadsProbe, bin, 'batch', file, '--out', out, '--workers', '1', '--no-progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve, reject) => p.once('exit', (code) => {
    const s = (performance.now() - t0) / 1000;
    const line = err.split('\n').find((l) => l.startsWith('greenplan-threads '));
    if (code !== 0 || !line) return reject(new Error(`pinned greenplan batch failed (${code}): ${err}`));
    resolve({ s, ...(JSON.parse(line.slice('greenplan-threads '.length)) as Omit<RunCpu, 's'>) });
  }));
}

/**
 * Does the hardware scale to two cores on this very work? The same one-worker batch pinned
 * to core 0 alone, then two copies at once, pinned to cores 0 and 1 (separate processes:
 * nothing shared but the machine), interleaved. If the two copies took as long and as much
 * CPU as one alone, 2 cores give 2x on this work; the batch's own speed-up is then capped
 * by what one process does with its cores, not by the machine.
 */
async function pinnedScaling(file: string, dir: string, reps: number) {
  const alone: RunCpu[] = [];
  const pair: RunCpu[][] = [];
  for (let k = 0; k < reps; k++) {
    alone.push(await pinnedBatch(file, join(dir, 'pin-a.jsonl'), 0));
    pair.push(await Promise.all([pinnedBatch(file, join(dir, 'pin-0.jsonl'), 0), pinnedBatch(file, join(dir, 'pin-1.jsonl'), 1)]));
  }
  const aloneS = median(alone.map((r) => r.s));
  const pairS = median(pair.map((p) => Math.max(p[0]!.s, p[1]!.s)));
  const aloneCpu = median(alone.map((r) => r.cpu));
  const pairCpu = median(pair.flatMap((p) => p.map((r) => r.cpu)));
  const aloneWorkers = alone.every((r) => r.workers !== undefined) ? median(alone.map((r) => r.workers!)) : undefined;
  const pairWorkers = pair.every((p) => p.every((r) => r.workers !== undefined)) ? median(pair.flatMap((p) => p.map((r) => r.workers!))) : undefined;
  return {
    aloneSeconds: +aloneS.toFixed(2), pairSeconds: +pairS.toFixed(2), scaling: +((2 * aloneS) / pairS).toFixed(2),
    aloneCpuSeconds: +aloneCpu.toFixed(2), pairCpuSecondsEach: +pairCpu.toFixed(2), cpuRatio: +(pairCpu / aloneCpu).toFixed(3),
    aloneWorkerSeconds: aloneWorkers === undefined ? undefined : +aloneWorkers.toFixed(2), pairWorkerSecondsEach: pairWorkers === undefined ? undefined : +pairWorkers.toFixed(2),
    runs: { alone: alone.map((r) => [+r.s.toFixed(2), +r.cpu.toFixed(2)]), pair: pair.map((p) => p.map((r) => [+r.s.toFixed(2), +r.cpu.toFixed(2)])) },
  };
}

/**
 * Sixth pass (docs/batch.md): the same ratio for each problem kind alone, and the serial
 * part of every run. A batch of 1,000 instances of one kind (the mix's own generator or
 * example), 1 and 2 workers interleaved: the kinds whose work is mostly WebAssembly
 * (migration, knapsack: compiled once per process, shared by the isolates) against the
 * JavaScript-heavy ones (forecast, autoscaling: each isolate compiles its own hot code).
 * And a batch of one instance with 1 and 2 workers: the time no worker count shortens
 * (process start, the pool's threads started, the exit), from which Amdahl's law gives the
 * best ratio a run of T1 seconds can reach on 2 cores: T1 / (serial + (T1 - serial) / 2).
 */
async function kindScaling(instances: unknown[], dir: string, reps: number, log: (s: string) => void) {
  const n = 1000;
  const byKind = new Map<string, unknown[]>();
  for (const x of mixedInstances(n * PROBLEMS.length).instances as { problem: string }[]) {
    const list = byKind.get(x.problem) ?? [];
    if (list.length < n) list.push(x);
    byKind.set(x.problem, list);
  }
  const one = join(dir, 'one.jsonl');
  writeFileSync(one, JSON.stringify(instances[0]) + '\n');
  const serialRuns = { 1: [] as RunCpu[], 2: [] as RunCpu[] };
  for (let k = 0; k < Math.max(3, reps); k++) for (const w of [1, 2] as const) serialRuns[w].push(batchRun(one, join(dir, 'one-out.jsonl'), w));
  const serial1 = median(serialRuns[1].map((r) => r.s));
  const serial2 = median(serialRuns[2].map((r) => r.s));
  log(`serial part: a batch of one instance takes ${serial1.toFixed(3)} s with 1 worker, ${serial2.toFixed(3)} s with 2 (process start, the pool's threads, the exit: no worker count shortens it)`);
  const kinds = [];
  for (const [problem, list] of byKind) {
    const file = join(dir, `kind-${problem}.jsonl`);
    writeFileSync(file, list.map((x) => JSON.stringify(x)).join('\n') + '\n');
    const runs = { 1: [] as RunCpu[], 2: [] as RunCpu[] };
    for (let k = 0; k < reps; k++) for (const w of [1, 2] as const) runs[w].push(batchRun(file, join(dir, 'kind-out.jsonl'), w));
    const t1 = median(runs[1].map((r) => r.s));
    const t2 = median(runs[2].map((r) => r.s));
    const w1 = median(runs[1].map((r) => r.workers ?? NaN));
    const w2 = median(runs[2].map((r) => r.workers ?? NaN));
    const amdahl = t1 / (serial2 + (t1 - serial1) / 2);
    kinds.push({ problem, instances: list.length, oneWorkerSeconds: +t1.toFixed(2), twoWorkersSeconds: +t2.toFixed(2), speedup: +(t1 / t2).toFixed(2), amdahlCeiling: +amdahl.toFixed(2),
      cpuSeconds: [+median(runs[1].map((r) => r.cpu)).toFixed(2), +median(runs[2].map((r) => r.cpu)).toFixed(2)], workerThreadSeconds: [+w1.toFixed(2), +w2.toFixed(2)], workerCpuRatio: +(w2 / w1).toFixed(2) });
  }
  log('kind alone (1,000 instances)   1 worker s  2 workers s  speed-up  Amdahl ceiling  CPU s (1, 2)   worker threads' + "'" + ' CPU s (1, 2)  x');
  for (const k of kinds) log(k.problem.padEnd(30) + String(k.oneWorkerSeconds).padStart(11) + String(k.twoWorkersSeconds).padStart(13) + `${k.speedup}x`.padStart(10) + `${k.amdahlCeiling}x`.padStart(16) + `${k.cpuSeconds[0]}, ${k.cpuSeconds[1]}`.padStart(15) + `${k.workerThreadSeconds[0]}, ${k.workerThreadSeconds[1]}`.padStart(25) + `${k.workerCpuRatio}`.padStart(6));
  return { serialSeconds: { oneWorker: +serial1.toFixed(3), twoWorkers: +serial2.toFixed(3) }, kinds };
}

/** The figures this goal stood at after the fourth pass (docs/batch.md), printed beside the new ones. */
const PREVIOUS = { speedup: 1.4, estimate: 1.35, what: 'commit 18130d9 (fourth pass), load average 1.3: 1 worker 384/s, 2 workers 535/s; CPU per instance 3.07 / 3.40 ms; load-free estimate 1.35x' };

export async function benchBatch(o: { quick: boolean; log: (s: string) => void }) {
  const { log } = o;
  const n = 1000;
  const reps = o.quick ? 1 : 3;
  const dir = mkdtempSync(join(tmpdir(), 'greenplan-bench-batch-'));
  const { instances, note } = mixedInstances(n);
  const file = join(dir, 'mixed.jsonl');
  writeFileSync(file, instances.map((i) => JSON.stringify(i)).join('\n') + '\n');
  const out = join(dir, 'results.jsonl');
  const cap = await parallelCapacity();
  log(`control: the same CPU-bound loop on 1 thread ${cap.one} ms, on 2 threads at once ${cap.two} ms: ${cap.capacity.toFixed(2)} cores free for this run (2.00 on an idle 2-core machine; the batch speed-up cannot exceed it)`);
  log(`control, memory-bound (random reads over 64 MB, past the L3 cache): ${cap.memory.one} ms alone, ${cap.memory.two} ms two at once: ${cap.memory.capacity.toFixed(2)}; allocation-bound (short-lived objects, young-generation GC): ${cap.alloc.one} / ${cap.alloc.two} ms: ${cap.alloc.capacity.toFixed(2)}`);
  const loadBefore = loadavg();
  log(`${note}; ${availableParallelism()} cores; load average before: ${loadBefore.map((x) => x.toFixed(2)).join(' ')} (the machine is shared: figures vary with the other jobs on it); median of ${reps} run(s)`);

  // one process per instance: a sample, extrapolated
  const sample = o.quick ? 20 : 40;
  const sampleDir = join(dir, 'loop');
  execFileSync('mkdir', ['-p', sampleDir]);
  for (let i = 0; i < sample; i++) writeFileSync(join(sampleDir, `${String(i).padStart(4, '0')}.json`), JSON.stringify(instances[Math.floor((i * n) / sample)]));
  const loopS = median(Array.from({ length: reps }, () => wall(() => {
    execFileSync('bash', ['-c', `for f in "${sampleDir}"/*.json; do node "${bin}" solve "$f" > /dev/null || test $? -eq 3; done`]);
  }))) * (n / sample);
  log(`shell loop of greenplan solve: ${sample} instances timed, extrapolated to ${n}: ${loopS.toFixed(1)} s (${(n / loopS).toFixed(1)}/s)`);

  const counts = [...new Set([1, 2, availableParallelism()])].sort((a, b) => a - b);
  const rows: Record<string, unknown>[] = [];
  const runsOf = new Map<number, RunCpu[]>(counts.map((w) => [w, []]));
  // interleaved (1, 2, …, 1, 2, …): a change of the machine's load hits every count alike
  for (let k = 0; k < reps; k++) {
    for (const w of counts) {
      runsOf.get(w)!.push(batchRun(file, out, w));
      const lines = readFileSync(out, 'utf8').trim().split('\n').length;
      if (lines !== n) throw new Error(`batch wrote ${lines} lines, not ${n}`);
    }
  }
  // step 1 of the fifth pass (docs/batch.md): does the machine itself scale on this work?
  const scaling = availableParallelism() >= 2 && hasTaskset() ? await pinnedScaling(file, dir, reps) : undefined;
  if (scaling) {
    log(`hardware: one-worker batch pinned to core 0 alone ${scaling.aloneSeconds} s (${scaling.aloneCpuSeconds} CPU s), two copies at once on cores 0 and 1 ${scaling.pairSeconds} s (${scaling.pairCpuSecondsEach} CPU s each): ` +
      `${scaling.scaling}x the throughput of one (2.00 = the machine scales), CPU per copy x${scaling.cpuRatio} (1.000 = the copies do not slow each other down)`);
  } else log('NOTICE: taskset not found or a single core: the hardware-scaling control is skipped');
  const byKind = await kindScaling(instances, dir, reps, log);
  const pool = new Map<number, number>();
  const poolCpu = new Map<number, number>();
  const med = (runs: RunCpu[], k: keyof RunCpu) => (runs.every((r) => r[k] !== undefined) ? median(runs.map((r) => r[k]!)) : undefined);
  const fix = (x: number | undefined, d: number) => (x === undefined ? undefined : +x.toFixed(d));
  for (const w of counts) {
    const runs = runsOf.get(w)!;
    const s = med(runs, 's')!;
    const cpu = med(runs, 'cpu')!;
    pool.set(w, s);
    poolCpu.set(w, cpu);
    rows.push({
      mode: `greenplan batch --workers ${w}`, instances: n, seconds: +s.toFixed(2), perSecond: +(n / s).toFixed(1), speedupVsOneWorker: +(pool.get(1)! / s).toFixed(2),
      cpuSeconds: +cpu.toFixed(2), cpuMsPerInstance: +((cpu * 1000) / n).toFixed(2), cores: +median(runs.map((r) => r.cpu / r.s)).toFixed(2),
      cpuMainSeconds: fix(med(runs, 'main'), 2), cpuWorkersSeconds: fix(med(runs, 'workers'), 2), cpuHelpersSeconds: fix(med(runs, 'helpers'), 2),
      runs: runs.map((r) => ({ seconds: +r.s.toFixed(2), cpuSeconds: +r.cpu.toFixed(2) })),
      peer: 'shell loop of greenplan solve (extrapolated)', peerSeconds: +loopS.toFixed(1), speedupVsLoop: +(loopS / s).toFixed(1),
    });
  }
  const goals: string[] = [];
  const sp2 = pool.get(1)! / pool.get(2)!;
  const cpuRatio = poolCpu.get(2)! / poolCpu.get(1)!;
  const row = (w: number) => rows[counts.indexOf(w)]!;
  // CPU of a run per CPU second of its worker threads: 1.00 when the pool and V8's helpers cost nothing
  const perWorkerSecond = (w: number) => (row(w).cpuWorkersSeconds ? (row(w).cpuSeconds as number) / (row(w).cpuWorkersSeconds as number) : undefined);
  const pw1 = perWorkerSecond(1);
  const pw2 = perWorkerSecond(2);
  // load-free estimate on 2 idle cores: 1 worker takes about its worker thread's CPU time (V8's helpers
  // run beside it on the other core), 2 workers at least half the CPU seconds of their run
  const estimate = row(1).cpuWorkersSeconds ? (2 * (row(1).cpuWorkersSeconds as number)) / poolCpu.get(2)! : undefined;
  for (const w of [1, 2]) row(w).cpuPerWorkerSecond = fix(perWorkerSecond(w), 2);
  // the figures that vary least with the other jobs on the machine: instances per CPU second
  // (with workers = cores, the throughput of a machine kept busy is cores x this)
  for (const w of counts) row(w).instancesPerCpuSecond = +(n / poolCpu.get(w)!).toFixed(1);
  goals.push(
    `throughput: 1 worker ${row(1).perSecond}/s, 2 workers ${row(2).perSecond}/s: ${sp2.toFixed(2)}x (wall; load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadavg().map((x) => x.toFixed(2)).join(' ')} after); ` +
      `CPU per instance ${row(1).cpuMsPerInstance} ms (1 worker), ${row(2).cpuMsPerInstance} ms (2 workers); cores used ${row(1).cores} and ${row(2).cores}; ` +
      `${row(2).instancesPerCpuSecond} instances per CPU second with 2 workers: at most ${(2 * (row(2).instancesPerCpuSecond as number)).toFixed(1)}/s on 2 idle cores`,
  );
  // the ceiling on 2 cores: the 2-worker run takes at least half its CPU seconds; 2 x T1 / C2 is its ratio if both cores were busy from process start to exit
  const ceiling = (2 * pool.get(1)!) / poolCpu.get(2)!;
  goals.push(`ceiling on ${availableParallelism()} cores: 2 x (1 worker's wall time) / (2 workers' CPU seconds) = 2 x ${pool.get(1)!.toFixed(2)} / ${poolCpu.get(2)!.toFixed(2)} = ${ceiling.toFixed(2)}x: the ratio if the 2-worker run kept both cores busy from process start to exit (T1 is a wall time: on a busy machine it includes waiting for a core, so this holds on an idle one; the load-free estimate below uses CPU seconds only)` +
    (scaling ? `; the machine itself scales ${scaling.scaling}x (two pinned one-worker copies at once against one; CPU per copy x${scaling.cpuRatio})` : ''));
  {
    const t1 = pool.get(1)!;
    const amdahl = t1 / (byKind.serialSeconds.twoWorkers + (t1 - byKind.serialSeconds.oneWorker) / 2);
    const best = [...byKind.kinds].sort((a, b) => b.speedup - a.speedup)[0]!;
    goals.push(`serial part ${byKind.serialSeconds.oneWorker} / ${byKind.serialSeconds.twoWorkers} s (a batch of one instance, 1 / 2 workers): Amdahl's ceiling for the mix ${amdahl.toFixed(2)}x; each kind alone: ${byKind.kinds.map((k) => `${k.problem} ${k.speedup}x (ceiling ${k.amdahlCeiling}x, worker threads' CPU x${k.workerCpuRatio})`).join(', ')}; the best kind alone: ${best.problem} ${best.speedup}x`);
  }
  goals.push(`goal: >= 1.8x with 2 workers on 2 cores: ${sp2.toFixed(2)}x ${sp2 >= 1.8 ? 'MET' : 'NOT MET'} (previous: ${PREVIOUS.speedup}x, ${PREVIOUS.what}) (wall times, load average ${loadBefore[0]!.toFixed(1)}); CPU per instance with 2 workers / with 1: ${cpuRatio.toFixed(2)}` +
    (pw1 && pw2 && estimate ? `; CPU of a run per second of its workers' CPU: ${pw1.toFixed(2)} with 1 worker, ${pw2.toFixed(2)} with 2 (1.00 = the pool and V8's helper threads cost nothing); load-free estimate 2 x workers' CPU (1 worker) / CPU (2 workers): ${estimate.toFixed(2)}x (previous ${PREVIOUS.estimate}x)` : ''));

  if (!hasRedis()) {
    log('NOTICE: redis-server not found: the queue row is skipped');
  } else {
    const redis = await startRedis();
    try {
      const conc = 2;
      const runs = [];
      for (let k = 0; k < reps; k++) runs.push(await queueRun(redis.url, file, out, conc, `bench${k}`, dir));
      const total = median(runs.map((r) => r.total));
      const submit = median(runs.map((r) => r.submit));
      const lines = readFileSync(out, 'utf8').trim().split('\n').length;
      if (lines !== n) throw new Error(`queue collect wrote ${lines} lines, not ${n}`);
      const base = pool.get(conc)!;
      const overhead = ((total - base) * 1000) / n;
      const cpu = median(runs.map((r) => r.cpu));
      const cpuOverhead = ((cpu - poolCpu.get(conc)!) * 1000) / n;
      rows.push({ mode: `greenplan queue: submit + 1 worker process (--concurrency ${conc}) + collect, local redis-server`, instances: n, seconds: +total.toFixed(2), cpuSeconds: +cpu.toFixed(2), perSecond: +(n / total).toFixed(1), submitSeconds: +submit.toFixed(2), peer: `greenplan batch --workers ${conc}`, peerSeconds: +base.toFixed(2), peerCpuSeconds: +poolCpu.get(conc)!.toFixed(2), overheadMsPerJob: +overhead.toFixed(2), cpuOverheadMsPerJob: +cpuOverhead.toFixed(2) });
      goals.push(`goal: queue overhead <= 5 ms per job against the local pool: ${overhead.toFixed(2)} ms of wall time ${overhead <= 5 ? 'MET' : 'NOT MET'}; ${cpuOverhead.toFixed(2)} ms of CPU time (submit, worker, collect and redis-server; less sensitive to the other jobs on the machine) ${cpuOverhead <= 5 ? 'MET' : 'NOT MET'}`);
    } finally {
      await redis.stop();
    }
  }
  log('');
  log('mode'.padEnd(100) + 'seconds   per s   vs 1 worker   vs loop   CPU s  ms CPU/inst  cores   main workers helpers   queue ms/job (wall, CPU)');
  const num = (x: unknown, w: number) => String(x ?? '').padStart(w);
  for (const r of rows) {
    log(String(r.mode).padEnd(100) + num(r.seconds, 7) + num(r.perSecond, 8) + num(r.speedupVsOneWorker, 14) + num(r.speedupVsLoop, 10) + num(r.cpuSeconds, 8) + num(r.cpuMsPerInstance, 12) + num(r.cores, 7) + num(r.cpuMainSeconds, 7) + num(r.cpuWorkersSeconds, 8) + num(r.cpuHelpersSeconds, 8) + (r.overheadMsPerJob !== undefined ? `${r.overheadMsPerJob}, ${r.cpuOverheadMsPerJob}` : '').padStart(15));
  }
  log('CPU s by thread (Linux): main = the main thread, workers = the pool\'s threads, helpers = V8\'s platform threads (concurrent JIT compilation, GC) and libuv\'s pool; cores = CPU s / wall s (below 1 when the run waits for a core on a shared machine)');
  const loadAfter = loadavg();
  log(`load average after: ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);
  for (const g of goals) log(g);
  rmSync(dir, { recursive: true, force: true });
  return { goals, parallelCapacity: cap, hardwareScaling: scaling, byKind, loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: loadAfter.map((x) => +x.toFixed(2)) }, note: `${note}; machine shared with other jobs (load average printed in the run); wall times of the real commands, process start included; shell loop extrapolated from ${sample} instances`, rows };
}
