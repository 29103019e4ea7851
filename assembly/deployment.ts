// Equally-split bin packing: the packing loop of Guess-and-Pack, Pack-and-Adapt and
// SpreadWFD (First, Best or Worst Fit), and the part reduction pass (deployReduce, at
// the end of this file).
//
// Problem (docs/deployment.md).
// Items i of size w_i are cut into k_i equal parts (kmin_i <= k_i <= kmax_i) placed on
// k_i distinct bins; a bin's parts must fit its residual capacity. The host decides
// the order of the items and how many new bins exist; this kernel places the items.
//
// Bins: indices 0..m-1 are open from the start with residual res0[j] (partly used
// machines, or bins the host opened before); indices m..m+nNew-1 are new bins of
// capacity `cap`. With adapt = 0 (Guess-and-Pack, SpreadWFD) all nNew new bins are
// open from the start (the host's guess of the number of new machines). With
// adapt = 1 (Pack-and-Adapt) they are closed and opened one by one when an item
// does not fit the open bins.
//
// Per item (in the host's order), with s(k) = w / k and r_(1) >= r_(2) >= ... the
// residuals of the open bins:
//  1. k = the smallest k in [kmin, min(kmax, open)] with r_(k) >= s(k) - eps, i.e. the
//     fewest parts that fit the open bins (O(open) scan, no search).
//  2. the rule picks k bins with residual >= s(k) - eps:
//       Worst Fit: the k largest residuals; Best Fit: the k smallest that fit;
//       First Fit: the k lowest bin indices that fit (max segment tree, O(k log B)).
//  3. adapt = 1 and no k fits: k = kNew (the host's fewest parts that fit a new bin,
//     kNew >= kmin); among k in [kNew, min(kmax, kNew + 64)] take the one opening the
//     fewest new bins (k - #open bins that fit s(k)), then the fewest parts; use the
//     fitting open bins (all of them: fewer than k) and open the rest.
// The open bins are kept in an array sorted by (residual desc, index asc); the k bins
// that receive a part move right together, by one merge over the window they cross:
// O(k log k + window). Time O(Σ_i (open_i + k_i log B + window_i)) per call; no allocation.
//
// Layout (arena pointers): order i32[n], w f64[n], kmin i32[n], kmax i32[n],
// kNew i32[n] (adapt only; 0 = cannot use a new bin), res0 f64[m];
// scratch: res f64[B], sorted i32[B], seg f64[2·P] (P = power of two >= B, First Fit),
// tmp i32[B], tpos i32[B];
// out: outK i32[n], outStart i32[n], outBins i32[partsCap] (bins of item i at
// outStart[i] .. outStart[i]+outK[i]-1), info i32[4] = [failed item or -1, parts,
// new bins opened (adapt) or used (fixed), open bins at the end].
// B = m + nNew. Returns OK, INFEASIBLE (info[0] names the item), TOO_LARGE (the parts
// do not fit partsCap: the host retries with more room), BAD_LENGTH or BAD_VALUE.

import { OK, BAD_LENGTH, BAD_VALUE, INFEASIBLE, TOO_LARGE, DEPLOY_FIRST_FIT, DEPLOY_BEST_FIT, DEPLOY_WORST_FIT, DeployPackArgs } from "./abi";
import { ld, st, ldi, sti } from "./mem";
import { sortIds } from "./sort";

// Rules (assembly/abi.ts)
@inline const FIRST_FIT: i32 = DEPLOY_FIRST_FIT;
@inline const BEST_FIT: i32 = DEPLOY_BEST_FIT;
@inline const WORST_FIT: i32 = DEPLOY_WORST_FIT;
/** How far past kNew the adapt step looks for a split that opens fewer bins. */
@inline const ADAPT_SPAN: i32 = 64;

/** Stop at item `it`: info[0] = the item, info[1] = the parts placed so far; returns status. */
function stopAt(info: usize, it: i32, parts: i32, status: i32): i32 {
  sti(info, 0, it);
  sti(info, 1, parts);
  return status;
}

/** true when bin (ra, a) comes before bin (rb, b) in the sorted order. */
@inline function before(ra: f64, a: i32, rb: f64, b: i32): bool {
  return ra > rb || (ra == rb && a < b);
}

