// ets: additive Holt-Winters with a damped trend, fitted by minimising the one-step
// squared error (kernel: assembly/forecast-ets.ts; docs/forecast.md, "ets"). The fit
// uses the last FIT_WINDOW values before the cut (at least six seasons when the history
// has them); the filter then runs with those parameters over the rest of the history, so
// a forecast from any origin uses the states at that origin. The first fit of a history
// searches from the defaults (ETS_MAX_EVAL evaluations); its refits at other cuts (the
// backtest and the calibration windows) start from it (ETS_WARM_EVAL evaluations).
import { kernels } from '../../wasm/loader.js';
import { Layout } from '../../wasm/arena.js';
import { statusError } from '../../core/errors.js';
import { OK } from '../../wasm/abi.js';
import type { Fitted, Method } from './method.js';
import { seasonsFor, type SeriesCtx } from './series.js';
import { snaivePath } from './snaive.js';

/** Values the parameters are fitted on (before the cut): enough for the seasons, bounded for speed. */
export const ETS_FIT_WINDOW = 2016;
/** Nelder-Mead evaluations per fit (the first fit of a series). */
export const ETS_MAX_EVAL = 120;
/** Evaluations of a refit of the same series at another cut, warm-started from the first fit. */
export const ETS_WARM_EVAL = 40;
/**
 * The search stops once the simplex's SSEs agree within this relative spread (or after the
 * evaluations above). 1e-5 instead of 1e-10 (docs/forecast.md, "Speed", third round): on
 * the bench's series the fits end after about 67 evaluations instead of 120 with an SSE at
 * most 0.5 % above the longer search's (median 0.003 %; test/forecast.ets.test.ts).
 */
export const ETS_TOL = 1e-5;

/** The first fit of each history (per forecast call): later cuts start from it. */
const warm = new WeakMap<SeriesCtx, { m: number; params: EtsParams }>();

export interface EtsParams { alpha: number; beta: number; gamma: number; phi: number; sse: number; evals: number }

export const ets: Method = {
  name: 'ets',
  // roll forward once the earliest calibration fit sees a full fit window (docs/forecast.md, "Speed")
  rollForward: (ctx, H) => { const m = ctx.seasons[0] ?? 0; return Math.max(ETS_FIT_WINDOW, 6 * m, 2 * H + 2 * m); },
  rollBacktest: true,
  rollFinal: 1, // reads the first season only
  async fitAll(series, cuts, H) {
    const k = await kernels();
    const jobs = series.map((ctx, i) => jobOf(ctx, cuts[i]!, H));
    // two series with the same season and window length are fitted side by side (etsFit2:
    // the two lanes of one SSE pass; each fit the same as alone, bit for bit)
    const pre = new Map<EtsJob, EtsParams>();
    let prev: EtsJob | null = null;
    for (const job of jobs) {
      if (!('m' in job)) continue;
      if (prev && prev.m === job.m && prev.cut - prev.start === job.cut - job.start) {
        const [pa, pb] = fitPair(k, prev, job);
        pre.set(prev, pa);
        pre.set(job, pb);
        prev = null;
      } else prev = job;
    }
    return jobs.map((job) => ('m' in job ? fitOne(k, job, pre.get(job)) : job));
  },
};

/** What one fit needs (the series, its cut, season, window and search start), or the naive fallback. */
interface EtsJob { ctx: SeriesCtx; cut: number; H: number; m: number; short: boolean; start: number; w: EtsParams | null }

function jobOf(ctx: SeriesCtx, cut: number, H: number): EtsJob | Fitted {
  const seasons = seasonsFor(ctx, cut);
  const m = seasons.length ? seasons[0]! : 0;
  const short = m > 0 && !ctx.seasons.includes(m);
  if (cut < 3 || ctx.constant) {
    const why = ctx.constant ? 'constant history' : `history of ${cut} values`;
    return { path: (o, h, out) => snaivePath(ctx.y, o, 0, h, out), note: `ets: ${why}: naive (last value)` };
  }
  const window = Math.max(ETS_FIT_WINDOW, 6 * m, 2 * H + 2 * m);
  const start = Math.max(0, cut - window);
  const prev = warm.get(ctx);
  const w = prev && prev.m === m ? prev.params : null;
  return { ctx, cut, H, m, short, start, w };
}

/** Two jobs' parameters from one etsFit2 call (the same as two etsFit calls). */
function fitPair(k: Awaited<ReturnType<typeof kernels>>, a: EtsJob, b: EtsJob): [EtsParams, EtsParams] {
  const len = a.cut - a.start;
  const lay = new Layout();
  const oA = lay.take(a.cut, 8), oB = lay.take(b.cut, 8);
  const oOA = lay.take(8, 8), oOB = lay.take(8, 8), oIA = lay.take(4, 8), oIB = lay.take(4, 8);
  const oS = lay.take(k.ets2Scratch({ m: a.m, len }), 8);
  const base = lay.reserve(k, 'forecast (ets)');
  const buf = k.memory.buffer;
  new Float64Array(buf, base + oA, a.cut).set(a.ctx.y.subarray(0, a.cut));
  new Float64Array(buf, base + oB, b.cut).set(b.ctx.y.subarray(0, b.cut));
  const initOf = (j: EtsJob, o: number) => {
    if (!j.w) return 0;
    new Float64Array(buf, base + o, 4).set([j.w.alpha, j.w.beta, j.w.gamma, j.w.phi]);
    return base + o;
  };
  const st = k.etsFit2({
    yA: base + oA, startA: a.start, cutA: a.cut, yB: base + oB, startB: b.start, cutB: b.cut, m: a.m,
    maxEvalA: a.w ? ETS_WARM_EVAL : ETS_MAX_EVAL, maxEvalB: b.w ? ETS_WARM_EVAL : ETS_MAX_EVAL,
    outA: base + oOA, outB: base + oOB, initA: initOf(a, oIA), initB: initOf(b, oIB), stepA: a.w ? 0.3 : 1.0, stepB: b.w ? 0.3 : 1.0, tol: ETS_TOL, scratch: base + oS,
  });
  if (st !== OK) throw statusError(st, 'forecast (ets)');
  const out = (o: number): EtsParams => { const p = new Float64Array(k.memory.buffer, base + o, 6); return { alpha: p[0]!, beta: p[1]!, gamma: p[2]!, phi: p[3]!, sse: p[4]!, evals: p[5]! }; };
  return [out(oOA), out(oOB)];
}

