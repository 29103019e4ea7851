// multiscale: one regularised linear model fitted jointly over every series of the
// instance (kernel: assembly/forecast-ridge.ts; docs/forecast.md, "multiscale").
// Features at several time scales (recent window, moving means, the same phase one to
// three days and one and two weeks back), per-origin scaling, one weight vector per
// horizon bucket (steps 1, 2–3, 4–7, …), fitted by ridge regression on sampled
// (origin, step) rows whose targets lie before each series' cut.
import { kernels, type Kernels } from '../../wasm/loader.js';
import { Layout } from '../../wasm/arena.js';
import { statusError } from '../../core/errors.js';
import { OK } from '../../wasm/abi.js';
import type { Fitted, Method } from './method.js';
import { seasonsFor, type SeriesCtx } from './series.js';
import { SnaiveFit } from './snaive.js';
import { scratchF64 } from './conformal.js';

/** Ridge strength per row (features are O(1) after scaling). */
export const MS_LAMBDA = 1e-3;
/** Rows sampled per series and horizon bucket (instances of up to MS_ALL_ROWS / MS_ROWS series). */
export const MS_ROWS = 96;
/**
 * Rows per bucket of the joint fit to aim for: larger instances sample fewer rows per
 * series (at least MS_MIN_ROWS), since 13 weights need far fewer than 96 × 1,000 rows
 * (docs/forecast.md, "Speed").
 */
export const MS_ALL_ROWS = 96 * 32;
export const MS_MIN_ROWS = 8;
/** Rows per series and bucket for a joint fit over `count` series. */
export const msRowsFor = (count: number) => Math.max(MS_MIN_ROWS, Math.min(MS_ROWS, Math.ceil(MS_ALL_ROWS / Math.max(1, count))));
/** Values before the cut whose origins are sampled (at least 4 horizons and 7 days). */
const spanOf = (m: number, H: number) => Math.max(2016, 7 * m, 4 * H);

/** Bucket edges: first steps 1, 2, 4, 8, … and H + 1 at the end. */
export function bucketEdges(H: number): number[] {
  const e = [1];
  while (e[e.length - 1]! * 2 <= H) e.push(e[e.length - 1]! * 2);
  e.push(H + 1);
  return e;
}

interface SeasonPair { m: number; w: number }
const seasonsAt = (ctx: SeriesCtx, cut: number): SeasonPair => {
  const s = seasonsFor(ctx, cut);
  return { m: s[0] ?? 0, w: s[1] ?? 0 };
};

export interface MultiscaleModel { weights: Float64Array; edges: number[]; rows: number[] }

/** Fit the global model: every series i on y[0:cuts[i]). */
export async function fitMultiscale(series: readonly SeriesCtx[], cuts: readonly number[], H: number, rowsOut = false): Promise<MultiscaleModel & { design?: Float64Array[] }> {
  const k = await kernels();
  const F = k.MS_FEATURES.value as number;
  const edges = bucketEdges(H);
  const nb = edges.length - 1;
  const nMax = Math.max(...cuts);
  const lay = new Layout();
  const oA = lay.take(nb * F * F, 8), oV = lay.take(nb * F, 8), oC = lay.take(nb, 8), oW = lay.take(nb * F, 8);
  const oE = lay.take(nb + 1, 4), oF = lay.take(F, 8), oS = lay.take(F * F + F, 8);
  const S = msRowsFor(series.length);
  const oR = lay.take(rowsOut ? nb * S * (F + 2) : 0, 8);
  const oY = lay.take(nMax, 8);
  const base = lay.reserve(k, 'forecast (multiscale)');
  const buf = () => k.memory.buffer;
  new Float64Array(buf(), base + oA, nb * F * F + nb * F + nb).fill(0);
  new Int32Array(buf(), base + oE, nb + 1).set(edges);
  const design: Float64Array[] = [];
  series.forEach((ctx, i) => {
    const cut = cuts[i]!;
    const { m, w } = seasonsAt(ctx, cut);
    const lo = Math.max(m > 0 ? m + 1 : 13, cut - spanOf(m, H));
    if (cut - 1 < lo) return;
    new Float64Array(buf(), base + oY, cut).set(ctx.y.subarray(0, cut));
    const r = k.msAccumulate({ y: base + oY, cut, lo, m, w, nb, edges: base + oE, S, XtX: base + oA, Xty: base + oV, cnt: base + oC, rows: rowsOut ? base + oR : 0, f: base + oF });
    if (r < 0) throw statusError(-r, 'forecast (multiscale)');
    if (rowsOut) design.push(new Float64Array(buf(), base + oR, r * (F + 2)).slice());
  });
  const rows = Array.from(new Float64Array(buf(), base + oC, nb));
  const st = k.msSolve({ nb, lambda: MS_LAMBDA, XtX: base + oA, Xty: base + oV, cnt: base + oC, W: base + oW, scratch: base + oS });
  if (st !== OK) throw statusError(st, 'forecast (multiscale)');
  return { weights: new Float64Array(buf(), base + oW, nb * F).slice(), edges, rows, design: rowsOut ? design : undefined };
}

