// Bounded knapsack: validation, the choice of an exact algorithm by instance shape,
// and the two exact methods (both run in WebAssembly, assembly/knapsack.ts):
//
//  - "dp-deque": DP over capacity, a monotone deque per residue class: O(n·C).
//  - "proximity": the greedy (maximal prefix by value density) solution g, then two
//    exact-size DPs, one over removals from g and one over additions to it, inside a
//    window of total size s_max² on each side (docs/knapsack.md):
//    O(n·s_max²), independent of C. Why the window suffices: take an optimal x at the
//    smallest L1 distance from g; R = copies removed from g, A = copies added. If
//    |R| >= s_max and |A| >= s_max, two non-empty sub-multisets of equal total size
//    exist (Steinitz-type exchange lemma; Polak, Rohwedder, Węgrzycki 2021), and
//    swapping them back does not lose value (removed copies are at least as dense as
//    added ones), contradicting minimality; so one side has < s_max copies, size
//    < s_max². The free space of x is < s_max (else a removed copy could be put
//    back), and g leaves < s_max free, so the other side is < s_max² too.
//    The window is narrowed further by reduced costs (the core of Martello, Pisinger
//    and Toth): with λ the density of the break item, U = v(g) + λ(C − size(g)) is the
//    LP bound and every solution x satisfies value(x) <= U − Σ_j |v_j − λ s_j|·|x_j − g_j|.
//    An optimum has value >= z, the value of the greedy completion, so item j can move
//    at most (U − z)/|v_j − λ s_j| copies away from g. Items that cannot move are
//    fixed; on uncorrelated data the core is a handful of items.
//
// "auto" (the default) runs whichever of the two has the smaller estimated work
// (n·C against the cores' n·window) within the memory budget, and the solution says
// which one ran. Both are exact; the tests cross-check them against each other, HiGHS
// and a brute force.
//
// Layout of the module: prepare.ts (usable items, merged types, the Solve struct),
// plans.ts (the plans and the choice), jobs.ts (DP passes in the kernels and the
// counts they give), this file (validation, the steps of one solve, the entries).
import { Validator, uniqueNames } from '../../core/validate.js';
import { ValidationError, GreenplanError } from '../../core/errors.js';
import { kernels } from '../../wasm/loader.js';
import { KnapsackInstance, type KnapsackSolution, type KnapsackAlgorithm, type KnapsackMethod } from './schema.js';
import { prepare, type Prepared, type RawItem, type Solve } from './prepare.js';
import { jobCounts, dpOnly } from './jobs.js';
import { BOUND_SLACK, choose, planProximity, tooLarge, type DpPlan, type ProximityPlan } from './plans.js';

export type { RawItem } from './prepare.js';

const validator: Validator<typeof KnapsackInstance> = new Validator(KnapsackInstance);
/** Memory budget of one solve (reconstruction tables plus scratch), in bytes. */
export const KNAPSACK_MAX_BYTES = 2 ** 28;
/** Largest value × capacity accepted: keeps every DP sum finite. */
const MAX_VALUE_TIMES_CAPACITY = 1e300;

export interface KnapsackOptions {
  /** Force one exact method ("auto": the cheaper one by instance shape). Overrides the instance's field. */
  algorithm?: KnapsackAlgorithm;
  /**
   * Memory budget of one solve in bytes (default KNAPSACK_MAX_BYTES, 256 MiB). Over it,
   * counts are rebuilt by divide and conquer instead of tables (less memory, ~3x work).
   */
  maxBytes?: number;
}

/** Work above which the proximity method first runs a cheap pass for a better incumbent. */
const TWO_PASS_WORK = 2e6;
/** Window of that cheap pass, in multiples of s_max. */
const FIRST_PASS_WINDOW = 4;


function valueOf(p: Prepared, counts: number[]): number {
  let v = 0;
  counts.forEach((c, j) => { v += c * p.value[j]!; });
  return v;
}

