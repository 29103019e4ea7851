// JSON.parse with a fast path for long arrays of numbers (demand series of 10^6 values).
// JSON.parse boxes every non-integer number of an array while it parses (one heap object
// each, moved by the young-generation GC until the array is built): in a new process that
// costs more than the whole solve. Here each long number array is read by a scanner into
// a plain number[] (unboxed doubles), the rest of the text is left to JSON.parse, and the
// arrays are put back in place. The result is the value JSON.parse gives, number for
// number (see readNumber); anything unusual (invalid JSON included) goes to JSON.parse
// itself, so its errors are JSON.parse's own.

/** Arrays of at least this many numbers take the fast path. */
export const FAST_MIN = 256;

const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Reads one JSON number at `at`; returns its end, or -1 if none is there (JSON grammar:
 * -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?). The value goes to out.v: for at most 15
 * significant digits and a decimal exponent within ±22, m · 10^k or m / 10^k with m and
 * 10^k exact doubles, one correctly rounded operation (Clinger's fast path), so the same
 * double as JSON.parse; otherwise Number() of the token, which rounds the same way.
 */
function readNumber(s: string, at: number, n: number, out: { v: number }): number {
  let i = at;
  let neg = false;
  if (i < n && s.charCodeAt(i) === 45) { neg = true; i++; }
  if (i >= n) return -1;
  let c = s.charCodeAt(i);
  if (!isDigit(c)) return -1;
  let m = 0;
  let digits = 0;
  if (c === 48) {
    i++;
    if (i < n && isDigit(s.charCodeAt(i))) return -1; // leading zero
  } else {
    while (i < n && isDigit((c = s.charCodeAt(i)))) { m = m * 10 + (c - 48); digits++; i++; }
  }
  let scale = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    if (i >= n || !isDigit(s.charCodeAt(i))) return -1;
    while (i < n && isDigit((c = s.charCodeAt(i)))) {
      m = m * 10 + (c - 48);
      if (m !== 0) digits++;
      scale++;
      i++;
    }
  }
  let exp = 0;
  if (i < n && ((c = s.charCodeAt(i)) === 101 || c === 69)) {
    i++;
    let eneg = false;
    if (i < n && ((c = s.charCodeAt(i)) === 43 || c === 45)) { eneg = c === 45; i++; }
    if (i >= n || !isDigit(s.charCodeAt(i))) return -1;
    while (i < n && isDigit((c = s.charCodeAt(i)))) { if (exp < 1e6) exp = exp * 10 + (c - 48); i++; }
    if (eneg) exp = -exp;
  }
  const k = exp - scale;
  let v: number;
  if (digits <= 15 && k >= -22 && k <= 22) v = k >= 0 ? m * POW10[k]! : m / POW10[-k]!;
  else v = Number(s.slice(neg ? at + 1 : at, i));
  out.v = neg ? -v : v;
  return i;
}

/** If a long array of numbers starts at `at` (a '['), its end and values; else undefined. */
function readNumberArray(s: string, at: number, n: number, cell: { v: number }): { end: number; values: number[] } | undefined {
  let i = at + 1;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  if (i < n && s.charCodeAt(i) === 93) return undefined; // []
  const values: number[] = [];
  for (;;) {
    i = readNumber(s, i, n, cell);
    if (i < 0) return undefined;
    values.push(cell.v);
    while (i < n && isWs(s.charCodeAt(i))) i++;
    if (i >= n) return undefined;
    const c = s.charCodeAt(i);
    i++;
    if (c === 93) break;
    if (c !== 44) return undefined;
    while (i < n && isWs(s.charCodeAt(i))) i++;
  }
  return values.length >= FAST_MIN ? { end: i, values } : undefined;
}

/**
 * JSON.parse(text), reading long number arrays with a scanner (same value). `stats.fast`
 * (for tests) gets the number of arrays the scanner read.
 */
export function parseJson(text: string, stats?: { fast: number }): unknown {
  if (stats) stats.fast = 0;
  const n = text.length;
  if (n < 2 * FAST_MIN) return JSON.parse(text); // too short to hold FAST_MIN numbers
  const nonce = `\u0000greenplan-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}:`;
  const arrays: number[][] = [];
  const pieces: string[] = [];
  const cell = { v: 0 };
  let from = 0;
  let inString = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91) {
      const arr = readNumberArray(text, i, n, cell);
      if (arr) {
        pieces.push(text.slice(from, i), JSON.stringify(nonce + arrays.length));
        arrays.push(arr.values);
        from = arr.end;
        i = arr.end - 1;
      }
    }
  }
  if (arrays.length === 0) return JSON.parse(text);
  pieces.push(text.slice(from));
  let value: unknown;
  try {
    value = JSON.parse(pieces.join(''));
  } catch {
    return JSON.parse(text); // throws JSON.parse's own error
  }
  let placed = 0;
  const put = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!v.startsWith(nonce)) return v;
      placed++;
      return arrays[Number(v.slice(nonce.length))];
    }
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = put(v[i]);
      return v;
    }
    for (const key of Object.keys(v)) {
      const x = put((v as Record<string, unknown>)[key]);
      // JSON.parse makes "__proto__" an own data property: keep it one
      Object.defineProperty(v, key, { value: x, writable: true, enumerable: true, configurable: true });
    }
    return v;
  };
  value = put(value);
  // every array back exactly once, in a value's place (a '[' where JSON wants a key would
  // have become a key here; text.includes(nonce) guards against a user string like it)
  if (placed !== arrays.length || text.includes(nonce)) return JSON.parse(text);
  if (stats) stats.fast = arrays.length;
  return value;
}
