// Time series from CSV into regular steps (for `greenplan convert series`, the forecast
// tests and bench). Accepted: a header line, then `timestamp,value` rows (one series) or
// `timestamp,<service>,<service>...` rows (one column per service). Timestamps are Unix
// seconds (or milliseconds when > 1e11) or dates `Date.parse` reads (`2014-02-14 14:30:00`
// is taken as UTC). Values are resampled to a regular grid of `step` seconds (default:
// the median gap between consecutive timestamps): the mean of the values in each step,
// null where a step holds none. Empty, `NaN` or `null` cells are missing values, and so are
// the cells a short row leaves out; a row with more cells than the header is an error.
import { csvCells } from './csv.js';

export interface RegularSeries {
  name: string;
  step: number;
  /** Start of the first step (Unix seconds). */
  start: number;
  values: (number | null)[];
}

export class SeriesCsvError extends Error {}

/** Unix seconds of a timestamp cell, or NaN. */
export function parseTimestamp(cell: string): number {
  const s = cell.trim().replace(/^"|"$/g, '');
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const x = Number(s);
    return x > 1e11 ? x / 1000 : x;
  }
  const iso = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s) ? s.replace(' ', 'T') + 'Z' : s;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : NaN;
}

const parseValue = (cell: string | undefined): number | null => {
  if (cell === undefined) return null;
  const s = cell.trim().replace(/^"|"$/g, '');
  if (s === '' || /^(nan|null|na)$/i.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : NaN;
};

/** Median positive gap of sorted timestamps (seconds, rounded to >= 1). */
export function medianStep(ts: readonly number[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < ts.length; i++) if (ts[i]! > ts[i - 1]!) gaps.push(ts[i]! - ts[i - 1]!);
  if (!gaps.length) return 300;
  gaps.sort((a, b) => a - b);
  return Math.max(1, Math.round(gaps[(gaps.length - 1) >> 1]!));
}

/** The most values a converted instance may hold in all (the forecast's limit per call). */
export const MAX_GRID_VALUES = 2 ** 26;

/** Resample (timestamp, value) pairs to a grid of `step` seconds from `start` (mean per step; null where empty). */
export function resample(ts: readonly number[], vs: readonly (number | null)[], step: number, start: number, end: number): (number | null)[] {
  const n = Math.max(0, Math.floor((end - start) / step) + 1);
  const sum = new Float64Array(n);
  const cnt = new Uint32Array(n);
  for (let i = 0; i < ts.length; i++) {
    const v = vs[i];
    if (v === null || v === undefined) continue;
    const k = Math.floor((ts[i]! - start) / step);
    if (k < 0 || k >= n) continue;
    sum[k]! += v;
    cnt[k]!++;
  }
  return Array.from({ length: n }, (_, k) => (cnt[k] ? sum[k]! / cnt[k]! : null));
}

/** Parse CSV text into regular series (one per value column). */
export function parseSeriesCsv(text: string, opts: { step?: number; name?: string } = {}): RegularSeries[] {
  // [line number counted from 1 with blank lines, text]
  const lines = text.split(/\r?\n/).map((l, i) => [i + 1, l] as const).filter(([, l]) => l.trim() !== '');
  if (lines.length < 2) throw new SeriesCsvError('needs a header line and at least one row');
  const header = csvCells(lines[0]![1]);
  if (header.length < 2) throw new SeriesCsvError(`header "${lines[0]![1]}" needs a timestamp column and at least one value column`);
  const ts: number[] = [];
  const cols: (number | null)[][] = header.slice(1).map(() => []);
  for (let r = 1; r < lines.length; r++) {
    const [line, row] = lines[r]!;
    const cells = csvCells(row);
    // more cells than the header names is an error; fewer are missing values (docs/data.md)
    if (cells.length > header.length) throw new SeriesCsvError(`line ${line}: ${cells.length} cells, the header has ${header.length}`);
    const t = parseTimestamp(cells[0]!);
    if (!Number.isFinite(t)) throw new SeriesCsvError(`line ${line}: timestamp "${cells[0]}" is not a date or a number of seconds`);
    ts.push(t);
    for (let c = 1; c < header.length; c++) {
      const v = parseValue(cells[c]);
      if (v !== null && !(v >= 0)) throw new SeriesCsvError(`line ${line}, column "${header[c]}": "${cells[c]}" is not a number >= 0`);
      cols[c - 1]!.push(v);
    }
  }
  const order = ts.map((_, i) => i).sort((a, b) => ts[a]! - ts[b]!);
  const sts = order.map((i) => ts[i]!);
  const step = opts.step ?? medianStep(sts);
  if (!(Number.isInteger(step) && step >= 1)) throw new SeriesCsvError(`step must be an integer number of seconds >= 1, got ${step}`);
  const start = Math.floor(sts[0]! / step) * step;
  const end = sts[sts.length - 1]!;
  // the regular grid must fit in one forecast instance (2^26 values in all, src/problems/forecast/solve.ts)
  const cells = (Math.floor((end - start) / step) + 1) * (header.length - 1);
  if (cells > MAX_GRID_VALUES) throw new SeriesCsvError(`the timestamps span ${end - start} s: at a step of ${step} s that is ${cells} values, more than ${MAX_GRID_VALUES} fit in one instance (choose a larger --step)`);
  return header.slice(1).map((h, c) => ({
    name: header.length === 2 && opts.name ? opts.name : h,
    step,
    start,
    values: resample(sts, order.map((i) => cols[c]![i]!), step, start, end),
  }));
}
