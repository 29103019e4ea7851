// The per-problem public entries (smooth, knapsack, deploy, migrate, forecast,
// solveAutoscaling, the validate* functions and the check* checkers of src/index.ts) read
// their input once, into the same snapshot as solve(), trySolve() and check()
// (src/core/snapshot.ts, docs/contract.md "Errors"): an input whose getter returns a valid
// value first and another afterwards (a value, or an array's length) gives the answer of the
// first values or invalid-input naming a path; never an internal error, a TypeError or a
// crash, and every property is read exactly once.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  PROBLEMS, GreenplanError,
  smooth, knapsack, deploy, migrate, forecast, solveAutoscaling,
  validateSmoothing, validateKnapsack, validateDeployment, validateMigration, validateForecast, validateAutoscaling,
  checkSmoothing, checkKnapsack, checkDeployment, checkMigration, checkForecast, checkAutoscaling,
} from '../src/node.js';

type Json = any;

const BASE: Record<string, Json> = Object.fromEntries(PROBLEMS.map((p) => [p, JSON.parse(readFileSync(new URL(`../examples/${p}.json`, import.meta.url), 'utf8'))]));
BASE.migration!.target = 'heuristic'; // HiGHS not loaded

/** Each problem's public solver, validator and checker. */
const API: Record<string, { solve: (i: Json) => Promise<unknown>; validate: (i: unknown) => void; check: (i: Json, s: Json) => Json }> = {
  smoothing: { solve: (i) => smooth(i), validate: validateSmoothing, check: checkSmoothing },
  knapsack: { solve: (i) => knapsack(i), validate: validateKnapsack, check: checkKnapsack },
  deployment: { solve: (i) => deploy(i), validate: validateDeployment, check: checkDeployment },
  migration: { solve: (i) => migrate(i), validate: validateMigration, check: checkMigration },
  forecast: { solve: (i) => forecast(i), validate: validateForecast, check: checkForecast },
  autoscaling: { solve: (i) => solveAutoscaling(i), validate: validateAutoscaling, check: checkAutoscaling },
};

/** Every property of `v` (depth first; of an array its first two elements) as [path, owner, key]. */
function properties(v: Json, path = ''): [string, Json, string | number][] {
  const out: [string, Json, string | number][] = [];
  if (Array.isArray(v)) v.slice(0, 2).forEach((x, i) => { out.push([`${path}[${i}]`, v, i], ...properties(x, `${path}[${i}]`)); });
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push([path ? `${path}.${k}` : k, v, k], ...properties(v[k], path ? `${path}.${k}` : k));
  return out;
}

/** The value a flipping getter returns after its k-th read. */
function later(good: unknown): unknown {
  if (Array.isArray(good)) return new Array(2 ** 32 - 1);
  if (typeof good === 'number') return Number.NaN;
  if (typeof good === 'string') return 'bogus';
  if (good === null) return -1;
  return { colour: 'red' };
}

/** A copy of `base` whose property at `path` returns its value k times, then later(value). */
function flipping(base: Json, path: string, k = 1): { value: Json; reads: () => number } {
  const value = structuredClone(base);
  const [, owner, key] = properties(value).find(([p]) => p === path)!;
  const good = owner[key];
  let reads = 0;
  Object.defineProperty(owner, key, { enumerable: true, configurable: true, get: () => (reads++ < k ? good : later(good)) });
  return { value, reads: () => reads };
}

