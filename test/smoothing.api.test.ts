// The library API: dispatch, typed errors, copy-out, memory that does not grow, long series.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { solve, trySolve, smooth, init, ValidationError, checkSmoothing, GreenplanError } from '../src/node.js';
import { readFileSync } from 'node:fs';

const memoryBytes = async () => {
  // the arena reports its size; reach it through a tiny solve's module
  const { kernels } = await import('../src/wasm/loader.js');
  return (await kernels()).memoryBytes();
};

describe('solve(instance)', () => {
  it('solves the README example', async () => {
    const s = await solve({ problem: 'smoothing', alpha: 1.5, scenarios: [{ name: 'checkout', weight: 1, maxStep: 2, demand: [3, 1, 4, 1, 5] }] });
    expect(s).toEqual({ problem: 'smoothing', status: 'optimal', objective: 22, resource: 19, variation: 2, scenarios: [{ name: 'checkout', plan: [3, 3, 4, 4, 5] }], energy: expect.objectContaining({ unit: 'cores', steps: 5 }) });
  });
  it('accepts T = 0, no scenarios, and defaults (alpha 1, weight 1, names by index)', async () => {
    expect((await solve({ problem: 'smoothing', scenarios: [] })).objective).toBe(0);
    const s = await solve({ problem: 'smoothing', scenarios: [{ demand: [] }, { demand: [2, 0, 2] }] });
    expect(s.scenarios).toEqual([{ name: '0', plan: [] }, { name: '1', plan: [2, 2, 2] }]);
    expect(s.objective).toBe(6); // filling the 1-wide inner gap costs 2 and saves 2 changes (alpha 1)
  });
  it('throws ValidationError with code and path; trySolve returns it', async () => {
    const bad = { problem: 'smoothing', scenarios: [{ demand: [1, 2] }, { demand: [0, Number.NaN] }] };
    await expect(solve(bad)).rejects.toBeInstanceOf(ValidationError);
    const r = await trySolve(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(GreenplanError);
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.path).toBe('scenarios[1].demand[1]');
      expect(r.error.message).toBe('scenarios[1].demand[1] must be a finite number >= 0 (at most 1e12)');
    }
    for (const v of [Infinity, -Infinity, -1e-9, 1e13]) {
      const e = await trySolve({ problem: 'smoothing', scenarios: [{ demand: [v] }] });
      expect(e.ok).toBe(false);
    }
    expect((await trySolve(null)).ok).toBe(false);
    expect((await trySolve({ problem: 'smoothing', scenarios: [{ demand: [1], weight: -1 }] })).ok).toBe(false);
  });
  it('returns plain arrays, not views into WebAssembly memory', async () => {
    const a = await smooth({ problem: 'smoothing', scenarios: [{ demand: [5, 1, 5] }] });
    const plan = a.scenarios[0]!.plan;
    expect(Array.isArray(plan)).toBe(true);
    await smooth({ problem: 'smoothing', scenarios: [{ demand: [9, 9, 9] }] });
    expect(plan).toEqual([5, 5, 5]);
  });
  it('accepts an injected compiled WebAssembly.Module', async () => {
    const bytes = readFileSync(new URL('../build/greenplan.wasm', import.meta.url));
    await init(new WebAssembly.Module(bytes));
    expect((await solve({ problem: 'smoothing', scenarios: [{ demand: [1, 0, 1] }] })).objective).toBe(3);
  });
});

describe('resources', () => {
  it('memory does not grow across 1,000 calls', async () => {
    const inst = { problem: 'smoothing' as const, alpha: 2, scenarios: [{ demand: Array.from({ length: 5000 }, (_, t) => (t * 7919) % 97) }] };
    await solve(inst);
    const before = await memoryBytes();
    for (let i = 0; i < 1000; i++) await solve(inst);
    expect(await memoryBytes()).toBe(before);
  });
  it('solves a 10^7-step series', async () => {
    const T = 1e7;
    const demand = new Array<number>(T);
    for (let t = 0; t < T; t++) demand[t] = 50 + 40 * Math.sin(t / 500) + ((t * 2654435761) % 7);
    const s = await smooth({ problem: 'smoothing', alpha: 3, scenarios: [{ maxStep: 5, demand }] });
    const plan = s.scenarios[0]!.plan;
    expect(plan.length).toBe(T);
    let ok = true;
    for (let t = 0; t < T; t++) if (plan[t]! < demand[t]! || (t > 0 && Math.abs(plan[t]! - plan[t - 1]!) > 5)) ok = false;
    expect(ok).toBe(true);
  }, 300_000);
});

