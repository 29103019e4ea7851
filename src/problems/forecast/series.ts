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
  /** Short seasons detected per cut (shortSeason's cache). */
  short?: Map<number, number>;
}

/** The seasons a fit on the first `cut` values may use: those covered at least twice. */
export const usableSeasons = (ctx: SeriesCtx, cut: number): number[] => ctx.seasons.filter((p) => 2 * p <= cut);

/** Longest short season detected (steps), and the most recent values the detection reads. */
export const SHORT_MAX = 120;
export const SHORT_WINDOW = 2016;

/**
 * A short season found in y[0:cut) itself (docs/forecast.md, "Short seasons"; e.g. timer
 * triggers every 5, 15 or 60 minutes): over the last W = min(cut, SHORT_WINDOW) values,
 * the sample autocorrelation r(p) at lags 2..P, P = min(SHORT_MAX, ⌊cut/4⌋); a lag is a
 * candidate when it is a local peak standing out (r(p) ≥ 3/√W, and above both
 * neighbours by at least 2/√W: about 3 and 2 standard errors of r under white noise);
 * the season is the smallest candidate within 10 % of the highest candidate's r (a
 * period's multiples are peaks too). 0 when there is none, or the window is constant.
 * O(W·P). Reads no value at or after cut.
 */
export function shortSeason(ctx: SeriesCtx, cut: number): number {
  let cache = ctx.short;
  if (!cache) ctx.short = cache = new Map();
  const hit = cache.get(cut);
  if (hit !== undefined) return hit;
  const P = Math.min(SHORT_MAX, Math.floor(cut / 4));
  let found = 0;
  if (P >= 2 && !ctx.constant) {
    const W = Math.min(cut, SHORT_WINDOW);
    const a = cut - W;
    const y = ctx.y;
    let mu = 0;
    for (let t = a; t < cut; t++) mu += y[t]!;
    mu /= W;
    const x = new Float64Array(W);
    let den = 0;
    for (let t = 0; t < W; t++) { const d = y[a + t]! - mu; x[t] = d; den += d * d; }
    if (den > 0) {
      const r = new Float64Array(P + 2);
      for (let p = 1; p <= P + 1; p++) {
        let s = 0;
        for (let t = p; t < W; t++) s += x[t]! * x[t - p]!;
        r[p] = s / den;
      }
      const se = 1 / Math.sqrt(W);
      let best = -Infinity;
      const cands: number[] = [];
      for (let p = 2; p <= P; p++) {
        const rp = r[p]!;
        if (rp >= 3 * se && rp - r[p - 1]! >= 2 * se && rp - r[p + 1]! >= 2 * se) { cands.push(p); if (rp > best) best = rp; }
      }
      for (const p of cands) if (r[p]! >= 0.9 * best) { found = p; break; }
    }
  }
  cache.set(cut, found);
  return found;
}

/**
 * The seasons a fit on the first `cut` values uses: the usable ones, or else (none covered
 * twice) the short season detected in y[0:cut), if any. The MASE scale never uses it.
 */
export function seasonsFor(ctx: SeriesCtx, cut: number): number[] {
  const u = usableSeasons(ctx, cut);
  if (u.length) return u;
  const p = shortSeason(ctx, cut);
  return p > 0 ? [p] : [];
}

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
