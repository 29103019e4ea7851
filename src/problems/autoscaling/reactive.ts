// The reactive tune family (docs/autoscaling.md, "Reactive family (`reactive`)"): per step,
// pods = ceil(max(m_b · forecast-safe, r_b · x2) + a_b · u) within minPods..maxPods, where x2 is
// the highest of the last 3 values known when the step's pods are decided (÷ the workload one
// pod carries at the target) and b = 1 when a jump step (replay.ts, jumpSteps) lies in the
// last known hour, else 0; one (m, a, r) per bucket, chosen by a coordinate descent over the
// tune grid × REACTIVE_LEVELS on the tune backtest. Causal: a step's count reads only the
// values at indices <= d = i − 1 − L (the replay's lag). The scan of one bucket re-evaluates
// only the steps whose cost it can change (its own steps and their successors: the warm-up and
// the top-up's readiness couple a step to the one before), in O(those steps) per grid point,
// with integer pod sums: exactly the full evaluation's cost.
import { jumpSteps, UTIL_TOL } from './replay.js';
import type { Relation } from './relation.js';

/** The reaction levels r of the reactive family (the `reactive` field of a bucket). */
export const REACTIVE_LEVELS: readonly number[] = [0, 0.7, 0.9, 1, 1.1, 1.25];
/** Most rounds of the coordinate descent. */
export const REACTIVE_MAX_ROUNDS = 8;

export interface ReactiveBucket { multiplier: number; floor: number; reactive: number }

/** Steps between the last known value and the step a decided pod serves (the replay's LAG). */
export const reactiveLag = (step: number, readySeconds: number): number => Math.max(1, Math.ceil(readySeconds / step));
/** Indices of "the last known hour" of the jump bucket (at least 3). */
export const jumpHour = (step: number): number => Math.max(3, Math.round(3600 / step));

/**
 * x2 and bucket of the H steps of a window starting at absolute index o of the series w (the
 * history followed by the window): step t, i = o + t, d = i − 1 − L; x2 = max(the values at
 * max(0, d − 2)..d (null: 0), the last known value at or before d) ÷ rel.atTarget (0 when
 * d < 0); bucket = 1 when jumpSteps of the series is 1 at some index of max(1, d − P + 1)..d.
 * Reads w only below o + H − 1 − L (the last d + 1).
 */
export function reactiveSignals(
  w: ArrayLike<number | null>, o: number, H: number, rel: Relation, min: number, max: number,
  maxUtilization: number, step: number, readySeconds: number,
): { x2: Float64Array; bucket: Uint8Array } {
  const L = reactiveLag(step, readySeconds);
  const P = jumpHour(step);
  const end = Math.max(0, Math.min(w.length, o + H - 1 - L)); // indices < end may be read
  const known = new Array<number | null>(end);
  for (let j = 0; j < end; j++) known[j] = w[j] ?? null;
  const J = jumpSteps({ actual: known, history: [], relation: rel, minPods: min, maxPods: max }, maxUtilization);
  const cum = new Int32Array(end + 1);
  for (let j = 0; j < end; j++) cum[j + 1] = cum[j]! + J[j]!;
  const x2 = new Float64Array(H);
  const bucket = new Uint8Array(H);
  let last = 0, scanned = 0; // the last known value at or before scanned − 1 (0 when none)
  for (let t = 0; t < H; t++) {
    const d = o + t - 1 - L;
    if (d < 0) continue;
    while (scanned <= d) { const v = known[scanned]; if (v !== null && v !== undefined) last = v; scanned++; }
    let hi = last;
    for (let j = Math.max(0, d - 2); j <= d; j++) hi = Math.max(hi, known[j] ?? 0);
    x2[t] = hi / rel.atTarget;
    const lo = Math.max(1, d - P + 1);
    if (lo <= d && cum[d + 1]! - cum[lo]! > 0) bucket[t] = 1;
  }
  return { x2, bucket };
}

