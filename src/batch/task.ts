// The batch worker (a piscina task, one instance per call, in a worker thread): parse (the
// JSON text or the gzip bytes arrive as they were read, so that parsing happens in the
// pool), solve through the registry (trySolve), check with the problem's own independent
// checker (problemOf(name).check), and return plain data. With a MessagePort, the task
// says when it starts, so that the main thread's time limit counts solving, not queueing.
// The kernels come from the WebAssembly.Module the pool compiled once (workerData), so a
// thread (a new one too, after a time-out) instantiates it without compiling it again.
import { workerData, type MessagePort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import '../node.js'; // the module source: build/greenplan.wasm read from disk
import { init } from '../wasm/loader.js';
import { trySolve } from '../solve.js';
import { problemOf } from '../problems/registry.js';
import { parseJsonText } from '../core/json.js';
import { asGreenplanError } from '../core/errors.js';
import type { BatchError, BatchStatus } from './types.js';
import type { CheckReport } from '../problems/types.js';

/** What the pool gives each of its threads. */
export interface TaskWorkerData {
  /** The kernels, compiled once by the pool (absent: this thread compiles build/greenplan.wasm itself). */
  wasmModule?: WebAssembly.Module;
}

// instantiate the kernels before the pool hands this thread any task
await init((workerData as TaskWorkerData | undefined)?.wasmModule);

export interface Task {
  /** The instance as a value, */
  instance?: unknown;
  /** or as JSON text, */
  json?: string;
  /** or as gzip-compressed JSON text. */
  gz?: Uint8Array;
  /** Run the problem's checker on the solution. */
  check?: boolean;
  /** Return the solution as JSON text (the CLI writes it as is) instead of a value. */
  raw?: boolean;
  /** Told 'start' when solving starts (for the time limit). */
  port?: MessagePort;
}

export interface TaskResult {
  status: Exclude<BatchStatus, 'timeout'>;
  ms: number;
  solution?: unknown;
  /** The solution as JSON text (with `raw`). */
  solutionJson?: string;
  error?: BatchError;
  check?: CheckReport;
}

function parse(task: Task): { ok: true; value: unknown } | { ok: false; error: BatchError } {
  if (task.json === undefined && task.gz === undefined) return { ok: true, value: task.instance };
  let text: string;
  try {
    text = task.json ?? gunzipSync(task.gz!).toString('utf8');
  } catch (e) {
    return { ok: false, error: { code: 'invalid-input', path: '', message: `cannot decompress the instance: ${(e as Error).message}` } };
  }
  try {
    // as `greenplan solve` reads a file: a byte-order mark skipped, the JSON limits (src/core/json.ts)
    return { ok: true, value: parseJsonText(text, 'the instance') };
  } catch (e) {
    const g = asGreenplanError(e);
    return { ok: false, error: { code: g.code, path: g.path, message: g.message } };
  }
}

export default async function solveTask(task: Task): Promise<TaskResult> {
  task.port?.postMessage('start');
  task.port?.close();
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 1000) / 1000;
  const parsed = parse(task);
  if (!parsed.ok) return { status: 'invalid', ms: ms(), error: parsed.error };
  const instance = parsed.value;
  let r;
  try {
    r = await trySolve(instance);
  } catch (e) {
    return { status: 'error', ms: ms(), error: { code: 'internal', path: '', message: `internal error: ${(e as Error)?.message ?? String(e)}` } };
  }
  if (!r.ok) {
    const { code, path, message } = r.error;
    return { status: code === 'invalid-input' ? 'invalid' : 'error', ms: ms(), error: { code, path, message } };
  }
  const solution = r.solution;
  const status = (solution as { status?: string }).status === 'infeasible' ? 'infeasible' : 'solved';
  let check: CheckReport | undefined;
  if (task.check) {
    // the checker reads the instance as given (parsed again from the text when there is one)
    const original = task.json !== undefined || task.gz !== undefined ? (parse(task) as { value: unknown }).value : instance;
    check = problemOf((original as { problem?: unknown }).problem)!.check(original, solution);
  }
  const out: TaskResult = { status, ms: ms() };
  if (task.raw) out.solutionJson = JSON.stringify(solution);
  else out.solution = solution;
  if (check) out.check = check;
  return out;
}
