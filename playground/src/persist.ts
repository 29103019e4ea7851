// The editor's text kept across a reload or an accidental tab close (localStorage, this
// browser only). Only the text and its small metadata are stored; nothing else of the page.
// Storage that is missing, refused (private mode, blocked cookies) or full never breaks the
// page: every call catches and reports by its return value.

const KEY = 'greenplan.playground.edit.v1';
/** Texts above this many characters are not kept (and an older, now stale, save is removed). */
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

/** Remove the saved edit (if any). */
export function dropEdit(): void {
  try { storage()?.removeItem(KEY); } catch { /* storage unavailable: nothing to remove */ }
}

/**
 * Save the editor's text. 'saved'; 'too-large' (over SAVE_CAP: not saved, an older save
 * removed); 'unavailable' (no storage, or it refused: quota, private mode; an older save is
 * removed when possible, so a reload never brings back an older text than the one typed).
 */
export function saveEdit(text: string | null, meta: { example: string; label: string }): 'saved' | 'too-large' | 'unavailable' {
  if (text !== null && text.length > SAVE_CAP) { dropEdit(); return 'too-large'; }
  const s = storage();
  if (!s) return 'unavailable';
  const value: SavedEdit = { text, example: meta.example, label: meta.label.slice(0, 200), problem: text === null ? '' : problemOf(text), savedAt: Date.now() };
  try {
    s.setItem(KEY, JSON.stringify(value));
    return 'saved';
  } catch {
    dropEdit();
    return 'unavailable';
  }
}

/** The saved edit, or null (none, unreadable, or not of this shape: then it is removed). */
export function loadEdit(): SavedEdit | null {
  let raw: string | null;
  try { raw = storage()?.getItem(KEY) ?? null; } catch { return null; }
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw);
    if (v && typeof v === 'object' && (v.text === null ? typeof v.example === 'string' && v.example !== '' : typeof v.text === 'string' && v.text.length <= SAVE_CAP)
      && typeof v.example === 'string' && typeof v.label === 'string') {
      return { text: v.text, example: v.example, label: v.label, problem: typeof v.problem === 'string' ? v.problem : '', savedAt: Number(v.savedAt) || 0 };
    }
  } catch { /* not JSON: dropped below */ }
  dropEdit();
  return null;
}