/** The family's value of one step before rounding: max(m · s, r · x2) + a · u. */
export const tunedLevel = (s: number, x2: number, m: number, a: number, r: number, u: number): number => Math.max(m * s, r > 0 ? r * x2 : 0) + a * u;
/** ceil(y) within min..max with podsFor's guard (12.000000001 rounds down); Infinity: max. */
export const boundedCeil = (y: number, min: number, max: number): number => (y === Infinity ? max : Math.min(max, Math.max(min, Math.ceil(y - 1e-9 * Math.max(1, y)))));
/** One step's count: ceil(max(m · s, r · x2) + a · u) within min..max (the same guard as podsFor against 12.000000001). */
export const reactiveCount = (s: number, x2: number, m: number, a: number, r: number, u: number, min: number, max: number): number =>
  boundedCeil(tunedLevel(s, x2, m, a, r, u), min, max);

/** The map of a window's counts with the buckets' parameters (index = bucket). */
export function reactiveInto(safe: ArrayLike<number>, x2: ArrayLike<number>, bucket: ArrayLike<number>, ps: readonly ReactiveBucket[], u: number, b: { min: number; max: number }, out: { [t: number]: number; length: number }): void {
  for (let t = 0; t < safe.length; t++) {
    const p = ps[bucket[t]!]!;
    out[t] = reactiveCount(safe[t]!, x2[t]!, p.multiplier, p.floor, p.reactive, u, b.min, b.max);
  }
}
export const reactiveCounts = (safe: ArrayLike<number>, x2: ArrayLike<number>, bucket: ArrayLike<number>, ps: readonly ReactiveBucket[], u: number, b: { min: number; max: number }): number[] => {
  const out = new Array<number>(safe.length);
  reactiveInto(safe, x2, bucket, ps, u, b, out);
  return out;
};

/** One backtested (service, window) of the tune: forecast-safe's counts, the held-out actuals and the signals. */
export interface ReactiveItem {
  planned: ArrayLike<number>;
  late?: ArrayLike<number>;
  actual: ArrayLike<number | null>;
  initial: number;
  rel: Relation;
  u: number;
  b: { min: number; max: number };
  x2: Float64Array;
  bucket: Uint8Array;
}

export interface ReactiveSearch {
  step: number;
  readySeconds: number;
  maxUtilization: number;
  /** missCost · 3600: pod-seconds per under-provisioned step. */
  price: number;
  multipliers: readonly number[];
  floors: readonly number[];
  levels: readonly number[];
  maxRounds: number;
}

/**
 * Integer miss interval of a step with integer ready pods n: under-provisioned iff lo <= n < hi
 * (exactly underProvisioned's test rel.util(w, n) > maxU · (1 + UTIL_TOL): util is
 * non-increasing in n for w > 0, so a bisection with the same function; for w = 0 it is 0 at
 * n = 0 and a constant above).
 */
function missInterval(w: number | null | undefined, rel: Relation, thr: number, max: number): [number, number] {
  if (w === null || w === undefined) return [0, 0];
  if (!(w > 0)) return rel.util(w, 1) > thr ? [1, Infinity] : [0, 0];
  if (rel.util(w, max) > thr) return [0, Infinity];
  let lo = 0, hi = max; // util(lo) > thr, util(hi) <= thr
  if (!(rel.util(w, 0) > thr)) return [0, 0];
  while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); if (rel.util(w, mid) > thr) lo = mid; else hi = mid; }
  return [0, hi];
}

/**
 * The coordinate descent (docs): from `start` (both buckets), scan bucket 1 then bucket 0 over
 * levels (outer) × floors × multipliers (inner), each point's cost = pod-seconds + price ·
 * misses of the whole backtest with the other bucket fixed; a point replaces the incumbent only
 * when cheaper by more than 1e-12 relative, or as cheap within it with fewer pod-seconds;
 * rounds until one changes nothing, at most maxRounds. Returns the buckets and the rounds run.
 */
export function reactiveDescent(items: readonly ReactiveItem[], start: readonly [ReactiveBucket, ReactiveBucket], o: ReactiveSearch): ReactiveChoice {
  return new ReactiveSearcher(items, o).descent(start, o.price);
}

export interface ReactiveChoice { buckets: [ReactiveBucket, ReactiveBucket]; rounds: number; cost: number; podSeconds: number; misses: number }

