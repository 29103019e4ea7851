// Exact smoothing of resource plans.
//
// Problem (docs/smoothing.md). Per scenario, demand
// d_t >= 0 (t = 0..T-1), an optional step bound Δ and a coefficient c = α·w:
//   minimize Σ_t h_t + c · Σ_t |h_{t+1} - h_t|
//   subject to h_t integer, h_t >= d_t, |h_{t+1} - h_t| <= Δ.
//
// Algorithm, O(T) time and O(T) scratch per scenario:
//  1. Envelope L: L_t = ceil(d_t); a forward pass L_t = max(L_t, L_{t-1} - Δ) and a
//     backward pass L_t = max(L_t, L_{t+1} - Δ). L is the pointwise least feasible plan.
//  2. Level sets: cost and variation split by level, so every maximal run of
//     {t : L_t < level} (a gap) is decided alone. Filling a gap of width g costs g and
//     removes 2 boundaries (inner gap) or 1 (gap touching t = 0 or t = T-1): fill an
//     inner gap iff g < 2c, an edge gap iff g < c (ties: not filled).
//  3. One pass with a monotone stack of segments (as in "trapping rain water"): every
//     pop is a box (a gap over a level range). A segment is "uniform" while all of
//     its indices sit at the segment's level in the final plan; values are written
//     lazily, once per index, when a segment stops being uniform or at the end.
//     A rejected box makes every box around it rejected (wider, threshold no larger),
//     so only uniform segments are ever raised.
// Filling raises a gap to its lower wall, which never creates a larger step than L
// had, so the plan stays feasible; it is optimal by the level-set argument.
// Implementation: two passes over the series, O(1) extra work per step.
//  - forward: validate, round up, forward envelope (demand of consecutive scenarios is
//    one forward stream for the prefetcher); 128-bit SIMD (WebAssembly SIMD: f64x2
//    ceil, compares, max): two values per operation without a step bound, and with one
//    the envelope's chain on the two halves of the series at once; fills use 128-bit stores;
//  - backward, while the scenario's plan is still in cache: backward envelope (L is
//    final), Σ L and Σ |ΔL|, and the monotone stack run on the reversed series. The
//    objective, the gaps, their widths and which gaps touch an edge are symmetric in
//    time, so the plan is the one a forward stack pass gives (tested value for value).
//    Every accepted box of width g and height y adds g·y to Σ h and removes 2y (inner)
//    or y (edge) from Σ |Δh|, so the sums need no third pass. Level steps (v equal to
//    the top segment's level) skip the stack at once.
//
// Layout (all pointers into the arena, see arena.ts):
//   offsets: i32[n+1] scenario s owns demand[offsets[s] .. offsets[s+1])
//   demand:  f64[N]   plan: f64[N] (output)
//   maxStep: i32[n]   (-1: unbounded)   coef: f64[n] (α·w_s)
//   sums:    f64[2n]  (output) Σ h and Σ |Δh| (unweighted) per scenario
//   scratch: f64[Tmax] + i32[Tmax] (8-byte aligned: f64 part first): the stack's levels and starts

import { OK, BAD_LENGTH, BAD_VALUE } from "./abi";
import { ld, st, ldi, sti } from "./mem";

@inline const UNIFORM: i32 = 0x40000000;
@inline const START_MASK: i32 = 0x3fffffff;
/** Largest demand accepted: keeps every plan value and sum an exact f64 integer. */
@inline const MAX_DEMAND: f64 = 1e12;

/** h[from, to) = v, two values per (unaligned) 128-bit store. */
@inline function fill(h: usize, from: i32, to: i32, v: f64): void {
  let k = from;
  const sv = f64x2.splat(v);
  for (; k + 2 <= to; k += 2) v128.store(h + (<usize>k << 3), sv);
  if (k < to) st(h, k, v);
}

/** fill() of the reversed index range [from, to) (reversed index u is h index T-1-u). */
@inline function rf(h: usize, T: i32, from: i32, to: i32, v: f64): void {
  fill(h, T - to, T - from, v);
}

