// The fused two-pass smoothing kernel (assembly/smoothing.ts: backward envelope pass,
// then forward envelope + monotone stack with Σh and Σ|Δh| kept analytically) against
// the TypeScript port of the original five-pass kernel (test/helpers/smoothing-reference.ts):
// identical plans, value for value, and sums equal to the ones recomputed from the plan,
// on seeded random instances that hit the tie rules (gap widths exactly 2c and c),
// plateaus, long valleys, maxStep on and off, alpha 0 and batches of scenarios.
import { describe, expect, it } from 'vitest';
import { smooth, validateSmoothing } from '../src/node.js';
import { smoothReference } from './helpers/smoothing-reference.js';
import { Validator } from '../src/core/validate.js';
import { SmoothingInstance } from '../src/problems/smoothing/schema.js';
import { mulberry32 } from './helpers/highs.js';

function series(rand: () => number, T: number, style: number, top: number): number[] {
  const out: number[] = [];
  let level = rand() * top;
  for (let t = 0; t < T; t++) {
    let x: number;
    if (style === 0) x = rand() * top;
    else if (style === 1) x = Math.floor(rand() * (top + 1));
    else if (style === 2) { level = Math.min(top, Math.max(0, level + (rand() - 0.5) * 4)); x = rand() < 0.5 ? Math.round(level) : level; }
    else if (style === 3) x = rand() < 0.2 ? rand() * top : Math.floor(rand() * 3);
    else x = (t >> 3) % 2 === 0 ? top : Math.floor(rand() * 2); // square wave: gaps of width exactly 8
    out.push(Math.round(x * 100) / 100);
  }
  return out;
}

describe('fused smoothing kernel = the original algorithm (TypeScript port)', () => {
  it('gives identical plans and exact sums on 600 random batches', async () => {
    const rand = mulberry32(90210);
    const failures: string[] = [];
    for (let k = 0; k < 600; k++) {
      const n = 1 + Math.floor(rand() * 4);
      // alpha 4 with weight 1 or 2: thresholds 2c = 8 or 16 and c = 4 or 8 hit the square wave's width 8 exactly
      const alpha = [0, 0.3, 1, 4, 7.5, 50][Math.floor(rand() * 6)]!;
      const scenarios = Array.from({ length: n }, (_, i) => {
        const T = Math.floor(rand() * (k % 10 === 0 ? 3000 : 120));
        const s: { name: string; demand: number[]; weight?: number; maxStep?: number } = { name: `s${i}`, demand: series(rand, T, Math.floor(rand() * 5), 1 + Math.floor(rand() * 30)) };
        if (rand() < 0.5) s.weight = 1 + Math.floor(rand() * 2);
        if (rand() < 0.5) s.maxStep = Math.floor(rand() * 4);
        return s;
      });
      const inst = { problem: 'smoothing' as const, alpha, scenarios };
      const sol = await smooth(inst);
      let resource = 0;
      let variation = 0;
      scenarios.forEach((s, i) => {
        const ref = Array.from(smoothReference(s.demand, s.maxStep, alpha * (s.weight ?? 1)));
        const got = sol.scenarios[i]!.plan;
        if (JSON.stringify(got) !== JSON.stringify(ref)) failures.push(`#${k} scenario ${i}: plan differs ${JSON.stringify(inst)}`);
        let v = 0;
        for (let t = 0; t < got.length; t++) { resource += got[t]!; if (t) v += Math.abs(got[t]! - got[t - 1]!); }
        variation += (s.weight ?? 1) * v;
      });
      if (sol.resource !== resource || sol.variation !== variation) failures.push(`#${k}: sums ${sol.resource}/${sol.variation} != ${resource}/${variation}`);
    }
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  });
});

describe('the forward envelope on two halves at once (one SIMD lane each) equals the sequential one', () => {
  it('a peak just before the seam that binds across it, far into the second half and to its end; odd and even lengths', async () => {
    for (const T of [2, 3, 4, 5, 40, 41, 1000, 1001]) {
      for (const maxStep of [0, 1, 7]) {
        for (const peakAt of [0, (T >> 1) - 1, T >> 1, T - 1].filter((x) => x >= 0)) {
          const demand = Float64Array.from({ length: T }, (_, t) => (t === peakAt ? 500.5 : (t * 37) % 11));
          const sol = await smooth({ problem: 'smoothing', alpha: 0, scenarios: [{ demand, maxStep }] }, { plans: 'float64' });
          expect(Array.from(sol.scenarios[0]!.plan), `T=${T} maxStep=${maxStep} peak at ${peakAt}`).toEqual(Array.from(smoothReference(demand, maxStep, 0)));
        }
      }
    }
  });
});

