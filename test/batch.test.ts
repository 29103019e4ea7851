// Batch building blocks (src/batch/): the line reader (lazy, bounded, cut lines), the
// results file (whole lines, resume, a cut last line dropped, a foreign file refused), the
// result line format, queue job ids, the progress view (a bar on a terminal, lines
// otherwise) and the summary.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lines, readRecorded, resultLine, ResultFile, openSource } from '../src/batch/jsonl.js';
import { jobIdOf, idOfJob, jobDataOf, COMPRESS_OVER, quietRepeats } from '../src/batch/queue.js';
import { ProgressView } from '../src/batch/progress.js';
import { envelopeOf } from '../src/batch/pool.js';
import { Tally, intOption } from '../src/cli/batch.js';
import { MAX_WORKERS, MAX_TIMER_MS, solveMany, solveManyItems } from '../src/batch/pool.js';
import { parseV8Flags, batchV8Flags, BATCH_V8_FLAGS, SPARE_CORE_V8_FLAGS } from '../src/batch/v8-flags.js';
import { gunzipSync } from 'node:zlib';
import { solve } from '../src/node.js';
import { wasmModule, init } from '../src/wasm/loader.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'greenplan-batch-unit-'));
const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('lines()', () => {
  it('splits chunks at newlines, across chunk boundaries and multi-byte characters', async () => {
    const text = Buffer.from('{"a":"é"}\n\n{"b":2}\r\nlast');
    const chunks = [text.subarray(0, 7), text.subarray(7, 8), text.subarray(8, 15), text.subarray(15)];
    const got = await collect(lines(chunks));
    expect(got.map((l) => [l.n, l.text, l.unterminated ?? false])).toEqual([[1, '{"a":"é"}', false], [2, '', false], [3, '{"b":2}\r', false], [4, 'last', true]]);
  });
  it('reports a line over the limit without keeping it, and goes on', async () => {
    const got = await collect(lines(['short\n', 'x'.repeat(50), 'y'.repeat(50), '\nnext\n'], 64));
    expect(got).toEqual([{ n: 1, text: 'short' }, { n: 2, tooLong: true }, { n: 3, text: 'next' }]);
  });
  it('pulls the stream lazily (backpressure): one line asked, one chunk read', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.from('{"problem":"knapsack"}\n');
      }
    }
    const it = lines(endless());
    for (let i = 0; i < 5; i++) await it.next();
    expect(pulled).toBe(5);
    await it.return(undefined);
  });
});

