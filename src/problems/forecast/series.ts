// Preparing one history for the forecasting methods (docs/forecast.md, "Histories"):
// missing values filled, the seasons that apply, and the in-sample seasonal-naive scale.

/** One history as the methods see it. */
export interface SeriesCtx {
  /** Index in the instance. */
  index: number;
  /** Values with the missing ones filled (see fillMissing). */
  y: Float64Array;
  /** 1 where the value was observed, 0 where it was missing (missing steps are never scored). */
  observed: Uint8Array;
  /** Candidate seasons (steps), ascending; each applies to a fit on `cut` values when 2·p <= cut. */
  seasons: number[];
  /** Count of observed values. */
  nObserved: number;
  /** True when every observed value is equal. */
  constant: boolean;
}

/** The seasons a fit on the first `cut` values may use: those covered at least twice. */
export const usableSeasons = (ctx: SeriesCtx, cut: number): number[] => ctx.seasons.filter((p) => 2 * p <= cut);

/** Default seasons at `step` seconds: a day and a week (each at least 2 steps). */
export function defaultSeasons(step: number): number[] {
  const day = Math.round(86400 / step);
  const out: number[] = [];
  if (day >= 2) out.push(day, 7 * day);
  else if (7 * day >= 2 || 604800 / step >= 2) out.push(Math.round(604800 / step));
  return out.filter((p) => p >= 2);
}

/**
 * Missing values: a leading run takes the first observed value; any later gap takes the
 * value one season earlier (the shortest season, when the history reaches that far back)
 * or else the last value. A history with no observed value is all zeros.
 */
export function prepareSeries(index: number, values: readonly (number | null)[], seasons: number[]): SeriesCtx {
  const n = values.length;
  const y = new Float64Array(n);
  const observed = new Uint8Array(n);
  let first = -1;
  let nObserved = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let t = 0; t < n; t++) {
    const v = values[t];
    if (v !== null && v !== undefined) {
      observed[t] = 1;
      y[t] = v;
      nObserved++;
      if (first < 0) first = t;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const m = seasons.length ? seasons[0]! : 0;
  if (first >= 0) {
    for (let t = 0; t < first; t++) y[t] = y[first]!;
    for (let t = first + 1; t < n; t++) {
      if (observed[t]) continue;
      y[t] = m > 0 && t - m >= first ? y[t - m]! : y[t - 1]!;
    }
  }
  return { index, y, observed, seasons: [...seasons].sort((a, b) => a - b), nObserved, constant: nObserved > 0 && lo === hi };
}

/**
 * Mean absolute seasonal-naive error inside y[0:cut] at lag m (1 when m is 0), over
 * pairs whose two values were observed; NaN when there is no such pair.
 */
export function naiveScale(ctx: SeriesCtx, cut: number, m: number): number {
  const lag = m > 0 && m < cut ? m : 1;
  let s = 0;
  let c = 0;
  for (let t = lag; t < cut; t++) {
    if (!ctx.observed[t] || !ctx.observed[t - lag]) continue;
    s += Math.abs(ctx.y[t]! - ctx.y[t - lag]!);
    c++;
  }
  return c > 0 ? s / c : NaN;
}
