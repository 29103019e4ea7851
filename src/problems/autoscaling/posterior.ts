// Per-pod capacity with uncertainty: a conjugate Normal–Inverse-Gamma (NIG) linear model
// per service, workloadPerPod = w · utilisation + b + ε, ε ~ N(0, σ²), whose prior is
// estimated from all services of the instance (empirical Bayes). docs/autoscaling.md,
// "Per-pod capacity", has the formulas and the choices; this file follows it line by line.
// O(observations) time, O(services) memory.
import { tQuantile } from './stats.js';

/** NIG parameters: β | σ² ~ N(m, σ² V), σ² ~ InvGamma(a, b); β = (w, b_intercept). V is 2×2 symmetric [v00, v01, v11]. */
export interface Nig { m0: number; m1: number; v00: number; v01: number; v11: number; a: number; b: number }

/** Sufficient statistics of one service's observations (x = utilisation, y = workload per pod). */
export interface Suff { n: number; sx: number; sxx: number; sy: number; sxy: number; syy: number }

export const emptySuff = (): Suff => ({ n: 0, sx: 0, sxx: 0, sy: 0, sxy: 0, syy: 0 });

export function suffOf(xs: ArrayLike<number>, ys: ArrayLike<number>): Suff {
  const s = emptySuff();
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    s.n++; s.sx += x; s.sxx += x * x; s.sy += y; s.sxy += x * y; s.syy += y * y;
  }
  return s;
}

const inv2 = (a: number, b: number, d: number): [number, number, number] => {
  // inverse of [[a, b], [b, d]]
  const det = a * d - b * b;
  return [d / det, -b / det, a / det];
};

/**
 * Conjugate update. Λn = V0⁻¹ + XᵀX, mn = Λn⁻¹(V0⁻¹ m0 + Xᵀy), an = a0 + n/2,
 * bn = b0 + ½ (Σ (y − X mn)² + (mn − m0)ᵀ V0⁻¹ (mn − m0)). The residual form of bn is
 * computed from the data (xs, ys) when given (no cancellation), else from the sufficient
 * statistics.
 */
export function updateNig(prior: Nig, s: Suff, xs?: ArrayLike<number>, ys?: ArrayLike<number>): Nig {
  if (s.n === 0) return { ...prior };
  const [p00, p01, p11] = inv2(prior.v00, prior.v01, prior.v11); // V0⁻¹
  const l00 = p00 + s.sxx;
  const l01 = p01 + s.sx;
  const l11 = p11 + s.n;
  const r0 = p00 * prior.m0 + p01 * prior.m1 + s.sxy;
  const r1 = p01 * prior.m0 + p11 * prior.m1 + s.sy;
  const [v00, v01, v11] = inv2(l00, l01, l11);
  const m0 = v00 * r0 + v01 * r1;
  const m1 = v01 * r0 + v11 * r1;
  let rss: number;
  if (xs && ys) {
    rss = 0;
    for (let i = 0; i < xs.length; i++) { const e = ys[i]! - m0 * xs[i]! - m1; rss += e * e; }
  } else {
    rss = s.syy - 2 * (m0 * s.sxy + m1 * s.sy) + m0 * m0 * s.sxx + 2 * m0 * m1 * s.sx + m1 * m1 * s.n;
  }
  const d0 = m0 - prior.m0;
  const d1 = m1 - prior.m1;
  const quad = p00 * d0 * d0 + 2 * p01 * d0 * d1 + p11 * d1 * d1;
  return { m0, m1, v00, v01, v11, a: prior.a + s.n / 2, b: prior.b + 0.5 * Math.max(0, rss + quad) };
}

/** Posterior predictive of y at utilisation x: Student t with `dof` = 2a, location, scale. */
export function predictive(post: Nig, x: number): { loc: number; scale: number; dof: number } {
  const q = post.v00 * x * x + 2 * post.v01 * x + post.v11;
  return { loc: post.m0 * x + post.m1, scale: Math.sqrt((post.b / post.a) * (1 + q)), dof: 2 * post.a };
}

export function predictiveQuantile(post: Nig, x: number, p: number): number {
  const { loc, scale, dof } = predictive(post, x);
  return loc + scale * tQuantile(p, dof);
}

/** Ordinary least squares of one service (null when fewer than 3 points or no spread in x). */
function ols(s: Suff): { w: number; b: number; s2: number; c00: number; c01: number; c11: number } | null {
  if (s.n < 3) return null;
  const mx = s.sx / s.n;
  const sxxc = s.sxx - s.n * mx * mx;
  if (!(sxxc > 1e-12 * Math.max(1e-300, s.sxx))) return null;
  const my = s.sy / s.n;
  const sxyc = s.sxy - s.n * mx * my;
  const w = sxyc / sxxc;
  const b = my - w * mx;
  const syyc = s.syy - s.n * my * my;
  const rss = Math.max(0, syyc - w * sxyc);
  const s2 = rss / (s.n - 2);
  // Cov(β̂) = s² (XᵀX)⁻¹
  const [i00, i01, i11] = inv2(s.sxx, s.sx, s.n);
  return { w, b, s2, c00: s2 * i00, c01: s2 * i01, c11: s2 * i11 };
}

