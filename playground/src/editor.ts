// The instance editor: Monaco, loaded on demand (its own chunk, so the first paint and the
// first solve do not wait for it), with the instance JSON Schema from instanceSchema()
// (completion, hover docs, red squiggles). Until Monaco is ready, the text shows in a
// read-only <pre>. Monaco's workers are bundled the Vite way (`?worker` imports).
import { findNodeAtLocation, parseTree, parse, modify, applyEdits, type JSONPath, type ParseError } from 'jsonc-parser';

type Monaco = typeof import('./monaco.js');

export interface Editor {
  getText(): string;
  setText(text: string): void;
  /** Set one top-level field of the instance, keeping the rest of the text as typed. */
  setField(key: string, value: unknown): void;
  /** Mark the JSON path of a validation error (or clear marks with null). */
  markError(path: string | null, message?: string): void;
  focus(): void;
  /** The page's own marks (a solver error at its JSON path), for tests and tools. */
  /** Whether Monaco checks the text against the schema (off above SCHEMA_CHECK_MAX_VALUES values). */
  schemaChecks(): boolean;
  markers(): { message: string; startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }[];
  onChange(cb: () => void): void;
  onSolveKey(cb: () => void): void;
  ready: Promise<void>;
}

/** `items[0].size` -> ['items', 0, 'size'] */
export function parsePath(path: string): JSONPath {
  const out: JSONPath = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** Offset range of the first JSON syntax error in `text` (strict JSON, as the solver reads it:
 * a leading byte-order mark skipped), or undefined when the text parses. */
export function syntaxErrorRange(text: string): { start: number; end: number } | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const errors: ParseError[] = [];
  parse(text.slice(bom), errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const e = errors[0];
  if (!e) return undefined;
  const start = Math.min(e.offset + bom, Math.max(0, text.length - 1));
  return { start, end: Math.max(start + 1, e.offset + bom + e.length) };
}

/** Offset range of the deepest node of `path` found in `text` (the whole text if none); with
 * no path and text that is not JSON, the syntax error's place. */
export function rangeOf(text: string, path: string): { start: number; end: number } {
  if (path === '') {
    const bad = syntaxErrorRange(text);
    if (bad) return bad;
  }
  const tree = parseTree(text);
  if (!tree) return { start: 0, end: Math.min(text.length, 1) };
  const segs = parsePath(path);
  for (let n = segs.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, segs.slice(0, n));
    if (node) {
      // for a found object/array, mark its first line only (not the whole block)
      const end = node.type === 'object' || node.type === 'array' ? Math.min(node.offset + node.length, text.indexOf('\n', node.offset) + 1 || node.offset + node.length) : node.offset + node.length;
      return { start: node.offset, end: Math.max(end, node.offset + 1) };
    }
  }
  return { start: 0, end: 1 };
}

/** Texts with more values than this (counted by their commas) are not matched against the
 * schema by Monaco's JSON worker: its schema matching overflows the stack somewhere between
 * 50,000 and 75,000 values (measured in Chromium; an uncaught error in the page). The solver
 * still validates them and the page marks their errors at the path. */
export const SCHEMA_CHECK_MAX_VALUES = 30_000;

/** Whether Monaco may match `text` against the schema (at most SCHEMA_CHECK_MAX_VALUES values). */
export function schemaCheckable(text: string): boolean {
  let commas = 0;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) if (++commas >= SCHEMA_CHECK_MAX_VALUES) return false;
  return true;
}

