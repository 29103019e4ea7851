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
import { Validator, uniqueNames } from '../../core/validate.js';
import { ValidationError, GreenplanError, statusError } from '../../core/errors.js';
import { OK, KNAPSACK_AT_MOST, KNAPSACK_EXACT, KNAPSACK_CONTINUE } from '../../wasm/abi.js';
import { kernels, type Kernels } from '../../wasm/loader.js';
import { Layout } from '../../wasm/arena.js';
import { KnapsackInstance, type KnapsackSolution, type KnapsackAlgorithm, type KnapsackMethod } from './schema.js';

const validator: Validator<typeof KnapsackInstance> = new Validator(KnapsackInstance);
/** Memory budget of one solve (reconstruction tables plus scratch), in bytes. */
export const KNAPSACK_MAX_BYTES = 2 ** 28;
/** The budget of the solve in progress (solves are synchronous once the kernels are loaded). */
let maxBytes = KNAPSACK_MAX_BYTES;
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

/**
 * One exact DP pass over a window 0..window: prepared item types `items` with `units`
 * copies each and value sign·value. Types that share a size with enough others go
 * through the concave (max,+) kernel as one group (gain of k copies = the k best),
 * the rest through the monotone-deque kernel.
 */
interface DpJob {
  items: number[];
  units: number[];
  sign: 1 | -1;
  window: number;
  mode: typeof KNAPSACK_AT_MOST | typeof KNAPSACK_EXACT;
  singles: number[]; // positions in items
  groups: number[][]; // positions in items, one size per group, best value first
  width: 2 | 4;
  work: number;
  bytes: number; // with reconstruction tables
  lightBytes: number; // without (divide-and-conquer reconstruction)
  record: boolean; // keep reconstruction tables
}

/** grouping: 'none', 'auto' (when the group is large enough to pay off) or 'all' (every shared size). */
type Grouping = 'none' | 'auto' | 'all';

function makeJob(p: Prepared, items: number[], units: number[], sign: 1 | -1, window: number, mode: DpJob['mode'], grouping: Grouping): DpJob {
  const bySize = new Map<number, number[]>();
  items.forEach((j, q) => {
    const list = bySize.get(p.size[j]!);
    if (list) list.push(q); else bySize.set(p.size[j]!, [q]);
  });
  const singles: number[] = [];
  const groups: number[][] = [];
  let work = 0;
  let gainCells = 0;
  for (const [size, qs] of bySize) {
    const perClass = Math.log2(window / size + 2);
    if (qs.length > 1 && (grouping === 'all' || (grouping === 'auto' && qs.length > GROUP_FACTOR * perClass))) {
      qs.sort((x, y) => sign * (p.value[items[y]!]! - p.value[items[x]!]!));
      groups.push(qs);
      work += (window + 1) * perClass * GROUP_COST;
      for (const q of qs) gainCells += Math.min(units[q]!, Math.floor(window / size));
      gainCells += 1;
    } else {
      singles.push(...qs);
      work += (window + 1) * qs.length;
    }
  }
  let width: 2 | 4 = 2;
  for (const q of singles) if (Math.min(units[q]!, Math.floor(window / p.size[items[q]!]!)) > 65535) width = 4;
  for (const g of groups) {
    let tot = 0;
    for (const q of g) tot += units[q]!;
    if (Math.min(tot, Math.floor(window / p.size[items[g[0]!]!]!)) > 65535) width = 4;
  }
  const rows = singles.length + groups.length;
  const lightBytes = (window + 1) * 16 + (items.length + groups.length) * 24 + gainCells * 8;
  const bytes = rows * (window + 1) * width + lightBytes;
  return { items, units, sign, window, mode, singles, groups, width, work, bytes, lightBytes, record: true };
}

/** Scratch shared by the jobs of one solve (the largest window). */
const SCRATCH_BYTES = (window: number) => (window + 1) * 20;

