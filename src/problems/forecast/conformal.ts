// Conformal intervals from out-of-sample errors per horizon step (docs/forecast.md,
// "Intervals"). A method fitted on the first `cut` values forecasts from origins around
// `cut`; every forecast of an observed value at index t in [cut, end) is an
// out-of-sample error at its step h (the fit never saw y[t]). Errors are pooled in
// horizon buckets (neighbouring steps, widened until they hold MIN_POOL errors), and
// each level's interval is [q_lo, q_hi] of the signed errors, with the finite-sample
// conformal ranks floor((n+1)·α/2) and ceil((n+1)·(1-α/2)).
import type { Fitted } from './method.js';
import type { SeriesCtx } from './series.js';

/** Error buckets across the horizon: at most this many. */
const MAX_BUCKETS = 24;
/** Errors per step to aim for (origins are strided to about this many). */
const PER_STEP = 48;
/** Smallest pool a bucket's quantiles use (widened over neighbours until reached). */
const MIN_POOL = 60;

export interface Calibration {
  /** Signed errors y - forecast, per bucket. */
  buckets: number[][];
  /** Bucket of step h (0-based). */
  bucketOf: (h: number) => number;
  /** Mean absolute error over every collected error (NaN when none). */
  mae: number;
  count: number;
}

/** Collect the out-of-sample errors of `fit` (fitted on y[0:cut]) on the targets [cut, end). */
export function calibrate(ctx: SeriesCtx, fit: Fitted, cut: number, end: number, H: number): Calibration {
  const nb = Math.min(H, MAX_BUCKETS);
  const bucketOf = (h: number) => Math.floor((h * nb) / H);
  const buckets: number[][] = Array.from({ length: nb }, () => []);
  const stride = Math.max(1, Math.floor(H / PER_STEP));
  const path = new Float64Array(H);
  const { y, observed } = ctx;
  let abs = 0;
  let count = 0;
  // origins o (o values known) whose paths reach a target in [cut, end): o in [cut - H + 1, end - 1]
  const origins: number[] = [];
  for (let o = end - 1; o >= Math.max(1, cut - H + 1); o -= stride) if (Math.max(0, cut - o) < Math.min(H, end - o)) origins.push(o);
  const bulk = fit.paths ? fit.paths(origins, H) : null;
  origins.forEach((o, r) => {
    const hMin = Math.max(0, cut - o); // 0-based step: target o + h >= cut
    const hMax = Math.min(H, end - o); // target o + h < end
    let row: Float64Array = path;
    if (bulk) row = bulk.subarray(r * H, r * H + H);
    else fit.path(o, hMax, path);
    for (let h = hMin; h < hMax; h++) {
      const t = o + h;
      if (!observed[t]) continue;
      const e = y[t]! - row[h]!;
      buckets[bucketOf(h)]!.push(e);
      abs += Math.abs(e);
      count++;
    }
  });
  return { buckets, bucketOf, mae: count ? abs / count : NaN, count };
}

/** Per level and step: the offsets [lo, hi] (lo <= 0 <= hi) to add to the mean. */
export interface Bands {
  lo: Float64Array[];
  hi: Float64Array[];
}

export function bands(cal: Calibration | null, H: number, levels: readonly number[]): Bands {
  const lo = levels.map(() => new Float64Array(H));
  const hi = levels.map(() => new Float64Array(H));
  if (!cal || cal.count === 0) return { lo, hi };
  const nb = cal.buckets.length;
  const qlo = levels.map(() => new Float64Array(nb));
  const qhi = levels.map(() => new Float64Array(nb));
  for (let b = 0; b < nb; b++) {
    let pool: number[] = cal.buckets[b]!.slice();
    for (let w = 1; pool.length < MIN_POOL && (b - w >= 0 || b + w < nb); w++) {
      if (b - w >= 0) pool = pool.concat(cal.buckets[b - w]!);
      if (b + w < nb) pool = pool.concat(cal.buckets[b + w]!);
    }
    const s = Float64Array.from(pool).sort();
    const n = s.length;
    levels.forEach((L, k) => {
      const a = (1 - L) / 2;
      const rl = Math.min(n, Math.max(1, Math.floor((n + 1) * a)));
      const rh = Math.min(n, Math.max(1, Math.ceil((n + 1) * (1 - a))));
      qlo[k]![b] = Math.min(0, s[rl - 1]!);
      qhi[k]![b] = Math.max(0, s[rh - 1]!);
    });
  }
  for (let h = 0; h < H; h++) {
    const b = cal.bucketOf(h);
    levels.forEach((_, k) => {
      lo[k]![h] = qlo[k]![b]!;
      hi[k]![h] = qhi[k]![b]!;
    });
  }
  return { lo, hi };
}
