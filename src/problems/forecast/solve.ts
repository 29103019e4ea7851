// Forecasting workload with calibrated conformal intervals (docs/forecast.md).
//
// For every method and history of n values and horizon H (C = max(H, CAL_MIN) values per
// calibration window, or max(H, n / (K + 1)) when n < C + 2; K = CAL_WINDOWS windows):
//   a fit on all n values              -> the forecast (`mean`);
//   fits on the first n − k·C values   -> their out-of-sample errors on [n − k·C, n − (k−1)·C)
//                                         calibrate the forecast's intervals (k = 1..K);
//   a fit on the first n − H values    -> the backtest forecast of the last H values;
//   fits on the first n − H − k·C      -> calibrate the backtest's intervals (so the
//                                         backtest's coverage is measured on values its
//                                         intervals never saw).
// Fits with equal cuts are shared (C = H: 2K + 2 fits become K + 2); methods that roll
// forward (ets, dsp, multiscale) calibrate long histories on one fit at the earliest cut,
// and ets and multiscale also take the backtest and (same seasons read) the forecast from it
// (docs/forecast.md, "Speed"): one to three fits. Histories too short
// for one window calibrate on their second half (the solution says so). The combination is
// the median of ets, dsp and multiscale (forecasts and aligned calibration errors). "auto"
// picks, per series, the candidate whose calibration mean absolute error is smallest (the
// combination unless another is AUTO_MARGIN better: selection noise); its backtest is that of the
// candidate the backtest's calibration errors pick (a choice made without the backtest's values).
import { Validator, uniqueNames } from '../../core/validate.js';
import { ValidationError } from '../../core/errors.js';
import {
  ForecastInstance, FORECAST_METHODS,
  type ForecastMethod, type ForecastSolution, type ForecastSeriesResult, type ForecastBacktest, type ForecastInterval,
} from './schema.js';
import { prepareSeries, defaultSeasons, usableSeasons, seasonsFor, naiveScale, type SeriesCtx } from './series.js';
import { calibrate, mergeCalibrations, lazyPool, bands, Scratch, withScratch, scratchF64, Cal, calHorizon, type Calibration } from './conformal.js';
import type { Fitted, Method } from './method.js';
import { seasonalNaive } from './snaive.js';
import { ets } from './ets.js';
import { dspMethod } from './dsp.js';
import { multiscale } from './multiscale.js';
import { recentMedianMethod } from './median.js';
import { kernels, type Kernels } from '../../wasm/loader.js';

const validator: Validator<typeof ForecastInstance> = new Validator(ForecastInstance);
/** Most values one call accepts (sum over series). */
export const FORECAST_MAX_VALUES = 2 ** 26;
/** Most forecast values one call returns (series × horizon). */
export const FORECAST_MAX_OUTPUT = 2 ** 25;
/**
 * Most numbers one call returns (series × horizon × (1 + 2 × levels)): FORECAST_MAX_OUTPUT
 * at the default two levels. Eight levels at that many values (5.7e8 numbers) exhausted the
 * JS heap, a V8 abort instead of an error.
 */
export const FORECAST_MAX_NUMBERS = 5 * 2 ** 25;

/** The methods by name at a step (auto considers all of them, in this order of preference on ties). */
export function methodsAt(stepSec: number): ReadonlyMap<ForecastMethod, Method> {
  return new Map<ForecastMethod, Method>([
    ['seasonal-naive', seasonalNaive],
    ['recent-median', recentMedianMethod(stepSec)],
    ['ets', ets],
    ['dsp', dspMethod(stepSec)],
    ['multiscale', multiscale],
  ]);
}
/** The available methods. */
export const METHODS: ReadonlySet<ForecastMethod> = new Set(methodsAt(300).keys());

