// Knapsack, step 2: the plans. The plain DP over the capacity (dp-deque, dp-concave)
// and the proximity method (greedy, then removal and addition windows narrowed by
// reduced costs), each with its estimated work and memory; choose() takes the
// cheapest that fits the budget (see solve.ts for why both are exact).
import { ValidationError } from '../../core/errors.js';
import { KNAPSACK_AT_MOST, KNAPSACK_EXACT } from '../../wasm/abi.js';
import type { KnapsackAlgorithm } from './schema.js';
import type { Solve } from './prepare.js';
import { makeJob, SCRATCH_BYTES, type DpJob, type Grouping } from './jobs.js';

/** Relative slack on the reduced-cost bound (floating-point safety: only widens the core). */
export const BOUND_SLACK = 1e-9;
/** Reconstruction without tables costs about this many DP passes (divide and conquer over items). */
const LIGHT_WORK = 3;
/** A window bound rounded up (floating-point safety: only widens). */
const margin = (x: number): number => Math.floor(x * (1 + BOUND_SLACK)) + 1;

export interface DpPlan { algorithm: 'dp-deque' | 'dp-concave'; work: number; bytes: number; light: boolean; job: DpJob }

export function planDp(sv: Solve, grouping: Grouping): DpPlan {
  const p = sv.p;
  const all = p.size.map((_, j) => j);
  const job = makeJob(p, all, p.copies, 1, p.C, KNAPSACK_AT_MOST, grouping);
  const plan: DpPlan = { algorithm: job.groups.length > 0 ? 'dp-concave' : 'dp-deque', work: job.work, bytes: job.bytes + SCRATCH_BYTES(p.C), light: false, job };
  return lighten(sv, plan, job.lightBytes + SCRATCH_BYTES(p.C));
}


export interface ProximityPlan {
  algorithm: 'proximity';
  work: number;
  bytes: number;
  light: boolean;
  g: number[]; // greedy counts per prepared item
  free: number; // C − size(g)
  allFit: boolean;
  remove: DpJob; // copies removed from g (exact size, values negated)
  add: DpJob; // copies added to g (exact size)
  /** LP bound (no solution is worth more) and the incumbent the core was cut with. */
  U: number;
  z: number;
}

/**
 * The proximity plan. `cap` narrows the window below s_max² (then the result is only a
 * good feasible solution: the first, cheap pass); `incumbent` is a known solution
 * value (>= the greedy completion) that tightens the reduced-cost core.
 */
// planProximity's comparator and its state at module level: one function, compiled once per
// isolate, not a closure per call (docs/batch.md, "Fourth pass")
const NO_F64 = new Float64Array(0);
let byDensityD: Float64Array = NO_F64;
let byDensityS: ArrayLike<number> = NO_F64;
function byDensity(a: number, b: number): number {
  return byDensityD[b]! - byDensityD[a]! || byDensityS[a]! - byDensityS[b]! || a - b;
}

