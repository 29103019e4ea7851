// Conformal quantiles of out-of-sample errors per horizon bucket (the intervals of every
// forecasting method). Source: docs/forecast.md, "Intervals" (split conformal: the
// finite-sample ranks floor((n+1)·α/2) and ceil((n+1)·(1−α/2)) of the pooled signed errors).
//
// Input: count signed errors err[i] with their bucket bkt[i] (u8, < nb). The errors are
// counting-sorted by bucket; bucket b's pool is its own errors, widened symmetrically over
// neighbouring buckets until it holds minPool (contiguous ranges). For each pool the 2·nl
// ranks (their keys ordered by the kernels' shared heapsort, assembly/sort.ts) are selected
// (pools of 128 or more first split three ways around two pivots from a sample of 31, so that
// the lower and the upper ranks are each selected within a small end part of the pool)
// by Hoare's quickselect, the middle rank first and then each half of the ranks on its side
// of it (once rank r is in place, smaller ranks lie before it, larger after).
// Output per level k and bucket b: qlo[k·nb + b] = min(0, q_lo), qhi[k·nb + b] = max(0, q_hi);
// alphas[k] = (1 − level_k)/2.
// Complexity: O(count + nb·(pool + nl log nl)) expected (quickselect), O(count) memory in
// scratch (cfScratch(count, nb) f64: the sorted errors, a working copy, offsets, ranks, and the
// partitions' buffer).
import { ld, st, ldi, sti } from "./mem";
import { OK, BAD_LENGTH } from "./abi";
import { sortIds } from "./sort";

/** f64 slots of scratch cfQuantiles needs. */
export function cfScratch(count: i32, nb: i32): i32 {
  return 3 * count + nb + 80;
}

/** Sample size for the pivots of the three-way split (cfQuantiles). */
const SAMPLE: i32 = 31;

/**
 * The k-th smallest of x[0..len) (0-based), by Hoare's quickselect restricted to
 * x[from..len) (valid when x[0..from) are all <= x[from..len), e.g. after selecting rank
 * from − 1); reorders x. Expected O(len − from). Also used by assembly/forecast-fft.ts.
 */
export function selectF64(x: usize, k: i32, len: i32, from: i32): f64 {
  return selectIn(x, k, from, len);
}