/** Validate a forecast instance (throws ValidationError naming the JSON path). */
export function validateForecast(input: unknown): asserts input is ForecastInstance {
  validator.assert(input);
  const inst = input as ForecastInstance;
  uniqueNames('series', inst.series.map((s, i) => s.name ?? String(i)));
  const levels = inst.levels ?? [];
  const seen = new Map<number, number>();
  levels.forEach((L, i) => {
    const prev = seen.get(L);
    if (prev !== undefined) throw new ValidationError(`levels[${i}]`, `duplicates levels[${prev}] (${L})`);
    seen.set(L, i);
  });
  let total = 0;
  for (const s of inst.series) total += s.values.length;
  if (total > FORECAST_MAX_VALUES) throw new ValidationError('series', `hold ${total} values in all; at most ${FORECAST_MAX_VALUES} fit in one call (split the instance)`);
  const H = horizonOf(inst);
  if (H * inst.series.length > FORECAST_MAX_OUTPUT) throw new ValidationError('horizon', `× ${inst.series.length} series = ${H * inst.series.length} forecast values; at most ${FORECAST_MAX_OUTPUT} per call`);
  // every level adds a lower and an upper value per step: count the numbers returned
  const L = inst.levels?.length ?? 2;
  const numbers = H * inst.series.length * (1 + 2 * L);
  if (numbers > FORECAST_MAX_NUMBERS) throw new ValidationError('horizon', `× ${inst.series.length} series × (mean + ${L} levels × 2 bounds) = ${numbers} numbers to return; at most ${FORECAST_MAX_NUMBERS} per call (fewer levels, series or steps)`);
}

const horizonOf = (inst: ForecastInstance) => inst.horizon ?? Math.max(1, Math.round(86400 / (inst.step ?? 300)));

/** What one method produced for one series. */
interface MethodRun {
  /** The forecast and its absolute bounds (computed on first use: auto needs only the chosen method's). */
  forecast(): { mean: Float64Array; lo: Float64Array[]; hi: Float64Array[] };
  /** The backtest scores (computed on first use). */
  backtest(): ForecastBacktest;
  /** The forecast's calibration mean absolute error (the auto choice), NaN when none. */
  mae1: number;
  /** The backtest's (the auto choice for the backtest), NaN when none. */
  mae0: number;
  /** The root mean squared calibration errors (forecast, backtest), NaN when none. */
  rmse1: number;
  rmse0: number;
  notes: string[];
  seasons: number[];
  /** The pooled calibration errors of the forecast (cal1) and of the backtest (cal0). */
  cal1: Calibration | null;
  cal0: Calibration | null;
  /** The forecast and the backtest's forecast before clipping (the combination takes their median). */
  raw(): Float64Array;
  rawBack(): Float64Array | null;
}

/** Values per calibration window at least (windows hold max(H, CAL_MIN) values). */
export const CAL_MIN = 240;
/** auto keeps its default (the combination, else seasonal naive) unless another method's calibration error is this much lower. */
export const AUTO_MARGIN = 0.05;
/** Calibration windows per interval set. */
export const CAL_WINDOWS = 4;

/** Calibration windows ending at `end`: [cut, cut + C) for the K windows that leave >= 2 values to fit, else the second half. */
function windowsBefore(end: number, C: number): { cut: number; end: number }[] {
  const w: { cut: number; end: number }[] = [];
  for (let k = 1; k <= CAL_WINDOWS; k++) if (end - k * C >= 2) w.push({ cut: end - k * C, end: end - (k - 1) * C });
  if (!w.length && end >= 2) w.push({ cut: Math.ceil(end / 2), end });
  return w;
}

/** Fit `method` on the series whose cut is >= 1 (jointly, for global methods). */
async function fitSome(method: Method, ctxs: readonly SeriesCtx[], cuts: readonly number[], H: number): Promise<(Fitted | null)[]> {
  // plain loops, arrays built by push (docs/batch.md, "Fourth pass")
  const idx: number[] = [];
  const sel: SeriesCtx[] = [];
  const selCuts: number[] = [];
  for (let i = 0; i < ctxs.length; i++) if (cuts[i]! >= 1) { idx.push(i); sel.push(ctxs[i]!); selCuts.push(cuts[i]!); }
  const fits = idx.length ? await method.fitAll(sel, selCuts, H) : [];
  const out: (Fitted | null)[] = [];
  for (let i = 0; i < ctxs.length; i++) out.push(null);
  for (let k = 0; k < idx.length; k++) out[idx[k]!] = fits[k]!;
  return out;
}

/**
 * Fit `method` at every cut it needs (all series at once), then return the per-series
 * evaluation: series i's calibration errors live only while its result is built (auto
 * holds four methods' errors for one series at a time, not for the whole instance).
 */
