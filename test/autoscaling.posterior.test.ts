// Per-pod capacity model (docs/autoscaling.md, "Per-pod capacity"): the NIG posterior
// against the closed form computed here independently (full matrices, the other form of
// b_n), against a Monte Carlo of the same model (importance sampling from the prior), the
// t quantiles against tables, and the predictive coverage of the empirical-Bayes model on
// seeded data with known truth.
import { describe, expect, it } from 'vitest';
import { suffOf, updateNig, predictive, predictiveQuantile, empiricalPrior, type Nig } from '../src/problems/autoscaling/posterior.js';
import { tQuantile, tCdf, tPdf } from '../src/problems/autoscaling/stats.js';
import { rng, normal, invGamma } from './helpers/random.js';

/** 2×2 helpers written for the test (not the module's). */
const mat = {
  inv: (m: number[][]) => { const d = m[0]![0]! * m[1]![1]! - m[0]![1]! * m[1]![0]!; return [[m[1]![1]! / d, -m[0]![1]! / d], [-m[1]![0]! / d, m[0]![0]! / d]]; },
  add: (a: number[][], b: number[][]) => a.map((r, i) => r.map((x, j) => x + b[i]![j]!)),
  mulv: (m: number[][], v: number[]) => m.map((r) => r[0]! * v[0]! + r[1]! * v[1]!),
};

/** Bishop (2006) §3.3 / Murphy (2007) "Conjugate Bayesian analysis of the Gaussian distribution" §7.6, in matrix form. */
function closedForm(prior: Nig, xs: number[], ys: number[]) {
  const V0 = [[prior.v00, prior.v01], [prior.v01, prior.v11]];
  const P0 = mat.inv(V0);
  const X = xs.map((x) => [x, 1]);
  const XtX = [[0, 0], [0, 0]];
  const Xty = [0, 0];
  X.forEach((r, k) => { for (let i = 0; i < 2; i++) { Xty[i]! += r[i]! * ys[k]!; for (let j = 0; j < 2; j++) XtX[i]![j]! += r[i]! * r[j]!; } });
  const Ln = mat.add(P0, XtX);
  const Vn = mat.inv(Ln);
  const m0 = [prior.m0, prior.m1];
  const rhs = mat.mulv(P0, m0).map((x, i) => x + Xty[i]!);
  const mn = mat.mulv(Vn, rhs);
  const yy = ys.reduce((s, y) => s + y * y, 0);
  const q0 = m0[0]! * mat.mulv(P0, m0)[0]! + m0[1]! * mat.mulv(P0, m0)[1]!;
  const qn = mn[0]! * mat.mulv(Ln, mn)[0]! + mn[1]! * mat.mulv(Ln, mn)[1]!;
  return { mn, Vn, an: prior.a + ys.length / 2, bn: prior.b + 0.5 * (yy + q0 - qn) };
}

const prior: Nig = { m0: 80, m1: 10, v00: 4, v01: -1, v11: 2, a: 3, b: 50 };
const xs = [0.2, 0.35, 0.5, 0.61, 0.8];
const ys = [27, 41, 57, 62, 88];

describe('NIG posterior', () => {
  it('equals the closed form computed independently', () => {
    const post = updateNig(prior, suffOf(xs, ys), xs, ys);
    const cf = closedForm(prior, xs, ys);
    expect(post.m0).toBeCloseTo(cf.mn[0]!, 9);
    expect(post.m1).toBeCloseTo(cf.mn[1]!, 9);
    expect(post.v00).toBeCloseTo(cf.Vn[0]![0]!, 12);
    expect(post.v01).toBeCloseTo(cf.Vn[0]![1]!, 12);
    expect(post.v11).toBeCloseTo(cf.Vn[1]![1]!, 12);
    expect(post.a).toBe(cf.an);
    expect(post.b).toBeCloseTo(cf.bn, 7);
    // the sufficient-statistics path gives the same b_n
    const viaSuff = updateNig(prior, suffOf(xs, ys));
    expect(viaSuff.b).toBeCloseTo(cf.bn, 6);
    // sequential updates equal one batch update (conjugacy)
    const seq = updateNig(updateNig(prior, suffOf(xs.slice(0, 2), ys.slice(0, 2)), xs.slice(0, 2), ys.slice(0, 2)), suffOf(xs.slice(2), ys.slice(2)), xs.slice(2), ys.slice(2));
    expect(seq.m0).toBeCloseTo(post.m0, 9);
    expect(seq.b).toBeCloseTo(post.b, 7);
  });

  it('no observations: the posterior is the prior', () => {
    expect(updateNig(prior, suffOf([], []))).toEqual(prior);
  });

  it('predictive quantiles agree with a Monte Carlo of the same model (importance sampling from the prior)', () => {
    const post = updateNig(prior, suffOf(xs, ys), xs, ys);
    const u = rng(42);
    const z = normal(u);
    const N = 200_000;
    const ystar = new Float64Array(N);
    const logw = new Float64Array(N);
    const x = 0.6;
    let wsum = 0;
    // Cholesky of V0
    const l00 = Math.sqrt(prior.v00), l10 = prior.v01 / l00, l11 = Math.sqrt(prior.v11 - l10 * l10);
    for (let k = 0; k < N; k++) {
      const s2 = invGamma(u, z, prior.a, prior.b);
      const s = Math.sqrt(s2);
      const e0 = z(), e1 = z();
      const w = prior.m0 + s * l00 * e0;
      const b = prior.m1 + s * (l10 * e0 + l11 * e1);
      let ll = 0;
      for (let i = 0; i < xs.length; i++) { const r = ys[i]! - w * xs[i]! - b; ll += -0.5 * Math.log(s2) - (r * r) / (2 * s2); }
      logw[k] = ll;
      ystar[k] = w * x + b + s * z();
    }
    let mx = -Infinity;
    for (const l of logw) mx = Math.max(mx, l);
    const wts = Array.from(logw, (l) => Math.exp(l - mx));
    wsum = wts.reduce((a, b) => a + b, 0);
    const ess = wsum ** 2 / wts.reduce((a, b) => a + b * b, 0);
    expect(ess).toBeGreaterThan(2000);
    const order = Array.from({ length: N }, (_, i) => i).sort((a, b) => ystar[a]! - ystar[b]!);
    const wq = (p: number) => { let c = 0; for (const i of order) { c += wts[i]!; if (c >= p * wsum) return ystar[i]!; } return ystar[order[N - 1]!]!; };
    const mean = order.reduce((s, i) => s + wts[i]! * ystar[i]!, 0) / wsum;
    const pred = predictive(post, x);
    expect(Math.abs(mean - pred.loc)).toBeLessThan(0.05 * pred.scale);
    for (const p of [0.05, 0.2, 0.5, 0.8, 0.95]) {
      expect(Math.abs(wq(p) - predictiveQuantile(post, x, p)), `p = ${p}`).toBeLessThan(0.08 * pred.scale);
    }
  });
});

