// The numeric form of a deployment instance shared by the algorithms of this folder.
import type { DeploymentInstance } from './schema.js';

export const UNBOUNDED_PARTS = 2147483647;

export interface Model {
  /** services */
  n: number;
  /** partly used machines */
  m: number;
  /** capacity of a new machine */
  C: number;
  /** absolute tolerance of "a part fits": 1e-9 × the largest capacity */
  eps: number;
  w: Float64Array;
  minP: Int32Array;
  maxP: Int32Array;
  /** given part counts (spread-wfd), 0 when absent */
  given: Int32Array;
  free: Float64Array;
  /** fewest allowed parts that fit a new machine, 0 when no allowed count fits one */
  kNew: Int32Array;
}

/** Fewest parts k >= lo with w / k <= cap + eps (w, cap > 0). */
export function fewestParts(w: number, cap: number, eps: number, lo: number): number {
  let k = Math.max(lo, Math.ceil(w / (cap + eps)));
  if (k > UNBOUNDED_PARTS) return k; // more parts than any count allows
  while (k > lo && w / (k - 1) <= cap + eps) k--;
  while (w / k > cap + eps) k++;
  return k;
}

export function toModel(inst: DeploymentInstance): Model {
  const items = inst.items;
  const bins = inst.bins ?? [];
  const n = items.length;
  const m = bins.length;
  const C = inst.binCapacity;
  let big = C;
  for (const b of bins) big = Math.max(big, b.free);
  const eps = 1e-9 * Math.max(1, big);
  const w = new Float64Array(n);
  const minP = new Int32Array(n);
  const maxP = new Int32Array(n);
  const given = new Int32Array(n);
  const kNew = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    w[i] = it.size;
    minP[i] = it.minParts ?? 2;
    maxP[i] = it.maxParts ?? UNBOUNDED_PARTS;
    given[i] = it.parts ?? 0;
    const k = fewestParts(it.size, C, eps, minP[i]!);
    kNew[i] = k <= maxP[i]! ? k : 0;
  }
  const free = new Float64Array(m);
  for (let j = 0; j < m; j++) free[j] = bins[j]!.free;
  return { n, m, C, eps, w, minP, maxP, given, free, kNew };
}

/** Free capacities sorted in decreasing order. */
export function sortedFreeDesc(model: Model): Float64Array {
  return Float64Array.from(model.free).sort().reverse();
}

/** Number of entries of a decreasing array that are >= t. */
export function countAtLeast(desc: Float64Array, t: number): number {
  let lo = 0;
  let hi = desc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (desc[mid]! >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
