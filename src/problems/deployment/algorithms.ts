// The deployment algorithms (docs/deployment.md). The placement
// loops run in WebAssembly (assembly/deployment.ts); the searches over the number of
// new machines and Merge-and-Split's choice of the split are here.
//
// Guess-and-Pack (GP): guess N new machines, all open from the start; place the items
// in decreasing size, each cut into the fewest parts that fit the open machines
// (First, Best or Worst Fit chooses which machines); N is searched from the lower
// bound upwards (exponential steps, then bisection): the smallest N that packs wins,
// and the machines of it that stay empty are dropped. A guess is tried with part-size
// targets (GP_TARGETS × C: at least ceil(w/target) parts, items in decreasing part size)
// and succeeds when one of them packs everything.
// After GP and PA, a part reduction pass (kernel deployReduce) re-places every item,
// Worst Fit, with the fewest parts that fit the rooms the others leave, on the machines
// already used: never more parts, never another machine.
// Pack-and-Adapt (PA): one pass in decreasing size; an item takes the fewest parts
// that fit the machines already open (adapting its split to the holes left: more,
// smaller parts, when that avoids a new machine), and only when no split fits opens
// new machines, choosing the split (from the fewest parts that fit a new machine, up
// to 64 more) that opens the fewest.
// Merge-and-Split (MS): all items merged into one of size W = Σ w_i; the split of W
// into k equal parts on k distinct machines that needs the fewest new machines (a part
// W/k fits the partly used machines with c_j >= W/k and the new ones), then every
// item is cut into the same k parts, one on each of the k machines (machine load
// Σ_i w_i / k = W / k). Asymptotic ratio e/(e-1) (docs/deployment.md); many parts. Items
// whose [minParts, maxParts] excludes k are placed afterwards by PA with Worst Fit.
// SpreadWFD (Mommessin et al., JPDC 177, 2023; docs/deployment.md): part counts given;
// applications in decreasing size, the replicas of one application one per machine,
// machines scanned in decreasing free capacity, re-sorted after each application
// (= Worst Fit with a fixed k); the smallest number K of new machines for which this
// succeeds is bisected between the lower bound and a First Fit upper bound.
import type { Kernels } from '../../wasm/loader.js';
import { type Model, countAtLeast, sortedFreeDesc, UNBOUNDED_PARTS } from './model.js';
import type { LowerBound } from './lower-bound.js';
import { pack, reduceParts, tooManyMachines, tooManyParts, DEPLOYMENT_MAX_MACHINES, DEPLOYMENT_MAX_OUTPUT_PARTS, type Placement, type Rule } from './pack.js';

export type AlgoResult = { ok: true; placement: Placement } | { ok: false; item: number };

// decreasingOrder's comparator and its state at module level: one function, compiled once
// per isolate, instead of a comparator and a sizeOf closure made per call (docs/batch.md, "Fourth pass")
const NO_KEYS = new Float64Array(0);
let ordKNew: ArrayLike<number> = NO_KEYS;
let ordKey: Float64Array = NO_KEYS;
function byDecreasing(a: number, b: number): number {
  return (ordKNew[a]! === 0 ? 0 : 1) - (ordKNew[b]! === 0 ? 0 : 1) || ordKey[b]! - ordKey[a]! || a - b;
}

/** Items in decreasing size (ties: index); items that cannot use a new machine first. With kmin: by w[i] / kmin[i]. */
function decreasingOrder(model: Model, kmin?: ArrayLike<number>): Int32Array {
  const n = model.n;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = kmin ? model.w[i]! / kmin[i]! : model.w[i]!;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) idx.push(i);
  ordKNew = model.kNew;
  ordKey = key;
  try { idx.sort(byDecreasing); } finally { ordKNew = NO_KEYS; ordKey = NO_KEYS; }
  return Int32Array.from(idx);
}

/** New machines that always suffice for a fixed-N packing (each item can take fresh ones). */
function safeNewBins(kNew: Int32Array): number {
  let s = 0;
  for (let i = 0; i < kNew.length; i++) s += kNew[i]!;
  return Math.max(s, 1);
}

/**
 * Smallest N in [lo, hi] for which tryN succeeds (tryN(hi) is expected to succeed):
 * exponential steps up from lo, then bisection. Returns the best result seen.
 */
function searchN(lo: number, hi: number, tryN: (N: number) => AlgoResult): AlgoResult {
  let r = tryN(lo);
  if (r.ok) return r;
  let failed = lo;
  let step = 1;
  let found: AlgoResult | undefined;
  let foundN = hi;
  while (!found) {
    const N = Math.min(lo + step, hi);
    const t = tryN(N);
    if (t.ok) {
      found = t;
      foundN = N;
    } else {
      failed = N;
      r = t;
      if (N >= hi) return t;
    }
    step *= 2;
  }
  while (foundN - failed > 1) {
    const mid = Math.floor((failed + foundN) / 2);
    const t = tryN(mid);
    if (t.ok) {
      found = t;
      foundN = mid;
    } else failed = mid;
  }
  return found;
}

