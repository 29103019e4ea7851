// Independent check of the replay (docs/autoscaling.md, "Replay", "HPA", "Autopilot"); part
// of the autoscaling checker, so it shares no code with the solver. From the instance and the
// solution's per-pod relations it replays hpa, autopilot, static and oracle itself: the HPA
// sync by sync (every 15 s, none skipped), the pods as batches with the time they turn ready,
// integrated in closed form per step. Without the top-up, the plans known ahead (the forecast
// policies, forecast-tuned) are replayed from the solution's own counts, and the forecast plan
// as HPA's moving floor (+hpa, +guard) from forecast-saving's and forecast-balanced's counts.
// Then every policy row: pod-hours, scaling actions, under-provisioned steps and share, the
// misses at jump steps, kWh; the jump steps, the services' names and held-out values.
// With the top-up the early counts are not in the solution: the forecast policies' rows are
// bounded from their late counts (kWh exact), the floored hpa rows' (+hpa, +guard) from their
// rounded counts (no kWh).
// The tune's backtest of hpa (tuning.goal, tuning.adapt) is replayed the same way.

import { quote } from '../../check/quote.js';
import { nearWithin } from '../../check/near.js';

/** The replay's relation: workload per pod = w · utilisation + b; `at` the workload per pod at the target (w + b at 100 %). */
export interface CheckRel { w: number; b: number; at: number }

/** The HPA's documented defaults (docs/autoscaling.md, "HPA"), written out here once more. */
const SYNC = 15;
const TOLERANCE = 0.1;
const DOWN_WINDOW = 300;
const UP_PERCENT = 100;
const UP_PODS = 4;
const DOWN_PERCENT = 100;
const RATE_PERIOD = 15;
/** Autopilot as we read it: the peak of the last hour of completed steps, plus 10 %. */
const AUTOPILOT_WINDOW = 3600;
const AUTOPILOT_MARGIN = 0.1;
/** "Above maxUtilization" allows the solver's relative 1e-9; a step within 1e-7 of that line may count either way. */
const OVER = 1e-9;
const BAND = 1e-7;

export interface Run { pods: Float64Array; ready: Float64Array; podSeconds: number; actions: number }

const utilOf = (x: number, n: number, rel: CheckRel): number => (n > 0 ? Math.max(0, (x / n - rel.b) / rel.w) : x > 0 ? Infinity : 0);

/** Pods for workload x at capacity c: ceil with a relative 1e-9 guard, at least 1 for a positive x, within min..max. */
export function podsAt(x: number, c: number, min: number, max: number): number {
  const clamp = (n: number) => Math.min(max, Math.max(min, n));
  if (!(c > 0)) return x > 0 ? max : min;
  const r = x / c;
  if (r === Infinity) return max;
  return clamp(x > 0 ? Math.max(1, Math.ceil(r - 1e-9 * Math.max(1, r))) : 0);
}

const lastKnown = (xs: readonly unknown[]): number | null => {
  for (let i = xs.length - 1; i >= 0; i--) if (typeof xs[i] === 'number') return xs[i] as number;
  return null;
};