describe('batch input', () => {
  it('JSONL: ids are line numbers, or the envelope id; bad lines become invalid results; a repeated id is a malformed batch', async () => {
    const dir = tmp();
    const f = join(dir, 'in.jsonl');
    writeFileSync(f, ['{"problem":"knapsack","capacity":1,"items":[]}', '', '{"id":"x","instance":{"problem":"knapsack"}}', '{"instance": nope', '{"id":"x","instance":{}}'].join('\n'));
    const src = openSource(f);
    const it = src.items[Symbol.asyncIterator]();
    expect((await it.next()).value).toMatchObject({ id: '1', task: { json: '{"problem":"knapsack","capacity":1,"items":[]}' } });
    expect((await it.next()).value).toMatchObject({ id: 'x', task: { instance: { problem: 'knapsack' } } });
    expect((await it.next()).value).toMatchObject({ id: '4', result: { status: 'invalid', error: { code: 'invalid-input' } } });
    await expect(it.next()).rejects.toThrow('line 5 repeats the id "x"');
    expect(await src.total).toBe(4);
  });
  it('a folder: its *.json files by name; a missing input is an invalid-input error', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.json'), '{}');
    writeFileSync(join(dir, 'a.json'), '[]');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const src = openSource(dir);
    expect(src.total).toBe(2);
    expect((await collect(src.items)).map((i) => [i.id, i.task?.json])).toEqual([['a.json', '[]'], ['b.json', '{}']]);
    expect(() => openSource(join(dir, 'missing'))).toThrow(/cannot read/);
  });
  it('reads instances as `greenplan solve` does: a UTF-8 byte-order mark is skipped (a JSONL file\'s, a folder file\'s), the JSON limits apply with the path (was: BOM files invalid; a 2^27-element array aborted V8 and the whole batch)', async () => {
    const dir = tmp();
    const k = { problem: 'knapsack', capacity: 1, items: [] };
    writeFileSync(join(dir, 'env.jsonl'), '\ufeff' + JSON.stringify({ id: 'e', instance: k }) + '\n');
    expect((await collect(openSource(join(dir, 'env.jsonl')).items))[0]).toMatchObject({ id: 'e', task: { instance: k } });
    writeFileSync(join(dir, 'plain.jsonl'), '\ufeff' + JSON.stringify(k) + '\n' + JSON.stringify(k) + '\n');
    writeFileSync(join(dir, 'a.json'), '\ufeff' + JSON.stringify(k));
    const { default: solveTask } = await import('../src/batch/task.js');
    for (const item of [...await collect(openSource(join(dir, 'plain.jsonl')).items), ...await collect(openSource(dir).items)]) {
      const r = await solveTask(item.task!);
      expect(r, item.id).toMatchObject({ status: 'solved' });
    }
    expect(await solveTask({ json: '\ufeff' + JSON.stringify(k) })).toMatchObject({ status: 'solved' });
    // the limits of src/core/json.ts: nesting deeper than 256 is refused naming the path (a 2^27-element array likewise: test/batch.dist.test.ts)
    const deep = `{"problem":"smoothing","scenarios":[{"demand":${'['.repeat(300)}${']'.repeat(300)}}]}`;
    const r = await solveTask({ json: deep });
    expect(r).toMatchObject({ status: 'invalid', error: { code: 'invalid-input', path: expect.stringMatching(/^scenarios\[0\]\.demand/) } });
    expect(r.error!.message).toMatch(/deeper than 256 levels/);
    expect(await solveTask({ json: '{"a":' })).toMatchObject({ status: 'invalid', error: { code: 'invalid-input', path: '', message: expect.stringContaining('not valid JSON') } });
  });
  it('an envelope line ({ id, instance }, parsed on the main thread) is read by the same JSON limits as a plain line (review: it was JSON.parse, and the nesting refusal became a schema error)', async () => {
    const dir = tmp();
    const deep = `{"problem":"smoothing","scenarios":[{"demand":${'['.repeat(300)}${']'.repeat(300)}}]}`;
    writeFileSync(join(dir, 'deep.jsonl'), `{"id":"e","instance":${deep}}\n{"id":"f","instance":{"problem":"knapsack"}}\n`);
    const items = await collect(openSource(join(dir, 'deep.jsonl')).items);
    expect(items[0]).toMatchObject({ id: '1', result: { status: 'invalid', error: { code: 'invalid-input', path: expect.stringMatching(/^instance\.scenarios\[0\]\.demand/) } } });
    expect(items[0]!.result!.error!.message).toMatch(/deeper than 256 levels \(in line 1\)$/);
    expect(items[1]).toMatchObject({ id: 'f', task: { instance: { problem: 'knapsack' } } });
    // a syntax error keeps its message
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"e","instance": nope\n');
    expect((await collect(openSource(join(dir, 'bad.jsonl')).items))[0]).toMatchObject({ id: '1', result: { status: 'invalid', error: { code: 'invalid-input', path: '', message: expect.stringMatching(/^line 1 is not valid JSON: /) } } });
  });
  it('envelopes: { id, instance } or { id, json }, never an object with a problem field', () => {
    expect(envelopeOf({ id: 'a', instance: 1 })).toEqual({ id: 'a', instance: 1 });
    expect(envelopeOf({ id: 3, json: '{}' })).toEqual({ id: '3', json: '{}' });
    expect(envelopeOf({ id: 'a', instance: 1, problem: 'knapsack' })).toBeUndefined();
    expect(envelopeOf({ id: {}, instance: 1 })).toBeUndefined();
    expect(envelopeOf(JSON.parse('{"__proto__":{"id":"a"},"instance":1}'))).toBeUndefined();
  });
});

