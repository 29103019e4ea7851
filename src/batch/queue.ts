// The same batch across machines, on BullMQ (Redis): `submit` adds one job per instance
// (job id derived from the instance id, so re-submitting adds nothing twice), `worker`
// solves jobs on a local SolverPool (one thread per concurrent job), `collect` writes one
// result line per job to a results file (deduplicated by id, resumable, one write per
// line), `status` counts. A worker killed in the middle of a job loses its lock; BullMQ's
// stalled-job check (in the other workers) puts the job back in the queue and another
// worker solves it; it completes once (a completion needs the lock), and collect writes it
// once. Instances over COMPRESS_OVER bytes travel gzip-compressed (node:zlib), results too.
import { gzipSync, gunzipSync } from 'node:zlib';
import type { Queue as QueueT, Worker as WorkerT, Job } from 'bullmq';
import { GreenplanError, quote } from '../core/errors.js';
import { SolverPool, type PoolItem, type PoolResult } from './pool.js';
import { resultLine, readRecorded, ResultFile } from './jsonl.js';
import type { BatchResult } from './types.js';

/** JSON text longer than this travels gzip-compressed (instances in jobs, results in return values). */
export const COMPRESS_OVER = 16 * 1024;
/** How long submit, collect, status and clear wait for Redis before they give up (exit 2). */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Largest job payload (after compression, base64); larger instances are recorded as invalid at submit. */
export const MAX_JOB_BYTES = 64 * 2 ** 20;

/** Where a queue lives: a Redis URL (redis://[user:pass@]host:port[/db], rediss:// for TLS) and a queue name. */
export interface QueueTarget {
  redis: string;
  name: string;
  /** Redis key prefix (BullMQ's, default "bull"). */
  prefix?: string;
}

/** A job's data: the instance id and the instance (JSON text, or gzip+base64), or a result known at submit time. */
export interface JobData {
  id: string;
  json?: string;
  gz?: string;
  result?: Omit<BatchResult, 'id'>;
}
/** A job's return value: the result line (or it gzip+base64), and what collect's summary needs of it. */
export interface JobReturn {
  line?: string;
  gz?: string;
  status: BatchResult['status'];
  error?: BatchResult['error'];
  check?: BatchResult['check'];
}

/** The BullMQ job id of an instance id: injective, never an integer, no ':' (BullMQ's rules). */
export const jobIdOf = (id: string) => 'i' + encodeURIComponent(id);
export const idOfJob = (jobId: string) => decodeURIComponent(jobId.slice(1));

const connection = (url: string) => ({ url, maxRetriesPerRequest: null, enableOfflineQueue: true });

async function bull() {
  try {
    return await import('bullmq');
  } catch (e) {
    throw new GreenplanError('internal', `cannot load bullmq: ${(e as Error).message}`);
  }
}

