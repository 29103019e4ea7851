// Online miss-rate adaptation of the tuned policy (docs/autoscaling.md, "Online adaptation
// (`tune.adapt`)"), after adaptive conformal inference (Gibbs & Candès, "Adaptive conformal
// inference under distribution shift", NeurIPS 2021: alpha_{t+1} = alpha_t + gamma (alpha −
// err_t) keeps the long-run error rate at alpha whatever the drift). Per service, from the
// replayed horizon's start: log k = 0; when step t's pods are decided, the outcome of step
// d = t − 1 − L (L the replay's lag) is known, and for d >= 0 log k += gamma · (err_d − alpha),
// clipped to [−ln 4, ln 4]; pods_t = ceil(k · y_t) within minPods..maxPods, y_t the tuned
// family's value before rounding; err_t = 1 when step t's ready pods run its workload above
// maxUtilization (the replay's test). Causal: a step reads outcomes of steps <= t − 1 − L only.
// O(H) per service, no allocation in the loop.
import { boundedCeil, reactiveLag } from './reactive.js';
import { UTIL_TOL } from './replay.js';
import type { Relation } from './relation.js';

/** k stays within [1 / ADAPT_CLIP, ADAPT_CLIP]. */
export const ADAPT_CLIP = 4;
/** Defaults of tune.adapt: gamma, and missShare when the tune has no goal. */
export const ADAPT_DEFAULTS = { gamma: 0.05, missShare: 0.25 } as const;

export interface AdaptInput {
  /** y of each replayed step for the planned (early) count, and for the top-up's late count when on. */
  early: ArrayLike<number>;
  late?: ArrayLike<number>;
  /** The replayed horizon's workload (null: unmeasured, never a miss). */
  actual: ArrayLike<number | null>;
  relation: Relation;
  minPods: number;
  maxPods: number;
  /** Pods running before the first step (the replay's initialPods). */
  initial: number;
}
export interface AdaptOptions { step: number; readySeconds: number; maxUtilization: number; gamma: number; alpha: number }

/**
 * The adapted counts of one service: early (and late with the top-up) per step, the misses
 * they make as the replay counts them (topUpTrace's readiness when late is given), and log k
 * at the last step.
 */
export function adaptCounts(s: AdaptInput, o: AdaptOptions): { early: number[]; late?: number[]; misses: number; logk: number } {
  const H = s.early.length;
  const L = reactiveLag(o.step, o.readySeconds);
  const lo = -Math.log(ADAPT_CLIP), hi = Math.log(ADAPT_CLIP);
  const frac = Math.max(0, 1 - o.readySeconds / o.step);
  const limit = o.maxUtilization * (1 + UTIL_TOL);
  const early = new Array<number>(H);
  const late = s.late ? new Array<number>(H) : undefined;
  const err = new Uint8Array(H);
  let logk = 0, prev = s.initial, misses = 0;
  for (let t = 0; t < H; t++) {
    const d = t - 1 - L;
    if (d >= 0) logk = Math.min(hi, Math.max(lo, logk + o.gamma * (err[d]! - o.alpha)));
    const k = Math.exp(logk);
    const e = boundedCeil(k * s.early[t]!, s.minPods, s.maxPods);
    early[t] = e;
    let ready = e, now = e;
    if (late) {
      const l = boundedCeil(k * s.late![t]!, s.minPods, s.maxPods);
      late[t] = l;
      const avail = Math.max(prev, e);
      ready = l <= avail ? l : avail + (l - avail) * frac;
      now = l;
    }
    const w = s.actual[t];
    if (w !== null && w !== undefined && s.relation.util(w, ready) > limit) { err[t] = 1; misses++; }
    prev = now;
  }
  return late ? { early, late, misses, logk } : { early, misses, logk };
}
