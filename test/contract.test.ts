// The result contract (docs/contract.md) over every registered problem, so that problems
// added to the registry are held to it: statuses from one set, unsolved statuses with a
// reason, infeasible claims judged the same way, check() validating the instance first,
// every validation issue listed with its path, errors that keep their fields through
// errorFromFields (the worker boundary), trySolve never rejecting, and the JSON reader's
// limits. (Checkers reaching no solver code: test/architecture.test.ts.)
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import {
  REGISTRY, PROBLEMS, solve, trySolve, check, STATUSES, withContract,
  GreenplanError, ValidationError, errorFromFields, ERROR_CODES,
} from '../src/node.js';
import { uniqueNames } from '../src/core/validate.js';
import { quote, asGreenplanError } from '../src/core/errors.js';
import { scanJson, scanJsonLoop, parseJsonBytes, parseJsonText } from '../src/core/json.js';
import fc from 'fast-check';
import { defineProblem } from '../src/problems/types.js';
import { Type } from '@sinclair/typebox';
import { invalidInstances } from './helpers/hostile.js';

const examplesDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8')));

describe('every registered problem keeps the result contract', () => {
  it('every problem has an example, and its answer has a known status and passes check()', async () => {
    for (const name of PROBLEMS) {
      const mine = examples.filter((e) => e.problem === name);
      expect(mine.length, `examples/ has no ${name} instance`).toBeGreaterThan(0);
      for (const inst of mine) {
        const sol = (await solve(inst)) as { status: string; reason?: unknown };
        expect(STATUSES).toContain(sol.status);
        if (sol.status === 'infeasible' || sol.status === 'timeout') expect(typeof sol.reason).toBe('string');
        const report = check(inst, sol);
        expect(report, `${name}: ${report.reason}`).toMatchObject({ valid: true });
      }
    }
  });
  it.each(PROBLEMS)('%s: unsolved claims need a reason; malformed solutions are reported, never thrown', (name) => {
    const inst = examples.find((e) => e.problem === name)!;
    const problem = REGISTRY[name];
    for (const sol of [null, [], 'x', 7, {}, { problem: name }, { problem: name, status: 'great' }, { problem: 'other', status: 'optimal' },
      { problem: name, status: 'infeasible' }, { problem: name, status: 'infeasible', reason: '' }, { problem: name, status: 'optimal' },
      { problem: name, status: 'feasible', items: [null], scenarios: [null], take: [null], rounds: [null] }]) {
      const r = problem.check(inst, sol);
      expect(r.valid, `${JSON.stringify(sol)}: ${r.reason}`).toBe(false);
      expect(typeof r.reason).toBe('string');
    }
    // an infeasible claim with a reason is judged (refuted, proved or not proved), never thrown
    const claim = problem.check(inst, { problem: name, status: 'infeasible', reason: 'no room' });
    expect(typeof claim.valid).toBe('boolean');
    if (claim.valid) expect(claim).toMatchObject({ status: 'infeasible' });
  });
  it.each(PROBLEMS)('%s: check() validates the instance first (a ValidationError naming the path)', (name) => {
    const inst = examples.find((e) => e.problem === name)!;
    const broken = { ...inst, colour: 'red' };
    expect(() => check(broken, {})).toThrow(ValidationError);
    try {
      check(broken, {});
    } catch (e) {
      expect((e as ValidationError).path).toBe('colour');
    }
  });
  it.each(invalidInstances())('%s/%s: solve() and check() refuse it alike, naming the path', async (_p, _v, inst, path) => {
    // check() runs the problem's full validation (cross-field rules too), not the schema alone
    const viaSolve = await trySolve(inst);
    expect(viaSolve.ok).toBe(false);
    const solveErr = (viaSolve as { error: GreenplanError }).error;
    expect(solveErr.code).toBe('invalid-input');
    let checkErr: unknown;
    try {
      check(inst, {});
    } catch (e) {
      checkErr = e;
    }
    expect(checkErr).toBeInstanceOf(GreenplanError);
    expect((checkErr as GreenplanError).code).toBe('invalid-input');
    expect(`${(checkErr as GreenplanError).path} ${(checkErr as Error).message}`).toContain(path);
    expect((checkErr as GreenplanError).path).toBe(solveErr.path);
  });
  it('infeasible claims: refuted when the instance has a solution, proved from a certificate', async () => {
    const budget = { problem: 'smoothing', budget: 5, scenarios: [{ demand: [3, 3, 3] }] };
    const sol = await solve(budget);
    expect(check(budget, sol)).toMatchObject({ valid: true, status: 'infeasible', proved: true });
    expect(check({ ...budget, budget: 9 }, sol).reason).toContain('fits the budget');
    const k = { problem: 'knapsack', capacity: 3, items: [] };
    expect(check(k, { problem: 'knapsack', status: 'infeasible', reason: 'none' })).toMatchObject({ valid: false });
    const mig = { problem: 'migration', resources: ['cpu'], machines: [{ name: 'm', capacity: [10] }], tasks: [{ name: 't', demand: [20] }] };
    const msol = await solve(mig);
    expect(msol.status).toBe('infeasible');
    expect(check(mig, msol)).toMatchObject({ valid: true, proved: true });
    const placed = { ...mig, tasks: [{ name: 't', demand: [2], machine: 'm' }] };
    expect(check(placed, msol).reason).toContain('every task is placed already');
  });
  it('a problem added with defineProblem inherits the contract (infeasible accepted as not proved, checker crashes reported)', () => {
    const toy = defineProblem({
      name: 'toy', title: 'toy', schema: Type.Object({ problem: Type.Literal('toy'), n: Type.Number() }),
      solve: async () => ({ problem: 'toy', status: 'optimal' }),
      check: (_i: any, s: any) => ({ valid: s.value.deep === 1, reason: 'ok' }),
    });
    expect(() => check({ problem: 'toy' }, {})).toThrow(/problem must be one of/); // not registered
    expect(toy.validate).toBeUndefined(); // check() then validates with the schema
    expect(toy.check({ problem: 'toy', n: 1 }, { problem: 'toy', status: 'infeasible', reason: 'r' })).toMatchObject({ valid: true, proved: false });
    expect(toy.check({ problem: 'toy', n: 1 }, { problem: 'toy', status: 'optimal' }).reason).toMatch(/malformed/);
    // wrapping twice changes nothing
    const once = withContract('toy', () => ({ valid: true, reason: 'ok' }));
    expect(defineProblem({ ...toy, check: once }).check).toBe(once);
  });
});

