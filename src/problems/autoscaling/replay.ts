// Replay of every policy on held-out workload (docs/autoscaling.md, "Replay"): hpa,
// autopilot (reactive, continuous time, new pods serve after readySeconds), static,
// forecast at saving/balanced/safe, the forecast plan as HPA's moving floor (+hpa), the plan
// as floor with an HPA at (target + maxUtilization)/2 reacting only to what it missed (+guard), and oracle (planned ahead: a step's new pods are started
// readySeconds before it, and that warm-up is paid in pod-hours). Per policy: pod-hours,
// RRC against hpa, under-provisioned share (realised utilisation above maxUtilization),
// scaling actions, kWh and kg CO2 of the cluster. O(services · steps · policies).
import { Relation, podsFor } from './relation.js';
import { replayHpa, type ReactiveInput } from './policies/hpa.js';
import { replayAutopilot } from './policies/autopilot.js';
import { energyOf, type EnergyInput } from './energy.js';
import type { AutoscalingEnergy, PolicyResult } from './schema.js';

export const POLICIES = ['hpa', 'autopilot', 'static', 'forecast-saving', 'forecast-balanced', 'forecast-safe', 'forecast-saving+hpa', 'forecast-balanced+hpa', 'forecast-saving+guard', 'forecast-balanced+guard', 'oracle'] as const;
export type PolicyName = (typeof POLICIES)[number];
/** The tuned policy (instance option `tune`, docs/autoscaling.md, "Tuned policy"): replayed after POLICIES when present. */
export const TUNED = 'forecast-tuned';
export type ReplayPolicy = PolicyName | typeof TUNED;

export interface ReplayService {
  name: string;
  /** Held-out actual workload (the replayed steps). */
  actual: ArrayLike<number | null>;
  /** History before the held-out steps. */
  history: ArrayLike<number | null>;
  relation: Relation;
  minPods: number;
  maxPods: number;
  /** Planned pods per replayed step of the forecast policies (smoothed). */
  planned: { saving: ArrayLike<number>; balanced: ArrayLike<number>; safe: ArrayLike<number> };
  /**
   * With `topUp`: the counts decided at each step's start from the last completed step (the
   * information HPA acts on); the planned counts above are then the early part, started
   * readySeconds ahead so that they serve from the step's start (topUpTrace).
   */
  late?: { saving: ArrayLike<number>; balanced: ArrayLike<number>; safe: ArrayLike<number> };
  /** With `tune`: forecast-safe's planned (and, with topUp, late) counts rescaled by the tuned (m, a): the policy forecast-tuned. */
  tuned?: { planned: ArrayLike<number>; late?: ArrayLike<number> };
}

export interface ReplayOptions {
  step: number;
  target: number;
  maxUtilization: number;
  readySeconds: number;
  energy: Required<AutoscalingEnergy>;
}

/** One policy on one service: mean requested pods and mean ready pods per step, pod-seconds, actions. */
export interface Trace { pods: Float64Array; ready: Float64Array; podSeconds: number; actions: number }

/** The last known value of a series (null: none). */
export const lastValue = (xs: ArrayLike<number | null>): number | null => {
  for (let i = xs.length - 1; i >= 0; i--) if (xs[i] !== null && xs[i] !== undefined) return xs[i]!;
  return null;
};

/** Output arrays a trace may be written into (the tune backtest's many traces reuse them; else fresh ones). */
export interface TraceBuffers { pods: Float64Array; ready: Float64Array }

/** A plan known ahead: pods[t] ready for all of step t; scale-ups started readySeconds early and paid. */
export function plannedTrace(plan: ArrayLike<number>, initial: number, step: number, readySeconds: number, out?: TraceBuffers): Trace {
  const H = plan.length;
  const pods = out ? out.pods.subarray(0, H) : new Float64Array(H);
  let podSeconds = 0;
  let actions = 0;
  let prev = initial;
  for (let t = 0; t < H; t++) {
    const n = plan[t]!;
    pods[t] = n;
    podSeconds += n * step;
    if (n > prev) podSeconds += (n - prev) * readySeconds;
    if (n !== prev) actions++;
    prev = n;
  }
  return { pods, ready: pods, podSeconds, actions };
}

/**
 * A plan known ahead plus a top-up at each step's start (docs/autoscaling.md, "Top-up"):
 * early[t] pods were started readySeconds before step t (decided from the step before the
 * last completed one) and serve from its start; at the start the count is set to late[t]
 * (decided from the last completed step): pods above those already there (the previous
 * step's and the early ones) serve after readySeconds, so they count for the rest of the
 * step (1 − readySeconds/step of it, none if readySeconds ≥ step; they serve from the next
 * step on); a count below is reached at once. Pod-seconds: late[t] for the step, plus the
 * warm-up of early pods above the previous count (paid even if the top-up drops them).
 */
