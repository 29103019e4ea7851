// Bounded knapsack: validation, the choice of an exact algorithm by instance shape,
// and the two exact methods (both run in WebAssembly, assembly/knapsack.ts):
//
//  - "dp-deque": DP over capacity, a monotone deque per residue class: O(n·C).
//  - "proximity": the greedy (maximal prefix by value density) solution g, then two
//    exact-size DPs, one over removals from g and one over additions to it, inside a
//    window of total size s_max² on each side (ALGORITHMS.md §2, seed 003 §4):
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
import { Validator } from '../core/validate.js';
import { ValidationError, GreenplanError, statusError } from '../core/errors.js';
import { kernels, type Kernels } from '../wasm/loader.js';
import { Layout } from '../wasm/arena.js';
import { KnapsackInstance, type KnapsackSolution, type KnapsackAlgorithm } from './schema.js';

const validator: Validator<typeof KnapsackInstance> = new Validator(KnapsackInstance);
/** Memory budget of one solve (reconstruction tables plus scratch), in bytes. */
export const KNAPSACK_MAX_BYTES = 2 ** 28;
/** Largest value × capacity accepted: keeps every DP sum finite. */
const MAX_VALUE_TIMES_CAPACITY = 1e300;
/** Relative slack on the reduced-cost bound (floating-point safety: only widens the core). */
const BOUND_SLACK = 1e-9;

/**
 * The items that can matter: size <= capacity and value > 0 (others are never taken),
 * with identical (size, value) items merged into one type (copies summed).
 */
interface Prepared {
  members: number[][]; // instance indices merged into each prepared item
  size: number[];
  value: number[];
  copies: number[];
  C: number; // effective capacity: min(capacity, total size of the kept copies)
}

/** A plain item list for the internal entry (no names, no schema limits on capacity). */
export interface RawItem { size: number; value: number; copies: number }

function prepare(items: readonly RawItem[], capacity: number): Prepared {
  const p: Prepared = { members: [], size: [], value: [], copies: [], C: 0 };
  const key = new Map<string, number>();
  let total = 0;
  items.forEach((it, i) => {
    if (it.size > capacity || it.value <= 0) return;
    // never more copies than fit: keeps every count below 2^31 when capacity is
    const copies = Math.min(it.copies, Math.floor(capacity / it.size));
    total += it.size * copies;
    const kk = `${it.size}/${it.value}`;
    const at = key.get(kk);
    if (at !== undefined && p.copies[at]! + copies <= 2147483647) {
      p.members[at]!.push(i);
      p.copies[at] = p.copies[at]! + copies;
      return;
    }
    key.set(kk, p.size.length);
    p.members.push([i]);
    p.size.push(it.size);
    p.value.push(it.value);
    p.copies.push(copies);
  });
  p.C = Math.min(capacity, total);
  return p;
}

interface DpPlan { algorithm: 'dp-deque'; work: number; bytes: number; width: 2 | 4 }

function planDp(p: Prepared): DpPlan {
  const C = p.C;
  let width: 2 | 4 = 2;
  for (let j = 0; j < p.size.length; j++) if (Math.min(p.copies[j]!, Math.floor(C / p.size[j]!)) > 65535) width = 4;
  const n = p.size.length;
  return { algorithm: 'dp-deque', work: n * (C + 1), bytes: n * (C + 1) * width + (C + 1) * 20 + n * 24, width };
}

/** One side of the proximity method: items that may move, how far, and the window. */
interface Side { items: number[]; units: number[]; window: number; width: 2 | 4 }

interface ProximityPlan {
  algorithm: 'proximity';
  work: number;
  bytes: number;
  g: number[]; // greedy counts per prepared item
  free: number; // C − size(g)
  allFit: boolean;
  remove: Side;
  add: Side;
  /** LP bound (no solution is worth more) and the incumbent the core was cut with. */
  U: number;
  z: number;
}

/**
 * The proximity plan. `cap` narrows the window below s_max² (then the result is only a
 * good feasible solution: the first, cheap pass); `incumbent` is a known solution
 * value (>= the greedy completion) that tightens the reduced-cost core.
 */