/** Pods as batches in the order they were started, each with the time it serves from. */
class Pods {
  private batches: { at: number; n: number }[];
  private clock = 0;
  spec: number;
  specSeconds = 0;
  readySeconds = 0;
  actions = 0;
  constructor(initial: number, private readonly delay: number) {
    this.batches = [{ at: -Infinity, n: initial }];
    this.spec = initial;
  }
  /** Integrate requested and ready pods up to `to`. */
  run(to: number): void {
    const from = this.clock;
    if (to <= from) return;
    this.specSeconds += this.spec * (to - from);
    for (const b of this.batches) if (b.at < to) this.readySeconds += b.n * (to - Math.max(from, b.at));
    this.clock = to;
    // batches serving by now merge into the first (they are the oldest: batches serve in start order)
    while (this.batches.length > 1 && this.batches[1]!.at <= to) this.batches[0]!.n += this.batches.splice(1, 1)[0]!.n;
  }
  /** Pods serving at the clock. */
  ready(): number {
    let r = 0;
    for (const b of this.batches) if (b.at <= this.clock) r += b.n;
    return r;
  }
  /** Request n pods at the clock: new ones serve after the delay; fewer remove the latest started first. */
  set(n: number): void {
    if (n === this.spec) return;
    this.actions++;
    if (n > this.spec) this.batches.push({ at: this.clock + this.delay, n: n - this.spec });
    else {
      let drop = this.spec - n;
      while (drop > 0) {
        const last = this.batches[this.batches.length - 1]!;
        const k = Math.min(drop, last.n);
        last.n -= k;
        drop -= k;
        if (last.n === 0 && this.batches.length > 1) this.batches.pop();
      }
    }
    this.spec = n;
  }
  /** The step's means (pod-seconds ÷ step), then reset. */
  take(step: number): [number, number] {
    const r: [number, number] = [this.specSeconds / step, this.readySeconds / step];
    this.specSeconds = 0;
    this.readySeconds = 0;
    return r;
  }
}

export interface ReactiveIn {
  actual: readonly (number | null)[];
  history: readonly unknown[];
  step: number;
  rel: CheckRel;
  target: number;
  min: number;
  max: number;
  readySeconds: number;
  floor?: readonly number[];
}

const initialOf = (inp: Pick<ReactiveIn, 'history' | 'rel' | 'min' | 'max'>): number => podsAt(lastKnown(inp.history) ?? 0, inp.rel.at, inp.min, inp.max);

/** HPA, every sync replayed: proposal, tolerance, scale-down stabilisation, rate limits, bounds, the floor. */
export function hpaRun(inp: ReactiveIn): Run {
  const { actual, step, rel, target, min, max, floor } = inp;
  const H = actual.length;
  const before = lastKnown(inp.history);
  const p = new Pods(initialOf(inp), inp.readySeconds);
  const pods = new Float64Array(H), ready = new Float64Array(H);
  // the recommendations of the scale-down window as a monotone queue (the classic sliding-window
  // maximum: each one dropped once a later one is at least as high, so the first is the highest),
  // and the scale events of the rate period in time order; rings of at most window ÷ SYNC + 2
  // (one entry per sync at most); [qh, qh + qn) and [eh, eh + en) are inside their windows
  const RC = Math.ceil(DOWN_WINDOW / SYNC) + 2, EC = Math.ceil(RATE_PERIOD / SYNC) + 2;
  const qT = new Float64Array(RC), qV = new Float64Array(RC), evT = new Float64Array(EC), evD = new Float64Array(EC);
  let qh = 0, qn = 0, eh = 0, en = 0;
  let podSeconds = 0;
  for (let t = 0, k = 0; t < H; t++) {
    const end = (t + 1) * step;
    for (; k * SYNC < end; k++) {
      const now = k * SYNC;
      p.run(now);
      const cur = p.spec;
      const r = p.ready();
      const i = Math.floor(now / step) - 1;
      const w = i >= 0 ? actual[i] ?? null : before;
      let desired = cur;
      if (w !== null && r > 0) {
        const u = utilOf(w, r, rel);
        const ratio = u / target;
        if (Math.abs(1 - ratio) > TOLERANCE) {
          if (cur - r > 0 && ratio > 1) {
            // pods not ready yet count as idle: no change if that turns the direction
            const r2 = (u * r) / (cur * target);
            if (!(Math.abs(1 - r2) <= TOLERANCE || r2 < 1)) desired = Math.max(cur, Math.ceil(r2 * cur - 1e-9));
          } else {
            const n = Math.ceil(ratio * r - 1e-9);
            desired = (ratio < 1 && n > cur) || (ratio > 1 && n < cur) ? cur : n;
          }
        }
      } else if (w !== null && r === 0 && cur === 0 && w > 0) desired = Math.max(1, min);
      while (qn && !(qT[qh]! > now - DOWN_WINDOW)) { qh = (qh + 1) % RC; qn--; }
      // scale-down stabilised to the highest recommendation of the window, this one included
      let next = desired;
      if (desired < cur) next = Math.min(cur, qn ? Math.max(desired, qV[qh]!) : desired);
      while (qn && qV[(qh + qn - 1) % RC]! <= desired) qn--;
      qT[(qh + qn) % RC] = now; qV[(qh + qn) % RC] = desired; qn++;
      while (en && !(evT[eh]! > now - RATE_PERIOD)) { eh = (eh + 1) % EC; en--; }
      if (next > cur) {
        let added = 0;
        for (let j = 0; j < en; j++) { const d = evD[(eh + j) % EC]!; if (d > 0) added += d; }
        const start = cur - added;
        next = Math.min(next, Math.max(Math.ceil(start * (1 + UP_PERCENT / 100)), start + UP_PODS), max);
      } else if (next < cur) {
        let removed = 0;
        for (let j = 0; j < en; j++) { const d = evD[(eh + j) % EC]!; if (d < 0) removed -= d; }
        next = Math.max(next, Math.ceil((cur + removed) * (1 - DOWN_PERCENT / 100)), min);
      }
      next = Math.min(max, Math.max(min, next));
      if (floor) next = Math.max(next, floor[Math.min(H - 1, Math.floor(now / step))]!, floor[Math.min(H - 1, Math.floor((now + inp.readySeconds) / step))]!);
      if (next !== cur) { evT[(eh + en) % EC] = now; evD[(eh + en) % EC] = next - cur; en++; p.set(next); }
    }
    p.run(end);
    [pods[t], ready[t]] = p.take(step);
    podSeconds += pods[t]! * step;
  }
  return { pods, ready, podSeconds, actions: p.actions };
}