export function topUpTrace(early: ArrayLike<number>, late: ArrayLike<number>, initial: number, step: number, readySeconds: number, out?: TraceBuffers): Trace {
  const H = early.length;
  const pods = out ? out.pods.subarray(0, H) : new Float64Array(H);
  const ready = out ? out.ready.subarray(0, H) : new Float64Array(H);
  const frac = Math.max(0, 1 - readySeconds / step);
  let podSeconds = 0, actions = 0;
  let prev = initial;
  for (let t = 0; t < H; t++) {
    const e = early[t]!, l = late[t]!;
    if (e > prev) { podSeconds += (e - prev) * readySeconds; if (e !== l) actions++; }
    const avail = Math.max(prev, e);
    pods[t] = l;
    ready[t] = l <= avail ? l : avail + (l - avail) * frac;
    podSeconds += l * step;
    if (l !== prev) actions++;
    prev = l;
  }
  return { pods, ready, podSeconds, actions };
}

/**
 * The guard's target: the forecast plan is the floor and an HPA reacts above it only to
 * what the plan missed, aiming midway between the target and maxUtilization (so it adds
 * pods when a step ran above ~(target + max)/2 · 1.1, and gives them back to the plan).
 */
export const guardTarget = (o: { target: number; maxUtilization: number }): number => (o.target + o.maxUtilization) / 2;

/** A reactive policy's trace with its pod-seconds (module level: not a closure made anew per service). */
function reactive(step: number, r: { pods: Float64Array; ready: Float64Array; actions: number }): Trace {
  let ps = 0;
  for (let t = 0; t < r.pods.length; t++) ps += r.pods[t]! * step;
  return { pods: r.pods, ready: r.ready, podSeconds: ps, actions: r.actions };
}

/** The pods running before the first replayed step: those the last known value needed at the target. */
export const initialPods = (s: Pick<ReplayService, 'history' | 'relation' | 'minPods' | 'maxPods'>): number => podsFor(lastValue(s.history) ?? 0, s.relation.atTarget, s.minPods, s.maxPods);

/** A forecast policy's trace: its planned counts, with the top-up when `late` is given. */
export const forecastTrace = (planned: ArrayLike<number>, late: ArrayLike<number> | undefined, initial: number, o: Pick<ReplayOptions, 'step' | 'readySeconds'>, out?: TraceBuffers): Trace =>
  late ? topUpTrace(planned, late, initial, o.step, o.readySeconds, out) : plannedTrace(planned, initial, o.step, o.readySeconds, out);

/** Every policy's trace for one service (forecast-tuned too when the service carries `tuned`). */
export function serviceTraces(s: ReplayService, o: ReplayOptions): Record<PolicyName, Trace> & { [TUNED]?: Trace } {
  const rel = s.relation;
  const H = s.actual.length;
  const before = lastValue(s.history);
  const initial = initialPods(s);
  const inp: ReactiveInput = {
    workload: s.actual, before, step: o.step, relation: rel, target: o.target,
    minPods: s.minPods, maxPods: s.maxPods, initialPods: initial, readySeconds: o.readySeconds,
    // every input of replayHpa of one shape (the floor set or not): one map at its property reads
    floor: undefined,
  };
  // static: the pods the previous day's peak needed, held all day
  const day = Math.max(1, Math.round(86_400 / o.step));
  let peak = 0;
  for (let i = Math.max(0, s.history.length - day); i < s.history.length; i++) peak = Math.max(peak, s.history[i] ?? 0);
  const staticN = podsFor(peak, rel.atTarget, s.minPods, s.maxPods);
  const oracle = new Array<number>(H);
  let prevOracle = initial;
  for (let t = 0; t < H; t++) {
    const w = s.actual[t];
    oracle[t] = w === null || w === undefined ? prevOracle : podsFor(w, rel.atTarget, s.minPods, s.maxPods);
    prevOracle = oracle[t]!;
  }
  return {
    hpa: reactive(o.step, replayHpa(inp)),
    autopilot: reactive(o.step, replayAutopilot(inp, s.history)),
    static: plannedTrace(new Array<number>(H).fill(staticN), initial, o.step, o.readySeconds),
    'forecast-saving': s.late ? topUpTrace(s.planned.saving, s.late.saving, initial, o.step, o.readySeconds) : plannedTrace(s.planned.saving, initial, o.step, o.readySeconds),
    'forecast-balanced': s.late ? topUpTrace(s.planned.balanced, s.late.balanced, initial, o.step, o.readySeconds) : plannedTrace(s.planned.balanced, initial, o.step, o.readySeconds),
    'forecast-safe': s.late ? topUpTrace(s.planned.safe, s.late.safe, initial, o.step, o.readySeconds) : plannedTrace(s.planned.safe, initial, o.step, o.readySeconds),
    'forecast-saving+hpa': reactive(o.step, replayHpa({ ...inp, floor: s.planned.saving })),
    'forecast-balanced+hpa': reactive(o.step, replayHpa({ ...inp, floor: s.planned.balanced })),
    'forecast-saving+guard': reactive(o.step, replayHpa({ ...inp, target: guardTarget(o), floor: s.planned.saving })),
    'forecast-balanced+guard': reactive(o.step, replayHpa({ ...inp, target: guardTarget(o), floor: s.planned.balanced })),
    oracle: plannedTrace(oracle, initial, o.step, o.readySeconds),
    ...(s.tuned ? { [TUNED]: forecastTrace(s.tuned.planned, s.tuned.late, initial, o) } : {}),
  };
}

