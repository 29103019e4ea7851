// dsp (Crane-style periodic predictor): the Bluestein DFT against a direct O(N²) DFT,
// a clean periodic series forecast exactly, and white noise falling back (said).
import { mulberry32 } from '../src/core/rng.js';
import { describe, it, expect } from 'vitest';
import { forecast } from '../src/node.js';
import { kernels } from '../src/wasm/loader.js';
import { Layout } from '../src/wasm/arena.js';


describe('dsp', () => {
  it.each([1, 2, 4, 6, 7, 11, 100, 864, 4032])('DFT of length %i (mixed radix when it factors into 2, 3, 5, 7, else Bluestein) equals the direct DFT', async (N) => {
    const r = mulberry32(N);
    const x = Array.from({ length: N }, () => r() * 10 - 5);
    const k = await kernels();
    const lay = new Layout();
    const oX = lay.take(N, 8), oR = lay.take(N, 8), oI = lay.take(N, 8), oS = lay.take(k.dspScratch(N), 8);
    const base = lay.reserve(k, 'test');
    new Float64Array(k.memory.buffer, base + oX, N).set(x);
    expect(k.dspDft({ x: base + oX, N, xr: base + oR, xi: base + oI, scratch: base + oS })).toBe(0);
    const re = new Float64Array(k.memory.buffer, base + oR, N).slice();
    const im = new Float64Array(k.memory.buffer, base + oI, N).slice();
    for (let j = 0; j < N; j++) {
      let sr = 0, si = 0;
      for (let n = 0; n < N; n++) { const a = (-2 * Math.PI * ((j * n) % N)) / N; sr += x[n]! * Math.cos(a); si += x[n]! * Math.sin(a); }
      expect(Math.abs(re[j]! - sr)).toBeLessThan(1e-8 * N);
      expect(Math.abs(im[j]! - si)).toBeLessThan(1e-8 * N);
    }
  });

  it('a noiseless daily pattern (few harmonics) is forecast exactly, period one day', async () => {
    const f = (t: number) => 100 + 30 * Math.sin((2 * Math.PI * t) / 288) + 10 * Math.cos((4 * Math.PI * t) / 288 + 0.3);
    const values = Array.from({ length: 288 * 4 }, (_, t) => f(t));
    const sol = await forecast({ problem: 'forecast', horizon: 300, method: 'dsp', series: [{ values }] });
    const r = sol.series[0]!;
    expect(r.method).toBe('dsp');
    expect(r.fallback).toBeUndefined();
    r.mean.forEach((v, h) => expect(Math.abs(v - f(values.length + h))).toBeLessThan(1e-6));
  });

  it('white noise: no significant period, falls back to naive and says so', async () => {
    const r = mulberry32(3);
    const values = Array.from({ length: 288 * 3 }, () => 50 + 10 * r());
    const sol = await forecast({ problem: 'forecast', horizon: 12, method: 'dsp', series: [{ values }] });
    expect(sol.series[0]!.fallback).toMatch(/dsp: no significant period/);
    expect(sol.series[0]!.mean).toEqual(Array(12).fill(values[values.length - 1]));
  });
});

// The window's outlier bounds (P0.1 and P99.9: at 5 minutes the 0th/863rd of 864 and the
// 4th/4027th of 4,032) come from one pass keeping the extreme values (assembly/forecast-fft.ts,
// prepare) instead of two quickselects: the cleaned window's mean (info[3]) must equal the
// sort-based reference's, summed in the same order, bit for bit.
describe('dsp window cleaning', () => {
  it.each([[288, 3, 1], [288, 14, 2], [288, 3, 3], [24, 3, 4], [48, 14, 5]])('T = %i, window %i periods, seed %i', async (T, periods, seed) => {
    const { kernels } = await import('../src/wasm/loader.js');
    const { Layout } = await import('../src/wasm/arena.js');
    const { mulberry32 } = await import('../src/core/rng.js');
    const k = await kernels();
    const r = mulberry32(seed);
    const n = T * (periods + 2);
    const y = Array.from({ length: n }, (_, t) => 100 + 40 * Math.sin((2 * Math.PI * t) / T) + 10 * r() + (r() < 0.004 ? 500 * r() : 0) - (r() < 0.004 ? 90 * r() : 0));
    // ties at the extremes too
    y[n - 5] = y[n - 9] = Math.max(...y.slice(n - T * periods)) ;
    const N = T * periods, cut = n;
    const win = y.slice(cut - N, cut);
    const sorted = [...win].sort((a, b) => a - b);
    const lo = sorted[Math.floor(0.001 * (N - 1))]!, hi = sorted[Math.ceil(0.999 * (N - 1))]!;
    let prev = Math.min(hi, Math.max(lo, win[0]!));
    let s = 0;
    for (const v0 of win) { const v = v0 < lo || v0 > hi ? prev : v0; prev = v; s += v; }
    const mu = s / N;
    const lay = new Layout();
    const oY = lay.take(n, 8), oT = lay.take(1, 4), oN = lay.take(1, 4), oP = lay.take(T, 8), oI = lay.take(4, 8), oS = lay.take(k.dspScratch(N), 8);
    const base = lay.reserve(k, 'test');
    const buf = k.memory.buffer;
    new Float64Array(buf, base + oY, n).set(y);
    new Int32Array(buf, base + oT, 1).set([T]);
    new Int32Array(buf, base + oN, 1).set([N]);
    expect(k.dspFit({ y: base + oY, cut, nc: 1, candT: base + oT, candN: base + oN, stepSec: 86400 / T, profile: base + oP, info: base + oI, scratch: base + oS, chirps: 0 })).toBe(0);
    const info = new Float64Array(k.memory.buffer, base + oI, 4);
    expect(info[0]).toBe(0); // the period was accepted (the window was cleaned and transformed)
    expect(Object.is(info[3], mu)).toBe(true);
  });
});
