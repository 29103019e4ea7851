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
//  3. The fill is a morphological closing of L (docs/smoothing.md, "Filling as a
//     closing"): with m = ceil(2c), h_t = min over the windows of m steps containing t of
//     the max of L over the window, L extended by its mirror image at both ends (an edge
//     gap of width g becomes an inner one of width 2g). Van Herk / Gil-Werman: window max
//     and min from block prefix/suffix scans, O(1) per step for any m (closeOne).
//     When the blocks do not fit the scratch (7m + 2 > T), a monotone stack of segments
//     (as in "trapping rain water") instead: every pop is a box (a gap over a level
//     range). A segment is "uniform" while all of its indices sit at the segment's level
//     in the final plan; values are written lazily, once per index, when a segment stops
//     being uniform or at the end. A rejected box makes every box around it rejected
//     (wider, threshold no larger), so only uniform segments are ever raised.
// Filling raises a gap to its lower wall, which never creates a larger step than L
// had, so the plan stays feasible; it is optimal by the level-set argument.
// Implementation: two passes over the series, O(1) extra work per step.
//  - forward: validate, round up, forward envelope (demand of consecutive scenarios is
//    one forward stream for the prefetcher); 128-bit SIMD (WebAssembly SIMD: f64x2
//    ceil, compares, max): two values per operation without a step bound, and with one
//    the envelope's chain on the two halves of the series at once (for the closing it
//    also keeps the backward envelope at the start of closeOne's second lane);
//  - backward, while the scenario's plan is still in cache: backward envelope (L is
//    final) fused with the closing on two SIMD lanes (closeOne: the plan, Σ h and
//    Σ |Δh| on the way), or with Σ L, Σ |ΔL| and the monotone stack run on the reversed
//    series. The objective, the gaps, their widths and which gaps touch an edge are
//    symmetric in time, so either gives the plan of a forward pass (tested value for
//    value). For the stack, every accepted box of width g and height y adds g·y to Σ h
//    and removes 2y (inner) or y (edge) from Σ |Δh|, so the sums need no third pass;
//    level steps (v equal to the top segment's level) skip the stack at once.
//
// Layout (all pointers into the arena, see arena.ts):
//   offsets: i32[n+1] scenario s owns demand[offsets[s] .. offsets[s+1])
//   demand:  f64[N]   plan: f64[N] (output)
//   maxStep: f64[n]   (-1: unbounded; f64: the schema admits steps up to 1e12)   coef: f64[n] (α·w_s)
//   sums:    f64[2n]  (output) Σ h and Σ |Δh| (unweighted) per scenario
//   scratch: f64[Tmax] + i32[Tmax] (8-byte aligned: f64 part first): the stack's levels and
//            starts, or closeOne's blocks (80m + 16 bytes)

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
 * One lane's block [j0, j0 + m) of its extended stream (see closeOne), written to lane
 * `lane` of gb (16 bytes per index); returns the envelope chain's state.
 * Regions in j: [0, mirrorEnd) the head mirrored, [mirrorEnd, headEnd) the head,
 * [headEnd, chainEnd) the backward envelope (kept in tail from tailFrom on),
 * [chainEnd, n) the tail mirrored, then -inf. u = base + j - P is the reversed index.
 */
