// The combination (docs/forecast.md, "combination"): its forecast is the median of the
// members' forecasts (ets, dsp, multiscale), its intervals come from its own errors (the
// median of the members' errors at the same origin and step), and auto may choose it.
// Coverage on seeded data: test/forecast.coverage.test.ts.
import { mulberry32 } from '../src/core/rng.js';
import { describe, it, expect } from 'vitest';
import { forecast, check } from '../src/node.js';
import { medianOf, COMBINATION_MEMBERS } from '../src/problems/forecast/solve.js';

const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const data = (seed: number, n: number) => {
  const r = mulberry32(seed);
  return Array.from({ length: n }, (_, t) => 200 + 0.05 * t + 40 * Math.sin((2 * Math.PI * t) / 24) + 8 * gauss(r));
};

describe('combination', () => {
  it('medianOf: the middle value, or the mean of the middle two', () => {
    expect(Array.from(medianOf([new Float64Array([3, 1]), new Float64Array([1, 5]), new Float64Array([2, 9])], 2))).toEqual([2, 5]);
    expect(Array.from(medianOf([new Float64Array([4]), new Float64Array([1]), new Float64Array([10]), new Float64Array([2])], 1))).toEqual([3]);
  });

  it('medianOf of three (branch-free choices) = the conditional form, bit for bit: ties, ±0, NaN, ±Infinity, every order', () => {
    const r = mulberry32(77);
    const special = [0, -0, NaN, Infinity, -Infinity, 1, -1, 1e-300];
    const n = 6000;
    const rows = [0, 1, 2].map(() => new Float64Array(n));
    for (let j = 0; j < n; j++) for (const row of rows) {
      const u = r();
      row[j] = u < 0.3 ? special[Math.floor(r() * special.length)]! : u < 0.5 ? Math.round(r() * 4 - 2) : (r() - 0.5) * 100;
    }
    const got = medianOf(rows, n);
    for (let j = 0; j < n; j++) {
      const a = rows[0]![j]!, b = rows[1]![j]!, c = rows[2]![j]!;
      const lo = a < b ? a : b, hi = a < b ? b : a;
      const m = hi < c ? hi : c;
      expect(Object.is(got[j], lo > m ? lo : m)).toBe(true);
    }
    // and the median where it is defined (no NaN)
    expect(Array.from(medianOf([new Float64Array([5, -1, 2]), new Float64Array([1, -1, 3]), new Float64Array([3, 7, 1])], 3))).toEqual([3, -1, 2]);
  });

  it('its forecast is the median of the members\' forecasts; valid; its backtest scored', async () => {
    const series = [1, 2, 3].map((i) => ({ name: `s${i}`, values: data(i, 24 * 30) }));
    const inst = (method: string) => ({ problem: 'forecast' as const, step: 3600, horizon: 24, method: method as any, series });
    const c = await forecast(inst('combination'));
    expect(check(inst('combination'), c).valid).toBe(true);
    const members = await Promise.all(COMBINATION_MEMBERS.map((m) => forecast(inst(m))));
    c.series.forEach((r, i) => {
      expect(r.method).toBe('combination');
      expect(r.backtest.steps).toBe(24);
      expect(r.backtest.mase).toBeGreaterThan(0);
      for (let h = 0; h < 24; h++) {
        const v = members.map((m) => m.series[i]!.mean[h]!).sort((a, b) => a - b);
        expect(r.mean[h]).toBeCloseTo(v[1]!, 9);
        expect(r.intervals[0]!.lower[h]!).toBeLessThan(r.mean[h]!);
        expect(r.intervals[1]!.upper[h]!).toBeGreaterThan(r.intervals[0]!.upper[h]!);
      }
    });
  });

  it('auto compares it (scores) and the checker accepts it when chosen', async () => {
    const series = [1, 2, 3, 4].map((i) => ({ name: `s${i}`, values: data(10 + i, 24 * 30) }));
    const inst = { problem: 'forecast' as const, step: 3600, horizon: 24, series };
    const a = await forecast(inst);
    expect(check(inst, a).valid).toBe(true);
    for (const r of a.series) expect(Object.keys(r.scores ?? {})).toContain('combination');
  });

  it('a history of one value: the combination still answers (naive members, zero-width intervals, said)', async () => {
    const s = await forecast({ problem: 'forecast', step: 300, horizon: 3, method: 'combination', series: [{ name: 'a', values: [5] }] });
    expect(s.series[0]!.mean).toEqual([5, 5, 5]);
    expect(s.series[0]!.fallback).toMatch(/zero width/);
  });
});

describe('medianOf against a sort', () => {
  it.each([1, 2, 3, 4, 5])('%i rows of seeded values (ties included)', (k) => {
    const r = mulberry32(40 + k);
    const rows = Array.from({ length: k }, () => Float64Array.from({ length: 200 }, () => Math.floor(10 * r()) - 3));
    const got = medianOf(rows, 200);
    for (let j = 0; j < 200; j++) {
      const v = rows.map((x) => x[j]!).sort((a, b) => a - b);
      expect(got[j]).toBe(k % 2 ? v[k >> 1] : 0.5 * (v[k / 2 - 1]! + v[k / 2]!));
    }
  });
});
