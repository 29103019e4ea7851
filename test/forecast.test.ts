// Forecast: seasonal naive exact on hand-computed cases, the backtest's arithmetic, short
// and odd histories, every bad input with its JSON path, and the independent checker.
import { describe, it, expect } from 'vitest';
import { forecast, checkForecast, solve, GreenplanError } from '../src/node.js';
import type { ForecastInstance } from '../src/node.js';
import { parseSeriesCsv, SeriesCsvError } from '../src/data/series-csv.js';

const inst = (over: Partial<ForecastInstance>): ForecastInstance => ({ problem: 'forecast', series: [], ...over }) as ForecastInstance;

describe('seasonal naive (hand-computed)', () => {
  it('season 3, horizon 5: repeats the last season', async () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const sol = await forecast(inst({ horizon: 5, method: 'seasonal-naive', series: [{ name: 'a', values, seasons: [3] }] }));
    const r = sol.series[0]!;
    expect(r.method).toBe('seasonal-naive');
    expect(r.mean).toEqual([7, 8, 9, 7, 8]);
    expect(r.seasons).toEqual([3]);
    expect(checkForecast(inst({ horizon: 5, method: 'seasonal-naive', series: [{ name: 'a', values, seasons: [3] }] }), sol).valid).toBe(true);
  });
  it('backtest: refit without the last 2 values, MASE over the in-sample seasonal-naive error', async () => {
    // values 10,20,30,11,21,31,12,22 | held out: 99, 23 ; season 3, horizon 2
    const values = [10, 20, 30, 11, 21, 31, 12, 22, 99, 23];
    const sol = await forecast(inst({ horizon: 2, method: 'seasonal-naive', series: [{ values, seasons: [3] }] }));
    const bt = sol.series[0]!.backtest;
    // fit on 8 values, origin 8: forecasts y[8] by y[5] = 31, y[9] by y[6] = 12 -> errors 68, 11
    expect(bt.steps).toBe(2);
    expect(bt.mae).toBeCloseTo((68 + 11) / 2, 12);
    // in-sample scale on y[0:8] at lag 3: |11-10|,|21-20|,|31-30|,|12-11|,|22-21| = 1
    expect(bt.mase).toBeCloseTo(39.5, 12);
    // the forecast itself: origin 10, season 3: y[7], y[8] = 22, 99
    expect(sol.series[0]!.mean).toEqual([22, 99]);
  });
  it('default seasons: a day and a week at the step; fewer than two days -> naive, said', async () => {
    const values = Array.from({ length: 30 }, (_, t) => t % 5);
    const sol = await forecast(inst({ step: 3600, horizon: 3, method: 'seasonal-naive', series: [{ values }] }));
    expect(sol.series[0]!.mean).toEqual([4, 4, 4]);
    expect(sol.series[0]!.seasons).toEqual([]);
    expect(sol.series[0]!.fallback).toMatch(/covers no season \(24, 168 steps\) twice: naive/);
    const two = Array.from({ length: 48 }, (_, t) => t % 24);
    const s2 = await forecast(inst({ step: 3600, horizon: 2, method: 'seasonal-naive', series: [{ values: two }] }));
    expect(s2.series[0]!.mean).toEqual([0, 1]);
    expect(s2.series[0]!.seasons).toEqual([24]);
    expect(s2.series[0]!.fallback ?? '').not.toMatch(/naive/);
  });
  it('missing values are filled from a season earlier and never scored', async () => {
    const values = [1, 2, 3, 1, null, 3, 1, 2, null];
    const sol = await forecast(inst({ horizon: 3, method: 'seasonal-naive', series: [{ values, seasons: [3] }] }));
    expect(sol.series[0]!.mean).toEqual([1, 2, 3]);
    expect(sol.series[0]!.backtest.steps).toBe(2);
  });
});

