// The page's data worker (no solving here: that is greenplan/worker's job): keeps the work
// on large instances off the main thread, so the page stays responsive with millions of
// numbers: converting opened files, parsing, holding the instance and its solution, and
// handing the views only what they draw.
import { expose } from 'comlink';
import { openTexts, type Opened } from './files.js';
import { smoothingSummary, smoothingSeries } from './views/smoothing-model.js';
import { pretty, readable } from './pretty.js';

let instance: any;
let solution: any;

const counts = (inst: any) =>
  inst && typeof inst === 'object' ? Object.entries(inst).filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${(v as unknown[]).length.toLocaleString('en-US')} ${(v as unknown[]).length === 1 && k !== 'series' ? k.replace(/s$/, '') : k}`).join(', ') : '';

export const dataApi = {
  /**
   * Read the opened files (Files cross threads by reference: the main thread never decodes
   * them), convert them into instance JSON text (pretty when small), and, when the text is
   * over `holdAbove` characters, parse and hold the instance here (its summary returned).
   */
  async open(files: File[], prettyBelow: number, holdAbove: number): Promise<Opened & { text: string; summary?: string }> {
    const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    const o = openTexts(texts);
    const bytes = texts.reduce((s, f) => s + f.text.length, 0);
    // a JSON file as written, unless it is one long line (a generated file): pretty printed then, as the examples are
    const text = o.text !== undefined ? (bytes < prettyBelow ? readable(o.text) : o.text) : bytes < prettyBelow ? pretty(o.instance) : JSON.stringify(o.instance);
    if (text.length <= holdAbove) return { label: o.label, text };
    return { label: o.label, text, summary: dataApi.load(text).summary };
  },
  /** Parse and hold an instance; a one-line summary of it (or why it is not JSON). */
  load(text: string): { problem: string; summary: string; ok: boolean } {
    solution = undefined;
    try {
      instance = JSON.parse(text.replace(/^\uFEFF/, '')); // as the solver worker reads it
    } catch (e) {
      instance = undefined;
      return { problem: '', summary: `not valid JSON (${(e as Error).message})`, ok: false };
    }
    return { problem: String(instance?.problem), summary: `${String(instance?.problem)}, ${counts(instance)}`, ok: true };
  },
  /** Parse and hold the solution of the held instance; its problem. */
  setSolution(json: string): string {
    solution = JSON.parse(json);
    return String(solution?.problem ?? instance?.problem);
  },
  smoothingSummary: () => smoothingSummary(instance, solution),
  smoothingSeries: (i: number) => smoothingSeries(instance, solution, i),
  /** The held instance and solution, whole (problems without a summary of their own). */
  full: () => ({ instance, solution }),
  /** The held instance with top-level fields changed (undefined removes), as JSON text; `keep` holds it. */
  /** A text as the editor shows it (one long line pretty printed: "Edit anyway" of a generated
   * file; Monaco renders no more than 10,000 characters of a line, so a mark further along it
   * could not be seen). */
  readable(text: string): string {
    return readable(text);
  },
  withFields(fields: Record<string, unknown>, keep: boolean): string {
    const next = { ...instance };
    for (const [k, v] of Object.entries(fields)) { if (v === undefined) delete next[k]; else next[k] = v; }
    if (keep) instance = next;
    return JSON.stringify(next);
  },
  /** The top-level numbers of a solution given as JSON text. */
  numbers(json: string): Record<string, number> {
    const s = JSON.parse(json);
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(s)) if (typeof v === 'number') out[k] = v;
    return out;
  },
};
export type DataApi = typeof dataApi;
expose(dataApi);