async function runMethod(method: Method, ctxs: readonly SeriesCtx[], H: number, levels: readonly number[], lazyErrors = false, withBacktest = true): Promise<(i: number) => MethodRun> {
  const k = await kernels();
  // arrays built by push in plain loops: one elements kind whatever the instance (`.map` and
  // iteration over them deoptimised runMethod: "wrong map"; docs/batch.md, "Fourth pass")
  const plans: { n: number; b: number; C: number; cal: { cut: number; end: number }[]; calB: { cut: number; end: number }[] }[] = [];
  for (let i = 0; i < ctxs.length; i++) {
    const n = ctxs[i]!.y.length;
    // windows of max(H, CAL_MIN) values; a history too short for one such window (coarse
    // steps) uses windows of a (K + 1)-th of it
    const C = n - Math.max(H, CAL_MIN) >= 2 ? Math.max(H, CAL_MIN) : Math.max(H, Math.floor(n / (CAL_WINDOWS + 1)));
    const b = n - H >= 1 ? n - H : 0; // backtest origin (0: none)
    plans.push({ n, b, C, cal: windowsBefore(n, C), calB: b > 0 ? windowsBefore(b, C) : [] });
  }
  // slots: one cut per series; equal slots share their fits
  const slots = new Map<string, Promise<(Fitted | null)[]>>();
  const fitsAt = (cuts: number[]) => {
    const key = cuts.join(',');
    let f = slots.get(key);
    if (!f) slots.set(key, (f = fitSome(method, ctxs, cuts, H)));
    return f;
  };
  let slotCount = 1; // the most windows of any series (a loop, not Math.max over a spread)
  for (let i = 0; i < plans.length; i++) slotCount = Math.max(slotCount, plans[i]!.cal.length, plans[i]!.calB.length);
  const calFits: (Fitted | null)[][] = [];
  const calBFits: (Fitted | null)[][] = [];
  // roll forward (docs/forecast.md, "Speed"): a series whose earliest calibration cut
  // reaches method.rollForward calibrates every window on one fit at that cut (parameters
  // frozen there, states rolled forward: still out of sample), except windows whose cut is
  // the backtest's origin (that fit exists anyway); other series refit per window
  const earliest = (p: (typeof plans)[number]) => {
    const c = Math.min(p.cal[p.cal.length - 1]?.cut ?? Infinity, p.calB[p.calB.length - 1]?.cut ?? Infinity);
    return Number.isFinite(c) ? c : 0;
  };
  const rolls: boolean[] = [];
  let anyRoll = false;
  let allRoll = true;
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i]!;
    const r = method.rollForward !== undefined && earliest(p) >= 1 && earliest(p) >= method.rollForward(ctxs[i]!, H);
    rolls.push(r);
    if (r) anyRoll = true;
    else allRoll = false;
  }
  const anchor = anyRoll ? await fitsAt(plans.map((p, i) => (rolls[i] ? earliest(p) : 0))) : [];
  // the forecast: its own fit on all n values, or (rollFinal) the anchor rolled to n when
  // the anchor's seasons are those of a fit on all values; a global method refits jointly
  // unless every series can take the anchor
  const read = method.rollFinal ?? 0;
  const sameSeasons = (i: number) => seasonsFor(ctxs[i]!, earliest(plans[i]!)).slice(0, read).join() === seasonsFor(ctxs[i]!, plans[i]!.n).slice(0, read).join();
  const rollsFinal: boolean[] = [];
  let allRollFinal = true;
  for (let i = 0; i < plans.length; i++) {
    const r = !!method.rollFinal && rolls[i]! && sameSeasons(i);
    rollsFinal.push(r);
    if (!r) allRollFinal = false;
  }
  const finalOwn = allRollFinal ? [] : await fitsAt(plans.map((p, i) => (rollsFinal[i] && !method.global ? 0 : p.n)));
  const final = plans.map((_, i) => finalOwn[i] ?? anchor[i]!);
  // the backtest: its own fit at n − H, or (rollBacktest) the anchor rolled forward for a
  // rolled series; a global method refits jointly unless every series rolls
  const backOwn = method.rollBacktest && (allRoll || !method.global)
    ? (allRoll ? [] : await fitsAt(plans.map((p, i) => (rolls[i] ? 0 : p.b))))
    : await fitsAt(plans.map((p) => p.b));
  const back = plans.map((_, i) => (method.rollBacktest && rolls[i] && backOwn[i] == null ? anchor[i]! : backOwn[i] ?? null));
  // refits per window: a global method keeps every series in its joint fits (same model as without rolling)
  const cutsAt = (k: number, wins: (p: (typeof plans)[number]) => { cut: number }[]) =>
    plans.map((p, i) => (rolls[i] && !method.global ? 0 : wins(p)[k]?.cut ?? 0));
  for (let k = 0; k < slotCount; k++) {
    const own1 = allRoll ? [] : await fitsAt(cutsAt(k, (p) => p.cal));
    // without the backtest (ForecastOptions) its calibration windows are not evaluated: no refit for them
    const own0 = allRoll || !withBacktest ? [] : await fitsAt(cutsAt(k, (p) => p.calB));
    const use = (w: { cut: number } | undefined, i: number, own: (Fitted | null)[]) =>
      !w ? null : !rolls[i] ? own[i]! : w.cut === plans[i]!.b && back[i] ? back[i]! : anchor[i]!;
    calFits.push(plans.map((p, i) => use(p.cal[k], i, own1)));
    calBFits.push(withBacktest ? plans.map((p, i) => use(p.calB[k], i, own0)) : []);
  }
  // a window's errors depend only on its fit (shared by cut) and range: the backtest's windows
  // that coincide with the forecast's (C = H: three of four) are computed once
  return (i: number): MethodRun => {
    const ctx = ctxs[i]!;
    const done = new Map<string, Calibration>();
    // a fit shared by several windows (roll forward) forecasts their common origins once:
    // bulk paths (multiscale) are kept per origin while this series is evaluated
    const memo = new Map<Fitted, Map<number, Float64Array>>();
    const memoised = (f: Fitted): Fitted => {
      if (!f.paths) return f;
      let rows = memo.get(f);
      if (!rows) memo.set(f, (rows = new Map()));
      return new MemoFit(f, rows, H);
    };
    const calibrateAll = (wins: { cut: number; end: number }[], fits: (Fitted | null)[][]): Calibration | null =>
      wins.length ? mergeCalibrations(wins.map((w, k) => {
        const key = `${w.cut}:${w.end}`;
        let c = done.get(key);
        if (!c) done.set(key, (c = calibrate(ctx, memoised(fits[k]![i]!), w.cut, w.end, H, lazyErrors)));
        return c;
      })) : null;
    const { n, b, C, cal, calB } = plans[i]!;
    const notes: string[] = [];
    const F = final[i]!;
    if (F.note) notes.push(F.note);
    if (ctx.nObserved === 0) notes.push('no observed value: the history is taken as zeros');
    const cal1 = calibrateAll(cal, calFits);
    if (!cal1 || cal1.count === 0) notes.push(`no out-of-sample error to calibrate on (${n} value${n === 1 ? '' : 's'}): intervals have zero width`);
    else if (n - C < 2) notes.push(`history of ${n} values is shorter than a calibration window (${C}) plus 2: intervals calibrated on ${cal1.count} errors from a fit on the first ${cal[0]!.cut} values`);
    else if (C < Math.max(H, CAL_MIN)) notes.push(`history of ${n} values is shorter than a calibration window of ${Math.max(H, CAL_MIN)} values: ${cal.length} windows of ${C}`);
    const raw = once(() => {
      const mean = new Float64Array(H);
      F.path(n, H, mean);
      return mean;
    });
    const forecastOnce = once(() => {
      const mean = raw().slice();
      const band = bands(cal1, H, levels, k);
      clipInto(mean, band.lo, band.hi);
      return { mean, lo: band.lo, hi: band.hi };
    });
    // backtest: a fit without the last H values forecasts them; windows before them calibrate its intervals
    let backtest = (): ForecastBacktest => ({ mase: null, mae: null, steps: 0, coverage: Object.fromEntries(levels.map((L) => [String(L), null])) });
    let mae0 = NaN;
    let cal0: Calibration | null = null;
    let rawBack = (): Float64Array | null => null;
    if (b > 0 && withBacktest) {
      cal0 = calibrateAll(calB, calBFits);
      mae0 = cal0?.mae ?? NaN;
      const c0 = cal0;
      const rb = once(() => {
        const bm = new Float64Array(H);
        back[i]!.path(b, H, bm);
        return bm;
      });
      rawBack = rb;
      backtest = once(() => {
        const bm = rb().slice();
        const bb = bands(c0, H, levels, k);
        clipInto(bm, bb.lo, bb.hi);
        const m = usableSeasons(ctx, b)[0] ?? 0;
        return score(ctx, b, bm, bb.lo, bb.hi, levels, naiveScale(ctx, b, m));
      });
    } else if (b === 0) {
      notes.push(`history of ${n} values is not longer than the horizon (${H}): no backtest`);
    }
    return { forecast: forecastOnce, backtest, mae1: cal1?.mae ?? NaN, mae0, rmse1: cal1?.rmse ?? NaN, rmse0: cal0?.rmse ?? NaN, notes, seasons: F.seasons ?? usableSeasons(ctx, n), cal1, cal0, raw, rawBack };
  };
}

