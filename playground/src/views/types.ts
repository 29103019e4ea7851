// A view shows one problem's solution. The page derives the list of problems from the
// registry (PROBLEMS); a problem without its own view gets the generic one.
import type { SolverSlot } from '../solver.js';
import type { SmoothingSummary } from './smoothing-model.js';

/** What a view draws: the instance and solution, or for a large smoothing instance held in
 * the data worker, its summary and a way to fetch one service's series. */
export interface ViewExtra {
  smoothing?: { summary: SmoothingSummary; series(i: number): Promise<{ demand: ArrayLike<number>; plan: ArrayLike<number> }> };
}

export interface Kpi {
  label: string;
  value: number;
  /** shown instead of the number (e.g. "12 / 40") */
  text?: string;
  /** which direction is better, for baseline deltas (none: no colour) */
  better?: 'lower' | 'higher';
}

export interface ViewHost {
  /** A worker of the view's own (trade-off sweeps, algorithm comparisons), created on first use. */
  aux(): SolverSlot;
  /** Change top-level fields of the instance (undefined removes) and re-solve, debounced. */
  setFields(fields: Record<string, unknown>): void;
  /** Solve the instance with some fields changed in the side worker: the solution's top-level numbers. */
  solveVariant(fields: Record<string, unknown>): Promise<Record<string, number>>;
  /** Whether the instance text is in the editor (false: a large file held aside). */
  readonly editable: boolean;
}

export interface View {
  /** A new solution (of `instance`) arrived: redraw. (null, null, extra: a large instance held in the data worker.) */
  update(instance: any, solution: any, extra: ViewExtra): void;
  /** The numbers worth comparing with a baseline. */
  kpis(instance: any, solution: any, extra: ViewExtra): Kpi[];
  destroy(): void;
}

export type ViewFactory = (container: HTMLElement, host: ViewHost) => View;

/** Every top-level finite number of a solution, as KPIs (the generic view's, and a base for the others). */
export function numericKpis(solution: any, skip: string[] = []): Kpi[] {
  const out: Kpi[] = [];
  if (solution && typeof solution === 'object') {
    for (const [k, v] of Object.entries(solution)) {
      if (typeof v === 'number' && Number.isFinite(v) && !skip.includes(k)) out.push({ label: k, value: v });
    }
  }
  return out;
}

/**
 * A solution's energy and carbon figures, wherever the problem puts them (`totals.kWh` and
 * `totals.kgCO2` as autoscaling does, the `energy` block of smoothing, deployment and
 * migration (docs/energy.md), or top-level `kWh` / `kgCO2`): the page adds them to the KPIs
 * so that baseline deltas include them whenever a solution has them.
 */
export function energyKpis(solution: any): Kpi[] {
  const out: Kpi[] = [];
  const from = (o: any) => {
    if (!o || typeof o !== 'object') return;
    if (typeof o.kWh === 'number' && Number.isFinite(o.kWh) && !out.some((k) => k.label === 'kWh')) out.push({ label: 'kWh', value: o.kWh, better: 'lower', text: fmt(o.kWh, 2) });
    if (typeof o.kgCO2 === 'number' && Number.isFinite(o.kgCO2) && !out.some((k) => k.label === 'kg CO2')) out.push({ label: 'kg CO2', value: o.kgCO2, better: 'lower', text: fmt(o.kgCO2, 2) });
  };
  from(solution?.totals);
  from(solution?.energy);
  from(solution);
  return out;
}

/** What the views show of a solution's `energy` block (docs/energy.md): small enough to pass from the data worker. */
export interface EnergySummary {
  kWh: number;
  kgCO2: number;
  hours: number;
  /** e.g. "2 new machines", "5,280 server-hours" */
  basis: string;
  baselines: { name: string; kWh: number; savedKWh: number; savedKgCO2: number }[];
}

/** The summary of an `energy` block, or undefined when the solution has none. */
export function energySummary(energy: any): EnergySummary | undefined {
  if (!energy || typeof energy.kWh !== 'number' || typeof energy.kgCO2 !== 'number') return undefined;
  const basis = typeof energy.newServers === 'number' ? count(energy.newServers, 'new machine')
    : typeof energy.servers === 'number' ? count(energy.servers, 'machine')
    : `${count(energy.serverHours, 'server-hour', undefined, 1)} (${energy.unit ?? 'cores'}, ${fmt(energy.step ?? NaN)} s steps)`;
  const baselines = Array.isArray(energy.baselines) ? energy.baselines.map((b: any) => ({ name: String(b.name), kWh: b.kWh, savedKWh: b.savedKWh, savedKgCO2: b.savedKgCO2 })) : [];
  return { kWh: energy.kWh, kgCO2: energy.kgCO2, hours: energy.hours, basis, baselines };
}