/** Part-size targets tried for each guess, as fractions of the new machine's capacity. */
export const GP_TARGETS = [1, 0.75, 0.6, 0.5, 0.4, 0.3, 0.2];

/** kmin with parts of at most `target` (clipped to the allowed range). */
function kminForTarget(model: Model, target: number): Int32Array {
  const out = new Int32Array(model.n);
  for (let i = 0; i < model.n; i++) {
    const k = Math.max(model.minP[i]!, Math.ceil(model.w[i]! / target - 1e-9));
    out[i] = Math.min(k, model.maxP[i]!);
  }
  return out;
}

export function guessAndPack(k: Kernels, model: Model, lb: LowerBound, rule: Rule, targets: readonly number[] = GP_TARGETS): AlgoResult {
  const variants = targets.map((f) => {
    const kmin = kminForTarget(model, f * model.C);
    // largest parts first (as First Fit Decreasing does with items)
    const order = decreasingOrder(model, kmin);
    return { kmin, order };
  });
  const tryN = (N: number): AlgoResult => {
    let first: AlgoResult | undefined;
    for (const { kmin, order } of variants) {
      const r = pack(k, { order, w: model.w, kmin, kmax: model.maxP, kNew: model.kNew, res0: model.free, nNew: N, cap: model.C, rule, adapt: false, eps: model.eps });
      if (r.ok) return r;
      first ??= r;
    }
    return first!;
  };
  const hi = Math.max(lb.newBins, safeNewBins(model.kNew));
  return reduced(k, model, searchN(lb.newBins, hi, tryN));
}

/** The result with fewer parts on the same machines (reduceParts), items in decreasing size. */
function reduced(k: Kernels, model: Model, r: AlgoResult): AlgoResult {
  if (!r.ok) return r;
  const order = decreasingOrder(model);
  return { ok: true, placement: reduceParts(k, r.placement, order, model.w, model.minP, model.free, model.C, model.eps) };
}

export function packAndAdapt(k: Kernels, model: Model, rule: Rule, opts: { reduce?: boolean } = {}): AlgoResult {
  const order = decreasingOrder(model);
  const r = pack(k, { order, w: model.w, kmin: model.minP, kmax: model.maxP, kNew: model.kNew, res0: model.free, nNew: safeNewBins(model.kNew), cap: model.C, rule, adapt: true, eps: model.eps });
  return opts.reduce === false ? r : reduced(k, model, r);
}

/** Merge-and-Split's split: the k (within [lo, hi]) needing the fewest new machines, then the fewest parts. */
export function mergeSplitK(model: Model, W: number, lo: number, hi: number): { k: number; fromFree: number; newBins: number } | undefined {
  const desc = sortedFreeDesc(model);
  const { C, eps, m } = model;
  let best: { k: number; fromFree: number; newBins: number } | undefined;
  const last = Math.min(hi, lo + m + Math.ceil(W / C) + 1);
  if (last - lo > DEPLOYMENT_MAX_MACHINES) throw tooManyMachines(last);
  for (let k = lo; k <= last; k++) {
    const s = W / k;
    const fromFree = Math.min(k, countAtLeast(desc, s - eps));
    if (fromFree < k && s > C + eps) continue;
    const newBins = k - fromFree;
    if (!best || newBins < best.newBins) best = { k, fromFree, newBins };
    if (newBins === 0) break;
  }
  return best;
}