/** A scan's figures at every grid point (index (level · floors + floor) · multipliers + multiplier): ready-pod steps N, warm-up pods U, misses M of the whole backtest. */
interface ScanTable { N: Float64Array; U: Float64Array; M: Float64Array }

/**
 * The descent's state for one backtest: a scan of bucket b depends only on the other bucket's
 * parameters, not on the price, so its figures at every grid point are computed once and kept
 * (at most MAX_TABLES); descents at many prices (the goal search, docs/autoscaling.md, "Tuning
 * to a goal") then share them and choose exactly as one descent at a time would.
 */
export class ReactiveSearcher {
  private readonly tables = new Map<string, ScanTable>();
  private static readonly MAX_TABLES = 256;
  private readonly total: number;
  private readonly topUp: boolean;
  private readonly thr: number;
  private readonly frac: number;
  private readonly missLo: Float64Array;
  private readonly missHi: Float64Array;
  private readonly points: number;

  /** `perMultiplier`: the scan without top-up one multiplier at a time (the loop the one-pass scan replaced; kept for the test that they agree). */
  constructor(private readonly items: readonly ReactiveItem[], private readonly o: Omit<ReactiveSearch, 'price'>, private readonly perMultiplier = false) {
    this.thr = o.maxUtilization * (1 + UTIL_TOL);
    this.frac = Math.max(0, 1 - o.readySeconds / o.step);
    let total = 0;
    for (const it of items) total += it.planned.length;
    this.total = total;
    this.topUp = items.some((it) => it.late);
    // per step of all items (flat): the miss interval (integer ready pods)
    this.missLo = new Float64Array(total); this.missHi = new Float64Array(total);
    let k = 0;
    for (const it of items) for (let t = 0; t < it.planned.length; t++, k++) [this.missLo[k], this.missHi[k]] = missInterval(it.actual[t], it.rel, this.thr, it.b.max);
    this.points = o.levels.length * o.floors.length * o.multipliers.length;
  }

  /** Per-step buffers of a table's computation, allocated once per searcher (a goal search builds hundreds of tables). */
  private buffers: ReturnType<ReactiveSearcher['allocate']> | null = null;
  private scratch() { return (this.buffers ??= this.allocate()); }
  private allocate() {
    const n = this.total, F = () => new Float64Array(n);
    return {
      curE: F(), curL: F(), aS: F(), aSL: F(), aX: F(), aU: F(), aMin: F(), aMax: F(), aLo: F(), aHi: F(),
      aVar: new Uint8Array(n), aPrevVar: new Uint8Array(n), aPrev: F(), aFE: F(), aFL: F(), aW: F(), aRel: new Array<Relation>(n), rx: F(), au: F(),
    };
  }

  /** The grid index of a bucket (every descent point is on the grid: the start is the plain choice, r = 0). */
  private index(p: ReactiveBucket): number {
    const { levels, floors, multipliers } = this.o;
    const r = levels.indexOf(p.reactive), a = floors.indexOf(p.floor), m = multipliers.indexOf(p.multiplier);
    return r < 0 || a < 0 || m < 0 ? -1 : (r * floors.length + a) * multipliers.length + m;
  }

