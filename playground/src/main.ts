// greenplan playground (issue 11): paste or open an instance, solve it in a Web Worker,
// check the solution with the independent checker, see it per problem, change one knob,
// compare with a pinned baseline, share it by URL. Stable hooks for tests and tools are
// the data-testid attributes in index.html (README, "Playground").
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { instanceSchema, PROBLEMS } from 'greenplan';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { wrap } from 'comlink';
import type { DataApi } from './data.worker.js';
import { createEditor } from './editor.js';
import { SolverSlot } from './solver.js';
import { examples, fillMenu, TIANCHI_DEFAULT } from './examples.js';
import { pretty } from './pretty.js';
import { dropEdit, editOf, forgetLast, loadEdit, saveEdit, SAVE_CAP, type SavedEdit } from './persist.js';
import { fmt, count, el, energyKpis, type Kpi, type View, type ViewExtra, type ViewFactory, type ViewHost } from './views/types.js';
import { genericView } from './views/generic.js';
import { smoothingView } from './views/smoothing.js';
import { knapsackView } from './views/knapsack.js';
import { deploymentView } from './views/deployment.js';
import { migrationView } from './views/migration.js';
import { forecastView } from './views/forecast.js';
import { autoscalingView } from './views/autoscaling.js';

/** Instances above this size are held aside, not put into the editor ("edit anyway"). */
const LARGE = 2_000_000;
/** Slider moves re-solve after this quiet time. */
const DEBOUNCE_MS = 150;
/** The editor's text is kept (localStorage) this long after the last edit. */
const SAVE_MS = 500;

// one view per problem of the registry; the problems without their own get the generic view
const OWN_VIEWS = new Map<string, ViewFactory>([
  ['smoothing', smoothingView], ['knapsack', knapsackView], ['deployment', deploymentView], ['migration', migrationView],
  ['forecast', forecastView], ['autoscaling', autoscalingView],
]);
const VIEWS = new Map<string, ViewFactory>(PROBLEMS.map((p) => [p, OWN_VIEWS.get(p) ?? genericView]));

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  example: $<HTMLSelectElement>('example'), file: $<HTMLInputElement>('file'), fileLabel: $('file-label'),
  solve: $<HTMLButtonElement>('solve'), cancel: $<HTMLButtonElement>('cancel'), status: $('status'), elapsed: $('elapsed'),
  pin: $<HTMLButtonElement>('pin'), share: $<HTMLButtonElement>('share'), download: $<HTMLButtonElement>('download'),
  large: $('large'), largeText: $('large-text'), editAnyway: $<HTMLButtonElement>('edit-anyway'), editor: $('editor'),
  error: $('error'), notice: $('notice'), result: $('result'), stale: $('stale'), verdict: $('verdict'), note: $('note'), kpis: $('kpis'), deltas: $('deltas'), view: $('view'), solution: $('solution'),
};
const dark = () => matchMedia('(prefers-color-scheme: dark)').matches;

type State = 'idle' | 'solving' | 'done' | 'error' | 'cancelled';
/** Where the instance text lives: the editor, or (large) held aside, parsed in the data worker. */
type Source = { kind: 'editor' } | { kind: 'large'; label: string; text: string };

let source: Source = { kind: 'editor' };
let sourceLabel = '';
/** The editor's text as loaded (an example, a file, a share), and the example it came from:
 * once the text is another, the example menu and the labels stop naming it as is. */
let loadedText = '';
let loadedExample = '';
let loadedInstance: { text: string; value: any } | undefined;
let seq = 0;
let runs = 0;
let ticker: ReturnType<typeof setInterval> | undefined;
let debounce: ReturnType<typeof setTimeout> | undefined;
let pendingFields: Record<string, unknown> = {};
let current: { instance: any; solution: any; extra: ViewExtra; text: string; label: string } | null = null;
let baseline: { label: string; problem: string; kpis: Kpi[] } | null = null;
let view: { problem: string; v: View } | null = null;

