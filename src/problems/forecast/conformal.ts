// Conformal intervals from out-of-sample errors per horizon step (docs/forecast.md,
// "Intervals"). A method fitted on the first `cut` values forecasts from origins around
// `cut`; every forecast of an observed value at index t in [cut, end) is an
// out-of-sample error at its step h (the fit never saw y[t]). Errors are pooled in
// horizon buckets (neighbouring steps, widened until they hold MIN_POOL errors), and
// each level's interval is [q_lo, q_hi] of the signed errors (quickselect), with the finite-sample
// conformal ranks floor((n+1)·α/2) and ceil((n+1)·(1-α/2)).
import type { Fitted } from './method.js';
import type { Kernels } from '../../wasm/loader.js';
import { Layout } from '../../wasm/arena.js';
import { statusError } from '../../core/errors.js';
import { OK } from '../../wasm/abi.js';
import type { SeriesCtx } from './series.js';

/** Error buckets across the horizon: at most this many. */
const MAX_BUCKETS = 24;
/**
 * Errors per step and window to aim for (origins are strided to about this many): PER_STEP,
 * down to PER_STEP_MIN on long horizons where a bucket pools many steps (a bucket's pool
 * over the calibration windows then still holds about POOL_AIM errors or more).
 */
const PER_STEP = 24;
const PER_STEP_MIN = 8;
const POOL_AIM = 320;
/**
 * floor and ceil of a rank (n + 1)·α computed in floating point: where the exact product is a
 * whole number (n = 59 at level 0.9: 60 × 0.05 = 3), rounding can land it just below or above
 * (2.9999999999999996), and the plain floor / ceil would move the rank one step outward
 * against docs/forecast.md. A tolerance far above the rounding error (≈ 1e-16 · x) and far
 * below the fractional parts a level gives (multiples of its last decimal) snaps it back.
 * The kernel (assembly/forecast-conformal.ts) does the same.
 */
export const RANK_TOLERANCE = 1e-9;
export const floorRank = (x: number) => Math.floor(x + RANK_TOLERANCE * (1 + x));
export const ceilRank = (x: number) => Math.ceil(x - RANK_TOLERANCE * (1 + x));

const perStepFor = (H: number, nb: number) => Math.min(PER_STEP, Math.max(PER_STEP_MIN, Math.ceil((POOL_AIM * nb) / (H * 4))));
/** Smallest pool a bucket's quantiles use (widened over neighbours until reached). */
const MIN_POOL = 60;

/**
 * Scratch for the series being evaluated (docs/forecast.md, "Speed"): the calibration's
 * error and bucket arrays, pools and medians are views into a few large blocks, all
 * released at once when the next series starts (withScratch), instead of hundreds of
 * kilobytes of typed arrays per series for the garbage collector. Arrays handed out are
 * not zeroed: every user writes each element before reading it.
 */
export class Scratch {
  private f = new Float64Array(1 << 15);
  private fAt = 0;
  private u = new Uint8Array(1 << 15);
  private uAt = 0;
  f64(n: number): Float64Array {
    if (this.fAt + n > this.f.length) { this.f = new Float64Array(Math.max(2 * this.f.length, n)); this.fAt = 0; }
    const a = this.f.subarray(this.fAt, this.fAt + n);
    this.fAt += n;
    return a;
  }
  u8(n: number): Uint8Array {
    if (this.uAt + n > this.u.length) { this.u = new Uint8Array(Math.max(2 * this.u.length, n)); this.uAt = 0; }
    const a = this.u.subarray(this.uAt, this.uAt + n);
    this.uAt += n;
    return a;
  }
  /** Release everything handed out (views still held by a caller would be overwritten). */
  reset(): void { this.fAt = 0; this.uAt = 0; }
}

let current: Scratch | null = null;
/**
 * Run f (synchronous) with s as the scratch of scratchF64/scratchU8, after releasing what s
 * handed out before: nothing allocated from s may outlive f's result (copy out).
 */
export function withScratch<T>(s: Scratch, f: () => T): T {
  const prev = current;
  current = s;
  s.reset();
  try { return f(); } finally { current = prev; }
}
/** A Float64Array of n (not zeroed inside withScratch; a new zeroed one outside). */
export const scratchF64 = (n: number): Float64Array => (current ? current.f64(n) : new Float64Array(n));
export const scratchU8 = (n: number): Uint8Array => (current ? current.u8(n) : new Uint8Array(n));

