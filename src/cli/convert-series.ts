// `greenplan convert series <csv>`: a `timestamp,value` CSV, or a CSV with one column per
// service, into a forecast instance (README, "Forecast"). Timestamps are Unix seconds or
// dates; values are resampled to regular steps (src/data/series-csv.ts), gaps become null.
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { GreenplanError } from '../core/errors.js';
import { parseSeriesCsv, SeriesCsvError } from '../data/series-csv.js';
import { validateForecast } from '../problems/forecast/solve.js';
import type { ForecastInstance } from '../problems/forecast/schema.js';

interface Opts { step?: string; horizon?: string; levels?: string; method?: string; name?: string; out?: string }

const int = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!(v.trim() !== '' && Number.isInteger(x) && x >= 1)) throw new GreenplanError('invalid-input', `${flag} must be an integer >= 1, got "${v}"`);
  return x;
};

/** Build the instance (throws GreenplanError on bad input). */
export function convertSeriesCsv(text: string, opts: Opts = {}): ForecastInstance {
  let series;
  try {
    series = parseSeriesCsv(text, { step: int(opts.step, '--step'), name: opts.name });
  } catch (e) {
    if (e instanceof SeriesCsvError) throw new GreenplanError('invalid-input', e.message);
    throw e;
  }
  const step = series[0]!.step;
  const inst: ForecastInstance = {
    problem: 'forecast',
    step,
    horizon: int(opts.horizon, '--horizon') ?? Math.max(1, Math.round(86400 / step)),
    levels: opts.levels ? opts.levels.split(',').map(Number) : [0.8, 0.95],
    method: (opts.method ?? 'auto') as ForecastInstance['method'],
    series: series.map((s) => ({ name: s.name, values: s.values.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9)) })),
  };
  validateForecast(inst);
  return inst;
}

/** Adds `convert series` to the CLI's `convert` command group. */
export function registerConvertSeries(convert: Command, fail: (e: unknown) => never): void {
  convert
    .command('series')
    .argument('<csv>', 'timestamp,value CSV, or timestamp,<service>,<service>... (header line first)')
    .description('a time-series CSV -> a forecast instance (README, "Forecast")')
    .option('--step <seconds>', 'resample to this step (default: the median gap between timestamps)')
    .option('--horizon <steps>', 'steps to forecast (default: one day at the step)')
    .option('--levels <list>', 'interval coverages, comma separated', '0.8,0.95')
    .option('--method <name>', 'auto, seasonal-naive, ets, dsp or multiscale', 'auto')
    .option('--name <name>', 'name of the series of a timestamp,value CSV (default: the file name)')
    .option('--out <file>', 'write the instance to this file instead of stdout')
    .action((file: string, opts: Opts) => {
      try {
        let text: string;
        try {
          text = readFileSync(file === '-' ? 0 : file, 'utf8');
        } catch (e) {
          throw new GreenplanError('invalid-input', `cannot read ${file}: ${(e as Error).message}`);
        }
        const name = opts.name ?? (file === '-' ? undefined : basename(file).replace(/\.csv$/i, ''));
        const out = JSON.stringify(convertSeriesCsv(text, { ...opts, name })) + '\n';
        if (opts.out) writeFileSync(opts.out, out);
        else process.stdout.write(out);
      } catch (e) {
        fail(e);
      }
    });
}