/**
 * Relative tolerance of "above maxUtilization": podsFor's guard (a count 1e-9 above a whole
 * number rounds down) may run a step that far above the target, which is float noise, not
 * under-provisioning (with maxUtilization = targetUtilization the oracle would otherwise miss).
 */
export const UTIL_TOL = 1e-9;

/** Steps of a trace with realised utilisation above maxUtilization, and the steps measured. */
export function underProvisioned(trace: Trace, actual: ArrayLike<number | null>, rel: Relation, maxUtilization: number, jumps?: Uint8Array): { under: number; measured: number; underJumps: number } {
  let under = 0;
  let measured = 0;
  let underJumps = 0;
  for (let t = 0; t < actual.length; t++) {
    const w = actual[t];
    if (w === null || w === undefined) continue;
    measured++;
    if (rel.util(w, trace.ready[t]!) > maxUtilization * (1 + UTIL_TOL)) { under++; if (jumps?.[t]) underJumps++; }
  }
  return { under, measured, underJumps };
}

/**
 * Jump steps (docs/autoscaling.md, "Why the goals stay out of reach"): steps that a
 * one-step-late oracle misses, i.e. the pods that ran the previous measured step at the
 * target (ceil(workload / capacity at the target), within the bounds) would run this one
 * above maxUtilization. No policy that reacts to completed steps can avoid them.
 */
export function jumpSteps(s: Pick<ReplayService, 'actual' | 'history' | 'relation' | 'minPods' | 'maxPods'>, maxUtilization: number): Uint8Array {
  const out = new Uint8Array(s.actual.length);
  let prev = lastValue(s.history);
  for (let t = 0; t < s.actual.length; t++) {
    const w = s.actual[t];
    if (w === null || w === undefined) continue;
    if (prev !== null) {
      const n = podsFor(prev, s.relation.atTarget, s.minPods, s.maxPods);
      if (s.relation.util(w, n) > maxUtilization * (1 + UTIL_TOL)) out[t] = 1;
    }
    prev = w;
  }
  return out;
}

export interface ReplayResult {
  policies: PolicyResult[];
  /** Jump steps over all services (see jumpSteps). */
  jumpSteps: number;
  traces: (Record<PolicyName, Trace> & { [TUNED]?: Trace })[];
}

export function replay(services: ReplayService[], o: ReplayOptions): ReplayResult {
  const traces = services.map((s) => serviceTraces(s, o));
  const jumps = services.map((s) => jumpSteps(s, o.maxUtilization));
  const H = services.reduce((m, s) => Math.max(m, s.actual.length), 0);
  const names: ReplayPolicy[] = services.some((s) => s.tuned) ? [...POLICIES, TUNED] : [...POLICIES];
  const rows = names.map((policy) => {
    let podSeconds = 0, under = 0, measured = 0, actions = 0, underJumps = 0;
    const energyIn: EnergyInput[] = [];
    services.forEach((s, i) => {
      const tr = traces[i]![policy]!;
      podSeconds += tr.podSeconds;
      actions += tr.actions;
      const u = underProvisioned(tr, s.actual, s.relation, o.maxUtilization, jumps[i]);
      under += u.under;
      underJumps += u.underJumps;
      measured += u.measured;
      energyIn.push({ pods: tr.pods, workload: s.actual, atFull: s.relation.atFull });
    });
    const e = energyOf(energyIn, H, o.step, o.energy);
    return { policy, podHours: podSeconds / 3600, underProvisionedSteps: under, underProvisionedJumps: underJumps, underProvisioned: measured ? under / measured : 0, actions, kWh: e.kWh, kgCO2: e.kgCO2 };
  });
  const hpa = rows.find((r) => r.policy === 'hpa')!.podHours;
  const oracle = rows.find((r) => r.policy === 'oracle')!.podHours;
  const policies: PolicyResult[] = rows.map((r) => ({
    policy: r.policy,
    podHours: r.podHours,
    // hpa used no pods: 1 for a policy that used none either, null (no ratio; JSON has no Infinity) for one that did
    rrc: hpa > 0 ? r.podHours / hpa : r.podHours === 0 ? 1 : null,
    underProvisioned: r.underProvisioned,
    underProvisionedSteps: r.underProvisionedSteps,
    underProvisionedJumps: r.underProvisionedJumps,
    actions: r.actions,
    kWh: r.kWh,
    kgCO2: r.kgCO2,
    overOracle: oracle > 0 ? r.podHours / oracle - 1 : 0,
  }));
  return { policies, traces, jumpSteps: jumps.reduce((m, j) => m + j.reduce((a, b) => a + b, 0), 0) };
}
