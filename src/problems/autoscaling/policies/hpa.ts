// The Kubernetes HorizontalPodAutoscaler, replayed as documented (docs/autoscaling.md,
// "HPA"): every `syncSeconds` (15 s) it reads the utilisation of the last completed step's
// workload over the ready pods, proposes ceil(ready × utilisation / target) unless the
// ratio is within the tolerance (10 %), treats not-yet-ready pods as idle when scaling up
// (no change when that flips the direction), stabilises scale-down to the highest
// recommendation of the last 300 s, limits the rate (up: the larger of +100 % and +4 pods
// per 15 s; down: −100 % per 15 s), and clamps to minPods..maxPods. New pods serve after
// readySeconds. O(steps · step / syncSeconds · window / syncSeconds).
import { Timeline } from './timeline.js';
import type { Relation } from '../relation.js';

export interface ScalingPolicy { type: 'Pods' | 'Percent'; value: number; periodSeconds: number }
export interface HpaBehavior {
  tolerance: number;
  syncSeconds: number;
  scaleUp: { stabilizationWindowSeconds: number; policies: ScalingPolicy[]; selectPolicy: 'Max' | 'Min' };
  scaleDown: { stabilizationWindowSeconds: number; policies: ScalingPolicy[]; selectPolicy: 'Max' | 'Min' };
}

/** The defaults of the Kubernetes documentation ("Default Behavior"). */
export const HPA_DEFAULTS: HpaBehavior = {
  tolerance: 0.1,
  syncSeconds: 15,
  scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }] },
  scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
};

export interface ReactiveInput {
  /** Actual workload of the replayed steps (null: missing, the metric is missing). */
  workload: ArrayLike<number | null>;
  /** Workload of the step before the first replayed one (the first metric). */
  before: number | null;
  step: number;
  relation: Relation;
  target: number;
  minPods: number;
  maxPods: number;
  initialPods: number;
  readySeconds: number;
  /**
   * A planned floor per replayed step (the forecast plan as a moving minReplicas, as
   * predictive autoscalers such as Crane's EHPA combine a forecast with HPA): at each sync
   * the replicas are at least the floor of the step that starts within readySeconds, so
   * planned pods are ready when their step begins.
   */
  floor?: ArrayLike<number>;
}

/** Per replayed step: mean requested pods and mean ready pods; scaling operations. */
export interface ReactiveTrace { pods: Float64Array; ready: Float64Array; actions: number }

/** `skipIdle` (default true) skips syncs that provably change nothing (test/autoscaling.replay.test.ts compares both). */
export function replayHpa(inp: ReactiveInput, behavior: HpaBehavior = HPA_DEFAULTS, skipIdle = true): ReactiveTrace {
  const { workload, step, relation, target, minPods, maxPods, floor, readySeconds } = inp;
  const H = workload.length;
  const tl = new Timeline(inp.initialPods, inp.readySeconds);
  const pods = new Float64Array(H);
  const ready = new Float64Array(H);
  const sync = behavior.syncSeconds;
  // recommendations kept while inside the longer window, in a ring buffer: time, replicas
  const keep = Math.max(behavior.scaleUp.stabilizationWindowSeconds, behavior.scaleDown.stabilizationWindowSeconds);
  const recCap = Math.ceil(keep / sync) + 2;
  const recT = new Float64Array(recCap);
  const recV = new Float64Array(recCap);
  let recHead = 0, recLen = 0;
  // scale events kept while inside the longest policy period: time, +added / −removed
  const period = Math.max(longestPeriod(behavior.scaleUp.policies), longestPeriod(behavior.scaleDown.policies));
  const events: Events = { t: new Float64Array(Math.ceil(period / sync) + 2), d: new Float64Array(Math.ceil(period / sync) + 2), head: 0, len: 0 };
  const upWin = behavior.scaleUp.stabilizationWindowSeconds;
  const downWin = behavior.scaleDown.stabilizationWindowSeconds;
  let k = 0; // next sync index
  for (let t = 0; t < H; t++) {
    const end = (t + 1) * step;
    for (; k * sync < end; k++) {
      const now = k * sync;
      tl.advance(now);
      const last = Math.floor(now / step) - 1;
      const w = last >= 0 ? workload[last] ?? null : inp.before;
      const current = tl.spec;
      let desired = current;
      if (w !== null && tl.ready > 0) desired = proposal(w, tl.ready, tl.unready, current, relation, target, behavior.tolerance);
      else if (w !== null && tl.ready === 0 && current === 0 && w > 0) desired = Math.max(1, minPods); // scale from zero
      // stabilisation (the proposal is stored before it is stabilised, as the controller does)
      while (recLen && !(recT[recHead]! > now - keep)) { recHead = (recHead + 1) % recCap; recLen--; }
      let up = desired;
      let down = desired;
      for (let j = 0; j < recLen; j++) {
        const at = (recHead + j) % recCap;
        const ts = recT[at]!;
        const r = recV[at]!;
        if (ts > now - upWin && r < up) up = r;
        if (ts > now - downWin && r > down) down = r;
      }
      if (keep > 0) {
        if (recLen === recCap) { recHead = (recHead + 1) % recCap; recLen--; }
        const at = (recHead + recLen) % recCap;
        recT[at] = now; recV[at] = desired; recLen++;
      }
      let rec = current;
      if (rec < up) rec = up;
      if (rec > down) rec = down;
      // rate limits and bounds
      while (events.len && !(events.t[events.head]! > now - period)) { events.head = (events.head + 1) % events.t.length; events.len--; }
      if (rec > current) rec = Math.min(rec, scaleUpLimit(current, events, now, behavior.scaleUp), maxPods);
      else if (rec < current) rec = Math.max(rec, scaleDownLimit(current, events, now, behavior.scaleDown), minPods);
      rec = Math.min(maxPods, Math.max(minPods, rec));
      const base = rec;
      if (floor) {
        const ahead = Math.min(H - 1, Math.floor((now + readySeconds) / step));
        const t0 = Math.min(H - 1, Math.floor(now / step));
        rec = Math.max(rec, floor[t0]!, floor[ahead]!);
      }
      if (rec !== current) {
        if (events.len === events.t.length) { events.head = (events.head + 1) % events.t.length; events.len--; }
        const at = (events.head + events.len) % events.t.length;
        events.t[at] = now; events.d[at] = rec - current; events.len++;
        tl.scaleTo(rec);
      } else if (skipIdle && tl.unready === 0 && (desired === current || events.len === 0)) {
        // A fixed point until the next step's metric: the same metric over the same ready
        // pods proposes `desired` again; with every stored recommendation equal to it, the
        // stabilised count is `desired` whichever of them are inside the windows; the rate
        // limits (called only when that differs from `current`) see no scale event in their
        // periods (none now, none added while nothing scales), so `base` stays as it is,
        // and the count stays `current` at every later sync of this step (with a floor: up
        // to the first sync whose floor lifts it). Skip those syncs; the recommendation
        // stored at this sync, moved to the last skipped one, stands for theirs (all equal).
        let same = true;
        for (let j = 0; j < recLen && same; j++) same = recV[(recHead + j) % recCap] === desired;
        let lastSync = Math.ceil(end / sync) - 1;
        if (same && lastSync > k && floor) {
          // the floor the later syncs read (the same expressions as above), up to the first one that changes the count
          let j = k + 1;
          for (; j <= lastSync; j++) {
            const at = j * sync;
            if (Math.max(base, floor[Math.min(H - 1, Math.floor(at / step))]!, floor[Math.min(H - 1, Math.floor((at + readySeconds) / step))]!) !== current) break;
          }
          lastSync = j - 1;
        }
        if (same && lastSync > k) {
          if (recLen) recT[(recHead + recLen - 1) % recCap] = lastSync * sync;
          k = lastSync;
        }
      }
    }
    tl.advance(end);
    const s = tl.takeStep();
    pods[t] = s.specSeconds / step;
    ready[t] = s.readySeconds / step;
  }
  return { pods, ready, actions: tl.actions };
}