@inline function fetchLane(
  gb: usize, j0: i32, m: i32, prev: f64, D: f64, h: usize, T: i32, P: i32, base: i32,
  head: usize, tail: usize, mirrorEnd: i32, headEnd: i32, tailFrom: i32, chainEnd: i32, n: i32,
): f64 {
  let i = 0;
  let e = min(m, mirrorEnd - j0);
  for (; i < e; i++) store<f64>(gb + (<usize>i << 4), ld(head, P - 1 - j0 - i));
  e = min(m, headEnd - j0);
  for (; i < e; i++) store<f64>(gb + (<usize>i << 4), ld(head, j0 + i - P));
  e = min(m, tailFrom - j0);
  for (; i < e; i++) {
    const x = ld(h, T - 1 - (base + j0 + i - P));
    const lo = prev - D;
    prev = x >= lo ? x : lo;
    store<f64>(gb + (<usize>i << 4), prev);
  }
  e = min(m, chainEnd - j0);
  for (; i < e; i++) {
    const u = base + j0 + i - P;
    const x = ld(h, T - 1 - u);
    const lo = prev - D;
    prev = x >= lo ? x : lo;
    store<f64>(gb + (<usize>i << 4), prev);
    st(tail, u - (T - m), prev);
  }
  e = min(m, n - j0);
  for (; i < e; i++) store<f64>(gb + (<usize>i << 4), ld(tail, T - 1 - (base + j0 + i - P) + m));
  for (; i < m; i++) store<f64>(gb + (<usize>i << 4), -Infinity);
  return prev;
}

/**
 * Steps 2-3 as a morphological closing (docs/smoothing.md, "Filling as a closing"): with
 * m = ceil(2c), the plan is, at every step, the min over the windows of m steps that
 * contain it of the max of L over the window, L extended by its mirror image at both ends
 * (a gap of width g touching an edge becomes one of width 2g, so "2g < 2c" is the edge
 * rule "g < c"). Van Herk / Gil-Werman: in blocks of m, a window's max is the max of a
 * suffix max of one block and a prefix max of the next, a window's min likewise: O(1) per
 * step, no data-dependent branches.
 * Runs backward (reversed index u = T-1-t; the closing is symmetric), fused with the
 * backward envelope, with one block of lag; two SIMD lanes: lane 0 the steps u < U,
 * lane 1 the steps u >= U (U = T >> 1), each over its own extended stream (u - P .. u + P
 * around its steps), lane 1's envelope chain started from `carry` (L at u = U - P - 1,
 * found by the forward pass). Callers ensure 2 <= m and 7m + 2 <= T (buffers: 80m + 16
 * bytes of scratch). On entry h holds the forward envelope; on exit the plan,
 * sums[0] = Σ h and sums[1] = Σ |Δh|.
 */