describe('intervals', () => {
  it('lower <= mean <= upper, nested, clipped at 0; the checker agrees', async () => {
    const values = Array.from({ length: 200 }, (_, t) => Math.max(0, 5 + 4 * Math.sin((2 * Math.PI * t) / 20) + ((t * 7919) % 13) - 6));
    const i = inst({ horizon: 20, levels: [0.95, 0.5, 0.8], method: 'seasonal-naive', series: [{ name: 'x', values, seasons: [20] }] });
    const sol = await forecast(i);
    const rep = checkForecast(i, sol);
    expect(rep.valid, rep.reason).toBe(true);
    const r = sol.series[0]!;
    for (let h = 0; h < 20; h++) {
      expect(r.intervals[0]!.lower[h]!).toBeLessThanOrEqual(r.intervals[2]!.lower[h]!);
      expect(r.intervals[2]!.lower[h]!).toBeLessThanOrEqual(r.intervals[1]!.lower[h]!);
      expect(r.intervals[1]!.upper[h]!).toBeLessThanOrEqual(r.intervals[2]!.upper[h]!);
      expect(r.intervals[0]!.lower[h]!).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(r.backtest.coverage)).toEqual(['0.95', '0.5', '0.8']);
  });
});

describe('short and odd histories', () => {
  const odd: [string, (number | null)[]][] = [
    ['length 1', [7]],
    ['length 2', [7, 9]],
    ['constant', Array(500).fill(3)],
    ['all null', [null, null, null]],
    ['long null run', [...Array.from({ length: 300 }, (_, t) => t % 12), ...Array(200).fill(null), 1, 2, 3]],
    ['spike', Array.from({ length: 400 }, (_, t) => (t === 390 ? 1e9 : t % 24))],
    ['zeros', Array(100).fill(0)],
  ];
  it.each(odd)('%s: every method gives a valid solution', async (_, values) => {
    for (const method of ['seasonal-naive', 'auto'] as const) {
      const i = inst({ step: 3600, horizon: 24, method, series: [{ name: 's', values }] });
      const sol = await forecast(i);
      const rep = checkForecast(i, sol);
      expect(rep.valid, `${method}: ${rep.reason}`).toBe(true);
    }
  });
  it('length 1: naive, zero-width intervals, no backtest, and the solution says why', async () => {
    const sol = await forecast(inst({ horizon: 3, series: [{ values: [7] }] }));
    const r = sol.series[0]!;
    expect(r.mean).toEqual([7, 7, 7]);
    expect(r.intervals[0]!.lower).toEqual([7, 7, 7]);
    expect(r.backtest).toEqual({ mase: null, mae: null, steps: 0, coverage: { '0.8': null, '0.95': null } });
    expect(r.fallback).toMatch(/zero width/);
    expect(r.fallback).toMatch(/no backtest/);
  });
  it('constant: exact forecast, zero-width intervals, MASE 0', async () => {
    const sol = await forecast(inst({ horizon: 10, method: 'seasonal-naive', series: [{ values: Array(100).fill(3), seasons: [7] }] }));
    const r = sol.series[0]!;
    expect(r.mean).toEqual(Array(10).fill(3));
    expect(r.intervals[1]!.upper).toEqual(Array(10).fill(3));
    expect(r.backtest.mase).toBe(0);
  });
});

describe('bad input names the JSON path', () => {
  const good = { problem: 'forecast', series: [{ name: 'a', values: [1, 2, 3] }] };
  const cases: [string, unknown, string][] = [
    ['negative value', { ...good, series: [{ name: 'a', values: [1, -2] }] }, 'series[0].values[1]'],
    ['NaN-like string', { ...good, series: [{ values: [1, 2, '3'] }] }, 'series[0].values[2]'],
    ['empty values', { ...good, series: [{ values: [] }] }, 'series[0].values'],
    ['no series', { problem: 'forecast', series: [] }, 'series'],
    ['horizon 0', { ...good, horizon: 0 }, 'horizon'],
    ['fractional step', { ...good, step: 1.5 }, 'step'],
    ['level 1', { ...good, levels: [0.8, 1] }, 'levels[1]'],
    ['duplicate level', { ...good, levels: [0.8, 0.8] }, 'levels[1]'],
    ['unknown method', { ...good, method: 'arima' }, 'method'],
    ['season 1', { ...good, series: [{ values: [1], seasons: [1] }] }, 'series[0].seasons[0]'],
    ['duplicate name', { ...good, series: [{ name: 'a', values: [1] }, { name: 'a', values: [2] }] }, 'series[1].name'],
    ['__proto__ field', JSON.parse('{"problem":"forecast","series":[{"values":[1],"__proto__":{"x":1}}]}'), 'series[0].__proto__'],
    ['unknown field', { ...good, horizn: 3 }, 'horizn'],
    ['too large', { ...good, series: [{ values: [1e13] }] }, 'series[0].values[0]'],
  ];
  it.each(cases)('%s -> %s', async (_, bad, path) => {
    const err = await solve(bad).then(() => null, (e) => e);
    expect(err).toBeInstanceOf(GreenplanError);
    expect(err.path).toBe(path);
  });
});

