// The conformal quantile kernel (assembly/forecast-conformal.ts) against the TypeScript
// reference in src/problems/forecast/conformal.ts and against sorted order statistics:
// random pools with ties, empty and thin buckets (widening), one to five levels (the large
// pools reach the branch-free partitions of the split's end groups, selectSplit).
import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../src/core/rng.js';
import { bands, type Calibration } from '../src/problems/forecast/conformal.js';
import { kernels } from '../src/wasm/loader.js';
import '../src/node.js';

function randomCal(seed: number, count: number, nb: number, H: number, ties: boolean, skip: number): Calibration {
  const r = mulberry32(seed);
  const err = new Float64Array(count);
  const bucket = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let b = Math.floor(r() * nb);
    if (b === skip) b = (b + 1) % nb; // one empty bucket
    bucket[i] = b;
    err[i] = ties ? Math.round(r() * 6 - 3) : (r() - 0.5) * 10 * (1 + b);
  }
  let abs = 0;
  for (const e of err) abs += Math.abs(e);
  return { err, bucket, nb, bucketOf: (h) => Math.floor((h * nb) / H), mae: abs / count, count };
}

describe('conformal quantiles: WASM kernel = TypeScript reference = order statistics', () => {
  it.each([
    [1, 5000, 24, 288, false, -1, [0.8, 0.95]],
    [2, 700, 24, 288, true, 3, [0.8, 0.95]],
    [3, 40, 12, 12, false, 0, [0.5]],
    [4, 3, 4, 8, true, 2, [0.1, 0.5, 0.8, 0.95, 0.99]],
    [5, 1, 1, 1, false, -1, [0.9]],
    // large pools (>= 128: the three-way split around sampled pivots, and its fallbacks)
    [6, 20000, 24, 288, true, 5, [0.8, 0.95]],
    [7, 9000, 8, 288, false, -1, [0.1, 0.5, 0.8, 0.95, 0.99]],
    [8, 3000, 3, 72, false, 1, [0.5, 0.9]],
    [9, 9216, 24, 288, false, -1, [0.8, 0.95]],
    [10, 400, 1, 1, true, -1, [0.99, 0.999]],
  ] as const)('seed %i: %i errors in %i buckets', async (seed, count, nb, H, ties, skip, levels) => {
    const k = await kernels();
    const cal = randomCal(seed, count, nb, H, ties, skip);
    const w = bands(cal, H, levels, k);
    const t = bands(cal, H, levels);
    for (let j = 0; j < levels.length; j++) {
      expect(Array.from(w.lo[j]!)).toEqual(Array.from(t.lo[j]!));
      expect(Array.from(w.hi[j]!)).toEqual(Array.from(t.hi[j]!));
    }
    // order statistics of the widened pool by sorting, at step 0 (bucket 0)
    const off = (b: number) => cal.bucket.reduce((c, x) => c + (x < b ? 1 : 0), 0);
    let a = 0, z = 0;
    while (off(z + 1) - off(a) < 60 && (a > 0 || z < nb - 1)) { if (a > 0) a--; if (z < nb - 1) z++; }
    const pool = Array.from(cal.err).filter((_, i) => cal.bucket[i]! >= a && cal.bucket[i]! <= z).sort((x, y) => x - y);
    const n = pool.length;
    levels.forEach((L, j) => {
      const al = (1 - L) / 2;
      const rl = Math.min(n, Math.max(1, Math.floor((n + 1) * al)));
      const rh = Math.min(n, Math.max(1, Math.ceil((n + 1) * (1 - al))));
      expect(w.lo[j]![0]).toBe(n ? Math.min(0, pool[rl - 1]!) : 0);
      expect(w.hi[j]![0]).toBe(n ? Math.max(0, pool[rh - 1]!) : 0);
    });
  });
});

// calibrate(..., lazy): auto reads only seasonal naive's RMSE unless it is chosen, so its
// errors are collected on demand; the lazy calibration must equal the eager one (count,
// MAE, RMSE, errors and buckets), also pooled over windows, with missing values.
describe('lazy calibration = eager calibration', () => {
  // the lazy (counting) forms read recent-median's flat level (Fitted.level) and seasonal naive's
  // lagged history (Fitted.lag; H = 60 > m = 24 wraps), the eager ones their paths
  it.each([[288, 300, 1, 'seasonal-naive'], [24, 3600, 2, 'seasonal-naive'], [48, 300, 3, 'seasonal-naive'], [288, 300, 4, 'recent-median'], [24, 3600, 5, 'recent-median'], [60, 3600, 6, 'seasonal-naive'], [50, 300, 7, 'seasonal-naive']] as const)('H = %i, step %i, seed %i, %s', async (H, step, seed, method) => {
    const { calibrate, mergeCalibrations } = await import('../src/problems/forecast/conformal.js');
    const { prepareSeries, defaultSeasons } = await import('../src/problems/forecast/series.js');
    const { seasonalNaive } = await import('../src/problems/forecast/snaive.js');
    const r = mulberry32(seed);
    const day = Math.round(86400 / step);
    const n = 14 * day;
    const values = Array.from({ length: n }, (_, t) => (r() < 0.03 ? null : 50 + 20 * Math.sin((2 * Math.PI * t) / day) + 5 * r()));
    const ctx = prepareSeries(0, values, defaultSeasons(step));
    const C = Math.max(H, 240);
    const wins = [1, 2, 3, 4].map((k) => ({ cut: n - k * C, end: n - (k - 1) * C }));
    const { recentMedianMethod } = await import('../src/problems/forecast/median.js');
    const [fit] = await (method === 'recent-median' ? recentMedianMethod(step) : seasonalNaive).fitAll([ctx], [wins[3]!.cut], H);
    expect(typeof fit!.level).toBe(method === 'recent-median' ? 'function' : 'undefined');
    const eager = mergeCalibrations(wins.map((w) => calibrate(ctx, fit!, w.cut, w.end, H)));
    const lazy = mergeCalibrations(wins.map((w) => calibrate(ctx, fit!, w.cut, w.end, H, true)));
    expect(lazy.count).toBeGreaterThan(100);
    expect([lazy.count, lazy.mae, lazy.rmse, lazy.nb]).toEqual([eager.count, eager.mae, eager.rmse, eager.nb]);
    expect(Object.is(lazy.mae, eager.mae) && Object.is(lazy.rmse, eager.rmse)).toBe(true);
    expect(Array.from(lazy.err)).toEqual(Array.from(eager.err));
    expect(Array.from(lazy.bucket)).toEqual(Array.from(eager.bucket));
  });
});