function checkTarget(t: QueueTarget) {
  if (!/^rediss?:\/\//.test(t.redis)) throw new GreenplanError('invalid-input', `--redis must be a redis:// or rediss:// URL, not "${t.redis}"`);
  // what ioredis would throw later as a bare 'Invalid URL' (a port over 65535, a bad host)
  if (!URL.canParse(t.redis)) throw new GreenplanError('invalid-input', `--redis is not a valid URL: ${quote(t.redis)} (redis://[user:password@]host:port[/db])`);
  if (!t.name || t.name.includes(':')) throw new GreenplanError('invalid-input', `--name must be a non-empty queue name without ":", not "${t.name}"`);
}

async function openQueue(t: QueueTarget): Promise<QueueT<JobData, JobReturn>> {
  checkTarget(t);
  const { Queue } = await bull();
  // ioredis retries for ever: submit, collect, status and clear stop retrying a Redis they
  // never reached after CONNECT_TIMEOUT_MS (was: a silent hang); once connected, they wait
  // out a Redis restart as before, and a worker always waits (startWorker)
  const t0 = Date.now();
  let ready = false;
  const retryStrategy = (times: number) => (ready || Date.now() - t0 < CONNECT_TIMEOUT_MS ? Math.min(times * 100, 1000) : null);
  const q = new Queue<JobData, JobReturn>(t.name, { connection: { ...connection(t.redis), retryStrategy }, prefix: t.prefix });
  q.on('error', () => undefined); // reported by the calls that fail
  try {
    await q.waitUntilReady();
  } catch (e) {
    await q.close().catch(() => undefined);
    throw new GreenplanError('unavailable', `cannot reach Redis at ${new URL(t.redis).host} (${(e as Error).message})`);
  }
  ready = true;
  return q;
}

/** The job data of an item (compressed when large; too large: a result saying so). */
export function jobDataOf(item: PoolItem): JobData {
  if (item.result) return { id: item.id, result: item.result };
  const t = item.task!;
  const json = t.json ?? (t.gz ? gunzipSync(t.gz).toString('utf8') : JSON.stringify(t.instance));
  if (json.length <= COMPRESS_OVER) return { id: item.id, json };
  const gz = gzipSync(json).toString('base64');
  if (gz.length > MAX_JOB_BYTES) {
    const message = `the instance is too large for the queue: ${(gz.length / 2 ** 20).toFixed(1)} MiB compressed, over the ${MAX_JOB_BYTES / 2 ** 20} MiB limit (solve it with greenplan batch)`;
    return { id: item.id, result: { status: 'invalid', ms: 0, error: { code: 'invalid-input', path: '', message } } };
  }
  return { id: item.id, gz };
}

/**
 * An error reporter that says a message once, not at every retry: while Redis is down
 * BullMQ reports the same connection error at each attempt (twice a second). A repeat is
 * counted and said again at most once a minute ("still: … (N times)"); another message is
 * said at once.
 */
export function quietRepeats(say: (line: string) => void, everyMs = 60_000, now: () => number = Date.now): (e: Error) => void {
  let last = '';
  let lastSaid = 0;
  let repeats = 0;
  return (e: Error) => {
    const m = e.message;
    if (m !== last) {
      last = m;
      repeats = 0;
      lastSaid = now();
      say(m);
      return;
    }
    repeats++;
    if (now() - lastSaid >= everyMs) {
      lastSaid = now();
      say(`still: ${m} (${repeats + 1} times)`);
    }
  };
}

/** Add one job per instance (in bulks of 500). Ids already in the queue are not added again. */
export async function submit(items: AsyncIterable<PoolItem>, target: QueueTarget, onAdded?: (n: number) => void): Promise<number> {
  const q = await openQueue(target);
  let n = 0;
  try {
    let bulk: { name: string; data: JobData; opts: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number } } }[] = [];
    const flush = async () => {
      if (!bulk.length) return;
      await q.addBulk(bulk);
      n += bulk.length;
      onAdded?.(n);
      bulk = [];
    };
    for await (const item of items) {
      // attempts: for errors of the worker itself (Redis); a bad instance is a result, not an error
      bulk.push({ name: 'solve', data: jobDataOf(item), opts: { jobId: jobIdOf(item.id), attempts: 3, backoff: { type: 'exponential', delay: 1000 } } });
      if (bulk.length >= 500) await flush();
    }
    await flush();
  } finally {
    await q.close();
  }
  return n;
}

function encodeReturn(r: PoolResult): JobReturn {
  const line = resultLine(r);
  const out: JobReturn = line.length <= COMPRESS_OVER ? { line, status: r.status } : { gz: gzipSync(line).toString('base64'), status: r.status };
  if (r.error) out.error = r.error;
  if (r.check) out.check = r.check;
  return out;
}
const decodeReturn = (r: JobReturn): string => r.line ?? gunzipSync(Buffer.from(r.gz!, 'base64')).toString('utf8');

export interface WorkerOptions {
  /** Jobs solved at once (one solver thread each; default: the number of cores). */
  concurrency?: number;
  timeoutMs?: number;
  check?: boolean;
  /** BullMQ lock duration: a job whose worker is silent this long is taken back (default 30 000). */
  lockMs?: number;
  /** This worker's name (shown by BullMQ, in `status`). */
  workerName?: string;
  /** Called after each job. */
  onJob?: (r: PoolResult) => void;
}

/** A running queue worker; `close()` finishes the jobs in hand, then stops. */
export interface QueueWorker {
  close(): Promise<void>;
  /** Resolves when the worker has stopped (after close(), or a fatal error). */
  closed: Promise<void>;
}

