// Knapsack, the DP jobs: one exact DP pass over a window (item types through the
// binary-piece, monotone-deque or concave kernels of assembly/knapsack.ts), its
// buffers in the arena, and the counts of its best solution, with reconstruction
// tables or by divide and conquer in O(window) memory.
import { statusError } from '../../core/errors.js';
import { OK, KNAPSACK_AT_MOST, KNAPSACK_EXACT, KNAPSACK_CONTINUE } from '../../wasm/abi.js';
import { Layout } from '../../wasm/arena.js';
import type { Prepared, Solve } from './prepare.js';

/**
 * One exact DP pass over a window 0..window: prepared item types `items` with `units`
 * copies each and value sign·value. Types that share a size with enough others go
 * through the concave (max,+) kernel as one group (gain of k copies = the k best),
 * the rest through the monotone-deque kernel.
 */
export interface DpJob {
  items: number[];
  units: number[];
  sign: 1 | -1;
  window: number;
  mode: typeof KNAPSACK_AT_MOST | typeof KNAPSACK_EXACT;
  singles: number[]; // positions in items (monotone-deque kernel)
  bins: number[]; // positions in items (binary pieces, 0/1 passes)
  groups: number[][]; // positions in items, one size per group, best value first
  width: 2 | 4;
  work: number;
  bytes: number; // with reconstruction tables
  lightBytes: number; // without (divide-and-conquer reconstruction)
  record: boolean; // keep reconstruction tables
  allowBinary: boolean; // item types may go through binary pieces
}

/** grouping: 'none', 'auto' (when the group is large enough to pay off) or 'all' (every shared size). */
export type Grouping = 'none' | 'auto' | 'all';

/** Binary pieces of u copies (its bit length). */
const piecesOf = (u: number) => 32 - Math.clz32(u);
/** Copies of item type q a job can use: at most what fits the window. */
const usable = (p: Prepared, job: { items: number[]; units: number[]; window: number }, q: number) => Math.min(job.units[q]!, Math.floor(job.window / p.size[job.items[q]!]!)) || 1;
/**
 * Relative cost of one 0/1 pass cell (streaming) against one deque cell (a strided
 * walk through each residue class: a cache miss per cell on large windows).
 * Measured on the bench's proximity windows (10^5 cells, sizes up to 1,000): ~1 ns
 * against ~30 ns (the deque's cells are cache misses there).
 */
const BIN_COST = 0.2;
/** Item types with fewer pieces than this go through binary pieces (0/1 passes stream: each costs a small fraction of a deque pass's cache misses). */
const BIN_MAX_PIECES = 20;
/** Sizes below this walk their residue classes with a stride of a few cache lines at most: the deque stays cheap (budgeted smoothing's narrow boxes). */
const BIN_MIN_SIZE = 16;
/** Windows below this many cells stay in cache: the deque's stride costs nothing there. */
const BIN_MIN_WINDOW = 16384;

/** Whether item type q goes through binary pieces (cheaper than its deque pass). */
function binary(p: Prepared, job: { items: number[]; units: number[]; window: number }, q: number, allowed: boolean): boolean {
  return allowed && job.window >= BIN_MIN_WINDOW && p.size[job.items[q]!]! >= BIN_MIN_SIZE && piecesOf(usable(p, job, q)) < BIN_MAX_PIECES;
}

