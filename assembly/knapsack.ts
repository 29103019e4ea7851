// Exact bounded knapsack kernels: DP over a capacity (or a proximity window).
//
// Problem (docs/knapsack.md).
// Items j = 0..n-1 with integer size s_j >= 1, value v_j (finite, may be fractional)
// and copies c_j >= 1; capacity C >= 0:
//   maximize Σ_j v_j x_j  subject to  Σ_j s_j x_j <= C,  x_j integer in 0..c_j.
//
// Kernels (the host, src/knapsack/solve.ts, chooses and combines them):
//  - knapsackTable: one DP pass per item type, O(C) each, so O(n·C) in all; modes
//    KNAPSACK_AT_MOST (dp[w]: best with size <= w; values >= 0), KNAPSACK_EXACT (size exactly w, -inf
//    where unreachable, any finite values: the proximity method's removal/addition
//    windows) and KNAPSACK_CONTINUE (on top of a previous pass); choiceWidth 0 skips the
//    reconstruction table (divide-and-conquer reconstruction on the host).
//  - knapsackConcave: item types sharing a size merged into one concave gain; one
//    (max,+) convolution per residue class by divide and conquer over the monotone
//    argmax, O(C log C) per group (see its section below).
//  - knapsackReconstruct: walks the choice table back from a size, O(n).
//
// knapsackTable, bounded copies: item j splits the capacities into residue classes
// w = r + k·s_j (r = 0..s_j-1); inside one class
//    dp'[r + k s] = max_{k-c <= t <= k} dp[r + t s] + (k - t) v
//                 = k v + max_{k-c <= t <= k} (dp[r + t s] - t v),
//  a sliding-window maximum kept by a monotone deque (indices t with strictly
//  decreasing keys g(t) = dp[r + t s] - t v; ties keep the later t, i.e. fewer
//  copies). Each capacity enters and leaves the deque once: O(C) per item. The old dp
//  value is read (into the deque) before dp[r + k s] is overwritten, so dp is updated
//  in place. When copies never bind (c >= C / s), the unbounded recurrence
//  dp[w] = max(dp[w], dp[w - s] + v), forward and in place, needs one compare a cell.
// Reconstruction: choice[j·(C+1) + w] = copies of item j taken in dp_j[w]
// (u16 when choiceWidth == 2, i32 when 4). Walking j = n-1..0 from w,
// counts[j] = choice[j][w] and w -= counts[j]·s_j, recovers an optimal solution.
// The host bounds n·(C+1)·choiceWidth (memory budget; beyond it, no table).
//
// Layout (all pointers into the arena, see arena.ts):
//   sizes: i32[n]  values: f64[n]  copies: i32[n]  counts: i32[n] (output)
//   dp: f64[C+1]  dequeVal: f64[C+1]  dequeIdx: i32[C+1]
//   choice: u16 or i32 [n·(C+1)] (none when choiceWidth == 0)
// Every kernel returns a status code (status.ts); none aborts or allocates.

import { OK, BAD_LENGTH, BAD_VALUE, TOO_LARGE, KNAPSACK_AT_MOST, KNAPSACK_EXACT, KNAPSACK_CONTINUE } from "./abi";
import { ld, st, ldi, sti } from "./mem";


/** BAD_LENGTH for a choice width other than 0 (no table), 2 or 4; BAD_VALUE for an unknown mode; else OK. */
function checkWidthMode(choiceWidth: i32, mode: i32): i32 {
  if (choiceWidth != 0 && choiceWidth != 2 && choiceWidth != 4) return BAD_LENGTH;
  return validMode(mode) ? OK : BAD_VALUE;
}

@inline function validMode(mode: i32): bool {
  return mode == KNAPSACK_AT_MOST || mode == KNAPSACK_EXACT || mode == KNAPSACK_CONTINUE;
}

