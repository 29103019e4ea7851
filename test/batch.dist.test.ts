// Batch solving with the built package: solveMany() and `greenplan batch` give the same
// solutions as solve() one by one, on every problem kind of the registry; bad, infeasible
// and timed-out instances are recorded and the rest solved; a run killed in the middle
// leaves only complete lines and resumes where it stopped; progress on stderr, stdout clean;
// exit codes 0 / 4 / 2.
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync, readFileSync, writeFileSync, appendFileSync, statSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { solve, solveMany, PROBLEMS, problemOf, type BatchResult } from '../dist/node.js';
import { wasmModule } from '../dist/wasm/loader.js';
import { BATCH_V8_FLAGS, SPARE_CORE_V8_FLAGS } from '../dist/batch/v8-flags.js';
import { examples, heavyKnapsack, endlessKnapsack, folder, bin, readLines } from './helpers/batch.js';

const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
const all = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

/** The mixed set: every example (all problem kinds of the registry), and variations of them. */
function mixed(): Record<string, unknown> {
  const ex = examples();
  const kinds = new Set([...ex.values()].map((i) => i.problem));
  for (const p of PROBLEMS) if (!kinds.has(p)) throw new Error(`examples/ has no instance of the problem "${p}" (add examples/${p}.json)`);
  const files: Record<string, unknown> = {};
  for (const [name, inst] of ex) files[name] = inst;
  files['knapsack-heavy.json'] = heavyKnapsack(3, 200, 20_000);
  files['smoothing-long.json'] = { problem: 'smoothing', alpha: 2, scenarios: [{ demand: Array.from({ length: 3000 }, (_, t) => Math.round(50 + 40 * Math.sin(t / 30))) }] };
  return files;
}

