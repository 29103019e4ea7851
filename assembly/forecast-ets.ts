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
// etsFit2 (end of file) fits two series side by side in the f64x2 lanes of one SSE pass,
// each lane the same search as etsFit, bit for bit.
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

// Nelder–Mead's simplex steps (S: np vertices of d coordinates, fv: their SSEs), shared by
// etsFit's loop and the paired lanes' state machine (nmAdvance): one definition, inlined.

/** Vertex k becomes the point x, with SSE f. */
@inline function setVertex(S: usize, fv: usize, k: i32, d: i32, x: usize, f: f64): void {
  for (let i = 0; i < d; i++) st(S, k * d + i, ld(x, i));
  st(fv, k, f);
}

/** Vertex k moves halfway towards the best vertex lo (shrink). */
@inline function shrinkVertex(S: usize, lo: i32, k: i32, d: i32): void {
  for (let i = 0; i < d; i++) st(S, k * d + i, ld(S, lo * d + i) + 0.5 * (ld(S, k * d + i) - ld(S, lo * d + i)));
}

/** The centroid cen of every vertex but the worst, hi, and hi's reflection through it into xr. */
@inline function reflect(S: usize, np: i32, d: i32, hi: i32, cen: usize, xr: usize): void {
  for (let i = 0; i < d; i++) {
    let c: f64 = 0;
    for (let k = 0; k < np; k++) if (k != hi) c += ld(S, k * d + i);
    st(cen, i, c / <f64>d);
  }
  for (let i = 0; i < d; i++) st(xr, i, 2.0 * ld(cen, i) - ld(S, hi * d + i));
}

/** The expansion point 3·cen − 2·S[hi] into xe. */
@inline function expand(S: usize, d: i32, hi: i32, cen: usize, xe: usize): void {
  for (let i = 0; i < d; i++) st(xe, i, 3.0 * ld(cen, i) - 2.0 * ld(S, hi * d + i));
}

