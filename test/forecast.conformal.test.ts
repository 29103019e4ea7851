// The conformal quantile kernel (assembly/forecast-conformal.ts) against the TypeScript
// reference in src/problems/forecast/conformal.ts and against sorted order statistics:
// random pools with ties, empty and thin buckets (widening), one to five levels.
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