describe('properties (fast-check)', () => {
  const scenario = fc.record({
    demand: fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 60 }),
    maxStep: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    weight: fc.double({ min: 0.1, max: 5, noNaN: true }),
  });
  it('plans cover demand, respect maxStep, pass the checker and never cost more than the envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(scenario, { maxLength: 4 }), fc.double({ min: 0, max: 20, noNaN: true }), async (scens, alpha) => {
        const named = scens.map((s, i) => ({ name: `s${i}`, ...s, maxStep: s.maxStep }));
        for (const s of named) if (s.maxStep === undefined) delete (s as { maxStep?: number }).maxStep;
        const inst = { problem: 'smoothing' as const, alpha, scenarios: named };
        const sol = await smooth(inst);
        const rep = checkSmoothing(inst, sol);
        expect(rep.valid, rep.reason).toBe(true);
        // the envelope (alpha = 0 optimum) evaluated at this alpha bounds the objective from above
        const env = await smooth({ ...inst, alpha: 0 });
        const envVariation = env.scenarios.reduce((sum, sc, i) => sum + (named[i]!.weight ?? 1) * sc.plan.reduce((v, x, t) => (t ? v + Math.abs(x - sc.plan[t - 1]!) : v), 0), 0);
        expect(sol.objective).toBeLessThanOrEqual(env.resource + alpha * envVariation + 1e-6);
        expect(env.resource).toBeLessThanOrEqual(sol.resource);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});

describe('plainArray (number[] plans out of a Float64Array)', async () => {
  const { plainArray } = await import('../src/problems/smoothing/solve.js');
  it('copies the range into an ordinary array, value for value', () => {
    const a = Float64Array.from([3, -0, 1.5, 1e12, 7, 0.1]);
    expect(plainArray(a)).toEqual([3, -0, 1.5, 1e12, 7, 0.1]);
    expect(Object.is(plainArray(a)[1], -0)).toBe(true);
    const mid = plainArray(a, 2, 5);
    expect(Array.isArray(mid)).toBe(true);
    expect(mid).toEqual([1.5, 1e12, 7]);
    expect(plainArray(a, 3, 3)).toEqual([]);
  });
  it('gives number[] plans from solve() with and without a budget', async () => {
    const inst = { problem: 'smoothing' as const, alpha: 2, scenarios: [{ demand: [1, 5, 1, 1, 5, 2, 0, 3] }, { name: 'b', weight: 2, demand: [0, 3, 0, 3, 0] }] };
    for (const i of [inst, { ...inst, alpha: undefined, budget: 40 }]) {
      const s = await smooth(i);
      const t = await smooth(i, { plans: 'float64' });
      if (s.status !== 'optimal' || t.status !== 'optimal') throw new Error('expected optimal');
      s.scenarios.forEach((sc, k) => {
        expect(Array.isArray(sc.plan)).toBe(true);
        expect(sc.plan).toEqual(Array.from(t.scenarios[k]!.plan));
      });
    }
  });
});

describe('objective range check (alpha × weight × demand × steps)', () => {
  const inst = (alpha: number, weight?: number) => ({ problem: 'smoothing' as const, alpha, scenarios: [{ weight, demand: [1, 5, 2] }] });
  it('accepts what fits without scanning (bound at demand 1e12) and with the scan (actual largest demand)', async () => {
    // 1e280 × 2 × (1e12 + 1) × 3 fits 1e300: no scan; 1e290 and 1e298 need the scan (2 × 6 × 3 × alpha)
    for (const alpha of [1e280, 1e290, 1e298]) expect((await smooth(inst(alpha))).status).toBe('optimal');
    expect((await smooth(inst(1e288, 100))).status).toBe('optimal');
    expect((await smooth({ ...inst(1e290), scenarios: [{ demand: Float64Array.from([1, 5, 2]) }] })).status).toBe('optimal');
  });
  it('refuses what does not fit, naming alpha or the weight', async () => {
    await expect(smooth(inst(1e299))).rejects.toMatchObject({ path: 'alpha' });
    await expect(smooth(inst(1e290, 1e9))).rejects.toMatchObject({ path: 'scenarios[0].weight' });
    await expect(smooth({ ...inst(1e299), scenarios: [{ demand: Float64Array.from([1, 5, 2]) }] })).rejects.toMatchObject({ path: 'alpha' });
  });
});