/** The fit of one job: its parameters (given, from a pair, or searched here), then the states over the whole history. */
function fitOne(k: Awaited<ReturnType<typeof kernels>>, job: EtsJob, given?: EtsParams): Fitted {
  const { ctx, cut, m, short, start, w } = job;
  const n = ctx.y.length;
  const lay = new Layout();
  const oY = lay.take(n, 8);
  const oOut = lay.take(8, 8);
  const oInit = lay.take(4, 8);
  const oScr = lay.take(k.etsScratch(m), 8);
  const oL = lay.take(n, 8);
  const oB = lay.take(n, 8);
  const oS = lay.take(n, 8);
  const base = lay.reserve(k, 'forecast (ets)');
  new Float64Array(k.memory.buffer, base + oY, n).set(ctx.y);
  if (given) {
    new Float64Array(k.memory.buffer, base + oOut, 6).set([given.alpha, given.beta, given.gamma, given.phi, given.sse, given.evals]);
  } else {
    if (w) new Float64Array(k.memory.buffer, base + oInit, 4).set([w.alpha, w.beta, w.gamma, w.phi]);
    const st = k.etsFit({ y: base + oY, start, cut, m, maxEval: w ? ETS_WARM_EVAL : ETS_MAX_EVAL, out: base + oOut, scratch: base + oScr, init: w ? base + oInit : 0, step: w ? 0.3 : 1.0, tol: ETS_TOL });
    if (st !== OK) throw statusError(st, 'forecast (ets)');
  }
  const t0 = k.etsStates({ y: base + oY, start, n, m, prm: base + oOut, level: base + oL, trend: base + oB, season: base + oS });
  if (t0 < 0) throw statusError(-t0, 'forecast (ets)');
  const buf = k.memory.buffer;
  const p = new Float64Array(buf, base + oOut, 6);
  const params: EtsParams = { alpha: p[0]!, beta: p[1]!, gamma: p[2]!, phi: p[3]!, sse: p[4]!, evals: p[5]! };
  // copy out: the states live in TS from here on
  const level = new Float64Array(buf, base + oL, n).slice();
  const trend = new Float64Array(buf, base + oB, n).slice();
  const season = m > 0 ? new Float64Array(buf, base + oS, n).slice() : null;
  // only the first fit of the history (its own, from the defaults) warm-starts the others: a
  // cold fit at another season (a cut covering fewer seasons) does not replace it, so every
  // fit depends on its series and cut only, not on which other fits ran before it (the
  // series sharing the instance, the order of the cuts)
  if (!warm.has(ctx)) warm.set(ctx, { m, params });
  const phi = params.phi;
  const note = m === 0 ? (ctx.seasons.length ? `ets: history of ${cut} values covers no season (${ctx.seasons.join(', ')} steps) twice: no seasonal term` : 'ets: no season: no seasonal term')
    : short ? `ets: ${ctx.seasons.length ? `history of ${cut} values covers no season (${ctx.seasons.join(', ')} steps) twice` : 'no season at this step'}: short season of ${m} steps detected in the history` : undefined;
  const fitted = new EtsFit(params, m, note, short ? [m] : undefined, ctx.y, t0, level, trend, season, phi);
  return fitted;
}

/** An ets fit: one class (one shape, one `path` compiled once per isolate; docs/batch.md, "Fourth pass"). */
class EtsFit implements Fitted {
  constructor(
    readonly params: EtsParams,
    readonly m: number,
    readonly note: string | undefined,
    readonly seasons: number[] | undefined,
    private readonly y: Float64Array,
    private readonly t0: number,
    private readonly levels: Float64Array,
    private readonly trend: Float64Array,
    private readonly season: Float64Array | null,
    private readonly phi: number,
  ) {}
  path(o: number, h: number, out: Float64Array): void {
    if (o < this.t0) { snaivePath(this.y, o, 0, h, out); return; }
    const { m, phi, season } = this;
    const l = this.levels[o - 1]!;
    const b = this.trend[o - 1]!;
    let damp = 0;
    let pw = 1;
    // the season's index o − m + (j mod m), kept without a division per step
    let si = o - m;
    for (let j = 0; j < h; j++) {
      pw *= phi;
      damp += pw;
      out[j] = l + damp * b + (season ? season[si]! : 0);
      if (++si === o) si = o - m;
    }
  }
}