export function planProximity(sv: Solve, cap = Infinity, incumbent = -Infinity, grouping: Grouping = 'auto'): ProximityPlan {
  const p = sv.p;
  const n = p.size.length;
  const order = Array.from({ length: n }, (_, j) => j);
  // a Float64Array whatever the values (integral or not): the comparator below sees one map (docs/batch.md, "Fourth pass")
  const density = new Float64Array(n);
  for (let j = 0; j < n; j++) density[j] = p.value[j]! / p.size[j]!;
  byDensityD = density;
  byDensityS = p.size;
  try { order.sort(byDensity); } finally { byDensityD = NO_F64; byDensityS = NO_F64; }
  const g = new Array<number>(n).fill(0);
  let free = p.C;
  let vG = 0;
  let breakPos = -1;
  for (let q = 0; q < n; q++) {
    const j = order[q]!;
    const take = Math.min(p.copies[j]!, Math.floor(free / p.size[j]!));
    g[j] = take;
    free -= take * p.size[j]!;
    vG += take * p.value[j]!;
    if (take < p.copies[j]!) { breakPos = q; break; }
  }
  const empty = makeJob(p, [], [], 1, 0, KNAPSACK_EXACT, 'none');
  if (breakPos < 0) return { algorithm: 'proximity', work: n, bytes: 0, light: false, g, free, allFit: true, remove: empty, add: empty, U: vG, z: vG };

  // greedy completion: the incumbent z
  let z = vG;
  let zFree = free;
  for (let q = breakPos + 1; q < n; q++) {
    const j = order[q]!;
    const take = Math.min(p.copies[j]!, Math.floor(zFree / p.size[j]!));
    zFree -= take * p.size[j]!;
    z += take * p.value[j]!;
  }
  z = Math.max(z, incumbent);
  const lambda = density[order[breakPos]!]!;
  const U = vG + lambda * free;
  const slack = Math.max(0, U - z) * (1 + BOUND_SLACK) + BOUND_SLACK * Math.max(1, Math.abs(U));
  let sMax = 0;
  for (const s of p.size) if (s > sMax) sMax = s;
  const window = Math.min(cap, sMax * sMax); // proximity: each side moves < s_max² of size

  // Windows. With rc the reduced costs of the moves and free(x) = C − size(x), every x
  // has value(x) = U − Σ rc − λ·free(x), and an optimum is worth >= z, so
  //   cost_R(S_R) + cost_A(S_A) + λ·(free + S_R − S_A) <= U − z   (S_A <= S_R + free).
  // For a removal of size S_R the cheapest completion adds S_A = min(S_R + free, all
  // addable size) (adding costs at most λ per unit of size, the unused room costs λ),
  // so that bound grows with S_R. For an addition of size S_A the cheapest removal is
  // max(0, S_A − free): the bound falls while S_A < free and grows beyond. The largest
  // feasible size (binary search over the growing part) bounds each window, sharper
  // than either side's own slack. (Should the bound exceed the slack where it is
  // least, which the incumbent rules out but rounding might not, nothing is cut.)
  const w: Windows = { p, order, g, lambda, slack, window, free, r: EMPTY_SIDE, a: EMPTY_SIDE };
  const r = (w.r = side(w, 0, breakPos + 1, false));
  const a = (w.a = side(w, breakPos, n, true));
  const jointR = largest(w, 0, Math.min(window, r.total), false);
  const rWindow = Math.min(window, r.total, margin(jointR));
  const jointA = largest(w, free, Math.min(window, a.total), true);
  const remove = makeJob(p, r.items, r.units, -1, rWindow, KNAPSACK_EXACT, grouping, true);
  const add = makeJob(p, a.items, a.units, 1, Math.min(window, a.total, free + rWindow, margin(jointA)), KNAPSACK_EXACT, grouping, true);
  const scratch = SCRATCH_BYTES(Math.max(remove.window, add.window)) + n * 40;
  const plan: ProximityPlan = { algorithm: 'proximity', work: remove.work + add.work + n * Math.log2(n + 1), bytes: remove.bytes + add.bytes + scratch, light: false, g, free, allFit: false, remove, add, U, z };
  return lighten(sv, plan, remove.lightBytes + add.lightBytes + scratch + (remove.window + 1) * 8);
}

/** One side of the proximity windows: the moves (items, copies, reduced costs) and the fractional cheapest cost of moving size S. */
interface Side { items: number[]; units: number[]; total: number; capOf: number[]; slopeOf: number[] }
const EMPTY_SIDE: Side = { items: [], units: [], total: 0, capOf: [], slopeOf: [] };

/** What the window bounds read (one object per plan; module-level functions, not closures made anew per solve). */
interface Windows { p: Solve['p']; order: number[]; g: number[]; lambda: number; slack: number; window: number; free: number; r: Side; a: Side }