describe('the checker rejects broken solutions', () => {
  it('each corruption is caught', async () => {
    const i = inst({ horizon: 4, method: 'seasonal-naive', series: [{ name: 'a', values: Array.from({ length: 40 }, (_, t) => 10 + (t % 4)), seasons: [4] }] });
    const sol = await forecast(i);
    expect(checkForecast(i, sol).valid).toBe(true);
    const broken: [string, (s: any) => void][] = [
      ['short mean', (s) => s.series[0].mean.pop()],
      ['negative', (s) => { s.series[0].mean[0] = -1; }],
      ['mean above upper', (s) => { s.series[0].mean[1] = s.series[0].intervals[1].upper[1] + 1; }],
      ['not nested', (s) => { s.series[0].intervals[1].upper[2] = s.series[0].intervals[0].upper[2] - 1e-3; s.series[0].intervals[0].upper[2] += 1; }],
      ['level', (s) => { s.series[0].intervals[0].level = 0.5; }],
      ['backtest steps', (s) => { s.series[0].backtest.steps = 3; }],
      ['coverage key', (s) => { delete s.series[0].backtest.coverage['0.8']; }],
      ['name', (s) => { s.series[0].name = 'b'; }],
      ['method', (s) => { s.series[0].method = 'arima'; }],
    ];
    for (const [what, f] of broken) {
      const s = structuredClone(sol);
      f(s);
      expect(checkForecast(i, s).valid, what).toBe(false);
    }
  });
});

// forecast(instance, { backtest: false }) (autoscaling's internal call) skips the backtest's
// windows, intervals and scores; everything else must be what the full call returns.
describe('forecast without the backtest (internal option)', () => {
  const day = 48;
  const mk = (seed: number, n: number) => {
    let s = seed;
    const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    return Array.from({ length: n }, (_, t) => (t % 37 === 5 && seed % 2 ? null : Math.max(0, 100 + 40 * Math.sin((2 * Math.PI * t) / day) + 15 * (r() - 0.5) + (r() < 0.01 ? 200 : 0))));
  };
  const series = [mk(3, 24 * day), mk(4, 24 * day), mk(5, 9 * day), mk(6, 30)].map((values, i) => ({ name: `s${i}`, values }));
  it.each(['auto', 'combination', 'dsp', 'ets', 'multiscale', 'seasonal-naive'] as const)('%s: the same forecasts, intervals, methods, notes and scores; an empty backtest', async (method) => {
    const inst: ForecastInstance = { problem: 'forecast', step: 1800, horizon: day, method, series };
    const full = await forecast(inst);
    const lean = await forecast(inst, { backtest: false });
    expect(lean.series.map((r) => ({ ...r, backtest: undefined }))).toEqual(full.series.map((r) => ({ ...r, backtest: undefined })));
    for (const r of lean.series) expect(r.backtest.steps).toBe(0);
    expect(full.series.some((r) => r.backtest.steps > 0)).toBe(true);
  });
});

describe('series CSV: a row with more cells than the header', () => {
  it('is an error naming the line (blank lines counted) and both counts', () => {
    const err = (() => {
      try {
        parseSeriesCsv('timestamp,value\n0,5\n\n60,7,9\n120,6\n');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SeriesCsvError);
    expect((err as Error).message).toBe('line 4: 3 cells, the header has 2');
  });
  it('a shorter row is missing values (docs/data.md)', () => {
    expect(parseSeriesCsv('time,a,b\n0,1,2\n60,3\n')[1]!.values).toEqual([2, null]);
  });
});
