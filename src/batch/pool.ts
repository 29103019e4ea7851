// Batch solving on one machine: a piscina pool of worker threads (src/batch/task.ts), each
// solving one instance at a time through the registry. The pool keeps at most two tasks
// per thread in flight and pulls the next input only then (backpressure: a 10 GB stream
// is read as fast as it is solved, never ahead), yields results as they complete
// (completion order, not input order), and stops a solve over the time limit by
// aborting its task: piscina terminates that thread and starts a new one.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Task, TaskResult, TaskWorkerData } from './task.js';
import { wasmModule } from '../wasm/loader.js';
import { quote } from '../core/errors.js';
import { BATCH_STATUSES, isFailure, type BatchProgress, type BatchResult, type BatchStatus } from './types.js';
import type { Solution } from '../solve.js';
export * from './types.js';

/** One instance for the pool: its id, and the task (or an already known result, e.g. a line that is not JSON). */
export interface PoolItem {
  id: string;
  task?: Omit<Task, 'port' | 'check' | 'raw'>;
  result?: Omit<BatchResult, 'id'>;
}

/** A result as the pool yields it (with `raw`, the solution as JSON text in `solutionJson`). */
export type PoolResult = BatchResult & { solutionJson?: string };

export interface PoolOptions {
  /** Worker threads (default: os.availableParallelism()). */
  workers?: number;
  /** Stop a solve after this many milliseconds (its thread is terminated and replaced); record `timeout`. */
  timeoutMs?: number;
  /** Run the problem's independent checker on each solution (result.check). */
  check?: boolean;
  /** Stop: the in-flight solves are abandoned and the iteration throws the signal's reason. */
  signal?: AbortSignal;
  /** Called after each result. */
  onProgress?: (p: BatchProgress) => void;
  /** Solutions as JSON text (`solutionJson`) instead of values. */
  raw?: boolean;
}

export const emptyCounts = (): Record<BatchStatus, number> => Object.fromEntries(BATCH_STATUSES.map((s) => [s, 0])) as Record<BatchStatus, number>;

/** Most worker threads (each holds its own heap and kernels, ~10 MB): 256, or the cores when more. */
export const MAX_WORKERS = Math.max(256, availableParallelism());
/** Longest time limit, ms: setTimeout's (Node fires a longer timer after 1 ms, with a warning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

function validateOptions(o: PoolOptions): number {
  const workers = o.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  if (workers > MAX_WORKERS) throw new RangeError(`workers must be an integer in 1..${MAX_WORKERS}, got ${workers}`);
  if (o.timeoutMs !== undefined && !(o.timeoutMs > 0)) throw new RangeError(`timeoutMs must be a number > 0, got ${o.timeoutMs}`);
  if (o.timeoutMs !== undefined && !(o.timeoutMs <= MAX_TIMER_MS)) throw new RangeError(`timeoutMs must be a number in (0, ${MAX_TIMER_MS}], got ${o.timeoutMs}`);
  return workers;
}

/**
 * The threads' script: task.js bundled into one module by `npm run build`
 * (scripts/bundle-cli.mjs; a thread loads one file instead of ~320), else task.js.
 */
function taskScript(): string {
  const bundled = new URL('./task.bundle.js', import.meta.url);
  return (bundled.protocol === 'file:' && existsSync(fileURLToPath(bundled)) ? bundled : new URL('./task.js', import.meta.url)).href;
}

/**
 * A piscina pool of solver threads, one instance per thread at a time. `run` resolves to
 * the result (never rejects for a bad instance, a time-out or a crashed thread).
 */
export class SolverPool {
  private constructor(
    private readonly pool: import('piscina').Piscina<Task, TaskResult>,
    private readonly options: { timeoutMs?: number; check: boolean; raw: boolean },
    readonly workers: number,
  ) {}

  static async create(options: Omit<PoolOptions, 'signal' | 'onProgress'> = {}): Promise<SolverPool> {
    const workers = validateOptions(options);
    const { Piscina } = await import('piscina');
    // the kernels compiled once here, instantiated by each thread (src/batch/task.ts); without
    // a module source in this thread (pool.js imported alone), each thread compiles its own
    const workerData: TaskWorkerData = { wasmModule: await Promise.resolve().then(wasmModule).catch(() => undefined) };
    const pool = new Piscina<Task, TaskResult>({
      filename: taskScript(),
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: 2 ** 31 - 1,
      workerData,
      // no run-time/wait-time histograms: nothing reads them
      recordTiming: false,
    });
    // piscina reports the answer of a task already abandoned (a stopped batch) as an 'error'
    // event: nothing waits for that answer any more
    pool.on('error', () => undefined);
    return new SolverPool(pool, { timeoutMs: options.timeoutMs, check: options.check ?? false, raw: options.raw ?? false }, workers);
  }

