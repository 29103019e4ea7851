// `greenplan solve`'s progress on stderr (docs/contract.md, "Progress"): a long solve's stage
// reports (src/core/progress.ts) become lines like "greenplan: autoscaling, tune: backtest
// windows 3/7 (42 s)", the first after `quietMs` (short solves print nothing), then at most one
// per `everyMs`, and the last unit of a stage that printed. stdout is never touched.
import type { SolveProgress } from '../core/progress.js';

export function progressLines(write: (s: string) => void, now: () => number = () => performance.now(), quietMs = 2000, everyMs = 5000): ((p: SolveProgress) => void) & { end(): void } {
  const t0 = now();
  let last = -Infinity;
  const printed = new Set<string>();
  // the last report of each stage that printed, when it was not printed itself (a stage that stopped early)
  const pending = new Map<string, SolveProgress>();
  const line = (p: SolveProgress, t: number) => write(`greenplan: ${p.problem}, ${p.stage} ${p.done}/${p.total} (${Math.round((t - t0) / 1000)} s)\n`);
  const report = (p: SolveProgress) => {
    const t = now();
    const end = p.done >= p.total && printed.has(p.stage);
    if (!end && (t - t0 < quietMs || t - last < everyMs)) { if (printed.has(p.stage)) pending.set(p.stage, { ...p }); return; }
    last = t;
    printed.add(p.stage);
    pending.delete(p.stage);
    line(p, t);
  };
  /** After the solve: the last unit of each stage that printed and ended without a line (e.g. a goal search that stopped early). */
  const end = () => { const t = now(); for (const p of pending.values()) line(p, t); pending.clear(); };
  return Object.assign(report, { end });
}