/** Autopilot: at each step's start, ceil((1 + margin) × the peak of the last hour's completed steps ÷ the capacity at the target). */
export function autopilotRun(inp: ReactiveIn): Run {
  const { actual, history, step, rel, min, max } = inp;
  const H = actual.length;
  const K = Math.max(1, Math.round(AUTOPILOT_WINDOW / step));
  const p = new Pods(initialOf(inp), inp.readySeconds);
  const pods = new Float64Array(H), ready = new Float64Array(H);
  let podSeconds = 0;
  for (let t = 0; t < H; t++) {
    p.run(t * step);
    let peak = -1;
    for (let j = t - K; j < t; j++) {
      const x = j >= 0 ? actual[j] : history[history.length + j];
      if (typeof x === 'number' && x > peak) peak = x;
    }
    if (peak >= 0) p.set(podsAt((1 + AUTOPILOT_MARGIN) * (peak / rel.at), 1, min, max));
    p.run((t + 1) * step);
    [pods[t], ready[t]] = p.take(step);
    podSeconds += pods[t]! * step;
  }
  return { pods, ready, podSeconds, actions: p.actions };
}

/** A plan known ahead: its pods serve the whole step; scale-ups start readySeconds early and are paid. */
export function plannedRun(plan: readonly number[], initial: number, step: number, readySeconds: number): Run {
  const pods = Float64Array.from(plan);
  let podSeconds = 0, actions = 0, prev = initial;
  for (const n of plan) {
    podSeconds += n * step + Math.max(0, n - prev) * readySeconds;
    if (n !== prev) actions++;
    prev = n;
  }
  return { pods, ready: pods, podSeconds, actions };
}

/** 2 when utilisation u is surely above maxUtilization, 1 when within BAND of the line (either way), else 0. */
const over = (u: number, maxU: number): number => {
  const line = maxU * (1 + OVER);
  return u > line * (1 + BAND) ? 2 : u > line * (1 - BAND) ? 1 : 0;
};

