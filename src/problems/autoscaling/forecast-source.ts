// The workload forecast, through the forecast problem's public contract only
// (docs/autoscaling.md, "Forecast"): one forecast() call for all services; the q quantile of
// a step is the upper bound of the central interval at level 2q − 1 (q > 0.5), the lower
// bound at level 1 − 2q (q < 0.5), the mean at q = 0.5.
import { forecast } from '../forecast/solve.js';
import { GreenplanError, ValidationError } from '../../core/errors.js';

export interface ServiceForecast {
  method: string;
  mean: Float64Array;
  /** Quantiles by q (the keys asked for). */
  quantiles: Map<number, Float64Array>;
  fallback?: string;
}

const levelOf = (q: number) => Math.round(Math.abs(2 * q - 1) * 1e12) / 1e12;

/** Forecast every series `horizon` steps ahead and return the asked quantiles. */
export async function forecastQuantiles(
  series: { values: (number | null)[]; seasons?: number[] }[],
  o: { step: number; horizon: number; method?: string; quantiles: number[]; path: (i: number) => string },
): Promise<ServiceForecast[]> {
  const levels = [...new Set(o.quantiles.map(levelOf).filter((L) => L > 0))].sort((a, b) => a - b);
  let sol;
  try {
    sol = await forecast({
      problem: 'forecast', step: o.step, horizon: o.horizon, levels,
      method: (o.method ?? 'auto') as 'auto',
      series: series.map((s, i) => ({ name: String(i), values: s.values, ...(s.seasons ? { seasons: s.seasons } : {}) })),
    }, { backtest: false }); // only the forecast and its intervals are read: no backtest
  } catch (e) {
    // name the autoscaling instance's path, not the forecast instance's
    if (e instanceof GreenplanError && e.code === 'invalid-input') {
      const m = /^series\[(\d+)\]\.values(.*)$/.exec(e.path);
      if (m) throw new ValidationError(`${o.path(Number(m[1]))}${m[2]}`, e.message.slice(e.path.length + 1));
      const s = /^series\[(\d+)\]\.seasons(.*)$/.exec(e.path);
      if (s) throw new ValidationError(`services[${s[1]}].seasons${s[2]}`, e.message.slice(e.path.length + 1));
    }
    throw e;
  }
  return sol.series.map((r) => {
    const mean = Float64Array.from(r.mean);
    const quantiles = new Map<number, Float64Array>();
    for (const q of o.quantiles) {
      const L = levelOf(q);
      if (L === 0) { quantiles.set(q, mean); continue; }
      const iv = r.intervals.find((x) => Math.abs(x.level - L) < 1e-9);
      if (!iv) throw new GreenplanError('internal', `forecast returned no interval at level ${L}`);
      quantiles.set(q, Float64Array.from(q > 0.5 ? iv.upper : iv.lower));
    }
    return { method: r.method, mean, quantiles, ...(r.fallback ? { fallback: r.fallback } : {}) };
  });
}
