// Additive Holt-Winters with a damped trend (ETS(A,Ad,A)), fitted by minimising the
// one-step squared error with Nelder-Mead. Source: docs/forecast.md, "ets" (Hyndman &
// Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §8.3 and §8.6, the
// component form with damping; Nelder & Mead 1965 for the search).
//
//   forecast   f_t = l_{t-1} + φ b_{t-1} + s_{t-m}
//   level      l_t = α (y_t − s_{t-m}) + (1 − α)(l_{t-1} + φ b_{t-1})
//   trend      b_t = β* (l_t − l_{t-1}) + (1 − β*) φ b_{t-1}
//   season     s_t = γ (y_t − l_{t-1} − φ b_{t-1}) + (1 − γ) s_{t-m}
//
// Parameters searched in an unconstrained space: α = σ(p0), β* = α σ(p1), φ = 0.8 +
// 0.18 σ(p2), γ = (1 − α) σ(p3) (σ the logistic function), so every point is admissible.
// Initial states from the first two seasons of the fitting window (level: mean of the
// first season; trend: difference of the two seasons' means / m; seasonals: first season
// minus the level); without a season (m = 0): l = y_start, b = 0.
// Complexity: O(W) per evaluation for a window of W values, at most maxEval evaluations;
// etsStates is O(n). Memory: the caller's buffers only (scratch of etsScratch(m) f64).
import { ld, st } from "./mem";
import { OK, BAD_LENGTH, BAD_VALUE } from "./abi";

@inline function sig(x: f64): f64 {
  return 1.0 / (1.0 + Math.exp(-x));
}

// decoded parameters (module globals: no allocation)
let A: f64 = 0;
let B: f64 = 0;
let G: f64 = 0;
let PHI: f64 = 0;

@inline function decode(p: usize, d: i32): void {
  A = sig(ld(p, 0));
  B = A * sig(ld(p, 1));
  PHI = 0.8 + 0.18 * sig(ld(p, 2));
  G = d > 3 ? (1.0 - A) * sig(ld(p, 3)) : 0.0;
}

/** Initial states into (l, b) globals and seas[0..m); returns the first forecast index. */
let L0: f64 = 0;
let B0: f64 = 0;
function init(y: usize, start: i32, m: i32, seas: usize): i32 {
  if (m > 0) {
    let s1: f64 = 0;
    let s2: f64 = 0;
    for (let i = 0; i < m; i++) {
      s1 += ld(y, start + i);
      s2 += ld(y, start + m + i);
    }
    const l = s1 / <f64>m;
    L0 = l;
    B0 = (s2 - s1) / (<f64>m * <f64>m);
    for (let i = 0; i < m; i++) st(seas, i, ld(y, start + i) - l);
    return start + m;
  }
  L0 = ld(y, start);
  B0 = 0;
  return start + 1;
}

/** One-step SSE of the current (A, B, G, PHI) on y[start:cut). */
function sse(y: usize, start: i32, cut: i32, m: i32, seas: usize): f64 {
  const t0 = init(y, start, m, seas);
  let l = L0;
  let b = B0;
  let acc: f64 = 0;
  let j = 0; // seasonal slot of t: (t - start) mod m
  const a = A, be = B, g = G, phi = PHI;
  // the same recursions, re-associated so that the level and trend chains are short (the
  // loop is latency-bound): l' = α(y − s) + ((1−α) l + (1−α)φ b), and the trend with l'
  // substituted, b' = β*(l' − l) + (1−β*)φ b = αβ*(y − s) + (φ(1 − αβ*) b − αβ* l), so that
  // b' no longer waits for l' (rounding differs from the textbook order by ~1e-16 relative)
  const k1 = 1.0 - a, k2 = (1.0 - a) * phi, c1 = a * be, c3 = phi * (1.0 - a * be);
  for (let t = t0; t < cut; t++) {
    const yt = ld(y, t);
    const s = m > 0 ? ld(seas, j) : 0.0;
    const lb = l + phi * b;
    const e = yt - lb - s;
    acc += e * e;
    const u = yt - s;
    const ln = a * u + (k1 * l + k2 * b);
    b = c1 * u + (c3 * b - c1 * l);
    if (m > 0) {
      st(seas, j, g * (yt - lb) + (1.0 - g) * s);
      j++;
      if (j == m) j = 0;
    }
    l = ln;
  }
  return acc;
}

