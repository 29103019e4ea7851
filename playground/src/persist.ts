// The editor's texts kept across a reload or an accidental tab close (localStorage, this
// browser only): one saved edit per example (keyed by its id; '' for a text that came from a
// file, a share or typing), and which of them was on screen last. Only the texts and their
// small metadata are stored; nothing else of the page. All saved texts together stay within
// SAVE_CAP characters: saving one removes the oldest others until it fits.
// Storage that is missing, refused (private mode, blocked cookies) or full never breaks the
// page: every call catches and reports by its return value.

/** One key per example's edit: PREFIX + the example id ('' for an edit of no example). */
const PREFIX = 'greenplan.playground.edit.v2:';
/** The example (or '') on screen at the last save: what a reload brings back. */
const LAST = 'greenplan.playground.last.v2';
/** The single save of earlier versions (read once, moved to its example's key). */
const V1 = 'greenplan.playground.edit.v1';
/** All saved texts together are at most this many characters (one text above it is not kept). */
export const SAVE_CAP = 2_000_000;

export interface SavedEdit {
  /** The editor's text as typed; null: the example as loaded (its text is not stored). */
  text: string | null;
  /** The example it was edited from ('' when it came from a file, a share or typing). */
  example: string;
  /** What the page called the loaded instance ("Tianchi 60 apps", a file name, "shared"). */
  label: string;
  /** The instance's problem kind as far as the text says ('' if it does not). */
  problem: string;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
}

function storage(): Storage | null {
  try { return globalThis.localStorage ?? null; } catch { return null; }
}

/** The problem kind a text names, without parsing megabytes: its first "problem": "…". */
export function problemOf(text: string): string {
  return /"problem"\s*:\s*"([A-Za-z0-9_-]{1,40})"/.exec(text.slice(0, 4096))?.[1] ?? '';
}

const remove = (key: string) => { try { storage()?.removeItem(key); } catch { /* storage unavailable: nothing to remove */ } };

/** A stored edit of this shape, or null (then it is removed). */
function parse(key: string, raw: string): SavedEdit | null {
  try {
    const v = JSON.parse(raw);
    if (v && typeof v === 'object' && typeof v.text === 'string' && v.text.length <= SAVE_CAP && typeof v.example === 'string' && typeof v.label === 'string') {
      return { text: v.text, example: v.example, label: v.label, problem: typeof v.problem === 'string' ? v.problem : '', savedAt: Number(v.savedAt) || 0 };
    }
  } catch { /* not JSON: dropped below */ }
  remove(key);
  return null;
}

/** The earlier versions' single save, moved to its example's key (once). */
function migrateV1(s: Storage): void {
  const raw = s.getItem(V1);
  if (raw === null) return;
  s.removeItem(V1);
  try {
    const v = JSON.parse(raw);
    if (typeof v?.example !== 'string') return;
    s.setItem(LAST, JSON.stringify({ example: v.example }));
    if (typeof v.text === 'string') s.setItem(PREFIX + v.example, raw);
  } catch { /* not JSON, or storage full: nothing to move */ }
}

/** Every saved edit (readable ones; the others are removed). */
function all(): SavedEdit[] {
  const s = storage();
  if (!s) return [];
  try {
    migrateV1(s);
    const out: SavedEdit[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key === null || !key.startsWith(PREFIX)) continue;
      const raw = s.getItem(key);
      const e = raw === null ? null : parse(key, raw);
      if (e && PREFIX + e.example === key) out.push(e);
    }
    return out;
  } catch {
    return [];
  }
}

/** Remove the saved edit of one example ('' : the edit of no example). */
export function dropEdit(example: string): void {
  remove(PREFIX + example);
}

/** Forget which edit was on screen (a reload then shows the default example); the edits stay. */
export function forgetLast(): void {
  remove(LAST);
}

/**
 * Save the editor's text as the edit of `meta.example`, and remember it as the one on screen.
 * `text` null: the example as loaded (its edit, if any, is removed). 'saved'; 'too-large'
 * (over SAVE_CAP: not saved, the example's older save removed); 'unavailable' (no storage, or
 * it refused: quota, private mode; the older save is removed when possible, so a reload never
 * brings back an older text than the one typed). Other examples' edits are removed, oldest
 * first, while all the texts together would exceed SAVE_CAP.
 */
export function saveEdit(text: string | null, meta: { example: string; label: string }): 'saved' | 'too-large' | 'unavailable' {
  const key = PREFIX + meta.example;
  if (text !== null && text.length > SAVE_CAP) { remove(key); forgetLast(); return 'too-large'; }
  const s = storage();
  if (!s) return 'unavailable';
  try {
    if (text === null) {
      s.removeItem(key);
    } else {
      const others = all().filter((e) => e.example !== meta.example).sort((a, b) => a.savedAt - b.savedAt);
      let total = text.length + others.reduce((n, e) => n + (e.text?.length ?? 0), 0);
      for (const e of others) {
        if (total <= SAVE_CAP) break;
        s.removeItem(PREFIX + e.example);
        total -= e.text?.length ?? 0;
      }
      const value: SavedEdit = { text, example: meta.example, label: meta.label.slice(0, 200), problem: problemOf(text), savedAt: Date.now() };
      s.setItem(key, JSON.stringify(value));
    }
    s.setItem(LAST, JSON.stringify({ example: meta.example }));
    return 'saved';
  } catch {
    remove(key);
    forgetLast();
    return 'unavailable';
  }
}

/** The saved edit of one example, or null. */
export function editOf(example: string): SavedEdit | null {
  return all().find((e) => e.example === example) ?? null;
}

/**
 * What was on screen at the last save: its edit, `{ text: null, example }` for an example
 * as loaded, or null (nothing kept, or unreadable: then it is removed).
 */
export function loadEdit(): SavedEdit | null {
  const s = storage();
  if (!s) return null;
  let raw: string | null;
  try {
    migrateV1(s);
    raw = s.getItem(LAST);
  } catch { return null; }
  if (raw === null) return null;
  let example: unknown;
  try { example = JSON.parse(raw)?.example; } catch { /* not JSON */ }
  if (typeof example !== 'string') { forgetLast(); return null; }
  return editOf(example) ?? (example ? { text: null, example, label: '', problem: '', savedAt: 0 } : null);
}
