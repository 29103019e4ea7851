// Reading JSON text from users safely (docs/contract.md, "Limits"): a UTF-8 byte-order mark
// is accepted, and one linear pass over the bytes refuses, before JSON.parse, what would
// crash the JS engine or exhaust memory instead of failing: one array longer than
// JSON_MAX_ARRAY (V8 aborts the process on arrays near 2^27 elements) and nesting deeper
// than JSON_MAX_DEPTH (recursive validators would overflow the stack). Errors name the JSON
// path of the array or of the deepest value.
import { GreenplanError, ValidationError, quote } from './errors.js';

/** Most elements of one JSON array read from text (2^26: about 67 million). */
export const JSON_MAX_ARRAY = 2 ** 26;
/** Deepest nesting of arrays and objects read from text. */
export const JSON_MAX_DEPTH = 256;

interface Frame {
  array: boolean;
  /** array: commas seen (the index of the current element) */
  count: number;
  /** object: byte range of the last key */
  keyStart: number;
  keyEnd: number;
}

const utf8 = new TextDecoder();

function pathOf(b: Uint8Array, stack: readonly Frame[]): string {
  let out = '';
  for (const f of stack) {
    if (f.array) out += `[${f.count}]`;
    else if (f.keyStart >= 0) {
      let key: string;
      try {
        key = JSON.parse(`"${utf8.decode(b.subarray(f.keyStart, Math.min(f.keyEnd, f.keyStart + 200)))}"`);
      } catch {
        key = '?';
      }
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${quote(key, 40)}]`;
    }
  }
  return out;
}

/**
 * True when no text of these bytes can break scanJson's limits, decided by native byte
 * searches instead of the scan's JS loop (which, in a new process, runs untiered: about
 * 30 ms of a cold `greenplan solve` of 10^6 values, bench/results/smoothing.json). An array
 * reaches `maxArray` only with that many commas, hence bytes; nesting deeper than
 * `maxDepth` needs more than `maxDepth` `[` or `{` bytes (counted anywhere, strings too:
 * the count can only be higher than the nesting). Same outcome as the scan, exactly.
 */
function cannotExceed(b: Uint8Array, maxArray: number, maxDepth: number): boolean {
  if (b.length >= maxArray) return false;
  let opens = 0;
  for (const c of [0x5b, 0x7b]) {
    for (let i = b.indexOf(c); i >= 0; i = b.indexOf(c, i + 1)) {
      if (++opens > maxDepth) return false;
    }
  }
  return true;
}

/**
 * One pass over JSON bytes: throws ValidationError naming the path of an array longer than
 * `maxArray` or of a value nested deeper than `maxDepth`. Syntax errors are left to JSON.parse.
 */
export function scanJson(b: Uint8Array, maxArray = JSON_MAX_ARRAY, maxDepth = JSON_MAX_DEPTH): void {
  if (!cannotExceed(b, maxArray, maxDepth)) scanJsonLoop(b, maxArray, maxDepth);
}

/** scanJson's byte loop, without the fast path (exported for the test of their equivalence). */
export function scanJsonLoop(b: Uint8Array, maxArray: number, maxDepth: number): void {
  const stack: Frame[] = [];
  const n = b.length;
  let lastString = -1; // start of the last string read
  let lastStringEnd = -1;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0x22) {
      // a string: skip to its closing quote
      lastString = i + 1;
      let j = i + 1;
      while (j < n) {
        const d = b[j]!;
        if (d === 0x5c) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      lastStringEnd = j;
      i = j;
    } else if (c === 0x5b || c === 0x7b) {
      if (stack.length >= maxDepth) {
        throw new ValidationError(pathOf(b, stack), `nests arrays and objects deeper than ${maxDepth} levels`);
      }
      stack.push({ array: c === 0x5b, count: 0, keyStart: -1, keyEnd: -1 });
    } else if (c === 0x5d || c === 0x7d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.array && ++top.count >= maxArray) {
        top.count = 0;
        const path = pathOf(b, stack.slice(0, -1));
        throw new ValidationError(path, `is an array of more than ${maxArray} elements, the most one JSON array may hold here (split it, or pass a Float64Array to the library)`);
      }
    } else if (c === 0x3a) {
      const top = stack[stack.length - 1];
      if (top && !top.array) {
        top.keyStart = lastString;
        top.keyEnd = lastStringEnd;
      }
    }
  }
}

/**
 * Parse JSON text read from a file or stdin: a leading UTF-8 byte-order mark is skipped,
 * scanJson's limits apply, and a syntax error becomes GreenplanError('invalid-input') with
 * a one-line message (`what` names the source, e.g. "instance foo.json").
 */
export function parseJsonBytes(bytes: Uint8Array, what: string): unknown {
  let b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  try {
    scanJson(b);
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.path, `${e.message.slice(e.path.length).trim()} (in ${what})`);
    throw e;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch (e) {
    if (e instanceof TypeError) throw new GreenplanError('invalid-input', `${what} is not valid JSON: it is not UTF-8 text`);
    throw new GreenplanError('out-of-memory', `${what} is too large to read as text (${b.length} bytes)`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new GreenplanError('invalid-input', `${what} is not valid JSON: ${(e as Error).message}`);
  }
}

/** cannotExceed() on decoded text: its UTF-16 length bounds the commas, its `[` and `{` the nesting. */
function textCannotExceed(t: string, maxArray: number, maxDepth: number): boolean {
  if (t.length >= maxArray) return false;
  let opens = 0;
  for (const c of ['[', '{']) {
    for (let i = t.indexOf(c); i >= 0; i = t.indexOf(c, i + 1)) {
      if (++opens > maxDepth) return false;
    }
  }
  return true;
}

/**
 * parseJsonBytes() for text already decoded (the batch's instances: a folder's files, JSONL
 * lines, queue jobs), so that `greenplan batch` and `queue` refuse what `greenplan solve`
 * refuses: a leading byte-order mark is skipped, scanJson's limits apply (the text is
 * encoded for the scan only when it could break them), a syntax error is
 * GreenplanError('invalid-input') naming `what`.
 */
export function parseJsonText(text: string, what: string, maxArray = JSON_MAX_ARRAY, maxDepth = JSON_MAX_DEPTH): unknown {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!textCannotExceed(t, maxArray, maxDepth)) {
    try {
      scanJsonLoop(new TextEncoder().encode(t), maxArray, maxDepth);
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(e.path, `${e.message.slice(e.path.length).trim()} (in ${what})`);
      throw e;
    }
  }
  try {
    return JSON.parse(t);
  } catch (e) {
    throw new GreenplanError('invalid-input', `${what} is not valid JSON: ${(e as Error).message}`);
  }
}
