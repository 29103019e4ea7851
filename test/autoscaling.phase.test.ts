// Phase-conditioned (Mondrian) short-lead calibration (docs/autoscaling.md, "Are the jumps
// periodic?"): the phase categories against their definition and without look-ahead; the
// category windows of leadQuantiles (a flagged decision takes the quantile of the flagged
// errors, the others that of the unflagged ones, the pooled window below the minimum), without
// look-ahead; and the whole replay with calibratePhase: perturbing the future never changes a
// forecast policy's pods of an earlier step, and the option is exercised (decisions flagged,
// plans changed).
import { describe, expect, it } from 'vitest';
import { leadQuantiles, phaseCategory, conformalQuantile } from '../src/problems/autoscaling/calibration.js';
import { forecastPodsFixedUpTo } from './helpers/lookahead.js';
import { solve } from '../src/node.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { rng, normal } from './helpers/random.js';

describe('phase categories', () => {
  it('equal the definition (k of the last n same-phase steps are jumps, only steps <= i − 1 − lag) on random jumps', () => {
    const u = rng(11);
    const jumps = Uint8Array.from({ length: 600 }, () => (u() < 0.2 ? 1 : 0));
    for (const [periods, n, k, lag] of [[[12], 3, 2, 1], [[12, 288], 3, 2, 1], [[5, 7], 4, 1, 0], [[3], 3, 3, 2], [[2], 2, 1, 3]] as const) {
      const c = phaseCategory(jumps, 40, 600, [...periods], n, k, lag);
      for (let i = 40; i < 600; i++) {
        let want = 0;
        for (const P of periods) {
          let cnt = 0;
          for (let j = 1; j <= n; j++) if (i - j * P >= 0 && i - j * P <= i - 1 - lag && jumps[i - j * P]) cnt++;
          if (cnt >= k) want = 1;
        }
        expect(c[i - 40]).toBe(want);
      }
    }
  });
  it('never read a jump at or after step i − lag', () => {
    const u = rng(12);
    const jumps = Uint8Array.from({ length: 400 }, () => (u() < 0.3 ? 1 : 0));
    for (const lag of [0, 1, 3]) {
      // a period shorter than lag + 1 would need the future: it must be ignored, not read
      const base = phaseCategory(jumps, 0, 400, [2, 12], 3, 1, lag);
      for (const i of [50, 123, 399]) {
        const pert = Uint8Array.from(jumps, (x, j) => (j >= i - lag ? 1 - x : x));
        expect(Array.from(phaseCategory(pert, 0, i + 1, [2, 12], 3, 1, lag))).toEqual(Array.from(base.subarray(0, i + 1)));
      }
    }
  });
});

describe('leadQuantiles with categories (Mondrian)', () => {
  // level 100; every 12th step (phase 0) a burst of +150 with probability 0.7; noise N(0, 5)
  const N = 2000;
  const u = rng(21);
  const z = normal(u);
  const level = new Array<number>(N).fill(100);
  const actual = level.map((l, t) => l + 5 * z() + (t % 12 === 0 && u() < 0.7 ? 150 : 0));
  const category = Uint8Array.from({ length: N }, (_, t) => (t % 12 === 0 ? 1 : 0));
  const o = { window: 600, lag: 1, floor: 1, minErrors: 20, minCategoryErrors: 10, scale: 'additive' as const };
  it('a flagged decision takes the quantile of the flagged errors, an unflagged one that of the others', () => {
    const r = leadQuantiles(level, actual, 700, [0.8], { ...o, category });
    const pooled = leadQuantiles(level, actual, 700, [0.8], o);
    const q = r.quantiles.get(0.8)!, qp = pooled.quantiles.get(0.8)!;
    for (const i of [720, 721, 1200, 1205, 1999 - (1999 % 12)]) {
      const errs: number[] = [];
      // the last 600 errors of i's category measured by step i − 2
      for (let j = i - 2; j >= 0 && errs.length < 600; j--) if (category[j] === category[i]) errs.push(actual[j]! - level[j]!);
      errs.sort((a, b) => a - b);
      expect(q[i - 700]).toBeCloseTo(level[i]! + conformalQuantile(errs, errs.length, 0.8), 9);
    }
    // flagged: the burst is bought; unflagged: narrower than the pooled band
    expect(q[1200 - 700]!).toBeGreaterThan(200);
    expect(q[1201 - 700]!).toBeLessThan(qp[1201 - 700]!);
    let want = 0;
    for (let i = 700; i < N; i++) want += category[i]!;
    expect(r.flagged).toBe(want);
    expect(r.flaggedOwn).toBe(r.flagged);
  });
  it('below minCategoryErrors a category uses the pooled window', () => {
    const r = leadQuantiles(level, actual, 700, [0.8], { ...o, category, minCategoryErrors: 1000 });
    const pooled = leadQuantiles(level, actual, 700, [0.8], o);
    expect(Array.from(r.quantiles.get(0.8)!)).toEqual(Array.from(pooled.quantiles.get(0.8)!));
    expect(r.flaggedOwn).toBe(0);
  });
  it('no look-ahead: perturbing the actual values from step i − lag on never changes the decision of step i', () => {
    for (const lag of [0, 1, 2]) {
      const base = leadQuantiles(level, actual, 700, [0.8, 0.95], { ...o, lag, category, scale: 'auto' });
      for (const i of [700, 733, 1200, 1999]) {
        const pert = actual.map((x, j) => (j >= i - lag ? x * 5 + 1000 : x));
        const r = leadQuantiles(level, pert, 700, [0.8, 0.95], { ...o, lag, category, scale: 'auto' });
        for (const q of [0.8, 0.95]) expect(Array.from(r.quantiles.get(q)!.subarray(0, i - 700 + 1))).toEqual(Array.from(base.quantiles.get(q)!.subarray(0, i - 700 + 1)));
        // the perturbation is seen by a later decision of the same category (the test can fail)
        let seen = false;
        for (let d = 1; d <= 13 && i + d < N; d++) if (category[i + d] === category[i - lag] && r.quantiles.get(0.95)![i + d - 700] !== base.quantiles.get(0.95)![i + d - 700]) seen = true;
        if (i + 13 < N) expect(seen).toBe(true);
      }
    }
  });
});

