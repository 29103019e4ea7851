// Short-lead conformal quantiles for the replay (docs/autoscaling.md, "Short-lead
// calibration"). A re-planning policy decides step i with the data up to step i − 1 − lag
// (lag = 1: the pods of step i start while step i − 1 is still being measured); its point
// prediction p(i) is the re-plan's forecast mean, moved by the nowcast. The error that
// matters is the error of that short-lead prediction, e(i) = actual(i) − p(i), not the
// horizon-wide band of a day-ahead forecast. The q quantile of step i is p(i) plus the
// finite-sample conformal q quantile of the last `window` errors already measured at
// decision time (steps ≤ i − 1 − lag): additive (a constant-width band) or relative (errors
// divided by the level max(p, floor), the band proportional to the level), or, with
// scale "auto", whichever of the two would have been narrower on average over that window
// (both are calibrated on the same errors). Split conformal (Vovk et al. 2005; Angelopoulos &
// Bates 2021, "A gentle introduction to conformal prediction", §1): with n exchangeable
// errors the ⌈(n + 1) q⌉-th smallest covers a new one with probability ≥ q.
// O(N · window) per service (sorted sliding windows).

export type LeadScale = 'additive' | 'relative' | 'auto';

export interface LeadOptions {
  /** Errors used per decision: the last `window` measured ones. */
  window: number;
  /** Information lag: the decision for step i sees steps ≤ i − 1 − lag. */
  lag: number;
  /** Level below which relative errors are divided by `floor` instead (> 0). */
  floor: number;
  scale: LeadScale;
  /** Fewest errors for a calibrated quantile; below it the fallback is used. */
  minErrors: number;
}

export interface LeadResult {
  /** Per asked q, the quantile for every decision step start..N − 1 (NaN where the fallback applies). */
  quantiles: Map<number, Float64Array>;
  /** Per q, decisions that used the relative scale. */
  relative: Map<number, number>;
  /** Decisions without enough errors (fallback). */
  uncalibrated: number;
}

/** Insert x into the sorted prefix a[0..n) (n < a.length). */
function insertSorted(a: Float64Array, n: number, x: number): void {
  let lo = 0, hi = n;
  while (lo < hi) { const m = (lo + hi) >> 1; if (a[m]! <= x) lo = m + 1; else hi = m; }
  a.copyWithin(lo + 1, lo, n);
  a[lo] = x;
}

/** Remove one x from the sorted prefix a[0..n). */
function removeSorted(a: Float64Array, n: number, x: number): void {
  let lo = 0, hi = n;
  while (lo < hi) { const m = (lo + hi) >> 1; if (a[m]! < x) lo = m + 1; else hi = m; }
  a.copyWithin(lo, lo + 1, n);
}

/** Finite-sample conformal q quantile of the sorted a[0..n): the ⌈(n + 1) q⌉-th smallest (clamped to n). */
export function conformalQuantile(a: ArrayLike<number>, n: number, q: number): number {
  const k = Math.min(n, Math.max(1, Math.ceil((n + 1) * q - 1e-9)));
  return a[k - 1]!;
}

/**
 * Short-lead quantiles of steps start..N − 1. `point[i]` is the prediction the decision of
 * step i uses, `actual[i]` the measured value (null: missing, no error); steps before
 * `start` only provide errors (a calibration stretch: the same re-plans run on the end of
 * the history). Never reads actual[j] for j > i − 1 − lag when deciding step i.
 */
export function leadQuantiles(point: ArrayLike<number>, actual: ArrayLike<number | null>, start: number, qs: number[], o: LeadOptions): LeadResult {
  const N = point.length;
  const W = Math.max(1, o.window);
  const add = new Float64Array(W);
  const rel = new Float64Array(W);
  // ring of the window's raw entries, to remove the oldest
  const ringA = new Float64Array(W);
  const ringR = new Float64Array(W);
  const ringL = new Float64Array(W);
  let n = 0;
  let head = 0; // oldest entry in the ring
  let levelSum = 0;
  const out = new Map<number, Float64Array>(qs.map((q) => [q, new Float64Array(Math.max(0, N - start)).fill(NaN)]));
  const relative = new Map<number, number>(qs.map((q) => [q, 0]));
  let uncalibrated = 0;
  let next = 0; // next step whose error is to be added
  for (let i = start; i < N; i++) {
    const seen = i - 1 - o.lag; // last step measured at decision time
    for (; next <= seen; next++) {
      const a = actual[next];
      const p = point[next]!;
      if (a === null || a === undefined || !Number.isFinite(p)) continue;
      const lvl = Math.max(p, o.floor);
      const e = a - p;
      if (n === W) {
        removeSorted(add, n, ringA[head]!);
        removeSorted(rel, n, ringR[head]!);
        levelSum -= ringL[head]!;
        head = (head + 1) % W;
        n--;
      }
      const at = (head + n) % W;
      ringA[at] = e; ringR[at] = e / lvl; ringL[at] = lvl;
      insertSorted(add, n, e);
      insertSorted(rel, n, e / lvl);
      levelSum += lvl;
      n++;
    }
    if (n < o.minErrors) { uncalibrated++; continue; }
    const p = point[i]!;
    const lvl = Math.max(p, o.floor);
    const meanLevel = levelSum / n;
    for (const q of qs) {
      const qa = conformalQuantile(add, n, q);
      const qr = conformalQuantile(rel, n, q);
      let useRel: boolean;
      if (o.scale === 'additive') useRel = false;
      else if (o.scale === 'relative') useRel = true;
      else useRel = Math.abs(qr) * meanLevel < Math.abs(qa); // narrower on average over the window
      if (useRel) relative.set(q, relative.get(q)! + 1);
      out.get(q)![i - start] = Math.max(0, p + (useRel ? qr * lvl : qa));
    }
  }
  return { quantiles: out, relative, uncalibrated };
}
