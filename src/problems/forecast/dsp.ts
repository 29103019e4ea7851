// dsp: the periodic predictor of Tencent Crane's EHPA as we read its documentation
// (kernel: assembly/forecast-fft.ts; docs/forecast.md, "dsp"): a significant period
// (a day or a week) found by the DFT and the autocorrelation, the window rebuilt from its
// largest components, and its last period repeated forward. Without a significant period
// it falls back to naive (the solution says so).
import { kernels } from '../../wasm/loader.js';
import { Layout } from '../../wasm/arena.js';
import { statusError } from '../../core/errors.js';
import { OK } from '../../wasm/abi.js';
import type { Fitted, Method } from './method.js';
import { usableSeasons, type SeriesCtx } from './series.js';
import { SnaiveFit } from './snaive.js';

/** Longest DFT window (values): longer candidate periods are skipped. */
export const DSP_MAX_WINDOW = 2 ** 20;

/** Least earliest calibration cut at which dsp's windows share one fit (as ets's fit window). */
export const DSP_ROLL = 2016;

export interface DspFit { period: number; components: number; acf: number }

/** dsp needs the step in seconds (components of period under an hour are dropped). */
export function dspMethod(stepSec: number): Method {
  return {
    name: 'dsp',
    // calibration windows share one fit at the earliest cut once it holds DSP_ROLL values,
    // three days and two horizons (docs/forecast.md, "Speed"); the backtest keeps its own
    // fit (the profile does not depend on the origin: an older fit would lengthen its lead)
    rollForward: (ctx, H) => Math.max(DSP_ROLL, 3 * (ctx.seasons[0] ?? 0), 2 * H),
    async fitAll(series, cuts) {
      const k = await kernels();
      return series.map((ctx, i) => fitOne(k, ctx, cuts[i]!, stepSec));
    },
  };
}

/**
 * Chirp blocks of Bluestein's DFT per window length (assembly/forecast-fft.ts, dspChirp):
 * they depend on N only, and the windows of a call share a few lengths (three days, two
 * weeks), so each is computed once per length and copied in (docs/forecast.md, "Speed").
 */
const chirpCache = new Map<number, Float64Array>();
function chirpOf(k: Awaited<ReturnType<typeof kernels>>, N: number): Float64Array {
  let c = chirpCache.get(N);
  if (!c) {
    const size = k.dspChirpSize(N);
    const lay = new Layout();
    const o = lay.take(size, 8);
    const base = lay.reserve(k, 'forecast (dsp)');
    const st = k.dspChirp({ N, out: base + o });
    if (st !== OK) throw statusError(st, 'forecast (dsp)');
    c = new Float64Array(k.memory.buffer, base + o, size).slice();
    if (chirpCache.size >= 8) chirpCache.clear();
    chirpCache.set(N, c);
  }
  return c;
}

function fitOne(k: Awaited<ReturnType<typeof kernels>>, ctx: SeriesCtx, cut: number, stepSec: number): Fitted {
  const covered = usableSeasons(ctx, cut);
  const seasons = covered.filter((T, c) => Math.min(c === 0 ? 3 : 2, Math.floor(cut / T)) * T <= DSP_MAX_WINDOW);
  const naive = (why: string): Fitted => new SnaiveFit(ctx.y, 0, `dsp: ${why}: naive (last value)`);
  if (covered.length && !seasons.length) return naive(`every covered season needs a window over ${DSP_MAX_WINDOW} values`);
  if (!seasons.length) return naive(ctx.seasons.length ? `history of ${cut} values covers no season (${ctx.seasons.join(', ')} steps) twice` : 'no season at this step');
  if (ctx.constant) return naive('constant history');
  const candN = seasons.map((T, c) => Math.min(c === 0 ? 3 : 2, Math.floor(cut / T)) * T);
  const Nmax = Math.max(...candN);
  const Tmax = Math.max(...seasons);
  const lay = new Layout();
  const oY = lay.take(cut, 8);
  const oT = lay.take(seasons.length, 4);
  const oN = lay.take(seasons.length, 4);
  const oP = lay.take(Tmax, 8);
  const oI = lay.take(4, 8);
  const oS = lay.take(k.dspScratch(Nmax), 8);
  const chirps = candN.map((N) => chirpOf(k, N));
  const oC = lay.take(seasons.length, 4);
  const oB = chirps.map((c) => lay.take(c.length, 8));
  const base = lay.reserve(k, 'forecast (dsp)');
  const buf = k.memory.buffer;
  new Float64Array(buf, base + oY, cut).set(ctx.y.subarray(0, cut));
  new Int32Array(buf, base + oT, seasons.length).set(seasons);
  new Int32Array(buf, base + oN, seasons.length).set(candN);
  chirps.forEach((c, j) => new Float64Array(buf, base + oB[j]!, c.length).set(c));
  new Int32Array(buf, base + oC, seasons.length).set(oB.map((o) => base + o));
  const st = k.dspFit({ y: base + oY, cut, nc: seasons.length, candT: base + oT, candN: base + oN, stepSec, profile: base + oP, info: base + oI, scratch: base + oS, chirps: base + oC });
  if (st !== OK) throw statusError(st, 'forecast (dsp)');
  const info = new Float64Array(k.memory.buffer, base + oI, 4).slice();
  const c = info[0]!;
  if (c < 0) return naive(`no significant period among ${seasons.join(', ')} steps`);
  const T = seasons[c]!;
  const profile = new Float64Array(k.memory.buffer, base + oP, T).slice();
  // the profile is fitted on y[0:cut) and does not depend on the origin: every forecast
  // of index t is profile[(t − cut) mod T] (docs/forecast.md: calibration of dsp)
  const fit = new DspFitted({ period: T, components: info[1]!, acf: info[2]! }, profile, cut, T);
  return fit;
}

/** A dsp fit: one class (one shape, one `path` compiled once per isolate; docs/batch.md, "Fourth pass"). */
class DspFitted implements Fitted {
  constructor(readonly dsp: DspFit, private readonly profile: Float64Array, private readonly cut: number, private readonly T: number) {}
  path(o: number, h: number, out: Float64Array): void {
    const { profile, T } = this;
    // profile index (t − cut) mod T for t = o, o + 1, …: one modulo per path
    let q = (((o - this.cut) % T) + T) % T;
    for (let j = 0; j < h; j++) {
      out[j] = profile[q]!;
      if (++q === T) q = 0;
    }
  }
}