/** Position of the first entry of sorted[from..cnt) that does not come before (r, b). */
function lowerPos(res: usize, sorted: usize, from: i32, cnt: i32, r: f64, b: i32): i32 {
  let lo: i32 = from;
  let hi: i32 = cnt;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = ldi(sorted, mid);
    if (before(ld(res, x), x, r, b)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of open bins with residual >= t (a prefix of the sorted array). */
function countAtLeast(res: usize, sorted: usize, cnt: i32, t: f64): i32 {
  let lo: i32 = 0;
  let hi: i32 = cnt;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ld(res, ldi(sorted, mid)) >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Insertion sort of the bin ids tmp[0..k) into the sorted order (nearly sorted: O(k)). */
function settle(res: usize, tmp: usize, k: i32): void {
  for (let i = 1; i < k; i++) {
    const b = ldi(tmp, i);
    const r = ld(res, b);
    let j = i - 1;
    while (j >= 0 && before(r, b, ld(res, ldi(tmp, j)), ldi(tmp, j))) {
      sti(tmp, j + 1, ldi(tmp, j));
      j--;
    }
    sti(tmp, j + 1, b);
  }
}

/**
 * Add delta to the residuals of the k bins at the ascending positions pos[0..k) of
 * sorted[0..cnt) and restore the order with one merge over the window they move
 * through: O(k log k + window) instead of one shift per bin. delta < 0 moves them
 * right, delta > 0 left. tmp: i32[k] scratch.
 */
function moveBatch(res: usize, sorted: usize, cnt: i32, pos: usize, tmp: usize, k: i32, delta: f64): void {
  if (k <= 0) return;
  for (let j = 0; j < k; j++) {
    const b = ldi(sorted, ldi(pos, j));
    sti(tmp, j, b);
    st(res, b, ld(res, b) + delta);
  }
  settle(res, tmp, k);
  if (delta <= 0.0) {
    // window end: the first entry after the last chosen that the last new key precedes
    const b = ldi(tmp, k - 1);
    const r = ld(res, b);
    const qEnd = lowerPos(res, sorted, ldi(pos, k - 1) + 1, cnt, r, b);
    let wp = ldi(pos, 0);
    let rp = wp;
    let pj: i32 = 0;
    let cp: i32 = 0;
    while (cp < k) {
      while (pj < k && rp == ldi(pos, pj)) { rp++; pj++; }
      const c = ldi(tmp, cp);
      if (rp >= qEnd) { sti(sorted, wp++, c); cp++; continue; }
      const e = ldi(sorted, rp);
      if (before(ld(res, c), c, ld(res, e), e)) { sti(sorted, wp++, c); cp++; }
      else { sti(sorted, wp++, e); rp++; }
    }
  } else {
    // window start: the first entry before the first chosen that the first new key does not follow
    const b = ldi(tmp, 0);
    const qStart = lowerPos(res, sorted, 0, ldi(pos, 0), ld(res, b), b);
    let wp = ldi(pos, k - 1);
    let rp = wp;
    let pj: i32 = k - 1;
    let cp: i32 = k - 1;
    while (cp >= 0) {
      while (pj >= 0 && rp == ldi(pos, pj)) { rp--; pj--; }
      const c = ldi(tmp, cp);
      if (rp < qStart) { sti(sorted, wp--, c); cp--; continue; }
      const e = ldi(sorted, rp);
      if (before(ld(res, e), e, ld(res, c), c)) { sti(sorted, wp--, c); cp--; }
      else { sti(sorted, wp--, e); rp--; }
    }
  }
}

/** Positions in sorted[0..cnt) of the k bins ids[0..k) (keys unique), ascending, into pos. */
function positionsOf(res: usize, sorted: usize, cnt: i32, ids: usize, k: i32, pos: usize): void {
  for (let j = 0; j < k; j++) {
    const b = ldi(ids, j);
    sti(pos, j, lowerPos(res, sorted, 0, cnt, ld(res, b), b));
  }
  sortIds(pos, k, 0, false);
}

// Max segment tree over bin indices (First Fit): leaves at P + j.
@inline function segSet(seg: usize, P: i32, j: i32, v: f64): void {
  let x = P + j;
  st(seg, x, v);
  x >>= 1;
  while (x >= 1) {
    const a = ld(seg, 2 * x);
    const b = ld(seg, 2 * x + 1);
    st(seg, x, a > b ? a : b);
    x >>= 1;
  }
}

/** Lowest bin index >= from whose value is >= t, or -1. */
function segFirst(seg: usize, P: i32, from: i32, t: f64): i32 {
  if (from >= P) return -1;
  // walk up from the leaf, looking right
  let x = P + from;
  if (ld(seg, x) >= t) return from;
  while (true) {
    // move to the next subtree to the right
    while ((x & 1) == 1) {
      x >>= 1;
      if (x <= 1) return -1;
    }
    x += 1;
    if (ld(seg, x) >= t) break;
  }
  while (x < P) {
    x = ld(seg, 2 * x) >= t ? 2 * x : 2 * x + 1;
  }
  return x - P;
}

/**
 * Place the items (see the header). The arguments are a DeployPackArgs block
 * (assembly/abi.ts) at argsPtr: rule is DEPLOY_FIRST_FIT, DEPLOY_BEST_FIT or
 * DEPLOY_WORST_FIT; adapt 0 = all new bins open from the start, 1 = open them on demand.
 */
export function deployPack(argsPtr: usize): i32 {
  const a = changetype<DeployPackArgs>(argsPtr);
  const bad = checkPackArgs(a);
  if (bad != OK) return bad;
  const n = a.n, order = a.order, w = a.w, info = a.info;
  const B = a.m + a.nNew;
  let cnt = openBins(a); // open bins, sorted
  let opened: i32 = 0; // new bins opened so far (adapt)
  let parts: i32 = 0;
  for (let oi = 0; oi < n; oi++) {
    const it = ldi(order, oi);
    const wi = ld(w, it);
    // 1. fewest parts that fit the open bins; 3. failing that (adapt), open new bins
    let k = fewestPartsOpen(a, it, wi, cnt);
    let toOpen: i32 = 0;
    if (k < 0) {
      if (a.adapt == 0) return stopAt(info, it, parts, INFEASIBLE);
      k = adaptSplit(a, it, wi, cnt);
      if (k < 0) return stopAt(info, it, parts, INFEASIBLE);
      toOpen = k - countAtLeast(a.res, a.sorted, cnt, wi / <f64>k - a.eps);
      if (opened + toOpen > a.nNew) return stopAt(info, it, parts, INFEASIBLE);
    }
    if (parts + k > a.partsCap) return stopAt(info, it, parts, TOO_LARGE);
    const s = wi / <f64>k;
    // 2. the rule's open bins take a part each, then the new bins
    if (!takeOpenBins(a, cnt, parts, k, k - toOpen, s)) return BAD_LENGTH;
    if (toOpen > 0) {
      openNewBins(a, cnt, opened, parts + k - toOpen, toOpen, s);
      cnt += toOpen;
      opened += toOpen;
    }
    sti(a.outK, it, k);
    sti(a.outStart, it, parts);
    parts += k;
  }
  let used: i32 = opened;
  if (a.adapt == 0) {
    // new bins that received a part
    used = 0;
    for (let j = a.m; j < B; j++) if (ld(a.res, j) < a.cap) used++;
  }
  sti(info, 1, parts);
  sti(info, 2, used);
  sti(info, 3, cnt);
  return OK;
}

/** Check deployPack's arguments; OK, BAD_LENGTH or BAD_VALUE. Resets info. */
function checkPackArgs(a: DeployPackArgs): i32 {
  const n = a.n, m = a.m, rule = a.rule, cap = a.cap, eps = a.eps;
  if (n < 0 || m < 0 || a.nNew < 0 || a.partsCap < 0) return BAD_LENGTH;
  if (rule < 0 || rule > 2 || a.adapt < 0 || a.adapt > 1) return BAD_VALUE;
  if (!(cap >= 0.0 && cap < Infinity) || !(eps >= 0.0 && eps < Infinity)) return BAD_VALUE;
  if (rule == FIRST_FIT && a.segP < m + a.nNew) return BAD_LENGTH;
  sti(a.info, 0, -1);
  sti(a.info, 1, 0);
  sti(a.info, 2, 0);
  sti(a.info, 3, 0);
  for (let i = 0; i < n; i++) {
    const it = ldi(a.order, i);
    if (it < 0 || it >= n) return BAD_LENGTH;
    const wi = ld(a.w, it);
    if (!(wi > 0.0 && wi < Infinity)) return BAD_VALUE;
    if (ldi(a.kmin, it) < 1 || ldi(a.kmax, it) < ldi(a.kmin, it)) return BAD_VALUE;
  }
  for (let j = 0; j < m; j++) {
    const r = ld(a.res0, j);
    if (!(r >= -eps && r < Infinity)) return BAD_VALUE;
  }
  return OK;
}

/**
 * The residuals of all bins (res0, then cap for the new ones), the open ones (all with
 * adapt 0, the first m with adapt 1) sorted by (residual desc, index asc) in O(B log B),
 * and for First Fit the max segment tree over them. Returns the number of open bins.
 */
function openBins(a: DeployPackArgs): i32 {
  const m = a.m, B = m + a.nNew, res = a.res, sorted = a.sorted;
  for (let j = 0; j < m; j++) st(res, j, ld(a.res0, j));
  for (let j = m; j < B; j++) st(res, j, a.cap);
  const openNow = a.adapt == 1 ? m : B;
  for (let j = 0; j < openNow; j++) sti(sorted, j, j);
  sortIds(sorted, openNow, res, true);
  if (a.rule == FIRST_FIT) {
    const seg = a.seg, segP = a.segP;
    for (let x = 1; x < 2 * segP; x++) st(seg, x, -Infinity);
    for (let j = 0; j < openNow; j++) st(seg, segP + j, ld(res, j));
    for (let x = segP - 1; x >= 1; x--) {
      const l = ld(seg, 2 * x);
      const r = ld(seg, 2 * x + 1);
      st(seg, x, l > r ? l : r);
    }
  }
  return openNow;
}

/** Step 1: the fewest parts k in [kmin, min(kmax, cnt)] with r_(k) >= w/k - eps, or -1. */
function fewestPartsOpen(a: DeployPackArgs, it: i32, wi: f64, cnt: i32): i32 {
  const lo = ldi(a.kmin, it);
  const hi0 = ldi(a.kmax, it);
  const hi = hi0 < cnt ? hi0 : cnt;
  for (let kk = lo; kk <= hi; kk++) {
    if (ld(a.res, ldi(a.sorted, kk - 1)) >= wi / <f64>kk - a.eps) return kk;
  }
  return -1;
}

/**
 * Step 3 (adapt): among k in [kNew, min(kmax, kNew + ADAPT_SPAN)] the one opening the
 * fewest new bins (k - #open bins that fit w/k), then the fewest parts; -1 when kNew
 * cannot be used (0, out of range, or a part larger than a new bin).
 */
function adaptSplit(a: DeployPackArgs, it: i32, wi: f64, cnt: i32): i32 {
  const lo = ldi(a.kmin, it);
  const hi0 = ldi(a.kmax, it);
  const k0 = ldi(a.kNew, it);
  const eps = a.eps;
  if (k0 < lo || k0 > hi0 || wi / <f64>k0 > a.cap + eps) return -1;
  let bestK: i32 = k0;
  let bestOpen: i32 = k0 - countAtLeast(a.res, a.sorted, cnt, wi / <f64>k0 - eps);
  const last = hi0 - k0 > ADAPT_SPAN ? k0 + ADAPT_SPAN : hi0;
  for (let kk = k0 + 1; kk <= last && bestOpen > 0; kk++) {
    const o = kk - countAtLeast(a.res, a.sorted, cnt, wi / <f64>kk - eps);
    if (o < bestOpen) {
      bestOpen = o;
      bestK = kk;
    }
  }
  return bestK;
}

/**
 * Step 2: the item's useOld parts on open bins, written to outBins[base..]: every fitting
 * open bin when new bins are opened too (useOld < k), else the rule's k bins; those bins
 * lose s each and the sorted order is restored by one merge (positions: a prefix for Worst
 * Fit and the adapt step, a contiguous run for Best Fit, searched for First Fit). false
 * only if First Fit finds fewer bins than step 1 counted (cannot happen).
 */
function takeOpenBins(a: DeployPackArgs, cnt: i32, base: i32, k: i32, useOld: i32, s: f64): bool {
  const res = a.res, sorted = a.sorted, outBins = a.outBins, tpos = a.tpos, rule = a.rule;
  const t = s - a.eps;
  if (useOld < k || rule == WORST_FIT) {
    for (let q = 0; q < useOld; q++) {
      sti(outBins, base + q, ldi(sorted, q));
      sti(tpos, q, q);
    }
  } else if (rule == BEST_FIT) {
    const c = countAtLeast(res, sorted, cnt, t);
    for (let q = 0; q < k; q++) {
      sti(outBins, base + q, ldi(sorted, c - k + q));
      sti(tpos, q, c - k + q);
    }
  } else {
    let from: i32 = 0;
    for (let q = 0; q < k; q++) {
      const j = segFirst(a.seg, a.segP, from, t);
      if (j < 0) return false;
      sti(outBins, base + q, j);
      from = j + 1;
    }
    positionsOf(res, sorted, cnt, outBins + (<usize>base << 2), useOld, tpos);
  }
  moveBatch(res, sorted, cnt, tpos, a.tmp, useOld, -s);
  if (rule == FIRST_FIT) {
    for (let q = 0; q < useOld; q++) {
      const j = ldi(outBins, base + q);
      segSet(a.seg, a.segP, j, ld(res, j));
    }
  }
  return true;
}

/**
 * Open nb new bins (indices m + opened ..), each with one part of size s, written to
 * outBins[at..]: all have residual cap - s and the highest indices so far, so they enter
 * the sorted order as one block.
 */
function openNewBins(a: DeployPackArgs, cnt: i32, opened: i32, at: i32, nb: i32, s: f64): void {
  const res = a.res, sorted = a.sorted, r = a.cap - s;
  const first = a.m + opened;
  const p = lowerPos(res, sorted, 0, cnt, r, first);
  const from = sorted + (<usize>p << 2);
  memory.copy(from + (<usize>nb << 2), from, <usize>(cnt - p) << 2);
  for (let q = 0; q < nb; q++) {
    const j = first + q;
    st(res, j, r);
    sti(sorted, p + q, j);
    if (a.rule == FIRST_FIT) segSet(a.seg, a.segP, j, r);
    sti(a.outBins, at + q, j);
  }
}

/**
 * Part reduction after a packing (the machines stay the same): every item in the
 * host's order is taken off its machines and placed again, Worst Fit, with the fewest
 * parts (>= kmin) that fit the rooms left by the others; its old split always fits,
 * so no item gets more parts. Bins 0..m-1 are the machines the packing uses, with the
 * residuals res0 it left; outK/outStart/outBins hold the packing (bins as 0..m-1) and
 * are rewritten in place (an item's new parts go to the start of its old slot).
 * O(Σ_i (k_i log m + window)); scratch res f64[m], sorted i32[m], tmp i32[m], tpos i32[m].
 */
export function deployReduce(
  n: i32, order: usize, w: usize, kmin: usize, m: i32, res0: usize, eps: f64,
  res: usize, sorted: usize, tmp: usize, tpos: usize, outK: usize, outStart: usize, outBins: usize,
): i32 {
  if (n < 0 || m < 0) return BAD_LENGTH;
  if (!(eps >= 0.0 && eps < Infinity)) return BAD_VALUE;
  for (let j = 0; j < m; j++) {
    const r = ld(res0, j);
    if (!(r > -Infinity && r < Infinity)) return BAD_VALUE;
    st(res, j, r);
    sti(sorted, j, j);
  }
  sortIds(sorted, m, res, true);
  for (let oi = 0; oi < n; oi++) {
    const it = ldi(order, oi);
    if (it < 0 || it >= n) return BAD_LENGTH;
    const k0 = ldi(outK, it);
    const lo = ldi(kmin, it);
    if (k0 <= lo || k0 > m) continue;
    const wi = ld(w, it);
    const base = ldi(outStart, it);
    const s0 = wi / <f64>k0;
    for (let q = 0; q < k0; q++) {
      const b = ldi(outBins, base + q);
      if (b < 0 || b >= m) return BAD_LENGTH;
    }
    positionsOf(res, sorted, m, outBins + (<usize>base << 2), k0, tpos);
    moveBatch(res, sorted, m, tpos, tmp, k0, s0);
    let k: i32 = k0;
    for (let kk = lo < 1 ? 1 : lo; kk < k0; kk++) {
      if (ld(res, ldi(sorted, kk - 1)) >= wi / <f64>kk - eps) {
        k = kk;
        break;
      }
    }
    if (k == k0) {
      // keep the old machines (they fit: their rooms were >= s0 before the release)
      positionsOf(res, sorted, m, outBins + (<usize>base << 2), k0, tpos);
      moveBatch(res, sorted, m, tpos, tmp, k0, -s0);
      continue;
    }
    const s = wi / <f64>k;
    for (let q = 0; q < k; q++) {
      sti(outBins, base + q, ldi(sorted, q));
      sti(tpos, q, q);
    }
    moveBatch(res, sorted, m, tpos, tmp, k, -s);
    sti(outK, it, k);
  }
  return OK;
}