export function makeJob(p: Prepared, items: number[], units: number[], sign: 1 | -1, window: number, mode: DpJob['mode'], grouping: Grouping, allowBinary = false): DpJob {
  const bySize = new Map<number, number[]>();
  items.forEach((j, q) => {
    const list = bySize.get(p.size[j]!);
    if (list) list.push(q); else bySize.set(p.size[j]!, [q]);
  });
  const singles: number[] = [];
  const bins: number[] = [];
  const groups: number[][] = [];
  let work = 0;
  let gainCells = 0;
  let binRows = 0;
  const view = { items, units, window };
  for (const [size, qs] of bySize) {
    const perClass = Math.log2(window / size + 2);
    if (qs.length > 1 && (grouping === 'all' || (grouping === 'auto' && qs.length > GROUP_FACTOR * perClass))) {
      qs.sort((x, y) => sign * (p.value[items[y]!]! - p.value[items[x]!]!));
      groups.push(qs);
      work += (window + 1) * perClass * GROUP_COST;
      for (const q of qs) gainCells += Math.min(units[q]!, Math.floor(window / size));
      gainCells += 1;
    } else {
      for (const q of qs) {
        if (binary(p, view, q, allowBinary)) {
          const k = piecesOf(usable(p, view, q));
          bins.push(q);
          binRows += k;
          work += (window + 1) * k * BIN_COST;
        } else {
          singles.push(q);
          work += window + 1;
        }
      }
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
  const bytes = rows * (window + 1) * width + binRows * (window + 1) + lightBytes;
  return { items, units, sign, window, mode, singles, bins, groups, width, work, bytes, lightBytes, record: true, allowBinary };
}

/** Scratch shared by the jobs of one solve (the largest window). */
export const SCRATCH_BYTES = (window: number) => (window + 1) * 20;

/** Lay a job's buffers out; after reserve(), run() fills dp and back() recovers counts. */
export function layJob(lay: Layout, p: Prepared, job: DpJob) {
  const nS = job.singles.length;
  const nG = job.groups.length;
  const W = job.window;
  const gainLen = job.groups.reduce((a, g) => a + 1 + Math.min(g.reduce((t, q) => t + job.units[q]!, 0), Math.floor(W / p.size[job.items[g[0]!]!]!)), 0);
  const nB = job.bins.length;
  let binRows = 0;
  for (const q of job.bins) binRows += piecesOf(usable(p, job, q));
  const o = {
    sSize: lay.take(nS, 4), sCopies: lay.take(nS, 4), sCounts: lay.take(nS, 4), sValue: lay.take(nS, 8),
    bSize: lay.take(nB, 4), bCopies: lay.take(nB, 4), bCounts: lay.take(nB, 4), bValue: lay.take(nB, 8),
    bChoice: lay.take(job.record ? Math.ceil((binRows * (W + 1)) / 4) : 0, 4),
    gSize: lay.take(nG, 4), gOff: lay.take(nG + 1, 4), gCounts: lay.take(nG, 4), gGain: lay.take(gainLen, 8),
    dp: lay.take(W + 1, 8),
    sChoice: lay.take(job.record ? Math.ceil((nS * (W + 1) * job.width) / 4) : 0, 4),
    gChoice: lay.take(job.record ? Math.ceil((nG * (W + 1) * job.width) / 4) : 0, 4),
  };
  return o;
}

interface Scratch { dqVal: number; dqIdx: number; seqOut: number }

export function runJob(sv: Solve, base: number, o: ReturnType<typeof layJob>, sc: Scratch, job: DpJob): Float64Array {
  const { k, p } = sv;
  const buf = k.memory.buffer;
  const W = job.window;
  const nS = job.singles.length;
  const nG = job.groups.length;
  // the item lists of one kernel call: size, copies(q) and signed value of each job item q
  const items = (qs: number[], size: number, copies: number, value: number, copiesOf: (q: number) => number) => {
    const sz = new Int32Array(buf, base + size, qs.length);
    const cp = new Int32Array(buf, base + copies, qs.length);
    const val = new Float64Array(buf, base + value, qs.length);
    qs.forEach((q, i) => {
      const j = job.items[q]!;
      sz[i] = p.size[j]!;
      cp[i] = copiesOf(q);
      val[i] = job.sign * p.value[j]!;
    });
  };
  items(job.singles, o.sSize, o.sCopies, o.sValue, (q) => Math.min(job.units[q]!, Math.floor(W / p.size[job.items[q]!]!) || 1));
  const nB = job.bins.length;
  items(job.bins, o.bSize, o.bCopies, o.bValue, (q) => usable(p, job, q));
  // binary pieces first (they initialise dp), then the deque, then the groups
  let status = k.knapsackBinary({
    n: nB, sizes: base + o.bSize, values: base + o.bValue, copies: base + o.bCopies, capacity: W,
    dp: base + o.dp, choice: base + o.bChoice, record: job.record ? 1 : 0, mode: job.mode,
  });
  if (status !== OK) throw statusError(status, 'knapsack (binary)');
  const width = job.record ? job.width : 0;
  status = k.knapsackTable({
    n: nS, sizes: base + o.sSize, values: base + o.sValue, copies: base + o.sCopies, capacity: W,
    dp: base + o.dp, choice: base + o.sChoice, dequeIdx: sc.dqIdx, dequeVal: sc.dqVal, choiceWidth: width, mode: KNAPSACK_CONTINUE,
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
export function backJob(sv: Solve, base: number, o: ReturnType<typeof layJob>, job: DpJob, start: number): number[] {
  const { k, p } = sv;
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
  job.singles.forEach((q, i) => {
    out[q] = c[i]!;
    w -= c[i]! * p.size[job.items[q]!]!;
  });
  const nB = job.bins.length;
  if (nB > 0) {
    const sb = k.knapsackBinaryBack({ n: nB, sizes: base + o.bSize, copies: base + o.bCopies, capacity: job.window, choice: base + o.bChoice, start: w, counts: base + o.bCounts });
    if (sb !== OK) throw statusError(sb, 'knapsack');
    const cb = new Int32Array(k.memory.buffer, base + o.bCounts, nB);
    job.bins.forEach((q, i) => { out[q] = cb[i]!; });
  }
  return out;
}

/** Group item types of one size when there are more than this × log2(class length) of them. */
const GROUP_FACTOR = 1;
/** Relative cost of one concave-kernel cell (a scan step of the divide and conquer). */
const GROUP_COST = 2;

export function layScratch(lay: Layout, window: number) {
  return { dqVal: lay.take(window + 1, 8), dqIdx: lay.take(window + 1, 4), seqOut: lay.take(window + 1, 8) };
}

/** A job restricted to some atoms (an atom: one single's position, or one group's positions). */
export function subJob(p: Prepared, job: DpJob, atoms: number[][], window: number, record: boolean): { sub: DpJob; map: number[] } {
  const items: number[] = [];
  const units: number[] = [];
  const singles: number[] = [];
  const bins: number[] = [];
  const groups: number[][] = [];
  const map: number[] = [];
  const view = { items, units, window };
  for (const a of atoms) {
    for (const q of a) { map.push(q); items.push(job.items[q]!); units.push(job.units[q]!); }
    if (a.length === 1) {
      const at = items.length - 1;
      (binary(p, view, at, job.allowBinary) ? bins : singles).push(at);
    } else groups.push(a.map((_, i) => items.length - a.length + i));
  }
  return { sub: { ...job, items, units, singles, bins, groups, window, record }, map };
}

export function atomsOf(job: DpJob): number[][] {
  return [...job.singles.map((q) => [q]), ...job.bins.map((q) => [q]), ...job.groups];
}

/** The DP values of a job (copied out), no tables. */
export function dpOnly(sv: Solve, job: DpJob): Float64Array {
  const { k, p } = sv;
  const lay = new Layout();
  const o = layJob(lay, p, job);
  const so = layScratch(lay, job.window);
  const base = lay.reserve(k, 'knapsack');
  return runJob(sv, base, o, { dqVal: base + so.dqVal, dqIdx: base + so.dqIdx, seqOut: base + so.seqOut }, job).slice();
}

/** Counts of the job's best solution of size `start` (exact mode) or <= start, with tables. */
export function tableSolve(sv: Solve, job: DpJob, start: number): number[] {
  const { k, p } = sv;
  const lay = new Layout();
  const o = layJob(lay, p, job);
  const so = layScratch(lay, job.window);
  const base = lay.reserve(k, 'knapsack');
  runJob(sv, base, o, { dqVal: base + so.dqVal, dqIdx: base + so.dqIdx, seqOut: base + so.seqOut }, job);
  return backJob(sv, base, o, job, start);
}

/**
 * Counts (into `out`, by job position) of an optimal solution of total size `start`
 * (exact mode) or <= start (at-most mode) over `atoms`, in O(window) memory: split the
 * atoms in halves, run both DPs without tables, pick the split w1 + w2 = start with the
 * best sum, recurse (Hirschberg's idea for knapsack). Small cases use tables.
 */
export function solveDC(sv: Solve, job: DpJob, atoms: number[][], start: number, out: number[]): void {
  const { p } = sv;
  const { sub, map } = subJob(p, job, atoms, start, true);
  if (atoms.length === 1 || tableBytes(p, sub) <= sv.maxBytes / 4) {
    const c = tableSolve(sv, sub, start);
    c.forEach((x, i) => { out[map[i]!] = x; });
    return;
  }
  const half = atoms.length >> 1;
  const A = atoms.slice(0, half);
  const B = atoms.slice(half);
  const dA = dpOnly(sv, subJob(p, job, A, start, false).sub);
  const dB = dpOnly(sv, subJob(p, job, B, start, false).sub);
  let best = -Infinity;
  let split = 0;
  for (let w = 0; w <= start; w++) {
    const v = dA[w]! + dB[start - w]!;
    if (v > best) { best = v; split = w; }
  }
  solveDC(sv, job, A, split, out);
  solveDC(sv, job, B, start - split, out);
}

/** Bytes of a job's reconstruction tables (deque and concave rows, binary-piece rows). */
function tableBytes(p: Prepared, job: DpJob): number {
  let binRows = 0;
  for (const q of job.bins) binRows += piecesOf(usable(p, job, q));
  return ((job.singles.length + job.groups.length) * job.width + binRows) * (job.window + 1);
}

/**
 * Counts per job position of the best solution of size `start` (tables, or divide and
 * conquer when the plan is `light` and this job's tables do not fit the budget: a job
 * cut to the chosen size often fits although the plan's full windows did not).
 */
export function jobCounts(sv: Solve, job: DpJob, light: boolean, start: number): number[] {
  if (!light || tableBytes(sv.p, job) + job.lightBytes <= sv.maxBytes) return tableSolve(sv, { ...job, record: true }, start);
  const out = new Array<number>(job.items.length).fill(0);
  solveDC(sv, job, atomsOf(job), start, out);
  return out;
}