/** Solve the queue's jobs until closed. */
export async function startWorker(target: QueueTarget, o: WorkerOptions = {}): Promise<QueueWorker> {
  checkTarget(target);
  const { Worker } = await bull();
  const pool = await SolverPool.create({ workers: o.concurrency, timeoutMs: o.timeoutMs, check: o.check, raw: true });
  const lockDuration = o.lockMs ?? 30_000;
  const worker: WorkerT<JobData, JobReturn> = new Worker<JobData, JobReturn>(
    target.name,
    async (job: Job<JobData, JobReturn>) => {
      const d = job.data;
      const item: PoolItem = d.result ? { id: d.id, result: d.result } : { id: d.id, task: d.gz !== undefined ? { gz: Buffer.from(d.gz, 'base64') } : { json: d.json } };
      const r = await pool.run(item);
      o.onJob?.(r);
      return encodeReturn(r);
    },
    {
      connection: connection(target.redis),
      prefix: target.prefix,
      // twice the threads: the next job is fetched while a thread solves (hides the Redis round trips);
      // the time limit counts from the start of the solve, not from the fetch
      concurrency: 2 * pool.workers,
      lockDuration,
      stalledInterval: Math.max(1000, Math.round(lockDuration / 2)),
      maxStalledCount: 2,
      name: o.workerName,
    },
  );
  worker.on('error', quietRepeats((line) => process.stderr.write(`greenplan queue worker: ${line}\n`)));
  await worker.waitUntilReady();
  let closing: Promise<void> | undefined;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  return {
    closed,
    close() {
      closing ??= (async () => {
        await worker.close();
        await pool.destroy();
        resolveClosed();
      })();
      return closing;
    },
  };
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  prioritized: number;
  completed: number;
  failed: number;
  workers: number;
}

export async function status(target: QueueTarget): Promise<QueueCounts> {
  const q = await openQueue(target);
  try {
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
    const workers = (await q.getWorkers()).length;
    return { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, prioritized: c.prioritized ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0, workers };
  } finally {
    await q.close();
  }
}

export interface CollectOptions {
  /** Wait until no job is left to solve (default true); else take what is finished and return. */
  wait?: boolean;
  /** Poll interval while waiting (ms). */
  pollMs?: number;
  /** Remove each job from Redis once its line is written. */
  remove?: boolean;
  /** Called after each line written, and with the counts on each poll. */
  onLine?: (r: Pick<BatchResult, 'id' | 'status' | 'error' | 'check'>) => void;
  onPoll?: (c: QueueCounts) => void;
  signal?: AbortSignal;
}

/**
 * Write one result line per finished job to `out` (appending; the ids already in it are
 * skipped, so a job appears once however often collect runs). Returns the number of
 * lines written and the number of jobs still to solve.
 */
export async function collect(target: QueueTarget, out: string, o: CollectOptions = {}): Promise<{ written: number; pending: number; recorded: Set<string> }> {
  const recordedMap = await readRecorded(out);
  const recorded = new Set(recordedMap.keys());
  const file = new ResultFile(out);
  const q = await openQueue(target);
  const pollMs = o.pollMs ?? 1000;
  let written = 0;
  let pending = 0;
  try {
    for (;;) {
      o.signal?.throwIfAborted();
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
      pending = (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
      o.onPoll?.({ waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, prioritized: c.prioritized ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0, workers: 0 });
      // a full pass over the finished jobs (ids only; a job is fetched once, when its id is new)
      const before = written;
      for (const type of ['completed', 'failed'] as const) {
        const page = 2000;
        for (let start = 0; ; start += page) {
          const jobIds = await q.getRanges([type], start, start + page - 1, true);
          const fresh = jobIds.filter((j) => !recorded.has(idOfJob(j)));
          for (let i = 0; i < fresh.length; i += 100) {
            const jobs = await Promise.all(fresh.slice(i, i + 100).map((j) => q.getJob(j)));
            for (const job of jobs) {
              if (!job) continue; // removed meanwhile
              const id = job.data?.id ?? idOfJob(job.id!);
              if (recorded.has(id)) continue;
              const ret = type === 'completed' ? job.returnvalue : undefined;
              const r: Pick<BatchResult, 'id' | 'status' | 'error' | 'check'> = ret
                ? { id, status: ret.status, error: ret.error, check: ret.check }
                : { id, status: 'error', error: { code: 'internal', path: '', message: `job failed: ${job.failedReason || 'unknown reason'}` } };
              file.write(ret ? decodeReturn(ret) : resultLine({ ...r, ms: 0 }));
              recorded.add(id);
              written++;
              o.onLine?.(r);
            }
            // written first, removed after: a crash in between leaves a job whose line is already there (skipped next time)
            if (o.remove) await Promise.all(jobs.map((job) => job?.remove().catch(() => undefined)));
          }
          if (jobIds.length < page) break;
        }
      }
      // done when nothing was left to solve before a pass that found nothing new (with --remove, a
      // pass can skip jobs as the list shrinks under it: the next pass takes them)
      if ((pending === 0 && written === before) || o.wait === false) break;
      if (pending === 0) continue;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } finally {
    file.close();
    await q.close();
  }
  return { written, pending, recorded };
}

/** Remove the queue and all its jobs from Redis. */
export async function obliterate(target: QueueTarget): Promise<void> {
  const q = await openQueue(target);
  try {
    await q.obliterate({ force: true });
  } finally {
    await q.close();
  }
}
