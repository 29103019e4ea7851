// The fitted per-pod relation the replay measures with (docs/autoscaling.md, "Replay"):
// workloadPerPod = w · utilisation + b (posterior means). Realised utilisation of `pods`
// pods serving `workload` is the utilisation at which one pod carries workload / pods under
// that relation; with b = 0 it is workload / (pods · atFull), the formula.

export class Relation {
  /** Workload one pod carries at the target utilisation (w·target + b), > 0. */
  readonly atTarget: number;
  /** Workload one pod carries at 100 % utilisation (w + b). */
  readonly atFull: number;
  constructor(readonly w: number, readonly b: number, readonly target: number) {
    this.atTarget = w * target + b;
    this.atFull = w + b;
  }
  /** Usable for a replay: positive slope and positive capacity at the target. */
  get valid(): boolean {
    return this.w > 0 && this.atTarget > 0 && Number.isFinite(this.atTarget);
  }
  /** Utilisation of `pods` (possibly fractional: pod-seconds ÷ step) serving `workload`. */
  util(workload: number, pods: number): number {
    if (!(pods > 0)) return workload > 0 ? Infinity : 0;
    return Math.max(0, (workload / pods - this.b) / this.w);
  }
  /** Fractional pods that run exactly at the target. */
  needed(workload: number): number {
    return workload / this.atTarget;
  }
}

export const clampPods = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/**
 * Pods that meet the target for `workload` (ceil with a relative guard against 12.000000001);
 * a positive workload, however small, needs a pod (0 pods would run it at infinite utilisation).
 */
export function podsFor(workload: number, capacity: number, min: number, max: number): number {
  if (!(capacity > 0)) return workload > 0 ? max : min;
  const x = workload / capacity;
  // x overflows to Infinity for a capacity near 0 (1e-300): x − 1e-9·x would be NaN
  if (x === Infinity) return max;
  // (workload > 0, not x > 0: 5e-324 / 19 underflows to 0 and still needs a pod)
  return clampPods(workload > 0 ? Math.max(1, Math.ceil(x - 1e-9 * Math.max(1, x))) : 0, min, max);
}