function closeOne(h: usize, T: i32, D: f64, m: i32, carry: f64, buf: usize, sums: usize): void {
  const P = m - 1;
  const U = T >> 1;
  const mb = <usize>m << 3;
  const head = buf; // g[0 .. P): the first P values of the backward envelope (lane 0)
  const tail = head + mb; // g[T-m .. T): the last m (lane 1)
  const gb = tail + mb; // the block of g being read (16 bytes per index: the two lanes)
  const sg = gb + (mb << 1); // suffix max of the previous block of g
  const sd = sg + (mb << 1); // window maxima of a block, then their suffix min (m+1 slots: sd[m] = +inf)
  const eb = sd + (mb << 1) + 16; // results of a block
  let prev0 = ld(h, T - 1);
  st(head, 0, prev0);
  for (let u = 1; u < P; u++) {
    const x = ld(h, T - 1 - u);
    const lo = prev0 - D;
    prev0 = x >= lo ? x : lo;
    st(head, u, prev0);
  }
  let prev1 = carry;
  const ninf = f64x2.splat(-Infinity);
  const pinf = f64x2.splat(Infinity);
  for (let i = 0; i <= m; i++) {
    v128.store(sg + (<usize>i << 4), ninf);
    v128.store(sd + (<usize>i << 4), pinf);
  }
  // lane 0: u = j - P; lane 1: u = U + j - P
  const n0 = U + 2 * P;
  const n1 = T - U + 2 * P;
  const K = (n1 + m - 1) / m;
  const tail1 = T - m - U + P; // lane 1 keeps g in tail from here
  const chain1 = T - U + P; // lane 1's last envelope index + 1
  const midTo = min(n0, tail1); // blocks inside [2P, midTo): both lanes on their envelope chains
  const D2 = f64x2.splat(D);
  const h0 = h + (<usize>(T - 1 + P) << 3); // lane 0: g at j is h[T-1+P-j]
  const h1 = h + (<usize>(T - 1 + P - U) << 3); // lane 1: h[T-1+P-U-j]
  let tot = f64x2.splat(0.0);
  let vari = f64x2.splat(0.0);
  let last = f64x2.splat(0.0);
  for (let k = 0; k <= K; k++) {
    const j0 = k * m;
    if (j0 >= 2 * P && j0 + m <= midTo) {
      let nx = f64x2.replace_lane(f64x2.splat(prev0), 1, prev1);
      for (let i = 0; i < m; i++) {
        const off = <usize>(j0 + i) << 3;
        let x = v128.load64_zero(h0 - off);
        x = v128.load64_lane(h1 - off, x, 1);
        nx = f64x2.pmax(x, f64x2.sub(nx, D2));
        v128.store(gb + (<usize>i << 4), nx);
      }
      prev0 = f64x2.extract_lane(nx, 0);
      prev1 = f64x2.extract_lane(nx, 1);
    } else {
      prev0 = fetchLane(gb, j0, m, prev0, D, h, T, P, 0, head, tail, P, 2 * P, n0, n0, n0);
      prev1 = fetchLane(gb + 8, j0, m, prev1, D, h, T, P, U, head, tail, 0, 0, tail1, chain1, n1);
    }
    // forward: window maxima of block k-1, their prefix min, results of block k-1
    let preG = ninf;
    let preD = pinf;
    for (let i = 0; i < m; i++) {
      const o = <usize>i << 4;
      const g = v128.load(gb + o);
      const d = f64x2.pmax(v128.load(sg + o), preG);
      preG = f64x2.pmax(preG, g);
      const next = v128.load(sd + o + 16);
      v128.store(sd + o, d);
      preD = f64x2.pmin(preD, d);
      v128.store(eb + o, f64x2.pmin(next, preD));
    }
    // backward: suffix max of block k, suffix min of the window maxima of block k-1
    let sG = ninf;
    let sD = pinf;
    for (let i = m - 1; i >= 0; i--) {
      const o = <usize>i << 4;
      sG = f64x2.pmax(sG, v128.load(gb + o));
      v128.store(sg + o, sG);
      sD = f64x2.pmin(sD, v128.load(sd + o));
      v128.store(sd + o, sD);
    }
    // results of block k-1 (j = (k-1)m + i): lane 0 for j < U + P, lane 1 for j < T - U + P
    const r0 = (k - 1) * m;
    const a = max(0, P - r0);
    const e0 = min(m, U + P - r0);
    const e1 = min(m, T - U + P - r0);
    let i = a;
    for (; i < e0; i++) {
      const v = v128.load(eb + (<usize>i << 4));
      const off = <usize>(r0 + i) << 3;
      v128.store64_lane(h0 - off, v, 0);
      v128.store64_lane(h1 - off, v, 1);
      tot = f64x2.add(tot, v);
      vari = f64x2.add(vari, f64x2.abs(f64x2.sub(v, last)));
      last = v;
    }
    // lane 1 has one step more when T is odd
    for (; i < e1; i++) {
      const v = load<f64>(eb + (<usize>i << 4) + 8);
      store<f64>(h1 - (<usize>(r0 + i) << 3), v);
      const l1 = f64x2.extract_lane(last, 1);
      tot = f64x2.replace_lane(tot, 1, f64x2.extract_lane(tot, 1) + v);
      vari = f64x2.replace_lane(vari, 1, f64x2.extract_lane(vari, 1) + Math.abs(v - l1));
      last = f64x2.replace_lane(last, 1, v);
    }
  }
  // each lane counted its first value as |v - 0|; the lanes meet between u = U-1 and U
  const first0 = ld(h, T - 1);
  const first1 = ld(h, T - 1 - U);
  const seam = Math.abs(first1 - ld(h, T - U));
  st(sums, 0, f64x2.extract_lane(tot, 0) + f64x2.extract_lane(tot, 1));
  st(sums, 1, f64x2.extract_lane(vari, 0) - first0 + f64x2.extract_lane(vari, 1) - first1 + seam);
}

