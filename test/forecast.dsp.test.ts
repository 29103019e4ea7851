// dsp (Crane-style periodic predictor): the Bluestein DFT against a direct O(N²) DFT,
// a clean periodic series forecast exactly, and white noise falling back (said).
import { mulberry32 } from '../src/core/rng.js';
import { describe, it, expect } from 'vitest';
import { forecast } from '../src/node.js';
import { kernels } from '../src/wasm/loader.js';
import { Layout } from '../src/wasm/arena.js';


describe('dsp', () => {
  it.each([1, 2, 7, 100, 864])('Bluestein DFT of length %i equals the direct DFT', async (N) => {
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
