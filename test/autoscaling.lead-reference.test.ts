// The short-lead conformal quantiles (calibration.ts: sorted sliding windows, floating-point
// ranks with a tolerance, incremental sums) against an independent reference written from
// docs/autoscaling.md alone (test/helpers/lead-reference.ts: every window rebuilt per
// decision, exact ranks). Seeded series with missing values and non-finite predictions, every
// scale, several lags, windows and levels, with and without phase categories (Mondrian) and
// volatility-normalised errors.
import { describe, expect, it } from 'vitest';
import { leadQuantiles, volatilityScale } from '../src/problems/autoscaling/calibration.js';
import { refLeadQuantiles, refVolatility, leadRank } from './helpers/lead-reference.js';
import { rng, normal } from './helpers/random.js';

function series(seed: number, N: number) {
  const u = rng(seed), z = normal(u);
  const point: number[] = [], actual: (number | null)[] = [];
  for (let t = 0; t < N; t++) {
    const lvl = 50 + 40 * Math.sin((2 * Math.PI * t) / 96) + (u() < 0.05 ? 200 * u() : 0);
    point.push(u() < 0.02 ? NaN : Math.max(0, lvl + 5 * z()));
    // bursts (heavy right tail), multiplicative noise and missing values
    actual.push(u() < 0.05 ? null : Math.max(0, lvl * (1 + 0.15 * z()) + (u() < 0.04 ? 150 * u() : 0)));
  }
  const category = Array.from({ length: N }, () => (u() < 0.25 ? 1 : 0));
  return { point, actual, category };
}

const close = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('short-lead conformal quantiles against the independent reference', () => {
  it('the exact rank agrees with the documented examples', () => {
    expect(leadRank(19, 0.95)).toBe(19);
    expect(leadRank(19, 0.8)).toBe(16);
    expect(leadRank(59, 0.95)).toBe(57);
    expect(leadRank(4, 0.8)).toBe(4);
    expect(leadRank(5, 0.999)).toBe(5);
  });

  it('volatility of every step equals the reference', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { point, actual } = series(seed, 400);
      for (const [m, lag] of [[12, 1], [3, 2], [30, 1]] as const) {
        const a = volatilityScale(point, actual, m, lag, 2), b = refVolatility(point, actual, m, lag, 2);
        for (let i = 0; i < a.length; i++) if (!close(a[i]!, b[i]!)) expect.fail(`seed ${seed} m ${m} lag ${lag} step ${i}: ${a[i]} vs ${b[i]}`);
      }
    }
  });

  const cases: { name: string; o: Parameters<typeof leadQuantiles>[4] & Record<string, unknown> }[] = [];
  for (const scale of ['additive', 'relative', 'auto'] as const)
    for (const [window, lag] of [[25, 1], [60, 2], [300, 1], [40, 3]] as const)
      cases.push({ name: `${scale}, window ${window}, lag ${lag}`, o: { window, lag, floor: 3, scale, minErrors: 20 } });
  cases.push({ name: 'auto with categories', o: { window: 60, lag: 1, floor: 3, scale: 'auto', minErrors: 20, minCategoryErrors: 10 } });
  cases.push({ name: 'auto with volatility', o: { window: 80, lag: 1, floor: 3, scale: 'auto', minErrors: 20, volatility: 12 } });
  cases.push({ name: 'auto with categories and volatility, lag 2', o: { window: 50, lag: 2, floor: 3, scale: 'auto', minErrors: 20, minCategoryErrors: 10, volatility: 6 } });

  for (const c of cases) {
    it(`every quantile equals the reference: ${c.name}`, () => {
      let compared = 0, calibrated = 0;
      for (let seed = 11; seed <= 16; seed++) {
        const { point, actual, category } = series(seed, 520);
        const o = { ...c.o, ...(c.o.minCategoryErrors ? { category } : {}) };
        const qs = [0.5, 0.8, 0.9, 0.95];
        const start = 30;
        const got = leadQuantiles(point, actual, start, qs, o);
        const ref = refLeadQuantiles(point, actual, start, qs, o);
        expect(got.uncalibrated).toBe(ref.uncalibrated);
        for (const q of qs) {
          const a = got.quantiles.get(q)!, b = ref.quantiles.get(q)!;
          expect(a.length).toBe(b.length);
          for (let i = 0; i < a.length; i++) {
            if (!close(a[i]!, b[i]!)) expect.fail(`seed ${seed} q ${q} decision ${start + i}: ${a[i]} vs reference ${b[i]}`);
            compared++; if (!Number.isNaN(b[i]!)) calibrated++;
          }
          expect(got.relative.get(q)).toBe(ref.relative.get(q));
          expect(got.volatile.get(q)).toBe(ref.volatile.get(q));
        }
      }
      expect(compared).toBe(6 * 4 * 490);
      expect(calibrated).toBeGreaterThan(0.9 * compared); // the comparison is not over fallbacks
    });
  }

  it('the auto choice really varies on this data (the comparison covers both scales)', () => {
    const { point, actual } = series(11, 520);
    const r = refLeadQuantiles(point, actual, 30, [0.5, 0.95], { window: 60, lag: 1, floor: 3, scale: 'auto', minErrors: 20, volatility: 12 });
    for (const q of [0.5, 0.95]) {
      const rel = r.relative.get(q)!, vol = r.volatile.get(q)!;
      expect(rel + vol).toBeGreaterThan(0);
      expect(rel + vol).toBeLessThan(490);
    }
  });
});