/** Starting point of the search (no array literal: kernels allocate nothing). */
@inline function start0(i: i32): f64 {
  return i == 0 ? -0.847 : i == 2 ? 1.386 : -2.197;
}

@inline function logit(p: f64): f64 {
  const q = p < 1e-6 ? 1e-6 : p > 1.0 - 1e-6 ? 1.0 - 1e-6 : p;
  return Math.log(q / (1.0 - q));
}

/** Coordinate i of the unconstrained point of the parameters (α, β*, γ, φ) at prm. */
function encode(prm: usize, i: i32): f64 {
  const a = ld(prm, 0);
  if (i == 0) return logit(a);
  if (i == 1) return logit(a > 0 ? ld(prm, 1) / a : 0.0);
  if (i == 2) return logit((ld(prm, 3) - 0.8) / 0.18);
  return logit(a < 1 ? ld(prm, 2) / (1.0 - a) : 0.0);
}

/** Scratch f64 a fit needs for season m. */
export function etsScratch(m: i32): i32 {
  return 5 * 4 + 5 + 4 * 4 + m;
}

/**
 * Fit on y[start:cut) with season m (0: none; the window must hold 2m values). Writes
 * α, β*, γ, φ, SSE, evaluations to out[0..6). scratch: etsScratch(m) f64. init: 0, or
 * (α, β*, γ, φ) of a previous fit to start from (warm start); step: the initial simplex size;
 * tol: stop once the simplex's SSEs agree within tol relative (max − min <= tol·|min|).
 */
export function etsFit(y: usize, start: i32, cut: i32, m: i32, maxEval: i32, out: usize, scratch: usize, init: usize, step: f64, tol: f64): i32 {
  if (start < 0 || m < 0 || cut - start < (m > 0 ? 2 * m : 2) || maxEval < 1) return BAD_LENGTH;
  const d = m > 0 ? 4 : 3;
  const np = d + 1;
  // scratch layout: simplex np·d, fv np, centroid d, xr d, xe d, xc d, seas m
  const S = scratch;
  const fv = S + (<usize>(np * d) << 3);
  const cen = fv + (<usize>np << 3);
  const xr = cen + (<usize>d << 3);
  const xe = xr + (<usize>d << 3);
  const xc = xe + (<usize>d << 3);
  const seas = xc + (<usize>d << 3);
  // start: α 0.3, β* 0.1·α, φ 0.94, γ 0.1·(1−α); steps of 1 in each coordinate
  // start: the defaults, or a previous fit's (α, β*, γ, φ) at init (warm start), steps of `step`
  for (let i = 0; i < d; i++) st(cen, i, init != 0 ? encode(init, i) : start0(i));
  for (let k = 0; k < np; k++) {
    for (let i = 0; i < d; i++) st(S, k * d + i, ld(cen, i) + (k == i + 1 ? step : 0.0));
  }
  let evals = 0;
  for (let k = 0; k < np; k++) {
    decode(S + (<usize>(k * d) << 3), d);
    st(fv, k, sse(y, start, cut, m, seas));
    evals++;
  }
  while (evals < maxEval) {
    // order: best (lo), worst (hi), second worst (nh)
    let lo = 0, hi = 0;
    for (let k = 1; k < np; k++) {
      if (ld(fv, k) < ld(fv, lo)) lo = k;
      if (ld(fv, k) > ld(fv, hi)) hi = k;
    }
    let nh = lo;
    for (let k = 0; k < np; k++) if (k != hi && ld(fv, k) > ld(fv, nh)) nh = k;
    const fl = ld(fv, lo), fh = ld(fv, hi);
    if (fh - fl <= tol * (Math.abs(fl) + 1e-300)) break;
    for (let i = 0; i < d; i++) {
      let c: f64 = 0;
      for (let k = 0; k < np; k++) if (k != hi) c += ld(S, k * d + i);
      st(cen, i, c / <f64>d);
    }
    for (let i = 0; i < d; i++) st(xr, i, 2.0 * ld(cen, i) - ld(S, hi * d + i));
    decode(xr, d);
    const fr = sse(y, start, cut, m, seas);
    evals++;
    if (fr < fl) {
      for (let i = 0; i < d; i++) st(xe, i, 3.0 * ld(cen, i) - 2.0 * ld(S, hi * d + i));
      decode(xe, d);
      const fe = sse(y, start, cut, m, seas);
      evals++;
      const best = fe < fr ? xe : xr;
      for (let i = 0; i < d; i++) st(S, hi * d + i, ld(best, i));
      st(fv, hi, fe < fr ? fe : fr);
    } else if (fr < ld(fv, nh)) {
      for (let i = 0; i < d; i++) st(S, hi * d + i, ld(xr, i));
      st(fv, hi, fr);
    } else {
      // contraction (outside if the reflection improved on the worst, else inside)
      const outside = fr < fh;
      for (let i = 0; i < d; i++) {
        const c = ld(cen, i);
        st(xc, i, outside ? c + 0.5 * (ld(xr, i) - c) : c + 0.5 * (ld(S, hi * d + i) - c));
      }
      decode(xc, d);
      const fc = sse(y, start, cut, m, seas);
      evals++;
      const lim = outside ? fr : fh;
      if (fc < lim) {
        for (let i = 0; i < d; i++) st(S, hi * d + i, ld(xc, i));
        st(fv, hi, fc);
      } else {
        // shrink towards the best
        for (let k = 0; k < np; k++) {
          if (k == lo) continue;
          for (let i = 0; i < d; i++) st(S, k * d + i, ld(S, lo * d + i) + 0.5 * (ld(S, k * d + i) - ld(S, lo * d + i)));
          decode(S + (<usize>(k * d) << 3), d);
          st(fv, k, sse(y, start, cut, m, seas));
          evals++;
        }
      }
    }
  }
  let lo = 0;
  for (let k = 1; k < np; k++) if (ld(fv, k) < ld(fv, lo)) lo = k;
  decode(S + (<usize>(lo * d) << 3), d);
  st(out, 0, A);
  st(out, 1, B);
  st(out, 2, G);
  st(out, 3, PHI);
  st(out, 4, ld(fv, lo));
  st(out, 5, <f64>evals);
  return OK;
}