describe('demand checks name the JSON path of the first bad value', () => {
  const bad: [unknown, string][] = [[Number.NaN, 'NaN'], [-1, 'negative'], [1e13, 'over 1e12'], [Infinity, 'infinite']];
  it.each(bad)('Float64Array series (checked by the kernel): %s (%s)', async (v) => {
    const demand = Float64Array.from([1, 2, 3, 4, 5, 6, 7]);
    demand[5] = v as number;
    const inst = { problem: 'smoothing' as const, alpha: 2, scenarios: [{ name: 'ok', demand: Float64Array.from([1, 2]) }, { name: 'bad', demand }] };
    await expect(smooth(inst)).rejects.toMatchObject({ code: 'invalid-input', path: 'scenarios[1].demand[5]', message: 'scenarios[1].demand[5] must be a finite number >= 0 (at most 1e12)' });
    // also under a budget (the envelope pass is the same kernel), and by validateSmoothing alone
    await expect(smooth({ ...inst, budget: 100 })).rejects.toMatchObject({ path: 'scenarios[1].demand[5]' });
    expect(() => validateSmoothing(inst)).toThrow(/scenarios\[1\]\.demand\[5\] must be/);
  });
  it('Float64Array series, every position (both lanes of the 128-bit pass and the odd tail), with and without maxStep', async () => {
    for (const T of [1, 2, 3, 7, 8]) {
      for (const maxStep of [undefined, 2]) {
        for (let at = 0; at < T; at++) {
          for (const v of [Number.NaN, -1e-300, 1e12 + 1e-3 * 1e12, Infinity, -Infinity]) {
            const demand = Float64Array.from({ length: T }, (_, t) => 1 + (t % 3));
            demand[at] = v;
            const inst = { problem: 'smoothing' as const, alpha: 1, scenarios: [{ demand: Float64Array.from([5, 0.5, 2]), maxStep }, { name: 'b', demand, maxStep }] };
            await expect(smooth(inst), `T=${T} maxStep=${maxStep} at=${at} v=${v}`).rejects.toMatchObject({ path: `scenarios[1].demand[${at}]` });
          }
        }
        // the bounds themselves are accepted: 0, -0 and 1e12 in any lane
        const edge = Float64Array.from({ length: T }, (_, t) => [0, -0, 1e12][t % 3]!);
        const sol = await smooth({ problem: 'smoothing', alpha: 1, scenarios: [{ demand: edge, maxStep: maxStep ?? undefined }] }, { plans: 'float64' });
        const z = (a: ArrayLike<number>) => Array.from(a, (x) => x + 0); // -0 and 0 are the same plan value
        expect(z(sol.scenarios[0]!.plan)).toEqual(z(smoothReference(edge, maxStep, 1)));
      }
    }
  });
  it.each([[null], ['3'], [true], [undefined], [Number.NaN], [-0.5]])('number[] series: %s', async (v) => {
    const inst = { problem: 'smoothing', scenarios: [{ demand: [1, 2] }, { demand: [0, 1, 2, v, 4] }, { demand: ['x'] }] };
    await expect(smooth(inst as never)).rejects.toMatchObject({ code: 'invalid-input', path: 'scenarios[1].demand[3]' });
  });
  it('number[] series: the hand-written check reports what the TypeBox schema reports (path and message), hostile values and a 10^6-value series', async () => {
    const schema = new Validator(SmoothingInstance);
    const hole = [0, 1, 2];
    delete hole[1];
    const cases: unknown[][] = [
      ...[Number.NaN, '3', null, true, undefined, -1, -0.5, 1e12 * 1.001, Infinity, -Infinity, {}, [], 7n, Symbol('x')].map((v) => [0, 1, v, 3]),
      hole,
      Object.assign(new Array(1e6).fill(2.5), { 999999: -1 }),
      Object.assign(new Array(1e6).fill(2.5), { 0: 'x' }),
    ];
    for (const [k, demand] of cases.entries()) {
      const inst = { problem: 'smoothing', alpha: 1, scenarios: [{ demand: [1, 2] }, { name: 'b', demand }] };
      const issue = schema.issues(inst)[0]!;
      let err: { path?: string; message?: string } | undefined;
      try { await smooth(inst as never); } catch (e) { err = e as typeof err; }
      expect(err, `case ${k}`).toBeDefined();
      expect({ path: err!.path, message: err!.message }, `case ${k}`).toEqual({ path: issue.path, message: issue.message });
    }
  });
  it('a bad field before the series is reported by the schema first', async () => {
    const inst = { problem: 'smoothing', scenarios: [{ weight: -1, demand: [Number.NaN] }] };
    await expect(smooth(inst as never)).rejects.toMatchObject({ path: 'scenarios[0].weight' });
  });
});