@inline function fmax(a: f64, b: f64): f64 { return a > b ? a : b; }
@inline function fmin(a: f64, b: f64): f64 { return a < b ? a : b; }

/**
 * Steps 2-3 as a morphological closing (docs/smoothing.md, "Filling as a closing"): with
 * m = ceil(2c), the plan is min over windows of m steps containing t of the max of L over
 * the window, on L extended by its mirror image at both ends (a gap of width g touching an
 * edge becomes one of width 2g, so "2g < 2c" is the edge rule "g < c"). Van Herk /
 * Gil-Werman: in blocks of m, the window max is max(suffix max of one block, prefix max
 * of the next), the window min likewise: O(1) per step, no data-dependent branches.
 * Runs backward over the series (reversed index u = T-1-t; the closing is symmetric),
 * fused with the backward envelope, one block of lag, every buffer in scratch (6m+1 f64;
 * callers ensure 2 <= m and 4m + 1 <= T). On entry h holds the forward envelope; on exit
 * the plan, sums[0] = Σ h and sums[1] = Σ |Δh|.
 */
function closeOne(h: usize, T: i32, D: f64, m: i32, buf: usize, sums: usize): void {
  const P = m - 1;
  const mb = <usize>m << 3;
  const head = buf; // g[0 .. P): the first P values of the backward envelope
  const tail = head + mb; // g[T-m .. T): the last m
  const gb = tail + mb; // the block of g being read
  const sg = gb + mb; // suffix max of the previous block of g
  const sd = sg + mb; // the block of window maxima, then its suffix min (m+1 slots: sd[m] = +inf)
  const eb = sd + mb + 8; // the block of results
  let prev = ld(h, T - 1);
  st(head, 0, prev);
  for (let u = 1; u < P; u++) {
    const x = ld(h, T - 1 - u);
    const lo = prev - D;
    prev = x >= lo ? x : lo;
    st(head, u, prev);
  }
  for (let i = 0; i < m; i++) {
    st(sg, i, -Infinity);
    st(sd, i, Infinity);
  }
  st(sd, m, Infinity);
  // extended index j = u + P over [0, T + 2P): mirror, g, mirror
  const n = T + 2 * P;
  const K = (n + m - 1) / m;
  const tailFrom = T - m + P; // j from which g is also kept in tail
  let total: f64 = 0.0;
  let variation: f64 = 0.0;
  let last: f64 = 0.0;
  for (let k = 0; k <= K; k++) {
    const j0 = k * m;
    // fetch block k of the extended g into gb
    let i = 0;
    let e = min(m, P - j0);
    for (; i < e; i++) st(gb, i, ld(head, P - 1 - j0 - i));
    e = min(m, 2 * P - j0);
    for (; i < e; i++) st(gb, i, ld(head, j0 + i - P));
    e = min(m, tailFrom - j0);
    for (; i < e; i++) {
      const x = ld(h, T - 1 - (j0 + i - P));
      const lo = prev - D;
      prev = x >= lo ? x : lo;
      st(gb, i, prev);
    }
    e = min(m, T + P - j0);
    for (; i < e; i++) {
      const u = j0 + i - P;
      const x = ld(h, T - 1 - u);
      const lo = prev - D;
      prev = x >= lo ? x : lo;
      st(gb, i, prev);
      st(tail, u - (T - m), prev);
    }
    e = min(m, n - j0);
    for (; i < e; i++) st(gb, i, ld(tail, T - 1 - (j0 + i - P) + m));
    for (; i < m; i++) st(gb, i, -Infinity);
    // forward: window maxima of block k-1, their prefix min, results of block k-1
    let preG: f64 = -Infinity;
    let preD: f64 = Infinity;
    for (i = 0; i < m; i++) {
      const g = ld(gb, i);
      const d = fmax(ld(sg, i), preG);
      preG = fmax(preG, g);
      const next = ld(sd, i + 1);
      st(sd, i, d);
      preD = fmin(preD, d);
      st(eb, i, fmin(next, preD));
    }
    // backward: suffix max of block k, suffix min of the window maxima of block k-1
    let sG: f64 = -Infinity;
    let sD: f64 = Infinity;
    for (i = m - 1; i >= 0; i--) {
      sG = fmax(sG, ld(gb, i));
      st(sg, i, sG);
      sD = fmin(sD, ld(sd, i));
      st(sd, i, sD);
    }
    // results of block k-1 (extended j = (k-1)m + i) that lie in the series
    const r0 = (k - 1) * m;
    i = max(0, P - r0);
    e = min(m, T + P - r0);
    for (; i < e; i++) {
      const v = ld(eb, i);
      st(h, T - 1 - (r0 + i - P), v);
      total += v;
      variation += Math.abs(v - last);
      last = v;
    }
  }
  st(sums, 0, total);
  st(sums, 1, variation - ld(h, T - 1)); // the first |v - 0| counted the first value
}