/** The replica calculator's proposal for a utilisation metric (ready pods measured, unready pods idle when scaling up). */
export function proposal(w: number, ready: number, unready: number, current: number, rel: Relation, target: number, tolerance: number): number {
  const u = rel.util(w, ready);
  const ratio = u / target;
  if (Math.abs(1 - ratio) <= tolerance) return current;
  if (unready > 0 && ratio > 1) {
    // not-yet-ready pods count as 0 % used; no change if that changes the direction
    const newRatio = (u * ready) / ((ready + unready) * target);
    if (Math.abs(1 - newRatio) <= tolerance || newRatio < 1) return current;
    const n = Math.ceil(newRatio * (ready + unready) - 1e-9);
    return n < current ? current : n;
  }
  const n = Math.ceil(ratio * ready - 1e-9);
  if (ratio < 1 && n > current) return current;
  if (ratio > 1 && n < current) return current;
  return n;
}

/** The longest period of the policies, at least 0 (a plain loop: no arrays made per replay). */
function longestPeriod(policies: readonly ScalingPolicy[]): number {
  let m = 0;
  for (let i = 0; i < policies.length; i++) if (policies[i]!.periodSeconds > m) m = policies[i]!.periodSeconds;
  return m;
}

interface Events { t: Float64Array; d: Float64Array; head: number; len: number }

function changeInPeriod(ev: Events, now: number, period: number, sign: 1 | -1): number {
  let s = 0;
  for (let j = 0; j < ev.len; j++) {
    const at = (ev.head + j) % ev.t.length;
    const d = ev.d[at]!;
    if (ev.t[at]! > now - period && Math.sign(d) === sign) s += Math.abs(d);
  }
  return s;
}

function scaleUpLimit(current: number, events: Events, now: number, rules: HpaBehavior['scaleUp']): number {
  let limit = rules.selectPolicy === 'Max' ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(events, now, p.periodSeconds, 1);
    const l = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    limit = rules.selectPolicy === 'Max' ? Math.max(limit, l) : Math.min(limit, l);
  }
  return limit;
}

function scaleDownLimit(current: number, events: Events, now: number, rules: HpaBehavior['scaleDown']): number {
  let limit = rules.selectPolicy === 'Max' ? Infinity : -Infinity;
  for (const p of rules.policies) {
    const start = current + changeInPeriod(events, now, p.periodSeconds, -1);
    const l = p.type === 'Pods' ? start - p.value : Math.ceil(start * (1 - p.value / 100));
    limit = rules.selectPolicy === 'Max' ? Math.min(limit, l) : Math.max(limit, l);
  }
  return limit;
}
