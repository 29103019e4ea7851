// Progress of one long solve (docs/contract.md, "Progress"): a solver that runs in stages it
// can count (the autoscaling tune's backtest windows and a goal's missCosts) reports each
// completed unit; solve() passes the caller's callback through; the CLI prints it on stderr.
// A throwing callback never breaks the solve (its error is ignored after the first report).

import type { SolveOptions } from '../problems/types.js';
import { GreenplanError } from './errors.js';
export type { SolveOptions, SolveProgress } from '../problems/types.js';

/** A report function for `problem` that never throws into the solver. */
export function reporter(problem: string, options: SolveOptions | undefined): (stage: string, done: number, total: number) => void {
  const f = options?.onProgress;
  if (typeof f !== 'function') return () => undefined;
  let broken = false;
  return (stage, done, total) => {
    if (broken) return;
    try { f({ problem, stage, done, total }); } catch { broken = true; }
  };
}

/**
 * The caller's solve options read once (a getter runs once; what it throws is invalid input),
 * as a fresh object: `onProgress` a function or absent. Anything else is invalid input.
 */
export function readOptions(options: unknown): SolveOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new GreenplanError('invalid-input', `solve options must be an object { onProgress? }, not ${typeof options}`);
  let f: unknown;
  try { f = (options as { onProgress?: unknown }).onProgress; } catch { throw new GreenplanError('invalid-input', 'solve options: onProgress cannot be read (a getter that throws)'); }
  if (f === undefined) return {};
  if (typeof f !== 'function') throw new GreenplanError('invalid-input', `solve options: onProgress must be a function, not ${f === null ? 'null' : typeof f}`);
  return { onProgress: f as SolveOptions['onProgress'] };
}
