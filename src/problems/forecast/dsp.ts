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
import { snaivePath } from './snaive.js';

/** Longest DFT window (values): longer candidate periods are skipped. */
export const DSP_MAX_WINDOW = 2 ** 20;

export interface DspFit { period: number; components: number; acf: number }

/** dsp needs the step in seconds (components of period under an hour are dropped). */
export function dspMethod(stepSec: number): Method {
  return {
    name: 'dsp',
    async fitAll(series, cuts) {
      const k = await kernels();
      return series.map((ctx, i) => fitOne(k, ctx, cuts[i]!, stepSec));
    },
  };
}

function fitOne(k: Awaited<ReturnType<typeof kernels>>, ctx: SeriesCtx, cut: number, stepSec: number): Fitted {
  const covered = usableSeasons(ctx, cut);
  const seasons = covered.filter((T, c) => Math.min(c === 0 ? 3 : 2, Math.floor(cut / T)) * T <= DSP_MAX_WINDOW);
  const naive = (why: string): Fitted => ({ path: (o, h, out) => snaivePath(ctx.y, o, 0, h, out), note: `dsp: ${why}: naive (last value)` });
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
  const base = lay.reserve(k, 'forecast (dsp)');
  const buf = k.memory.buffer;
  new Float64Array(buf, base + oY, cut).set(ctx.y.subarray(0, cut));
  new Int32Array(buf, base + oT, seasons.length).set(seasons);
  new Int32Array(buf, base + oN, seasons.length).set(candN);
  const st = k.dspFit({ y: base + oY, cut, nc: seasons.length, candT: base + oT, candN: base + oN, stepSec, profile: base + oP, info: base + oI, scratch: base + oS });
  if (st !== OK) throw statusError(st, 'forecast (dsp)');
  const info = new Float64Array(k.memory.buffer, base + oI, 4).slice();
  const c = info[0]!;
  if (c < 0) return naive(`no significant period among ${seasons.join(', ')} steps`);
  const T = seasons[c]!;
  const profile = new Float64Array(k.memory.buffer, base + oP, T).slice();
  const fit: Fitted & { dsp: DspFit } = {
    dsp: { period: T, components: info[1]!, acf: info[2]! },
    // the profile is fitted on y[0:cut) and does not depend on the origin: every forecast
    // of index t is profile[(t − cut) mod T] (docs/forecast.md: calibration of dsp)
    path(o, h, out) {
      for (let j = 0; j < h; j++) {
        const t = o + j;
        out[j] = profile[(((t - cut) % T) + T) % T]!;
      }
    },
  };
  return fit;
}