/** The members of the combination: the three fitted models (the baseline is not one). */
export const COMBINATION_MEMBERS: readonly ForecastMethod[] = ['ets', 'dsp', 'multiscale'];

/** Two slots for medianOf's branch-free choices. */
const pick2 = new Float64Array(2);

/**
 * Per index, the median of the members' values (the mean of the middle two for an even
 * count). The combination's errors are the median of the members' errors at the same
 * (origin, step): y − median(f) = median(y − f) (docs/forecast.md, "combination").
 */
export function medianOf(rows: readonly Float64Array[], len: number): Float64Array {
  const out = scratchF64(len);
  const k = rows.length;
  if (k === 3) {
    // the common case without a sort: lo = a < b ? a : b, hi = a < b ? b : a, m = hi < c ? hi : c,
    // lo > m ? lo : m; each choice read from a two-slot array at the comparison's index
    // (branch-free: the members' errors are in random order, so branches mispredict; the same
    // comparisons and values as the conditional form, NaN and −0 included)
    // (indexed, not destructured: no iterator, so no map check on it; docs/batch.md, "Fourth pass")
    const A = rows[0]!, B = rows[1]!, C = rows[2]!;
    const t = pick2;
    for (let j = 0; j < len; j++) {
      const a = A[j]!, b = B[j]!, c = C[j]!;
      const s = +(a < b);
      t[0] = b; t[1] = a;
      const lo = t[s]!;
      t[0] = a; t[1] = b;
      const hi = t[s]!;
      t[0] = c; t[1] = hi;
      const m = t[+(hi < c)]!;
      t[0] = m; t[1] = lo;
      out[j] = t[+(lo > m)]!;
    }
    return out;
  }
  const v = new Float64Array(k);
  for (let j = 0; j < len; j++) {
    // insertion sort of the k values (k is small)
    for (let q = 0; q < k; q++) {
      const x = rows[q]![j]!;
      let p = q - 1;
      while (p >= 0 && v[p]! > x) { v[p + 1] = v[p]!; p--; }
      v[p + 1] = x;
    }
    out[j] = k % 2 ? v[k >> 1]! : 0.5 * (v[(k >> 1) - 1]! + v[k >> 1]!);
  }
  return out;
}