/** Lay a job's buffers out; after reserve(), run() fills dp and back() recovers counts. */
function layJob(lay: Layout, p: Prepared, job: DpJob) {
  const nS = job.singles.length;
  const nG = job.groups.length;
  const W = job.window;
  const gainLen = job.groups.reduce((a, g) => a + 1 + Math.min(g.reduce((t, q) => t + job.units[q]!, 0), Math.floor(W / p.size[job.items[g[0]!]!]!)), 0);
  const o = {
    sSize: lay.take(nS, 4), sCopies: lay.take(nS, 4), sCounts: lay.take(nS, 4), sValue: lay.take(nS, 8),
    gSize: lay.take(nG, 4), gOff: lay.take(nG + 1, 4), gCounts: lay.take(nG, 4), gGain: lay.take(gainLen, 8),
    dp: lay.take(W + 1, 8),
    sChoice: lay.take(job.record ? Math.ceil((nS * (W + 1) * job.width) / 4) : 0, 4),
    gChoice: lay.take(job.record ? Math.ceil((nG * (W + 1) * job.width) / 4) : 0, 4),
  };
  return o;
}

interface Scratch { dqVal: number; dqIdx: number; seqOut: number }

function runJob(k: Kernels, base: number, o: ReturnType<typeof layJob>, sc: Scratch, p: Prepared, job: DpJob): Float64Array {
  const buf = k.memory.buffer;
  const W = job.window;
  const nS = job.singles.length;
  const nG = job.groups.length;
  const sSize = new Int32Array(buf, base + o.sSize, nS);
  const sCopies = new Int32Array(buf, base + o.sCopies, nS);
  const sValue = new Float64Array(buf, base + o.sValue, nS);
  job.singles.forEach((q, i) => {
    const j = job.items[q]!;
    sSize[i] = p.size[j]!;
    sCopies[i] = Math.min(job.units[q]!, Math.floor(W / p.size[j]!) || 1);
    sValue[i] = job.sign * p.value[j]!;
  });
  const width = job.record ? job.width : 0;
  let status = k.knapsackTable({
    n: nS, sizes: base + o.sSize, values: base + o.sValue, copies: base + o.sCopies, capacity: W,
    dp: base + o.dp, choice: base + o.sChoice, dequeIdx: sc.dqIdx, dequeVal: sc.dqVal, choiceWidth: width, mode: job.mode,
  });
  if (status !== OK) throw statusError(status, 'knapsack');
  if (nG > 0) {
    const gSize = new Int32Array(buf, base + o.gSize, nG);
    const gOff = new Int32Array(buf, base + o.gOff, nG + 1);
    let at = 0;
    const gains: number[] = [];
    job.groups.forEach((g, i) => {
      const size = p.size[job.items[g[0]!]!]!;
      gSize[i] = size;
      gOff[i] = at;
      const cap = Math.floor(W / size);
      let cum = 0;
      gains.push(0);
      let K = 0;
      for (const q of g) {
        const v = job.sign * p.value[job.items[q]!]!;
        for (let u = 0; u < job.units[q]! && K < cap; u++, K++) { cum += v; gains.push(cum); }
      }
      at += K + 1;
    });
    gOff[nG] = at;
    new Float64Array(buf, base + o.gGain, at).set(gains);
    status = k.knapsackConcave({
      g: nG, sizes: base + o.gSize, gainOff: base + o.gOff, gains: base + o.gGain, capacity: W,
      dp: base + o.dp, choice: base + o.gChoice, seqA: sc.dqVal, seqOut: sc.seqOut, choiceWidth: width, mode: KNAPSACK_CONTINUE,
    });
    if (status !== OK) throw statusError(status, 'knapsack (concave)');
  }
  return new Float64Array(k.memory.buffer, base + o.dp, W + 1);
}

/** Copies per job item of the DP's best solution of total size `start` (exact) or <= start. */
function backJob(k: Kernels, base: number, o: ReturnType<typeof layJob>, p: Prepared, job: DpJob, start: number): number[] {
  const out = new Array<number>(job.items.length).fill(0);
  const nS = job.singles.length;
  const nG = job.groups.length;
  let w = start;
  if (nG > 0) {
    const st = k.knapsackReconstruct({ n: nG, sizes: base + o.gSize, choice: base + o.gChoice, capacity: job.window, choiceWidth: job.width, start: w, counts: base + o.gCounts });
    if (st !== OK) throw statusError(st, 'knapsack');
    const c = new Int32Array(k.memory.buffer, base + o.gCounts, nG);
    job.groups.forEach((g, i) => {
      let left = c[i]!;
      w -= left * p.size[job.items[g[0]!]!]!;
      for (const q of g) { const t = Math.min(left, job.units[q]!); out[q] = t; left -= t; }
    });
  }
  const st = k.knapsackReconstruct({ n: nS, sizes: base + o.sSize, choice: base + o.sChoice, capacity: job.window, choiceWidth: job.width, start: w, counts: base + o.sCounts });
  if (st !== OK) throw statusError(st, 'knapsack');
  const c = new Int32Array(k.memory.buffer, base + o.sCounts, nS);
  job.singles.forEach((q, i) => { out[q] = c[i]!; });
  return out;
}