/**
 * Smooth one scenario: h receives the plan, sums[0] Σ h and sums[1] Σ |Δh|.
 * Returns a status code.
 */
function smoothOne(d: usize, T: i32, step: i32, c: f64, h: usize, sLevel: usize, sStart: usize, sums: usize): i32 {
  st(sums, 0, 0.0);
  st(sums, 1, 0.0);
  if (T == 0) return OK;
  const D: f64 = step >= 0 ? <f64>step : Infinity;
  // pass 1 (forward, so that the demand of consecutive scenarios is one stream for the
  // prefetcher): validate, round up, forward envelope L_t = max(ceil d_t, L_{t-1} - D)
  if (step < 0) {
    // no step bound: the envelope is ceil(d); two values per 128-bit operation, the
    // validation folded into one mask (NaN fails both comparisons)
    const lo2 = f64x2.splat(0.0);
    const hi2 = f64x2.splat(MAX_DEMAND);
    let ok = v128.splat<i64>(-1);
    let t = 0;
    for (; t + 2 <= T; t += 2) {
      const x = v128.load(d + (<usize>t << 3));
      ok = v128.and(ok, v128.and(f64x2.ge(x, lo2), f64x2.le(x, hi2)));
      v128.store(h + (<usize>t << 3), f64x2.ceil(x));
    }
    if (!v128.all_true<i64>(ok)) return BAD_VALUE;
    if (t < T) {
      const x = ld(d, t);
      if (!(x >= 0.0 && x <= MAX_DEMAND)) return BAD_VALUE;
      st(h, t, Math.ceil(x));
    }
  } else {
    // the envelope's chain (L_t needs L_{t-1}) runs on the two halves of the series at
    // once, one per SIMD lane; the second half starts without its left neighbour, so the
    // seam is fixed up after: the first half's last value, less D per step, raises the
    // second half's first values until it no longer binds (from there on both chains
    // agree). All values are integers below 2^41: exact.
    const half = T >> 1;
    const D2 = f64x2.splat(D);
    const lo2 = f64x2.splat(0.0);
    const hi2 = f64x2.splat(MAX_DEMAND);
    let ok = v128.splat<i64>(-1);
    let nx = f64x2.splat(-Infinity);
    const d1 = d + (<usize>half << 3);
    const h1 = h + (<usize>half << 3);
    for (let k = 0; k < half; k++) {
      const off = <usize>k << 3;
      let x = v128.load64_zero(d + off);
      x = v128.load64_lane(d1 + off, x, 1);
      ok = v128.and(ok, v128.and(f64x2.ge(x, lo2), f64x2.le(x, hi2))); // NaN fails both
      nx = f64x2.pmax(f64x2.ceil(x), f64x2.sub(nx, D2)); // max(ceil d_t, L_{t-1} - D)
      v128.store64_lane(h + off, nx, 0);
      v128.store64_lane(h1 + off, nx, 1);
    }
    if (!v128.all_true<i64>(ok)) return BAD_VALUE;
    if (T & 1) {
      // odd length: the last value continues the second lane
      const x = ld(d, T - 1);
      if (!(x >= 0.0 && x <= MAX_DEMAND)) return BAD_VALUE;
      const cx = Math.ceil(x);
      const lo = (half > 0 ? f64x2.extract_lane(nx, 1) : -Infinity) - D;
      st(h, T - 1, cx >= lo ? cx : lo);
    }
    if (half > 0) {
      let carry = ld(h, half - 1);
      for (let t = half; t < T; t++) {
        carry -= D;
        if (ld(h, t) >= carry) break;
        st(h, t, carry);
      }
    }
  }
  // pass 2 (backward, h is still in cache): backward envelope (L final), Σ L and
  // Σ |ΔL| on the way, and the monotone stack. The pass runs on the reversed series
  // (u = T-1-t: the objective is symmetric in time, and so are the gaps, their widths
  // and which of them touch an edge, so the plan is the same as a forward pass's);
  // fills map index ranges back with rf().
  const last = T - 1;
  let prev: f64 = ld(h, last);
  let total: f64 = prev;
  let variation: f64 = 0.0;
  if (!(c > 0.0)) {
    // nothing is worth filling: L is optimal
    for (let t = last - 1; t >= 0; t--) {
      const hv = ld(h, t);
      const lo = prev - D;
      const v = hv >= lo ? hv : lo;
      st(h, t, v);
      total += v;
      variation += Math.abs(v - prev);
      prev = v;
    }
    st(sums, 0, total);
    st(sums, 1, variation);
    return OK;
  }
  const inner = 2.0 * c;
  const edge = c;
  // the closing (no stack) when its buffers fit the scratch (12 bytes per step)
  const mf = Math.ceil(inner);
  if (mf <= 1.0) {
    // no gap is narrower than 2c (nor than c at an edge): L is optimal
    for (let t = last - 1; t >= 0; t--) {
      const hv = ld(h, t);
      const lo = prev - D;
      const v = hv >= lo ? hv : lo;
      st(h, t, v);
      total += v;
      variation += Math.abs(v - prev);
      prev = v;
    }
    st(sums, 0, total);
    st(sums, 1, variation);
    return OK;
  }
  if (4.0 * mf + 1.0 <= <f64>T) {
    closeOne(h, T, D, <i32>mf, sLevel, sums);
    return OK;
  }
  // every accepted box (a gap of width w over a level range of height y) adds w·y to
  // Σ h and removes 2y (inner gap) or y (edge gap) from Σ |Δh|
  let area: f64 = 0.0;
  let removed: f64 = 0.0;

  // 2-3. monotone stack of segments: levels strictly decreasing from bottom to top.
  // The first index is pushed before the loop (so the stack is never empty inside).
  sti(sStart, 0, UNIFORM);
  st(sLevel, 0, prev);
  let sp: i32 = 1;
  let top: f64 = prev; // level of the top segment
  for (let t = 1; t < T; t++) { // t: reversed index
    const hv = ld(h, last - t);
    const lo = prev - D;
    const v = hv >= lo ? hv : lo;
    st(h, last - t, v);
    total += v;
    variation += Math.abs(v - prev);
    prev = v;
    if (v == top) continue; // level: index t joins the top segment (nothing to write)
    if (v < top) {
      // going down: push
      sti(sStart, sp, t | UNIFORM);
      st(sLevel, sp, v);
      sp++;
      top = v;
      continue;
    }
    let cur: i32 = t;
    let curUniform = true;
    while (sp > 0 && top < v) {
      sp--;
      const sWord = ldi(sStart, sp);
      const sS = sWord & START_MASK;
      const sU = (sWord & UNIFORM) != 0;
      const b = top;
      const width = <f64>(t - sS);
      if (sp > 0) {
        const pWord = ldi(sStart, sp - 1);
        const pS = pWord & START_MASK;
        const pU = (pWord & UNIFORM) != 0;
        const p = ld(sLevel, sp - 1);
        top = p;
        const accept = sU && width < inner;
        if (p <= v) {
          // the box's lower wall is P: S joins P
          if (accept) {
            area += width * (p - b);
            removed += 2.0 * (p - b);
            if (!pU) rf(h, T, sS, t, p);
          } else {
            if (sU) rf(h, T, sS, t, b);
            if (pU) {
              rf(h, T, pS, sS, p);
              sti(sStart, sp - 1, pS);
            }
          }
        } else {
          // the lower wall is the new value: S joins the current segment
          cur = sS;
          if (accept) {
            area += width * (v - b);
            removed += 2.0 * (v - b);
          } else {
            if (sU) rf(h, T, sS, t, b);
            curUniform = false; // index t already holds v
          }
          break;
        }
      } else {
        // no left wall: an edge gap [0, t) below v
        cur = sS;
        if (sU && width < edge) {
          area += width * (v - b);
          removed += v - b;
        } else {
          if (sU) rf(h, T, sS, t, b);
          curUniform = false;
        }
        break;
      }
    }
    if (sp > 0 && top == v) {
      // equal level: the current segment joins the top one
      const tWord = ldi(sStart, sp - 1);
      const tU = (tWord & UNIFORM) != 0;
      if (!(tU && curUniform)) {
        if (tU) rf(h, T, tWord & START_MASK, cur, v);
        if (curUniform) rf(h, T, cur, t + 1, v);
        sti(sStart, sp - 1, tWord & START_MASK);
      }
    } else {
      sti(sStart, sp, curUniform ? cur | UNIFORM : cur);
      st(sLevel, sp, v);
      sp++;
      top = v;
    }
  }
  // right edge gaps: the top segment runs to T-1
  let end: i32 = T;
  while (sp > 1) {
    sp--;
    const sWord = ldi(sStart, sp);
    const sS = sWord & START_MASK;
    const sU = (sWord & UNIFORM) != 0;
    const pWord = ldi(sStart, sp - 1);
    const pU = (pWord & UNIFORM) != 0;
    const p = ld(sLevel, sp - 1);
    const b = ld(sLevel, sp);
    if (sU && <f64>(T - sS) < edge) {
      area += <f64>(T - sS) * (p - b);
      removed += p - b;
      if (!pU) rf(h, T, sS, end, p);
      // S joins P (raised to p); P's range now runs to T-1
    } else {
      if (sU) rf(h, T, sS, end, b);
      end = sS;
      // every wider right-edge box is rejected too: flush what is left as it stands
      while (sp > 0) {
        sp--;
        const w = ldi(sStart, sp);
        const st0 = w & START_MASK;
        if ((w & UNIFORM) != 0) rf(h, T, st0, end, ld(sLevel, sp));
        end = st0;
      }
      break;
    }
  }
  if (sp == 1) {
    const w = ldi(sStart, 0);
    if ((w & UNIFORM) != 0) rf(h, T, w & START_MASK, end, ld(sLevel, 0));
  }
  st(sums, 0, total + area);
  st(sums, 1, variation - removed);
  return OK;
}