export interface Calibration {
  /** Signed errors y − forecast, and the horizon bucket of each. */
  err: Float64Array;
  bucket: Uint8Array;
  /** Buckets across the horizon. */
  nb: number;
  /** Bucket of step h (0-based). */
  bucketOf: (h: number) => number;
  /** Mean absolute error over every collected error (NaN when none). */
  mae: number;
  /** Root mean squared error over every collected error (NaN when none). */
  rmse: number;
  count: number;
  /** The windows' calibrations this one pools, in order (mergeCalibrations); absent: a single window. */
  parts?: readonly Calibration[];
}

/**
 * The one shape of every calibration this module and the combination build (docs/batch.md,
 * fifth pass): the same fields in the same order whether its errors are held (`e`, `b`) or
 * built on first use (`src`: a window collected again, or windows pooled), so the code that
 * reads calibrations sees one map; `bucketOf` is a method over (nb, H), not a closure per
 * calibration.
 */
export class Cal implements Calibration {
  private e: Float64Array | null;
  private b: Uint8Array | null;
  private src: (() => { err: Float64Array; bucket: Uint8Array }) | null;
  readonly nb: number;
  readonly H: number;
  readonly mae: number;
  readonly rmse: number;
  readonly count: number;
  readonly parts: readonly Calibration[] | undefined;
  constructor(err: Float64Array | null, bucket: Uint8Array | null, src: (() => { err: Float64Array; bucket: Uint8Array }) | null, nb: number, H: number, mae: number, rmse: number, count: number, parts: readonly Calibration[] | undefined) {
    this.e = err;
    this.b = bucket;
    this.src = src;
    this.nb = nb;
    this.H = H;
    this.mae = mae;
    this.rmse = rmse;
    this.count = count;
    this.parts = parts;
  }
  private load(): void {
    const got = this.src!();
    this.e = got.err;
    this.b = got.bucket;
  }
  get err(): Float64Array {
    if (this.e === null) this.load();
    return this.e!;
  }
  get bucket(): Uint8Array {
    if (this.b === null) this.load();
    return this.b!;
  }
  bucketOf(h: number): number { return Math.floor((h * this.nb) / this.H); }
}

/** The horizon a calibration's bucketOf divides by (every calibration built here is a Cal; NaN for any other). */
export const calHorizon = (c: Calibration): number => (c instanceof Cal ? c.H : NaN);

/**
 * Collect the out-of-sample errors of `fit` (fitted on y[0:cut]) on the targets [cut, end).
 * lazy: only count, MAE and RMSE now; the errors themselves are collected again on first
 * use of `err` or `bucket` (auto reads only the RMSE of most candidates: the same values).
 */
export function calibrate(ctx: SeriesCtx, fit: Fitted, cut: number, end: number, H: number, lazy = false): Calibration {
  if (lazy) {
    const c = collect(ctx, fit, cut, end, H, false);
    return new Cal(null, null, () => collect(ctx, fit, cut, end, H, true), c.nb, H, c.mae, c.rmse, c.count, undefined);
  }
  return collect(ctx, fit, cut, end, H, true);
}