/** The removal side (positions [from, to) of the order, up to g copies) or the addition side (up to copies − g). */
function side(w: Windows, from: number, to: number, adding: boolean): Side {
  const { p, order, g, lambda, slack, window } = w;
  const items: number[] = [];
  const units: number[] = [];
  const cost: number[] = [];
  let total = 0;
  for (let q = from; q < to; q++) {
    const j = order[q]!;
    let u = adding ? p.copies[j]! - g[j]! : g[j]!;
    const r = Math.abs(p.value[j]! - lambda * p.size[j]!);
    if (r > 0) u = Math.min(u, Math.floor(slack / r));
    u = Math.min(u, Math.floor(window / p.size[j]!));
    if (u <= 0) continue;
    items.push(j);
    units.push(u);
    cost.push(r);
    total += u * p.size[j]!;
  }
  // The moves of one side cost reduced cost: moving size S costs at least the
  // fractional optimum cost(S) (greedy by reduced cost per unit of size), and the
  // moves of both sides share the slack (see windows in planProximity).
  const byRatio: number[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) byRatio[i] = i;
  const size = p.size;
  byRatio.sort((x, y) => cost[x]! * size[items[y]!]! - cost[y]! * size[items[x]!]!);
  const capOf: number[] = new Array(items.length);
  const slopeOf: number[] = new Array(items.length);
  for (let k = 0; k < byRatio.length; k++) {
    const i = byRatio[k]!;
    capOf[k] = units[i]! * size[items[i]!]!;
    slopeOf[k] = cost[i]! / size[items[i]!]!;
  }
  return { items, units, total, capOf, slopeOf };
}

/** The fractional cheapest cost of moving size S on one side (Infinity beyond its total). */
function minCost(s: Side, S: number): number {
  let c = 0;
  for (let i = 0; i < s.capOf.length && S > 0; i++) {
    const d = Math.min(S, s.capOf[i]!);
    c += d * s.slopeOf[i]!;
    S -= d;
  }
  return S > 0 ? Infinity : c;
}

/** The joint bound of a removal (adding = false) or an addition (adding = true) of size S (see planProximity). */
function jointCost(w: Windows, S: number, adding: boolean): number {
  const { r, a, free, lambda } = w;
  return adding
    ? minCost(a, S) + minCost(r, Math.max(0, S - free)) + lambda * Math.max(0, free - S)
    : minCost(r, S) + minCost(a, Math.min(S + free, a.total)) + lambda * Math.max(0, S + free - a.total);
}

/** The largest size in [from, hi] whose joint bound is within the slack (binary search over the growing part). */
function largest(w: Windows, from: number, hi: number, adding: boolean): number {
  hi = Math.max(0, Math.floor(hi));
  let lo = Math.min(Math.max(0, Math.floor(from)), hi);
  if (jointCost(w, lo, adding) > w.slack) return hi;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (jointCost(w, mid, adding) <= w.slack) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Tables over the budget: reconstruct by divide and conquer instead (O(window) memory, ~3x the work). */
function lighten<P extends DpPlan | ProximityPlan>(sv: Solve, plan: P, lightBytes: number): P {
  if (plan.bytes <= sv.maxBytes || lightBytes > sv.maxBytes) return plan;
  return { ...plan, light: true, bytes: lightBytes, work: plan.work * LIGHT_WORK };
}

export function choose(sv: Solve, wanted: KnapsackAlgorithm, incumbent = -Infinity): DpPlan | ProximityPlan {
  if (wanted === 'proximity') return planProximity(sv, Infinity, incumbent);
  if (wanted === 'dp-deque') return planDp(sv, 'none');
  if (wanted === 'dp-concave') return planDp(sv, 'all');
  const prox = planProximity(sv, Infinity, incumbent);
  // every DP plan does at least one pass over capacity+1 cells: skip building them
  // when the proximity plan fits and costs less
  if (prox.bytes <= sv.maxBytes && prox.work < sv.p.C + 1) return prox;
  const plans = [planDp(sv, 'none'), prox];
  const grouped = planDp(sv, 'auto');
  if (grouped.algorithm === 'dp-concave') plans.push(grouped);
  const fits = plans.filter((x) => x.bytes <= sv.maxBytes);
  if (fits.length === 0) return plans.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  return fits.reduce((a, b) => (b.work < a.work ? b : a));
}

export function tooLarge(sv: Solve, plan: DpPlan | ProximityPlan): ValidationError {
  const nItems = sv.p.size.length;
  const mib = (plan.bytes / 2 ** 20).toFixed(0);
  const what = plan.algorithm !== 'proximity'
    ? `the exact DP with ${nItems} items needs ${mib} MiB even without reconstruction tables (capacity+1 values)`
    : `the proximity method needs ${mib} MiB even without reconstruction tables (windows of s_max² sizes)`;
  return new ValidationError('capacity', `is too large for the exact DP and the proximity method: ${what}, over the ${sv.maxBytes / 2 ** 20} MiB budget; reduce the capacity, the number of items or the largest size`);
}