/** The contraction point into xc: outside (halfway from cen to xr) or inside (to S[hi]). */
@inline function contract(S: usize, d: i32, hi: i32, cen: usize, xr: usize, xc: usize, outside: bool): void {
  for (let i = 0; i < d; i++) {
    const c = ld(cen, i);
    st(xc, i, outside ? c + 0.5 * (ld(xr, i) - c) : c + 0.5 * (ld(S, hi * d + i) - c));
  }
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
    reflect(S, np, d, hi, cen, xr);
    decode(xr, d);
    const fr = sse(y, start, cut, m, seas);
    evals++;
    if (fr < fl) {
      expand(S, d, hi, cen, xe);
      decode(xe, d);
      const fe = sse(y, start, cut, m, seas);
      evals++;
      const best = fe < fr ? xe : xr;
      setVertex(S, fv, hi, d, best, fe < fr ? fe : fr);
    } else if (fr < ld(fv, nh)) {
      setVertex(S, fv, hi, d, xr, fr);
    } else {
      // contraction (outside if the reflection improved on the worst, else inside)
      const outside = fr < fh;
      contract(S, d, hi, cen, xr, xc, outside);
      decode(xc, d);
      const fc = sse(y, start, cut, m, seas);
      evals++;
      const lim = outside ? fr : fh;
      if (fc < lim) {
        setVertex(S, fv, hi, d, xc, fc);
      } else {
        // shrink towards the best
        for (let k = 0; k < np; k++) {
          if (k == lo) continue;
          shrinkVertex(S, lo, k, d);
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

// ---------------------------------------------------------------------------------------
// Two fits in lockstep (etsFit2): the SSE recursion is latency-bound, so two series' SSEs
// evaluated side by side in the two f64x2 lanes cost about one. Each lane runs exactly
// etsFit's Nelder-Mead (a resumable form: nmAdvance below), and each lane's SSE takes the
// same IEEE operations in the same order as sse (WebAssembly has no fused multiply-add
// here), so each lane's fit is etsFit's bit for bit (test/forecast.ets.test.ts).

// lane block (f64 slots): the search's state, then etsFit's scratch layout
const PH = 0; // phase: 0 initial simplex, 1 reflected, 2 expanded, 3 contracted, 4 shrinking, 5 done
const KK = 1; // vertex being evaluated (initial simplex, shrink)
const EV = 2; // evaluations
const FR = 3; // SSE of the reflected point
const OUTS = 4; // contraction outside (1) or inside (0)
const LO = 5;
const HI = 6;
const NH = 7;
const XP = 8; // address of the point to evaluate next
const MAXE = 9;
const TOL = 10;
const LANE_HEAD = 12;

/** f64 slots of one lane block of etsFit2 for season m. */
@inline function laneSize(m: i32): i32 {
  return LANE_HEAD + etsScratch(m);
}

/** Scratch f64 etsFit2 needs for season m and windows of len values. */
export function ets2Scratch(m: i32, len: i32): i32 {
  return 2 * laneSize(m) + 2 * len + 2 * m + 2;
}

@inline function lane(L: usize, i: i32): f64 { return ld(L, i); }
@inline function setLane(L: usize, i: i32, v: f64): void { st(L, i, v); }

/** The lane's scratch (etsFit's layout): simplex, fv, centroid, xr, xe, xc, seas. */
@inline function laneS(L: usize): usize { return L + (<usize>LANE_HEAD << 3); }

/** Start a lane's search at the defaults or at init (warm start), as etsFit: requests vertex 0. */
function nmStart(L: usize, d: i32, init: usize, step: f64, maxEval: i32, tol: f64): void {
  const np = d + 1;
  const S = laneS(L);
  const cen = S + (<usize>(np * d + np) << 3);
  for (let i = 0; i < d; i++) st(cen, i, init != 0 ? encode(init, i) : start0(i));
  for (let k = 0; k < np; k++) {
    for (let i = 0; i < d; i++) st(S, k * d + i, ld(cen, i) + (k == i + 1 ? step : 0.0));
  }
  setLane(L, PH, 0); setLane(L, KK, 0); setLane(L, EV, 0);
  setLane(L, LO, 0); setLane(L, HI, 0); setLane(L, NH, 0); setLane(L, FR, 0); setLane(L, OUTS, 0);
  setLane(L, MAXE, <f64>maxEval); setLane(L, TOL, tol);
  setLane(L, XP, <f64>S);
}

/**
 * Give the lane the SSE f of the point it asked for; returns true when it asks for another
 * (its address at XP), false when its search is done. The same steps as etsFit's loop.
 */
function nmAdvance(L: usize, d: i32, f: f64): bool {
  const np = d + 1;
  const S = laneS(L);
  const fv = S + (<usize>(np * d) << 3);
  const cen = fv + (<usize>np << 3);
  const xr = cen + (<usize>d << 3);
  const xe = xr + (<usize>d << 3);
  const xc = xe + (<usize>d << 3);
  setLane(L, EV, lane(L, EV) + 1.0);
  const ph = <i32>lane(L, PH);
  let hi = <i32>lane(L, HI);
  if (ph == 0) {
    const k = <i32>lane(L, KK);
    st(fv, k, f);
    if (k + 1 < np) { setLane(L, KK, <f64>(k + 1)); setLane(L, XP, <f64>(S + (<usize>((k + 1) * d) << 3))); return true; }
  } else if (ph == 1) {
    const fr = f;
    setLane(L, FR, fr);
    const lo = <i32>lane(L, LO), nh = <i32>lane(L, NH);
    const fl = ld(fv, lo), fh = ld(fv, hi);
    if (fr < fl) {
      expand(S, d, hi, cen, xe);
      setLane(L, PH, 2); setLane(L, XP, <f64>xe);
      return true;
    } else if (fr < ld(fv, nh)) {
      setVertex(S, fv, hi, d, xr, fr);
    } else {
      const outside = fr < fh;
      contract(S, d, hi, cen, xr, xc, outside);
      setLane(L, OUTS, outside ? 1.0 : 0.0);
      setLane(L, PH, 3); setLane(L, XP, <f64>xc);
      return true;
    }
  } else if (ph == 2) {
    const fe = f, fr = lane(L, FR);
    const best = fe < fr ? xe : xr;
    setVertex(S, fv, hi, d, best, fe < fr ? fe : fr);
  } else if (ph == 3) {
    const fc = f;
    const lim = lane(L, OUTS) != 0 ? lane(L, FR) : ld(fv, hi);
    if (fc < lim) {
      setVertex(S, fv, hi, d, xc, fc);
    } else {
      // shrink towards the best: vertex by vertex (lo excluded), each evaluated in turn
      const lo = <i32>lane(L, LO);
      const k = lo == 0 ? 1 : 0;
      shrinkVertex(S, lo, k, d);
      setLane(L, PH, 4); setLane(L, KK, <f64>k); setLane(L, XP, <f64>(S + (<usize>(k * d) << 3)));
      return true;
    }
  } else if (ph == 4) {
    const lo = <i32>lane(L, LO);
    let k = <i32>lane(L, KK);
    st(fv, k, f);
    k++;
    if (k == lo) k++;
    if (k < np) {
      shrinkVertex(S, lo, k, d);
      setLane(L, KK, <f64>k); setLane(L, XP, <f64>(S + (<usize>(k * d) << 3)));
      return true;
    }
  } else {
    return false;
  }
  // the top of etsFit's loop
  if (lane(L, EV) >= lane(L, MAXE)) { setLane(L, PH, 5); return false; }
  let lo = 0;
  hi = 0;
  for (let k = 1; k < np; k++) {
    if (ld(fv, k) < ld(fv, lo)) lo = k;
    if (ld(fv, k) > ld(fv, hi)) hi = k;
  }
  let nh = lo;
  for (let k = 0; k < np; k++) if (k != hi && ld(fv, k) > ld(fv, nh)) nh = k;
  const fl = ld(fv, lo), fh = ld(fv, hi);
  if (fh - fl <= lane(L, TOL) * (Math.abs(fl) + 1e-300)) { setLane(L, PH, 5); return false; }
  setLane(L, LO, <f64>lo); setLane(L, HI, <f64>hi); setLane(L, NH, <f64>nh);
  reflect(S, np, d, hi, cen, xr);
  setLane(L, PH, 1); setLane(L, XP, <f64>xr);
  return true;
}

/** The lane's result into out (as etsFit's end). */
function nmFinish(L: usize, d: i32, out: usize): void {
  const np = d + 1;
  const S = laneS(L);
  const fv = S + (<usize>(np * d) << 3);
  let lo = 0;
  for (let k = 1; k < np; k++) if (ld(fv, k) < ld(fv, lo)) lo = k;
  decode(S + (<usize>(lo * d) << 3), d);
  st(out, 0, A);
  st(out, 1, B);
  st(out, 2, G);
  st(out, 3, PHI);
  st(out, 4, ld(fv, lo));
  st(out, 5, lane(L, EV));
}

/** The lane's seasonal scratch (etsFit's seas). */
@inline function laneSeas(L: usize, d: i32): usize {
  const np = d + 1;
  return laneS(L) + (<usize>(np * d + np + 4 * d) << 3);
}

/** (x, y) as one f64x2. */
@inline function two(x: f64, y: f64): v128 {
  return f64x2.replace_lane(f64x2.splat(x), 1, y);
}

/**
 * The SSEs of lane A's point (decoded: aA, bA, gA, pA) and lane B's on their windows of len
 * values, interleaved in yy (yy[2i + lane]); initial states by init on each lane's window
 * (seasA, seasB: the lanes' scratch), then interleaved into s2 (2m f64). Results in res[0..2).
 */
function sse2(yy: usize, len: i32, m: i32, yA: usize, startA: i32, yB: usize, startB: i32, seasA: usize, seasB: usize, s2: usize,
  aA: f64, bA: f64, gA: f64, pA: f64, aB: f64, bB: f64, gB: f64, pB: f64, res: usize): void {
  const t0 = init(yA, startA, m, seasA) - startA;
  const lA = L0, b0A = B0;
  init(yB, startB, m, seasB);
  const lB = L0, b0B = B0;
  for (let i = 0; i < m; i++) { st(s2, 2 * i, ld(seasA, i)); st(s2, 2 * i + 1, ld(seasB, i)); }
  let l = two(lA, lB);
  let b = two(b0A, b0B);
  let acc = f64x2.splat(0.0);
  const a = two(aA, aB), phi = two(pA, pB), g = two(gA, gB);
  const k1 = two(1.0 - aA, 1.0 - aB);
  const k2 = two((1.0 - aA) * pA, (1.0 - aB) * pB);
  const c1 = two(aA * bA, aB * bB);
  const c3 = two(pA * (1.0 - aA * bA), pB * (1.0 - aB * bB));
  const g1 = two(1.0 - gA, 1.0 - gB);
  const zero = f64x2.splat(0.0);
  let j = 0;
  for (let t = t0; t < len; t++) {
    const yt = v128.load(yy + (<usize>t << 4));
    const sp = s2 + (<usize>j << 4);
    const s = m > 0 ? v128.load(sp) : zero;
    const lb = f64x2.add(l, f64x2.mul(phi, b));
    const e = f64x2.sub(f64x2.sub(yt, lb), s);
    acc = f64x2.add(acc, f64x2.mul(e, e));
    const u = f64x2.sub(yt, s);
    const ln = f64x2.add(f64x2.mul(a, u), f64x2.add(f64x2.mul(k1, l), f64x2.mul(k2, b)));
    b = f64x2.add(f64x2.mul(c1, u), f64x2.sub(f64x2.mul(c3, b), f64x2.mul(c1, l)));
    if (m > 0) {
      v128.store(sp, f64x2.add(f64x2.mul(g, f64x2.sub(yt, lb)), f64x2.mul(g1, s)));
      j++;
      if (j == m) j = 0;
    }
    l = ln;
  }
  st(res, 0, f64x2.extract_lane(acc, 0));
  st(res, 1, f64x2.extract_lane(acc, 1));
}

/**
 * etsFit of two series side by side: series A on yA[startA:cutA) and series B on
 * yB[startB:cutB), the same season m and window length (cutA − startA = cutB − startB);
 * each with its own maxEval, init (0: defaults), step and out (as etsFit); tol shared.
 * scratch: ets2Scratch(m, len) f64. Each lane's result is etsFit's on that series, bit for bit.
 */
export function etsFit2(yA: usize, startA: i32, cutA: i32, yB: usize, startB: i32, cutB: i32, m: i32, maxEvalA: i32, maxEvalB: i32,
  outA: usize, outB: usize, initA: usize, initB: usize, stepA: f64, stepB: f64, tol: f64, scratch: usize): i32 {
  const len = cutA - startA;
  if (startA < 0 || startB < 0 || m < 0 || len < (m > 0 ? 2 * m : 2) || cutB - startB != len || maxEvalA < 1 || maxEvalB < 1) return BAD_LENGTH;
  const d = m > 0 ? 4 : 3;
  const LA = scratch;
  const LB = LA + (<usize>laneSize(m) << 3);
  const yy = LB + (<usize>laneSize(m) << 3);
  const s2 = yy + (<usize>(2 * len) << 3);
  const res = s2 + (<usize>(2 * m) << 3);
  for (let i = 0; i < len; i++) { st(yy, 2 * i, ld(yA, startA + i)); st(yy, 2 * i + 1, ld(yB, startB + i)); }
  nmStart(LA, d, initA, stepA, maxEvalA, tol);
  nmStart(LB, d, initB, stepB, maxEvalB, tol);
  const seasA = laneSeas(LA, d), seasB = laneSeas(LB, d);
  let goA = true, goB = true;
  while (goA || goB) {
    if (goA && goB) {
      decode(<usize>lane(LA, XP), d);
      const aA = A, bA = B, gA = G, pA = PHI;
      decode(<usize>lane(LB, XP), d);
      sse2(yy, len, m, yA, startA, yB, startB, seasA, seasB, s2, aA, bA, gA, pA, A, B, G, PHI, res);
      goA = nmAdvance(LA, d, ld(res, 0));
      goB = nmAdvance(LB, d, ld(res, 1));
    } else if (goA) {
      decode(<usize>lane(LA, XP), d);
      goA = nmAdvance(LA, d, sse(yA, startA, cutA, m, seasA));
    } else {
      decode(<usize>lane(LB, XP), d);
      goB = nmAdvance(LB, d, sse(yB, startB, cutB, m, seasB));
    }
  }
  nmFinish(LA, d, outA);
  nmFinish(LB, d, outB);
  return OK;
}