describe('solveMany', () => {
  it('equals solve() one by one on every problem kind, with ids, checks and any number of workers', async () => {
    const files = mixed();
    const want = new Map<string, unknown>();
    for (const [id, inst] of Object.entries(files)) want.set(id, await solve(inst));
    for (const workers of [1, 2, 3]) {
      const got = await all(solveMany(Object.entries(files).map(([id, instance]) => ({ id, instance })), { workers, check: true }));
      expect(got.map((r) => r.id).sort()).toEqual([...want.keys()].sort());
      for (const r of got) {
        expect(r.status).toBe('solved');
        expect(r.solution).toEqual(want.get(r.id));
        expect(r.check).toEqual(problemOf((files[r.id] as { problem: string }).problem)!.check(files[r.id], want.get(r.id)));
        expect(r.check!.valid).toBe(true);
      }
    }
  });
  it('a repeated id is an invalid result at path "id" (not solved); the first item with that id is solved', async () => {
    const k = { problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4, copies: 5 }] };
    const got = await all(solveMany([{ id: 'x', instance: k }, { id: 'x', instance: k }, k], { workers: 1 }));
    expect(got.map((r) => `${r.id}:${r.status}`).sort()).toEqual(['2:solved', 'x:invalid', 'x:solved']);
    expect(got.find((r) => r.status === 'invalid')).toMatchObject({ id: 'x', error: { code: 'invalid-input', path: 'id', message: expect.stringMatching(/^item 1 repeats the id "x" of item 0 /) } });
  });
  it('bare instances get their index as id; bad and infeasible ones are results; progress after each', async () => {
    const progress: number[] = [];
    const got = await all(solveMany([
      { problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] },
      { problem: 'smoothing', budget: 1, scenarios: [{ demand: [3, 1, 4] }] },
      'nope',
      { problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4, copies: 5 }] },
    ], { workers: 2, onProgress: (p) => progress.push(p.done) }));
    const byId = new Map(got.map((r) => [r.id, r]));
    expect(byId.get('0')).toMatchObject({ status: 'invalid', error: { code: 'invalid-input', path: 'items[0].size', message: 'items[0].size must be an integer >= 1' } });
    expect(byId.get('1')).toMatchObject({ status: 'infeasible', solution: { status: 'infeasible', minimumResource: 8 } });
    expect(byId.get('2')).toMatchObject({ status: 'invalid', error: { path: '' } });
    expect(byId.get('3')).toMatchObject({ status: 'solved', solution: { value: 12 } });
    expect(progress).toEqual([1, 2, 3, 4]);
  });
  it('stops a solve over the time limit (its worker replaced) and solves the rest', async () => {
    const got = await all(solveMany([
      { id: 'endless', instance: endlessKnapsack() },
      ...Array.from({ length: 4 }, (_, i) => ({ id: `k${i}`, instance: { problem: 'knapsack', capacity: 10 + i, items: [{ size: 3, value: 4 }] } })),
      { id: 'endless2', instance: endlessKnapsack() },
      { id: 'after', instance: { problem: 'knapsack', capacity: 10, items: [{ size: 5, value: 1, copies: 3 }] } },
    ], { workers: 1, timeoutMs: 300 }));
    const byId = new Map(got.map((r) => [r.id, r]));
    expect(byId.size).toBe(7);
    for (const id of ['endless', 'endless2']) expect(byId.get(id)).toMatchObject({ status: 'timeout', ms: 300, error: { code: 'timeout' } });
    expect(byId.get('after')).toMatchObject({ status: 'solved', solution: { value: 2 } });
  });
  it('a thread started after a time-out gets the compiled kernels too: every problem kind solves as solve() does', async () => {
    const files = mixed();
    const want = new Map<string, unknown>();
    for (const [id, inst] of Object.entries(files)) want.set(id, await solve(inst));
    const got = await all(solveMany([
      { id: 'endless', instance: endlessKnapsack() },
      ...Object.entries(files).map(([id, instance]) => ({ id, instance })),
    ], { workers: 1, timeoutMs: 3000 })); // far above any of these solves, far below the endless one
    expect(got.find((r) => r.id === 'endless')).toMatchObject({ status: 'timeout' });
    for (const [id, solution] of want) expect(got.find((r) => r.id === id)).toMatchObject({ status: 'solved', solution });
  });
  it('pulls the input lazily (at most two per worker ahead) and stops cleanly when the consumer breaks', async () => {
    let pulled = 0;
    function* endless() {
      for (let i = 0; ; i++) {
        pulled++;
        yield { problem: 'knapsack', capacity: i % 50, items: [{ size: 3, value: 4 }] };
      }
    }
    let n = 0;
    for await (const r of solveMany(endless(), { workers: 2 })) {
      expect(r.status).toBe('solved');
      if (++n === 20) break;
    }
    expect(pulled).toBeLessThanOrEqual(20 + 2 * 2 + 1);
  });
  it('an abort signal stops it: the iteration throws the reason', async () => {
    const ac = new AbortController();
    const it = solveMany([endlessKnapsack(), endlessKnapsack()], { workers: 2, signal: ac.signal });
    setTimeout(() => ac.abort(new Error('enough')), 200);
    await expect(all(it)).rejects.toThrow('enough');
  });
  it('an instance that cannot be copied to a thread (a function, a symbol, a Proxy) is "invalid", as the worker adapter says, not an internal error', async () => {
    const out: { id: string; status: string; error?: { code: string; message: string } }[] = [];
    for await (const r of solveMany([() => 1, Symbol('s'), new Proxy({}, {}), { problem: 'knapsack', capacity: 1, items: [] }], { workers: 1 })) out.push(r);
    out.sort((a, b) => a.id.localeCompare(b.id));
    for (const r of out.slice(0, 3)) expect(r, r.id).toMatchObject({ status: 'invalid', error: { code: 'invalid-input', message: expect.stringContaining('cannot be copied') } });
    expect(out[3]).toMatchObject({ status: 'solved' });
  });
  it('an instance whose getter throws while it is copied to a thread is "invalid" (was: status "error", code internal, "worker failed: ..."), with and without a time limit', async () => {
    const getter = () => {
      const o = { problem: 'knapsack', capacity: 1, items: [] };
      Object.defineProperty(o, 'x', { enumerable: true, get() { throw new Error('getter boom'); } });
      return o;
    };
    for (const timeoutMs of [undefined, 60_000]) {
      const out: { id: string; status: string; error?: { code: string; message: string } }[] = [];
      for await (const r of solveMany([getter(), { problem: 'knapsack', capacity: 1, items: [] }], { workers: 1, timeoutMs })) out.push(r);
      out.sort((a, b) => a.id.localeCompare(b.id));
      expect(out[0], String(timeoutMs)).toMatchObject({ status: 'invalid', error: { code: 'invalid-input', message: expect.stringContaining('getter boom') } });
      expect(out[1]).toMatchObject({ status: 'solved' });
    }
  });
  it('refuses bad options', async () => {
    await expect(all(solveMany([], { workers: 0 }))).rejects.toThrow(/workers must be an integer >= 1/);
    await expect(all(solveMany([], { timeoutMs: -1 }))).rejects.toThrow(/timeoutMs must be a number > 0/);
  });
});