  async run(item: PoolItem): Promise<PoolResult> {
    if (item.result) return { id: item.id, ...item.result };
    const { timeoutMs, check, raw } = this.options;
    const task: Task = { ...item.task, check, raw };
    // a signal only for a time limit: piscina listens to each task's signal (an AbortController,
    // a listener added and removed: ~5 % of the main thread's CPU in a 2-worker batch, docs/batch.md)
    const ac = timeoutMs !== undefined ? new AbortController() : undefined;
    let timer: NodeJS.Timeout | undefined;
    let port: MessagePort | undefined;
    let finished = false;
    const transferList: MessagePort[] = [];
    if (timeoutMs !== undefined) {
      // the clock starts when a thread starts the solve (not while the task waits in the queue)
      const channel = new MessageChannel();
      port = channel.port1;
      task.port = channel.port2;
      transferList.push(channel.port2);
      port.once('message', () => {
        if (!finished) timer = setTimeout(() => ac!.abort(), timeoutMs);
      });
    }
    try {
      const r = await this.pool.run(task, ac ? { signal: ac.signal, transferList } : {});
      return { id: item.id, ...r };
    } catch (e) {
      if (ac?.signal.aborted) {
        return { id: item.id, status: 'timeout', ms: timeoutMs!, error: { code: 'timeout', path: '', message: `stopped after ${timeoutMs} ms (the time limit); its worker was replaced` } };
      }
      // an instance the structured clone cannot copy (a function, a symbol, a Proxy) is bad input, as in the worker adapter
      if ((e as { name?: unknown })?.name === 'DataCloneError') {
        return { id: item.id, status: 'invalid', ms: 0, error: { code: 'invalid-input', path: '', message: `the instance cannot be copied to a worker thread (${(e as Error).message})` } };
      }
      // a getter or Proxy trap that throws while the task is copied: bad input too (checked on this failure path only)
      const unreadable = copyError(task.instance);
      if (unreadable !== undefined) {
        return { id: item.id, status: 'invalid', ms: 0, error: { code: 'invalid-input', path: '', message: `the instance cannot be copied to a worker thread (reading it threw ${quote(unreadable)})` } };
      }
      return { id: item.id, status: 'error', ms: 0, error: { code: 'internal', path: '', message: `worker failed: ${(e as Error)?.message ?? String(e)}` } };
    } finally {
      finished = true;
      clearTimeout(timer);
      port?.close();
    }
  }

  /** Stop every thread (in-flight solves are abandoned). */
  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}

/** The pool behind solveMany() and `greenplan batch`. */
export async function* runPool(items: AsyncIterable<PoolItem> | Iterable<PoolItem>, options: PoolOptions = {}): AsyncGenerator<PoolResult, void, undefined> {
  const { signal, onProgress } = options;
  validateOptions(options);
  signal?.throwIfAborted();
  const pool = await SolverPool.create(options);
  const t0 = performance.now();
  const byStatus = emptyCounts();
  let failed = 0;
  let done = 0;
  const limit = 2 * pool.workers;
  const it = iteratorOf(items);
  const ready: PoolResult[] = [];
  let inflight = 0;
  let inputDone = false;
  let wake: (() => void) | undefined;
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      signal?.throwIfAborted();
      while (!inputDone && inflight + ready.length < limit) {
        const next = await it.next();
        signal?.throwIfAborted();
        if (next.done) {
          inputDone = true;
          break;
        }
        const item = next.value;
        if (item.result) {
          ready.push({ id: item.id, ...item.result });
          continue;
        }
        inflight++;
        void pool.run(item).then((r) => {
          inflight--;
          ready.push(r);
          wake?.();
        });
      }
      const r = ready.shift();
      if (r) {
        done++;
        byStatus[r.status]++;
        if (isFailure(r)) failed++;
        onProgress?.({ done, failed, skipped: 0, byStatus: { ...byStatus }, elapsedMs: performance.now() - t0 });
        yield r;
        continue;
      }
      if (inputDone && inflight === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await it.return?.();
    await pool.destroy();
  }
}

