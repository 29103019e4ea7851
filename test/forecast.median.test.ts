// recent-median (src/problems/forecast/median.ts) and auto's choice on the calibration MAE
// (docs/forecast.md, "recent-median", "auto"): the median against a sort, hand-computed
// forecasts, no value at or after the origin read, robustness to a spike where seasonal
// naive repeats it, auto's rule against the scores it reports, and the backtest's choice
// made without the held-out values.
import { describe, it, expect } from 'vitest';
import { forecast, checkForecast } from '../src/node.js';
import type { ForecastInstance } from '../src/node.js';
import { recentMedian, medianWindow } from '../src/problems/forecast/median.js';
import { prepareSeries } from '../src/problems/forecast/series.js';
import { AUTO_MARGIN } from '../src/problems/forecast/solve.js';
import { mulberry32 } from '../src/core/rng.js';

const inst = (over: Partial<ForecastInstance>): ForecastInstance => ({ problem: 'forecast', series: [], ...over }) as ForecastInstance;

/** The median by a full sort (the reference). */
function sortedMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

describe('recentMedian', () => {
  it('equals the sorted median of the observed values in the window (odd, even, ties, gaps)', () => {
    const r = mulberry32(7);
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(r() * 40);
      const values = Array.from({ length: n }, () => (r() < 0.2 ? null : Math.floor(r() * (trial % 3 === 0 ? 3 : 50))));
      const ctx = prepareSeries(0, values, []);
      const k = 1 + Math.floor(r() * 15);
      const o = 1 + Math.floor(r() * n);
      const window = values.slice(Math.max(0, o - k), o).filter((v): v is number => v !== null);
      const got = recentMedian(ctx, o, k, new Float64Array(k));
      expect(got).toBe(window.length ? sortedMedian(window) : ctx.y[o - 1]!);
    }
  });
  it('window: one hour at the step, at least 3 values', () => {
    expect(medianWindow(60)).toBe(60);
    expect(medianWindow(300)).toBe(12);
    expect(medianWindow(1800)).toBe(3);
    expect(medianWindow(3600)).toBe(3);
    expect(medianWindow(86400)).toBe(3);
  });
});

describe('recent-median method', () => {
  it('hand-computed: the median of the last hour, flat; a final spike does not move it', async () => {
    // step 600: window 6 values; last six: 10, 12, 11, 13, 11, 500 -> median (11 + 12) / 2
    const values = [5, 5, 5, 5, 10, 12, 11, 13, 11, 500];
    const sol = await forecast(inst({ step: 600, horizon: 4, method: 'recent-median', series: [{ values }] }));
    expect(sol.series[0]!.method).toBe('recent-median');
    expect(sol.series[0]!.mean).toEqual([11.5, 11.5, 11.5, 11.5]);
    const naive = await forecast(inst({ step: 600, horizon: 4, method: 'seasonal-naive', series: [{ values }] }));
    expect(naive.series[0]!.mean).toEqual([500, 500, 500, 500]);
  });
  it('reads no value at or after the origin (its backtest ignores the held-out values)', async () => {
    const r = mulberry32(3);
    const values = Array.from({ length: 400 }, (_, t) => 50 + (t > 250 ? 30 : 0) + 10 * r());
    const H = 24;
    const a = await forecast(inst({ step: 300, horizon: H, method: 'recent-median', series: [{ values }] }));
    const changed = values.map((v, t) => (t >= values.length - H ? v * 3 + 100 : v));
    const b = await forecast(inst({ step: 300, horizon: H, method: 'recent-median', series: [{ values: changed }] }));
    // the backtest's forecast is the same: its absolute errors against the changed targets follow from it
    const back = sortedMedian(values.slice(values.length - H - 12, values.length - H));
    const maeA = values.slice(-H).reduce((s, v) => s + Math.abs(v - back), 0) / H;
    const maeB = changed.slice(-H).reduce((s, v) => s + Math.abs(v - back), 0) / H;
    expect(a.series[0]!.backtest.mae).toBeCloseTo(maeA, 9);
    expect(b.series[0]!.backtest.mae).toBeCloseTo(maeB, 9);
  });
  it('valid solutions (checker), intervals nested and around the mean, missing values', async () => {
    const values = Array.from({ length: 700 }, (_, t) => (t % 97 === 5 ? null : 20 + (t % 7) + (t > 600 ? 15 : 0)));
    const i = inst({ step: 300, horizon: 36, method: 'recent-median', series: [{ name: 'x', values }] });
    const sol = await forecast(i);
    const rep = checkForecast(i, sol);
    expect(rep.valid, rep.reason).toBe(true);
  });
});