/** A copy of `base` whose array at `path` is a Proxy reporting its length once, then 2^32 - 1 (then 0 from the 3rd read). */
function lengthFlipping(base: Json, path: string): { value: Json; reads: () => number } {
  const value = structuredClone(base);
  const [, owner, key] = properties(value).find(([p]) => p === path)!;
  let reads = 0;
  owner[key] = new Proxy(owner[key], { get: (t, k) => (k === 'length' ? (reads++ === 0 ? t.length : reads === 2 ? 2 ** 32 - 1 : 0) : Reflect.get(t, k)) });
  return { value, reads: () => reads };
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
const arrayPaths = (v: Json) => properties(v).filter(([, o, k]) => Array.isArray(o[k])).map(([p]) => p);

/** The outcome of `f`: its value, or the error it threw (sync or async). */
async function outcome<T>(f: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** An error that is greenplan's invalid-input. */
function expectInvalidInput(error: unknown, what: string): void {
  expect(error, `${what}: ${(error as Error)?.message}`).toBeInstanceOf(GreenplanError);
  expect((error as GreenplanError).code, `${what}: ${(error as Error).message}`).toBe('invalid-input');
}

describe('the per-problem public functions read their input once (a getter that changes its value)', () => {
  for (const name of PROBLEMS) {
    const api = API[name]!;
    it(`${name}: solver, validator and checker on every property (the first value, or invalid-input)`, async () => {
      const expected = plain(await api.solve(BASE[name]));
      const solution = await api.solve(BASE[name]);
      expect(api.check(BASE[name], solution), 'the checker accepts the plain solve').toMatchObject({ valid: true });
      const paths = properties(BASE[name]).map(([p]) => p);
      expect(paths.length).toBeGreaterThan(5);
      for (const path of paths) for (const k of [1, 3]) {
        const a = flipping(BASE[name], path, k);
        const got = await outcome(() => api.solve(a.value));
        if (got.ok) expect(plain(got.value), path).toEqual(expected);
        else expectInvalidInput(got.error, path);
        expect(a.reads(), `${path}: the solver reads it once`).toBe(1);

        const b = flipping(BASE[name], path, k);
        const v = await outcome(() => api.validate(b.value));
        if (!v.ok) expectInvalidInput(v.error, path);
        expect(b.reads(), `${path}: the validator reads it once`).toBe(1);

        const c = flipping(BASE[name], path, k);
        const report = await outcome(() => api.check(c.value, solution));
        expect(report, path).toMatchObject({ ok: true, value: { valid: true } });
        expect(c.reads(), `${path}: the checker reads it once`).toBe(1);
      }
    });

    it(`${name}: an array whose length changes after the first read (the first length's answer)`, async () => {
      const expected = plain(await api.solve(BASE[name]));
      const solution = await api.solve(BASE[name]);
      const paths = arrayPaths(BASE[name]);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const a = lengthFlipping(BASE[name], path);
        const got = await outcome(() => api.solve(a.value));
        expect(got.ok ? plain(got.value) : got.error, path).toEqual(expected);
        expect(a.reads(), path).toBe(1);
        const b = lengthFlipping(BASE[name], path);
        expect(await outcome(() => api.validate(b.value)), path).toMatchObject({ ok: true }); // validateMigration returns its dense form
        const c = lengthFlipping(BASE[name], path);
        expect(await outcome(() => api.check(c.value, solution)), path).toMatchObject({ ok: true, value: { valid: true } });
        expect(c.reads(), path).toBe(1);
      }
    });

    it(`${name}: the checker reads the solution once too (the plain solution's report)`, async () => {
      const solution = plain(await api.solve(BASE[name]));
      const want = api.check(BASE[name], solution);
      expect(want).toMatchObject({ valid: true });
      for (const path of properties(solution).map(([p]) => p)) {
        const s = flipping(solution, path, 1);
        expect(await outcome(() => api.check(BASE[name], s.value)), path).toEqual({ ok: true, value: want });
        expect(s.reads(), `${path}: read once`).toBe(1);
      }
    });

    it(`${name}: an input that cannot be read is invalid-input naming the path (solver, validator, checker); an unreadable solution is not valid`, async () => {
      const solution = plain(await api.solve(BASE[name]));
      const [path, , key] = properties(BASE[name]).find(([, o, k]) => Array.isArray(o[k]))!;
      const hostile = () => {
        const inst = structuredClone(BASE[name]);
        const [, owner] = properties(inst).find(([p]) => p === path)!;
        Object.defineProperty(owner, key, { enumerable: true, get() { throw new Error('boom'); } });
        return inst;
      };
      for (const [what, f] of [['solver', () => api.solve(hostile())], ['validator', () => api.validate(hostile())], ['checker', () => api.check(hostile(), solution)]] as const) {
        const r = await outcome(f);
        expect(r.ok, what).toBe(false);
        if (!r.ok) {
          expectInvalidInput(r.error, what);
          expect((r.error as GreenplanError).path, what).toBe(path);
          expect((r.error as Error).message, what).toMatch(/cannot be read: reading it threw "boom"/);
        }
      }
      // a solver's rejection, not a synchronous throw (as for any other invalid input)
      let sync: unknown;
      let p: Promise<unknown> | undefined;
      try { p = api.solve(hostile()); } catch (e) { sync = e; }
      expect(sync).toBeUndefined();
      await expect(p).rejects.toBeInstanceOf(GreenplanError);
      const sol = { ...solution };
      Object.defineProperty(sol, 'status', { enumerable: true, get() { throw new Error('boom'); } });
      expect(api.check(BASE[name], sol)).toEqual({ valid: false, reason: 'status cannot be read: reading it threw "boom" (a getter or a Proxy of the solution)' });
    });
  }

  it('an element of a long array that cannot be read names its index (the copy\'s fast loop)', async () => {
    const demand = Array.from({ length: 1000 }, (_, i) => 1 + (i % 7));
    Object.defineProperty(demand, 700, { enumerable: true, get() { throw new Error('boom'); } });
    const r = await outcome(() => smooth({ problem: 'smoothing', scenarios: [{ name: 'a', demand }] } as Json));
    expect(r.ok).toBe(false);
    if (!r.ok) expect([(r.error as GreenplanError).code, (r.error as GreenplanError).path]).toEqual(['invalid-input', 'scenarios[0].demand[700]']);
    const items = [{ name: 'a', size: 1, value: 1 }, {}];
    Object.defineProperty(items[1], 'size', { enumerable: true, get() { throw new Error('boom'); } });
    let err: unknown;
    try { validateKnapsack({ problem: 'knapsack', capacity: 3, items }); } catch (e) { err = e; }
    expect([(err as GreenplanError).code, (err as GreenplanError).path]).toEqual(['invalid-input', 'items[1].size']);
  });

  it('options pass through unchanged (smooth with plans: "float64")', async () => {
    const r = (await smooth(BASE.smoothing, { plans: 'float64' })) as Json;
    expect(r.scenarios[0].plan).toBeInstanceOf(Float64Array);
    expect(Array.from(r.scenarios[0].plan)).toEqual(plain(await smooth(BASE.smoothing)).scenarios[0].plan);
  });
});
