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
//
// Phase-conditioned (Mondrian) calibration (docs/autoscaling.md, "Are the jumps periodic?"):
// with `category` (0/1 per step, known at decision time: phaseCategory below), the errors of
// the steps of each category are also kept in their own window, and a decision of category c
// takes the conformal quantile of category c's errors (Mondrian conformal prediction, Vovk et
// al. 2005, "Algorithmic learning in a random world", Mondrian predictors: coverage holds within each category), falling back to the pooled window
// when its category has fewer than `minCategoryErrors` errors. Category 1 = "a jump happened
// at this phase (same step of the hour / of the day) in at least k of the last n periods":
// headroom is bought where bursts recur, and the other steps' band no longer prices them.

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
  /** Per step (0..N − 1), its category 0/1 (phaseCategory); absent: one pooled window. */
  category?: ArrayLike<number>;
  /** Fewest errors of a category for its own quantile; below it the pooled window is used. */
  minCategoryErrors?: number;
  /**
   * Volatility-normalised errors (docs/autoscaling.md, "Volatility-normalised calibration"):
   * with m > 0, a third scale, errors divided by the mean absolute error of the last m errors
   * measured when the step was decided (at least `floor`), taken by scale "auto" when it gives
   * the narrowest band on average over the window.
   */
  volatility?: number;
}

export interface LeadResult {
  /** Per asked q, the quantile for every decision step start..N − 1 (NaN where the fallback applies). */
  quantiles: Map<number, Float64Array>;
  /** Per q, decisions that used the relative scale. */
  relative: Map<number, number>;
  /** Decisions without enough errors (fallback). */
  uncalibrated: number;
  /** Per q, decisions that used the volatility-normalised scale. */
  volatile: Map<number, number>;
  /** Decisions of category 1, and those of them that used their category's own window. */
  flagged: number;
  flaggedOwn: number;
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
  const pooled = new ErrorWindow(W);
  const cats = o.category ? [new ErrorWindow(W), new ErrorWindow(W)] : null;
  const minCat = o.minCategoryErrors ?? o.minErrors;
  const out = new Map<number, Float64Array>(qs.map((q) => [q, new Float64Array(Math.max(0, N - start)).fill(NaN)]));
  const relative = new Map<number, number>(qs.map((q) => [q, 0]));
  const volatile = new Map<number, number>(qs.map((q) => [q, 0]));
  let uncalibrated = 0, flagged = 0, flaggedOwn = 0;
  // volatility of each step: mean |error| of the last m errors measured at its decision (≥ floor)
  const m = Math.max(0, Math.floor(o.volatility ?? 0));
  const vol = m ? volatilityScale(point, actual, m, o.lag, o.floor) : null;
  let next = 0; // next step whose error is to be added
  for (let i = start; i < N; i++) {
    const seen = i - 1 - o.lag; // last step measured at decision time
    for (; next <= seen; next++) {
      const a = actual[next];
      const p = point[next]!;
      if (a === null || a === undefined || !Number.isFinite(p)) continue;
      const lvl = Math.max(p, o.floor);
      const v = vol ? vol[next]! : 1;
      pooled.push(a - p, lvl, v);
      if (cats) cats[o.category![next]! ? 1 : 0]!.push(a - p, lvl, v);
    }
    const c = cats ? (o.category![i]! ? 1 : 0) : 0;
    if (c) flagged++;
    let win = pooled;
    if (cats && cats[c]!.n >= minCat) { win = cats[c]!; if (c) flaggedOwn++; }
    if (win.n < o.minErrors && win === pooled) { uncalibrated++; continue; }
    const p = point[i]!;
    const lvl = Math.max(p, o.floor);
    for (const q of qs) {
      const qa = conformalQuantile(win.sa, win.n, q);
      const qr = conformalQuantile(win.sr, win.n, q);
      let useRel: boolean;
      if (o.scale === 'additive') useRel = false;
      else if (o.scale === 'relative') useRel = true;
      else useRel = Math.abs(qr) * win.meanLevel() < Math.abs(qa); // narrower on average over the window
      let d = useRel ? qr * lvl : qa;
      if (vol && o.scale === 'auto') {
        const qv = conformalQuantile(win.sv, win.n, q);
        if (Math.abs(qv) * win.meanVol() < Math.min(Math.abs(qa), Math.abs(qr) * win.meanLevel())) { useRel = false; d = qv * vol[i]!; volatile.set(q, volatile.get(q)! + 1); }
      }
      if (useRel) relative.set(q, relative.get(q)! + 1);
      out.get(q)![i - start] = Math.max(0, p + d);
    }
  }
  return { quantiles: out, relative, volatile, uncalibrated, flagged, flaggedOwn };
}