function collect(ctx: SeriesCtx, fit: Fitted, cut: number, end: number, H: number, keep: boolean): Calibration {
  const nb = Math.min(H, MAX_BUCKETS);
  const tab = bucketTable(H, nb);
  const stride = Math.max(1, Math.floor((end - cut) / perStepFor(H, nb)));
  const { y, observed } = ctx;
  // origins o (o values known) whose paths reach a target in [cut, end): o in [cut − H + 1, end − 1]
  const origins: number[] = [];
  let cap = 0;
  for (let o = end - 1; o >= Math.max(1, cut - H + 1); o -= stride) {
    const span = Math.min(H, end - o) - Math.max(0, cut - o);
    if (span > 0) { origins.push(o); cap += span; }
  }
  const err = keep ? scratchF64(cap) : EMPTY_F64;
  const bucket = keep ? scratchU8(cap) : EMPTY_U8;
  // a flat path (recent-median) whose errors are only counted: its level, no path written
  const level = !keep && fit.level ? fit.level.bind(fit) : null;
  const rows = level ? null : fit.pathRows ? fit.pathRows(origins, H) : null;
  const bulk = level || rows || !fit.paths ? null : fit.paths(origins, H);
  const path = level || rows || bulk ? null : scratchF64(H);
  // a lagged copy of the history (seasonal naive) whose errors are only counted: read y there
  const lag = !keep && fit.lag !== undefined && fit.lag > 0 ? fit.lag : 0;
  sums[0] = 0;
  sums[1] = 0;
  let count = 0;
  for (let r = 0; r < origins.length; r++) {
    const o = origins[r]!;
    const hMin = Math.max(0, cut - o); // 0-based step: target o + h >= cut
    const hMax = Math.min(H, end - o); // target o + h < end
    if (level) { count = errorsCountFlat(y, observed, level(o), o, hMin, hMax, count); continue; }
    if (lag > 0 && o >= lag) { count = errorsCountLag(y, observed, lag, o, hMin, hMax, count); continue; }
    let row: Float64Array;
    let at = 0;
    if (rows) row = rows[r]!;
    else if (bulk) { row = bulk; at = r * H; }
    else { row = path!; fit.path(o, hMax, row); }
    count = keep ? errorsInto(y, observed, row, at, o, hMin, hMax, err, bucket, tab, count) : errorsCount(y, observed, row, at, o, hMin, hMax, count);
  }
  const abs = sums[0]!;
  const sq = sums[1]!;
  return new Cal(err.subarray(0, count), bucket.subarray(0, count), null, nb, H, count ? abs / count : NaN, count ? Math.sqrt(sq / count) : NaN, count, undefined);
}

/** Running sums of |e| and e² of errorsInto / errorsCount (one array: no object per call). */
const sums = new Float64Array(2);

/**
 * The errors y[o + h] − row[at + h] of the observed targets, h in [hMin, hMax), into err and
 * their buckets into bucket from index count; |e| and e² summed into sums. Returns the new count.
 * (One monomorphic loop per form: collect's hot loop.)
 */
function errorsInto(y: Float64Array, observed: Uint8Array, row: Float64Array, at: number, o: number, hMin: number, hMax: number, err: Float64Array, bucket: Uint8Array, tab: Uint8Array, count: number): number {
  let abs = sums[0]!;
  let sq = sums[1]!;
  for (let h = hMin; h < hMax; h++) {
    const t = o + h;
    if (observed[t] === 0) continue;
    const e = y[t]! - row[at + h]!;
    err[count] = e;
    bucket[count] = tab[h]!;
    abs += Math.abs(e); // branch-free (the signs are random: a branch mispredicts half the time); the same sum (|−0| only adds +0)
    sq += e * e;
    count++;
  }
  sums[0] = abs;
  sums[1] = sq;
  return count;
}
/** errorsInto without storing the errors (count and sums only). */
function errorsCount(y: Float64Array, observed: Uint8Array, row: Float64Array, at: number, o: number, hMin: number, hMax: number, count: number): number {
  let abs = sums[0]!;
  let sq = sums[1]!;
  for (let h = hMin; h < hMax; h++) {
    const t = o + h;
    if (observed[t] === 0) continue;
    const e = y[t]! - row[at + h]!;
    abs += Math.abs(e); // branch-free (the signs are random: a branch mispredicts half the time); the same sum (|−0| only adds +0)
    sq += e * e;
    count++;
  }
  sums[0] = abs;
  sums[1] = sq;
  return count;
}

/** errorsCount against a flat path at v (the same errors: row[at + h] = v). */
function errorsCountFlat(y: Float64Array, observed: Uint8Array, v: number, o: number, hMin: number, hMax: number, count: number): number {
  let abs = sums[0]!;
  let sq = sums[1]!;
  for (let h = hMin; h < hMax; h++) {
    const t = o + h;
    if (observed[t] === 0) continue;
    const e = y[t]! - v;
    abs += Math.abs(e);
    sq += e * e;
    count++;
  }
  sums[0] = abs;
  sums[1] = sq;
  return count;
}

