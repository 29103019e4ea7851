// Progress of one long solve (docs/contract.md, "Progress"): a solver that runs in stages it
// can count (the autoscaling tune's backtest windows and a goal's missCosts) reports each
// completed unit; solve() passes the caller's callback through; the CLI prints it on stderr.
// A throwing callback never breaks the solve (its error is ignored after the first report).

import type { SolveOptions } from '../problems/types.js';
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