/**
 * A fit with bulk paths (multiscale) whose rows of H steps are kept per origin while one
 * series is evaluated (runMethod: a fit shared by several windows forecasts their common
 * origins once). A class with plain loops, not closures made per series (each was compiled
 * again: docs/batch.md, "Fourth pass").
 */
class MemoFit implements Fitted {
  readonly note: string | undefined;
  constructor(private readonly f: Fitted, private readonly known: Map<number, Float64Array>, private readonly H: number) {
    this.note = f.note;
  }
  path(o: number, H: number, out: Float64Array): void { this.f.path(o, H, out); }
  private bulk(origins: readonly number[], h: number): Float64Array { return this.f.paths!(origins, h); }
  private fill(origins: readonly number[]): void {
    const { known, H } = this;
    const missing: number[] = [];
    for (let r = 0; r < origins.length; r++) if (!known.has(origins[r]!)) missing.push(origins[r]!);
    if (missing.length) {
      const got = this.bulk(missing, H);
      for (let r = 0; r < missing.length; r++) known.set(missing[r]!, got.subarray(r * H, r * H + H));
    }
  }
  paths(origins: readonly number[], h: number): Float64Array {
    const H = this.H;
    if (h !== H) return this.bulk(origins, h);
    this.fill(origins);
    const out = new Float64Array(origins.length * H);
    for (let r = 0; r < origins.length; r++) out.set(this.known.get(origins[r]!)!, r * H);
    return out;
  }
  // the rows themselves (views of the bulk paths kept for this series): no copy
  pathRows(origins: readonly number[], h: number): readonly Float64Array[] {
    const rows: Float64Array[] = [];
    if (h !== this.H) {
      const b = this.bulk(origins, h);
      for (let r = 0; r < origins.length; r++) rows.push(b.subarray(r * h, r * h + h));
      return rows;
    }
    this.fill(origins);
    for (let r = 0; r < origins.length; r++) rows.push(this.known.get(origins[r]!)!);
    return rows;
  }
}

