// The NIG posterior, its Student-t predictive and the t quantile (src/problems/autoscaling/
// posterior.ts, stats.ts) against the independent reference test/helpers/nig-reference.ts
// (sequential rank-one updates instead of the batch normal equations; the t CDF by
// numeric integration of the density and its quantile by bisection instead of the
// incomplete beta function and Newton), on hundreds of seeded random priors and data sets,
// non-integer degrees of freedom and tail probabilities. (test/autoscaling.posterior.test.ts
// has the matrix closed form on one data set, a Monte Carlo, t tables and coverage.)
import { describe, expect, it } from 'vitest';
import { suffOf, updateNig, predictive, predictiveQuantile, empiricalPrior, type Nig } from '../src/problems/autoscaling/posterior.js';
import { tQuantile } from '../src/problems/autoscaling/stats.js';
import { rng, normal } from './helpers/random.js';
import { empiricalPriorRef, nigPosteriorRef, nigPredictiveQuantileRef, tCdfRef, tQuantileRef } from './helpers/nig-reference.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

function randomCase(seed: number): { prior: Nig; xs: number[]; ys: number[] } {
  const u = rng(seed);
  const z = normal(u);
  // a positive definite V0 = L Lᵀ with a random lower triangle
  const l00 = 0.1 + 5 * u(), l10 = 4 * (u() - 0.5), l11 = 0.1 + 5 * u();
  const prior: Nig = { m0: 200 * u(), m1: 20 * (u() - 0.5), v00: l00 * l00, v01: l00 * l10, v11: l10 * l10 + l11 * l11, a: 1 + 10 * u(), b: 1 + 500 * u() };
  const n = [0, 1, 2, 3, 5, 10, 40, 200][Math.floor(u() * 8)]!;
  const w = 50 + 150 * u(), b = 10 * (u() - 0.5), s = 0.5 + 20 * u();
  const xs = Array.from({ length: n }, () => 0.05 + 0.9 * u());
  const ys = xs.map((x) => w * x + b + s * z());
  return { prior, xs, ys };
}

describe('NIG posterior = sequential rank-one reference', () => {
  it('300 seeded random priors and data sets (data path and sufficient-statistics path)', () => {
    let worstData = 0, worstSuff = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { prior, xs, ys } = randomCase(seed);
      const ref = nigPosteriorRef(prior, xs, ys);
      for (const [path, got] of [['data', updateNig(prior, suffOf(xs, ys), xs, ys)], ['suff', updateNig(prior, suffOf(xs, ys))]] as const) {
        const tol = path === 'data' ? 1e-11 : 1e-9; // the sufficient-statistics form of b_n cancels
        const scaleV = Math.max(Math.abs(ref.v00), Math.abs(ref.v11));
        const errs = [
          rel(got.m0, ref.m0), Math.abs(got.m1 - ref.m1) / Math.max(1, Math.abs(ref.m0)),
          Math.abs(got.v00 - ref.v00) / scaleV, Math.abs(got.v01 - ref.v01) / scaleV, Math.abs(got.v11 - ref.v11) / scaleV,
          rel(got.a, ref.a), rel(got.b, ref.b),
        ];
        const worst = Math.max(...errs);
        if (path === 'data') worstData = Math.max(worstData, worst); else worstSuff = Math.max(worstSuff, worst);
        expect(worst, `seed ${seed} ${path} n=${xs.length}: ${JSON.stringify(got)} vs ${JSON.stringify(ref)}`).toBeLessThan(tol);
      }
    }
    console.log(`NIG posterior vs reference: worst relative difference ${worstData.toExponential(1)} (data path), ${worstSuff.toExponential(1)} (sufficient statistics)`);
  });
});