const slot = new SolverSlot();
let auxSlot: SolverSlot | undefined;
const aux = () => (auxSlot ??= new SolverSlot());
const data = wrap<DataApi>(new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' }));
const editor = createEditor(ui.editor, instanceSchema(), '', dark);

function setState(s: State, text?: string) {
  ui.status.dataset.state = s;
  ui.status.textContent = text ?? s;
  ui.cancel.disabled = s !== 'solving';
  if (s !== 'solving' && s !== 'idle') {
    // every end of a run (done, error, cancelled) counts: tools wait for the count to move
    ui.status.dataset.run = String(++runs);
    // when each run ended (performance.now()), for the bench
    const w = window as unknown as { __playgroundTimes?: { state: State; done: number }[] };
    (w.__playgroundTimes ??= []).push({ state: s, done: performance.now() });
  }
}

/** An error under the editor; `inEditor`: it is about the editor's text (marked there at its path). */
function showError(message: string, path = '', inEditor = true) {
  const text = path && !message.startsWith(path) ? `${path}: ${message}` : message;
  ui.error.textContent = text;
  ui.error.hidden = false;
  ui.error.dataset.path = path;
  if (source.kind === 'editor') editor.markError(inEditor ? path : null, message.startsWith(`${path} `) ? message.slice(path.length + 1) : message);
}
/** The shown solution is not the editor's instance any more (an input error, a cancel): say so,
 * dim it, and keep it from being downloaded or pinned as if it were. */
function markStale(why: string) {
  if (!current) return;
  clearTimeout(staleNote);
  ui.result.dataset.stale = 'true';
  ui.stale.hidden = false;
  ui.stale.textContent = `${why}: what is shown below is the last solution (${current.label || 'an earlier instance'}), kept for reference, not a solution of the instance in the editor.`;
  ui.download.disabled = true;
  ui.pin.disabled = true;
}
/** A new solve runs: the solution shown is the previous one until the new one arrives (or the
 * solve fails or is cancelled). It can be neither pinned nor downloaded meanwhile, and it is
 * dimmed and labelled so; a solve that ends within a moment does not flash the label in and out. */
let staleNote: ReturnType<typeof setTimeout> | undefined;
const SOLVING_NOTE_MS = 300;
function markSolving() {
  if (!current) return;
  ui.result.dataset.stale = 'solving';
  ui.download.disabled = true;
  ui.pin.disabled = true;
  const say = () => {
    ui.stale.hidden = false;
    ui.stale.textContent = `Solving: what is shown below is the previous solution (${current?.label || 'an earlier instance'}), until the new one arrives; it cannot be pinned or downloaded meanwhile.`;
  };
  clearTimeout(staleNote);
  // a note already on show (an earlier error) says so at once; otherwise after a moment
  if (!ui.stale.hidden) say();
  else staleNote = setTimeout(() => { if (ui.result.dataset.stale === 'solving') say(); }, SOLVING_NOTE_MS);
}
function clearStale() {
  clearTimeout(staleNote);
  delete ui.result.dataset.stale;
  ui.stale.hidden = true;
  ui.stale.textContent = '';
}

/** A page-level note that outlives the next solve (a share URL that could not be read, a
 * restored edit), with an optional action button. */
function showNotice(text: string, action?: { label: string; run: () => void }) {
  ui.notice.textContent = text;
  if (action) {
    const b = el('button', { type: 'button', textContent: action.label });
    b.dataset.testid = 'notice-action';
    b.addEventListener('click', action.run);
    ui.notice.append(' ', b);
  }
  ui.notice.hidden = false;
}
function clearNotice() {
  ui.notice.hidden = true;
  ui.notice.textContent = '';
}

/** The instance text the address bar's share URL holds (null: the URL holds none). Once the
 * instance is another one, the URL stops claiming it: a reload or a copied address would
 * bring back the shared instance, not the one on screen. */
let sharedText: string | null = null;
function dropStaleShare() {
  if (sharedText === null || currentText() === sharedText) return;
  sharedText = null;
  if (location.hash.startsWith('#s=')) history.replaceState(null, '', location.pathname + location.search);
}

/** The editor's text survives a reload (persist.ts): saved SAVE_MS after the last change, as
 * the edit of its example (one edit kept per example); an example as loaded is kept by its id
 * only (its text is not stored); choosing an example brings back its kept edit (with "Reset to
 * example"); a share as loaded is not saved (its URL holds it). */
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let saveWarned = false;
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_MS);
}
function saveNow() {
  clearTimeout(saveTimer);
  if (source.kind !== 'editor') return;
  const text = editor.getText();
  // (an example kept by id only: a refusal is not worth a notice, nothing typed is lost)
  if (loadedExample && text === loadedText) { saveEdit(null, { example: loadedExample, label: sourceLabel }); return; }
  if (sharedText !== null && text === sharedText) return;
  const r = saveEdit(text, { example: loadedExample, label: sourceLabel });
  if (r !== 'saved' && !saveWarned && ui.notice.hidden) {
    saveWarned = true;
    showNotice(r === 'too-large'
      ? `This text (${fmt(text.length / 1e6, 1)} MB) is over ${fmt(SAVE_CAP / 1e6, 0)} MB: it is not kept across a reload.`
      : 'This browser does not let the page keep your edits across a reload (storage unavailable or full).');
  }
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
  editor.markError(null);
}

