// Independent reference for the per-pod capacity model of docs/autoscaling.md ("Per-pod
// capacity"): the conjugate Normal–Inverse-Gamma linear model y = w·x + b + ε, its
// posterior, its Student-t predictive and the t quantile. Shares no code with src/ (types
// only) and uses other methods than the product:
// - the posterior by one-observation-at-a-time updates (recursive least squares / Kalman
//   form, Sherman–Morrison on V), with b_n accumulated from the one-step predictive
//   residuals b ← b + (y − xᵀm)² / (2(1 + xᵀVx)) — not the batch normal equations;
// - the t CDF by adaptive Simpson integration of the density after t = √ν·tan θ, which
//   turns it into ∝ cos^(ν−1) θ on (−π/2, π/2) (no gamma or beta functions: the normaliser is
//   integrated too), and the quantile by bisection on that CDF (the product uses the
//   regularised incomplete beta function and Newton).
import type { Nig } from '../../src/problems/autoscaling/posterior.js';

/** Adaptive Simpson of f on [a, b] to absolute tolerance tol. */
function simpson(f: (x: number) => number, a: number, b: number, tol: number): number {
  const fa = f(a), fb = f(b), m = (a + b) / 2, fm = f(m);
  const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
  const rec = (a: number, b: number, fa: number, fm: number, fb: number, whole: number, tol: number, depth: number): number => {
    const m = (a + b) / 2, lm = (a + m) / 2, rm = (m + b) / 2;
    const flm = f(lm), frm = f(rm);
    const left = ((m - a) / 6) * (fa + 4 * flm + fm);
    const right = ((b - m) / 6) * (fm + 4 * frm + fb);
    const diff = left + right - whole;
    if (depth <= 0 || Math.abs(diff) <= 15 * tol) return left + right + diff / 15;
    return rec(a, m, fa, flm, fm, left, tol / 2, depth - 1) + rec(m, b, fm, frm, fb, right, tol / 2, depth - 1);
  };
  return rec(a, b, fa, fm, fb, whole, tol, 50);
}

const HALF_PI = Math.PI / 2;
const normCache = new Map<number, number>();
/** ∫_0^{π/2} cos^(ν−1) θ dθ (numerically). */
function halfMass(nu: number): number {
  let z = normCache.get(nu);
  if (z === undefined) {
    z = simpson((th) => Math.pow(Math.cos(th), nu - 1), 0, HALF_PI, 1e-14);
    normCache.set(nu, z);
  }
  return z;
}

/** P(T > t) for t >= 0, T ~ Student t(ν), ν >= 1. */
export function tUpperTailRef(t: number, nu: number): number {
  const th = Math.atan(t / Math.sqrt(nu));
  const z = halfMass(nu);
  const f = (u: number) => Math.pow(Math.cos(u), nu - 1);
  // relative accuracy in the tail: a rough pass, then the tolerance scaled to the tail's own size
  const rough = simpson(f, th, HALF_PI, 1e-9 * z);
  return simpson(f, th, HALF_PI, Math.max(1e-300, 1e-12 * rough)) / (2 * z);
}

/** CDF of Student t(ν) at t. */
export function tCdfRef(t: number, nu: number): number {
  return t >= 0 ? 1 - tUpperTailRef(t, nu) : tUpperTailRef(-t, nu);
}

/** Quantile of Student t(ν) by bisection on the upper tail (relative width 1e-13). */
export function tQuantileRef(p: number, nu: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantileRef(1 - p, nu);
  const target = 1 - p; // P(T > t) = target, t > 0
  let lo = 0;
  let hi = 1;
  while (tUpperTailRef(hi, nu) > target) { lo = hi; hi *= 2; }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tUpperTailRef(mid, nu) > target) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Posterior by sequential one-observation updates (RLS form); V stored full 2×2. */
export function nigPosteriorRef(prior: Nig, xs: readonly number[], ys: readonly number[]): Nig {
  let m = [prior.m0, prior.m1];
  let V = [[prior.v00, prior.v01], [prior.v01, prior.v11]];
  let a = prior.a;
  let b = prior.b;
  for (let i = 0; i < xs.length; i++) {
    const x = [xs[i]!, 1];
    const Vx = [V[0]![0]! * x[0]! + V[0]![1]! * x[1]!, V[1]![0]! * x[0]! + V[1]![1]! * x[1]!];
    const s = 1 + x[0]! * Vx[0]! + x[1]! * Vx[1]!;
    const r = ys[i]! - (x[0]! * m[0]! + x[1]! * m[1]!);
    const k = [Vx[0]! / s, Vx[1]! / s];
    m = [m[0]! + k[0]! * r, m[1]! + k[1]! * r];
    V = [[V[0]![0]! - k[0]! * Vx[0]!, V[0]![1]! - k[0]! * Vx[1]!], [V[1]![0]! - k[1]! * Vx[0]!, V[1]![1]! - k[1]! * Vx[1]!]];
    a += 0.5;
    b += (r * r) / (2 * s);
  }
  return { m0: m[0]!, m1: m[1]!, v00: V[0]![0]!, v01: (V[0]![1]! + V[1]![0]!) / 2, v11: V[1]![1]!, a, b };
}