/** errorsCount against the path y[o − m + (h mod m)] (o >= m: the same errors as the written path). */
function errorsCountLag(y: Float64Array, observed: Uint8Array, m: number, o: number, hMin: number, hMax: number, count: number): number {
  let abs = sums[0]!;
  let sq = sums[1]!;
  let i = o - m + (hMin % m);
  for (let h = hMin; h < hMax; h++) {
    const t = o + h;
    const v = y[i]!;
    if (++i === o) i = o - m;
    if (observed[t] === 0) continue;
    const e = y[t]! - v;
    abs += Math.abs(e);
    sq += e * e;
    count++;
  }
  sums[0] = abs;
  sums[1] = sq;
  return count;
}

const EMPTY_F64 = new Float64Array(0);
const EMPTY_U8 = new Uint8Array(0);
const tables = new Map<string, Uint8Array>();
/** Bucket of each step h < H (cached per (H, nb)). */
function bucketTable(H: number, nb: number): Uint8Array {
  const key = `${H}:${nb}`;
  let t = tables.get(key);
  if (!t) {
    t = new Uint8Array(H);
    for (let h = 0; h < H; h++) t[h] = Math.floor((h * nb) / H);
    if (tables.size > 64) tables.clear();
    tables.set(key, t);
  }
  return t;
}

/** The errors and buckets of `parts` end to end (`count` in all), built on the first call and kept. */
export function lazyPool(parts: readonly { err: Float64Array; bucket: Uint8Array; count: number }[], count: number): () => { err: Float64Array; bucket: Uint8Array } {
  let pooled: { err: Float64Array; bucket: Uint8Array } | null = null;
  return () => {
    if (!pooled) {
      const err = scratchF64(count);
      const bucket = scratchU8(count);
      let at = 0;
      for (const c of parts) { err.set(c.err, at); bucket.set(c.bucket, at); at += c.count; }
      pooled = { err, bucket };
    }
    return pooled;
  };
}

/** Pool the errors of several windows (same horizon). The pooled arrays are built on first use (auto reads only `mae` of most pools). */
export function mergeCalibrations(list: readonly Calibration[]): Calibration {
  const first = list[0]!;
  if (list.length === 1) return first;
  let abs = 0;
  let count = 0;
  let sq = 0;
  for (const c of list) if (c.count) { abs += c.mae * c.count; sq += c.rmse * c.rmse * c.count; count += c.count; }
  return new Cal(null, null, lazyPool(list, count), first.nb, calHorizon(first), count ? abs / count : NaN, count ? Math.sqrt(sq / count) : NaN, count, list);
}

/** The k-th smallest of x (0-based), by Hoare's quickselect (reorders x). Expected O(n). */
export function select(x: Float64Array, k: number, len = x.length, from = 0): number {
  let l = from;
  let r = len - 1;
  while (l < r) {
    const p = x[(l + r) >> 1]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (x[i]! < p) i++;
      while (x[j]! > p) j--;
      if (i <= j) { const t = x[i]!; x[i] = x[j]!; x[j] = t; i++; j--; }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else break;
  }
  return x[k]!;
}

/** Per level and step: the offsets [lo, hi] (lo <= 0 <= hi) to add to the mean. */
export interface Bands {
  lo: Float64Array[];
  hi: Float64Array[];
}

/**
 * The intervals' offsets per level and step from the pooled errors: by the WASM kernel
 * (assembly/forecast-conformal.ts) when `k` is given, else by the TypeScript reference
 * (same ranks, same values; test/forecast.conformal.test.ts compares them).
 */
export function bands(cal: Calibration | null, H: number, levels: readonly number[], k?: Kernels): Bands {
  const nl = levels.length;
  const lo: Float64Array[] = [];
  const hi: Float64Array[] = [];
  for (let k = 0; k < nl; k++) { lo.push(new Float64Array(H)); hi.push(new Float64Array(H)); }
  if (!cal || cal.count === 0) return { lo, hi };
  const nb = cal.nb;
  // the kernel packs rank and slot in one i32 key: pools under 2^24 errors, at most 32 levels
  const { qlo, qhi } = k && cal.count < 2 ** 24 && nl <= 32 ? quantilesWasm(k, cal, levels) : quantilesTs(cal, levels);
  for (let h = 0; h < H; h++) {
    const b = cal.bucketOf(h);
    for (let k = 0; k < nl; k++) {
      lo[k]![h] = qlo[k * nb + b]!;
      hi[k]![h] = qhi[k * nb + b]!;
    }
  }
  return { lo, hi };
}