/**
 * Smooth n independent scenarios laid out back to back (see the layout above).
 * Returns OK or the first failing status; sums receives Σh and Σ|Δh| per scenario.
 */
export function smoothBatch(
  n: i32,
  offsets: usize,
  demand: usize,
  maxStep: usize,
  coef: usize,
  plan: usize,
  sums: usize,
  scratch: usize,
  scratchLen: i32,
): i32 {
  if (n < 0 || scratchLen < 0) return BAD_LENGTH;
  if (ldi(offsets, 0) != 0) return BAD_LENGTH;
  for (let s = 0; s < n; s++) {
    const a = ldi(offsets, s);
    const b = ldi(offsets, s + 1);
    if (b < a || b - a > scratchLen) return BAD_LENGTH;
  }
  const sLevel = scratch;
  const sStart = scratch + (<usize>scratchLen << 3);
  for (let s = 0; s < n; s++) {
    const a = ldi(offsets, s);
    const T = ldi(offsets, s + 1) - a;
    const c = ld(coef, s);
    if (!(c >= 0.0) || c == Infinity) return BAD_VALUE;
    const d = demand + (<usize>a << 3);
    const h = plan + (<usize>a << 3);
    const status = smoothOne(d, T, ldi(maxStep, s), c, h, sLevel, sStart, sums + (<usize>s << 4));
    if (status != OK) return status;
  }
  return OK;
}