/**
 * The members' calibrations combined (the same windows, origins and steps: aligned errors); null when they do not align.
 * Window by window when the members' windows align one to one: the median errors of a window
 * are computed once per series (memo: the forecast's and the backtest's calibrations share
 * three of four windows when C = H) and the members' pooled arrays are never built; the
 * pooled median errors, their order and the sums below are those of the pooled form.
 */
function combineCalibrations(cals: readonly (Calibration | null)[], memo?: Map<Calibration, Calibration>): Calibration | null {
  // plain loops over arrays built by push (one elements kind), no closure per call: this runs
  // for every combined series and was deoptimised on arrays of other maps (docs/batch.md, "Fourth pass")
  const first = cals[0];
  if (!first) return null;
  const n = cals.length;
  for (let i = 0; i < n; i++) {
    const c = cals[i];
    if (!c || c.count !== first.count || c.nb !== first.nb) return null;
  }
  const parts: (readonly Calibration[])[] = [];
  for (let i = 0; i < n; i++) { const c = cals[i]!; parts.push(c.parts ?? [c]); }
  const p0 = parts[0]!;
  const np = p0.length;
  let aligned = memo !== undefined && np > 1;
  for (let i = 0; aligned && i < n; i++) {
    const ps = parts[i]!;
    if (ps.length !== np) { aligned = false; break; }
    for (let j = 0; j < np; j++) if (ps[j]!.count !== p0[j]!.count) { aligned = false; break; }
  }
  if (aligned) {
    const meds: Calibration[] = [];
    let abs = 0;
    let sq = 0;
    for (let j = 0; j < np; j++) {
      const key = p0[j]!;
      let m = memo!.get(key);
      if (!m) {
        const rows: Float64Array[] = [];
        for (let i = 0; i < n; i++) rows.push(parts[i]![j]!.err);
        const err = medianOf(rows, key.count);
        m = new Cal(err, key.bucket, null, key.nb, calHorizon(key), NaN, NaN, key.count, undefined);
        memo!.set(key, m);
      }
      meds.push(m);
      const e = m.err;
      for (let i = 0; i < e.length; i++) { abs += Math.abs(e[i]!); sq += e[i]! * e[i]!; }
    }
    return new Cal(null, null, lazyPool(meds, first.count), first.nb, calHorizon(first), first.count ? abs / first.count : NaN, first.count ? Math.sqrt(sq / first.count) : NaN, first.count, undefined);
  }
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) rows.push(cals[i]!.err);
  const err = medianOf(rows, first.count);
  let abs = 0;
  let sq = 0;
  for (let j = 0; j < err.length; j++) { abs += Math.abs(err[j]!); sq += err[j]! * err[j]!; }
  return new Cal(err, first.bucket, null, first.nb, calHorizon(first), first.count ? abs / first.count : NaN, first.count ? Math.sqrt(sq / first.count) : NaN, first.count, undefined);
}

/**
 * The combination of the members' runs of one series: forecast, backtest and intervals
 * from the median of their forecasts and of their calibration errors (its own
 * out-of-sample errors). Null when their calibrations do not align.
 */