  /** The figures of every point of bucket b's grid with the other bucket at `other`. */
  private table(b: number, other: ReactiveBucket): ScanTable {
    const key = `${b}|${other.multiplier}|${other.floor}|${other.reactive}`;
    const hit = this.tables.get(key);
    if (hit) return hit;
    const { items, topUp, thr, frac, missLo, missHi, o } = this;
    // the other bucket's counts (early = planned, late = top-up); bucket b's are variable
    const { curE, curL } = this.scratch();
    let k = 0;
    for (const it of items) {
      for (let t = 0; t < it.planned.length; t++, k++) {
        if (it.bucket[t] === b) continue;
        curE[k] = reactiveCount(it.planned[t]!, it.x2[t]!, other.multiplier, other.floor, other.reactive, it.u, it.b.min, it.b.max);
        curL[k] = it.late ? reactiveCount(it.late[t]!, it.x2[t]!, other.multiplier, other.floor, other.reactive, it.u, it.b.min, it.b.max) : curE[k]!;
      }
    }
    // one fixed step's contribution: pods (late), warm-up pods (early above the previous late), miss
    let cN = 0, cU = 0, cM = 0;
    // the affected steps (bucket b's and their successors), flat, in the searcher's scratch
    const { aS, aSL, aX, aU, aMin, aMax, aLo, aHi, aVar, aPrevVar, aPrev, aFE, aFL, aW, aRel } = this.scratch();
    let n = 0;
    k = 0;
    for (const it of items) {
      const H = it.planned.length;
      for (let t = 0; t < H; t++, k++) {
        const mine = it.bucket[t] === b, prevMine = t > 0 && it.bucket[t - 1] === b;
        const prev = t > 0 ? curL[k - 1]! : it.initial;
        if (!mine && !prevMine) {
          const e = curE[k]!, l = curL[k]!, w = it.actual[t];
          cN += l;
          if (e > prev) cU += e - prev;
          if (w === null || w === undefined) continue;
          const avail = prev > e ? prev : e;
          if (l <= avail) { if (l >= missLo[k]! && l < missHi[k]!) cM++; } else if (it.rel.util(w, avail + (l - avail) * frac) > thr) cM++;
          continue;
        }
        aVar[n] = mine ? 1 : 0; aPrevVar[n] = prevMine ? 1 : 0; aPrev[n] = prev;
        aS[n] = it.planned[t]!; aSL[n] = it.late ? it.late[t]! : 0; aX[n] = it.x2[t]!; aU[n] = it.u;
        aMin[n] = it.b.min; aMax[n] = it.b.max; aLo[n] = missLo[k]!; aHi[n] = missHi[k]!;
        aFE[n] = curE[k]!; aFL[n] = curL[k]!;
        const w = it.actual[t]; aW[n] = w === null || w === undefined ? NaN : w; aRel[n] = it.rel;
        n++;
      }
    }
    const { rx, au } = this.scratch();
    const evalTopUp = (m: number): [number, number, number] => {
      let N = 0, U = 0, M = 0, prevL = 0;
      for (let q = 0; q < n; q++) {
        let e: number, l: number;
        if (aVar[q]) {
          const mn = aMin[q]!, mx = aMax[q]!;
          let y = Math.max(m * aS[q]!, rx[q]!) + au[q]!;
          e = y === Infinity ? mx : Math.min(mx, Math.max(mn, Math.ceil(y - 1e-9 * Math.max(1, y))));
          if (topUp) { y = Math.max(m * aSL[q]!, rx[q]!) + au[q]!; l = y === Infinity ? mx : Math.min(mx, Math.max(mn, Math.ceil(y - 1e-9 * Math.max(1, y)))); } else l = e;
        } else { e = aFE[q]!; l = aFL[q]!; }
        const prev = aPrevVar[q] ? prevL : aPrev[q]!;
        N += l;
        if (e > prev) U += e - prev;
        const w = aW[q]!;
        if (w === w) { // a known value (NaN: missing)
          const avail = prev > e ? prev : e;
          if (l <= avail) { if (l >= aLo[q]! && l < aHi[q]!) M++; } else if (aRel[q]!.util(w, avail + (l - avail) * frac) > thr) M++;
        }
        prevL = l;
      }
      return [N, U, M];
    };
    // without top-up (ready = the count, early = late): the same sums in a tighter loop (a missing value has the empty interval)
    const evalPlain = (m: number): [number, number, number] => {
      let N = 0, U = 0, M = 0, prevL = 0;
      for (let q = 0; q < n; q++) {
        let l: number;
        if (aVar[q]) {
          const y = Math.max(m * aS[q]!, rx[q]!) + au[q]!;
          const mn = aMin[q]!, mx = aMax[q]!;
          l = y === Infinity ? mx : Math.ceil(y - 1e-9 * (y > 1 ? y : 1));
          if (l < mn) l = mn; else if (l > mx) l = mx;
        } else l = aFE[q]!;
        const prev = aPrevVar[q] ? prevL : aPrev[q]!;
        N += l;
        if (l > prev) U += l - prev;
        if (l >= aLo[q]! && l < aHi[q]!) M++;
        prevL = l;
      }
      return [N, U, M];
    };
    // without top-up, all multipliers in one pass over the steps (each step's data read once, not
    // once per multiplier: about 2.7 times faster on 2 million steps); the same sums in the same
    // order (integers: exact), so the same table as evalPlain's (tested)
    const nm = o.multipliers.length;
    const ms = Float64Array.from(o.multipliers);
    const vN = new Float64Array(nm), vU = new Float64Array(nm), vM = new Float64Array(nm), vP = new Float64Array(nm);
    const evalPlainAll = () => {
      vN.fill(0); vU.fill(0); vM.fill(0); vP.fill(0);
      for (let q = 0; q < n; q++) {
        const pv = aPrevVar[q] === 1, pc = aPrev[q]!, lo = aLo[q]!, hi = aHi[q]!;
        if (aVar[q]) {
          const s = aS[q]!, r = rx[q]!, a = au[q]!, mn = aMin[q]!, mx = aMax[q]!;
          for (let i = 0; i < nm; i++) {
            const y = Math.max(ms[i]! * s, r) + a;
            let l = y === Infinity ? mx : Math.ceil(y - 1e-9 * (y > 1 ? y : 1));
            if (l < mn) l = mn; else if (l > mx) l = mx;
            const prev = pv ? vP[i]! : pc;
            vN[i] += l;
            if (l > prev) vU[i] += l - prev;
            if (l >= lo && l < hi) vM[i]++;
            vP[i] = l;
          }
        } else {
          const l = aFE[q]!, miss = l >= lo && l < hi ? 1 : 0;
          for (let i = 0; i < nm; i++) {
            const prev = pv ? vP[i]! : pc;
            vN[i] += l;
            if (l > prev) vU[i] += l - prev;
            vM[i] += miss;
            vP[i] = l;
          }
        }
      }
    };
    const tab: ScanTable = { N: new Float64Array(this.points), U: new Float64Array(this.points), M: new Float64Array(this.points) };
    let i = 0;
    for (const r of o.levels) {
      for (const a of o.floors) {
        for (let q = 0; q < n; q++) { rx[q] = r > 0 ? r * aX[q]! : 0; au[q] = a * aU[q]!; }
        if (!topUp && !this.perMultiplier) {
          evalPlainAll();
          for (let k = 0; k < nm; k++, i++) { tab.N[i] = cN + vN[k]!; tab.U[i] = cU + vU[k]!; tab.M[i] = cM + vM[k]!; }
          continue;
        }
        for (const m of o.multipliers) {
          const [N, U, M] = topUp ? evalTopUp(m) : evalPlain(m);
          tab.N[i] = cN + N; tab.U[i] = cU + U; tab.M[i] = cM + M;
          i++;
        }
      }
    }
    if (this.tables.size >= ReactiveSearcher.MAX_TABLES) this.tables.clear();
    this.tables.set(key, tab);
    return tab;
  }

