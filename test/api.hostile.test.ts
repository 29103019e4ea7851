// The library API called from JavaScript with values JSON cannot carry (second hostile pass):
// getters and Proxy traps that throw, explicit `undefined` in optional fields, and the
// like. The contract (docs/contract.md): solve() throws only GreenplanErrors, and an
// instance that cannot be read is invalid input, not an internal error; check() likewise.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { PROBLEMS, REGISTRY, solve, trySolve, check, GreenplanError } from '../src/node.js';
import { BASE } from './helpers/hostile.js';

type Json = any;
const examplesDir = new URL('../examples/', import.meta.url);

/** The ways a caller's object can throw when greenplan reads it. */
function throwingVariants(base: Json): [string, Json][] {
  const getter = structuredClone(base);
  Object.defineProperty(getter, 'extra', { enumerable: true, get() { throw new Error('getter boom'); } });
  const trap = new Proxy(structuredClone(base), { get(t, k) { if (k !== 'problem') throw new Error('proxy boom'); return t[k as string]; } });
  const keys = new Proxy(structuredClone(base), { ownKeys() { throw new Error('ownKeys boom'); } });
  const thrown = structuredClone(base);
  Object.defineProperty(thrown, 'extra', { enumerable: true, get() { throw 'a string'; } }); // eslint-disable-line no-throw-literal
  return [['getter', getter], ['proxy get trap', trap], ['proxy ownKeys trap', keys], ['non-Error thrown', thrown]];
}

describe('an instance whose getters or Proxy traps throw is invalid input, not an internal error', () => {
  for (const name of PROBLEMS) {
    for (const [label, inst] of throwingVariants(BASE[name])) {
      it(`${name}: ${label}`, async () => {
        const e = await solve(inst).then(() => undefined, (x) => x);
        expect(e).toBeInstanceOf(GreenplanError);
        expect(e.code, e.message).toBe('invalid-input');
        expect(e.message).toMatch(/cannot be read/);
        const t = await trySolve(inst);
        expect(t.ok).toBe(false);
        let c: unknown;
        try { check(inst, { problem: name, status: 'optimal' }); } catch (x) { c = x; }
        expect(c).toBeInstanceOf(GreenplanError);
        expect((c as GreenplanError).code).toBe('invalid-input');
      });
    }
  }
  it('a throwing getter deeper in the instance (a scenario, a series, the energy block)', async () => {
    const cases: [Json, string][] = [];
    const s = structuredClone(BASE.smoothing);
    Object.defineProperty(s.scenarios[1], 'demand', { enumerable: true, get() { throw new Error('boom'); } });
    cases.push([s, 'smoothing']);
    const a = structuredClone(BASE.autoscaling);
    Object.defineProperty(a, 'energy', { enumerable: true, get() { throw new Error('boom'); } });
    cases.push([a, 'autoscaling']);
    const d = structuredClone(BASE.deployment);
    d.energy = {};
    Object.defineProperty(d.energy, 'pue', { enumerable: true, get() { throw new Error('boom'); } });
    cases.push([d, 'deployment']);
    const f = structuredClone(BASE.forecast);
    f.series[1] = new Proxy(f.series[1], { get() { throw new Error('boom'); } });
    cases.push([f, 'forecast']);
    for (const [inst, name] of cases) {
      const e = await solve(inst).then(() => undefined, (x) => x);
      expect(e, name).toBeInstanceOf(GreenplanError);
      expect(e.code, `${name}: ${e.message}`).toBe('invalid-input');
    }
  });
});

/**
 * Every optional field of the instance's objects (walking the schema beside the value) set
 * to an explicit `undefined`, the way JavaScript callers write `{ pue: opts.pue }`: one
 * variant per field, with the field's path.
 */
function undefinedFields(value: Json, schema: Json, path = ''): [string, Json][] {
  const out: [string, Json][] = [];
  const walk = (v: Json, s: Json, p: string, set: (patch: (root: Json) => Json) => void) => {
    if (!s || v === null || typeof v !== 'object') return;
    if (Array.isArray(v) && s.items) v.forEach((x, i) => walk(x, s.items, `${p}[${i}]`, set));
    else if (s.type === 'object' && s.properties) {
      const required = new Set<string>(s.required ?? []);
      for (const k of Object.keys(s.properties)) {
        if (!required.has(k)) out.push([p ? `${p}.${k}` : k, k]);
        if (k in v) walk(v[k], s.properties[k], p ? `${p}.${k}` : k, set);
      }
    }
  };
  walk(value, schema, path, () => undefined);
  return out;
}

/** A copy of `value` with the field at `path` (a.b[0].c) set to undefined. */
function withUndefined(value: Json, path: string): Json {
  const copy = structuredClone(value);
  const parts = path.match(/[^.[\]]+/g)!;
  let cur = copy;
  for (const p of parts.slice(0, -1)) cur = cur[/^\d+$/.test(p) ? Number(p) : p];
  cur[parts[parts.length - 1]!] = undefined;
  return copy;
}

describe('an optional field given as undefined is the field left out (JavaScript callers)', () => {
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
    it(`examples/${file}: every optional field`, async () => {
      const base = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
      const name = base.problem as (typeof PROBLEMS)[number];
      const problem = REGISTRY[name];
      const fields = undefinedFields(base, problem.schema);
      expect(fields.length).toBeGreaterThan(0);
      for (const [path] of fields) {
        const inst = withUndefined(base, path);
        const without = JSON.parse(JSON.stringify(inst)); // the key left out
        const a = await trySolve(inst);
        const b = await trySolve(without);
        expect(a.ok, `${name} ${path}: ${a.ok ? '' : a.error.message}`).toBe(b.ok);
        if (!a.ok || !b.ok) {
          if (!a.ok && !b.ok) expect(a.error.message).toBe(b.error.message);
          continue;
        }
        expect(JSON.stringify(a.solution), `${name} ${path}`).toBe(JSON.stringify(b.solution));
        const r = check(inst, a.solution);
        expect(r.valid, `${name} ${path}: ${r.reason}`).toBe(true);
      }
    });
  }
});