/** Group item types of one size when there are more than this × log2(class length) of them. */
const GROUP_FACTOR = 1;
/** Relative cost of one concave-kernel cell (a scan step of the divide and conquer). */
const GROUP_COST = 2;

interface DpPlan { algorithm: 'dp-deque' | 'dp-concave'; work: number; bytes: number; light: boolean; job: DpJob }

function planDp(p: Prepared, grouping: Grouping): DpPlan {
  const all = p.size.map((_, j) => j);
  const job = makeJob(p, all, p.copies, 1, p.C, KNAPSACK_AT_MOST, grouping);
  const plan: DpPlan = { algorithm: job.groups.length > 0 ? 'dp-concave' : 'dp-deque', work: job.work, bytes: job.bytes + SCRATCH_BYTES(p.C), light: false, job };
  return lighten(plan, job.lightBytes + SCRATCH_BYTES(p.C));
}


interface ProximityPlan {
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
function planProximity(p: Prepared, cap = Infinity, incumbent = -Infinity, grouping: Grouping = 'auto'): ProximityPlan {
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

  const side = (positions: number[], avail: (j: number) => number) => {
    const items: number[] = [];
    const units: number[] = [];
    let total = 0;
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
    }
    return { items, units, total };
  };
  const before = Array.from({ length: breakPos + 1 }, (_, q) => q);
  const after = Array.from({ length: n - breakPos }, (_, q) => breakPos + q);
  const r = side(before, (j) => g[j]!);
  const a = side(after, (j) => p.copies[j]! - g[j]!);
  const rWindow = Math.min(window, r.total);
  const remove = makeJob(p, r.items, r.units, -1, rWindow, KNAPSACK_EXACT, grouping);
  const add = makeJob(p, a.items, a.units, 1, Math.min(window, a.total, free + rWindow), KNAPSACK_EXACT, grouping);
  const scratch = SCRATCH_BYTES(Math.max(remove.window, add.window)) + n * 40;
  const plan: ProximityPlan = { algorithm: 'proximity', work: remove.work + add.work + n * Math.log2(n + 1), bytes: remove.bytes + add.bytes + scratch, light: false, g, free, allFit: false, remove, add, U, z };
  return lighten(plan, remove.lightBytes + add.lightBytes + scratch + (remove.window + 1) * 8);
}

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
const TWO_PASS_WORK = 2e7;
/** Window of that cheap pass, in multiples of s_max. */
const FIRST_PASS_WINDOW = 4;

/** Reconstruction without tables costs about this many DP passes (divide and conquer over items). */
const LIGHT_WORK = 3;

/** Tables over the budget: reconstruct by divide and conquer instead (O(window) memory, ~3x the work). */
function lighten<P extends DpPlan | ProximityPlan>(plan: P, lightBytes: number): P {
  if (plan.bytes <= maxBytes || lightBytes > maxBytes) return plan;
  return { ...plan, light: true, bytes: lightBytes, work: plan.work * LIGHT_WORK };
}

function choose(p: Prepared, wanted: KnapsackAlgorithm, incumbent = -Infinity): DpPlan | ProximityPlan {
  if (wanted === 'proximity') return planProximity(p, Infinity, incumbent);
  if (wanted === 'dp-deque') return planDp(p, 'none');
  if (wanted === 'dp-concave') return planDp(p, 'all');
  const plans = [planDp(p, 'none'), planProximity(p, Infinity, incumbent)];
  const grouped = planDp(p, 'auto');
  if (grouped.algorithm === 'dp-concave') plans.push(grouped);
  const fits = plans.filter((x) => x.bytes <= maxBytes);
  if (fits.length === 0) return plans.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  return fits.reduce((a, b) => (b.work < a.work ? b : a));
}