/** The instance text as the page solves it. */
function currentText(): string {
  return source.kind === 'large' ? source.text : editor.getText();
}

/** The instance last solved with top-level fields changed (undefined removes), as JSON text
 * (the solved one, not the editor's text, which may be half typed meanwhile). */
async function variantText(fields: Record<string, unknown>): Promise<string> {
  if (source.kind === 'large') return data.withFields(fields, false);
  const inst = { ...(current?.instance ?? JSON.parse(editor.getText().replace(/^\uFEFF/, ''))) };
  for (const [k, v] of Object.entries(fields)) { if (v === undefined) delete inst[k]; else inst[k] = v; }
  return JSON.stringify(inst);
}

const host: ViewHost = {
  aux,
  async solveVariant(fields) {
    const r = await aux().run(await variantText(fields), false);
    if (!r.ok) throw r.error;
    return source.kind === 'large' ? data.numbers(r.json) : Object.fromEntries(Object.entries(JSON.parse(r.json)).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  },
  setFields(fields) {
    clearTimeout(debounce);
    // a newer request exists from now on: a result still in flight is stale (dropped by solveNow)
    if (ui.status.dataset.state === 'solving') seq++;
    if (source.kind === 'editor') {
      for (const [k, v] of Object.entries(fields)) editor.setField(k, v);
      debounce = setTimeout(() => void solveNow(), DEBOUNCE_MS);
    } else {
      // held in the data worker: the changes of the quiet time are applied there together
      const mine = source;
      pendingFields = { ...pendingFields, ...fields };
      debounce = setTimeout(async () => {
        const f = pendingFields;
        pendingFields = {};
        const text = await data.withFields(f, true);
        if (source !== mine) return;
        mine.text = text;
        void solveNow();
      }, DEBOUNCE_MS);
    }
  },
  get editable() { return source.kind === 'editor'; },
};

async function solveNow(): Promise<void> {
  clearTimeout(debounce);
  const my = ++seq;
  const src = source;
  const text = currentText();
  syncExampleMenu(); // (the editor reports no change before Monaco is loaded)
  dropStaleShare();
  clearError();
  setState('solving');
  markSolving();
  const t0 = performance.now();
  clearInterval(ticker);
  ticker = setInterval(() => { ui.elapsed.textContent = String(Math.round(performance.now() - t0)); }, 100);
  // a solve still running (a long one, an older request) would hold the worker: the newer
  // request does not wait behind it, the worker is replaced (as Cancel does)
  if (slot.busy) slot.restart();
  let out;
  try {
    performance.mark('gp:solve');
    out = await slot.run(text);
    performance.mark('gp:solved+checked');
  } catch (e) {
    if (my !== seq) return;
    clearInterval(ticker);
    setState('error');
    showError(`internal error: ${(e as Error).message ?? e}`);
    markStale('The solver failed');
    return;
  }
  if (my !== seq) return; // a newer request (or a cancel) came meanwhile: drop this result
  if (!out.ok) {
    clearInterval(ticker);
    ui.elapsed.textContent = String(Math.round(performance.now() - t0));
    showError(out.error.message, out.error.path);
    ui.verdict.textContent = '';
    delete ui.verdict.dataset.valid;
    markStale(`The instance has an error (${out.error.path || out.error.code}, see the message under the editor)`);
    setState('error', `error: ${out.error.code}`);
    return;
  }
  let instance: any = null;
  let solution: any = null;
  const extra: ViewExtra = {};
  let shown: string;
  if (src.kind === 'large') {
    // parsed in the data worker; the views get what they draw from there
    const problem = await data.setSolution(out.json);
    performance.mark('gp:held-solution');
    if (my !== seq) return;
    if (problem === 'smoothing') {
      extra.smoothing = { summary: await data.smoothingSummary(), series: (i) => data.smoothingSeries(i) };
      solution = { problem };
    } else {
      ({ instance, solution } = await data.full());
    }
    if (my !== seq) return;
    shown = out.json;
  } else {
    instance = JSON.parse(text.replace(/^\uFEFF/, '')); // the worker skipped a byte-order mark too
    solution = JSON.parse(out.json);
    shown = pretty(solution);
  }
  performance.mark('gp:parsed-solution');
  clearInterval(ticker);
  const ms = Math.round(performance.now() - t0);
  ui.elapsed.textContent = String(ms);
  current = { instance, solution, extra, text: shown, label: src.kind === 'large' ? sourceLabel : labelOf(text, instance) };
  render(out.check, out.ms);
  performance.mark('gp:rendered');
  // the pill says when the run ended without a plan (data-state stays "done": the run ended normally)
  const infeasible = (extra.smoothing?.summary.status ?? solution?.status) === 'infeasible';
  ui.status.classList.toggle('infeasible', infeasible);
  setState('done', infeasible ? 'done: infeasible' : undefined);
}

function render(check: { valid: boolean; reason: string } | undefined, ms: number) {
  const { instance, solution, extra } = current!;
  clearStale();
  ui.solution.textContent = current!.text;
  performance.mark('gp:solution-text');
  ui.verdict.dataset.valid = String(Boolean(check?.valid));
  ui.verdict.textContent = check ? (check.valid ? '✓ verified by the independent checker' : `✗ checker: ${check.reason}`) : '';
  const status = extra.smoothing?.summary.status ?? solution.status;
  ui.note.textContent = `${solution.problem}${status ? ` · ${status}` : ''} · solved and checked in the worker in ${fmt(Math.round(ms))} ms`;
  ui.download.disabled = false;
  ui.pin.disabled = false;
  const problem = String(solution.problem ?? instance?.problem);
  if (view?.problem !== problem) {
    view?.v.destroy();
    const factory = VIEWS.get(problem) ?? genericView;
    view = { problem, v: factory(ui.view, host) };
  }
  view.v.update(instance, solution, extra);
  renderKpis();
}

/** The view's KPIs, with the solution's energy figures (kWh, kg CO2) when it has them and the view does not show them. */
function kpisOf(c: NonNullable<typeof current>, v: View): Kpi[] {
  const kpis = v.kpis(c.instance, c.solution, c.extra);
  for (const e of energyKpis(c.solution)) if (!kpis.some((k) => k.label === e.label)) kpis.push(e);
  return kpis;
}

function renderKpis() {
  if (!current || !view) return;
  const kpis = kpisOf(current, view.v);
  ui.kpis.replaceChildren(...kpis.map((k) => el('div', { className: 'kpi' }, el('div', { className: 'k' }, k.label), el('div', { className: 'v' }, k.text ?? fmt(k.value)))));
  if (!baseline || baseline.problem !== view.problem) { ui.deltas.replaceChildren(); return; }
  const cards: HTMLElement[] = [el('div', { className: 'note' }, `vs baseline “${baseline.label}”:`)];
  for (const k of kpis) {
    const b = baseline.kpis.find((x) => x.label === k.label);
    if (!b || !Number.isFinite(b.value) || !Number.isFinite(k.value)) continue;
    const d = k.value - b.value;
    const pct = b.value !== 0 ? ` (${d >= 0 ? '+' : ''}${fmt((100 * d) / Math.abs(b.value), 1)}%)` : '';
    const cls = d === 0 || !k.better ? '' : (d < 0) === (k.better === 'lower') ? 'better' : 'worse';
    cards.push(el('div', { className: 'kpi' }, el('div', { className: 'k' }, k.label), el('div', { className: `d ${cls}` }, `${d >= 0 ? '+' : ''}${fmt(d)}${pct}`)));
  }
  const clear = el('button', { textContent: 'Clear baseline' });
  clear.addEventListener('click', () => { baseline = null; renderKpis(); });
  cards.push(clear);
  ui.deltas.replaceChildren(...cards);
}
ui.view.addEventListener('kpis-changed', renderKpis);

function cancel() {
  if (ui.status.dataset.state !== 'solving') return;
  seq++;
  clearInterval(ticker);
  slot.restart();
  auxSlot?.restart();
  ui.view.dispatchEvent(new Event('aux-restarted')); // views drop work pending in the side worker
  markStale('Cancelled');
  setState('cancelled');
}

/**
 * What the solved instance is called (the baseline's name, the stale note): the loaded
 * example or file as is; edited, its name with the top-level values that differ ("…,
 * edited (alpha = 8)"); another problem typed over it, no name of an example.
 */
function labelOf(text: string, instance: any): string {
  if (text === loadedText) return sourceLabel;
  if (loadedInstance?.text !== loadedText) {
    let value: any;
    try { value = JSON.parse(loadedText.replace(/^\uFEFF/, '')); } catch { value = undefined; }
    loadedInstance = { text: loadedText, value };
  }
  const base = loadedInstance.value;
  const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (!sourceLabel || !isObj(base) || !isObj(instance) || base.problem !== instance.problem) return 'an edited instance';
  const scalar = (x: unknown) => x === null || typeof x !== 'object';
  const show = (x: unknown) => (typeof x === 'number' ? fmt(x, 6) : JSON.stringify(x));
  const changed = [...new Set([...Object.keys(base), ...Object.keys(instance)])]
    .filter((k) => {
      const a = Object.hasOwn(base, k) ? base[k] : undefined;
      const b = Object.hasOwn(instance, k) ? instance[k] : undefined;
      return scalar(a) && scalar(b) && a !== b;
    })
    .map((k) => (Object.hasOwn(instance, k) ? `${k} = ${show(instance[k])}` : `no ${k}`));
  return `${sourceLabel}, edited${changed.length ? ` (${changed.join(', ')})` : ''}`;
}

/** An edited example is not the example any more: the menu says so (and choosing the example
 * again then reloads it, which choosing the option already shown would not). */
function syncExampleMenu() {
  if (source.kind === 'editor') ui.example.value = editor.getText() === loadedText ? loadedExample : '';
}

function useEditorText(text: string, label: string, exampleId = '') {
  clearTimeout(debounce);
  pendingFields = {};
  source = { kind: 'editor' };
  sourceLabel = label;
  loadedText = text;
  loadedExample = exampleId;
  ui.large.hidden = true;
  ui.editor.hidden = false;
  editor.setText(text);
  clearNotice();
  dropStaleShare();
  // an example as chosen replaces a saved edit at once (a reload brings back the example)
  if (exampleId) saveNow();
  else scheduleSave();
}

/** A large instance, already parsed and held in the data worker: a summary instead of the editor. */
function holdLarge(label: string, text: string, summary: string) {
  clearTimeout(debounce);
  pendingFields = {};
  source = { kind: 'large', label, text };
  sourceLabel = label;
  loadedText = '';
  loadedExample = '';
  ui.largeText.textContent = `${label}: ${summary}, ${fmt(text.length / 1e6, 1)} MB. Too large to edit comfortably: it is solved as is.`;
  ui.large.hidden = false;
  ui.editor.hidden = true;
  clearNotice();
  dropStaleShare();
  // the editor's text is not on screen any more: a reload shows the default example (the
  // examples' kept edits stay)
  clearTimeout(saveTimer);
  forgetLast();
}

async function loadExample(id: string, solve = true) {
  const ex = examples().find((e) => e.id === id);
  if (!ex) return;
  const text = await ex.load();
  useEditorText(text, ex.label, id); // the example as loaded: its kept edit is removed
  ui.example.value = id;
  if (solve) await solveNow();
}

/** An example chosen (the menu, a reload): its kept edit when there is one, else the example.
 * The example this very text was edited from, chosen again: the example as published (what the
 * user asks for; its kept edit would be the text already on screen, or an older one, depending
 * on whether the 500 ms save had run), with the edit one click away in the notice. */
async function chooseExample(id: string) {
  if (source.kind === 'editor' && id === loadedExample && editor.getText() !== loadedText) {
    await reloadAsPublished(id, editor.getText());
    return;
  }
  const saved = editOf(id);
  if (saved?.text != null && examples().some((e) => e.id === id)) await restoreEdit(saved, true);
  else await loadExample(id);
}

/** The example `id` as published replaces its edit `edit` on screen; the notice brings the edit back. */
async function reloadAsPublished(id: string, edit: string) {
  const label = examples().find((e) => e.id === id)?.label ?? id;
  await loadExample(id);
  showNotice(`Reloaded the example ${label} as published; your edit of it was replaced.`, {
    label: 'Bring back my edit',
    run: () => { clearNotice(); void restoreEdit({ text: edit, example: id, label, problem: '', savedAt: 0 }); },
  });
}

// ---- wiring
fillMenu(ui.example, examples());
ui.example.addEventListener('change', () => { if (ui.example.value) void chooseExample(ui.example.value); });
ui.solve.addEventListener('click', () => void solveNow());
ui.cancel.addEventListener('click', cancel);
editor.onSolveKey(() => void solveNow());
editor.onChange(() => {
  if (!ui.error.hidden && ui.status.dataset.state !== 'error') clearError();
  dropStaleShare();
  syncExampleMenu();
  scheduleSave();
});
// a tab closed or reloaded within SAVE_MS of the last keystroke keeps it too
addEventListener('pagehide', () => { if (saveTimer !== undefined) saveNow(); });
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); void solveNow(); }
  else if (e.key === 'Escape' && ui.status.dataset.state === 'solving') { e.preventDefault(); cancel(); }
});
ui.fileLabel.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); ui.file.click(); } });
ui.file.addEventListener('change', async () => {
  const files = ui.file.files;
  if (!files || files.length === 0) return;
  ui.example.value = '';
  const list = [...files];
  try {
    // read and converted (CSV, Tianchi, ROADEF) in the data worker, which also holds a large instance
    const opened = await data.open(list, LARGE / 2, LARGE);
    performance.mark('gp:opened');
    if (opened.summary === undefined) useEditorText(opened.text, opened.label);
    else holdLarge(opened.label, opened.text, opened.summary);
  } catch (e) {
    // about the files, not the editor's text (which stays as it was, unmarked, with its solution)
    showError(`could not read ${list.map((f) => f.name).join(', ')}: ${(e as Error).message ?? e}`, '', false);
    setState('error');
    return;
  } finally {
    ui.file.value = '';
  }
  await solveNow();
});
ui.editAnyway.addEventListener('click', async () => {
  if (source.kind !== 'large') return;
  const held = source;
  const text = await data.readable(held.text);
  if (source === held) useEditorText(text, held.label);
});
ui.pin.addEventListener('click', () => {
  if (!current || !view) return;
  baseline = { label: current.label || 'pinned', problem: view.problem, kpis: kpisOf(current, view.v) };
  ui.pin.textContent = 'Pin as baseline ✓';
  setTimeout(() => { ui.pin.textContent = 'Pin as baseline'; }, 1200);
  renderKpis();
});
/** Save `text` as a JSON file (the browser's download). */
function saveJson(text: string, file: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
ui.download.addEventListener('click', () => {
  if (!current) return;
  saveJson(current.text, `${current.solution.problem ?? 'solution'}-solution.json`);
});
ui.share.addEventListener('click', () => {
  const text = currentText();
  if (text.length > LARGE) {
    // a URL of megabytes is not shareable: hand over the instance as a file instead
    const file = `${(sourceLabel || 'instance').replace(/\.json$/i, '').replace(/[^\w.-]+/g, '-')}-instance.json`;
    saveJson(text, file);
    ui.note.textContent = `This instance (${fmt(text.length / 1e6, 1)} MB) is too large to share by URL: it was saved as ${file}; share that file (Open file… reads it).`;
    return;
  }
  const hash = `#s=${compressToEncodedURIComponent(JSON.stringify({ v: 1, text }))}`;
  history.replaceState(null, '', hash);
  sharedText = text;
  ui.note.textContent = `Share URL in the address bar (${count(location.href.length, 'character')}).`;
  navigator.clipboard?.writeText(location.href).then(() => { ui.note.textContent += ' Copied.'; }, () => {});
});

/** Test and tool hook (read-only): the instance text as the page would solve it. */
(window as unknown as { greenplanPlayground: unknown }).greenplanPlayground = { instanceText: currentText, editorReady: editor.ready, markers: () => editor.markers(), schemaChecks: () => editor.schemaChecks() };

// ---- start: a shared instance from the URL, else the Tianchi example, solved at once
async function start() {
  setState('idle');
  const m = /^#s=(.+)$/.exec(location.hash);
  if (m) {
    try {
      const payload = JSON.parse(decompressFromEncodedURIComponent(m[1]!) ?? '');
      if (typeof payload?.text !== 'string') throw new Error('no instance in the URL');
      sharedText = payload.text;
      useEditorText(payload.text, 'shared');
      await solveNow();
      return;
    } catch (e) {
      // said after the default example is in place (its solve clears the error box)
      const why = `The link's instance could not be read (${(e as Error).message}); the default example is shown instead.`;
      history.replaceState(null, '', location.pathname + location.search); // the broken link is not kept
      const saved = loadEdit();
      if (saved && saved.text !== null) await restoreEdit(saved);
      else await loadExample(TIANCHI_DEFAULT);
      showNotice(why);
      return;
    }
  }
  // no share link: the editor's text of the last visit, if kept, else the default example
  const saved = loadEdit();
  if (saved?.text === null) {
    // the example of the last visit, as loaded
    await loadExample(examples().some((e) => e.id === saved.example) ? saved.example : TIANCHI_DEFAULT);
    return;
  }
  if (saved) {
    await restoreEdit(saved, true);
    return;
  }
  await chooseExample(TIANCHI_DEFAULT);
}

/** Put a saved edit back in the editor, as an edit of its example when there is one (the
 * labels then say what changed), and solve it; `notice`: say so, with the way back. */
async function restoreEdit(saved: SavedEdit, notice = false) {
  const text = saved.text ?? '';
  if (saved.example && examples().some((e) => e.id === saved.example)) {
    await loadExample(saved.example, false); // replaces the save; it is written again below
    editor.setText(text);
    syncExampleMenu();
  } else {
    useEditorText(text, saved.label || 'restored');
  }
  saveNow();
  await solveNow();
  if (!notice) return;
  const when = saved.savedAt ? ` (${new Date(saved.savedAt).toLocaleString()})` : '';
  const of = saved.example ? ` of ${saved.label}` : saved.label ? ` (${saved.label})` : '';
  const back = saved.example || TIANCHI_DEFAULT;
  showNotice(`Restored your last edit${of}${when} from this browser.`, {
    label: saved.example ? 'Reset to example' : 'Discard and show the default example',
    run: () => {
      // the way back discards this edit (an edit of no example: the default example is shown)
      if (!saved.example) dropEdit('');
      void loadExample(back);
    },
  });
}
void start();
