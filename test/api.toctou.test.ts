// Inputs that change while greenplan reads them ("TOCTOU"): a getter that returns a valid
// value on its first read and an invalid one (NaN, a string, an array of 2^32 - 1
// elements) on every later read, or only after its k-th read (validation reads some values
// more than once: the old code solved a huge `demand` it never validated, kernels returned
// errors, and V8 aborted the process). solve(), trySolve() and check() read the caller's
// instance once, into a snapshot, and validate and solve that snapshot
// (docs/contract.md, "Errors"): the answer is the first value's, or invalid-input; never a
// crash, an internal error or a solution of values that validation never saw.
import { describe, expect, it } from 'vitest';
import { PROBLEMS, solve, trySolve, check, GreenplanError } from '../src/node.js';
import { readFileSync } from 'node:fs';
import { envelopeOf } from '../src/batch/pool.js';

type Json = any;

/** The instance of examples/<problem>.json (examples/smoothing.json for smoothing). */
const BASE: Record<string, Json> = Object.fromEntries(PROBLEMS.map((p) => [p, JSON.parse(readFileSync(new URL(`../examples/${p}.json`, import.meta.url), 'utf8'))]));
BASE.migration!.target = 'heuristic'; // HiGHS not loaded: the test solves it some 200 times

/** Every property of `v` (objects and arrays, depth first; of an array its first two elements) as [path, owner, key]. */
function properties(v: Json, path = ''): [string, Json, string | number][] {
  const out: [string, Json, string | number][] = [];
  if (Array.isArray(v)) v.slice(0, 2).forEach((x, i) => { out.push([`${path}[${i}]`, v, i], ...properties(x, `${path}[${i}]`)); });
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push([path ? `${path}.${k}` : k, v, k], ...properties(v[k], path ? `${path}.${k}` : k));
  return out;
}

/** The invalid value a flipping getter returns after its first read. */
function later(good: unknown): unknown {
  if (Array.isArray(good)) return new Array(2 ** 32 - 1); // a "huge array length", holes throughout
  if (typeof good === 'number') return Number.NaN;
  if (typeof good === 'string') return 'bogus';
  if (good === null) return -1;
  return { colour: 'red' };
}

/** A copy of `base` whose property at `path` returns its value `k` times, then later(value). */
function flipping(base: Json, path: string, k = 1): { inst: Json; reads: () => number } {
  const inst = structuredClone(base);
  const [, owner, key] = properties(inst).find(([p]) => p === path)!;
  const good = owner[key];
  let reads = 0;
  Object.defineProperty(owner, key, { enumerable: true, configurable: true, get: () => (reads++ < k ? good : later(good)) });
  return { inst, reads: () => reads };
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('a getter that returns a valid value first and an invalid one afterwards', () => {
  for (const name of PROBLEMS) {
    it(`${name}: solve(), trySolve() and check() see one snapshot (every property of the instance)`, async () => {
      const expected = plain(await solve(BASE[name]));
      const paths = properties(BASE[name]).map(([p]) => p);
      expect(paths.length).toBeGreaterThan(5);
      for (const path of paths) for (let k = 1; k <= 6; k++) {
        const a = flipping(BASE[name], path, k);
        const got = await solve(a.inst).then(plain, (e) => e);
        if (got instanceof Error) {
          expect(got, `${path}: ${got.message}`).toBeInstanceOf(GreenplanError);
          expect((got as GreenplanError).code, `${path}: ${got.message}`).toBe('invalid-input');
        } else {
          // the timing and energy blocks aside, the same answer as the first value's
          expect(got, path).toEqual(expected);
        }
        expect(a.reads(), `${path}: read once`).toBe(1);
        if (k === 1) {
          const b = flipping(BASE[name], path, k);
          const t = await trySolve(b.inst);
          if (t.ok) expect(plain(t.solution), path).toEqual(expected);
          else expect(t.error.code, `${path}: ${t.error.message}`).toBe('invalid-input');
        }
        const c = flipping(BASE[name], path, k);
        let report: unknown;
        try {
          report = check(c.inst, expected);
        } catch (e) {
          report = e;
        }
        expect(report, path).toMatchObject({ valid: true });
        expect(c.reads(), `${path}: check reads it once`).toBe(1);
      }
    });
  }
  it('check() reads the solution once too', async () => {
    const sol = plain(await solve(BASE.knapsack));
    let reads = 0;
    const flipped = { ...sol };
    Object.defineProperty(flipped, 'take', { enumerable: true, get: () => (reads++ === 0 ? sol.take : new Array(2 ** 32 - 1)) });
    expect(check(BASE.knapsack, flipped)).toMatchObject({ valid: true });
    expect(reads).toBe(1);
  });
  it('a getter that throws while the solution is read: not valid, no throw', async () => {
    const sol = plain(await solve(BASE.knapsack));
    Object.defineProperty(sol, 'take', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(check(BASE.knapsack, sol)).toEqual({ valid: false, reason: 'take cannot be read: reading it threw "boom" (a getter or a Proxy of the solution)' });
  });
  it('a cycle, nesting deeper than 256 or a plain array over 2^26 elements: invalid-input naming the path', async () => {
    const cyclic = structuredClone(BASE.knapsack);
    cyclic.items[1].self = cyclic.items;
    const deep = structuredClone(BASE.knapsack);
    let d: Json = deep.items[0];
    for (let i = 0; i < 300; i++) d = d.x = {};
    const long = structuredClone(BASE.smoothing);
    long.scenarios[0].demand = new Array(2 ** 26 + 1);
    const cases: [Json, string, RegExp][] = [
      [cyclic, 'items[1].self', /refers to an enclosing value \(a cycle\)/],
      [deep, 'items[0]' + '.x'.repeat(254), /nested deeper than 256 levels/],
      [long, 'scenarios[0].demand', /has 67108865 elements, more than 67108864/],
    ];
    for (const [inst, path, message] of cases) {
      const e = await solve(inst).then(() => undefined, (x) => x);
      expect(e).toBeInstanceOf(GreenplanError);
      expect([e.code, e.path]).toEqual(['invalid-input', path]);
      expect(e.message).toMatch(message);
    }
    // typed arrays, NaN and undefined fields are kept as they are: validation judges them as before
    const typed = structuredClone(BASE.smoothing);
    typed.scenarios[0].demand = Float64Array.from(typed.scenarios[0].demand);
    typed.scenarios[0].weight = undefined;
    expect(plain(await solve(typed))).toEqual(plain(await solve(BASE.smoothing)));
    const nan = structuredClone(BASE.smoothing);
    nan.scenarios[0].demand = Float64Array.from([1, Number.NaN]);
    expect((await trySolve(nan)).ok).toBe(false);
  });
  it('solveMany reads an envelope\'s id and json once (the instance goes to its thread in one structured clone)', () => {
    let reads = 0;
    const env = { instance: BASE.knapsack } as Json;
    Object.defineProperty(env, 'id', { enumerable: true, get: () => (reads++ === 0 ? 'a' : { toString: () => { throw new Error('second read'); } }) });
    expect(envelopeOf(env)).toEqual({ id: 'a', instance: BASE.knapsack });
    expect(reads).toBe(1);
    let jsonReads = 0;
    const text = { id: 7 } as Json;
    Object.defineProperty(text, 'json', { enumerable: true, get: () => (jsonReads++ === 0 ? '{}' : 42) });
    expect(envelopeOf(text)).toEqual({ id: '7', json: '{}' });
    expect(jsonReads).toBe(1);
  });
});