/** "Energy: 9,055 kWh, 5,575 kg CO2 over 24 h (…) · vs peak: saves 1,744 kWh (16.1%), 1,073.5 kg CO2" */
export function energyText(e: EnergySummary): string {
  const vs = e.baselines.map((b) => {
    const pct = b.kWh > 0 ? ` (${fmt((100 * b.savedKWh) / b.kWh, 1)}%)` : '';
    return `vs ${b.name}: ${b.savedKWh >= 0 ? 'saves' : 'uses'} ${fmt(Math.abs(b.savedKWh), 2)} kWh${b.savedKWh >= 0 ? pct : ' more'}, ${fmt(Math.abs(b.savedKgCO2), 2)} kg CO2`;
  });
  return [`Energy: ${fmt(e.kWh, 2)} kWh, ${fmt(e.kgCO2, 2)} kg CO2 over ${fmt(e.hours, 2)} h (${e.basis})`, ...vs].join(' · ');
}

/** The views' energy stat line (`data-testid="energy"`), filled by setEnergy(). */
export function energyLine(): HTMLParagraphElement {
  const p = el('p', { className: 'note energy' });
  p.dataset.testid = 'energy';
  p.hidden = true;
  return p;
}
export function setEnergy(line: HTMLElement, e: EnergySummary | undefined): void {
  line.hidden = !e;
  line.textContent = e ? energyText(e) : '';
}

/** KPIs of a plan's energy: kWh, kg CO2, and what it saves against the named baseline (e.g. "kWh saved vs peak"). */
export function savedKpis(e: EnergySummary | undefined, name?: string): Kpi[] {
  if (!e) return [];
  const own: Kpi[] = [
    { label: 'kWh', value: e.kWh, better: 'lower', text: fmt(e.kWh, 2) },
    { label: 'kg CO2', value: e.kgCO2, better: 'lower', text: fmt(e.kgCO2, 2) },
  ];
  const b = e.baselines.find((x) => name === undefined || x.name === name);
  if (!b) return own;
  return [
    ...own,
    { label: `kWh saved vs ${b.name}`, value: b.savedKWh, better: 'higher', text: fmt(b.savedKWh, 2) },
    { label: `kg CO2 saved vs ${b.name}`, value: b.savedKgCO2, better: 'higher', text: fmt(b.savedKgCO2, 2) },
  ];
}

const formats = new Map<number, Intl.NumberFormat>();
/** 1,234.5 (en-US grouping; at most `digits` decimals). One cached Intl.NumberFormat per digits:
 * toLocaleString builds a new one per call, too slow for thousands of rows. */
export const fmt = (x: number, digits = 2) => {
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return f.format(x);
};

/** A count and its noun, singular for one ("1 round", "2 rounds"; "1.0" shown as "1" is one too). */
export const count = (n: number, one: string, many = `${one}s`, digits = 2) => {
  const s = fmt(n, digits);
  return `${s} ${s === '1' ? one : many}`;
};

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

/** A table from rows of cells (first row = header); at most `limit` body rows, with a note. */
export function table(rows: (string | number)[][], limit = 500, currentRow = -1): HTMLElement {
  const wrap = el('div', { className: 'table-wrap' });
  const t = el('table');
  const [head, ...body] = rows;
  t.append(el('thead', {}, el('tr', {}, ...head!.map((h) => el('th', {}, String(h))))));
  const tb = el('tbody');
  body.slice(0, limit).forEach((r, i) => {
    // each cell names its column (data-label): a phone window shows a row as a card of
    // "column: value" lines (style.css), not a table cut at the window's edge
    const tr = el('tr', {}, ...r.map((c, k) => { const td = el('td', {}, typeof c === 'number' ? fmt(c) : c); td.dataset.label = String(head![k] ?? ''); return td; }));
    if (i === currentRow) tr.className = 'current';
    tb.append(tr);
  });
  t.append(tb);
  wrap.append(t);
  if (body.length > limit) wrap.append(el('p', { className: 'note' }, `… ${count(body.length - limit, 'more row', 'more rows')} (download the solution for all)`));
  return wrap;
}
