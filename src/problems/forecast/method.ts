// What every forecasting method provides to the shared machinery (backtest, conformal
// calibration, auto): a fit on the first `cut` values of each history, then forecasts
// from any origin. docs/forecast.md, "Methods".
import type { ForecastMethod } from './schema.js';
import type { SeriesCtx } from './series.js';

/** A method fitted on the first `cut` values of one history. */
export interface Fitted {
  /**
   * Forecast steps 1..H from origin o (the first o values known; o >= 1):
   * out[h - 1] is the forecast of y[o + h - 1]. Uses no value at or after o.
   */
  path(o: number, H: number, out: Float64Array): void;
  /** Optional bulk form: paths of H steps from each origin, row after row (same values as path). */
  paths?(origins: readonly number[], H: number): Float64Array;
  /** Optional: the same paths as one row (H values, read-only) per origin, without copying rows computed before. */
  pathRows?(origins: readonly number[], H: number): readonly Float64Array[];
  /** Optional: the path from o is flat at this value (path writes it H times): a calibration that only counts its errors reads this instead. */
  level?(o: number): number;
  /** Optional: from an origin o >= lag, step h (0-based) of the path is y[o − lag + (h mod lag)] (seasonal naive): a counting calibration reads y there. */
  lag?: number;
  /** The seasons (steps) this fit uses, when they differ from the covered default ones (a detected short season). */
  seasons?: number[];
  /** Why this fit runs in a reduced form (no seasons, fell back to another method). */
  note?: string;
}

export interface Method {
  readonly name: ForecastMethod;
  /**
   * Roll forward: the least cut at which a fit also forecasts well from any later origin
   * (its states roll forward over the values after the cut, parameters frozen). When a
   * series' earliest calibration cut reaches it, its calibration windows share that one fit
   * instead of one refit each (docs/forecast.md, "Speed"). Absent: always refit.
   */
  readonly rollForward?: (ctx: SeriesCtx, H: number) => number;
  /**
   * With rollForward: the backtest of a rolled series also forecasts from the one fit at
   * the earliest calibration cut (states rolled forward to the backtest origin, parameters
   * frozen), instead of a fit of its own. Only for methods whose forecast from a later
   * origin reads the values before that origin (ets, multiscale), not dsp's origin-free profile.
   */
  readonly rollBacktest?: boolean;
  /**
   * With rollBacktest: the forecast itself also comes from that one fit (states rolled to
   * the end of the history) when the fit at the earliest cut uses the same seasons as a fit
   * on the whole history would (the first rollFinal seasons: those the method reads): one
   * fit per series and method in all.
   */
  readonly rollFinal?: number;
  /** True when the fit is joint over the series (a series left out changes the others' fit). */
  readonly global?: boolean;
  /** Fit every history on its first cuts[i] values (cuts[i] >= 1). Global methods fit jointly. */
  fitAll(series: readonly SeriesCtx[], cuts: readonly number[], H: number): Promise<Fitted[]>;
}