export function mergeAndSplit(k: Kernels, model: Model): AlgoResult {
  const { n, m, w, minP, maxP } = model;
  if (n === 0) return { ok: true, placement: { k: new Int32Array(0), start: new Int32Array(0), bins: new Int32Array(0), parts: 0, newBins: 0 } };
  let W = 0;
  let lo = 1;
  let hi = 1;
  for (let i = 0; i < n; i++) {
    W += w[i]!;
    lo = Math.max(lo, minP[i]!);
    hi = Math.max(hi, maxP[i]!);
  }
  let choice = mergeSplitK(model, W, lo, hi);
  // items whose range misses k: leftover for PA (when none fits, everything is leftover)
  const inGroup = new Uint8Array(n);
  let group = 0;
  let Wg = 0;
  if (choice) {
    for (let i = 0; i < n; i++) {
      if (minP[i]! <= choice.k && choice.k <= maxP[i]!) {
        inGroup[i] = 1;
        group++;
        Wg += w[i]!;
      }
    }
    if (group < n) {
      // re-choose k for the group's merged size, within the range every member allows
      let glo = 1;
      let ghi = UNBOUNDED_PARTS;
      for (let i = 0; i < n; i++) if (inGroup[i]) { glo = Math.max(glo, minP[i]!); ghi = Math.min(ghi, maxP[i]!); }
      choice = mergeSplitK(model, Wg, glo, ghi) ?? choice;
    }
  }
  const K = choice?.k ?? 0;
  // every service of the group is cut into K parts: refuse an output over the limit before building it
  if (group * K > DEPLOYMENT_MAX_OUTPUT_PARTS) throw tooManyParts('merge-and-split', group * K);
  const machines = new Int32Array(K);
  const res = new Float64Array(m + (choice?.newBins ?? 0));
  res.set(model.free);
  for (let t = m; t < res.length; t++) res[t] = model.C;
  if (choice) {
    const byFree = Array.from({ length: m }, (_, j) => j).sort((a, b) => model.free[b]! - model.free[a]! || a - b);
    for (let t = 0; t < choice.fromFree; t++) machines[t] = byFree[t]!;
    for (let t = choice.fromFree; t < K; t++) machines[t] = m + (t - choice.fromFree);
    const load = Wg / K;
    for (let t = 0; t < K; t++) res[machines[t]!] = res[machines[t]!]! - load;
  }
  const kArr = new Int32Array(n);
  const start = new Int32Array(n);
  const groupParts = group * K;
  const leftover: number[] = [];
  for (let i = 0; i < n; i++) if (!inGroup[i]) leftover.push(i);
  let extra: Placement | undefined;
  if (leftover.length) {
    const sub: Model = {
      ...model,
      n: leftover.length,
      m: res.length,
      w: Float64Array.from(leftover, (i) => w[i]!),
      minP: Int32Array.from(leftover, (i) => minP[i]!),
      maxP: Int32Array.from(leftover, (i) => maxP[i]!),
      given: Int32Array.from(leftover, (i) => model.given[i]!),
      kNew: Int32Array.from(leftover, (i) => model.kNew[i]!),
      free: Float64Array.from(res, (r) => Math.max(0, r)),
    };
    const r = packAndAdapt(k, sub, 'worst-fit', { reduce: false });
    if (!r.ok) return { ok: false, item: leftover[r.item]! };
    extra = r.placement;
  }
  const parts = groupParts + (extra?.parts ?? 0);
  const bins = new Int32Array(parts);
  let at = 0;
  for (let i = 0; i < n; i++) {
    if (!inGroup[i]) continue;
    kArr[i] = K;
    start[i] = at;
    bins.set(machines, at);
    at += K;
  }
  if (extra) {
    // the sub-problem numbered the M&S new machines as "partly used" m..res.length-1
    // and its own new machines from res.length: both map to new machines in order
    leftover.forEach((i, q) => {
      kArr[i] = extra!.k[q]!;
      start[i] = at;
      for (let t = 0; t < kArr[i]!; t++) bins[at + t] = extra!.bins[extra!.start[q]! + t]!;
      at += kArr[i]!;
    });
  }
  return { ok: true, placement: { k: kArr, start, bins, parts, newBins: countNew(bins, m) } };
}

/** Distinct new machines (indices >= m) in a list of bins. */
export function countNew(bins: Int32Array, m: number): number {
  const seen = new Set<number>();
  for (let q = 0; q < bins.length; q++) if (bins[q]! >= m) seen.add(bins[q]!);
  return seen.size;
}

/** SpreadWFD with the part count of item i given by parts[i]. */
export function spreadWfd(k: Kernels, model: Model, lb: LowerBound, parts: Int32Array): AlgoResult {
  const { n, C, eps } = model;
  const kNew = new Int32Array(n);
  for (let i = 0; i < n; i++) kNew[i] = model.w[i]! / parts[i]! <= C + eps ? parts[i]! : 0;
  const fixed: Model = { ...model, kNew };
  const order = decreasingOrder(fixed);
  const ff = pack(k, { order, w: model.w, kmin: parts, kmax: parts, kNew, res0: model.free, nNew: safeNewBins(kNew), cap: C, rule: 'first-fit', adapt: true, eps });
  if (!ff.ok) return ff;
  const ub = ff.placement.newBins;
  let best: AlgoResult = ff;
  let lo = lb.newBins;
  let hi = ub; // packs (by First Fit)
  // bisection for the smallest K in [lo, hi) where the Worst Fit pass succeeds
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const r = pack(k, { order, w: model.w, kmin: parts, kmax: parts, kNew, res0: model.free, nNew: mid, cap: C, rule: 'worst-fit', adapt: false, eps });
    if (r.ok) {
      best = r;
      hi = mid;
    } else lo = mid + 1;
  }
  return best;
}