/** Quickselect of rank k within x[from..to) (valid when x[0..from) <= x[from..to) <= x[to..)); reorders that part. */
function selectIn(x: usize, k: i32, from: i32, to: i32): f64 {
  let l = from;
  let r = to - 1;
  while (l < r) {
    const p = ld(x, (l + r) >> 1);
    let i = l;
    let j = r;
    while (i <= j) {
      while (ld(x, i) < p) i++;
      while (ld(x, j) > p) j--;
      if (i <= j) { const t = ld(x, i); st(x, i, ld(x, j)); st(x, j, t); i++; j--; }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else break;
  }
  return ld(x, k);
}

/**
 * selectIn by branch-free three-way partitions (docs/forecast.md, "Speed", fifth round): each
 * pass writes x[l..r) into tmp, the values below the pivot from the front, those above it from
 * the back (every store lands where it belongs or is overwritten later, as in cfQuantiles'
 * filter), fills the middle with the pivot (the values equal to it) and copies the part back,
 * so x keeps selectIn's invariant (smaller ranks before k, larger after); the pivot is
 * selectIn's (the middle element). The same value (the k-th smallest) without the branch
 * mispredictions of Hoare's scans on random errors. Not for NaN (it compares equal to every
 * pivot here): cfQuantiles calls it on the end groups of its split (which hold no NaN) and on
 * whole pools without a NaN.
 */
function selectSplit(x: usize, tmp: usize, k: i32, from: i32, to: i32): f64 {
  let l = from;
  let r = to;
  while (r - l > 1) {
    const p = ld(x, (l + r - 1) >> 1);
    let lt = l, gt = r;
    for (let i = l; i < r; i++) {
      const v = ld(x, i);
      st(tmp, lt, v);
      st(tmp, gt - 1, v);
      lt += <i32>(v < p);
      gt -= <i32>(v > p);
    }
    for (let i = lt; i < gt; i++) st(tmp, i, p);
    memory.copy(x + (<usize>l << 3), tmp + (<usize>l << 3), <usize>(r - l) << 3);
    if (k < lt) r = lt;
    else if (k >= gt) l = gt;
    else return p;
  }
  return ld(x, k);
}

/**
 * The sorted rank keys ranks[j0..j1) selected within x[from..to), middle key first, then
 * each half within its side: two near-full passes for the four ranks of two levels
 * (10 %, 2.5 % | 90 %, 97.5 %) instead of three in ascending order; the same values (a
 * rank's value does not depend on the order of selection).
 */
function selectKeys(x: usize, ranks: usize, j0: i32, j1: i32, from: i32, to: i32, nb: i32, b: i32, qlo: usize, qhi: usize, tmp: usize): void {
  if (j0 >= j1) return;
  const jm = (j0 + j1) >> 1;
  const key = ldi(ranks, jm);
  const r = key >> 6;
  const q = key & 63;
  const f = from < r ? from : r, e = to > r ? to : r + 1;
  // tmp != 0: the split's end groups (no NaN): branch-free partitions
  const v = tmp != 0 ? selectSplit(x, tmp, r, f, e) : selectIn(x, r, f, e);
  const k = q >> 1;
  if (q & 1) st(qhi, k * nb + b, v > 0 ? v : 0);
  else st(qlo, k * nb + b, v < 0 ? v : 0);
  selectKeys(x, ranks, j0, jm, from, r, nb, b, qlo, qhi, tmp);
  selectKeys(x, ranks, jm + 1, j1, r + 1, to, nb, b, qlo, qhi, tmp);
}

export function cfQuantiles(err: usize, bkt: usize, count: i32, nb: i32, nl: i32, alphas: usize, minPool: i32, qlo: usize, qhi: usize, scratch: usize): i32 {
  if (count < 1 || nb < 1 || nb > 255 || nl < 1 || nl > 32) return BAD_LENGTH;
  const sorted = scratch;
  const work = scratch + (<usize>count << 3);
  const off = work + (<usize>count << 3); // nb + 1 i32 offsets, then nb i32 fill cursors
  const fill = off + (<usize>(nb + 1) << 2);
  const ranks = fill + (<usize>nb << 2); // 2·nl i32
  const sample = ranks + (<usize>64 << 2); // SAMPLE f64
  const tmp = sample + (<usize>SAMPLE << 3); // count f64 (selectSplit)
  for (let b = 0; b <= nb; b++) sti(off, b, 0);
  // counts by runs of equal buckets (the errors come origin by origin, step by step: runs of
  // about H / nb), so the counters are not incremented once per error
  for (let i = 0; i < count;) {
    const b = <i32>load<u8>(bkt + <usize>i);
    if (b >= nb) return BAD_LENGTH;
    let j = i + 1;
    while (j < count && <i32>load<u8>(bkt + <usize>j) == b) j++;
    sti(off, b + 1, ldi(off, b + 1) + (j - i));
    i = j;
  }
  for (let b = 0; b < nb; b++) sti(off, b + 1, ldi(off, b + 1) + ldi(off, b));
  for (let b = 0; b < nb; b++) sti(fill, b, ldi(off, b));
  // the same stable placement, run by run
  for (let i = 0; i < count;) {
    const b = <i32>load<u8>(bkt + <usize>i);
    let at = ldi(fill, b);
    let j = i;
    do { st(sorted, at, ld(err, j)); at++; j++; } while (j < count && <i32>load<u8>(bkt + <usize>j) == b);
    sti(fill, b, at);
    i = j;
  }
  for (let b = 0; b < nb; b++) {
    let a = b;
    let z = b;
    while (ldi(off, z + 1) - ldi(off, a) < minPool && (a > 0 || z < nb - 1)) { if (a > 0) a--; if (z < nb - 1) z++; }
    const lo = ldi(off, a);
    const n = ldi(off, z + 1) - lo;
    for (let k = 0; k < nl; k++) { st(qlo, k * nb + b, 0); st(qhi, k * nb + b, 0); }
    if (n == 0) continue;
    memory.copy(work, sorted + (<usize>lo << 3), <usize>n << 3);
    // ranks: 2k (lower of level k), 2k + 1 (upper), as (rank << 6) | slot so one sort orders both
    for (let k = 0; k < nl; k++) {
      const al = ld(alphas, k);
      // snapped to the whole number the exact product may be (src/problems/forecast/conformal.ts, floorRank)
      const xl = <f64>(n + 1) * al;
      const xh = <f64>(n + 1) * (1.0 - al);
      let rl = <i32>Math.floor(xl + 1e-9 * (1.0 + xl));
      let rh = <i32>Math.ceil(xh - 1e-9 * (1.0 + xh));
      rl = rl < 1 ? 1 : rl > n ? n : rl;
      rh = rh < 1 ? 1 : rh > n ? n : rh;
      sti(ranks, 2 * k, ((rl - 1) << 6) | (2 * k));
      sti(ranks, 2 * k + 1, ((rh - 1) << 6) | (2 * k + 1));
    }
    // the 2·nl keys ascending (the kernels' one sort, assembly/sort.ts: by the values themselves)
    sortIds(ranks, 2 * nl, 0, false);
    // the lower ranks (< n/2) and the upper ones: one three-way split of the pool around two
    // pivots from a sorted sample, just outside the two groups' ranks, leaves
    // [0, lt) <= pL < [lt, gt) < pH <= [gt, n); when every lower rank is < lt and every upper
    // rank >= gt (the usual case) each group is selected within its small end part, else within
    // the whole pool. The same values (a rank's value does not depend on the arrangement).
    let gl = 0;
    while (gl < 2 * nl && (ldi(ranks, gl) >> 6) < (n >> 1)) gl++;
    let split = false;
    if (n >= 128 && gl > 0 && gl < 2 * nl) {
      const rLo = ldi(ranks, gl - 1) >> 6, rHi = ldi(ranks, gl) >> 6;
      for (let j = 0; j < SAMPLE; j++) {
        const v = ld(work, <i32>((<f64>j + 0.5) * <f64>n / <f64>SAMPLE));
        let q = j;
        while (q > 0 && ld(sample, q - 1) > v) { st(sample, q, ld(sample, q - 1)); q--; }
        st(sample, q, v);
      }
      let iL = <i32>Math.ceil(<f64>(rLo + 1) * <f64>SAMPLE / <f64>n) + 2;
      let iH = <i32>Math.floor(<f64>rHi * <f64>SAMPLE / <f64>n) - 2;
      if (iL > SAMPLE - 1) iL = SAMPLE - 1;
      if (iH < 0) iH = 0;
      const pL = ld(sample, iL), pH = ld(sample, iH);
      if (pL < pH) {
        // branch-free filter of the pool (from sorted) into work: the values <= pL at [0, lt),
        // those >= pH at [gt, n) (each store lands where it belongs or is overwritten later:
        // lt <= gt − 1 before every step); the middle is not kept
        const src = sorted + (<usize>lo << 3);
        let lt = 0, gt = n, nan = 0;
        for (let i = 0; i < n; i++) {
          const v = ld(src, i);
          st(work, lt, v);
          st(work, gt - 1, v);
          lt += <i32>(v <= pL);
          gt -= <i32>(v >= pH);
          nan |= <i32>(v != v);
        }
        split = true;
        // each group within its end part when its ranks lie there (the usual case); a group
        // that misses is selected afterwards within a fresh copy of the whole pool
        const okLo = rLo < lt, okHi = rHi >= gt;
        if (okLo) selectKeys(work, ranks, 0, gl, 0, lt, nb, b, qlo, qhi, tmp);
        if (okHi) selectKeys(work, ranks, gl, 2 * nl, gt, n, nb, b, qlo, qhi, tmp);
        if (!okLo || !okHi) {
          memory.copy(work, src, <usize>n << 3);
          // (branch-free partitions too unless the pool holds a NaN)
          const t2: usize = nan ? 0 : tmp;
          if (!okLo) selectKeys(work, ranks, 0, gl, 0, n, nb, b, qlo, qhi, t2);
          if (!okHi) selectKeys(work, ranks, gl, 2 * nl, 0, n, nb, b, qlo, qhi, t2);
        }
      }
    }
    if (!split) selectKeys(work, ranks, 0, 2 * nl, 0, n, nb, b, qlo, qhi, 0);
  }
  return OK;
}