/** The DP row before the first item: 0 at size 0, then 0 (AT_MOST) or -Infinity (EXACT); CONTINUE keeps dp. */
function initDp(dp: usize, C: i32, mode: i32): void {
  if (mode == KNAPSACK_CONTINUE) return;
  const init = mode == KNAPSACK_AT_MOST ? 0.0 : -Infinity;
  for (let w = 0; w <= C; w++) st(dp, w, init);
  st(dp, 0, 0.0);
}

/**
 * The DP pass alone (fills dp and the choice table, no reconstruction). mode is
 * KNAPSACK_AT_MOST or KNAPSACK_EXACT. In KNAPSACK_EXACT mode unreachable sizes keep -Infinity and values may be
 * negative (the proximity method runs a "removal" DP with negated values).
 */
export function knapsackTable(
  n: i32,
  sizes: usize,
  values: usize,
  copies: usize,
  capacity: i32,
  dp: usize,
  choice: usize,
  dequeIdx: usize,
  dequeVal: usize,
  choiceWidth: i32,
  mode: i32,
): i32 {
  if (n < 0 || capacity < 0) return BAD_LENGTH;
  const bad = checkWidthMode(choiceWidth, mode);
  if (bad != OK) return bad;
  const C = capacity;
  const W = <usize>C + 1;
  for (let j = 0; j < n; j++) {
    const v = ld(values, j);
    if (ldi(sizes, j) < 1 || ldi(copies, j) < 1) return BAD_VALUE;
    if (mode == KNAPSACK_AT_MOST && !(v >= 0.0 && v < Infinity)) return BAD_VALUE; // also rejects NaN
    if (mode != KNAPSACK_AT_MOST && !(v > -Infinity && v < Infinity)) return BAD_VALUE;
    // the largest count item j can take must fit the choice table
    const s = ldi(sizes, j);
    const c = ldi(copies, j);
    const cap = min(c, C / s);
    if (choiceWidth == 2 && cap > 65535) return TOO_LARGE;
  }
  initDp(dp, C, mode);

  for (let j = 0; j < n; j++) {
    const s = ldi(sizes, j);
    const v = ld(values, j);
    const c = ldi(copies, j);
    const row = choice + <usize>j * W * <usize>choiceWidth;
    if (c >= C / s) {
      // copies never bind: the unbounded in-place recurrence, one compare per cell
      for (let w = 0; w < s && w <= C; w++) {
        if (choiceWidth == 2) store<u16>(row + (<usize>w << 1), 0);
        else if (choiceWidth == 4) store<i32>(row + (<usize>w << 2), 0);
      }
      for (let w = s; w <= C; w++) {
        const cand = ld(dp, w - s) + v;
        let cnt: i32 = 0;
        if (cand > ld(dp, w)) {
          if (!(cand < Infinity)) return TOO_LARGE;
          st(dp, w, cand);
          if (choiceWidth != 0) cnt = (choiceWidth == 2 ? <i32>load<u16>(row + (<usize>(w - s) << 1)) : load<i32>(row + (<usize>(w - s) << 2))) + 1;
        }
        if (choiceWidth == 2) store<u16>(row + (<usize>w << 1), <u16>cnt);
        else if (choiceWidth == 4) store<i32>(row + (<usize>w << 2), cnt);
      }
      continue;
    }
    const rMax = s - 1 < C ? s - 1 : C;
    for (let r = 0; r <= rMax; r++) {
      let head: i32 = 0;
      let tail: i32 = 0;
      let k: i32 = 0;
      for (let w = r; w <= C; w += s) {
        const g = ld(dp, w) - <f64>k * v;
        while (tail > head && ld(dequeVal, tail - 1) <= g) tail--;
        sti(dequeIdx, tail, k);
        st(dequeVal, tail, g);
        tail++;
        while (ldi(dequeIdx, head) < k - c) head++;
        const t = ldi(dequeIdx, head);
        const best = ld(dequeVal, head) + <f64>k * v;
        if (!(best < Infinity)) return TOO_LARGE;
        st(dp, w, best);
        const cnt = k - t;
        if (choiceWidth == 2) store<u16>(row + (<usize>w << 1), <u16>cnt);
        else if (choiceWidth == 4) store<i32>(row + (<usize>w << 2), cnt);
        k++;
        if (w > C - s) break; // w + s would overflow or pass C
      }
    }
  }

  return OK;
}