/** Every leaf of a JSON value with its path. */
function leafPaths(v: Json, p: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v && typeof v === 'object') for (const k of Object.keys(v)) leafPaths(v[k], [...p, Array.isArray(v) ? Number(k) : k], out);
  else out.push(p);
  return out;
}
const setPath = (v: Json, p: (string | number)[], x: unknown): Json => {
  const c = structuredClone(v);
  let cur = c;
  for (const k of p.slice(0, -1)) cur = cur[k];
  cur[p[p.length - 1]!] = x;
  return c;
};

describe('checkers: a figure the checker verifies is refused as a string too (JSON "54" is not 54)', () => {
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
    it(`examples/${file}`, async () => {
      const inst = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
      const sol = JSON.parse(JSON.stringify(await solve(inst)));
      expect(check(inst, sol).valid).toBe(true);
      let verified = 0;
      for (const p of leafPaths(sol)) {
        const x = p.reduce((o: Json, k) => o[k], sol);
        if (typeof x !== 'number') continue;
        if (check(inst, setPath(sol, p, x + 1 + Math.abs(x) * 0.01)).valid) continue; // a figure the checker does not verify
        verified++;
        const r = check(inst, setPath(sol, p, String(x)));
        expect(r.valid, `${file}: ${p.join('.')} = "${x}" accepted`).toBe(false);
      }
      expect(verified).toBeGreaterThan(0);
    });
  }
});

describe('checkers: the echoed fields of a solution match the instance', () => {
  it('smoothing: the budget a solution states is the instance\'s (changed, dropped or added: refused)', async () => {
    for (const file of ['smoothing-budget.json', 'smoothing.json']) {
      const inst = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
      const sol = JSON.parse(JSON.stringify(await solve(inst)));
      expect(check(inst, sol).valid).toBe(true);
      for (const budget of [undefined, (inst.budget ?? 40) + 1, (inst.budget ?? 40) - 1, String(inst.budget ?? 40)]) {
        if (budget === inst.budget) continue;
        const r = check(inst, { ...sol, budget });
        expect(r.valid, `${file}: budget ${budget}`).toBe(false);
        expect(r.reason).toMatch(/budget/);
      }
    }
  });
});

/** Every array inside a JSON value, with its path. */
function arrayPaths(v: Json, p: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) out.push(p);
  if (v && typeof v === 'object') for (const k of Object.keys(v)) arrayPaths(v[k], [...p, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

describe('checkers judge a JavaScript solution as its JSON text: a hole in an array is a null', () => {
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
    it(`examples/${file}: a hole in each array of the solution`, async () => {
      const inst = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
      const sol = JSON.parse(JSON.stringify(await solve(inst)));
      for (const p of arrayPaths(sol)) {
        const arr = p.reduce((o: Json, k) => o[k], sol) as unknown[];
        if (!arr.length) continue;
        for (const at of new Set([0, arr.length - 1])) {
          const holed = structuredClone(sol);
          delete p.reduce((o: Json, k) => o[k], holed)[at];
          const asJson = JSON.parse(JSON.stringify(holed));
          const a = check(inst, holed);
          const b = check(inst, asJson);
          expect(a.valid, `${file}: ${p.join('.')}[${at}] a hole: ${a.reason}; as null: ${b.reason}`).toBe(b.valid);
        }
      }
    });
  }
});

describe('checkers: the echoed fields of a forecast match the instance', () => {
  it('forecast: the step a solution states is the instance\'s', async () => {
    const inst = JSON.parse(readFileSync(new URL('forecast.json', examplesDir), 'utf8'));
    const sol = JSON.parse(JSON.stringify(await solve(inst)));
    expect(check(inst, sol).valid).toBe(true);
    for (const step of [undefined, inst.step + 1, inst.step / 2, String(inst.step)]) {
      const r = check(inst, { ...sol, step });
      expect(r.valid, `step ${step}`).toBe(false);
      expect(r.reason).toMatch(/step/);
    }
  });
});

describe('deployment at denormal sizes', () => {
  it('a size or binCapacity below 1e-300 is refused naming the path (was: 5e-324 in 2 parts gave partSize 0, the energy figures of solver and checker disagreed and greenplan\'s own answer was rejected)', async () => {
    for (const [inst, path] of [
      [{ problem: 'deployment', binCapacity: 5e-324, items: [{ name: 'a', size: 5e-324, minParts: 2 }] }, 'binCapacity'],
      [{ problem: 'deployment', binCapacity: 1, items: [{ name: 'a', size: 5e-324, minParts: 2 }] }, 'items[0].size'],
    ] as const) {
      const e = await solve(inst).then(() => undefined, (x) => x);
      expect(e, path).toBeInstanceOf(GreenplanError);
      expect(e.code).toBe('invalid-input');
      expect(e.path).toBe(path);
      expect(() => check(inst, { problem: 'deployment', status: 'optimal' })).toThrow(path);
    }
    // the smallest accepted values solve and pass the checker
    const small = { problem: 'deployment', binCapacity: 1e-300, items: [{ name: 'a', size: 1e-300, minParts: 2 }, { name: 'b', size: 3e-300, maxParts: 5 }] };
    const sol = await solve(small);
    expect(check(small, sol), JSON.stringify(sol)).toMatchObject({ valid: true });
  });
});