function pathsWith(k: Kernels, model: MultiscaleModel, ctx: SeriesCtx, cut: number, origins: readonly number[], H: number): Float64Array {
  const F = k.MS_FEATURES.value as number;
  const nb = model.edges.length - 1;
  const n = ctx.y.length;
  const { m, w } = seasonsAt(ctx, cut);
  const lay = new Layout();
  const oY = lay.take(n, 8), oW = lay.take(nb * F, 8), oE = lay.take(nb + 1, 4), oF = lay.take(F, 8), oO = lay.take(origins.length * H, 8);
  const oR = lay.take(origins.length, 4), oM = lay.take(n, 8);
  const base = lay.reserve(k, 'forecast (multiscale)');
  const buf = k.memory.buffer;
  new Float64Array(buf, base + oY, n).set(ctx.y);
  new Float64Array(buf, base + oW, nb * F).set(model.weights);
  new Int32Array(buf, base + oE, nb + 1).set(model.edges);
  new Int32Array(buf, base + oR, origins.length).set(origins);
  const st = k.msPaths({ y: base + oY, n, origins: base + oR, count: origins.length, H, m, w, nb, edges: base + oE, W: base + oW, out: base + oO, f: base + oF, m3: base + oM });
  if (st !== OK) throw statusError(st, 'forecast (multiscale)');
  // copy out into the series' scratch (conformal.ts: released with the series' other calibration arrays)
  const out = scratchF64(origins.length * H);
  out.set(new Float64Array(k.memory.buffer, base + oO, origins.length * H));
  return out;
}

export const multiscale: Method = {
  name: 'multiscale',
  global: true,
  // roll forward once the earliest calibration fit samples a full span (docs/forecast.md, "Speed")
  rollForward: (ctx, H) => spanOf(ctx.seasons[0] ?? 0, H),
  rollBacktest: true,
  rollFinal: 2, // reads a day and a week
  async fitAll(series, cuts, H) {
    const k = await kernels();
    const model = await fitMultiscale(series, cuts, H);
    const total = model.rows.reduce((a, b) => a + b, 0);
    return series.map((ctx, i) => {
      const cut = cuts[i]!;
      if (total < 4 * (k.MS_FEATURES.value as number)) {
        return new SnaiveFit(ctx.y, 0, `multiscale: ${total} training rows across the instance are too few to fit: naive (last value)`);
      }
      const { m, w } = seasonsAt(ctx, cut);
      const notes: string[] = [];
      if (m === 0) notes.push(`multiscale: history of ${cut} values covers no season twice: recent-window features only`);
      else if (!ctx.seasons.includes(m)) notes.push(`multiscale: history of ${cut} values covers no season twice: short season of ${m} steps detected in the history`);
      else if (w === 0 && ctx.seasons.length > 1) notes.push(`multiscale: history covers the ${ctx.seasons[1]}-step season less than twice: no weekly features`);
      return new MultiscaleFit(k, model, ctx, cut, notes.length ? notes.join('; ') : undefined, m > 0 && !ctx.seasons.includes(m) ? [m] : undefined);
    });
  },
};

/** A multiscale fit: one class (one shape, `path` and `paths` compiled once per isolate; docs/batch.md, "Fourth pass"). */
class MultiscaleFit implements Fitted {
  constructor(
    private readonly k: Kernels,
    private readonly model: MultiscaleModel,
    private readonly ctx: SeriesCtx,
    private readonly cut: number,
    readonly note: string | undefined,
    readonly seasons: number[] | undefined,
  ) {}
  path(o: number, h: number, out: Float64Array): void { out.set(pathsWith(this.k, this.model, this.ctx, this.cut, [o], h).subarray(0, h)); }
  paths(origins: readonly number[], h: number): Float64Array { return pathsWith(this.k, this.model, this.ctx, this.cut, origins, h); }
}