describe('replay with calibratePhase', () => {
  // 5-minute steps, two services with an hourly burst at a fixed minute (a timer), 3 days of history, one held-out day
  const u = rng(31);
  const z = normal(u);
  const H = 288;
  const series = (amp: number, phase: number) => Array.from({ length: 4 * 288 }, (_, t) => Math.max(0, 200 + 60 * Math.sin((2 * Math.PI * t) / 288) + 10 * z() + (t % 12 === phase && u() < 0.8 ? amp : 0)));
  const obs = (cap: number) => Array.from({ length: 30 }, (_, k) => { const x = 0.15 + 0.7 * ((k * 0.37) % 1); return { utilization: x, workloadPerPod: (cap / 0.6) * x * (1 + 0.03 * z()) }; });
  const inst = {
    problem: 'autoscaling', step: 300, horizon: H, evaluate: true, replanEvery: 12, nowcast: true, combine: 'joint', calibrate: 'lead', topUp: true, method: 'seasonal-naive',
    services: [{ name: 'a', workload: series(400, 5), observations: obs(20) }, { name: 'b', workload: series(250, 0), observations: obs(15) }],
  } as const;
  it('perturbing the held-out workload from step t on leaves the forecast policies\' pods of steps <= t unchanged; decisions are flagged and plans change', async () => {
    const withPhase = { ...structuredClone(inst), calibratePhase: true };
    const base = (await solve(withPhase)) as AutoscalingSolution;
    const off = (await solve(structuredClone(inst))) as AutoscalingSolution;
    const ph = base.evaluation!.calibration!.phase!;
    expect(ph.periods).toEqual([12, 288]);
    expect(ph.flagged).toBeGreaterThan(50);
    expect(ph.flaggedOwn).toBeGreaterThan(0);
    expect(base.evaluation!.services[0]!.pods['forecast-balanced']!.join()).not.toBe(off.evaluation!.services[0]!.pods['forecast-balanced']!.join());
    expect(off.evaluation!.calibration!.phase).toBeUndefined();
    // spikes every third step from t on: new jumps at and after t (a category reading them would change)
    for (const t of [3, 6, 15, 24, 33, 42, 51, 60, 69, 78, 87, 96, 105, 114, 249]) {
      const pert = structuredClone(withPhase) as unknown as { services: { workload: number[] }[] };
      for (const s of pert.services) for (let j = s.workload.length - H + t; j < s.workload.length; j++) if ((j - (s.workload.length - H + t)) % 3 === 0) s.workload[j] = s.workload[j]! * 6 + 100;
      const sol = (await solve(pert)) as AutoscalingSolution;
      expect(forecastPodsFixedUpTo(base, sol, t)).toBe(true);
    }
  });
});