/** An async iterator over an iterable or async iterable. */
function iteratorOf<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in items) return (items as AsyncIterable<T>)[Symbol.asyncIterator]();
  const sync = (items as Iterable<T>)[Symbol.iterator]();
  return {
    next: async () => sync.next(),
    return: async (v?: unknown) => sync.return?.(v) ?? { done: true, value: undefined },
  };
}

/** An item of solveMany(): a bare instance (its id is its index), or `{ id, instance }`, or `{ id, json }` (JSON text, parsed in the worker). */
export type SolveManyItem = unknown;

/** `{ id, instance }` or `{ id, json }`: an object with an `id` and one of those, and no `problem` field. */
export function envelopeOf(x: unknown): { id: string; instance?: unknown; json?: string } | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || Object.hasOwn(x, 'problem') || !Object.hasOwn(x, 'id')) return undefined;
  const e = x as { id: unknown; instance?: unknown; json?: unknown };
  // each field read once (a getter may change its value between reads); the instance is read
  // once more, into the structured clone that carries it to a thread: that copy is solved
  const id = e.id;
  if (!(typeof id === 'string' || typeof id === 'number')) return undefined;
  if (Object.hasOwn(e, 'instance')) return { id: String(id), instance: e.instance };
  const json = e.json;
  if (typeof json === 'string') return { id: String(id), json };
  return undefined;
}

/**
 * solveMany()'s items as pool items. Results are matched by id, so an id may be given once:
 * an item whose id an earlier item already has (an envelope's id, or a bare instance's
 * index) is not solved and yields an `invalid` result (code `invalid-input`, path `id`)
 * naming both items; the earlier item is solved as usual. (`greenplan batch` refuses the
 * whole batch instead, exit 2: its results file is resumed by id.) The ids seen are kept,
 * ~100 bytes each.
 */
export async function* solveManyItems(instances: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<PoolItem> {
  const first = new Map<string, number>(); // id -> index of the item that has it
  let index = 0;
  for await (const x of instances as AsyncIterable<unknown>) {
    const e = envelopeOf(x);
    const id = e ? e.id : String(index);
    const earlier = first.get(id);
    if (earlier !== undefined) {
      const message = `item ${index} repeats the id ${JSON.stringify(id)} of item ${earlier} (results are matched by id: each id may be given once); not solved`;
      yield { id, result: { status: 'invalid', ms: 0, error: { code: 'invalid-input', path: 'id', message } } };
    } else {
      first.set(id, index);
      if (!e) yield { id, task: { instance: x } };
      else if (e.json !== undefined) yield { id, task: { json: e.json } };
      else yield { id, task: { instance: e.instance } };
    }
    index++;
  }
}

export interface SolveManyOptions {
  /** Worker threads (default: os.availableParallelism()). */
  workers?: number;
  /** Stop a solve after this many milliseconds (its thread is terminated and replaced) and report `timeout`. */
  timeoutMs?: number;
  /** Run each problem's independent checker on its solution (result.check). */
  check?: boolean;
  /** Called after each result with the counts so far. */
  onProgress?: (p: BatchProgress) => void;
  /** Abort: the in-flight solves are stopped and the iteration throws the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Solve many instances on all cores (Node only): worker threads from a piscina pool, one
 * instance per thread at a time; results as they complete (not in input order), each
 * `{ id, status, ms, solution | error, check? }`. Items are bare instances (id = their
 * index, "0", "1", ...) or `{ id, instance }` / `{ id, json }`. The input is pulled lazily
 * (at most two instances per worker in flight), so a stream of any length runs in bounded
 * memory. Bad or infeasible instances yield a result like the others; nothing throws
 * except a bad option or the abort signal. Each id may be given once: an item repeating an
 * earlier item's id (a bare instance's id being its index) is not solved and yields
 * `{ id, status: 'invalid', error: { code: 'invalid-input', path: 'id', message } }`.
 */
export async function* solveMany(
  instances: AsyncIterable<SolveManyItem> | Iterable<SolveManyItem>,
  options: SolveManyOptions = {},
): AsyncGenerator<BatchResult<Solution>, void, undefined> {
  yield* runPool(solveManyItems(instances), { ...options, raw: false }) as AsyncGenerator<BatchResult<Solution>, void, undefined>;
}

/** What copying `value` to a thread throws (its message), or undefined when it copies. */
function copyError(value: unknown): string | undefined {
  try {
    structuredClone(value);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
