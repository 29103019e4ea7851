// Lower bounds for equally-split bin packing (docs/deployment.md).
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
// Small instances (<= 30 items) then get the load-set refinement (refineSmall below):
// with N new machines every item has at most m + N parts, which caps each machine's
// load at the largest sum of allowed part sizes that fits it.
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
      PA += Math.min(c + eps, SA); // a machine holds up to its room + eps (see maxLoad)
    }
    let SC = 0;
    for (let q = 0; q < t; q++) {
      const i = bySize[q]!;
      if (s[i]! <= C + eps) SC += a[i]!;
    }
    const g = Math.min(C + eps, SC);
    const rest = WA - PA;
    if (rest > eps * Math.max(1, t) && g > 0) {
      const N = Math.ceil(rest / g - 1e-9);
      if (N > best) best = N;
    }
  }
  best = refineSmall(model, desc, best);
  return { newBins: best, parts, minParts, infeasibleItem };
}

/** Instances up to this many items get the load-set refinement (refineSmall). */
const REFINE_MAX_ITEMS = 30;
/** Search nodes of all maxLoad calls of one bound; past them maxLoad returns the capacity. */
const REFINE_BUDGET = 50000;

/**
 * Largest load <= cap that one part per item can make, parts w_i/k with
 * minP_i <= k <= kHi_i (branch and bound over the items); `cap` when the search runs
 * out of its budget (still an upper bound).
 */
function maxLoad(w: Float64Array, minP: Int32Array, kHi: Int32Array, order: number[], cap: number, eps: number, budget: { nodes: number }): number {
  const n = order.length;
  if (budget.nodes <= 0) return cap;
  // largest part of each item that fits cap, and suffix sums of them (the bound)
  const top = order.map((i) => {
    const k = Math.max(minP[i]!, Math.ceil(w[i]! / (cap + eps) - 1e-12));
    return k <= kHi[i]! ? w[i]! / k : 0;
  });
  const suffix = new Float64Array(n + 1);
  for (let q = n - 1; q >= 0; q--) suffix[q] = suffix[q + 1]! + top[q]!;
  let best = 0;
  let exhausted = false;
  const dfs = (q: number, load: number): void => {
    if (load > best) best = load;
    if (q === n || best >= cap - eps || exhausted) return;
    if (--budget.nodes < 0) {
      exhausted = true;
      return;
    }
    if (Math.min(cap, load + suffix[q]!) <= best) return;
    const i = order[q]!;
    const room = cap + eps - load;
    for (let k = Math.max(minP[i]!, Math.ceil(w[i]! / room - 1e-12)); k <= kHi[i]!; k++) {
      if (best >= cap - eps) return; // nothing fills it more
      if (--budget.nodes < 0) {
        exhausted = true;
        return;
      }
      const part = w[i]! / k;
      if (part > room) continue;
      if (load + part + suffix[q + 1]! <= best) break; // smaller parts only make it worse
      dfs(q + 1, load + part);
      if (exhausted) return;
    }
    dfs(q + 1, load);
  };
  dfs(0, 0);
  // A machine holds up to cap + eps (a part fits when it exceeds the room by at most eps,
  // docs/deployment.md); filled to within eps (the search stops there) it counts as full.
  // Returning `best` <= cap instead under-counted a machine smaller than eps (a room of 0.2
  // beside capacities of 1e12: the search stopped at once, with 0), and the bound claimed
  // more new machines than the packing, which uses the tolerance, needed.
  return exhausted || best >= cap - eps ? cap + eps : Math.min(cap + eps, best);
}

/**
 * For small instances: with N new machines an item has at most m + N parts, so each
 * machine can only be filled to the largest load its part sizes can make (maxLoad);
 * while Σ_j maxLoad(c_j) + N · maxLoad(C) < Σ w, N new machines cannot suffice
 * (and fewer cannot either: fewer machines, fewer part sizes), so N + 1 is a bound.
 */
function refineSmall(model: Model, desc: Float64Array, start: number): number {
  const { n, m, C, eps, w, minP, maxP } = model;
  if (n === 0 || n > REFINE_MAX_ITEMS) return start;
  let W = 0;
  for (let i = 0; i < n; i++) W += w[i]!;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => w[b]! - w[a]! || a - b);
  let N = start;
  const budget = { nodes: REFINE_BUDGET };
  for (let step = 0; step < 16; step++) {
    const kHi = new Int32Array(n);
    let splittable = true;
    for (let i = 0; i < n; i++) {
      kHi[i] = Math.min(maxP[i]!, m + N);
      if (kHi[i]! < minP[i]!) splittable = false;
    }
    if (splittable) {
      let total = N * maxLoad(w, minP, kHi, order, C, eps, budget);
      const seen = new Map<number, number>();
      for (let j = 0; j < m; j++) {
        const c = desc[j]!;
        let v = seen.get(c);
        if (v === undefined) seen.set(c, (v = maxLoad(w, minP, kHi, order, c, eps, budget)));
        total += v;
      }
      if (total >= W - 1e-9 * Math.max(1, W)) return N;
    }
    N++;
  }
  return start; // no conclusion within the steps: keep the bound proved so far
}