/** Runs dist/batch/task.js (the pool's task), or its one-file bundle, in a thread given this workerData, on these instances. */
function taskThread(workerData: { wasmModule?: WebAssembly.Module }, instances: unknown[], script = 'task.js'): Promise<{ results?: unknown[]; error?: string }> {
  const taskUrl = new URL(`../dist/batch/${script}`, import.meta.url).href;
  const code = `const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(taskUrl)})
      .then(async ({ default: solveTask }) => { const results = []; for (const instance of workerData.instances) results.push(await solveTask({ instance })); parentPort.postMessage({ results }); })
      .catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { ...workerData, instances } });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

describe('the kernels, compiled once', () => {
  it('the loader compiles the module once; a pool thread instantiates the module it is given and solves as solve() does', async () => {
    const m = await wasmModule();
    expect(m).toBeInstanceOf(WebAssembly.Module);
    expect(await wasmModule()).toBe(m);
    const files = mixed();
    const want = await Promise.all(Object.values(files).map((i) => solve(i)));
    // the pool starts the bundle that `npm run build` makes (task.bundle.js); task.js without it
    expect(existsSync(new URL('../dist/batch/task.bundle.js', import.meta.url))).toBe(true);
    for (const script of ['task.bundle.js', 'task.js']) {
      const got = await taskThread({ wasmModule: m }, Object.values(files), script);
      expect(got.error).toBeUndefined();
      expect(got.results!.map((r) => (r as { status: string }).status)).toEqual(want.map(() => 'solved'));
      expect(got.results!.map((r) => (r as { solution: unknown }).solution)).toEqual(want);
    }
  });
  it('the thread uses that module, not build/greenplan.wasm: a module without the kernels fails it', async () => {
    const empty = new WebAssembly.Module(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
    const smoothing = { problem: 'smoothing', alpha: 2, scenarios: [{ demand: [1, 5, 2, 8, 3] }] };
    for (const script of ['task.bundle.js', 'task.js']) {
      const got = await taskThread({ wasmModule: empty }, [smoothing], script);
      expect(got.results).toMatchObject([{ status: 'error', error: { code: 'internal' } }]);
    }
    // and without a module the thread compiles the file itself
    const own = await taskThread({}, [smoothing]);
    expect(own.results).toMatchObject([{ status: 'solved', solution: await solve(smoothing) }]);
  });
  it('the pool imported alone (no module source in the main thread): each thread compiles its own', async () => {
    const smoothing = { problem: 'smoothing', alpha: 2, scenarios: [{ demand: [1, 5, 2, 8, 3] }] };
    const poolUrl = new URL('../dist/batch/pool.js', import.meta.url).href;
    const code = `const { solveMany } = await import(${JSON.stringify(poolUrl)});
      const out = [];
      for await (const r of solveMany([${JSON.stringify(smoothing)}], { workers: 1 })) out.push(r);
      console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject([{ status: 'solved', solution: await solve(smoothing) }]);
  });
});