/** Counts per prepared item and the method that produced them (exact): choose, expand the core, run. */
function solveCounts(sv: Solve, wanted: KnapsackAlgorithm): { counts: number[]; algorithm: KnapsackMethod } {
  const first = choose(sv, wanted);
  const expanded = first.algorithm === 'proximity' && !first.allFit && first.work > TWO_PASS_WORK ? expandCore(sv, wanted, first) : { plan: first };
  if ('counts' in expanded) return { counts: expanded.counts, algorithm: 'proximity' };
  const plan = expanded.plan;
  if (plan.bytes > sv.maxBytes) throw tooLarge(sv, plan);
  const counts = plan.algorithm === 'proximity' ? runProximity(sv, plan) : runDp(sv, plan);
  return { counts, algorithm: plan.algorithm };
}

/**
 * Expanding core: passes with a narrow window (4·s_max, then 4x wider each time) give
 * near-optimal incumbents, which shrink the reduced-cost core of the exact pass, or
 * prove optimality at once when one reaches the LP bound (then its counts are the
 * answer). A pass runs only while it costs less than half of the exact pass it may
 * save. Returns the plan to run, or the proven-optimal counts.
 */
function expandCore(sv: Solve, wanted: KnapsackAlgorithm, plan: ProximityPlan): { plan: DpPlan | ProximityPlan } | { counts: number[] } {
  const p = sv.p;
  let sMax = 0;
  for (const s of p.size) if (s > sMax) sMax = s;
  let z = -Infinity;
  let current: DpPlan | ProximityPlan = plan;
  for (let w = Math.max(FIRST_PASS_WINDOW * sMax, 64); w < sMax * sMax; w *= 4) {
    const cheap = planProximity(sv, w, z);
    if (cheap.bytes > sv.maxBytes || cheap.work > current.work / 2) break;
    const c = runProximity(sv, cheap);
    const v = valueOf(p, c);
    if (v <= z) break; // a wider pass found nothing better: stop expanding
    z = v;
    if (z >= plan.U - BOUND_SLACK * Math.max(1, Math.abs(plan.U))) return { counts: c };
    current = choose(sv, wanted, z);
    if (current.algorithm !== 'proximity' || current.work <= TWO_PASS_WORK) break;
  }
  return { plan: current };
}

/** Validate a knapsack instance (throws ValidationError naming the JSON path). */
export function validateKnapsack(input: unknown): asserts input is KnapsackInstance {
  validator.assert(input);
  const inst = input as KnapsackInstance;
  uniqueNames('items', inst.items.map((it, i) => it.name ?? String(i)));
  for (let i = 0; i < inst.items.length; i++) {
    if (inst.items[i]!.value * inst.capacity > MAX_VALUE_TIMES_CAPACITY) {
      throw new ValidationError(`items[${i}].value`, `is too large: value × capacity must stay below 1e300`);
    }
  }
}

/** Counts per prepared item, by the DP over capacity (deque kernel, plus the concave one for groups). */
function runDp(sv: Solve, plan: DpPlan): number[] {
  const { p } = sv;
  const c = jobCounts(sv, plan.job, plan.light, p.C);
  const counts = new Array<number>(p.size.length).fill(0);
  plan.job.items.forEach((j, q) => { counts[j] = c[q]!; });
  return counts;
}

/**
 * The best pair of window sizes: a removal of size w (dpR[w], −Infinity when none) and the
 * best addition of size <= min(A window, free + w). Each loop is a function of its own,
 * with nothing after it: a loop hot enough for on-stack replacement would otherwise leave
 * the code after it without type feedback, and V8 deoptimised there on every solve.
 */
function bestSplit(dpR: Float64Array, dpA: Float64Array, rWindow: number, aWindow: number, free: number): { bestR: number; bestAdd: number } {
  const bestA = new Float64Array(aWindow + 1);
  const argA = new Int32Array(aWindow + 1);
  bestAdditions(dpA, aWindow, bestA, argA);
  const bestR = Math.max(0, bestRemoval(dpR, bestA, rWindow, aWindow, free));
  return { bestR, bestAdd: argA[Math.min(aWindow, free + bestR)]! };
}

/** bestA[w], argA[w]: the best addition of size <= w, and its size. */
function bestAdditions(dpA: Float64Array, aWindow: number, bestA: Float64Array, argA: Int32Array): void {
  for (let w = 0; w <= aWindow; w++) {
    if (w > 0 && bestA[w - 1]! >= dpA[w]!) { bestA[w] = bestA[w - 1]!; argA[w] = argA[w - 1]!; }
    else { bestA[w] = dpA[w]!; argA[w] = w; }
  }
}