function combinationRun(ctx: SeriesCtx, members: readonly MethodRun[], H: number, levels: readonly number[], k: Kernels, withBacktest = true): MethodRun | null {
  const memo = new Map<Calibration, Calibration>();
  const cal1Lazy = once(() => combineCalibrations(members.map((r) => r.cal1), memo));
  const cal0Lazy = once(() => combineCalibrations(members.map((r) => r.cal0), memo));
  if (members.some((r) => (r.cal1?.count ?? -1) !== (members[0]!.cal1?.count ?? -1) || (r.cal0?.count ?? -1) !== (members[0]!.cal0?.count ?? -1))) return null;
  const n = ctx.y.length;
  const b = n - H >= 1 && withBacktest ? n - H : 0;
  const raw = once(() => medianOf(members.map((r) => r.raw()), H));
  const rawBack = once(() => (b > 0 ? medianOf(members.map((r) => r.rawBack()!), H) : null));
  const forecastOnce = once(() => {
    const mean = raw().slice();
    const band = bands(cal1Lazy(), H, levels, k);
    clipInto(mean, band.lo, band.hi);
    return { mean, lo: band.lo, hi: band.hi };
  });
  const backtest = b > 0 ? once(() => {
    const bm = rawBack()!.slice();
    const bb = bands(cal0Lazy(), H, levels, k);
    clipInto(bm, bb.lo, bb.hi);
    const m = usableSeasons(ctx, b)[0] ?? 0;
    return score(ctx, b, bm, bb.lo, bb.hi, levels, naiveScale(ctx, b, m));
  }) : () => members[0]!.backtest();
  // the mean absolute error of the median errors, computed without building the pooled
  // arrays twice (auto compares it before any interval is needed)
  const run: MethodRun = {
    forecast: forecastOnce, backtest,
    get mae1() { return cal1Lazy()?.mae ?? NaN; },
    get mae0() { return cal0Lazy()?.mae ?? NaN; },
    get rmse1() { return cal1Lazy()?.rmse ?? NaN; },
    get rmse0() { return cal0Lazy()?.rmse ?? NaN; },
    // the members' notes (their reduced forms, and the history's: short, no backtest), once each
    notes: [...new Set(members.flatMap((r) => r.notes))],
    seasons: usableSeasons(ctx, n),
    get cal1() { return cal1Lazy(); },
    get cal0() { return cal0Lazy(); },
    raw, rawBack,
  };
  return run;
}

function once<T>(f: () => T): () => T {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) { v = f(); done = true; }
    return v as T;
  };
}

/** mean := max(mean, 0); lo/hi become the absolute bounds, clipped at 0. */
function clipInto(mean: Float64Array, lo: Float64Array[], hi: Float64Array[]): void {
  for (let h = 0; h < mean.length; h++) {
    const m = Math.max(0, mean[h]!);
    mean[h] = m;
    for (let k = 0; k < lo.length; k++) {
      lo[k]![h] = Math.max(0, m + lo[k]![h]!);
      hi[k]![h] = Math.max(m, m + hi[k]![h]!);
    }
  }
}

function score(ctx: SeriesCtx, b: number, mean: Float64Array, lo: Float64Array[], hi: Float64Array[], levels: readonly number[], scale: number): ForecastBacktest {
  const H = mean.length;
  let abs = 0;
  let steps = 0;
  const inside = levels.map(() => 0);
  for (let h = 0; h < H && b + h < ctx.y.length; h++) {
    const t = b + h;
    if (!ctx.observed[t]) continue;
    const v = ctx.y[t]!;
    abs += Math.abs(v - mean[h]!);
    steps++;
    for (let k = 0; k < levels.length; k++) if (v >= lo[k]![h]! && v <= hi[k]![h]!) inside[k]!++;
  }
  const coverage = Object.fromEntries(levels.map((L, k) => [String(L), steps ? inside[k]! / steps : null]));
  if (steps === 0) return { mase: null, mae: null, steps, coverage };
  const mae = abs / steps;
  const mase = scale > 0 ? mae / scale : mae === 0 ? 0 : null;
  return { mase, mae, steps, coverage };
}

/** The values as a plain array (a loop: about ten times faster than Array.from on a typed array). */
function toArray(a: Float64Array): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]!;
  return out;
}

function result(name: string, method: ForecastMethod, run: MethodRun, backtest: ForecastBacktest, levels: readonly number[], extraNotes: string[] = []): ForecastSeriesResult {
  const f = run.forecast();
  const intervals: ForecastInterval[] = levels.map((level, k) => ({ level, lower: toArray(f.lo[k]!), upper: toArray(f.hi[k]!) }));
  const notes = [...extraNotes, ...run.notes];
  const r: ForecastSeriesResult = { name, method, mean: toArray(f.mean), intervals, backtest, seasons: run.seasons };
  if (notes.length) r.fallback = notes.join('; ');
  return r;
}

/** Options of an internal caller (not part of the instance). */
export interface ForecastOptions {
  /**
   * false: no backtest (every series' `backtest` is empty: steps 0, nulls), for callers that
   * read only the forecast and its intervals (autoscaling): the backtest's calibration
   * windows, intervals and scores are skipped. The forecast, its intervals and auto's
   * choice are the same as with the backtest (the fits and windows they use do not change).
   */
  backtest?: boolean;
}

