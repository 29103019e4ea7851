// The library API called from JavaScript with values JSON cannot carry (second hostile pass):
// getters and Proxy traps that throw, explicit `undefined` in optional fields, and the
// like. The contract (docs/contract.md): solve() throws only GreenplanErrors, and an
// instance that cannot be read is invalid input, not an internal error; check() likewise.
import { describe, expect, it } from 'vitest';
import { PROBLEMS, solve, trySolve, check, GreenplanError } from '../src/node.js';
import { BASE } from './helpers/hostile.js';

type Json = any;

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
