// recent-median: the median of the last hour's observed values, repeated flat over the
// horizon (docs/forecast.md, "recent-median"). A robust level: one spike does not move it
// (seasonal naive repeats a spike for a whole season), a level shift moves it once it has
// lasted half the window. No fit: O(k) per forecast path (quickselect), k the window.
import type { Fitted, Method } from './method.js';
import type { SeriesCtx } from './series.js';
import { select } from './conformal.js';

/** Values the median reads: one hour at the step, at least 3 (a median of fewer is moved by one spike). */
export const medianWindow = (stepSec: number): number => Math.max(3, Math.round(3600 / stepSec));

/**
 * The median of the observed values among y[o − k .. o − 1] (the mean of the middle two
 * for an even count); y[o − 1] (filled) when none of them was observed. `buf` holds >= k values.
 */
export function recentMedian(ctx: SeriesCtx, o: number, k: number, buf: Float64Array): number {
  let c = 0;
  for (let t = Math.max(0, o - k); t < o; t++) if (ctx.observed[t]) buf[c++] = ctx.y[t]!;
  if (c === 0) return ctx.y[o - 1]!;
  const hi = select(buf, c >> 1, c);
  if (c & 1) return hi;
  // even count: the largest value below the upper middle (all of them sit left of it)
  let lo = buf[0]!;
  for (let i = 1; i < c >> 1; i++) if (buf[i]! > lo) lo = buf[i]!;
  return 0.5 * (lo + hi);
}

/** recent-median needs the step in seconds (its window is one hour). */
export function recentMedianMethod(stepSec: number): Method {
  const k = medianWindow(stepSec);
  return {
    name: 'recent-median',
    async fitAll(series) {
      return series.map((ctx): Fitted => new MedianFit(ctx, k));
    },
  };
}

/** A recent-median fit: one class (one shape, `path` and `level` compiled once per isolate; docs/batch.md, "Fourth pass"). */
class MedianFit implements Fitted {
  private readonly buf: Float64Array;
  constructor(private readonly ctx: SeriesCtx, private readonly k: number) { this.buf = new Float64Array(k); }
  path(o: number, H: number, out: Float64Array): void {
    const v = recentMedian(this.ctx, o, this.k, this.buf);
    for (let h = 0; h < H; h++) out[h] = v;
  }
  level(o: number): number { return recentMedian(this.ctx, o, this.k, this.buf); }
}
