// Batch files: the input (a folder of *.json, a JSONL file or stdin, read lazily), and
// the results file (JSONL, one complete line per instance, appended with one write per
// line so that a killed run leaves only complete lines; re-read on resume).
import { createReadStream, readdirSync, statSync, openSync, writeSync, closeSync, ftruncateSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { GreenplanError, asGreenplanError } from '../core/errors.js';
import { parseJsonText } from '../core/json.js';
import { envelopeOf, type PoolItem, type PoolResult } from './pool.js';
import { BATCH_STATUSES, type BatchStatus } from './types.js';
import type { CheckReport } from '../problems/types.js';

/** Longest JSONL line read (one instance); longer lines are recorded as invalid and skipped. */
export const MAX_LINE_BYTES = 256 * 2 ** 20;

/**
 * The lines of a byte stream, one at a time, with their 1-based numbers. Pulls the next
 * chunk only when asked (backpressure), keeps at most one line (<= maxBytes) in memory;
 * a longer line is reported as `{ tooLong: true }` and skipped. A last line without a
 * newline is a line.
 */
export async function* lines(stream: AsyncIterable<Buffer | string>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<{ n: number; text?: string; tooLong?: true; unterminated?: true }> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let n = 0;
  const take = (last: Buffer) => {
    n++;
    const r = tooLong ? { n, tooLong: true as const } : { n, text: (parts.length ? Buffer.concat([...parts, last]) : last).toString('utf8') };
    parts = [];
    size = 0;
    tooLong = false;
    return r;
  };
  for await (const c of stream) {
    let chunk = typeof c === 'string' ? Buffer.from(c) : c;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10)) {
      const line = take(chunk.subarray(0, i));
      chunk = chunk.subarray(i + 1);
      yield line;
    }
    if (chunk.length && !tooLong) {
      size += chunk.length;
      if (size > maxBytes) {
        tooLong = true;
        parts = [];
      } else parts.push(Buffer.from(chunk)); // a copy: the stream may reuse its buffer
    }
  }
  if (size > 0 || tooLong) yield { ...take(Buffer.alloc(0)), unterminated: true };
}

/** A batch input: what `greenplan batch` and `greenplan queue submit` read. */
export interface BatchSource {
  /** The instances, lazily, with their ids (file names for a folder, line numbers for JSONL, or the envelope's id). */
  items: AsyncIterable<PoolItem>;
  /** How many instances, when known up front (a folder), or a promise of it (a JSONL file: its lines are counted aside, when this is first read). */
  total?: number | Promise<number>;
  /** What it is, for messages. */
  label: string;
}

const malformed = (message: string) => new GreenplanError('invalid-input', message);

/**
 * Open `<dir|file.jsonl|->`: a folder (its `*.json` files, sorted by name; id = the file
 * name), or JSONL (a file, or stdin with "-"): one instance per line, id = the line
 * number, or `{"id": ..., "instance": {...}}` per line (id = that id). Empty lines are
 * skipped. Throws GreenplanError('invalid-input') when the input cannot be opened.
 */
export function openSource(input: string, stdin: Readable = process.stdin): BatchSource {
  if (input === '-') return { items: jsonlItems(stdin), label: 'stdin' };
  let st;
  try {
    st = statSync(input);
  } catch (e) {
    throw malformed(`cannot read ${input}: ${(e as Error).message}`);
  }
  if (st.isDirectory()) {
    const names = readdirSync(input).filter((f) => f.endsWith('.json')).sort();
    return { items: folderItems(input, names), total: names.length, label: input };
  }
  // counted only when asked (the progress view): without it, the file is read once
  let total: Promise<number> | undefined;
  return {
    // read in 1 MB chunks (not 64 KB): fewer reads and line joins for the main thread, still bounded
    items: jsonlItems(createReadStream(input, { highWaterMark: 1 << 20 })),
    get total() {
      return (total ??= countLines(input));
    },
    label: input,
  };
}

async function* folderItems(dir: string, names: string[]): AsyncGenerator<PoolItem> {
  for (const name of names) {
    let json: string;
    try {
      json = await readFile(join(dir, name), 'utf8');
    } catch (e) {
      yield { id: name, result: { status: 'invalid', ms: 0, error: { code: 'invalid-input', path: '', message: `cannot read ${name}: ${(e as Error).message}` } } };
      continue;
    }
    yield { id: name, task: { json } };
  }
}

/** Thrown when two instances of one batch have the same id (the batch is malformed). */
export class DuplicateIdError extends GreenplanError {
  constructor(id: string, line: number) {
    super('invalid-input', `the batch is malformed: line ${line} repeats the id ${JSON.stringify(id)}`);
  }
}

