// Short seasons detected in the history (docs/forecast.md, "Short seasons"): seeded series
// with a known period (timer-like pulses, a sinusoid plus noise) give that period; white
// noise, a constant, a random walk give none; values at or after the cut are never read;
// ets uses the detected season (and says so) while seasonal naive and the MASE scale do not.
import { mulberry32 } from '../src/core/rng.js';
import { describe, it, expect } from 'vitest';
import { forecast } from '../src/node.js';
import { prepareSeries, shortSeason, seasonsFor } from '../src/problems/forecast/series.js';

const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
/** Pulses every p steps (a timer trigger) on a noisy background of small counts. */
const pulses = (n: number, p: number, seed: number) => {
  const r = mulberry32(seed);
  return Array.from({ length: n }, (_, t) => (t % p === 3 ? 6 : 0) + Math.floor(2 * r()));
};

describe('short season detection', () => {
  it.each([5, 10, 15, 30, 60])('pulses every %i steps (1,440 values at 1 min): that period', (p) => {
    for (const seed of [1, 2, 3]) {
      const ctx = prepareSeries(0, pulses(1440, p, seed * 100 + p), []);
      expect(shortSeason(ctx, 1440)).toBe(p);
    }
  });

  it('a sinusoid of period 12 under noise: 12', () => {
    const r = mulberry32(7);
    const y = Array.from({ length: 1000 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 12) + 5 * gauss(r));
    expect(shortSeason(prepareSeries(0, y, []), 1000)).toBe(12);
  });

  it('white noise, a random walk and a constant: none', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = mulberry32(seed);
      const noise = Array.from({ length: 1440 }, () => 100 + 10 * gauss(r));
      expect(shortSeason(prepareSeries(0, noise, []), 1440)).toBe(0);
      let w = 100;
      const walk = Array.from({ length: 1440 }, () => (w = Math.max(0, w + gauss(r))));
      expect(shortSeason(prepareSeries(0, walk, []), 1440)).toBe(0);
    }
    expect(shortSeason(prepareSeries(0, new Array(500).fill(3), []), 500)).toBe(0);
  });

  it('reads nothing at or after the cut; too short for two lags: none', () => {
    const y = pulses(1440, 15, 9);
    const other = [...y.slice(0, 1000), ...pulses(440, 7, 10)];
    expect(shortSeason(prepareSeries(0, y, []), 1000)).toBe(shortSeason(prepareSeries(0, other, []), 1000));
    expect(shortSeason(prepareSeries(0, y, []), 7)).toBe(0);
  });

  it('the default seasons win when covered twice; the short one only replaces none', () => {
    const y = pulses(1440, 5, 11);
    expect(seasonsFor(prepareSeries(0, y, [288, 2016]), 1440)).toEqual([288]);
    expect(seasonsFor(prepareSeries(0, y, [1440, 10080]), 1440)).toEqual([5]);
  });

  it('ets forecasts a timer series with its detected season (and says so); seasonal naive and the MASE scale ignore it', async () => {
    const p = 5;
    const y = Array.from({ length: 1500 }, (_, t) => (t % p === 0 ? 12 : 2));
    const inst = (method: 'ets' | 'seasonal-naive') => ({ problem: 'forecast' as const, step: 60, horizon: 60, method, series: [{ name: 'timer', values: y.slice(0, 1440) }] });
    const e = (await forecast(inst('ets'))).series[0]!;
    expect(e.seasons).toEqual([p]);
    expect(e.fallback).toMatch(/short season of 5 steps/);
    for (let h = 0; h < 60; h++) expect(Math.abs(e.mean[h]! - y[1440 + h]!)).toBeLessThan(0.5);
    const sn = (await forecast(inst('seasonal-naive'))).series[0]!;
    expect(sn.seasons).toEqual([]);
    expect(sn.mean.every((v) => v === y[1439])).toBe(true);
    // both backtests share the documented scale: the in-sample lag-1 naive error (no season covered)
    const scale = (() => { let s = 0; for (let t = 1; t < 1380; t++) s += Math.abs(y[t]! - y[t - 1]!); return s / 1379; })();
    expect(e.backtest.mase! * scale).toBeCloseTo(e.backtest.mae!, 9);
    expect(sn.backtest.mase! * scale).toBeCloseTo(sn.backtest.mae!, 9);
  });
});