describe('Student-t predictive and quantile = numeric-integration reference', () => {
  it('t quantiles at non-integer degrees of freedom and tail probabilities', () => {
    const ps = [1e-4, 0.001, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.99, 0.999, 0.9999];
    const nus = [1, 1.5, 2, 2.7, 4, 5, 7.3, 12.5, 30, 41.7, 100, 403.5];
    let worst = 0;
    for (const nu of nus) {
      for (const p of ps) {
        const got = tQuantile(p, nu);
        const ref = tQuantileRef(p, nu);
        const d = Math.abs(got - ref) / Math.max(1, Math.abs(ref));
        worst = Math.max(worst, d);
        expect(d, `p = ${p}, ν = ${nu}: ${got} vs ${ref}`).toBeLessThan(1e-9);
      }
    }
    // the reference itself: Cauchy (ν = 1) closed form, and ν = 2 closed form t = (2p − 1)/√(2p(1 − p))
    for (const p of [0.001, 0.2, 0.9, 0.999]) {
      expect(tQuantileRef(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      expect(tQuantileRef(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
    }
    expect(tCdfRef(1, 1)).toBeCloseTo(0.75, 12);
    console.log(`t quantile vs reference: worst relative difference ${worst.toExponential(1)} over ${ps.length * nus.length} (p, ν)`);
  });

  it('predictive location, scale, dof and quantiles on 200 seeded posteriors', () => {
    const u = rng(777);
    for (let seed = 1; seed <= 200; seed++) {
      const { prior, xs, ys } = randomCase(1000 + seed);
      const post = updateNig(prior, suffOf(xs, ys), xs, ys);
      const x = u() * 1.2;
      const p = [0.001, 0.05, 0.1, 0.5, 0.8, 0.9, 0.95, 0.999][seed % 8]!;
      const ref = nigPredictiveQuantileRef(post, x, p);
      const got = predictive(post, x);
      expect(rel(got.loc, ref.loc) < 1e-12 || Math.abs(got.loc - ref.loc) < 1e-12 * ref.scale, `seed ${seed} loc`).toBe(true);
      expect(rel(got.scale, ref.scale), `seed ${seed} scale`).toBeLessThan(1e-12);
      expect(got.dof).toBe(ref.dof);
      expect(Math.abs(predictiveQuantile(post, x, p) - ref.q) / ref.scale, `seed ${seed} p = ${p}`).toBeLessThan(1e-8);
    }
  });
});

describe('empirical-Bayes prior = two-pass least-squares reference', () => {
  it('120 seeded populations (between-services and unit-information)', () => {
    const kinds = new Map<string, number>();
    for (let seed = 1; seed <= 120; seed++) {
      const u = rng(5000 + seed);
      const z = normal(u);
      const S = [1, 2, 3, 4, 8, 30][seed % 6]!;
      const data = Array.from({ length: S }, (_, i) => {
        const n = i % 4 === 3 ? Math.floor(u() * 3) : 3 + Math.floor(u() * 30);
        const w = 100 + 30 * z(), b = 5 * z(), s = 1 + 10 * u();
        const xs = Array.from({ length: n }, () => Math.round((0.1 + 0.8 * u()) * 1000) / 1000);
        return { xs, ys: xs.map((x) => w * x + b + s * z()) };
      });
      const got = empiricalPrior(data.map((d) => suffOf(d.xs, d.ys)));
      const ref = empiricalPriorRef(data);
      if (ref === null) { expect(got, `seed ${seed}`).toBeNull(); continue; }
      expect(got, `seed ${seed}`).not.toBeNull();
      kinds.set(ref.kind, (kinds.get(ref.kind) ?? 0) + 1);
      expect(got!.kind, `seed ${seed}`).toBe(ref.kind);
      for (const key of ['m0', 'm1', 'v00', 'v01', 'v11', 'a', 'b'] as const) {
        const scale = key === 'v01' ? Math.sqrt(ref.v00 * ref.v11) : key === 'm1' ? Math.max(1, Math.abs(ref.m0)) : Math.abs(ref[key]);
        expect(Math.abs(got![key] - ref[key]) / scale, `seed ${seed} ${key}: ${got![key]} vs ${ref[key]}`).toBeLessThan(1e-7);
      }
    }
    expect(kinds.get('between-services')).toBeGreaterThan(30);
    expect(kinds.get('unit-information')).toBeGreaterThan(10);
  });
});
