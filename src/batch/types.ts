// Types shared by the batch runner (pool.ts), its worker (task.ts), the JSONL files
// (jsonl.ts) and the queue (queue.ts). A result is plain data: it crosses threads,
// processes and Redis unchanged.
import type { CheckReport } from '../problems/types.js';

/**
 * What happened to one instance:
 * - `solved`: a solution (the solution's own `status` says optimal, feasible, ...);
 * - `infeasible`: the solver proved there is none (the solution says why);
 * - `invalid`: the instance is not valid (error with code and JSON path);
 * - `timeout`: stopped after the time limit (its worker was terminated and replaced);
 * - `error`: anything else (out of memory, a crashed worker, a bug).
 */
export type BatchStatus = 'solved' | 'infeasible' | 'invalid' | 'timeout' | 'error';
export const BATCH_STATUSES: readonly BatchStatus[] = ['solved', 'infeasible', 'invalid', 'timeout', 'error'];

/** An error as recorded in a result line: the GreenplanError code (or `timeout`), its JSON path and message. */
export interface BatchError {
  code: string;
  path: string;
  message: string;
}

/** One result line: `{ id, status, ms, solution | error, check? }`. */
export interface BatchResult<S = unknown> {
  id: string;
  status: BatchStatus;
  /** Wall time of the solve in its worker (parsing, validation and the check included). */
  ms: number;
  solution?: S;
  error?: BatchError;
  /** The independent checker's verdict (with `check: true`). */
  check?: CheckReport;
}

/** Progress of a batch, passed to `onProgress` after each result. */
export interface BatchProgress {
  /** Results so far (including those skipped because already recorded, see `skipped`). */
  done: number;
  /** Of which not `solved` (or solved but rejected by the checker). */
  failed: number;
  /** Results per status. */
  byStatus: Record<BatchStatus, number>;
  /** Instances skipped because already recorded (resume). */
  skipped: number;
  /** Milliseconds since the start. */
  elapsedMs: number;
}

/** A result counts as a failure when not solved, or solved but rejected by the checker. */
export const isFailure = (r: { status: BatchStatus; check?: CheckReport }): boolean => r.status !== 'solved' || r.check?.valid === false;