export function createEditor(host: HTMLElement, schema: Record<string, unknown>, initial: string, dark: () => boolean): Editor {
  let text = initial;
  let schemaChecks: boolean | undefined;
  /** Monaco's own JSON checks on or off for a text (set before the text is). */
  const syncSchemaChecks = (t: string) => {
    const on = schemaCheckable(t);
    if (!monaco || on === schemaChecks) return;
    schemaChecks = on;
    // off: no schema at all (not only no validation: the colour and hover providers match the
    // schema too)
    monaco.json.jsonDefaults.setDiagnosticsOptions({
      validate: on, allowComments: false, enableSchemaRequest: false,
      schemas: on ? [{ uri: 'https://greenplan.local/instance.schema.json', fileMatch: ['*'], schema }] : [],
    });
  };
  let monaco: Monaco | undefined;
  let ed: import('./monaco.js').editor.IStandaloneCodeEditor | undefined;
  const changeCbs: (() => void)[] = [];
  const solveCbs: (() => void)[] = [];
  let pendingMark: [string | null, string | undefined] = [null, undefined];
  const pre = document.createElement('pre');
  pre.className = 'fallback';
  pre.textContent = text;
  host.appendChild(pre);

  const model = () => ed!.getModel()!;
  const applyMark = () => {
    if (!monaco || !ed) return;
    const [path, message] = pendingMark;
    if (path === null) { monaco.editor.setModelMarkers(model(), 'greenplan', []); return; }
    const t = model().getValue();
    const r = rangeOf(t, path);
    const a = model().getPositionAt(r.start);
    const b = model().getPositionAt(r.end);
    monaco.editor.setModelMarkers(model(), 'greenplan', [{
      severity: monaco.MarkerSeverity.Error, message: `${path ? `${path}: ` : ''}${message ?? 'invalid'}`,
      startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column,
    }]);
    ed.revealRangeInCenterIfOutsideViewport(new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column));
  };

  const ready = import('./monaco.js').then((m) => {
    monaco = m;
    syncSchemaChecks(text);
    const uri = m.Uri.parse('inmemory://greenplan/instance.json');
    const mdl = m.editor.createModel(text, 'json', uri);
    pre.remove();
    ed = m.editor.create(host, {
      model: mdl, automaticLayout: true, minimap: { enabled: false }, fontSize: 13, tabSize: 2,
      scrollBeyondLastLine: false, theme: dark() ? 'vs-dark' : 'vs', wordWrap: 'off',
      ariaLabel: 'Instance JSON (Ctrl/Cmd+Enter solves; Ctrl+M, on a Mac Ctrl+Shift+M, makes Tab leave the editor)',
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => m.editor.setTheme(dark() ? 'vs-dark' : 'vs'));
    ed.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => solveCbs.forEach((f) => f()));
    mdl.onDidChangeContent(() => { text = mdl.getValue(); syncSchemaChecks(text); changeCbs.forEach((f) => f()); });
    host.dataset.ready = 'true';
    applyMark();
  });

  return {
    ready,
    getText: () => (ed ? model().getValue() : text),
    setText(t) {
      text = t;
      syncSchemaChecks(t);
      if (ed) { if (model().getValue() !== t) model().setValue(t); } else pre.textContent = t;
    },
    setField(key, value) {
      const cur = ed ? model().getValue() : text;
      const edits = modify(cur, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
      if (!edits.length) return;
      if (ed) {
        ed.executeEdits('greenplan', edits.map((e) => {
          const a = model().getPositionAt(e.offset);
          const b = model().getPositionAt(e.offset + e.length);
          return { range: new monaco!.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.content };
        }));
      } else {
        text = applyEdits(cur, edits);
        pre.textContent = text;
      }
    },
    markError(path, message) { pendingMark = [path, message]; applyMark(); },
    focus: () => ed?.focus(),
    schemaChecks: () => schemaChecks ?? schemaCheckable(text),
    markers: () => (monaco && ed ? monaco.editor.getModelMarkers({ owner: 'greenplan', resource: model().uri }).map(({ message, startLineNumber, startColumn, endLineNumber, endColumn }) => ({ message, startLineNumber, startColumn, endLineNumber, endColumn })) : []),
    onChange: (cb) => changeCbs.push(cb),
    onSolveKey: (cb) => solveCbs.push(cb),
  };
}