/**
 * Jump steps (docs/autoscaling.md, "Why the goals stay out of reach"), 2 sure, 1 undecided: the
 * pods that ran the previous known value at the target (the history's last one first) run this one
 * above maxUtilization.
 */
export function jumpsOf(actual: readonly (number | null)[], history: readonly unknown[], rel: CheckRel, min: number, max: number, maxU: number): Uint8Array {
  const out = new Uint8Array(actual.length);
  let prev = lastKnown(history);
  for (let t = 0; t < actual.length; t++) {
    const x = actual[t];
    if (typeof x !== 'number') continue;
    if (prev !== null) out[t] = over(utilOf(x, podsAt(prev, rel.at, min, max), rel), maxU);
    prev = x;
  }
  return out;
}

/**
 * Under-provisioned steps: [sure, sure + maybe] (maybe: within BAND of the line), the measured
 * steps, and of the misses the jump steps: [jSure, jMax].
 */
export function missesOf(ready: ArrayLike<number>, actual: readonly (number | null)[], rel: CheckRel, maxU: number, jumps?: Uint8Array): { sure: number; maybe: number; measured: number; jSure: number; jMax: number } {
  let sure = 0, maybe = 0, measured = 0, jSure = 0, jMax = 0;
  for (let t = 0; t < actual.length; t++) {
    const x = actual[t];
    if (typeof x !== 'number') continue;
    measured++;
    const o = over(utilOf(x, ready[t]!, rel), maxU);
    if (o === 2) sure++;
    else if (o === 1) maybe++;
    const j = jumps?.[t] ?? 0;
    if (o === 2 && j === 2) jSure++;
    if (o && j) jMax++;
  }
  return { sure, maybe, measured, jSure, jMax };
}

export interface Energy { podCores: number; serverCores: number; idleWatts: number; peakWatts: number; pue: number; kgCO2PerKWh: number }

/**
 * One step of the energy model (docs/autoscaling.md, "Energy"): `cores` requested, `busy` of them
 * busy (> 0 cores). Servers: the cores packed cluster-wide (a positive load needs one); kWh: their
 * power at the cluster's utilisation, × PUE, for `hours`. The plan's totals (check.ts) and every
 * replayed row use it.
 */
export function stepEnergy(cores: number, busy: number, hours: number, e: Energy): { servers: number; kWh: number } {
  const servers = Math.max(1, Math.ceil(cores / e.serverCores - 1e-9));
  return { servers, kWh: (servers * (e.idleWatts + (e.peakWatts - e.idleWatts) * (busy / cores)) * e.pue * hours) / 1000 };
}

/** kWh of the services' pods serving their actual workload (docs/autoscaling.md, "Energy"). */
function kWhOf(runs: { pods: ArrayLike<number>; actual: readonly (number | null)[]; atFull: number }[], H: number, step: number, e: Energy): number {
  let kWh = 0;
  for (let t = 0; t < H; t++) {
    let cores = 0, busy = 0;
    for (const r of runs) {
      const n = r.pods[t]!;
      if (!(n > 0)) continue;
      const x = r.actual[t];
      cores += n * e.podCores;
      busy += n * e.podCores * (typeof x === 'number' && r.atFull > 0 ? Math.min(1, Math.max(0, x / (n * r.atFull))) : 0);
    }
    if (cores > 0) kWh += stepEnergy(cores, busy, step / 3600, e).kWh;
  }
  return kWh;
}

const FLOORED: Record<string, { plan: string; guard: boolean }> = {
  'forecast-saving+hpa': { plan: 'forecast-saving', guard: false },
  'forecast-balanced+hpa': { plan: 'forecast-balanced', guard: false },
  'forecast-saving+guard': { plan: 'forecast-saving', guard: true },
  'forecast-balanced+guard': { plan: 'forecast-balanced', guard: true },
};
const PLANNED = ['forecast-saving', 'forecast-balanced', 'forecast-safe'];
const near = nearWithin(1e-6);

