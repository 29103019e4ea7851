// Lower bounds for equally-split bin packing (ALGORITHMS.md §3).
//
// New machines. Let a_i = w_i / minP_i (the largest part item i may have) and
// s_i = w_i / maxP_i (its smallest part). A machine of free capacity c holds at most
// one part of each item, so it can absorb at most min(c, Σ_{i∈A, s_i <= c} a_i) of
// the volume of any set A of items. Every item of A must be absorbed entirely:
//     Σ_{i∈A} w_i  <=  Σ_j min(c_j, S_A(c_j))  +  N · min(C, S_A(C)),
// with S_A(c) = Σ_{i∈A, s_i <= c} a_i, which gives N >= ceil((W_A - P_A) / g_A) (a cut
// of the item → machine flow network). A = all items gives the volume bound
// ceil((Σ w - Σ c_j) / C) strengthened by the "one part per machine" caps; smaller sets
// A (the t largest items, t = 1, 2, 3, …, 16, 32, 64, …) catch a few large items that
// cannot spread over the small holes of the partly used machines.
// Per item: a split into k parts needs k distinct machines, those of the partly used
// ones that still hold a part of size w/k, and new ones for the rest; so
//     N >= min over allowed k of (k - #{j : c_j >= w_i / k})   (when w_i / k <= C).
// The bound is the largest of these. O((n + m) log(n + m)) per set A, ~40 sets.
//
// Parts. Item i needs at least the fewest allowed k that fits somewhere: w_i / k <= C,
// or k partly used machines with c_j >= w_i / k. Σ of these is the parts bound; an item
// with no such k makes the instance infeasible (`infeasibleItem`).
import { type Model, countAtLeast, sortedFreeDesc } from './model.js';

export interface LowerBound {
  /** new machines */
  newBins: number;
  /** Σ over items of the fewest parts that fit somewhere */
  parts: number;
  /** per item, the fewest parts that fit somewhere (0 when none fits) */
  minParts: Int32Array;
  /** the first item with no split that fits anywhere, or -1 */
  infeasibleItem: number;
}

/** Per item: the fewest allowed parts that fit, and the fewest new machines its split needs. */
function perItem(model: Model, desc: Float64Array, i: number): { k: number; needNew: number } {
  const { w, minP, maxP, kNew, eps, m } = model;
  const wi = w[i]!;
  const lo = minP[i]!;
  const hi = maxP[i]!;
  const kn = kNew[i]!; // 0: no allowed k fits a new machine
  let fewest = 0;
  let needNew = Infinity;
  // splits that fit no new machine (k < kn, or any k when kn = 0) need k partly used
  // machines, so only k <= m can work
  const partlyOnly = Math.min(hi, m, kn ? kn - 1 : Infinity);
  for (let k = lo; k <= partlyOnly; k++) {
    if (countAtLeast(desc, wi / k - eps) >= k) {
      fewest = k;
      needNew = 0;
      break;
    }
  }
  if (!fewest && kn) {
    // k >= kn: the machines the partly used ones cannot give are new; k beyond kn + m
    // cannot lower k - #fitting below what k = kn gives
    fewest = kn;
    const last = Math.min(hi, kn + m);
    for (let k = kn; k <= last; k++) {
      if (k - m >= needNew) break; // k - #fitting >= k - m
      needNew = Math.min(needNew, k - Math.min(k, countAtLeast(desc, wi / k - eps)));
      if (needNew === 0) break;
    }
  }
  return { k: fewest, needNew: fewest ? needNew : Infinity };
}

export function lowerBound(model: Model): LowerBound {
  const { n, m, C, eps, w, minP, maxP } = model;
  const desc = sortedFreeDesc(model);
  const minParts = new Int32Array(n);
  let parts = 0;
  let best = 0;
  let infeasibleItem = -1;
  for (let i = 0; i < n; i++) {
    const r = perItem(model, desc, i);
    minParts[i] = r.k;
    parts += r.k;
    if (!r.k) {
      if (infeasibleItem < 0) infeasibleItem = i;
      continue;
    }
    if (r.needNew > best) best = r.needNew;
  }
  if (infeasibleItem >= 0) return { newBins: 0, parts, minParts, infeasibleItem };

  // cut bounds over nested sets A: the t largest items
  const a = new Float64Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = w[i]! / minP[i]!;
    s[i] = w[i]! / maxP[i]!;
  }
  const bySize = Array.from({ length: n }, (_, i) => i).sort((x, y) => w[y]! - w[x]! || x - y);
  const bySmallest = Array.from({ length: n }, (_, i) => i).sort((x, y) => s[x]! - s[y]! || x - y);
  const asc = Float64Array.from(desc).reverse();
  const member = new Uint8Array(n);
  const sizes: number[] = [];
  for (let t = 1; t <= Math.min(n, 16); t++) sizes.push(t);
  for (let t = 32; t < n; t *= 2) sizes.push(t);
  if (n > 16) sizes.push(n);
  let prev = 0;
  for (const t of sizes) {
    let WA = 0;
    for (let q = prev; q < t; q++) member[bySize[q]!] = 1;
    prev = t;
    for (let q = 0; q < t; q++) WA += w[bySize[q]!]!;
    // P_A: machines in increasing free capacity, items entering as s_i <= c_j
    let PA = 0;
    let SA = 0;
    let p = 0;
    for (let j = 0; j < m; j++) {
      const c = asc[j]!;
      while (p < n && s[bySmallest[p]!]! <= c + eps) {
        if (member[bySmallest[p]!]) SA += a[bySmallest[p]!]!;
        p++;
      }
      PA += Math.min(c, SA);
    }
    let SC = 0;
    for (let q = 0; q < t; q++) {
      const i = bySize[q]!;
      if (s[i]! <= C + eps) SC += a[i]!;
    }
    const g = Math.min(C, SC);
    const rest = WA - PA;
    if (rest > eps * Math.max(1, t) && g > 0) {
      const N = Math.ceil(rest / g - 1e-9);
      if (N > best) best = N;
    }
  }
  return { newBins: best, parts, minParts, infeasibleItem };
}
