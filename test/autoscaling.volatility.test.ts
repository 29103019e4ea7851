// Volatility-normalised short-lead calibration (docs/autoscaling.md, "Volatility-normalised
// calibration"): the causal volatility against its definition and without look-ahead; on
// seeded noise whose scale switches between calm and bursty regimes, the volatility scale is
// chosen, covers at its level and is narrower than the additive band at the same coverage;
// no look-ahead of the quantiles; and the replay with calibrateVolatility never changes a
// forecast policy's pods of a step when the future is perturbed.
import { describe, expect, it } from 'vitest';
import { leadQuantiles, volatilityScale } from '../src/problems/autoscaling/calibration.js';
import { forecastPodsFixedUpTo } from './helpers/lookahead.js';
import { solve } from '../src/node.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { rng, normal } from './helpers/random.js';

/** Level 100; noise sd 2 or 20, the regime switching every 200 steps. */
function regimes(seed: number, N: number) {
  const u = rng(seed);
  const z = normal(u);
  const level = new Array<number>(N).fill(100);
  const actual = level.map((l, t) => l + (Math.floor(t / 200) % 2 ? 20 : 2) * z());
  return { level, actual };
}

describe('causal volatility', () => {
  it('is the mean |error| of the last m errors measured at decision time (at least floor)', () => {
    const { level, actual } = regimes(1, 700);
    const a2 = actual.map((x, t) => (t % 17 === 5 ? null : x));
    for (const [m, lag] of [[12, 1], [5, 0], [60, 2]] as const) {
      const v = volatilityScale(level, a2, m, lag, 0.5);
      for (let i = 0; i < 700; i++) {
        const errs: number[] = [];
        for (let j = i - 1 - lag; j >= 0 && errs.length < m; j--) if (a2[j] !== null) errs.push(Math.abs(a2[j]! - level[j]!));
        const want = Math.max(0.5, errs.length ? errs.reduce((a, b) => a + b, 0) / errs.length : 0.5);
        expect(v[i]).toBeCloseTo(want, 9);
      }
      // no look-ahead: perturbing from i − lag on leaves steps <= i unchanged
      const pert = a2.map((x, j) => (j >= 300 - lag && x !== null ? x + 1000 : x));
      expect(Array.from(volatilityScale(level, pert, m, lag, 0.5).subarray(0, 301))).toEqual(Array.from(v.subarray(0, 301)));
    }
  });
});

describe('leadQuantiles with the volatility scale', () => {
  const N = 8200;
  const { level, actual } = regimes(2, N);
  const o = { window: 1000, lag: 1, floor: 0.5, minErrors: 20 };
  // At 0.95 the volatility band is narrower on average than a constant one (1.645 / 0.8 × the
  // mean volatility ≈ 18 against the mixture's 0.95 quantile ≈ 25.6); at 0.8 a constant band is
  // narrower for the same marginal coverage (≈ 5 against ≈ 9), and is kept: the choice is the
  // narrowest band on average, per quantile.
  it('is chosen at 0.95 on regime-switching noise (not at 0.8), covers at its level (±2 points), narrower than the additive band', () => {
    const v = leadQuantiles(level, actual, 1200, [0.8, 0.95], { ...o, scale: 'auto', volatility: 12 });
    const a = leadQuantiles(level, actual, 1200, [0.95], { ...o, scale: 'additive' });
    expect(v.volatile.get(0.95)!).toBeGreaterThan(0.9 * (N - 1200));
    expect(v.volatile.get(0.8)!).toBeLessThan(0.1 * (N - 1200));
    for (const q of [0.8, 0.95]) {
      let cov = 0;
      for (let i = 1200; i < N; i++) if (actual[i]! <= v.quantiles.get(q)![i - 1200]!) cov++;
      expect(Math.abs(cov / (N - 1200) - q)).toBeLessThan(0.02);
    }
    let wV = 0, wA = 0;
    for (let i = 1200; i < N; i++) { wV += v.quantiles.get(0.95)![i - 1200]! - level[i]!; wA += a.quantiles.get(0.95)![i - 1200]! - level[i]!; }
    expect(wV).toBeLessThan(0.85 * wA);
  });
  it('no look-ahead: perturbing the actual values from step i − lag on never changes the decision of step i', () => {
    for (const lag of [0, 1, 2]) {
      const base = leadQuantiles(level, actual, 1200, [0.8, 0.95], { ...o, lag, scale: 'auto', volatility: 12 });
      for (const i of [1200, 1433, 5000]) {
        const pert = actual.map((x, j) => (j >= i - lag ? x * 5 + 1000 : x));
        const r = leadQuantiles(level, pert, 1200, [0.8, 0.95], { ...o, lag, scale: 'auto', volatility: 12 });
        for (const q of [0.8, 0.95]) expect(Array.from(r.quantiles.get(q)!.subarray(0, i - 1200 + 1))).toEqual(Array.from(base.quantiles.get(q)!.subarray(0, i - 1200 + 1)));
        expect(r.quantiles.get(0.95)![i + 1 - 1200]).not.toBe(base.quantiles.get(0.95)![i + 1 - 1200]);
      }
    }
  });
});

describe('replay with calibrateVolatility', () => {
  const u = rng(41);
  const z = normal(u);
  const H = 288;
  const series = (sd: number) => Array.from({ length: 4 * 288 }, (_, t) => Math.max(0, 200 + 60 * Math.sin((2 * Math.PI * t) / 288) + (Math.floor(t / 36) % 2 ? sd : sd / 10) * z()));
  const obs = (cap: number) => Array.from({ length: 30 }, (_, k) => { const x = 0.15 + 0.7 * ((k * 0.37) % 1); return { utilization: x, workloadPerPod: (cap / 0.6) * x * (1 + 0.03 * z()) }; });
  const inst = {
    problem: 'autoscaling', step: 300, horizon: H, evaluate: true, replanEvery: 12, nowcast: true, combine: 'joint', calibrate: 'lead', topUp: true, method: 'seasonal-naive', calibrateVolatility: true,
    services: [{ name: 'a', workload: series(60), observations: obs(20) }, { name: 'b', workload: series(30), observations: obs(15) }],
  } as const;
  it('perturbing the held-out workload from step t on leaves the forecast policies\' pods of steps <= t unchanged; the scale is used', async () => {
    const base = (await solve(structuredClone(inst))) as AutoscalingSolution;
    expect(base.evaluation!.calibration!.volatilityShare!).toBeGreaterThan(0.1);
    for (const t of [5, 100, 250]) {
      const pert = structuredClone(inst) as unknown as { services: { workload: number[] }[] };
      for (const s of pert.services) for (let j = s.workload.length - H + t; j < s.workload.length; j++) s.workload[j] = s.workload[j]! * 3 + 50;
      const sol = (await solve(pert)) as AutoscalingSolution;
      expect(forecastPodsFixedUpTo(base, sol, t)).toBe(true);
    }
  });
});
