// Converter: a demand CSV -> a smoothing instance. Pure text, no file system (the
// playground's "Open file" runs it in the browser).
//
// Two shapes, both with a header row:
// - one column per service: `svc_a,svc_b,...` then one row of numbers per time step;
//   a leading time column (header `timestamp`, `time`, `date`, `step` or `t`, or
//   non-numeric cells) is dropped;
// - `timestamp,value` (e.g. the NAB series): one service, named `opts.name` (or `value`).
// Cells are finite numbers; a missing or non-numeric cell is an error naming its row
// and column (rows counted from 1, the header being row 1).
import { GreenplanError } from '../core/errors.js';
import type { SmoothingInstance } from '../problems/smoothing/schema.js';
import { csvCells } from './csv.js';

export interface DemandCsvOptions {
  /** name of the service of a single-column file (default: the column's header) */
  name?: string;
  alpha?: number;
}

const TIME_HEADERS = new Set(['timestamp', 'time', 'date', 'datetime', 'step', 't']);
const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/** Convert the text of a demand CSV. Throws GreenplanError('invalid-input') naming row and column. */
export function demandCsvToSmoothing(text: string, opts: DemandCsvOptions = {}): SmoothingInstance {
  const lines = text.split(/\r?\n/);
  let row = 0;
  while (row < lines.length && lines[row]!.trim() === '') row++;
  if (row >= lines.length) throw new GreenplanError('invalid-input', 'the CSV is empty');
  const header = csvCells(lines[row]!);
  if (header.every(isNumber)) throw new GreenplanError('invalid-input', 'the CSV needs a header row naming its columns (e.g. "timestamp,value" or one service name per column)');
  const headerRow = row;
  const body: string[][] = [];
  for (let i = row + 1; i < lines.length; i++) if (lines[i]!.trim() !== '') body.push(csvCells(lines[i]!));
  if (body.length === 0) throw new GreenplanError('invalid-input', 'the CSV has a header but no data rows');
  const firstNumeric = body[0]!.length > 0 && isNumber(body[0]![0]!);
  const skipFirst = header.length > 1 && (TIME_HEADERS.has(header[0]!.toLowerCase()) || !firstNumeric);
  const cols = header.map((h, c) => ({ h, c })).filter(({ c }) => !(skipFirst && c === 0));
  const seen = new Set<string>();
  for (const { h, c } of cols) {
    if (h === '') throw new GreenplanError('invalid-input', `header (row ${headerRow + 1}): column ${c + 1} has no name`);
    if (seen.has(h)) throw new GreenplanError('invalid-input', `header (row ${headerRow + 1}): column name "${h}" appears twice`);
    seen.add(h);
  }
  const demand = cols.map(() => new Array<number>(body.length));
  const lineOf = (k: number) => {
    let seenRows = -1;
    for (let i = headerRow + 1; i < lines.length; i++) if (lines[i]!.trim() !== '' && ++seenRows === k) return i + 1;
    return k + headerRow + 2;
  };
  for (let k = 0; k < body.length; k++) {
    const r = body[k]!;
    if (r.length !== header.length) throw new GreenplanError('invalid-input', `row ${lineOf(k)}: ${r.length} cells, the header has ${header.length}`);
    for (let j = 0; j < cols.length; j++) {
      const cell = r[cols[j]!.c]!;
      if (!isNumber(cell)) throw new GreenplanError('invalid-input', `row ${lineOf(k)}, column "${cols[j]!.h}": "${cell}" is not a number`);
      demand[j]![k] = Number(cell);
    }
  }
  const single = cols.length === 1;
  return {
    problem: 'smoothing',
    alpha: opts.alpha ?? 1,
    scenarios: cols.map(({ h }, j) => ({ name: single && opts.name ? opts.name : h, demand: demand[j]! })),
  };
}
