// Speed work of issue 12 checked against references: an ets fit rolled forward (parameters
// frozen at its cut, states run on through later values) forecasts from every later origin
// what the independent reference filter (test/helpers/ets-reference.ts) gives with the same
// parameters; a long history's forecast is that one rolled fit; multiscale's bulk paths
// (msPaths, 3-point means tabulated once) equal the per-origin kernel msPath bit for bit.
import { mulberry32 } from '../src/core/rng.js';
import { describe, it, expect } from 'vitest';
import { forecast } from '../src/node.js';
import { kernels } from '../src/wasm/loader.js';
import { Layout } from '../src/wasm/arena.js';
import { ets, ETS_FIT_WINDOW } from '../src/problems/forecast/ets.js';
import { fitMultiscale } from '../src/problems/forecast/multiscale.js';
import { prepareSeries } from '../src/problems/forecast/series.js';
import { CAL_MIN, CAL_WINDOWS } from '../src/problems/forecast/solve.js';
import { hwRun, type HwParams } from './helpers/ets-reference.js';

const series = (n: number, m: number, seed: number) => {
  const r = mulberry32(seed);
  return Array.from({ length: n }, (_, t) => 80 + 0.01 * t + 20 * Math.sin((2 * Math.PI * t) / m) + 4 * (r() - 0.5) * 2);
};

describe('roll forward', () => {
  it('an ets fit at a cut forecasts from later origins as the reference filter with its frozen parameters', async () => {
    const m = 24;
    const y = series(900, m, 21);
    const ctx = prepareSeries(0, y, [m]);
    const cut = 500;
    const [fit] = await ets.fitAll([ctx], [cut], 24);
    const p = (fit as any).params as HwParams;
    const start = Math.max(0, cut - Math.max(ETS_FIT_WINDOW, 6 * m, 2 * 24 + 2 * m));
    for (const o of [cut, cut + 1, cut + 137, 899]) {
      const out = new Float64Array(30);
      fit!.path(o, 30, out);
      const want = hwRun(y, start, o, m, p).forecast(30);
      for (let h = 0; h < 30; h++) expect(Math.abs(out[h]! - want[h]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[h]!)));
    }
  });

  it('a long history: the ets forecast is the one fit at the earliest calibration cut, rolled to the end', async () => {
    const m = 288;
    const H = 288;
    const n = 14 * m;
    const y = series(n, m, 22);
    const sol = await forecast({ problem: 'forecast', step: 300, horizon: H, method: 'ets', series: [{ name: 'a', values: y }] });
    const C = Math.max(H, CAL_MIN);
    const anchor = n - H - CAL_WINDOWS * C;
    const [fit] = await ets.fitAll([prepareSeries(0, y, [m, 7 * m])], [anchor], H);
    const out = new Float64Array(H);
    fit!.path(n, H, out);
    for (let h = 0; h < H; h++) expect(sol.series[0]!.mean[h]).toBeCloseTo(Math.max(0, out[h]!), 9);
  });

  // hourly-like (m = 24, H = 30 crosses a day) and the scale case's 5 minutes (m = 288, w = 2,016,
  // two weeks: the paired steps of pathTabulated, with origins where the weekly means start and
  // stop being read, and an odd horizon)
  it.each([
    { m: 24, days: 20, H: 30, origins: (n: number) => [1, 2, 3, 25, 26, 100, 167, 168, 169, 300, n - 1, n] },
    { m: 288, days: 14, H: 288, origins: (n: number) => [1, 287, 288, 289, 2015, 2016, 2017, 2018, 2300, 3000, 4031 - 2016, n - 575, n - 288, n - 1, n] },
    { m: 288, days: 14, H: 287, origins: (n: number) => [2017, 2019, 2600, 2744, n - 1, n] },
    { m: 288, days: 15, H: 300, origins: (n: number) => [1, 289, 2016, 2017, 4033, 4034, 4100, n - 1, n] },
  ])('multiscale: msPaths (bulk, tabulated 3-point means, paired steps) = msPath per origin, bit for bit (m $m, H $H)', async ({ m, days, H, origins: originsOf }) => {
    const ys = [0, 1, 2].map((i) => series(m * days, m, 30 + i));
    const ctxs = ys.map((y, i) => prepareSeries(i, y, [m, 7 * m]));
    const model = await fitMultiscale(ctxs, ctxs.map((c) => c.y.length - 50), H);
    const k = await kernels();
    const F = k.MS_FEATURES.value as number;
    const nb = model.edges.length - 1;
    const y = ctxs[0]!.y;
    const n = y.length;
    const origins = originsOf(n);
    const lay = new Layout();
    const oY = lay.take(n, 8), oW = lay.take(nb * F, 8), oE = lay.take(nb + 1, 4), oF = lay.take(F, 8), oO = lay.take(origins.length * H, 8), oR = lay.take(origins.length, 4), oM = lay.take(n, 8), oP = lay.take(H, 8);
    const base = lay.reserve(k, 'test');
    const buf = () => k.memory.buffer;
    new Float64Array(buf(), base + oY, n).set(y);
    new Float64Array(buf(), base + oW, nb * F).set(model.weights);
    new Int32Array(buf(), base + oE, nb + 1).set(model.edges);
    new Int32Array(buf(), base + oR, origins.length).set(origins);
    expect(k.msPaths({ y: base + oY, n, origins: base + oR, count: origins.length, H, m, w: 7 * m, nb, edges: base + oE, W: base + oW, out: base + oO, f: base + oF, m3: base + oM })).toBe(0);
    const bulk = new Float64Array(buf(), base + oO, origins.length * H).slice();
    origins.forEach((o, r) => {
      expect(k.msPath({ y: base + oY, o, H, m, w: 7 * m, nb, edges: base + oE, W: base + oW, out: base + oP, f: base + oF })).toBe(0);
      const one = new Float64Array(buf(), base + oP, H);
      for (let h = 0; h < H; h++) expect(Object.is(bulk[r * H + h], one[h])).toBe(true);
    });
  });
});