function quantilesWasm(k: Kernels, cal: Calibration, levels: readonly number[]): { qlo: Float64Array; qhi: Float64Array } {
  const { nb, count } = cal;
  const nl = levels.length;
  const lay = new Layout();
  const oE = lay.take(count, 8), oB = lay.take(count, 1), oA = lay.take(nl, 8), oL = lay.take(nl * nb, 8), oH = lay.take(nl * nb, 8);
  const oS = lay.take(k.cfScratch({ count, nb }), 8);
  const base = lay.reserve(k, 'forecast (intervals)');
  const buf = k.memory.buffer;
  new Float64Array(buf, base + oE, count).set(cal.err);
  new Uint8Array(buf, base + oB, count).set(cal.bucket);
  const al = new Float64Array(buf, base + oA, nl);
  for (let j = 0; j < nl; j++) al[j] = (1 - levels[j]!) / 2;
  const st = k.cfQuantiles({ err: base + oE, bkt: base + oB, count, nb, nl, alphas: base + oA, minPool: MIN_POOL, qlo: base + oL, qhi: base + oH, scratch: base + oS });
  if (st !== OK) throw statusError(st, 'forecast (intervals)');
  return { qlo: new Float64Array(k.memory.buffer, base + oL, nl * nb).slice(), qhi: new Float64Array(k.memory.buffer, base + oH, nl * nb).slice() };
}

function quantilesTs(cal: Calibration, levels: readonly number[]): { qlo: Float64Array; qhi: Float64Array } {
  const nl = levels.length;
  const nb = cal.nb;
  const count = cal.count;
  const errs = cal.err;
  const buck = cal.bucket;
  // counting sort by bucket: bucket b's errors at [off[b], off[b + 1])
  const off = new Int32Array(nb + 1);
  for (let i = 0; i < count; i++) off[buck[i]! + 1]!++;
  for (let b = 0; b < nb; b++) off[b + 1]! += off[b]!;
  const byBucket = new Float64Array(count);
  const fill = off.slice(0, nb);
  for (let i = 0; i < count; i++) byBucket[fill[buck[i]!]!++] = errs[i]!;
  const scratch = new Float64Array(count);
  const qlo = new Float64Array(nl * nb);
  const qhi = new Float64Array(nl * nb);
  const ranks = new Int32Array(2 * nl);
  const order = new Int32Array(2 * nl);
  for (let b = 0; b < nb; b++) {
    // widen to neighbouring buckets until the pool holds MIN_POOL errors (contiguous ranges)
    let a = b, z = b;
    while (off[z + 1]! - off[a]! < MIN_POOL && (a > 0 || z < nb - 1)) { if (a > 0) a--; if (z < nb - 1) z++; }
    const n = off[z + 1]! - off[a]!;
    if (n === 0) continue;
    scratch.set(byBucket.subarray(off[a]!, off[z + 1]!));
    // the 2·nl ranks in ascending order: once rank r is in place every smaller rank lies in
    // [0, r), every larger one in (r, n), so each selection starts after the previous rank
    for (let k = 0; k < nl; k++) {
      const al = (1 - levels[k]!) / 2;
      ranks[2 * k] = Math.min(n, Math.max(1, floorRank((n + 1) * al))) - 1;
      ranks[2 * k + 1] = Math.min(n, Math.max(1, ceilRank((n + 1) * (1 - al)))) - 1;
      order[2 * k] = 2 * k;
      order[2 * k + 1] = 2 * k + 1;
    }
    order.sort((u, v) => ranks[u]! - ranks[v]!);
    let from = 0;
    for (let j = 0; j < 2 * nl; j++) {
      const q = order[j]!;
      const r = ranks[q]!;
      const v = select(scratch, r, n, Math.min(from, r));
      from = r + 1;
      const k = q >> 1;
      if (q & 1) qhi[k * nb + b] = Math.max(0, v);
      else qlo[k * nb + b] = Math.min(0, v);
    }
  }
  return { qlo, qhi };
}
