// Seasonal naive: the value one season ago (the shortest season the history covers
// twice), or the last value when it covers none. O(H) per forecast path.
// docs/forecast.md, "seasonal-naive".
import type { Fitted, Method } from './method.js';
import { usableSeasons, type SeriesCtx } from './series.js';

/** Seasonal-naive forecasts of steps 1..H from origin o at season m (0: naive). */
export function snaivePath(y: Float64Array, o: number, m: number, H: number, out: Float64Array): void {
  if (m <= 0 || o < m) {
    const last = y[o - 1]!;
    for (let h = 0; h < H; h++) out[h] = last;
    return;
  }
  // step h (1-based) forecasts y[o + h - 1] by y[o + h - 1 - m·ceil(h / m)] = y[o - m + (h - 1) mod m]
  let i = o - m;
  for (let h = 0; h < H; h++) {
    out[h] = y[i]!;
    if (++i === o) i = o - m;
  }
}

export function fitSnaive(ctx: SeriesCtx, cut: number): Fitted {
  const seasons = usableSeasons(ctx, cut);
  const m = seasons.length ? seasons[0]! : 0;
  const note = m === 0 ? (ctx.seasons.length ? `history of ${cut} steps covers no season (${ctx.seasons.join(', ')} steps) twice: naive (last value)` : 'no season at this step: naive (last value)') : undefined;
  return new SnaiveFit(ctx.y, m, note);
}

/** A seasonal-naive fit: one class (one shape, one `path` compiled once per isolate; docs/batch.md, "Fourth pass"). */
export class SnaiveFit implements Fitted {
  readonly lag: number | undefined;
  constructor(private readonly y: Float64Array, private readonly m: number, readonly note: string | undefined) {
    this.lag = m > 0 ? m : undefined;
  }
  path(o: number, H: number, out: Float64Array): void { snaivePath(this.y, o, this.m, H, out); }
}

export const seasonalNaive: Method = {
  name: 'seasonal-naive',
  fitAll: async (series, cuts) => series.map((s, i) => fitSnaive(s, cuts[i]!)),
};