/** A non-seasonal workload: a level with noise, level shifts and isolated spikes (1-minute steps, one day). */
function spiky(seed: number, n = 1440): number[] {
  const r = mulberry32(seed);
  let level = 20 + 20 * r();
  return Array.from({ length: n }, () => {
    if (r() < 0.003) level = Math.max(1, level * (0.5 + r()));
    const spike = r() < 0.03 ? 10 * level * r() : 0;
    return Math.round(level + 3 * (r() - 0.5) + spike);
  });
}

describe('auto with recent-median', () => {
  it('picks recent-median on spiky level series, where seasonal naive repeats spikes; not on a clean daily cycle', async () => {
    const series = Array.from({ length: 12 }, (_, i) => ({ name: `s${i}`, values: spiky(100 + i) }));
    const sol = await forecast(inst({ step: 60, horizon: 60, method: 'auto', series }));
    const picked = sol.series.filter((r) => r.method === 'recent-median').length;
    expect(picked).toBeGreaterThanOrEqual(8);
    for (const r of sol.series) expect(r.scores!['recent-median']!).toBeLessThan(r.scores!['seasonal-naive']!);
    const r = mulberry32(5);
    const daily = Array.from({ length: 6 }, (_, i) => ({ name: `d${i}`, values: Array.from({ length: 288 * 14 }, (_, t) => 100 + 60 * Math.sin((2 * Math.PI * t) / 288) + 3 * r()) }));
    const d = await forecast(inst({ step: 300, horizon: 288, method: 'auto', series: daily }));
    for (const x of d.series) expect(x.method).not.toBe('recent-median');
  });
  it('the choice follows the reported calibration MAEs: the smallest, unless the combination is within AUTO_MARGIN', async () => {
    const r = mulberry32(11);
    const series = [
      ...Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, values: spiky(200 + i) })),
      ...Array.from({ length: 6 }, (_, i) => ({ name: `c${i}`, values: Array.from({ length: 1440 }, (_, t) => 50 + 30 * Math.sin((2 * Math.PI * t) / (20 + 5 * i)) + 8 * r()) })),
    ];
    const sol = await forecast(inst({ step: 60, horizon: 60, method: 'auto', series }));
    for (const x of sol.series) {
      const s = x.scores!;
      const ranked = Object.entries(s).sort((a, b) => a[1]! - b[1]!);
      const [best, bestScore] = ranked[0]!;
      const expected = best !== 'combination' && bestScore! < (1 - AUTO_MARGIN) * s.combination! ? best : 'combination';
      expect(x.method).toBe(expected);
    }
  });
  it('the backtest\'s choice uses no held-out value: targets rewritten to equal one method\'s backtest forecast do not move it', async () => {
    // a look-ahead selector would switch to seasonal naive once the held-out values equal its
    // backtest forecast (error 0); ours chooses on the windows before the backtest origin
    const H = 60;
    const values = spiky(300);
    const sn = await forecast(inst({ step: 60, horizon: H, method: 'seasonal-naive', series: [{ values }] }));
    const n = values.length;
    // seasonal naive's backtest forecast here is the last value before the held-out ones (no season)
    const rewritten = values.map((v, t) => (t >= n - H ? values[n - H - 1]! : v));
    const a = await forecast(inst({ step: 60, horizon: H, method: 'auto', series: [{ values }] }));
    const b = await forecast(inst({ step: 60, horizon: H, method: 'auto', series: [{ values: rewritten }] }));
    const snB = await forecast(inst({ step: 60, horizon: H, method: 'seasonal-naive', series: [{ values: rewritten }] }));
    expect(sn.series[0]!.backtest.mae).toBeGreaterThan(0);
    expect(snB.series[0]!.backtest.mae).toBe(0);
    // auto's backtest stays that of the method chosen before: never seasonal naive's perfect score
    expect(b.series[0]!.backtest.mae).toBeGreaterThan(0);
    const methods = ['recent-median', 'ets', 'dsp', 'multiscale', 'combination'] as const;
    const backs = await Promise.all(methods.map((m) => forecast(inst({ step: 60, horizon: H, method: m, series: [{ values }] }))));
    const backsB = await Promise.all(methods.map((m) => forecast(inst({ step: 60, horizon: H, method: m, series: [{ values: rewritten }] }))));
    const k = backs.findIndex((s) => s.series[0]!.backtest.mae === a.series[0]!.backtest.mae);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(b.series[0]!.backtest.mae).toBe(backsB[k]!.series[0]!.backtest.mae);
  });
});