export interface EbPrior extends Nig {
  /** 'between-services' when three or more services have their own fit; else 'unit-information' (pooled fit). */
  kind: 'between-services' | 'unit-information';
  services: number;
  observations: number;
}

/**
 * The empirical-Bayes prior from all services' sufficient statistics (docs/autoscaling.md):
 * with K >= 3 services that have their own least-squares fit, the prior mean is the mean of
 * their coefficients, the prior covariance the between-service covariance of the
 * coefficients less their mean sampling covariance (kept positive definite), and σ²'s
 * inverse gamma is matched to the mean and variance of their residual variances; otherwise
 * a unit-information prior centred on the pooled fit (Kass & Wasserman 1995). Returns null
 * when the pooled observations cannot identify a line (fewer than 3, or one utilisation).
 */
export function empiricalPrior(suffs: Suff[]): EbPrior | null {
  const pooled = emptySuff();
  for (const s of suffs) { pooled.n += s.n; pooled.sx += s.sx; pooled.sxx += s.sxx; pooled.sy += s.sy; pooled.sxy += s.sxy; pooled.syy += s.syy; }
  const fits = suffs.map(ols).filter((f): f is NonNullable<typeof f> => f !== null && Number.isFinite(f.s2));
  const pool = ols(pooled);
  if (!pool) return null;
  const K = fits.length;
  if (K >= 3) {
    let mw = 0, mb = 0, ms2 = 0, c00 = 0, c01 = 0, c11 = 0;
    for (const f of fits) { mw += f.w; mb += f.b; ms2 += f.s2; c00 += f.c00; c01 += f.c01; c11 += f.c11; }
    mw /= K; mb /= K; ms2 /= K; c00 /= K; c01 /= K; c11 /= K;
    let s00 = 0, s01 = 0, s11 = 0, vs2 = 0;
    for (const f of fits) {
      s00 += (f.w - mw) ** 2; s01 += (f.w - mw) * (f.b - mb); s11 += (f.b - mb) ** 2; vs2 += (f.s2 - ms2) ** 2;
    }
    s00 /= K - 1; s01 /= K - 1; s11 /= K - 1; vs2 /= K - 1;
    // between-service covariance: sample covariance less mean sampling covariance, floored at
    // 5 % of the sample covariance's diagonal (and of the sampling covariance, so that a
    // perfectly homogeneous pool still leaves room), correlation shrunk to keep it positive definite
    let b00 = Math.max(s00 - c00, 0.05 * Math.max(s00, c00));
    let b11 = Math.max(s11 - c11, 0.05 * Math.max(s11, c11));
    let b01 = s01 - c01;
    const lim = 0.99 * Math.sqrt(b00 * b11);
    b01 = Math.max(-lim, Math.min(lim, b01));
    if (!(b00 > 0)) b00 = 1e-12 * Math.max(1, mw * mw);
    if (!(b11 > 0)) b11 = 1e-12 * Math.max(1, mb * mb);
    if (!(ms2 > 0)) ms2 = Math.max(1e-300, pool.s2);
    // σ² ~ InvGamma(a, b): mean b/(a−1) = ms2, variance ms2²/(a−2) = vs2 (a clipped to [2.5, 200])
    const a = Math.min(200, Math.max(2.5, vs2 > 0 ? 2 + (ms2 * ms2) / vs2 : 200));
    const bb = ms2 * (a - 1);
    return { m0: mw, m1: mb, v00: b00 / ms2, v01: b01 / ms2, v11: b11 / ms2, a, b: bb, kind: 'between-services', services: K, observations: pooled.n };
  }
  // unit-information prior: β ~ N(β̂_pooled, σ² · N (XᵀX)⁻¹), σ² ~ InvGamma(2, s²_pooled) (mean s²)
  const [i00, i01, i11] = inv2(pooled.sxx, pooled.sx, pooled.n);
  const N = pooled.n;
  const s2 = pool.s2 > 0 ? pool.s2 : Math.max(1e-300, 1e-12 * (pool.w * pool.w + pool.b * pool.b));
  return { m0: pool.w, m1: pool.b, v00: N * i00, v01: N * i01, v11: N * i11, a: 2, b: s2, kind: 'unit-information', services: K, observations: N };
}
