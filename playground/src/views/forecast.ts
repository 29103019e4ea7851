// Forecast (issue 12): per series, the history's tail, the mean forecast and the conformal
// interval bands (one band per level, the widest lightest), the method that produced it
// (with "auto": every method's out-of-sample error that the choice compared), its
// backtest MASE and coverage, and why a method fell back. The series menu is ordered by a
// chosen key (largest workload, worst or best backtest, name); a method menu re-solves
// (debounced by the page; stale results are dropped there). A table lists every series.
import { chartBox, lineOpts, palette, type ChartBox } from '../charts.js';
import { el, fmt, count, table, type Kpi, type View, type ViewFactory } from './types.js';
import { bandSeries, historyWindow, meanOf, mix, timeAxis } from './series-chart.js';

const METHODS = ['auto', 'seasonal-naive', 'recent-median', 'ets', 'dsp', 'multiscale', 'combination'] as const;
const ORDERS = {
  volume: 'largest workload first',
  worst: 'worst backtest (MASE) first',
  best: 'best backtest (MASE) first',
  name: 'name',
} as const;
type Order = keyof typeof ORDERS;
/** The menu lists this many series (a search box finds any other). */
const TOP_SERIES = 200;

interface Interval { level: number; lower: number[]; upper: number[] }
interface SeriesResult {
  name: string; method: string; mean: number[]; intervals: Interval[]; seasons?: number[]; fallback?: string;
  backtest: { mase: number | null; coverage: Record<string, number | null>; steps?: number; mae?: number | null };
  scores?: Record<string, number>;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${fmt(100 * x, 1)}%`);
const num = (x: number | null | undefined, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : fmt(x, d));
const levelKey = (l: number) => String(l);

/** Mean, median and geometric mean of the finite, positive-or-zero MASEs. */
export function maseStats(series: readonly SeriesResult[]): { mean: number; median: number; geomean: number; n: number } {
  const m = series.map((s) => s.backtest?.mase).filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!m.length) return { mean: NaN, median: NaN, geomean: NaN, n: 0 };
  const mean = m.reduce((a, b) => a + b, 0) / m.length;
  const median = m.length % 2 ? m[m.length >> 1]! : (m[m.length / 2 - 1]! + m[m.length / 2]!) / 2;
  const pos = m.filter((x) => x > 0);
  const geomean = pos.length ? Math.exp(pos.reduce((a, b) => a + Math.log(b), 0) / pos.length) : 0;
  return { mean, median, geomean, n: m.length };
}

/** Pooled coverage per level over every series' backtest (weighted by the steps scored). */
export function pooledCoverage(series: readonly SeriesResult[], levels: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const l of levels) {
    let hit = 0;
    let n = 0;
    for (const s of series) {
      const c = s.backtest?.coverage?.[levelKey(l)];
      const w = s.backtest?.steps ?? 1;
      if (typeof c === 'number' && w > 0) { hit += c * w; n += w; }
    }
    out.set(l, n ? hit / n : NaN);
  }
  return out;
}

export const forecastView: ViewFactory = (container, host) => {
  const controls = el('div', { className: 'controls' });
  const pick = el('select', { ariaLabel: 'Series' });
  pick.dataset.testid = 'forecast-series';
  pick.style.width = '26em';
  const order = el('select', { ariaLabel: 'Order the series by' });
  for (const [k, v] of Object.entries(ORDERS)) order.append(new Option(v, k));
  const method = el('select', { ariaLabel: 'Method (re-solves)' });
  method.dataset.testid = 'forecast-method';
  for (const m of METHODS) method.append(new Option(m, m));
  const find = el('input', { type: 'search', placeholder: 'find a series…', ariaLabel: 'Find a series by name' });
  const names = el('datalist', { id: `fc-series-${Math.random().toString(36).slice(2)}` });
  find.setAttribute('list', names.id);
  controls.append(el('label', {}, 'Series ', pick), find, names, el('label', {}, 'order ', order), el('label', {}, 'method ', method));
  const info = el('div', { className: 'note fc-info' });
  info.dataset.testid = 'forecast-info';
  container.append(controls, info);
  const chart: ChartBox = chartBox(container, 'History and forecast (mean, interval bands)', 'forecast');
  const scores = el('div');
  const all = el('div');
  container.append(scores, all);

  let inst: any;
  let sol: any;
  let byName = new Map<string, number>();

  const sorted = (): number[] => {
    const ss: SeriesResult[] = sol.series;
    const idx = ss.map((_, i) => i);
    const key = order.value as Order;
    const mase = (i: number) => ss[i]!.backtest?.mase;
    if (key === 'volume') {
      const vol = (inst.series as { values: (number | null)[] }[]).map((s) => meanOf(s.values));
      idx.sort((a, b) => (vol[b] ?? 0) - (vol[a] ?? 0));
    } else if (key === 'worst' || key === 'best') {
      const sgn = key === 'worst' ? -1 : 1;
      // series without a score (too short to backtest) go last
      idx.sort((a, b) => {
        const x = mase(a), y = mase(b);
        if (x == null || !Number.isFinite(x)) return y == null || !Number.isFinite(y) ? 0 : 1;
        if (y == null || !Number.isFinite(y)) return -1;
        return sgn * (x - y);
      });
    } else idx.sort((a, b) => ss[a]!.name.localeCompare(ss[b]!.name));
    return idx;
  };

  /** The menu, in the chosen order; the series shown keeps its place by name across re-solves. */
  const fillMenu = (keepName: string | undefined) => {
    const ss: SeriesResult[] = sol.series;
    const idx = sorted();
    const label = (i: number) => `${ss[i]!.name} — ${ss[i]!.method}, MASE ${num(ss[i]!.backtest?.mase)}${ss[i]!.fallback ? ' ⚠' : ''}`;
    pick.replaceChildren(...idx.slice(0, TOP_SERIES).map((i) => new Option(label(i), String(i))));
    const keep = keepName === undefined ? undefined : byName.get(keepName);
    if (keep !== undefined) {
      if (![...pick.options].some((o) => o.value === String(keep))) pick.append(new Option(label(keep), String(keep)));
      pick.value = String(keep);
    } else if (pick.options.length) pick.value = pick.options[0]!.value;
    names.replaceChildren(...ss.map((s) => new Option(s.name)));
  };
  const shownName = (): string | undefined => (sol && pick.value !== '' ? sol.series[Number(pick.value)]?.name : undefined);

  const draw = () => {
    const ss: SeriesResult[] = sol.series;
    const i = Number(pick.value || 0);
    const r = ss[i];
    if (!r) return;
    const hist = (inst.series[i]?.values ?? []) as (number | null)[];
    const step = Number(sol.step ?? inst.step ?? 300);
    const H = r.mean.length;
    const shown = historyWindow(hist.length, H);
    const x = timeAxis(shown, H, step);
    const pad = (a: (number | null)[], before: boolean) => (before ? [...a, ...new Array(H).fill(null)] : [...new Array(shown).fill(null), ...a]);
    const histData = pad(hist.slice(hist.length - shown), true);
    const meanData: (number | null)[] = pad(r.mean, false);
    const c = palette();
    const ivs = [...r.intervals].sort((a, b) => b.level - a.level); // widest first: drawn under the narrower
    const series: any[] = [
      { label: 'history', stroke: c[0], width: 1.5 },
      { label: 'mean forecast', stroke: c[2], width: 2 },
    ];
    const data: (number | null)[][] = [x, histData, meanData];
    const bands: { series: [number, number]; fill: string }[] = [];
    ivs.forEach((iv, k) => {
      const alpha = 0.14 + 0.14 * k;
      const fill = mix(c[2]!, alpha);
      const [lo, hi] = bandSeries(`${fmt(100 * iv.level, 1)}%`, mix(c[2]!, 0.5));
      series.push(hi, lo);
      data.push(pad(iv.upper, false), pad(iv.lower, false));
      bands.push({ series: [data.length - 2, data.length - 1], fill });
    });
    const o = lineOpts('hours (0 = forecast start)', 'value', series);
    o.bands = bands;
    chart.set(o, data as any, 260);

    const cov = r.intervals.map((iv) => `${fmt(100 * iv.level, 1)}%: ${pct(r.backtest?.coverage?.[levelKey(iv.level)])}`).join(', ');
    const asked = inst.method ?? 'auto';
    info.replaceChildren(
      el('div', {}, el('b', {}, r.name), ` · method ${r.method}${asked === 'auto' ? ' (chosen by auto)' : ''} · seasons ${r.seasons?.length ? r.seasons.join(', ') + (r.seasons.length === 1 && r.seasons[0] === 1 ? ' step' : ' steps') : 'none'} · history ${count(hist.length, 'value')}, horizon ${fmt(H)} × ${fmt(step)} s`),
      el('div', {}, `backtest on the last ${count(r.backtest?.steps ?? H, 'step')}: MASE ${num(r.backtest?.mase)}, MAE ${num(r.backtest?.mae ?? null)}, coverage ${cov}`),
      ...(r.fallback ? [el('div', { className: 'fallback' }, `fallback: ${r.fallback}`)] : []),
      ...(shown < hist.length ? [el('div', {}, `chart: the last ${fmt(shown)} of ${count(hist.length, 'history value')} (drag to zoom)`)] : []),
    );
    if (r.scores && Object.keys(r.scores).length) {
      const best = Math.min(...Object.values(r.scores).filter(Number.isFinite));
      const rows: (string | number)[][] = [['method', 'out-of-sample MAE', 'vs best']];
      let cur = -1;
      Object.entries(r.scores).forEach(([m, v], k) => {
        if (m === r.method) cur = k;
        rows.push([m, num(v), v === best ? 'best' : `+${fmt((100 * (v - best)) / Math.max(1e-12, best), 1)}%`]);
      });
      scores.replaceChildren(el('h3', {}, 'auto: the methods compared on the calibration windows'), table(rows, 20, cur));
    } else scores.replaceChildren();
  };

  const drawTable = () => {
    const ss: SeriesResult[] = sol.series;
    const levels: number[] = sol.levels ?? [];
    const rows: (string | number)[][] = [['series', 'method', 'MASE', ...levels.map((l) => `cover ${fmt(100 * l, 1)}%`), 'fallback']];
    const idx = sorted();
    for (const i of idx) {
      const s = ss[i]!;
      rows.push([s.name, s.method, num(s.backtest?.mase), ...levels.map((l) => pct(s.backtest?.coverage?.[levelKey(l)])), s.fallback ? 'yes' : '']);
    }
    const t = table(rows, 300);
    // a click on a row shows that series
    t.querySelectorAll('tbody tr').forEach((tr, k) => {
      (tr as HTMLElement).classList.add('pick');
      tr.addEventListener('click', () => show(idx[k]!));
    });
    all.replaceChildren(el('h3', {}, `Every series (${fmt(ss.length)}; click one to show it)`), t);
  };

  order.addEventListener('change', () => { fillMenu(shownName()); drawTable(); draw(); });
  pick.addEventListener('change', draw);
  const show = (i: number) => {
    if (![...pick.options].some((o) => o.value === String(i))) pick.append(new Option(sol.series[i].name, String(i)));
    pick.value = String(i);
    draw();
  };
  find.addEventListener('change', () => {
    const i = byName.get(find.value.trim());
    if (i !== undefined) show(i);
  });
  method.addEventListener('change', () => host.setFields({ method: method.value === 'auto' ? undefined : method.value }));

  const view: View = {
    update(instance, solution) {
      const keep = shownName();
      inst = instance;
      sol = solution;
      byName = new Map((sol.series as SeriesResult[]).map((s, i) => [s.name, i]));
      if (document.activeElement !== method) method.value = inst.method ?? 'auto';
      fillMenu(keep);
      draw();
      drawTable();
    },
    kpis(_instance, solution) {
      const ss: SeriesResult[] = solution.series ?? [];
      const st = maseStats(ss);
      const cov = pooledCoverage(ss, solution.levels ?? []);
      const k: Kpi[] = [
        { label: 'series', value: ss.length },
        { label: 'mean MASE', value: st.mean, better: 'lower', text: num(st.mean) },
        { label: 'median MASE', value: st.median, better: 'lower', text: num(st.median) },
        { label: 'geomean MASE', value: st.geomean, better: 'lower', text: num(st.geomean) },
      ];
      for (const [l, c] of cov) k.push({ label: `coverage ${fmt(100 * l, 1)}%`, value: 100 * c, text: pct(c) });
      k.push({ label: 'fallbacks', value: ss.filter((s) => s.fallback).length });
      return k;
    },
    destroy() {
      chart.destroy();
      container.replaceChildren();
    },
  };
  return view;
};