describe('results file', () => {
  it('lines are { id, status, ms, solution | error, check? } in that order', () => {
    expect(resultLine({ id: 'a"b', status: 'solved', ms: 1.5, solutionJson: '{"x":1}', check: { valid: true, reason: 'ok', objective: 1 } }))
      .toBe('{"id":"a\\"b","status":"solved","ms":1.5,"solution":{"x":1},"check":{"valid":true,"reason":"ok","objective":1}}');
    expect(resultLine({ id: '1', status: 'invalid', ms: 0, error: { code: 'invalid-input', path: 'items[0]', message: 'm' } }))
      .toBe('{"id":"1","status":"invalid","ms":0,"error":{"code":"invalid-input","path":"items[0]","message":"m"}}');
  });
  it('resume: the recorded ids; a last line cut short is removed; a file of something else is refused', async () => {
    const dir = tmp();
    const f = join(dir, 'out.jsonl');
    const w = new ResultFile(f);
    w.write(resultLine({ id: 'a', status: 'solved', ms: 1, solutionJson: '{}' }));
    w.write(resultLine({ id: 'b', status: 'timeout', ms: 5, error: { code: 'timeout', path: '', message: 't' } }));
    w.close();
    const whole = readFileSync(f, 'utf8');
    appendFileSync(f, '{"id":"c","status":"sol');
    const rec = await readRecorded(f);
    expect([...rec.entries()]).toEqual([['a', { status: 'solved', valid: undefined }], ['b', { status: 'timeout', valid: undefined }]]);
    expect(readFileSync(f, 'utf8')).toBe(whole);
    const other = join(dir, 'instances.jsonl');
    writeFileSync(other, '{"problem":"knapsack","capacity":1,"items":[]}\n');
    await expect(readRecorded(other)).rejects.toThrow(/not a greenplan results file \(line 1: not a result\)/);
    expect(readFileSync(other, 'utf8')).toBe('{"problem":"knapsack","capacity":1,"items":[]}\n');
    writeFileSync(other, '{"problem":"knapsack","capacity":1,"items":[]}'); // no newline: still not ours
    await expect(readRecorded(other)).rejects.toThrow(/line 1: not a result/);
    expect(readFileSync(other, 'utf8')).toBe('{"problem":"knapsack","capacity":1,"items":[]}');
    expect((await readRecorded(join(dir, 'new.jsonl'))).size).toBe(0);
  });
});

describe('queue jobs', () => {
  it('job ids: injective, never an integer, no ":"', () => {
    for (const id of ['1', 'a:b', 'a%3Ab', '', 'é/x', '__proto__']) {
      const j = jobIdOf(id);
      expect(j).not.toMatch(/^\d+$/);
      expect(j).not.toContain(':');
      expect(idOfJob(j)).toBe(id);
    }
    expect(jobIdOf('a:b')).not.toBe(jobIdOf('a%3Ab'));
  });
  it('large instances travel gzip-compressed', () => {
    const small = jobDataOf({ id: 's', task: { json: '{"problem":"knapsack"}' } });
    expect(small).toEqual({ id: 's', json: '{"problem":"knapsack"}' });
    const json = JSON.stringify({ problem: 'smoothing', scenarios: [{ demand: Array.from({ length: COMPRESS_OVER }, (_, i) => i % 100) }] });
    const big = jobDataOf({ id: 'b', task: { json } });
    expect(big.json).toBeUndefined();
    expect(big.gz!.length).toBeLessThan(json.length / 4);
    expect(gunzipSync(Buffer.from(big.gz!, 'base64')).toString()).toBe(json);
  });
});

describe('progress and summary', () => {
  const p = (done: number, failed: number) => ({ done, failed, skipped: 0, byStatus: { solved: done - failed, infeasible: 0, invalid: failed, timeout: 0, error: 0 }, elapsedMs: done * 100 });
  it('plain lines when stderr is not a terminal', async () => {
    let out = '';
    const view = new ProgressView({ write: (s: string) => (out += s) }, Promise.resolve(10), 10);
    await new Promise((r) => setTimeout(r, 0));
    view.update(p(4, 1));
    view.line();
    await view.stop();
    expect(out).toBe('batch: 4/10 done (1 failed: 1 invalid), 10.0/s, ETA 1 s\nbatch: 4/10 done (1 failed: 1 invalid), 10.0/s, ETA 1 s\n');
  });
  it('a bar with done/total, rate, ETA and failures on a terminal', async () => {
    let out = '';
    const stream = { isTTY: true, columns: 120, write: (s: string) => ((out += s), true), cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => stream, removeListener: () => stream };
    const view = new ProgressView(stream, 8);
    view.update(p(8, 2));
    await view.stop();
    expect(out).toContain('8/8 | 10.0/s | ETA 0 s | failed 2');
    expect(out).toMatch(/█{30}/);
  });
  it('the summary escapes and truncates ids and reasons that come from the input (was: an id\'s escape sequences and newlines printed raw on stderr)', () => {
    const t = new Tally();
    t.add({ id: 'a\u001b[2Jb\nFAKE: line', status: 'invalid', error: { message: 'not valid JSON: Unexpected token \u0007 in "\u001b[31m"' } });
    t.add({ id: 'x'.repeat(5000), status: 'invalid', error: { message: 'capacity is required' } });
    const s = t.summary('batch');
    // eslint-disable-next-line no-control-regex
    expect(s).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(s).toContain('  a\\u001b[2Jb\\nFAKE: line: invalid: not valid JSON: Unexpected token \\u0007 in "\\u001b[31m"\n');
    expect(s.split('\n').every((l) => l.length < 1200)).toBe(true);
  });
  it('the summary says how many failed and why', () => {
    const t = new Tally();
    t.add({ id: 'a', status: 'solved' });
    t.add({ id: 'b', status: 'invalid', error: { message: 'items[0].size must be an integer >= 1' } });
    t.add({ id: 'c', status: 'solved', check: { valid: false, reason: 'over capacity' } });
    t.add({ id: 'd', status: 'timeout', error: { message: 'stopped' } }, true);
    const s = t.summary('batch');
    expect(s).toMatch(/^batch: 4 instances: 2 solved, 1 invalid, 1 timeout, 1 rejected by the checker \(1 recorded earlier, skipped\); 3 in /);
    expect(s).toContain('3 not solved:\n  b: invalid: items[0].size must be an integer >= 1\n  c: solved: check failed: over capacity\n');
  });
});