/** The removal size of the best pair (the first of the best), −1 when no removal size is reachable. */
function bestRemoval(dpR: Float64Array, bestA: Float64Array, rWindow: number, aWindow: number, free: number): number {
  let best = NEG_INF;
  let bestR = -1;
  for (let w = 0; w <= rWindow; w++) {
    const lost = dpR[w]!;
    if (lost === NEG_INF) continue;
    const gain = lost + bestA[Math.min(aWindow, free + w)]!;
    if (gain > best) { best = gain; bestR = w; }
  }
  return bestR;
}
const NEG_INF = Number.NEGATIVE_INFINITY;

/** Counts per prepared item, by greedy + the two window DPs. */
function runProximity(sv: Solve, plan: ProximityPlan): number[] {
  const counts = plan.g.slice();
  if (plan.allFit) return counts;
  const { remove: R, add: A } = plan;
  // dpR[w]: −(least value lost removing total size exactly w); dpA[w]: most value added with size exactly w
  const dpR = dpOnly(sv, { ...R, record: false });
  const dpA = dpOnly(sv, { ...A, record: false });
  const { bestR, bestAdd } = bestSplit(dpR, dpA, R.window, A.window, plan.free);
  // the chosen sizes, rebuilt with windows cut to them
  const cR = jobCounts(sv, { ...R, window: bestR }, plan.light, bestR);
  const cA = jobCounts(sv, { ...A, window: bestAdd }, plan.light, bestAdd);
  R.items.forEach((j, q) => { counts[j] = counts[j]! - cR[q]!; });
  A.items.forEach((j, q) => { counts[j] = counts[j]! + cA[q]!; });
  return counts;
}

/**
 * Internal entry (budgeted smoothing uses it): optimal copies per item of `items`
 * within `capacity` (any safe integer), and the method that ran. Items are assumed
 * valid (integer size >= 1, finite value, integer copies >= 1). Throws ValidationError
 * (path "capacity") when no exact method fits the memory budget.
 */
export async function knapsackCounts(items: readonly RawItem[], capacity: number, algorithm: KnapsackAlgorithm = 'auto', budget = KNAPSACK_MAX_BYTES): Promise<{ counts: number[]; algorithm: KnapsackMethod }> {
  const p = prepare(items, capacity);
  const sv: Solve = { k: await kernels(), p, maxBytes: budget };
  const solved = solveCounts(sv, algorithm);
  // split the merged types back over their items, in order
  const counts = new Array<number>(items.length).fill(0);
  for (let j = 0; j < solved.counts.length; j++) {
    let left = solved.counts[j]!;
    const members = p.members[j]!;
    for (let m = 0; m < members.length; m++) {
      if (left <= 0) break;
      const i = members[m]!;
      const t = Math.min(left, items[i]!.copies);
      counts[i] = t;
      left -= t;
    }
  }
  return { counts, algorithm: solved.algorithm };
}

/**
 * Exact bounded knapsack in WebAssembly. The method is chosen by instance shape
 * (`algorithm` in the instance or the options forces one); the solution names it.
 * Throws ValidationError on invalid input.
 */
export async function knapsack(instance: KnapsackInstance, options: KnapsackOptions = {}): Promise<KnapsackSolution> {
  validateKnapsack(instance);
  const wanted = options.algorithm ?? instance.algorithm ?? 'auto';
  const raw = instance.items.map((it) => ({ size: it.size, value: it.value, copies: it.copies ?? 1 }));
  const { counts, algorithm } = await knapsackCounts(raw, instance.capacity, wanted, options.maxBytes ?? KNAPSACK_MAX_BYTES);
  let total = 0;
  let used = 0;
  const take: { name: string; count: number }[] = [];
  instance.items.forEach((it, i) => {
    const c = counts[i]!;
    if (c <= 0) return;
    total += c * it.value;
    used += c * it.size;
    take.push({ name: it.name ?? String(i), count: c });
  });
  if (used > instance.capacity) throw new GreenplanError('internal', `knapsack (${algorithm}): used ${used} > capacity (please report this bug)`);
  return { problem: 'knapsack', status: 'optimal', value: total, used, take, algorithm };
}

