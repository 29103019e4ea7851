import { Type, type Static } from '@sinclair/typebox';

/** The forecasting methods (docs/forecast.md). */
export const FORECAST_METHODS = ['seasonal-naive', 'recent-median', 'ets', 'dsp', 'multiscale', 'combination'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];
export type ForecastMethodChoice = ForecastMethod | 'auto';

/** Largest value accepted (keeps every sum of squares finite). */
export const FORECAST_MAX_VALUE = 1e12;

/** One service's workload history. */
export const ForecastSeries = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Series (service) name; defaults to its index.' })),
    values: Type.Array(
      Type.Union([Type.Number({ minimum: 0, maximum: FORECAST_MAX_VALUE }), Type.Null()], { errorMessage: `must be a finite number >= 0 (at most ${FORECAST_MAX_VALUE}) or null (missing)` }),
      { minItems: 1, errorMessage: 'must be a non-empty array of numbers >= 0 or null', description: 'History, oldest first, one value per step; null marks a missing value.' },
    ),
    seasons: Type.Optional(Type.Array(Type.Integer({ minimum: 2, maximum: 1_000_000, errorMessage: 'must be an integer period in steps, 2..1000000' }), {
      maxItems: 4,
      errorMessage: 'must be an array of at most 4 integer periods (steps)',
      description: 'Seasonal periods in steps, overriding the defaults (a day and a week at `step`); each is used when the history covers at least two of it.',
    })),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

/** `{ problem: "forecast", step, horizon, levels, method, series }`: see README, "Forecast". */
export const ForecastInstance = Type.Object(
  {
    problem: Type.Literal('forecast'),
    step: Type.Optional(Type.Integer({ minimum: 1, maximum: 31_536_000, errorMessage: 'must be an integer number of seconds, 1..31536000', description: 'Seconds between values (default 300).' })),
    horizon: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, errorMessage: 'must be an integer number of steps, 1..100000', description: 'Steps to forecast (default: one day at `step`, at least 1).' })),
    levels: Type.Optional(Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, errorMessage: 'must be a coverage strictly between 0 and 1' }), {
      minItems: 1, maxItems: 8,
      errorMessage: 'must be an array of 1..8 coverages strictly between 0 and 1',
      description: 'Central interval coverages (default [0.8, 0.95]).',
    })),
    method: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('seasonal-naive'), Type.Literal('recent-median'), Type.Literal('ets'), Type.Literal('dsp'), Type.Literal('multiscale'), Type.Literal('combination')], {
      errorMessage: `must be one of ${[...FORECAST_METHODS, 'auto'].map((m) => `"${m}"`).join(', ')}`,
      description: '"auto" (default): per series, the combination unless another method\'s calibration mean absolute error is at least 5 % lower (seasonal naive when the combination is unavailable); or one of "seasonal-naive", "recent-median" (the median of the last hour, flat), "ets", "dsp", "multiscale", "combination" (the step-by-step median of ets, dsp and multiscale).',
    })),
    series: Type.Array(ForecastSeries, { minItems: 1, errorMessage: 'must be a non-empty array of series' }),
  },
  { additionalProperties: false, errorMessage: 'must be an object', $id: 'greenplan/forecast' },
);
export type ForecastInstance = Static<typeof ForecastInstance>;
export type ForecastSeries = Static<typeof ForecastSeries>;

/** One central interval: `lower[h] <= mean[h] <= upper[h]`, nested across levels. */
export interface ForecastInterval {
  level: number;
  lower: number[];
  upper: number[];
}

/**
 * The method's scores on the last `horizon` steps of the history when it was refit
 * without them. `mase`: mean absolute error / in-sample seasonal-naive mean absolute error
 * (null when the scale is 0 and the error is not, or when no step could be scored);
 * `coverage`: share of the scored steps inside each level's interval (keys are the levels
 * as written by String(level)).
 */
export interface ForecastBacktest {
  mase: number | null;
  coverage: Record<string, number | null>;
  /** Steps scored (observed values among the held-out steps; 0 when the history is too short). */
  steps: number;
  /** Mean absolute error over the scored steps (null when none). */
  mae: number | null;
}

export interface ForecastSeriesResult {
  name: string;
  /** The method that produced `mean` (for "auto": the one chosen). */
  method: ForecastMethod;
  mean: number[];
  intervals: ForecastInterval[];
  backtest: ForecastBacktest;
  /** The seasons (steps) the method used; [] when the history covers fewer than two of any. */
  seasons: number[];
  /** Why the method that ran is not the one asked for, or runs in a reduced form (absent when it ran as asked). */
  fallback?: string;
  /** With "auto": each method's out-of-sample mean absolute error that the choice compared. */
  scores?: Partial<Record<ForecastMethod, number>>;
}

export interface ForecastSolution {
  problem: 'forecast';
  status: 'ok';
  step: number;
  horizon: number;
  levels: number[];
  series: ForecastSeriesResult[];
}