function valueOf(p: Prepared, counts: number[]): number {
  let v = 0;
  counts.forEach((c, j) => { v += c * p.value[j]!; });
  return v;
}

/** Counts per prepared item and the method that produced them (exact). */
function solveCounts(k: Kernels, p: Prepared, wanted: KnapsackAlgorithm): { counts: number[]; algorithm: KnapsackMethod } {
  let plan = choose(p, wanted);
  if (plan.algorithm === 'proximity' && !plan.allFit && plan.work > TWO_PASS_WORK) {
    // Expanding core: passes with a narrow window (4·s_max, then 4x wider each time)
    // give near-optimal incumbents, which shrink the reduced-cost core of the exact
    // pass, or prove optimality at once when one reaches the LP bound. A pass runs
    // only while it costs less than half of the exact pass it may save.
    let sMax = 0;
    for (const s of p.size) if (s > sMax) sMax = s;
    let z = -Infinity;
    let best: number[] | undefined;
    for (let w = Math.max(FIRST_PASS_WINDOW * sMax, 64); w < sMax * sMax; w *= 4) {
      const cheap = planProximity(p, w, z);
      if (cheap.bytes > maxBytes || cheap.work > plan.work / 2) break;
      const c = runProximity(k, p, cheap);
      const v = valueOf(p, c);
      if (v <= z) break; // a wider pass found nothing better: stop expanding
      z = v;
      best = c;
      if (z >= plan.U - BOUND_SLACK * Math.max(1, Math.abs(plan.U))) return { counts: best!, algorithm: 'proximity' };
      plan = choose(p, wanted, z);
      if (plan.algorithm !== 'proximity' || plan.work <= TWO_PASS_WORK) break;
    }
  }
  if (plan.bytes > maxBytes) throw tooLarge(p.size.length, plan);
  const counts = plan.algorithm === 'proximity' ? runProximity(k, p, plan) : runDp(k, p, plan);
  return { counts, algorithm: plan.algorithm };
}

function tooLarge(nItems: number, plan: DpPlan | ProximityPlan): ValidationError {
  const mib = (plan.bytes / 2 ** 20).toFixed(0);
  const what = plan.algorithm !== 'proximity'
    ? `the exact DP with ${nItems} items needs ${mib} MiB even without reconstruction tables (capacity+1 values)`
    : `the proximity method needs ${mib} MiB even without reconstruction tables (windows of s_max² sizes)`;
  return new ValidationError('capacity', `is too large for the exact DP and the proximity method: ${what}, over the ${maxBytes / 2 ** 20} MiB budget; reduce the capacity, the number of items or the largest size`);
}

/** Validate a knapsack instance (throws ValidationError naming the JSON path). */
export function validateKnapsack(input: unknown): asserts input is KnapsackInstance {
  validator.assert(input);
  const inst = input as KnapsackInstance;
  uniqueNames('items', inst.items.map((it, i) => it.name ?? String(i)));
  inst.items.forEach((it, i) => {
    if (it.value * inst.capacity > MAX_VALUE_TIMES_CAPACITY) {
      throw new ValidationError(`items[${i}].value`, `is too large: value × capacity must stay below 1e300`);
    }
  });
}

function layScratch(lay: Layout, window: number) {
  return { dqVal: lay.take(window + 1, 8), dqIdx: lay.take(window + 1, 4), seqOut: lay.take(window + 1, 8) };
}

/** A job restricted to some atoms (an atom: one single's position, or one group's positions). */
function subJob(job: DpJob, atoms: number[][], window: number, record: boolean): { sub: DpJob; map: number[] } {
  const items: number[] = [];
  const units: number[] = [];
  const singles: number[] = [];
  const groups: number[][] = [];
  const map: number[] = [];
  for (const a of atoms) {
    if (a.length === 1) singles.push(items.length);
    else groups.push(a.map((_, i) => items.length + i));
    for (const q of a) { map.push(q); items.push(job.items[q]!); units.push(job.units[q]!); }
  }
  return { sub: { ...job, items, units, singles, groups, window, record }, map };
}