function planProximity(p: Prepared, cap = Infinity, incumbent = -Infinity): ProximityPlan {
  const n = p.size.length;
  const order = Array.from({ length: n }, (_, j) => j);
  const density = p.value.map((v, j) => v / p.size[j]!);
  order.sort((a, b) => density[b]! - density[a]! || p.size[a]! - p.size[b]! || a - b);
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
  const empty: Side = { items: [], units: [], window: 0, width: 2 };
  if (breakPos < 0) return { algorithm: 'proximity', work: n, bytes: 0, g, free, allFit: true, remove: empty, add: empty, U: vG, z: vG };

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

  const side = (positions: number[], avail: (j: number) => number): Side => {
    const items: number[] = [];
    const units: number[] = [];
    let total = 0;
    let width: 2 | 4 = 2;
    for (const q of positions) {
      const j = order[q]!;
      let u = avail(j);
      const r = Math.abs(p.value[j]! - lambda * p.size[j]!);
      if (r > 0) u = Math.min(u, Math.floor(slack / r));
      u = Math.min(u, Math.floor(window / p.size[j]!));
      if (u <= 0) continue;
      items.push(j);
      units.push(u);
      total += u * p.size[j]!;
      if (u > 65535) width = 4;
    }
    return { items, units, window: Math.min(window, total), width };
  };
  const before = Array.from({ length: breakPos + 1 }, (_, q) => q);
  const after = Array.from({ length: n - breakPos }, (_, q) => breakPos + q);
  const remove = side(before, (j) => g[j]!);
  const add = side(after, (j) => p.copies[j]! - g[j]!);
  add.window = Math.min(add.window, free + remove.window);
  const cells = remove.items.length * (remove.window + 1) + add.items.length * (add.window + 1);
  const bytes = remove.items.length * (remove.window + 1) * remove.width + add.items.length * (add.window + 1) * add.width
    + (remove.window + add.window + 2) * 8 + (Math.max(remove.window, add.window) + 1) * 12 + n * 40;
  return { algorithm: 'proximity', work: cells + n * Math.log2(n + 1), bytes, g, free, allFit: false, remove, add, U, z };
}

export interface KnapsackOptions {
  /** Force one exact method ("auto": the cheaper one by instance shape). Overrides the instance's field. */
  algorithm?: KnapsackAlgorithm;
}

/** Work above which the proximity method first runs a cheap pass for a better incumbent. */
const TWO_PASS_WORK = 2e7;
/** Window of that cheap pass, in multiples of s_max. */
const FIRST_PASS_WINDOW = 4;

function choose(p: Prepared, wanted: KnapsackAlgorithm, incumbent = -Infinity): DpPlan | ProximityPlan {
  const prox = planProximity(p, Infinity, incumbent);
  if (wanted === 'proximity') return prox;
  const dp = planDp(p);
  if (wanted === 'dp-deque') return dp;
  const fits = [dp, prox].filter((x) => x.bytes <= KNAPSACK_MAX_BYTES);
  if (fits.length === 0) return dp.bytes <= prox.bytes ? dp : prox;
  return fits.reduce((a, b) => (b.work < a.work ? b : a));
}

function valueOf(p: Prepared, counts: number[]): number {
  let v = 0;
  counts.forEach((c, j) => { v += c * p.value[j]!; });
  return v;
}