/**
 * Causal volatility of every step i: the mean absolute error of the last m errors measured
 * when step i is decided (steps ≤ i − 1 − lag), at least `floor` (NaN-free; `floor` until an
 * error is known).
 */
export function volatilityScale(point: ArrayLike<number>, actual: ArrayLike<number | null>, m: number, lag: number, floor: number): Float64Array {
  const N = point.length;
  const out = new Float64Array(N);
  const ring = new Float64Array(Math.max(1, m));
  let n = 0, head = 0, sum = 0, next = 0;
  for (let i = 0; i < N; i++) {
    for (; next <= i - 1 - lag; next++) {
      const a = actual[next], p = point[next]!;
      if (a === null || a === undefined || !Number.isFinite(p)) continue;
      const x = Math.abs(a - p);
      if (n === m) { sum -= ring[head]!; head = (head + 1) % m; n--; }
      ring[(head + n) % m] = x; sum += x; n++;
    }
    out[i] = Math.max(floor, n ? sum / n : floor);
  }
  return out;
}

/** The last `W` errors, sorted additive, relative (error / level) and volatility-normalised (error / volatility), with their mean level and volatility. */
class ErrorWindow {
  readonly sa: Float64Array;
  readonly sr: Float64Array;
  readonly sv: Float64Array;
  private readonly ringA: Float64Array;
  private readonly ringR: Float64Array;
  private readonly ringL: Float64Array;
  private readonly ringV: Float64Array;
  private readonly ringS: Float64Array;
  n = 0;
  private head = 0; // oldest entry in the ring
  private levelSum = 0;
  private volSum = 0;
  constructor(private readonly W: number) {
    this.sa = new Float64Array(W); this.sr = new Float64Array(W); this.sv = new Float64Array(W);
    this.ringA = new Float64Array(W); this.ringR = new Float64Array(W); this.ringL = new Float64Array(W); this.ringV = new Float64Array(W); this.ringS = new Float64Array(W);
  }
  push(e: number, lvl: number, vol: number): void {
    const W = this.W;
    if (this.n === W) {
      removeSorted(this.sa, this.n, this.ringA[this.head]!);
      removeSorted(this.sr, this.n, this.ringR[this.head]!);
      removeSorted(this.sv, this.n, this.ringV[this.head]!);
      this.levelSum -= this.ringL[this.head]!;
      this.volSum -= this.ringS[this.head]!;
      this.head = (this.head + 1) % W;
      this.n--;
    }
    const at = (this.head + this.n) % W;
    this.ringA[at] = e; this.ringR[at] = e / lvl; this.ringL[at] = lvl; this.ringV[at] = e / vol; this.ringS[at] = vol;
    insertSorted(this.sa, this.n, e);
    insertSorted(this.sr, this.n, e / lvl);
    insertSorted(this.sv, this.n, e / vol);
    this.levelSum += lvl;
    this.volSum += vol;
    this.n++;
  }
  meanLevel(): number { return this.levelSum / this.n; }
  meanVol(): number { return this.volSum / this.n; }
}

/**
 * Phase categories of steps from..to − 1 (docs/autoscaling.md, "Are the jumps periodic?"):
 * step i is 1 when, for one of the `periods` (in steps, e.g. an hour and a day), at least `k`
 * of the steps i − P, i − 2P, …, i − nP are jumps (`jumps[u]` = 1) — counting only steps
 * already measured when step i is decided (u ≤ i − 1 − lag): no look-ahead.
 */
export function phaseCategory(jumps: ArrayLike<number>, from: number, to: number, periods: number[], n: number, k: number, lag: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) {
    for (const P of periods) {
      let c = 0;
      for (let j = 1; j <= n; j++) {
        const u = i - j * P;
        if (u < 0) break;
        if (u <= i - 1 - lag && jumps[u]) c++;
      }
      if (c >= k) { out[i - from] = 1; break; }
    }
  }
  return out;
}