function atomsOf(job: DpJob): number[][] {
  return [...job.singles.map((q) => [q]), ...job.groups];
}

/** The DP values of a job (copied out), no tables. */
function dpOnly(k: Kernels, p: Prepared, job: DpJob): Float64Array {
  const lay = new Layout();
  const o = layJob(lay, p, job);
  const so = layScratch(lay, job.window);
  const base = lay.reserve(k, 'knapsack');
  return runJob(k, base, o, { dqVal: base + so.dqVal, dqIdx: base + so.dqIdx, seqOut: base + so.seqOut }, p, job).slice();
}

/** Counts of the job's best solution of size `start` (exact mode) or <= start, with tables. */
function tableSolve(k: Kernels, p: Prepared, job: DpJob, start: number): number[] {
  const lay = new Layout();
  const o = layJob(lay, p, job);
  const so = layScratch(lay, job.window);
  const base = lay.reserve(k, 'knapsack');
  runJob(k, base, o, { dqVal: base + so.dqVal, dqIdx: base + so.dqIdx, seqOut: base + so.seqOut }, p, job);
  return backJob(k, base, o, p, job, start);
}

/**
 * Counts (into `out`, by job position) of an optimal solution of total size `start`
 * (exact mode) or <= start (at-most mode) over `atoms`, in O(window) memory: split the
 * atoms in halves, run both DPs without tables, pick the split w1 + w2 = start with the
 * best sum, recurse (Hirschberg's idea for knapsack). Small cases use tables.
 */
function solveDC(k: Kernels, p: Prepared, job: DpJob, atoms: number[][], start: number, out: number[]): void {
  const { sub, map } = subJob(job, atoms, start, true);
  const tableBytes = (sub.singles.length + sub.groups.length) * (start + 1) * sub.width;
  if (atoms.length === 1 || tableBytes <= maxBytes / 4) {
    const c = tableSolve(k, p, sub, start);
    c.forEach((x, i) => { out[map[i]!] = x; });
    return;
  }
  const half = atoms.length >> 1;
  const A = atoms.slice(0, half);
  const B = atoms.slice(half);
  const dA = dpOnly(k, p, subJob(job, A, start, false).sub);
  const dB = dpOnly(k, p, subJob(job, B, start, false).sub);
  let best = -Infinity;
  let split = 0;
  for (let w = 0; w <= start; w++) {
    const v = dA[w]! + dB[start - w]!;
    if (v > best) { best = v; split = w; }
  }
  solveDC(k, p, job, A, split, out);
  solveDC(k, p, job, B, start - split, out);
}

/** Counts per job position of the best solution of size `start` (tables, or divide and conquer). */
function jobCounts(k: Kernels, p: Prepared, job: DpJob, light: boolean, start: number): number[] {
  if (!light) return tableSolve(k, p, { ...job, record: true }, start);
  const out = new Array<number>(job.items.length).fill(0);
  solveDC(k, p, job, atomsOf(job), start, out);
  return out;
}

/** Counts per prepared item, by the DP over capacity (deque kernel, plus the concave one for groups). */
function runDp(k: Kernels, p: Prepared, plan: DpPlan): number[] {
  const c = jobCounts(k, p, plan.job, plan.light, p.C);
  const counts = new Array<number>(p.size.length).fill(0);
  plan.job.items.forEach((j, q) => { counts[j] = c[q]!; });
  return counts;
}

/** Counts per prepared item, by greedy + the two window DPs. */
function runProximity(k: Kernels, p: Prepared, plan: ProximityPlan): number[] {
  const counts = plan.g.slice();
  if (plan.allFit) return counts;
  const { remove: R, add: A } = plan;
  // dpR[w]: −(least value lost removing total size exactly w); dpA[w]: most value added with size exactly w
  const dpR = dpOnly(k, p, { ...R, record: false });
  const dpA = dpOnly(k, p, { ...A, record: false });
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
  // the chosen sizes, rebuilt with windows cut to them
  const cR = jobCounts(k, p, { ...R, window: bestR }, plan.light, bestR);
  const cA = jobCounts(k, p, { ...A, window: bestAdd }, plan.light, bestAdd);
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
  const k = await kernels();
  maxBytes = budget;
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
