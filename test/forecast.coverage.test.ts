// Conformal coverage on seeded synthetic series with known noise: a daily cycle plus
// Gaussian noise (σ = 5). Over 200 series (each one forecast origin, 24 steps ahead), the
// share of future values inside the 80 % and 95 % intervals is within 3 points of the
// level, for every method. (Many origins: each series is an independent draw.)
import { mulberry32 } from '../src/core/rng.js';
import { describe, it, expect } from 'vitest';
import { forecast } from '../src/node.js';

const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

const H = 24;
const N = 24 * 25;
const COUNT = 200;
const data = Array.from({ length: COUNT }, (_, i) => {
  const r = mulberry32(1000 + i);
  const lvl = 100 + 50 * r();
  const ph = 24 * r();
  return Array.from({ length: N + H }, (_, t) => lvl + 20 * Math.sin((2 * Math.PI * (t + ph)) / 24) + 5 * gauss(r));
});

describe('conformal coverage on data with known noise', () => {
  it.each(['seasonal-naive', 'recent-median', 'ets', 'dsp', 'multiscale', 'combination', 'auto'] as const)('%s: 80 % and 95 % intervals cover 80 ± 3 % and 95 ± 3 %', async (method) => {
    const sol = await forecast({ problem: 'forecast', step: 3600, horizon: H, method, series: data.map((v, i) => ({ name: `s${i}`, values: v.slice(0, N) })) });
    let in80 = 0, in95 = 0, n = 0;
    sol.series.forEach((r, i) => {
      for (let h = 0; h < H; h++) {
        const v = data[i]![N + h]!;
        if (v >= r.intervals[0]!.lower[h]! && v <= r.intervals[0]!.upper[h]!) in80++;
        if (v >= r.intervals[1]!.lower[h]! && v <= r.intervals[1]!.upper[h]!) in95++;
        n++;
      }
    });
    console.log(`${method}: coverage 80 -> ${(100 * in80 / n).toFixed(1)} %, 95 -> ${(100 * in95 / n).toFixed(1)} %`);
    expect(Math.abs(in80 / n - 0.8)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(in95 / n - 0.95)).toBeLessThanOrEqual(0.03);
  });
});