  /** The descent at one price (pod-seconds per miss) from `start`. */
  descent(start: readonly [ReactiveBucket, ReactiveBucket], price: number): ReactiveChoice {
    const { step, readySeconds: rs, levels, floors, multipliers } = this.o;
    const params: [ReactiveBucket, ReactiveBucket] = [{ ...start[0] }, { ...start[1] }];
    const nm = multipliers.length, nf = floors.length;
    let last = { ps: 0, cost: 0, miss: 0 };
    const scan = (b: number): boolean => {
      const tab = this.table(b, params[1 - b]!);
      const cur = params[b]!;
      const at = (i: number) => { const ps = step * tab.N[i]! + rs * tab.U[i]!; return { ps, cost: ps + price * tab.M[i]!, miss: tab.M[i]! }; };
      const ci = this.index(cur);
      if (ci < 0) throw new Error(`reactive descent: bucket ${b} (${cur.multiplier}, ${cur.floor}, ${cur.reactive}) is not on the grid`);
      let best = at(ci), bi = ci;
      for (let i = 0; i < this.points; i++) {
        const ps = step * tab.N[i]! + rs * tab.U[i]!;
        const cost = ps + price * tab.M[i]!;
        const tol = 1e-12 * Math.max(1, Math.abs(cost));
        if (cost < best.cost - tol || (cost <= best.cost + tol && ps < best.ps)) { best = { ps, cost, miss: tab.M[i]! }; bi = i; }
      }
      const p = { multiplier: multipliers[bi % nm]!, floor: floors[Math.floor(bi / nm) % nf]!, reactive: levels[Math.floor(bi / (nm * nf))]! };
      const changed = p.multiplier !== cur.multiplier || p.floor !== cur.floor || p.reactive !== cur.reactive;
      params[b] = changed ? p : cur;
      last = best;
      return changed;
    };
    let rounds = 0;
    while (rounds < this.o.maxRounds) {
      rounds++;
      const c1 = scan(1);
      const c0 = scan(0);
      if (!c1 && !c0) break;
    }
    return { buckets: params, rounds, cost: last.cost, podSeconds: last.ps, misses: last.miss };
  }
}

