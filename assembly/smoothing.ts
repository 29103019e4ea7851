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
//
// Layout (all pointers into the arena, see arena.ts):
//   offsets: i32[n+1] scenario s owns demand[offsets[s] .. offsets[s+1])
//   demand:  f64[N]   plan: f64[N] (output)
//   maxStep: i32[n]   (-1: unbounded)   coef: f64[n] (α·w_s)
//   sums:    f64[2n]  (output) Σ h and Σ |Δh| (unweighted) per scenario
//   scratch: i32[Tmax] + f64[Tmax] (8-byte aligned: f64 part first)

import { OK, BAD_LENGTH, BAD_VALUE } from "./abi";
import { ld, st, ldi, sti } from "./mem";

@inline const UNIFORM: i32 = 0x40000000;
@inline const START_MASK: i32 = 0x3fffffff;
/** Largest demand accepted: keeps every plan value and sum an exact f64 integer. */
@inline const MAX_DEMAND: f64 = 1e12;

@inline function fill(h: usize, from: i32, to: i32, v: f64): void {
  for (let k = from; k < to; k++) st(h, k, v);
}

/** Smooth one scenario in place: h receives the plan. Returns a status code. */
function smoothOne(d: usize, T: i32, step: i32, c: f64, h: usize, sLevel: usize, sStart: usize): i32 {
  if (T == 0) return OK;
  // 1. envelope
  for (let t = 0; t < T; t++) {
    const x = ld(d, t);
    if (!(x >= 0.0 && x <= MAX_DEMAND)) return BAD_VALUE; // also rejects NaN
    st(h, t, Math.ceil(x));
  }
  if (step >= 0) {
    const D = <f64>step;
    for (let t = 1; t < T; t++) {
      const lo = ld(h, t - 1) - D;
      if (ld(h, t) < lo) st(h, t, lo);
    }
    for (let t = T - 2; t >= 0; t--) {
      const lo = ld(h, t + 1) - D;
      if (ld(h, t) < lo) st(h, t, lo);
    }
  }
  if (!(c > 0.0)) return OK; // nothing is worth filling: L is optimal
  const inner = 2.0 * c;
  const edge = c;

  // 2-3. monotone stack of segments: levels strictly decreasing from bottom to top.
  let sp: i32 = 0;
  for (let t = 0; t < T; t++) {
    const v = ld(h, t);
    let cur: i32 = t;
    let curUniform = true;
    while (sp > 0 && ld(sLevel, sp - 1) < v) {
      sp--;
      const sWord = ldi(sStart, sp);
      const sS = sWord & START_MASK;
      const sU = (sWord & UNIFORM) != 0;
      const b = ld(sLevel, sp);
      const width = <f64>(cur - sS);
      if (sp > 0) {
        const pWord = ldi(sStart, sp - 1);
        const pS = pWord & START_MASK;
        const pU = (pWord & UNIFORM) != 0;
        const p = ld(sLevel, sp - 1);
        const accept = sU && width < inner;
        if (p <= v) {
          // the box's lower wall is P: S joins P
          if (accept) {
            if (!pU) fill(h, sS, cur, p);
          } else {
            if (sU) fill(h, sS, cur, b);
            if (pU) {
              fill(h, pS, sS, p);
              sti(sStart, sp - 1, pS);
            }
          }
        } else {
          // the lower wall is the new value: S joins the current segment
          if (accept) {
            cur = sS;
          } else {
            if (sU) fill(h, sS, cur, b);
            cur = sS;
            curUniform = false; // index t already holds v
          }
        }
      } else {
        // no left wall: an edge gap [0, cur) below v
        if (sU && width < edge) {
          cur = sS;
        } else {
          if (sU) fill(h, sS, cur, b);
          cur = sS;
          curUniform = false;
        }
      }
    }
    if (sp > 0 && ld(sLevel, sp - 1) == v) {
      // equal level: the current segment joins the top one
      const tWord = ldi(sStart, sp - 1);
      const tU = (tWord & UNIFORM) != 0;
      if (!(tU && curUniform)) {
        if (tU) fill(h, tWord & START_MASK, cur, v);
        if (curUniform) fill(h, cur, t + 1, v);
        sti(sStart, sp - 1, tWord & START_MASK);
      }
    } else {
      sti(sStart, sp, curUniform ? cur | UNIFORM : cur);
      st(sLevel, sp, v);
      sp++;
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
    if (sU && <f64>(T - sS) < edge) {
      if (!pU) fill(h, sS, end, p);
      // S joins P (raised to p); P's range now runs to T-1
    } else {
      if (sU) fill(h, sS, end, ld(sLevel, sp));
      end = sS;
      // every wider right-edge box is rejected too: flush what is left as it stands
      while (sp > 0) {
        sp--;
        const w = ldi(sStart, sp);
        const st0 = w & START_MASK;
        if ((w & UNIFORM) != 0) fill(h, st0, end, ld(sLevel, sp));
        end = st0;
      }
      return OK;
    }
  }
  if (sp == 1) {
    const w = ldi(sStart, 0);
    if ((w & UNIFORM) != 0) fill(h, w & START_MASK, end, ld(sLevel, 0));
  }
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
    const status = smoothOne(d, T, ldi(maxStep, s), c, h, sLevel, sStart);
    if (status != OK) return status;
    let total: f64 = 0.0;
    let variation: f64 = 0.0;
    let prev: f64 = T > 0 ? ld(h, 0) : 0.0;
    for (let t = 0; t < T; t++) {
      const x = ld(h, t);
      total += x;
      variation += Math.abs(x - prev);
      prev = x;
    }
    st(sums, 2 * s, total);
    st(sums, 2 * s + 1, variation);
  }
  return OK;
}
