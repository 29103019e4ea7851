// `greenplan convert series <csv>`: a `timestamp,value` CSV, or a CSV with one column per
// service, into a forecast instance (README, "Forecast"). Timestamps are Unix seconds or
// dates; values are resampled to regular steps (src/data/series-csv.ts), gaps become null.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { quote } from '../core/errors.js';
import { usage, jsonText, writeOut, outputOptions, type OutOptions } from './io.js';
import { parseSeriesCsv, SeriesCsvError } from '../data/series-csv.js';
import { validateForecast } from '../problems/forecast/solve.js';
import type { ForecastInstance } from '../problems/forecast/schema.js';

interface Opts extends OutOptions { step?: string; horizon?: string; levels?: string; method?: string; name?: string }

const int = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!(v.trim() !== '' && Number.isInteger(x) && x >= 1)) throw usage(`${flag} must be an integer >= 1, not ${quote(v)}`);
  return x;
};

const levelsOf = (v: string | undefined): number[] => {
  if (v === undefined) return [0.8, 0.95];
  return v.split(',').map((t) => {
    const x = Number(t);
    if (!(t.trim() !== '' && x > 0 && x < 1)) throw usage(`--levels must be coverages strictly between 0 and 1, comma separated; ${quote(t)} is not one`);
    return x;
  });
};

/** Build the instance (throws an invalid-input GreenplanError on bad input). */
export function convertSeriesCsv(text: string, opts: Opts & { file?: string } = {}): ForecastInstance {
  let series;
  try {
    series = parseSeriesCsv(text, { step: int(opts.step, '--step'), name: opts.name });
  } catch (e) {
    if (e instanceof SeriesCsvError) {
      // a line's error names the file first: `"taxi.csv" line 3: …`
      throw usage(opts.file !== undefined && e.message.startsWith('line ') ? `${quote(opts.file, 200)} ${e.message}` : e.message);
    }
    throw e;
  }
  const step = series[0]!.step;
  const inst: ForecastInstance = {
    problem: 'forecast',
    step,
    horizon: int(opts.horizon, '--horizon') ?? Math.max(1, Math.round(86400 / step)),
    levels: levelsOf(opts.levels),
    method: (opts.method ?? 'auto') as ForecastInstance['method'],
    series: series.map((s) => ({ name: s.name, values: s.values.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9)) })),
  };
  validateForecast(inst);
  return inst;
}

/** Adds `convert series` to the CLI's `convert` command group. */
export function registerConvertSeries(convert: Command, fail: (e: unknown) => never): void {
  const cmd = convert
    .command('series')
    .argument('<csv>', 'timestamp,value CSV, or timestamp,<service>,<service>... (header line first)')
    .description('a time-series CSV -> a forecast instance (README, "Forecast")')
    .option('--step <seconds>', 'resample to this step (default: the median gap between timestamps)')
    .option('--horizon <steps>', 'steps to forecast (default: one day at the step)')
    .option('--levels <list>', 'interval coverages, comma separated', '0.8,0.95')
    .option('--method <name>', 'auto, seasonal-naive, recent-median, ets, dsp, multiscale or combination', 'auto')
    .option('--name <name>', 'name of the series of a timestamp,value CSV (default: the file name)');
  outputOptions(cmd, 'the instance').action((file: string, opts: Opts) => {
    try {
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (e) {
        throw usage(`cannot read ${quote(file, 200)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const name = opts.name ?? (file === '-' ? undefined : basename(file).replace(/\.csv$/i, ''));
      writeOut(jsonText(convertSeriesCsv(text, { ...opts, name, file: file === '-' ? 'stdin' : file }), opts), opts);
    } catch (e) {
      fail(e);
    }
  });
}