/**
 * Walk the choice table of knapsackTable back from total size `start` (<= capacity):
 * counts[j] = copies of item j taken. O(n).
 */
export function knapsackReconstruct(
  n: i32,
  sizes: usize,
  choice: usize,
  capacity: i32,
  choiceWidth: i32,
  start: i32,
  counts: usize,
): i32 {
  if (n < 0 || capacity < 0 || start < 0 || start > capacity) return BAD_LENGTH;
  if (choiceWidth != 2 && choiceWidth != 4) return BAD_LENGTH;
  const W = <usize>capacity + 1;
  let w: i32 = start;
  for (let j = n - 1; j >= 0; j--) {
    const row = choice + <usize>j * W * <usize>choiceWidth;
    const cnt: i32 = choiceWidth == 2 ? <i32>load<u16>(row + (<usize>w << 1)) : load<i32>(row + (<usize>w << 2));
    sti(counts, j, cnt);
    w -= cnt * ldi(sizes, j);
    if (w < 0) return BAD_LENGTH; // cannot happen: defensive
  }
  return OK;
}


// ---------------------------------------------------------------------------------
// (max,+) convolution with concave sequences: items that share a size.
//
// Item types of one size s with different values merge into one group whose gain
// G(k) (best value of k copies: the k most valuable) is concave in k, G(0) = 0,
// k <= K. For each residue class r mod s, with a[t] = dp[r + t·s]:
//     out[k] = max_{max(0, k−K) <= t <= k} a[t] + G(k − t).
// For concave G the matrix a[t] + G(k − t) is totally monotone (G(−) extended by −inf
// outside 0..K stays concave), so the leftmost maximiser t*(k) is non-decreasing in
// k, and divide and conquer over k (solve the middle row by a scan of its candidate
// range, recurse left and right with the split range) finds every row's maximum in
// O(m log m) per class of length m (SMAWK would do O(m); this keeps the kernel small).
// So one group costs O(C log C) whatever its number of item types: the method wins
// over one deque pass per item type when many types share a size.
// Layout: sizes i32[g], gainOff i32[g+1], gains f64[Σ(K+1)] (group j's G at
// gains[gainOff[j] .. gainOff[j+1]−1]), dp f64[C+1], choice as in knapsackTable
// (the count of group j at w), seqA and seqOut f64[C+1] scratch.
// ---------------------------------------------------------------------------------

// state of the current class (module globals keep the recursion's frames small)
let cA: usize = 0;
let cOut: usize = 0;
let cGain: usize = 0;
let cK: i32 = 0;
let cRow: usize = 0;
let cWidth: i32 = 0;
let cR: i32 = 0;
let cS: i32 = 0;

function rows(lo: i32, hi: i32, optLo: i32, optHi: i32): void {
  while (lo <= hi) {
    const k = (lo + hi) >>> 1;
    let from = k - cK;
    if (from < optLo) from = optLo;
    let to = k < optHi ? k : optHi;
    let best = -Infinity;
    let arg = from;
    for (let t = from; t <= to; t++) {
      const v = ld(cA, t) + ld(cGain, k - t);
      if (v > best) { best = v; arg = t; }
    }
    st(cOut, k, best);
    const cnt = k - arg;
    const w = cR + k * cS;
    if (cWidth == 2) store<u16>(cRow + (<usize>w << 1), <u16>cnt);
    else if (cWidth == 4) store<i32>(cRow + (<usize>w << 2), cnt);
    // left half recursively, right half by the loop (depth O(log m))
    if (k - 1 >= lo) rows(lo, k - 1, optLo, arg);
    lo = k + 1;
    optLo = arg;
  }
}