export interface ReplayCheckIn {
  services: { name?: string; workload: readonly (number | null)[]; minPods?: number; maxPods?: number }[];
  rels: CheckRel[];
  step: number;
  H: number;
  target: number;
  maxU: number;
  readySeconds: number;
  topUp: boolean;
  tuned: boolean;
  energy: Energy;
}

/**
 * What the checker knows of one row, summed over the services: pod-seconds, actions, misses
 * and misses at jump steps, each as [lo, hi] (equal bounds, up to rounding, where the row is
 * replayed; looser ones where the top-up hides the early counts), and the runs its kWh is
 * recomputed from (null: not recomputed).
 */
interface Row { ps: [number, number]; actions: [number, number]; miss: [number, number]; jump: [number, number]; runs: { pods: ArrayLike<number>; actual: (number | null)[]; atFull: number }[] | null }

/** The evaluation's rows and per-service counts against the checker's own replay: null when they agree, else the reason. */
export function checkReplay(ev: any, c: ReplayCheckIn): string | null {
  const { step, H } = c;
  const names = ['hpa', 'autopilot', 'static', ...PLANNED, ...Object.keys(FLOORED), 'oracle', ...(c.tuned ? ['forecast-tuned'] : [])];
  const got: string[] = (ev.policies ?? []).map((p: any) => p?.policy);
  if (got.length !== names.length || names.some((n) => !got.includes(n))) return `evaluation.policies are ${got.join(', ')}; expected ${names.join(', ')}`;
  if (!Array.isArray(ev.services) || ev.services.length !== c.services.length) return `evaluation.services has ${ev.services?.length} entries, expected ${c.services.length}`;
  const rows = new Map<string, Row>();
  for (const n of names) rows.set(n, { ps: [0, 0], actions: [0, 0], miss: [0, 0], jump: [0, 0], runs: [] });
  const add = (r: Row, k: 'ps' | 'actions' | 'miss' | 'jump', lo: number, hi: number) => { r[k][0] += lo; r[k][1] += hi; };
  let jSure = 0, jMaybe = 0, measured = 0;
  for (let i = 0; i < c.services.length; i++) {
    const s = c.services[i]!;
    const rel = c.rels[i]!;
    const L = s.workload.length;
    const actual = s.workload.slice(L - H).map((x) => (typeof x === 'number' ? x : null));
    const history = s.workload.slice(0, L - H);
    const got = ev.services[i];
    if (got?.name !== (s.name ?? String(i))) return `evaluation.services[${i}].name is ${quote(got?.name)}, expected ${quote(s.name ?? String(i))}`;
    if (!Array.isArray(got?.actual) || got.actual.length !== H || got.actual.some((x: unknown, t: number) => x !== actual[t])) return `evaluation.services[${i}].actual is not the last ${H} values of the workload`;
    const keys = got.pods && typeof got.pods === 'object' ? Object.keys(got.pods) : [];
    if (keys.length !== names.length || keys.some((k) => !names.includes(k))) return `evaluation.services[${i}].pods has ${keys.join(', ')}; expected ${names.join(', ')}`;
    for (const x of actual) if (x !== null) measured++;
    const min = s.minPods ?? 1, max = s.maxPods ?? 1_000_000;
    const jumps = jumpsOf(actual, history, rel, min, max, c.maxU);
    for (const j of jumps) { if (j === 2) jSure++; else if (j === 1) jMaybe++; }
    const inp: ReactiveIn = { actual, history, step, rel, target: c.target, min, max, readySeconds: c.readySeconds };
    const initial = initialOf(inp);
    // every policy's counts, H numbers each
    const cnt = new Map<string, number[]>();
    for (const p of names) {
      const x = got.pods[p];
      if (!Array.isArray(x) || x.length !== H || !x.every((v: unknown) => typeof v === 'number')) return `evaluation.services[${i}].pods.${p} is not ${H} numbers`;
      cnt.set(p, x);
    }
    const counts = (p: string): number[] => cnt.get(p)!;
    // the plans' counts are whole pods within the bounds
    const plans = [...PLANNED, ...(c.tuned ? ['forecast-tuned'] : [])];
    for (const p of plans) {
      const t = counts(p).findIndex((n) => !Number.isInteger(n) || n < min || n > max);
      if (t >= 0) return `evaluation.services[${i}].pods.${p}[${t}] = ${counts(p)[t]}, not a whole count in ${min}..${max}`;
    }
    const runs = new Map<string, Run | null>([['hpa', hpaRun(inp)], ['autopilot', autopilotRun(inp)]]);
    let peak = 0;
    const day = Math.max(1, Math.round(86_400 / step));
    for (let j = Math.max(0, history.length - day); j < history.length; j++) { const x = history[j]; if (typeof x === 'number' && x > peak) peak = x; }
    runs.set('static', plannedRun(new Array<number>(H).fill(podsAt(peak, rel.at, min, max)), initial, step, c.readySeconds));
    const oracle: number[] = [];
    for (let t = 0, prev = initial; t < H; t++) { const x = actual[t]; prev = x === null ? prev : podsAt(x, rel.at, min, max); oracle.push(prev); }
    runs.set('oracle', plannedRun(oracle, initial, step, c.readySeconds));
    for (const p of plans) runs.set(p, c.topUp ? null : plannedRun(counts(p), initial, step, c.readySeconds));
    for (const [p, f] of Object.entries(FLOORED)) {
      runs.set(p, c.topUp ? null : hpaRun({ ...inp, target: f.guard ? (c.target + c.maxU) / 2 : c.target, floor: counts(f.plan) }));
    }
    const atFull = rel.w + rel.b;
    for (const p of names) {
      const x = counts(p);
      const r = runs.get(p)!;
      const row = rows.get(p)!;
      if (r) {
        for (let t = 0; t < H; t++) if (!(Math.abs(x[t]! - r.pods[t]!) <= 5e-4 + 1e-9 * Math.max(1, r.pods[t]!))) return `evaluation.services[${i}].pods.${p}[${t}] = ${x[t]}, replayed ${r.pods[t]}`;
        const m = missesOf(r.ready, actual, rel, c.maxU, jumps);
        add(row, 'ps', r.podSeconds, r.podSeconds); add(row, 'actions', r.actions, r.actions);
        add(row, 'miss', m.sure, m.sure + m.maybe); add(row, 'jump', m.jSure, m.jMax);
        row.runs?.push({ pods: r.pods, actual, atFull });
      } else if (p in FLOORED) {
        // top-up, a floored hpa: its counts are rounded means of a replay whose floor (the early
        // plan) is not in the solution; pod-seconds within the rounding, misses at least those
        // that even count + 5e-4 ready pods would run surely over (ready pods are never more)
        let lo = 0, hi = 0;
        for (const n of x) { lo += Math.max(0, n - 5e-4) * step; hi += (n + 5e-4) * step; }
        const m = missesOf(x.map((n) => n + 5e-4), actual, rel, c.maxU, jumps);
        add(row, 'ps', lo, hi); add(row, 'actions', 0, Infinity); add(row, 'miss', m.sure, Infinity); add(row, 'jump', m.jSure, Infinity);
        row.runs = null;
      } else {
        // top-up, a forecast policy: its counts are the late ones (docs/autoscaling.md, "Top-up");
        // each step pays at least them, every change of them is an action, and the ready pods lie
        // between the late count and the pods already there plus the late ones above them that
        // turn ready within the step
        const frac = Math.max(0, 1 - c.readySeconds / step);
        const readyLo: number[] = [];
        let ps = 0, changes = 0, prev = initial;
        for (const n of x) {
          ps += n * step;
          if (n !== prev) changes++;
          readyLo.push(n <= prev ? n : prev + (n - prev) * frac);
          prev = n;
        }
        const most = missesOf(readyLo, actual, rel, c.maxU, jumps), least = missesOf(x, actual, rel, c.maxU, jumps);
        add(row, 'ps', ps, Infinity); add(row, 'actions', changes, Infinity); add(row, 'miss', least.sure, most.sure + most.maybe); add(row, 'jump', least.jSure, most.jMax);
        row.runs?.push({ pods: x, actual, atFull });
      }
    }
  }
  const J = ev.jumpSteps;
  if (!Number.isInteger(J) || J < jSure || J > jSure + jMaybe) return `evaluation.jumpSteps is ${J}, replayed ${jSure}${jMaybe ? `..${jSure + jMaybe}` : ''}`;
  const range = (b: [number, number], f = (v: number) => String(v)) => (b[0] === b[1] ? f(b[0]) : `${f(b[0])}..${b[1] === Infinity ? '' : f(b[1])}`);
  for (const p of names) {
    const row = rows.get(p)!;
    const r = (ev.policies as any[]).find((x) => x.policy === p);
    if (row.runs) {
      const kWh = kWhOf(row.runs, H, step, c.energy);
      if (!near(r.kWh, kWh)) return `evaluation: ${p}.kWh is ${r.kWh}, replayed ${kWh}`;
    }
    const ph = r.podHours, [lo, hi] = row.ps;
    if (typeof ph !== 'number' || !(lo === hi ? near(ph, lo / 3600) : ph >= (lo / 3600) * (1 - 1e-9) && ph <= (hi / 3600) * (1 + 1e-9))) return `evaluation: ${p}.podHours is ${ph}, replayed ${range(row.ps, (v) => String(v / 3600))}`;
    const a = r.actions;
    if (!Number.isInteger(a) || a < row.actions[0] || a > row.actions[1]) return `evaluation: ${p}.actions is ${a}, replayed ${range(row.actions)}`;
    const k = r.underProvisionedSteps;
    if (!Number.isInteger(k) || k < row.miss[0] || k > Math.min(measured, row.miss[1])) return `evaluation: ${p}.underProvisionedSteps is ${k}, replayed ${range([row.miss[0], Math.min(measured, row.miss[1])])}`;
    if (!near(r.underProvisioned, measured ? k / measured : 0)) return `evaluation: ${p}.underProvisioned is ${r.underProvisioned}, expected ${k} of ${measured} measured steps`;
    const uj = r.underProvisionedJumps, ujMax = Math.min(k, row.jump[1], jSure + jMaybe);
    if (!Number.isInteger(uj) || uj < row.jump[0] || uj > ujMax) return `evaluation: ${p}.underProvisionedJumps is ${uj}, replayed ${range([row.jump[0], ujMax])} (the misses at jump steps)`;
  }
  return null;
}

/** hpa on the tune's backtest (docs/autoscaling.md, "Tuning to a goal"): pod-hours and [sure, sure + undecided] misses. */
export function backtestHpa(c: Omit<ReplayCheckIn, 'topUp' | 'tuned' | 'energy'>, W: number, off: number): { podHours: number; sure: number; maybe: number } {
  let ps = 0, sure = 0, maybe = 0;
  for (let j = 1; j <= W; j++) {
    c.services.forEach((s, i) => {
      const cut = s.workload.length - off - j * c.H;
      const history = s.workload.slice(0, cut);
      if (lastKnown(history) === null) return; // no known value before this window
      const actual = s.workload.slice(cut, cut + c.H).map((x) => (typeof x === 'number' ? x : null));
      const rel = c.rels[i]!;
      const r = hpaRun({ actual, history, step: c.step, rel, target: c.target, min: s.minPods ?? 1, max: s.maxPods ?? 1_000_000, readySeconds: c.readySeconds });
      const m = missesOf(r.ready, actual, rel, c.maxU);
      ps += r.podSeconds; sure += m.sure; maybe += m.maybe;
    });
  }
  return { podHours: ps / 3600, sure, maybe };
}