/** Posterior predictive at x: Student t(2a), location xᵀm, scale √((b/a)(1 + xᵀVx)); its p-quantile. */
export function nigPredictiveQuantileRef(post: Nig, x: number, p: number): { loc: number; scale: number; dof: number; q: number } {
  const loc = post.m0 * x + post.m1;
  const scale = Math.sqrt((post.b / post.a) * (1 + post.v00 * x * x + 2 * post.v01 * x + post.v11));
  const dof = 2 * post.a;
  return { loc, scale, dof, q: loc + scale * tQuantileRef(p, dof) };
}

/**
 * The empirical-Bayes prior of docs/autoscaling.md from the raw observations (two-pass
 * centred least squares per service, not sufficient statistics). K >= 3 services with their
 * own fit (>= 3 observations, two or more utilisations): m₀ = mean coefficients; Cov(β) =
 * between-service sample covariance less the mean sampling covariance s²(XᵀX)⁻¹, each
 * diagonal floored at 5 % of the larger of the two (sample, sampling), correlation clipped
 * to ±0.99; a₀ = 2 + mean²/var of the residual variances clipped to [2.5, 200], b₀ =
 * mean·(a₀ − 1), V₀ = Cov(β)/mean. Otherwise the unit-information prior on the pooled fit:
 * m₀ = β̂, V₀ = N (XᵀX)⁻¹, a₀ = 2, b₀ = s². (Scale-free pooling happens in the caller.)
 */
export function empiricalPriorRef(data: readonly { xs: readonly number[]; ys: readonly number[] }[]): (Nig & { kind: string }) | null {
  const fit = (xs: readonly number[], ys: readonly number[]) => {
    const n = xs.length;
    if (n < 3 || new Set(xs).size < 2) return null;
    const mx = xs.reduce((s, x) => s + x, 0) / n;
    const my = ys.reduce((s, y) => s + y, 0) / n;
    let sxx = 0, sxy = 0;
    for (let i = 0; i < n; i++) { sxx += (xs[i]! - mx) ** 2; sxy += (xs[i]! - mx) * (ys[i]! - my); }
    const w = sxy / sxx;
    const b = my - w * mx;
    let rss = 0;
    for (let i = 0; i < n; i++) rss += (ys[i]! - w * xs[i]! - b) ** 2;
    const s2 = rss / (n - 2);
    // (XᵀX)⁻¹ for rows (x, 1): [[1/Sxx, −x̄/Sxx], [−x̄/Sxx, 1/n + x̄²/Sxx]]
    return { w, b, s2, n, c00: s2 / sxx, c01: (-s2 * mx) / sxx, c11: s2 * (1 / n + (mx * mx) / sxx), i00: 1 / sxx, i01: -mx / sxx, i11: 1 / n + (mx * mx) / sxx };
  };
  const fits = data.map((d) => fit(d.xs, d.ys)).filter((f): f is NonNullable<typeof f> => f !== null);
  const all = { xs: data.flatMap((d) => d.xs), ys: data.flatMap((d) => d.ys) };
  const pooled = fit(all.xs, all.ys);
  if (!pooled) return null;
  const K = fits.length;
  if (K < 3) return { m0: pooled.w, m1: pooled.b, v00: pooled.n * pooled.i00, v01: pooled.n * pooled.i01, v11: pooled.n * pooled.i11, a: 2, b: pooled.s2, kind: 'unit-information' };
  const mean = (f: (x: (typeof fits)[number]) => number) => fits.reduce((s, x) => s + f(x), 0) / K;
  const mw = mean((f) => f.w), mb = mean((f) => f.b), ms2 = mean((f) => f.s2);
  const cov = (f: (x: (typeof fits)[number]) => number, g: (x: (typeof fits)[number]) => number, mf: number, mg: number) => fits.reduce((s, x) => s + (f(x) - mf) * (g(x) - mg), 0) / (K - 1);
  const s00 = cov((f) => f.w, (f) => f.w, mw, mw), s01 = cov((f) => f.w, (f) => f.b, mw, mb), s11 = cov((f) => f.b, (f) => f.b, mb, mb);
  const vs2 = cov((f) => f.s2, (f) => f.s2, ms2, ms2);
  const c00 = mean((f) => f.c00), c01 = mean((f) => f.c01), c11 = mean((f) => f.c11);
  const b00 = Math.max(s00 - c00, 0.05 * Math.max(s00, c00));
  const b11 = Math.max(s11 - c11, 0.05 * Math.max(s11, c11));
  const lim = 0.99 * Math.sqrt(b00 * b11);
  const b01 = Math.min(lim, Math.max(-lim, s01 - c01));
  const a = Math.min(200, Math.max(2.5, 2 + (ms2 * ms2) / vs2));
  return { m0: mw, m1: mb, v00: b00 / ms2, v01: b01 / ms2, v11: b11 / ms2, a, b: ms2 * (a - 1), kind: 'between-services' };
}