describe('batch and queue options at their limits (hostile review)', () => {
  it('integer options have an upper bound: a timer longer than setTimeout holds, or more threads than memory holds, is refused (was: --timeout-ms 3e9 fired after 1 ms, every instance a "timeout"; --workers 100000 was killed for memory)', () => {
    expect(intOption('2147483647', '--timeout-ms', 1, MAX_TIMER_MS)).toBe(2147483647);
    expect(() => intOption('2147483648', '--timeout-ms', 1, MAX_TIMER_MS)).toThrow(/^--timeout-ms must be an integer in 1\.\.2147483647, not "2147483648"$/);
    expect(() => intOption('1e308', '--timeout-ms', 1, MAX_TIMER_MS)).toThrow(/--timeout-ms must be an integer in 1\.\.2147483647/);
    expect(() => intOption('100000', '--workers', 1, MAX_WORKERS)).toThrow(new RegExp(`--workers must be an integer in 1\\.\\.${MAX_WORKERS}`));
    expect(() => intOption('0', '--workers', 1, MAX_WORKERS)).toThrow(/--workers must be an integer >= 1, not "0"/);
    expect(MAX_WORKERS).toBeGreaterThanOrEqual(256);
  });
  it('solveMany refuses the same options (a RangeError, before any thread starts)', async () => {
    const drain = async (it: AsyncIterable<unknown>) => { for await (const _ of it) void _; };
    await expect(drain(solveMany([], { workers: MAX_WORKERS + 1 }))).rejects.toThrow(/workers must be an integer in 1\.\./);
    await expect(drain(solveMany([], { timeoutMs: 2 ** 31 }))).rejects.toThrow(/timeoutMs must be a number in \(0, 2147483647\]/);
  });
  it('solveMany gives each id once: a repeated id (envelope or bare index) is recorded invalid at path "id", not solved; the first is solved', async () => {
    const k = { problem: 'knapsack', capacity: 5, items: [{ size: 1, value: 1 }] };
    const got = await collect(solveManyItems([
      { id: 'a', instance: k }, // 0
      k, // 1: id "1"
      { id: 'a', json: JSON.stringify(k) }, // 2: repeats "a"
      { id: 1, instance: k }, // 3: the number 1 is the id "1" of the bare instance at index 1
      { id: 'b', instance: k }, // 4
      k, // 5: id "5"
    ]));
    expect(got.map((g) => [g.id, g.task ? 'task' : g.result!.status])).toEqual([['a', 'task'], ['1', 'task'], ['a', 'invalid'], ['1', 'invalid'], ['b', 'task'], ['5', 'task']]);
    expect(got[2]!.result).toEqual({ status: 'invalid', ms: 0, error: { code: 'invalid-input', path: 'id', message: 'item 2 repeats the id "a" of item 0 (results are matched by id: each id may be given once); not solved' } });
    expect(got[3]!.result!.error!.message).toMatch(/^item 3 repeats the id "1" of item 1 /);
    // the first item with an id keeps its task (the instance as given)
    expect(got[0]!.task).toEqual({ instance: k });
    // ids shaped like Object.prototype keys are ids like the others
    const proto = await collect(solveManyItems([{ id: '__proto__', instance: k }, { id: 'constructor', instance: k }, { id: '__proto__', instance: k }]));
    expect(proto.map((g) => g.result?.status ?? 'task')).toEqual(['task', 'task', 'invalid']);
  });
  it('an --out that is a folder is refused as "cannot write" (invalid-input: exit 2), not an internal error', async () => {
    const dir = tmp();
    await expect(readRecorded(dir)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^cannot write .*: it is a folder$/) });
  });
});