/** Counts per prepared item and the method that produced them (exact). */
function solveCounts(k: Kernels, p: Prepared, wanted: KnapsackAlgorithm): { counts: number[]; algorithm: 'dp-deque' | 'proximity' } {
  let plan = choose(p, wanted);
  if (plan.algorithm === 'proximity' && !plan.allFit && plan.work > TWO_PASS_WORK) {
    // Expanding core: a narrow-window pass gives a near-optimal incumbent, which
    // shrinks the reduced-cost core of the exact pass (or proves optimality at once
    // when it reaches the LP bound).
    let sMax = 0;
    for (const s of p.size) if (s > sMax) sMax = s;
    const cheap = planProximity(p, Math.max(FIRST_PASS_WINDOW * sMax, 64));
    if (cheap.bytes <= KNAPSACK_MAX_BYTES) {
      const c1 = runProximity(k, p, cheap);
      const z1 = valueOf(p, c1);
      if (z1 >= plan.U - BOUND_SLACK * Math.max(1, Math.abs(plan.U))) return { counts: c1, algorithm: 'proximity' };
      plan = choose(p, wanted, z1);
    }
  }
  if (plan.bytes > KNAPSACK_MAX_BYTES) throw tooLarge(p.size.length, plan);
  const counts = plan.algorithm === 'dp-deque' ? runDp(k, p, plan) : runProximity(k, p, plan);
  return { counts, algorithm: plan.algorithm };
}

function tooLarge(nItems: number, plan: DpPlan | ProximityPlan): ValidationError {
  const mib = (plan.bytes / 2 ** 20).toFixed(0);
  const what = plan.algorithm === 'dp-deque'
    ? `the exact DP with ${nItems} items needs ${mib} MiB (an items × (capacity+1) table)`
    : `the proximity method needs ${mib} MiB (core items × a window of s_max² sizes)`;
  return new ValidationError('capacity', `is too large for the exact DP and the proximity method: ${what}, over the ${KNAPSACK_MAX_BYTES / 2 ** 20} MiB budget; reduce the capacity, the number of items or the largest size`);
}

/** Validate a knapsack instance (throws ValidationError naming the JSON path). */
export function validateKnapsack(input: unknown): asserts input is KnapsackInstance {
  validator.assert(input);
  const inst = input as KnapsackInstance;
  const seen = new Map<string, number>();
  inst.items.forEach((it, i) => {
    const name = it.name ?? String(i);
    const prev = seen.get(name);
    if (prev !== undefined) throw new ValidationError(`items[${i}].name`, `duplicates items[${prev}].name ("${name}")`);
    seen.set(name, i);
    if (it.value * inst.capacity > MAX_VALUE_TIMES_CAPACITY) {
      throw new ValidationError(`items[${i}].value`, `is too large: value × capacity must stay below 1e300`);
    }
  });
}

/** Counts per prepared item, by the O(n·C) DP. */
function runDp(k: Kernels, p: Prepared, plan: DpPlan): number[] {
  const n = p.size.length;
  const C = p.C;
  const lay = new Layout();
  const oSize = lay.take(n, 4);
  const oCopies = lay.take(n, 4);
  const oCounts = lay.take(n, 4);
  const oValue = lay.take(n, 8);
  const oDp = lay.take(C + 1, 8);
  const oDqVal = lay.take(C + 1, 8);
  const oDqIdx = lay.take(C + 1, 4);
  const oChoice = lay.take(Math.ceil((n * (C + 1) * plan.width) / 4), 4);
  const base = lay.reserve(k, 'knapsack');
  const buf = k.memory.buffer;
  new Int32Array(buf, base + oSize, n).set(p.size);
  new Int32Array(buf, base + oCopies, n).set(p.copies);
  new Float64Array(buf, base + oValue, n).set(p.value);
  const status = k.knapsackDp(n, base + oSize, base + oValue, base + oCopies, C, base + oDp, base + oChoice, base + oDqIdx, base + oDqVal, base + oCounts, plan.width);
  if (status === 5) throw new GreenplanError('internal', 'knapsack: a value sum overflowed (please report this bug)');
  if (status !== 0) throw statusError(status, 'knapsack');
  return Array.from(new Int32Array(k.memory.buffer, base + oCounts, n));
}