describe('errors', () => {
  it('ValidationError lists every issue with its path; the first is the message', async () => {
    const r = await trySolve({ problem: 'knapsack', capacity: -1, items: [{ size: 0, value: 1 }, { size: 1, value: -2 }], extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.error as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    const paths = e.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['extra', 'capacity', 'items[0].size', 'items[1].value']));
    expect(e.message).toBe(e.issues[0]!.message);
    expect(e.path).toBe(e.issues[0]!.path);
  });
  it('cross-field rules list every issue too (deployment parts ranges and reserved names)', async () => {
    const r = await trySolve({ problem: 'deployment', binCapacity: 10, bins: [{ name: 'new-1', free: 1 }, { name: 'new-2', free: 1 }],
      items: [{ size: 1, minParts: 3, maxParts: 2 }, { size: 1, minParts: 2, maxParts: 4, parts: 5 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect((r.error as ValidationError).issues.map((i) => i.path)).toEqual(['items[0].maxParts', 'items[1].parts', 'bins[0].name', 'bins[1].name']);
  });
  it('uniqueNames reports every duplicate, names quoted and truncated', () => {
    try {
      uniqueNames('items', ['a', 'b', 'a', 'b', 'x'.repeat(1000), 'x'.repeat(1000)]);
      expect.unreachable();
    } catch (e) {
      const v = e as ValidationError;
      expect(v.issues.map((i) => i.path)).toEqual(['items[2].name', 'items[3].name', 'items[5].name']);
      expect(v.issues[2]!.message.length).toBeLessThan(200);
    }
    expect(uniqueNames('s', ['__proto__', 'constructor', 'toString']).get('__proto__')).toBe(0);
  });
  it('errorFromFields rebuilds the class and fields (the worker boundary) without parsing text', () => {
    const v = ValidationError.of([{ path: 'a[1]', message: 'a[1] must be x' }, { path: 'b', message: 'b is required' }]);
    const back = errorFromFields(JSON.parse(JSON.stringify(v.toJSON())));
    expect(back).toBeInstanceOf(ValidationError);
    expect(back).toMatchObject({ code: 'invalid-input', path: 'a[1]', message: 'a[1] must be x' });
    expect((back as ValidationError).issues).toHaveLength(2);
    for (const code of ERROR_CODES) {
      const g = errorFromFields(new GreenplanError(code, `m ${code}`, 'p').toJSON());
      expect(g).toMatchObject({ code, message: `m ${code}`, path: 'p' });
    }
    expect(errorFromFields({ name: 'x', code: 'nonsense' as never, message: 'm', path: '' }).code).toBe('internal');
  });
  it('trySolve never rejects, whatever it is given', async () => {
    const cyclic: any = { problem: 'knapsack', capacity: 1 };
    cyclic.items = [cyclic];
    const hostile: unknown[] = [
      undefined, null, 1n, Symbol('s'), () => 1, new Proxy({}, { get() { throw new Error('boom'); } }),
      cyclic, { problem: 'smoothing', scenarios: new Proxy([], { get() { throw new TypeError('trap'); } }) },
      JSON.parse('{"problem":"knapsack","capacity":1,"items":[],"__proto__":{"x":1}}'),
    ];
    let deep: any = 1;
    for (let i = 0; i < 100000; i++) deep = [deep];
    hostile.push({ problem: 'smoothing', scenarios: [{ demand: deep }] }, deep);
    for (const v of hostile) {
      const r = await trySolve(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBeInstanceOf(GreenplanError);
    }
  });
  it('asGreenplanError maps the engine\'s own failures', () => {
    expect(asGreenplanError(new RangeError('Maximum call stack size exceeded')).code).toBe('invalid-input');
    expect(asGreenplanError(new RangeError('Array buffer allocation failed')).code).toBe('out-of-memory');
    expect(asGreenplanError(new TypeError('x is undefined'))).toMatchObject({ code: 'internal' });
  });
  it('quote escapes control characters and truncates', () => {
    expect(quote('a\nb\u0000\u001b[31m')).toBe('"a\\nb\\u0000\\u001b[31m"');
    expect(quote('\u202e')).toBe('"\\u202e"');
    expect(quote('x'.repeat(10_000_000))).toMatch(/…" \(10000000 characters\)$/);
  });
});

describe('JSON limits (src/core/json.ts)', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('refuses a long array naming its path, before parsing', () => {
    expect(() => scanJson(bytes('{"problem":"smoothing","scenarios":[{"name":"a","demand":[1,2,3,4]}]}'), 3)).toThrow(/^scenarios\[0\]\.demand is an array of more than 3 elements/);
    expect(() => scanJson(bytes('{"a":"[,,,,,]","b":[1,2,3]}'), 3)).not.toThrow(); // commas in strings do not count
    expect(() => scanJson(bytes('{"we\\"ird":[1,2,3,4]}'), 3)).toThrow(/^\["we\\"ird"\] is an array/);
  });
  it('refuses deep nesting naming the path', () => {
    expect(() => scanJson(bytes('{"a":[[[[1]]]]}'), 100, 3)).toThrow(/^a\[0\]\[0\] nests arrays and objects deeper than 3 levels/);
  });
  it('the fast path (native byte counts) decides exactly as the byte loop, on hostile texts', () => {
    const outcome = (f: () => void) => { try { f(); return 'ok'; } catch (e) { return (e as Error).message; } };
    const text = fc.array(fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', '1', ' ', 'a'), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 45 }), fc.integer({ min: 0, max: 12 }), (s, maxArray, maxDepth) => {
      const b = bytes(s);
      expect(outcome(() => scanJson(b, maxArray, maxDepth))).toBe(outcome(() => scanJsonLoop(b, maxArray, maxDepth)));
    }), { numRuns: 3000 });
    // at the boundaries: exactly maxDepth opens (fast path), one more (the loop decides), brackets inside strings
    expect(() => scanJson(bytes('[[[1]]]'), 100, 3)).not.toThrow();
    expect(() => scanJson(bytes('[[[[1]]]]'), 100, 3)).toThrow(/nests arrays and objects deeper than 3 levels/);
    expect(() => scanJson(bytes('["[[[[",[1]]'), 100, 3)).not.toThrow();
    expect(() => scanJson(bytes('[1,2,3]'), 7)).not.toThrow();
    expect(() => scanJson(bytes('[1,2,3,4,5,6,7,8]'), 7)).toThrow(/more than 7 elements/);
  });
  it('accepts a byte-order mark; refuses non-UTF-8 and bad JSON in one line', () => {
    expect(parseJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"a":1}')]), 'x')).toEqual({ a: 1 });
    expect(() => parseJsonBytes(new Uint8Array([0x7b, 0xff, 0x7d]), 'instance f')).toThrow(/instance f is not valid JSON: it is not UTF-8 text/);
    expect(() => parseJsonBytes(bytes('{"a":'), 'instance f')).toThrow(/instance f is not valid JSON/);
  });
  it('text already decoded (batch, queue, worker solveJson) is read by the same rules: parseJsonText', () => {
    expect(parseJsonText('\ufeff{"a":1}', 'x')).toEqual({ a: 1 });
    expect(() => parseJsonText('{"a":[1,2,3,4]}', 'x', 3)).toThrow(/^a is an array of more than 3 elements.*\(in x\)$/);
    expect(() => parseJsonText('{"é":[[[[1]]]]}', 'x', 100, 3)).toThrow(/nests arrays and objects deeper than 3 levels/);
    expect(parseJsonText('["[[[[",[1]]', 'x', 100, 3)).toEqual(['[[[[', [1]]);
    expect(() => parseJsonText('{"a":', 'instance f')).toThrow(/instance f is not valid JSON/);
    // the fast path (no scan) and the scan decide alike
    const outcome = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { return (e as Error).message.replace(/ \(in x\)$/, ''); } };
    const text = fc.array(fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', '1', ' ', 'a', 'é'), { maxLength: 30 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 35 }), fc.integer({ min: 0, max: 10 }), (s, maxArray, maxDepth) => {
      const scanned = outcome(() => scanJsonLoop(bytes(s), maxArray, maxDepth));
      const got = outcome(() => parseJsonText(s, 'x', maxArray, maxDepth));
      if (scanned !== 'ok') expect(got).toBe(scanned);
      else expect(got === 'ok' || /not valid JSON/.test(got)).toBe(true);
    }), { numRuns: 2000 });
  });
  it('the worker\'s solveJson reads text by those rules (was: a BOM was "not valid JSON"; a 2^27-element array would abort V8 in the worker)', async () => {
    const { solverApi } = await import('../src/worker/api.js');
    const k = { problem: 'knapsack', capacity: 1, items: [] };
    expect(JSON.parse((await solverApi.solveJson('\ufeff' + JSON.stringify(k))).json)).toMatchObject({ status: 'optimal' });
    const deep = `{"problem":"smoothing","scenarios":[{"demand":${'['.repeat(300)}${']'.repeat(300)}}]}`;
    await expect(solverApi.solveJson(deep)).rejects.toMatchObject({ code: 'invalid-input', path: expect.stringMatching(/^scenarios\[0\]\.demand/), message: expect.stringMatching(/deeper than 256 levels/) });
    await expect(solverApi.solveJson('{"a":')).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/not valid JSON/) });
  });
  it('parsed JSON is solved and checked without a second copy (solveOwned, checkOwned) with exactly the answers and errors of solve() and check()', async () => {
    const { solverApi } = await import('../src/worker/api.js');
    const { solve, trySolve } = await import('../src/solve.js');
    const { check } = await import('../src/check.js');
    const texts = [
      JSON.stringify({ problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4 }, { size: 4, value: 5 }, { size: 5, value: 7 }] }),
      JSON.stringify({ problem: 'smoothing', alpha: 1.5, scenarios: [{ name: 'a', maxStep: 2, demand: [3, 1, 4, 1, 5, 9, 2, 6] }] }),
      JSON.stringify({ problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] }),
      JSON.stringify({ problem: 'smoothing', scenarios: [{ demand: [1, 'x'] }] }),
      JSON.stringify({ problem: 'nope' }),
    ];
    for (const text of texts) {
      const direct = await trySolve(JSON.parse(text));
      const viaJson = await solverApi.solveJson(text, { check: true }).then((r) => ({ ok: true as const, r }), (e) => ({ ok: false as const, e }));
      expect(viaJson.ok).toBe(direct.ok);
      if (direct.ok && viaJson.ok) {
        expect(viaJson.r.json).toBe(JSON.stringify(direct.solution));
        expect(viaJson.r.check).toEqual(check(JSON.parse(text), direct.solution));
      } else if (!direct.ok && !viaJson.ok) expect({ code: viaJson.e.code, path: viaJson.e.path, message: viaJson.e.message }).toEqual({ code: direct.error.code, path: direct.error.path, message: direct.error.message });
    }
    await expect(solve(JSON.parse(texts[0]!))).resolves.toMatchObject({ status: 'optimal' });
  });
});