async function* jsonlItems(stream: AsyncIterable<Buffer | string>): AsyncGenerator<PoolItem> {
  const ids = new Set<string>(); // ids given by envelopes (line numbers are unique anyway)
  for await (const line of lines(stream)) {
    const id = String(line.n);
    if (line.tooLong) {
      yield { id, result: { status: 'invalid', ms: 0, error: { code: 'invalid-input', path: '', message: `line ${line.n} is longer than ${MAX_LINE_BYTES} bytes` } } };
      continue;
    }
    // a UTF-8 byte-order mark opening the file is skipped (as `greenplan solve` does)
    const text = line.n === 1 && line.text!.charCodeAt(0) === 0xfeff ? line.text!.slice(1) : line.text!;
    if (text.trim() === '') continue;
    if (!text.includes('"instance"') && !text.includes('"json"')) {
      // not an envelope: the text goes to a worker as it is, parsed (and reported if not JSON) there
      yield { id, task: { json: text } };
      continue;
    }
    let value: unknown;
    try {
      // the JSON limits of `greenplan solve` too (src/core/json.ts): the envelope's instance
      // reaches the worker as an object, never read by them again
      value = parseJsonText(text, `line ${line.n}`);
    } catch (e) {
      const g = asGreenplanError(e);
      yield { id, result: { status: 'invalid', ms: 0, error: { code: g.code, path: g.path, message: g.message } } };
      continue;
    }
    const env = envelopeOf(value);
    if (!env) {
      yield { id, task: { json: text } }; // parsed again in the worker: strings cross threads cheaply
      continue;
    }
    if (ids.has(env.id)) throw new DuplicateIdError(env.id, line.n); // a repeated id would break resuming
    ids.add(env.id);
    yield env.json !== undefined ? { id: env.id, task: { json: env.json } } : { id: env.id, task: { instance: env.instance } };
  }
}

/** Count the lines of a file that are not empty (for the progress bar; read aside, in chunks). */
async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const line of lines(createReadStream(file, { highWaterMark: 1 << 20 }), Infinity)) if (line.text === undefined || line.text.trim() !== '') count++;
  return count;
}

/** The serialised result line (no newline): `{"id","status","ms","solution"|"error","check"?}`. */
export function resultLine(r: PoolResult): string {
  let s = `{"id":${JSON.stringify(r.id)},"status":"${r.status}","ms":${r.ms}`;
  if (r.solutionJson !== undefined) s += `,"solution":${r.solutionJson}`;
  else if (r.solution !== undefined) s += `,"solution":${JSON.stringify(r.solution)}`;
  if (r.error) s += `,"error":${JSON.stringify(r.error)}`;
  if (r.check) s += `,"check":${JSON.stringify(r.check)}`;
  return s + '}';
}

/** What an existing results file holds: the recorded ids, with their status and check verdict. */
export type Recorded = Map<string, { status: BatchStatus; valid?: boolean }>;

/**
 * Read a results file for resuming: every complete line must be a result; a last result
 * line cut short (no newline) is removed from the file. Any other line that is not a
 * result means this is not a results file: refuse (GreenplanError), and leave it as is.
 */
export async function readRecorded(file: string): Promise<Recorded> {
  const recorded: Recorded = new Map();
  if (!existsSync(file)) return recorded;
  if (statSync(file).isDirectory()) throw malformed(`cannot write ${file}: it is a folder`);
  let goodBytes = 0;
  const refuse = (n: number, why: string) => malformed(`${file} is not a greenplan results file (line ${n}: ${why}); refusing to append to it`);
  for await (const line of lines(createReadStream(file), Infinity)) {
    const text = line.text!;
    if (line.unterminated) {
      // a result line written in part (a kill while writing it): dropped below; anything else is not ours
      if (text.startsWith('{"id":')) break;
      throw refuse(line.n, 'not a result');
    }
    let r: { id?: unknown; status?: unknown; check?: CheckReport };
    try {
      r = JSON.parse(text);
    } catch {
      throw refuse(line.n, 'not JSON');
    }
    if (typeof r?.id !== 'string' || !BATCH_STATUSES.includes(r.status as BatchStatus)) throw refuse(line.n, 'not a result');
    recorded.set(r.id, { status: r.status as BatchStatus, valid: r.check?.valid });
    goodBytes += Buffer.byteLength(text) + 1;
  }
  if (goodBytes < statSync(file).size) {
    const fd = openSync(file, 'r+');
    try {
      ftruncateSync(fd, goodBytes);
    } finally {
      closeSync(fd);
    }
  }
  return recorded;
}

/** Appends result lines, one write(2) per line: a killed process leaves only complete lines. */
export class ResultFile {
  private fd: number;
  constructor(file: string) {
    try {
      this.fd = openSync(file, 'a');
    } catch (e) {
      throw malformed(`cannot write ${file}: ${(e as Error).message}`);
    }
  }
  write(line: string): void {
    const buf = Buffer.from(line + '\n');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
  }
  close(): void {
    closeSync(this.fd);
  }
}