describe('greenplan batch', () => {
  it('sets its V8 flags (src/batch/v8-flags.ts) before the pool starts; --v8-flags "" sets none, an unsafe flag is refused (exit 2); solveMany() never sets any', async () => {
    const probe = new URL('./helpers/v8-flags-probe.cjs', import.meta.url).pathname;
    const dir = folder({ 'a.json': examples().get('knapsack.json') });
    const cores = availableParallelism();
    const probed = (args: string[], workers = cores) => spawnSync(process.execPath, ['--require', probe, bin, 'batch', dir, '--workers', String(workers), '--no-progress', ...args], { encoding: 'utf8' });
    const flagsOf = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('v8-flag ')).map((l) => l.slice(8));
    // by default: the flags when the workers take every core (also with the default --workers), the spare-core ones with a core to spare
    const byDefault = probed([]);
    expect(byDefault.status).toBe(0);
    expect(flagsOf(byDefault.stderr)).toEqual([...BATCH_V8_FLAGS]);
    expect(BATCH_V8_FLAGS.length).toBeGreaterThan(0);
    expect(JSON.parse(byDefault.stdout.trim()).status).toBe('solved');
    const defaultWorkers = spawnSync(process.execPath, ['--require', probe, bin, 'batch', dir, '--no-progress'], { encoding: 'utf8' });
    expect(flagsOf(defaultWorkers.stderr)).toEqual([...BATCH_V8_FLAGS]);
    if (cores > 1) expect(flagsOf(probed([], cores - 1).stderr)).toEqual([...SPARE_CORE_V8_FLAGS]);
    else console.log('NOTICE: 1 core: the case of a core to spare is not run');
    const none = probed(['--v8-flags', '']);
    expect(none.status).toBe(0);
    expect(flagsOf(none.stderr)).toEqual([]);
    const two = probed(['--v8-flags', '--no-parallel-scavenge,--max-semi-space-size=32']);
    expect(two.status).toBe(0);
    expect(flagsOf(two.stderr)).toEqual(['--no-parallel-scavenge', '--max-semi-space-size=32']);
    const unsafe = probed(['--v8-flags', '--single-threaded-gc']);
    expect(unsafe.status).toBe(2);
    expect(flagsOf(unsafe.stderr)).toEqual([]);
    expect(unsafe.stderr).toMatch(/not one of the flags safe to set at run time/);
    // the library: a process that runs solveMany() through a pool sets no flag
    const lib = spawnSync(process.execPath, ['--require', probe, '--input-type=module', '-e', `
      import { solveMany } from ${JSON.stringify(new URL('../dist/node.js', import.meta.url).href)};
      for await (const r of solveMany([${JSON.stringify(examples().get('knapsack.json'))}], { workers: 2 })) console.log(r.status);
    `], { encoding: 'utf8' });
    expect(lib.stdout.trim()).toBe('solved');
    expect(flagsOf(lib.stderr)).toEqual([]);
  });
  it('a folder: the same solutions as greenplan solve, one by one; stdout clean; exit 0', async () => {
    const files = mixed();
    const dir = folder(files);
    const out = join(dir, 'out', 'results.jsonl');
    spawnSync('mkdir', ['-p', join(dir, 'out')]);
    const r = run(['batch', dir, '--out', out, '--workers', '2', '--check']);
    expect(r.stderr).toContain(`batch: ${Object.keys(files).length} instances: ${Object.keys(files).length} solved`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readLines(out);
    expect(lines.map((l) => l.id).sort()).toEqual(Object.keys(files).sort());
    for (const l of lines) {
      const one = run(['solve', join(dir, l.id)]);
      expect(one.status).toBe(0);
      expect(l).toMatchObject({ status: 'solved', solution: JSON.parse(one.stdout), check: { valid: true } });
      expect(Object.keys(l)).toEqual(['id', 'status', 'ms', 'solution', 'check']);
    }
  });
  it('records bad, infeasible and timed-out instances and solves the rest; exit 4 with a summary of why', () => {
    const dir = folder({
      'good.json': { problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4, copies: 5 }] },
      'bad.json': { problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] },
      'broken.json': '{"problem": ',
      'unknown.json': { problem: 'nope' },
      'infeasible.json': { problem: 'smoothing', budget: 1, scenarios: [{ demand: [3, 1, 4] }] },
      'endless.json': endlessKnapsack(),
      'good2.json': { problem: 'smoothing', scenarios: [{ demand: [3, 1, 4, 1, 5] }] },
    });
    const r = run(['batch', dir, '--workers', '2', '--timeout-ms', '2000']);
    expect(r.status).toBe(4);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const byId = new Map(lines.map((l) => [l.id, l]));
    expect(byId.size).toBe(7);
    expect(byId.get('good.json')).toMatchObject({ status: 'solved', solution: { value: 12 } });
    expect(byId.get('good2.json')).toMatchObject({ status: 'solved' });
    expect(byId.get('bad.json')).toMatchObject({ status: 'invalid', error: { code: 'invalid-input', path: 'items[0].size' } });
    expect(byId.get('broken.json')).toMatchObject({ status: 'invalid', error: { code: 'invalid-input' } });
    expect(byId.get('unknown.json')).toMatchObject({ status: 'invalid', error: { path: 'problem' } });
    expect(byId.get('infeasible.json')).toMatchObject({ status: 'infeasible', solution: { status: 'infeasible' } });
    expect(byId.get('endless.json')).toMatchObject({ status: 'timeout', ms: 2000, error: { code: 'timeout' } });
    expect(r.stderr).toContain('batch: 7 instances: 2 solved, 1 infeasible, 3 invalid, 1 timeout');
    expect(r.stderr).toContain('5 not solved:');
    expect(r.stderr).toContain('  bad.json: invalid: items[0].size must be an integer >= 1');
    expect(r.stderr).toContain('  endless.json: timeout: stopped after 2000 ms');
  });
  it('a folder file of one 2^27-element array (268 MB) is one invalid result naming the path, the others solved (was: V8 aborted the process, exit 133 with a native stack trace)', () => {
    if (process.env.GREENPLAN_HOSTILE_HUGE === '0') {
      console.log('skipped: GREENPLAN_HOSTILE_HUGE=0');
      return;
    }
    const dir = folder({ 'a-good.json': { problem: 'knapsack', capacity: 1, items: [] }, 'c-bom.json': '\ufeff{"problem":"knapsack","capacity":2,"items":[]}' });
    const fd = openSync(join(dir, 'b-huge.json'), 'w');
    writeSync(fd, '{"problem":"smoothing","scenarios":[{"name":"big","demand":[0');
    const chunk = Buffer.from(',1'.repeat(1 << 20));
    for (let i = 0; i < 128; i++) writeSync(fd, chunk);
    writeSync(fd, ']}]}');
    closeSync(fd);
    const r = run(['batch', dir, '--workers', '1', '--no-progress']);
    rmSync(dir, { recursive: true, force: true });
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr.slice(0, 500)).toBe(4);
    expect(r.stderr).not.toMatch(/^\s+at |Fatal/m);
    const byId = new Map(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((l) => [l.id, l]));
    expect(byId.get('a-good.json')).toMatchObject({ status: 'solved' });
    expect(byId.get('c-bom.json')).toMatchObject({ status: 'solved' });
    expect(byId.get('b-huge.json')).toMatchObject({ status: 'invalid', error: { code: 'invalid-input', path: 'scenarios[0].demand' } });
  }, 600_000);
  it('options at their limits: exit 2 naming the option, one line, no stack (was: --timeout-ms 3e9 timed every instance out after 1 ms; --workers 100000 killed for memory; --out <folder> an internal error with a stack)', () => {
    const dir = folder({ 'k.json': { problem: 'knapsack', capacity: 1, items: [] } });
    for (const [args, flag] of [
      [['batch', dir, '--timeout-ms', '3000000000'], '--timeout-ms'], [['batch', dir, '--timeout-ms', '1e308'], '--timeout-ms'],
      [['batch', dir, '--workers', '100000'], '--workers'], [['batch', dir, '--out', dir], 'cannot write'],
      [['queue', 'worker', '--redis', 'redis://127.0.0.1:1', '--name', 'q', '--lock-ms', '1e10'], '--lock-ms'],
      [['queue', 'worker', '--redis', 'redis://127.0.0.1:1', '--name', 'q', '--concurrency', '100000'], '--concurrency'],
      [['queue', 'collect', '--redis', 'redis://127.0.0.1:1', '--name', 'q', '--out', join(dir, 'q.jsonl'), '--poll-ms', '9999999999'], '--poll-ms'],
    ] as const) {
      const r = run([...args, '--no-progress'].filter((a) => a !== '--no-progress' || args[0] === 'batch'));
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toContain(flag);
      expect(r.stderr).not.toMatch(/Warning|^\s+at /m);
    }
  });
  it('queue without a Redis: exit 2 with one line, never a hang or an internal error (was: submit, collect, status and clear retried for ever in silence; a port over 65535 was exit 70, "Invalid URL")', async () => {
    const dir = folder({ 'k.json': { problem: 'knapsack', capacity: 1, items: [] } });
    const bad = run(['queue', 'status', '--redis', 'redis://127.0.0.1:99999', '--name', 'q']);
    expect(bad.status, bad.stderr).toBe(2);
    expect(bad.stderr).toMatch(/^greenplan queue status: --redis is not a valid URL/);
    // port 1: nothing listens; the four run together (each gives up after CONNECT_TIMEOUT_MS)
    const runs = await Promise.all([['status'], ['clear'], ['submit', dir], ['collect', '--out', join(dir, 'q.jsonl')]].map((sub) => new Promise<{ code: number | null; stderr: string; sub: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'queue', ...sub, '--redis', 'redis://user:secret@127.0.0.1:1', '--name', 'q']);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const kill = setTimeout(() => child.kill('SIGKILL'), 120_000); // a hang, not a speed goal
      child.on('close', (code) => { clearTimeout(kill); resolve({ code, stderr, sub: sub[0]! }); });
    })));
    for (const r of runs) {
      expect(r.code, `${r.sub}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), r.sub).toHaveLength(1);
      expect(r.stderr).toContain(`greenplan queue ${r.sub}: cannot reach Redis at 127.0.0.1:1`);
      expect(r.stderr).not.toContain('secret');
    }
    // a worker waits for Redis (it may start before it), saying so once, not at every retry
    const worker = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [bin, 'queue', 'worker', '--redis', 'redis://127.0.0.1:1', '--name', 'q', '--concurrency', '1']);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      setTimeout(() => child.kill('SIGTERM'), 4000);
      child.on('close', () => resolve(stderr));
    });
    const said = worker.trimEnd().split('\n').filter((l) => l.includes('ECONNREFUSED'));
    expect(said, worker).toHaveLength(1); // was: two lines a second
  }, 300_000);
  it('JSONL on stdin: one instance or {"id","instance"} per line; plain progress lines on a non-terminal stderr', () => {
    const input = [
      JSON.stringify({ problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4 }] }),
      JSON.stringify({ id: 'named', instance: { problem: 'smoothing', scenarios: [{ demand: [1, 2] }] } }),
      '{not json',
      '',
    ].join('\n');
    const r = run(['batch', '-', '--workers', '1', '--progress-interval', '1'], input);
    expect(r.status).toBe(4);
    const byId = new Map(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((l) => [l.id, l]));
    expect([...byId.keys()].sort()).toEqual(['1', '3', 'named']);
    expect(byId.get('3')).toMatchObject({ status: 'invalid', error: { code: 'invalid-input', path: '', message: expect.stringContaining('not valid JSON') } });
    expect(r.stderr).toMatch(/^batch: 3\/\? done \(1 failed: 1 invalid\), [\d.]+\/s, ETA \?$/m);
  });
  it('a run killed in the middle leaves complete lines; the same command resumes, solving each instance once', async () => {
    const files: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) files[`k${String(i).padStart(2, "0")}.json`] = heavyKnapsack(100 + i, 500);
    const dir = folder(files);
    const out = join(dir, 'results.jsonl');
    const child = spawn(process.execPath, [bin, 'batch', dir, '--out', out, '--workers', '1'], { stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readFileSync(out, 'utf8').split('\n').length > 3) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.once('exit', () => {
        clearInterval(poll);
        reject(new Error('the batch ended before it could be killed'));
      });
    });
    await new Promise((r) => child.once('exit', r));
    const first = readLines(out); // every line is complete JSON
    expect(first.length).toBeGreaterThanOrEqual(3);
    expect(first.length).toBeLessThan(10);
    appendFileSync(out, '{"id":"k09.json","status":"sol'); // as if killed while writing
    const r = run(['batch', dir, '--out', out, '--workers', '2']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`(${first.length} recorded earlier, skipped); ${10 - first.length} in`);
    const lines = readLines(out);
    expect(lines.map((l) => l.id).sort()).toEqual(Object.keys(files).sort());
    expect(lines.slice(0, first.length)).toEqual(first);
    for (const l of lines) expect(l.solution).toEqual(await solve(files[l.id]));
    const size = statSync(out).size;
    expect(run(['batch', dir, '--out', out]).status).toBe(0); // nothing left: nothing written
    expect(statSync(out).size).toBe(size);
  });
  it('Ctrl+C: stops, keeps complete lines, says how to resume, exit 130', async () => {
    const dir = folder({ 'a.json': endlessKnapsack(), 'b.json': { problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4 }] } });
    const out = join(dir, 'results.jsonl');
    const child = spawn(process.execPath, [bin, 'batch', dir, '--out', out, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('batch interrupted');
    expect(stderr).toContain('run the same command again to resume');
    for (const l of readLines(out)) expect(l.id).not.toBe('a.json');
  });
  it('exit 2 for a malformed batch: missing input, bad options, a repeated id, an --out that is not a results file', () => {
    const dir = folder({ 'a.json': { problem: 'knapsack', capacity: 1, items: [] } });
    expect(run(['batch', join(dir, 'missing')]).status).toBe(2);
    const w = run(['batch', dir, '--workers', '0']);
    expect(w.status).toBe(2);
    expect(w.stderr).toContain('--workers must be an integer >= 1');
    const dup = run(['batch', '-'], '{"id":"a","instance":{}}\n{"id":"a","instance":{}}\n');
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain('line 2 repeats the id "a"');
    const foreign = join(dir, 'a.json');
    const r = run(['batch', dir, '--out', foreign]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a greenplan results file');
    expect(JSON.parse(readFileSync(foreign, 'utf8'))).toEqual({ problem: 'knapsack', capacity: 1, items: [] });
    writeFileSync(join(dir, 'empty.jsonl'), '');
    expect(run(['batch', join(dir, 'empty.jsonl')]).status).toBe(0);
  });
});

export type { BatchResult };