describe('Student t quantiles', () => {
  it('match tables', () => {
    // two-sided tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2)
    const table: [number, number, number][] = [[0.95, 1, 6.313752], [0.95, 5, 2.015048], [0.975, 10, 2.228139], [0.99, 30, 2.457262], [0.995, 3, 5.840909], [0.9, 100, 1.290075]];
    for (const [p, nu, t] of table) expect(tQuantile(p, nu)).toBeCloseTo(t, 5);
    expect(tQuantile(0.05, 5)).toBeCloseTo(-2.015048, 5);
    expect(tQuantile(0.5, 7)).toBe(0);
  });
  it('invert the CDF at non-integer degrees of freedom, and the CDF integrates the density', () => {
    for (const nu of [2.5, 7.3, 41.7]) {
      for (const p of [0.01, 0.1, 0.7, 0.999]) expect(tCdf(tQuantile(p, nu), nu)).toBeCloseTo(p, 10);
      // trapezoid of the density from 0 to 1.5 equals CDF(1.5) − 1/2
      let s = 0;
      const n = 20000;
      for (let i = 0; i < n; i++) s += ((tPdf((i * 1.5) / n, nu) + tPdf(((i + 1) * 1.5) / n, nu)) / 2) * (1.5 / n);
      expect(s).toBeCloseTo(tCdf(1.5, nu) - 0.5, 7);
    }
  });
});

describe('empirical Bayes on seeded data with known truth', () => {
  it('90 % predictive bounds at the target utilisation cover 90 ± 3 % of new observations', () => {
    const u = rng(2026);
    const z = normal(u);
    const S = 400;
    const truth = Array.from({ length: S }, () => ({ w: 120 + 25 * z(), b: 4 + 3 * z(), s2: invGamma(u, z, 6, 5 * 36) }));
    const data = truth.map((t, i) => {
      const n = i % 10 === 0 ? 0 : 3 + Math.floor(u() * 25); // every tenth service has no observations
      const x = Array.from({ length: n }, () => 0.1 + 0.8 * u());
      const y = x.map((v) => t.w * v + t.b + Math.sqrt(t.s2) * z());
      return { x, y };
    });
    const eb = empiricalPrior(data.map((d) => suffOf(d.x, d.y)))!;
    expect(eb.kind).toBe('between-services');
    // the pooled prior recovers the population
    expect(eb.m0).toBeGreaterThan(110);
    expect(eb.m0).toBeLessThan(130);
    let hit = 0, total = 0, hitPooled = 0, totalPooled = 0;
    const target = 0.6;
    data.forEach((d, i) => {
      const post = updateNig(eb, suffOf(d.x, d.y), d.x, d.y);
      const lo = predictiveQuantile(post, target, 0.05);
      const hi = predictiveQuantile(post, target, 0.95);
      const t = truth[i]!;
      for (let k = 0; k < 25; k++) {
        const y = t.w * target + t.b + Math.sqrt(t.s2) * z();
        const inside = y >= lo && y <= hi ? 1 : 0;
        hit += inside; total++;
        if (d.x.length === 0) { hitPooled += inside; totalPooled++; }
      }
    });
    const cov = hit / total;
    console.log(`predictive 90 % coverage: ${(100 * cov).toFixed(1)} % over ${total} draws; services without observations (pooled prior): ${(100 * hitPooled / totalPooled).toFixed(1)} %`);
    expect(cov).toBeGreaterThan(0.87);
    expect(cov).toBeLessThan(0.93);
  });

  it('one service with observations: a unit-information prior centred on the pooled fit', () => {
    const x = [0.2, 0.4, 0.6, 0.8];
    const y = [20, 41, 59, 81];
    const eb = empiricalPrior([suffOf(x, y), suffOf([], [])])!;
    expect(eb.kind).toBe('unit-information');
    expect(eb.m0).toBeCloseTo(100.5, 9); // the least-squares slope of the four points
    expect(empiricalPrior([suffOf([0.5, 0.5, 0.5], [1, 2, 3])])).toBeNull();
    expect(empiricalPrior([suffOf([0.5, 0.6], [1, 2])])).toBeNull();
  });
});