/**
 * Smooth one scenario: h receives the plan, sums[0] Σ h and sums[1] Σ |Δh|.
 * Returns a status code.
 */
function smoothOne(d: usize, T: i32, step: f64, c: f64, h: usize, sLevel: usize, sStart: usize, sums: usize): i32 {
  st(sums, 0, 0.0);
  st(sums, 1, 0.0);
  if (T == 0) return OK;
  const D: f64 = step >= 0.0 ? step : Infinity;
  // steps 2-3 as a closing (closeOne) when c > 0, m = ceil(2c) >= 2 and its buffers fit
  // the scratch (12 bytes per step); else the monotone stack below
  const mf = Math.ceil(2.0 * c);
  const closing = c > 0.0 && mf > 1.0 && 7.0 * mf + 2.0 <= <f64>T;
  const m: i32 = closing ? <i32>mf : 0;
  const tStar = T - (T >> 1) + m - 1; // closeOne's lane 1 starts its envelope chain after tStar
  let carry: f64 = -Infinity;
  // pass 1 (forward, so that the demand of consecutive scenarios is one stream for the
  // prefetcher): validate, round up, forward envelope L_t = max(ceil d_t, L_{t-1} - D)
  if (step < 0.0) {
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
    // for the closing (closeOne): R = max over s >= tStar of F_s - (s - tStar)·D, the
    // backward envelope at tStar (the start of closeOne's second lane), kept by lane 1
    // from k = tStar - half on (a product too large to be exact is far below 0: never the max)
    const kStar = closing ? tStar - half : half;
    let R2 = f64x2.splat(-Infinity);
    let off2 = f64x2.splat(0.0);
    for (let k = 0; k < half; k++) {
      const off = <usize>k << 3;
      let x = v128.load64_zero(d + off);
      x = v128.load64_lane(d1 + off, x, 1);
      ok = v128.and(ok, v128.and(f64x2.ge(x, lo2), f64x2.le(x, hi2))); // NaN fails both
      nx = f64x2.pmax(f64x2.ceil(x), f64x2.sub(nx, D2)); // max(ceil d_t, L_{t-1} - D)
      v128.store64_lane(h + off, nx, 0);
      v128.store64_lane(h1 + off, nx, 1);
      if (k >= kStar) {
        R2 = f64x2.pmax(R2, f64x2.sub(nx, off2));
        off2 = f64x2.add(off2, D2);
      }
    }
    if (!v128.all_true<i64>(ok)) return BAD_VALUE;
    let R = f64x2.extract_lane(R2, 1);
    if (T & 1) {
      // odd length: the last value continues the second lane
      const x = ld(d, T - 1);
      if (!(x >= 0.0 && x <= MAX_DEMAND)) return BAD_VALUE;
      const cx = Math.ceil(x);
      const lo = (half > 0 ? f64x2.extract_lane(nx, 1) : -Infinity) - D;
      const v = cx >= lo ? cx : lo;
      st(h, T - 1, v);
      if (closing) R = max(R, v - <f64>(T - 1 - tStar) * D);
    }
    if (half > 0) {
      let seam = ld(h, half - 1);
      for (let t = half; t < T; t++) {
        seam -= D;
        if (ld(h, t) >= seam) break;
        st(h, t, seam);
        if (closing && t >= tStar) R = max(R, seam - <f64>(t - tStar) * D);
      }
    }
    carry = R;
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
  if (!(c > 0.0) || mf <= 1.0) {
    // nothing is worth filling (c = 0), or no gap is narrower than 2c (nor than c at an
    // edge): L is optimal
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
  if (closing) {
    closeOne(h, T, D, m, carry, sLevel, sums);
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
    const status = smoothOne(d, T, ld(maxStep, s), c, h, sLevel, sStart, sums + (<usize>s << 4));
    if (status != OK) return status;
  }
  return OK;
}
