// Quoting user-supplied strings in messages (docs/contract.md): shared by the checkers (this
// folder holds pure helpers checkers may use) and re-exported by src/core/errors.ts.

/**
 * A user-supplied string made safe for a one-line message: control characters and
 * quotes escaped (JSON style), lone surrogates replaced, and at most `max` characters
 * kept (the rest counted). `quote('a\nb')` is `"a\nb"` with a backslash-n.
 */
export function quote(value: unknown, max = 60): string {
  if (typeof value !== 'string') return String(value).slice(0, max);
  const s = value;
  const head = s.length > max ? s.slice(0, max) : s;
  const escaped = JSON.stringify(head)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > max ? `${escaped.slice(0, -1)}…" (${s.length} characters)` : escaped;
}