/** One-step SSE at given parameters (α, β*, γ, φ) = prm[0..4) on y[start:cut); for tests. */
export function etsSse(y: usize, start: i32, cut: i32, m: i32, prm: usize, scratch: usize): f64 {
  if (start < 0 || m < 0 || cut - start < (m > 0 ? 2 * m : 2)) return -1;
  A = ld(prm, 0); B = ld(prm, 1); G = ld(prm, 2); PHI = ld(prm, 3);
  return sse(y, start, cut, m, scratch);
}

/**
 * Run the filter with parameters prm = (α, β*, γ, φ) over y[start:n): level[t], trend[t]
 * after observing y[t] (t >= t0 − 1, where level[t0 − 1] is the initial level), and
 * season[t] = the seasonal value of t's phase after observing y[t] (season[start + i] for
 * i < m: the initial seasonals). Returns t0 (the first forecast index) or −status.
 */
export function etsStates(y: usize, start: i32, n: i32, m: i32, prm: usize, level: usize, trend: usize, season: usize): i32 {
  if (start < 0 || m < 0 || n - start < (m > 0 ? 2 * m : 2)) return -BAD_LENGTH;
  const a = ld(prm, 0), be = ld(prm, 1), g = ld(prm, 2), phi = ld(prm, 3);
  if (!(a >= 0 && a <= 1 && phi >= 0 && phi <= 1)) return -BAD_VALUE;
  const t0 = init(y, start, m, season + (<usize>start << 3));
  let l = L0;
  let b = B0;
  st(level, t0 - 1, l);
  st(trend, t0 - 1, b);
  for (let t = t0; t < n; t++) {
    const yt = ld(y, t);
    const s = m > 0 ? ld(season, t - m) : 0.0;
    const lb = l + phi * b;
    const ln = a * (yt - s) + (1.0 - a) * lb;
    b = be * (ln - l) + (1.0 - be) * phi * b;
    if (m > 0) st(season, t, g * (yt - lb) + (1.0 - g) * s);
    l = ln;
    st(level, t, l);
    st(trend, t, b);
  }
  return t0;
}
