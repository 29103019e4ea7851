// `greenplan queue` end to end on a real Redis (a redis-server of the test's own, on a free
// port; skipped with a notice without redis-server): submit a mixed folder, two worker
// processes, one killed (SIGKILL) in the middle of a job; BullMQ's stalled-job check gives
// that job to the other worker; collect writes every instance exactly once (no job lost,
// none twice, no partial line), with the solutions solve() gives one by one.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { solve, PROBLEMS } from '../dist/node.js';
import { examples, heavyKnapsack, folder, bin, readLines, hasRedis, startRedis } from './helpers/batch.js';
import { jobIdOf } from '../dist/batch/queue.js';
import { BATCH_V8_FLAGS, SPARE_CORE_V8_FLAGS } from '../dist/batch/v8-flags.js';
import { availableParallelism } from 'node:os';

const redisPresent = hasRedis();
if (!redisPresent) console.log('NOTICE: redis-server not found (apt-get install redis-server): the queue tests are skipped');

const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
/** Run the CLI without blocking this process (the workers' pipes stay read); on time-out, fail with `why()`. */
async function runAsync(args: string[], timeoutMs: number, why: () => Promise<string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const c = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  c.stdout!.on('data', (d) => (stdout += d));
  c.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => c.kill('SIGKILL'), timeoutMs);
  const status = await new Promise<number | null>((r) => c.once('exit', (code) => r(code)));
  clearTimeout(timer);
  if (status === null) throw new Error(`greenplan ${args.join(' ')} did not finish in ${timeoutMs} ms: ${stderr}\n${await why()}`);
  return { status, stdout, stderr };
}
const exited = (c: ChildProcess) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisPresent)('greenplan queue (BullMQ on a real Redis)', () => {
  let redis: { url: string; stop: () => Promise<void> };
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await redis?.stop();
  });

  const worker = (name: string, queue: string, extra: string[] = []) => {
    const c = spawn(process.execPath, [bin, 'queue', 'worker', '--redis', redis.url, '--name', queue, '--concurrency', '1', '--lock-ms', '2000', '--worker-name', name, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr!.on('data', (d) => (err += d));
    children.push(c);
    return { proc: c, stderr: () => err };
  };

  it('two workers, one killed mid-job: every instance collected exactly once, equal to solve()', async () => {
    const files: Record<string, unknown> = {};
    for (const [name, inst] of examples()) files[name] = inst;
    expect(new Set(Object.values(files).map((i) => (i as { problem: string }).problem))).toEqual(new Set(PROBLEMS));
    for (let i = 0; i < 8; i++) files[`heavy${i}.json`] = heavyKnapsack(200 + i, 500);
    files['bad.json'] = { problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] };
    files['large.json'] = { problem: 'smoothing', alpha: 2, scenarios: [{ demand: Array.from({ length: 20_000 }, (_, t) => Math.round(50 + 40 * Math.sin(t / 30))) }] };
    const dir = folder(files);
    const name = 'kill-test';
    const sub = run(['queue', 'submit', dir, '--redis', redis.url, '--name', name]);
    expect(sub.stderr).toContain(`queue ${name}: ${Object.keys(files).length} instances submitted`);
    expect(sub.status).toBe(0);
    // submitting again adds nothing (job ids come from the instance ids)
    expect(run(['queue', 'submit', dir, '--redis', redis.url, '--name', name]).status).toBe(0);
    const st = JSON.parse(run(['queue', 'status', '--redis', redis.url, '--name', name, '--json']).stdout);
    expect(st.waiting + st.prioritized).toBe(Object.keys(files).length);

    const q = new Queue(name, { connection: { url: redis.url } });
    try {
      const a = worker('A', name);
      const b = worker('B', name, ['--exit-when-idle', '3000']);
      // both solve side by side; when A holds a heavy job, kill it without warning
      let victim: string | undefined;
      for (let t = 0; t < 600 && !victim; t++) {
        for (const job of await q.getActive()) if (job.processedBy === 'A' && String(job.data.id).startsWith('heavy')) victim = job.id;
        if (!victim) await sleep(50);
      }
      expect(victim).toBeDefined();
      a.proc.kill('SIGKILL');
      await exited(a.proc);
      expect((await q.getJob(victim!))!.finishedOn).toBeUndefined(); // it died with the job in hand
      const out = join(dir, 'results.jsonl');
      const col = await runAsync(['queue', 'collect', '--redis', redis.url, '--name', name, '--out', out, '--poll-ms', '200'], 100_000, async () => `worker B: ${b.stderr()}\nstatus: ${run(['queue', 'status', '--redis', redis.url, '--name', name]).stdout}`);
      expect(col.stderr).toContain(`queue ${name}: collected: ${Object.keys(files).length} instances: ${Object.keys(files).length - 1} solved, 1 invalid`);
      expect(col.status).toBe(4);
      const lines = readLines(out); // no partial line
      expect(lines.map((l) => l.id).sort()).toEqual(Object.keys(files).sort()); // none lost, none twice
      for (const l of lines) {
        if (l.id === 'bad.json') expect(l).toMatchObject({ status: 'invalid', error: { path: 'items[0].size' } });
        else expect(l.solution).toEqual(await solve(files[l.id]));
      }
      // the victim was taken back from the dead worker and solved by B
      const job = (await q.getJob(victim!))!;
      expect(job.processedBy).toBe('B');
      expect(job.attemptsStarted + job.stalledCounter).toBeGreaterThanOrEqual(2);
      // collecting again writes nothing twice
      const again = run(['queue', 'collect', '--redis', redis.url, '--name', name, '--out', out]);
      expect(again.status).toBe(0);
      expect(readLines(out)).toEqual(lines);
      await exited(b.proc);
      expect(b.stderr()).toMatch(/worker B solved \d+ jobs/);
      // the large instance travelled compressed
      const large = (await q.getJob(jobIdOf('large.json')))!;
      expect(large.data.json).toBeUndefined();
      expect(typeof large.data.gz).toBe('string');
    } finally {
      await q.close();
    }
  });

  it('the worker sets the V8 flags of greenplan batch before its pool starts (src/batch/v8-flags.ts); --v8-flags "" none; an unsafe one is exit 2', async () => {
    const probe = new URL('./helpers/v8-flags-probe.cjs', import.meta.url).pathname;
    const dir = folder({ 'a.json': examples().get('knapsack.json') });
    const name = 'flags';
    expect(run(['queue', 'submit', dir, '--redis', redis.url, '--name', name]).status).toBe(0);
    const cores = availableParallelism();
    const probed = (args: string[]) => spawnSync(process.execPath, ['--require', probe, bin, 'queue', 'worker', '--redis', redis.url, '--name', name, '--exit-when-idle', '300', ...args], { encoding: 'utf8', timeout: 60_000 });
    const flagsOf = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('v8-flag ')).map((l) => l.slice(8));
    const all = probed(['--concurrency', String(cores)]);
    expect(all.status).toBe(0);
    expect(flagsOf(all.stderr)).toEqual([...BATCH_V8_FLAGS]);
    expect(all.stderr).toMatch(/solved 1 jobs/);
    if (cores > 1) expect(flagsOf(probed(['--concurrency', String(cores - 1)]).stderr)).toEqual([...SPARE_CORE_V8_FLAGS]);
    const none = probed(['--v8-flags', '']);
    expect(none.status).toBe(0);
    expect(flagsOf(none.stderr)).toEqual([]);
    const unsafe = probed(['--v8-flags', '--single-threaded-gc']);
    expect(unsafe.status).toBe(2);
    expect(flagsOf(unsafe.stderr)).toEqual([]);
    expect(unsafe.stderr).toMatch(/not one of the flags safe to set at run time/);
    expect(run(['queue', 'clear', '--redis', redis.url, '--name', name]).status).toBe(0);
  });

  it('collect --no-wait takes what is finished and exits 4 while jobs are left; --remove clears collected jobs; bad URL is exit 2', async () => {
    const dir = folder({ 'a.json': { problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4, copies: 5 }] }, 'b.json': { problem: 'smoothing', scenarios: [{ demand: [1, 2, 3] }] } });
    const name = 'nowait';
    expect(run(['queue', 'submit', dir, '--redis', redis.url, '--name', name]).status).toBe(0);
    const out = join(dir, 'r.jsonl');
    const early = run(['queue', 'collect', '--redis', redis.url, '--name', name, '--out', out, '--no-wait']);
    expect(early.status).toBe(4);
    expect(early.stderr).toContain('2 still to solve');
    const w = worker('C', name, ['--exit-when-idle', '1500']);
    const col = run(['queue', 'collect', '--redis', redis.url, '--name', name, '--out', out, '--remove', '--poll-ms', '100']);
    expect(col.status).toBe(0);
    expect(readLines(out).map((l) => l.id).sort()).toEqual(['a.json', 'b.json']);
    await exited(w.proc);
    const st = JSON.parse(run(['queue', 'status', '--redis', redis.url, '--name', name, '--json']).stdout);
    expect(st).toMatchObject({ waiting: 0, active: 0, completed: 0, failed: 0 });
    const bad = run(['queue', 'status', '--redis', 'http://x', '--name', name]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--redis must be a redis:// or rediss:// URL');
  });
});