describe('the fill step as a closing (two SIMD lanes, mirrored edges, lane 1 started from the forward pass) = the monotone stack', () => {
  // closeOne runs when c > 0, m = ceil(2c) >= 2 and 7m + 2 <= T; these cover both sides of
  // that limit, odd and even T, the lanes' seam, gaps of width exactly m - 1 and m, edge
  // gaps of width exactly c, and a peak whose maxStep cone crosses lane 1's start
  const plansEqual = async (demand: Float64Array, maxStep: number | undefined, c: number, what: string) => {
    const sol = await smooth({ problem: 'smoothing', alpha: c, scenarios: [{ demand, maxStep }] }, { plans: 'float64' });
    const ref = smoothReference(demand, maxStep, c);
    expect(Array.from(sol.scenarios[0]!.plan), what).toEqual(Array.from(ref));
    let r = 0;
    let v = 0;
    for (let t = 0; t < ref.length; t++) { r += ref[t]!; if (t) v += Math.abs(ref[t]! - ref[t - 1]!); }
    expect([sol.resource, sol.variation], what).toEqual([r, v]);
  };
  it('random series of every style, c from 1 to T/6, odd and even T', async () => {
    const rand = mulberry32(4242);
    for (let k = 0; k < 400; k++) {
      const T = 14 + Math.floor(rand() * (k % 20 === 0 ? 5000 : 300));
      const mMax = Math.floor((T - 2) / 7);
      const m = 2 + Math.floor(rand() * Math.max(1, mMax + 3)); // sometimes just over the limit (the stack)
      const c = rand() < 0.5 ? m / 2 : m / 2 - 0.25 * rand(); // ceil(2c) = m; ties at 2c = m
      const maxStep = rand() < 0.5 ? undefined : Math.floor(rand() * 5);
      const demand = Float64Array.from(series(rand, T, Math.floor(rand() * 5), 1 + Math.floor(rand() * 40)));
      await plansEqual(demand, maxStep, c, `#${k} T=${T} c=${c} maxStep=${maxStep}`);
    }
  });
  it('a tall peak whose maxStep cone reaches across the middle (lane 1 starts inside it)', async () => {
    for (const T of [30, 31, 200, 201, 1001]) {
      for (const maxStep of [0, 1, 3]) {
        for (const c of [1, 1.5, 2.5, Math.floor((T - 2) / 7) / 2]) {
          for (const at of [0, (T >> 1) - 3, T >> 1, (T >> 1) + 4, T - 1]) {
            const demand = Float64Array.from({ length: T }, (_, t) => (t === at ? 300 : (t * 7) % 5));
            await plansEqual(demand, maxStep, c, `T=${T} maxStep=${maxStep} c=${c} peak at ${at}`);
          }
        }
      }
    }
  });
  it('square waves: inner gaps of width m - 1 (filled) and m (not), edge gaps of width c', async () => {
    for (const w of [3, 4, 5, 8]) {
      for (const T of [200, 201]) {
        const demand = Float64Array.from({ length: T }, (_, t) => (Math.floor(t / w) % 2 === 0 ? 9 : 1));
        for (const c of [w / 2, (w + 1) / 2, w / 2 + 0.1, w, w + 0.5]) await plansEqual(demand, undefined, c, `w=${w} T=${T} c=${c}`);
      }
    }
  });
});

describe('maxStep beyond 2^31 (the schema admits up to 1e12) binds as given', () => {
  // review1: the host passed maxStep through an Int32Array, so 2^32 + 5 became 5 (a plan
  // feasible but not optimal) and 2^31 became negative (unbounded)
  it.each([[2 ** 32 + 5], [2 ** 31], [2 ** 31 - 1], [3e9], [1e12]])('maxStep %d', async (maxStep) => {
    const demand = [0, 5e9, 0, 0, 1e12, 0];
    for (const alpha of [0, 1, 2]) {
      const sol = await smooth({ problem: 'smoothing', alpha, scenarios: [{ demand, maxStep }] });
      expect(sol.scenarios[0]!.plan, `alpha ${alpha}`).toEqual(Array.from(smoothReference(demand, maxStep, alpha)));
    }
  });
});