describe('multiscale rows on large instances', () => {
  it('a joint fit over many series samples fewer rows per series (msRowsFor), small instances keep MS_ROWS', async () => {
    const { msRowsFor, MS_ROWS, MS_MIN_ROWS } = await import('../src/problems/forecast/multiscale.js');
    expect(msRowsFor(1)).toBe(MS_ROWS);
    expect(msRowsFor(32)).toBe(MS_ROWS);
    expect(msRowsFor(200)).toBe(16);
    expect(msRowsFor(100000)).toBe(MS_MIN_ROWS);
    const ctxs = Array.from({ length: 200 }, (_, i) => prepareSeries(i, series(24 * 10, 24, 100 + i), [24, 168]));
    const model = await fitMultiscale(ctxs, ctxs.map((c) => c.y.length), 24);
    for (const r of model.rows) { expect(r).toBeGreaterThan(0); expect(r).toBeLessThanOrEqual(200 * 16); }
  });
});

describe('dsp chirp cache', () => {
  // the cached block also holds the FFT's twiddle table (fftTable: the same values as the
  // recurrence fft runs, forward and inverse): the windows of 3 days and 2 weeks at 1 hour
  // and at 5 minutes (M = 128 .. 8192)
  it.each([[24, 50], [24, 51], [288, 52], [288, 53]])('dspFit with cached chirp blocks (dspChirp) = dspFit computing them, bit for bit (T = %i, seed %i)', async (T, seed) => {
    const k = await kernels();
    const y = series(T * 30, T, seed);
    const cut = y.length;
    const candT = [T, 7 * T];
    const candN = [3 * T, 2 * 7 * T];
    const run = (useCache: boolean) => {
      const sizes = candN.map((N) => k.dspChirpSize(N));
      const lay = new Layout();
      const oY = lay.take(cut, 8), oT = lay.take(2, 4), oN = lay.take(2, 4), oP = lay.take(7 * T, 8), oI = lay.take(4, 8), oS = lay.take(k.dspScratch(candN[1]!), 8), oC = lay.take(2, 4);
      const oB = sizes.map((z) => lay.take(z, 8));
      const base = lay.reserve(k, 'test');
      const buf = k.memory.buffer;
      new Float64Array(buf, base + oY, cut).set(y);
      new Int32Array(buf, base + oT, 2).set(candT);
      new Int32Array(buf, base + oN, 2).set(candN);
      candN.forEach((N, j) => expect(k.dspChirp({ N, out: base + oB[j]! })).toBe(0));
      new Int32Array(buf, base + oC, 2).set(oB.map((o) => base + o));
      expect(k.dspFit({ y: base + oY, cut, nc: 2, candT: base + oT, candN: base + oN, stepSec: 86400 / T, profile: base + oP, info: base + oI, scratch: base + oS, chirps: useCache ? base + oC : 0 })).toBe(0);
      return [...new Float64Array(k.memory.buffer, base + oP, 7 * T), ...new Float64Array(k.memory.buffer, base + oI, 4)];
    };
    const a = run(true), b = run(false);
    expect(a[7 * T]).toBeGreaterThanOrEqual(0); // a period was found: the DFTs ran
    a.forEach((v, i) => expect(Object.is(v, b[i])).toBe(true));
  });
});