/**
 * DP pass over groups of item types sharing a size (see above). mode: KNAPSACK_AT_MOST, KNAPSACK_EXACT
 * or KNAPSACK_CONTINUE. Gains must be concave with gains[gainOff[j]] == 0 (the host builds them
 * from values sorted in decreasing order). Returns OK, BAD_LENGTH or BAD_VALUE.
 */
export function knapsackConcave(
  g: i32,
  sizes: usize,
  gainOff: usize,
  gains: usize,
  capacity: i32,
  dp: usize,
  choice: usize,
  seqA: usize,
  seqOut: usize,
  choiceWidth: i32,
  mode: i32,
): i32 {
  if (g < 0 || capacity < 0) return BAD_LENGTH;
  const bad = checkWidthMode(choiceWidth, mode);
  if (bad != OK) return bad;
  const C = capacity;
  const W = <usize>C + 1;
  for (let j = 0; j < g; j++) {
    const K = ldi(gainOff, j + 1) - ldi(gainOff, j) - 1;
    if (ldi(sizes, j) < 1 || K < 0) return BAD_VALUE;
    if (ld(gains, ldi(gainOff, j)) != 0.0) return BAD_VALUE;
    if (choiceWidth == 2 && min(K, C / ldi(sizes, j)) > 65535) return TOO_LARGE;
    for (let k = 1; k <= K; k++) {
      const v = ld(gains, ldi(gainOff, j) + k);
      if (!(v > -Infinity && v < Infinity)) return BAD_VALUE;
    }
  }
  initDp(dp, C, mode);
  cA = seqA;
  cOut = seqOut;
  cWidth = choiceWidth;
  for (let j = 0; j < g; j++) {
    const s = ldi(sizes, j);
    cS = s;
    cGain = gains + (<usize>ldi(gainOff, j) << 3);
    cK = ldi(gainOff, j + 1) - ldi(gainOff, j) - 1;
    cRow = choice + <usize>j * W * <usize>choiceWidth;
    const rMax = s - 1 < C ? s - 1 : C;
    for (let r = 0; r <= rMax; r++) {
      cR = r;
      const m = (C - r) / s + 1; // class length
      for (let t = 0; t < m; t++) st(seqA, t, ld(dp, r + t * s));
      rows(0, m - 1, 0, m - 1);
      for (let t = 0; t < m; t++) {
        const v = ld(seqOut, t);
        if (!(v < Infinity)) return TOO_LARGE;
        st(dp, r + t * s, v);
      }
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------------
// Binary splitting: item types with few copies as 0/1 pieces.
//
// An item type with u copies becomes the pieces 1, 2, 4, ..., 2^(k-1) copies and a
// last piece of u - (2^(k-1) - 1) copies (k = number of pieces = bit length of u, the
// last piece <= 2^(k-1)); every count 0..u is a sum of distinct pieces, so the DP over
// the pieces is exact. Each piece is one 0/1 pass over w = capacity down to its size:
//    dp[w] = max(dp[w], dp[w - s'] + v'),
// reading cells in order: unlike the deque, which walks each residue class with a
// stride of s_j cells (a cache miss per cell once the window outgrows the cache), it
// streams. k passes of ~1 ns a cell beat one deque pass of ~8 ns a cell for small u.
// Reconstruction: choice[p·(C+1) + w] = 1 when piece p was taken at w (one byte per
// cell, rows only where w >= the piece's size are written; the walk checks w first).
// ---------------------------------------------------------------------------------

/** Number of pieces of u >= 1 copies (its bit length). */
@inline function pieces(u: i32): i32 {
  return 32 - clz<i32>(u);
}

/**
 * DP pass over item types split into binary pieces (see above). mode:
 * KNAPSACK_AT_MOST, KNAPSACK_EXACT or KNAPSACK_CONTINUE; record != 0 writes the
 * choice rows (Σ_j pieces(copies_j) rows of capacity+1 bytes). Copies are at most
 * max(1, capacity / size) (the host caps them). Returns OK, BAD_LENGTH, BAD_VALUE or
 * TOO_LARGE (a value sum overflows).
 */
export function knapsackBinary(
  n: i32,
  sizes: usize,
  values: usize,
  copies: usize,
  capacity: i32,
  dp: usize,
  choice: usize,
  record: i32,
  mode: i32,
): i32 {
  if (n < 0 || capacity < 0) return BAD_LENGTH;
  if (!validMode(mode)) return BAD_VALUE;
  const C = capacity;
  for (let j = 0; j < n; j++) {
    const v = ld(values, j);
    const s = ldi(sizes, j);
    const u = ldi(copies, j);
    if (s < 1 || u < 1 || <i64>s * <i64>u > <i64>max(C, s)) return BAD_VALUE;
    if (mode == KNAPSACK_AT_MOST && !(v >= 0.0 && v < Infinity)) return BAD_VALUE; // also rejects NaN
    if (!(v > -Infinity && v < Infinity)) return BAD_VALUE;
  }
  initDp(dp, C, mode);
  const W = <usize>C + 1;
  let row = choice;
  for (let j = 0; j < n; j++) {
    const s = ldi(sizes, j);
    const v = ld(values, j);
    let left = ldi(copies, j);
    let mult: i32 = 1;
    while (left > 0) {
      const take = min(mult, left);
      const ps = s * take; // <= s·u <= max(C, s): no pass when ps > C
      const pv = v * <f64>take;
      if (record != 0) {
        for (let w = C; w >= ps; w--) {
          const cand = ld(dp, w - ps) + pv;
          const old = ld(dp, w);
          const took = cand > old;
          st(dp, w, took ? cand : old);
          store<u8>(row + <usize>w, <u8>took);
        }
      } else {
        for (let w = C; w >= ps; w--) {
          const cand = ld(dp, w - ps) + pv;
          const old = ld(dp, w);
          st(dp, w, cand > old ? cand : old);
        }
      }
      row += W;
      left -= take;
      mult <<= 1;
    }
  }
  // a sum that overflowed is +inf in some cell (+inf stays: checked once at the end)
  for (let w = 0; w <= C; w++) if (!(ld(dp, w) < Infinity)) return TOO_LARGE;
  return OK;
}

/**
 * Walk the choice rows of knapsackBinary back from total size `start` (<= capacity):
 * counts[j] = copies of item j taken. O(Σ pieces).
 */
export function knapsackBinaryBack(
  n: i32,
  sizes: usize,
  copies: usize,
  capacity: i32,
  choice: usize,
  start: i32,
  counts: usize,
): i32 {
  if (n < 0 || capacity < 0 || start < 0 || start > capacity) return BAD_LENGTH;
  const W = <usize>capacity + 1;
  let rows: i32 = 0;
  for (let j = 0; j < n; j++) {
    const u = ldi(copies, j);
    if (u < 1) return BAD_VALUE;
    rows += pieces(u);
  }
  let w = start;
  for (let j = n - 1; j >= 0; j--) {
    const s = ldi(sizes, j);
    const u = ldi(copies, j);
    const k = pieces(u);
    rows -= k;
    let cnt: i32 = 0;
    for (let i = k - 1; i >= 0; i--) {
      const take = i < k - 1 ? 1 << i : u - ((1 << (k - 1)) - 1);
      const ps = s * take;
      if (w >= ps && load<u8>(choice + <usize>(rows + i) * W + <usize>w) != 0) {
        cnt += take;
        w -= ps;
      }
    }
    sti(counts, j, cnt);
  }
  return OK;
}