/**
 * Forecast every series of the instance: mean, conformal intervals at each level, and the
 * backtest. Throws ValidationError (with the JSON path) on invalid input.
 */
export async function forecast(instance: ForecastInstance, options: ForecastOptions = {}): Promise<ForecastSolution> {
  const withBacktest = options.backtest ?? true;
  validateForecast(instance);
  const step = instance.step ?? 300;
  const H = horizonOf(instance);
  const levels = instance.levels ?? [0.8, 0.95];
  const asked = instance.method ?? 'auto';
  // by push (one elements kind for every instance: runMethod and fitSome read it; docs/batch.md, "Fourth pass")
  const ctxs: SeriesCtx[] = [];
  for (let i = 0; i < instance.series.length; i++) { const s = instance.series[i]!; ctxs.push(prepareSeries(i, s.values, s.seasons ?? defaultSeasons(step))); }
  const names = instance.series.map((s, i) => s.name ?? String(i));
  const available = methodsAt(step);
  // the combination needs its members and seasonal naive (its fallback); auto every method
  const methods: ForecastMethod[] = asked === 'auto' ? [...available.keys()]
    : asked === 'combination' ? [...available.keys()].filter((m) => m === 'seasonal-naive' || COMBINATION_MEMBERS.includes(m)) : [asked];
  const evaluators = new Map<ForecastMethod, (i: number) => MethodRun>();
  for (const name of methods) {
    const m = available.get(name);
    if (!m) throw new ValidationError('method', `"${name}" is not available in this build`);
    // auto and the combination read only the MAE of seasonal naive and recent-median (not
    // members) unless one is chosen: their errors are collected on demand
    evaluators.set(name, await runMethod(m, ctxs, H, levels, methods.length > 1 && !COMBINATION_MEMBERS.includes(name), withBacktest));
  }
  const k = await kernels();
  // each series' calibration arrays live in one scratch, released when the next series starts
  const scratch = new Scratch();
  const series = ctxs.map((_, i) => withScratch(scratch, () => {
    if (asked !== 'auto' && asked !== 'combination') { const run = evaluators.get(asked)!(i); return result(names[i]!, asked, run, run.backtest(), levels); }
    // this series' runs of every method (released once its result is built)
    const runs = new Map<ForecastMethod, MethodRun>(methods.map((m) => [m, evaluators.get(m)!(i)] as const));
    const combo = combinationRun(ctxs[i]!, COMBINATION_MEMBERS.map((m) => runs.get(m)!), H, levels, k, withBacktest);
    if (asked === 'combination') {
      if (combo) return result(names[i]!, 'combination', combo, combo.backtest(), levels);
      const sn = runs.get('seasonal-naive')!;
      return result(names[i]!, 'seasonal-naive', sn, sn.backtest(), levels, ['combination: the members\' calibration errors do not align: seasonal naive']);
    }
    if (combo) runs.set('combination', combo);
    const cands: ForecastMethod[] = combo ? [...methods, 'combination'] : methods;
    const run = (m: ForecastMethod) => runs.get(m)!;
    // the smallest mean absolute calibration error (the loss the backtest's MASE scores:
    // docs/forecast.md, "auto"); the default (the combination, else seasonal naive) stays
    // unless another method beats it by AUTO_MARGIN (selection noise)
    const BASE: ForecastMethod = combo ? 'combination' : 'seasonal-naive';
    const pick = (key: 'mae1' | 'mae0') => {
      let best: ForecastMethod = cands[0]!;
      for (const m of cands) if (run(m)[key] < run(best)[key]) best = m;
      const base = runs.get(BASE)?.[key];
      if (base !== undefined && best !== BASE && !(run(best)[key] < (1 - AUTO_MARGIN) * base)) best = BASE;
      return best;
    };
    const chosen = pick('mae1');
    const r = result(names[i]!, chosen, run(chosen), withBacktest ? run(pick('mae0')).backtest() : run(chosen).backtest(), levels);
    r.scores = Object.fromEntries(cands.filter((m) => Number.isFinite(run(m).mae1)).map((m) => [m, run(m).mae1]));
    return r;
  }));
  return { problem: 'forecast', status: 'ok', step, horizon: H, levels, series };
}

export { FORECAST_METHODS };