/** Counts per prepared item, by greedy + the two window DPs. */
function runProximity(k: Kernels, p: Prepared, plan: ProximityPlan): number[] {
  const counts = plan.g.slice();
  if (plan.allFit) return counts;
  const { remove: R, add: A } = plan;
  const lay = new Layout();
  const sideLayout = (s: Side) => {
    const m = s.items.length;
    return {
      size: lay.take(m, 4), copies: lay.take(m, 4), counts: lay.take(m, 4), value: lay.take(m, 8),
      dp: lay.take(s.window + 1, 8), choice: lay.take(Math.ceil((m * (s.window + 1) * s.width) / 4), 4),
    };
  };
  const oR = sideLayout(R);
  const oA = sideLayout(A);
  const wMax = Math.max(R.window, A.window) + 1;
  const oDqVal = lay.take(wMax, 8);
  const oDqIdx = lay.take(wMax, 4);
  const base = lay.reserve(k, 'knapsack');
  const run = (s: Side, o: typeof oR, sign: 1 | -1): Float64Array => {
    const m = s.items.length;
    const buf = k.memory.buffer;
    const size = new Int32Array(buf, base + o.size, m);
    const copies = new Int32Array(buf, base + o.copies, m);
    const value = new Float64Array(buf, base + o.value, m);
    s.items.forEach((j, q) => { size[q] = p.size[j]!; copies[q] = s.units[q]!; value[q] = sign * p.value[j]!; });
    const status = k.knapsackTable(m, base + o.size, base + o.value, base + o.copies, s.window, base + o.dp, base + o.choice, base + oDqIdx, base + oDqVal, s.width, 1);
    if (status !== 0) throw statusError(status, 'knapsack (proximity)');
    return new Float64Array(k.memory.buffer, base + o.dp, s.window + 1);
  };
  // dpR[w]: −(least value lost removing total size exactly w); dpA[w]: most value added with size exactly w
  const dpR = run(R, oR, -1);
  const dpA = run(A, oA, 1);
  // best addition of size <= w, and where it is reached
  const bestA = new Float64Array(A.window + 1);
  const argA = new Int32Array(A.window + 1);
  for (let w = 0; w <= A.window; w++) {
    if (w > 0 && bestA[w - 1]! >= dpA[w]!) { bestA[w] = bestA[w - 1]!; argA[w] = argA[w - 1]!; }
    else { bestA[w] = dpA[w]!; argA[w] = w; }
  }
  let best = -Infinity;
  let bestR = 0;
  let bestAdd = 0;
  for (let w = 0; w <= R.window; w++) {
    const lost = dpR[w]!;
    if (lost === -Infinity) continue;
    const room = Math.min(A.window, plan.free + w);
    const gain = lost + bestA[room]!;
    if (gain > best) { best = gain; bestR = w; bestAdd = argA[room]!; }
  }
  const back = (s: Side, o: typeof oR, start: number, sign: 1 | -1) => {
    const m = s.items.length;
    const status = k.knapsackReconstruct(m, base + o.size, base + o.choice, s.window, s.width, start, base + o.counts);
    if (status !== 0) throw statusError(status, 'knapsack (proximity)');
    const c = new Int32Array(k.memory.buffer, base + o.counts, m);
    s.items.forEach((j, q) => { counts[j] = counts[j]! + sign * c[q]!; });
  };
  back(R, oR, bestR, -1);
  back(A, oA, bestAdd, 1);
  return counts;
}

/**
 * Internal entry (budgeted smoothing uses it): optimal copies per item of `items`
 * within `capacity` (any safe integer), and the method that ran. Items are assumed
 * valid (integer size >= 1, finite value, integer copies >= 1). Throws ValidationError
 * (path "capacity") when no exact method fits the memory budget.
 */
export async function knapsackCounts(items: readonly RawItem[], capacity: number, algorithm: KnapsackAlgorithm = 'auto'): Promise<{ counts: number[]; algorithm: 'dp-deque' | 'proximity' }> {
  const p = prepare(items, capacity);
  const k = await kernels();
  const solved = solveCounts(k, p, algorithm);
  // split the merged types back over their items, in order
  const counts = new Array<number>(items.length).fill(0);
  solved.counts.forEach((c, j) => {
    let left = c;
    for (const i of p.members[j]!) {
      if (left <= 0) break;
      const t = Math.min(left, items[i]!.copies);
      counts[i] = t;
      left -= t;
    }
  });
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
  const { counts, algorithm } = await knapsackCounts(raw, instance.capacity, wanted);
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
