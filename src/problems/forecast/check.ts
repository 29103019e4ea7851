// Independent checker for forecast solutions. It shares no code with the solver: it
// reads the raw JSON, and checks the shape (one result per series, in order, with the
// instance's names), lengths (horizon), numbers (finite, >= 0), lower <= mean <= upper,
// nested intervals across levels, the levels, and the backtest's fields (present,
// in range, consistent with each other). It cannot judge accuracy: the backtest does.
import type { CheckReport } from '../types.js';
import { quote } from '../../check/quote.js';

const METHOD_NAMES = new Set(['seasonal-naive', 'recent-median', 'ets', 'dsp', 'multiscale', 'combination']);
const finiteNonNeg = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const TOL = 1e-9;

export function checkForecast(instance: any, solution: any): CheckReport {
  const fail = (reason: string): CheckReport => ({ valid: false, reason });
  if (!solution || typeof solution !== 'object') return fail('solution is not an object');
  if (solution.problem !== 'forecast') return fail('solution.problem is not "forecast"');
  if (solution.status !== 'ok') return fail(`solution.status is "${solution.status}", expected "ok"`);
  const series: any[] = Array.isArray(instance?.series) ? instance.series : [];
  const step = instance?.step ?? 300;
  const H = instance?.horizon ?? Math.max(1, Math.round(86400 / step));
  const levels: any[] = instance?.levels ?? [0.8, 0.95];
  if (solution.step !== step) return fail(`step is ${solution.step}, the instance's is ${step}`);
  if (solution.horizon !== H) return fail(`horizon is ${solution.horizon}, the instance asks ${H}`);
  // levels.every would skip a hole in a JavaScript array (JSON: null)
  if (!Array.isArray(solution.levels) || solution.levels.length !== levels.length || levels.some((L: unknown, k: number) => solution.levels[k] !== L)) {
    return fail(`levels ${JSON.stringify(solution.levels)} differ from the instance's ${JSON.stringify(levels)}`);
  }
  if (!Array.isArray(solution.series)) return fail('series is not an array');
  if (solution.series.length !== series.length) return fail(`series has ${solution.series.length} results for ${series.length} series`);
  const asked = instance?.method ?? 'auto';
  let widthSum = 0;
  for (let i = 0; i < series.length; i++) {
    const r = solution.series[i];
    const at = `series[${i}]`;
    if (!r || typeof r !== 'object') return fail(`${at} is not an object`);
    const name = series[i]?.name ?? String(i);
    if (r.name !== name) return fail(`${at}.name is ${quote(r.name)}, expected ${quote(name)}`);
    if (!METHOD_NAMES.has(r.method)) return fail(`${at}.method "${r.method}" is not a method`);
    if (asked !== 'auto' && r.method !== asked && typeof r.fallback !== 'string') return fail(`${at}.method is "${r.method}" where "${asked}" was asked, and no fallback says why`);
    if (!Array.isArray(r.mean) || r.mean.length !== H) return fail(`${at}.mean must hold ${H} values`);
    for (let h = 0; h < H; h++) if (!finiteNonNeg(r.mean[h])) return fail(`${at}.mean[${h}] = ${r.mean[h]} is not a finite number >= 0`);
    if (!Array.isArray(r.intervals) || r.intervals.length !== levels.length) return fail(`${at}.intervals must hold one interval per level (${levels.length})`);
    const order = levels.map((_: unknown, k: number) => k).sort((a: number, b: number) => levels[a] - levels[b]);
    for (let k = 0; k < levels.length; k++) {
      const iv = r.intervals[k];
      const ia = `${at}.intervals[${k}]`;
      if (!iv || iv.level !== levels[k]) return fail(`${ia}.level is ${iv?.level}, expected ${levels[k]}`);
      if (!Array.isArray(iv.lower) || iv.lower.length !== H || !Array.isArray(iv.upper) || iv.upper.length !== H) return fail(`${ia}.lower and .upper must hold ${H} values`);
      for (let h = 0; h < H; h++) {
        const lo = iv.lower[h];
        const hi = iv.upper[h];
        if (!finiteNonNeg(lo) || !finiteNonNeg(hi)) return fail(`${ia} at step ${h}: bounds ${lo}, ${hi} are not finite numbers >= 0`);
        if (lo > r.mean[h] + TOL * Math.max(1, r.mean[h]) || hi < r.mean[h] - TOL * Math.max(1, r.mean[h])) return fail(`${ia} at step ${h}: not lower ${lo} <= mean ${r.mean[h]} <= upper ${hi}`);
        widthSum += hi - lo;
      }
    }
    // nested: a higher level's interval contains a lower level's
    for (let q = 1; q < order.length; q++) {
      const inner = r.intervals[order[q - 1]];
      const outer = r.intervals[order[q]];
      for (let h = 0; h < H; h++) {
        if (outer.lower[h] > inner.lower[h] + TOL * Math.max(1, inner.lower[h]) || outer.upper[h] < inner.upper[h] - TOL * Math.max(1, inner.upper[h])) {
          return fail(`${at}: the ${outer.level} interval does not contain the ${inner.level} interval at step ${h}`);
        }
      }
    }
    const bt = r.backtest;
    if (!bt || typeof bt !== 'object') return fail(`${at}.backtest is missing`);
    const values: unknown[] = Array.isArray(series[i]?.values) ? series[i].values : [];
    const heldOut = values.length > H ? values.slice(values.length - H).filter((v) => v !== null).length : 0;
    if (bt.steps !== heldOut) return fail(`${at}.backtest.steps is ${bt.steps}; the last ${H} values hold ${heldOut} observed values${values.length > H ? '' : ' (none: the history is not longer than the horizon)'}`);
    if (bt.steps === 0) {
      if (bt.mase !== null || bt.mae !== null) return fail(`${at}.backtest scores nothing yet has mase/mae`);
    } else {
      if (!finiteNonNeg(bt.mae)) return fail(`${at}.backtest.mae = ${bt.mae} is not a finite number >= 0`);
      if (bt.mase !== null && !finiteNonNeg(bt.mase)) return fail(`${at}.backtest.mase = ${bt.mase} is not null or a finite number >= 0`);
      if (bt.mae === 0 && bt.mase !== null && bt.mase !== 0) return fail(`${at}.backtest.mae is 0 but mase is ${bt.mase}`);
    }
    if (!bt.coverage || typeof bt.coverage !== 'object') return fail(`${at}.backtest.coverage is missing`);
    for (const L of levels) {
      const key = String(L);
      if (!Object.hasOwn(bt.coverage, key)) return fail(`${at}.backtest.coverage has no entry "${key}"`);
      const c = bt.coverage[key];
      if (bt.steps === 0 ? c !== null : !(typeof c === 'number' && c >= 0 && c <= 1 && Math.abs(c * bt.steps - Math.round(c * bt.steps)) < 1e-6)) {
        return fail(`${at}.backtest.coverage["${key}"] = ${c} is not ${bt.steps === 0 ? 'null' : `a share of ${bt.steps} steps`}`);
      }
    }
    if (bt.steps > 0) for (let q = 1; q < order.length; q++) {
      if (bt.coverage[String(levels[order[q]])] < bt.coverage[String(levels[order[q - 1]])] - 1e-12) return fail(`${at}.backtest.coverage is lower at level ${levels[order[q]]} than at ${levels[order[q - 1]]} (intervals are nested)`);
    }
  }
  return { valid: true, reason: 'ok', objective: widthSum };
}