describe('the compiled kernels handed to the batch threads (wasmModule())', () => {
  it('compiles once and hands out the same module; after init(module) it is that module, and solving uses it', async () => {
    const smoothing = { problem: 'smoothing', alpha: 2, scenarios: [{ demand: [1, 5, 2, 8, 3] }] };
    const want = await solve(smoothing);
    const a = await wasmModule();
    expect(a).toBeInstanceOf(WebAssembly.Module);
    expect(await wasmModule()).toBe(a);
    const b = new WebAssembly.Module(readFileSync(new URL('../build/greenplan.wasm', import.meta.url)));
    await init(b);
    expect(await wasmModule()).toBe(b);
    expect(await solve(smoothing)).toEqual(want);
  });
});

describe('the V8 flags of greenplan batch (src/batch/v8-flags.ts)', () => {
  it('takes space- or comma-separated flags that are safe at run time; "" is none; refuses the rest', () => {
    expect(parseV8Flags('')).toEqual([]);
    expect(parseV8Flags(' --no-concurrent-recompilation, --parallel-scavenge  --max-semi-space-size=64,--max-inlined-bytecode-size-cumulative=230')).toEqual(['--no-concurrent-recompilation', '--parallel-scavenge', '--max-semi-space-size=64', '--max-inlined-bytecode-size-cumulative=230']);
    for (const bad of ['--single-threaded-gc', '--no-concurrent-marking', '--no-parallel-marking', '--single-threaded', '--max-semi-space-size=', 'no-parallel-scavenge', '--allow-natives-syntax']) {
      expect(() => parseV8Flags(bad)).toThrow(/not one of the flags safe/);
    }
    for (const f of BATCH_V8_FLAGS) expect(parseV8Flags(f)).toEqual([f]);
    // numbers V8 would refuse (it prints an error and ignores the flag) are refused here
    for (const bad of ['--max-semi-space-size=99999999999999999999', '--max-semi-space-size=0', '--max-inlined-bytecode-size=70000']) expect(() => parseV8Flags(bad)).toThrow(/integer from 1 to 4096/);
    // the interrupt budget counts bytes of bytecode: up to 2^30
    expect(parseV8Flags('--interrupt-budget=1081344')).toEqual(['--interrupt-budget=1081344']);
    for (const bad of ['--interrupt-budget=0', '--interrupt-budget=1073741825', '--interrupt-budget=']) expect(() => parseV8Flags(bad)).toThrow(/integer from 1 to 1073741824|not one of the flags safe/);
    for (const f of SPARE_CORE_V8_FLAGS) expect(parseV8Flags(f)).toEqual([f]);
  });
});

describe('the default V8 flags of greenplan batch', () => {
  it('BATCH_V8_FLAGS when the workers take every core, SPARE_CORE_V8_FLAGS (a larger interrupt budget only) with a core to spare', () => {
    expect(batchV8Flags(2, 2)).toEqual([...BATCH_V8_FLAGS]);
    expect(batchV8Flags(4, 2)).toEqual([...BATCH_V8_FLAGS]);
    expect(batchV8Flags(1, 2)).toEqual([...SPARE_CORE_V8_FLAGS]);
    expect(batchV8Flags(7, 8)).toEqual([...SPARE_CORE_V8_FLAGS]);
    expect(SPARE_CORE_V8_FLAGS.some((f) => f.includes('concurrent-recompilation'))).toBe(false);
  });
});

describe('quietRepeats (the queue worker\'s error lines while Redis is down)', () => {
  it('says a message once, a repeat at most once a minute with its count, another message at once', () => {
    const said: string[] = [];
    let t = 0;
    const report = quietRepeats((l) => said.push(l), 60_000, () => t);
    for (let i = 0; i < 100; i++) { report(new Error('connect ECONNREFUSED 127.0.0.1:1')); t += 500; }
    expect(said).toEqual(['connect ECONNREFUSED 127.0.0.1:1']); // 50 s of retries: one line
    t += 10_000;
    report(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    expect(said).toEqual(['connect ECONNREFUSED 127.0.0.1:1', 'still: connect ECONNREFUSED 127.0.0.1:1 (101 times)']);
    report(new Error('READONLY You can\'t write against a read only replica.'));
    expect(said).toHaveLength(3);
    report(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    expect(said).toHaveLength(4); // a new message again after another
  });
});