/** A backtested (service, window) of the plain tune: forecast-safe's planned counts and what the replay scores them by. */
export interface PlainItem { planned: ArrayLike<number>; actual: ArrayLike<number | null>; initial: number; rel: Relation; u: number; b: { min: number; max: number } }

/**
 * The plain tune's grid without top-up (docs/autoscaling.md, "Tuned policy"): pod-seconds and
 * under-provisioned steps of ceil(m · planned + a · u) within the bounds at every (a outer, m
 * inner) point, all multipliers in one pass over the steps per floor. The counts, warm-up and
 * misses are the replay's (scaleInto, plannedTrace, underProvisioned through the miss interval);
 * pod-seconds = step · Σ pods + readySeconds · Σ warm-up pods, equal to the replay's sums when
 * readySeconds is an integer (all terms are integers; the caller uses this path only then).
 */
export function plainGrid(items: readonly PlainItem[], o: { step: number; readySeconds: number; maxUtilization: number; multipliers: readonly number[]; floors: readonly number[] }): { ps: Float64Array; miss: Float64Array } {
  const thr = o.maxUtilization * (1 + UTIL_TOL);
  const nm = o.multipliers.length, nf = o.floors.length;
  const ms = Float64Array.from(o.multipliers);
  let total = 0;
  for (const it of items) total += it.planned.length;
  // the miss interval of every step (floor- and multiplier-free)
  const lo = new Float64Array(total), hi = new Float64Array(total);
  {
    let k = 0;
    for (const it of items) for (let t = 0; t < it.planned.length; t++, k++) [lo[k], hi[k]] = missInterval(it.actual[t], it.rel, thr, it.b.max);
  }
  const ps = new Float64Array(nf * nm), miss = new Float64Array(nf * nm);
  const vN = new Float64Array(nm), vU = new Float64Array(nm), vM = new Float64Array(nm), vP = new Float64Array(nm);
  for (let f = 0; f < nf; f++) {
    const a = o.floors[f]!;
    vN.fill(0); vU.fill(0); vM.fill(0);
    let k = 0;
    for (const it of items) {
      vP.fill(it.initial);
      const au = a * it.u, mn = it.b.min, mx = it.b.max;
      for (let t = 0; t < it.planned.length; t++, k++) {
        const s = it.planned[t]!, l0 = lo[k]!, h0 = hi[k]!;
        for (let i = 0; i < nm; i++) {
          const y = ms[i]! * s + au;
          const l = Math.min(mx, Math.max(mn, Math.ceil(y - 1e-9 * Math.max(1, y))));
          vN[i] += l;
          if (l > vP[i]!) vU[i] += l - vP[i]!;
          if (l >= l0 && l < h0) vM[i]++;
          vP[i] = l;
        }
      }
    }
    for (let i = 0; i < nm; i++) { ps[f * nm + i] = o.step * vN[i]! + o.readySeconds * vU[i]!; miss[f * nm + i] = vM[i]!; }
  }
  return { ps, miss };
}
