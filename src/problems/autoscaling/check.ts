// Independent checker for autoscaling solutions (shares no code with the solver): it reads
// the raw JSON, recomputes every pod count from the forecast and per-pod quantiles the
// solution reports (pods = ceil(workload quantile / capacity quantile) within
// minPods..maxPods), checks that the smoothed plan never drops below the unsmoothed count,
// keeps maxStep and costs no more than the unsmoothed plan, and recomputes the energy
// totals with the formula and defaults of docs/autoscaling.md; with `tune`, the tuned (m, a) on
// the documented grid, windows and steps recomputed from the instance, and every pods.tuned = ceil(m · safe + a · mean pods) within the bounds;
// with tune.reactive, the buckets on the grid and every replayed forecast-tuned count recomputed from the workload (x2, bucket, the map);
// with evaluate, every policy row replayed by the checker itself (check-replay.ts), and hpa on the tune's backtest.
import type { CheckReport } from '../types.js';
import { quote } from '../../check/quote.js';
import { nearWithin } from '../../check/near.js';
import { checkReplay, backtestHpa, stepEnergy, type CheckRel } from './check-replay.js';

const REL = 1e-6;
const near = nearWithin(REL);
const DEFAULT_ENERGY = { podCores: 2, serverCores: 96, idleWatts: 180, peakWatts: 450, pue: 1.3, kgCO2PerKWh: 0.6157 };
const RISKS: Record<string, number> = { saving: 0.5, balanced: 0.8, safe: 0.95 };

/**
 * n is the pod count for workload f and capacity c (ceil, clamped), up to rounding; a
 * positive workload, however small, needs a pod (0 pods would run it at infinite
 * utilisation), unless `strict` is false (f itself within rounding of 0).
 */
/** The tune grid as docs/autoscaling.md states it: multipliers 0.15 · 1.05^k (k = 0, 1, …) up to 4, floors 0, 0.1, 0.25, 0.5, 1, 2. */
const onTuneGrid = (m: number, a: number): boolean => {
  const k = Math.round(Math.log(m / 0.15) / Math.log(1.05));
  return k >= 0 && Math.abs(0.15 * 1.05 ** k - m) <= 1e-9 * m && m <= 4 * (1 + 1e-12) && [0, 0.1, 0.25, 0.5, 1, 2].includes(a);
};

/** The reaction levels of the reactive family as docs/autoscaling.md states them. */
const REACTIVE_GRID = [0, 0.7, 0.9, 1, 1.1, 1.25];

/** The replay's relation (docs/autoscaling.md, "Replay"): workload per pod = w · utilisation + b; proportional to the capacity's mean when the line has no positive slope. */
function podRelation(pp: any, target: number): { w: number; b: number; at: number } {
  const at = pp.w * target + pp.b;
  if (pp.w > 0 && at > 0 && Number.isFinite(at)) return { w: pp.w, b: pp.b, at };
  const w = Math.max(pp.mean, 1e-300) / target;
  return { w, b: 0, at: w * target };
}

/**
 * The reactive family's signals, recomputed from the instance (docs/autoscaling.md, "Reactive
 * family"): per replayed step t (absolute index o + t), d = o + t − 1 − L; x2 = the highest of
 * the values at d − 2..d (missing: 0) and the last known value at or before d, ÷ the capacity at
 * the target; the bucket: 1 when a jump (the pods that ran the previous known value at the
 * target, ceil within the bounds, run the value above maxUtilization) lies at an index in
 * max(1, d − P + 1)..d. A jump test within rounding of its threshold is undecided: both
 * buckets are accepted there (`either`).
 */
function reactiveSignalsOf(wl: any[], o: number, H: number, rel: { w: number; b: number; at: number }, min: number, max: number, maxU: number, L: number, P: number) {
  const util = (x: number, n: number) => (n > 0 ? Math.max(0, (x / n - rel.b) / rel.w) : x > 0 ? Infinity : 0);
  const n = Math.max(0, o + H - 1 - L);
  const sure = new Uint8Array(n), maybe = new Uint8Array(n);
  let prev: number | null = null;
  for (let j = 0; j < n; j++) {
    const x = wl[j];
    if (typeof x !== 'number') continue;
    if (prev !== null) {
      const need = prev / rel.at;
      const lo = Math.min(max, Math.max(min, prev > 0 ? 1 : 0, Math.ceil(need * (1 - 1e-9) - 1e-12)));
      const hi = Math.min(max, Math.max(min, prev > 0 ? 1 : 0, Math.ceil(need * (1 + 1e-9) + 1e-12)));
      if (util(x, hi) > maxU * (1 + 1e-6)) sure[j] = 1;
      else if (util(x, lo) > maxU * (1 - 1e-6)) maybe[j] = 1;
    }
    prev = x;
  }
  const x2 = new Float64Array(H);
  const bucket = new Uint8Array(H);
  const either = new Uint8Array(H);
  for (let t = 0; t < H; t++) {
    const d = o + t - 1 - L;
    if (d < 0) continue;
    let hi = 0;
    for (let j = d; j >= 0; j--) if (typeof wl[j] === 'number') { hi = wl[j]; break; }
    for (let j = Math.max(0, d - 2); j <= d; j++) if (typeof wl[j] === 'number') hi = Math.max(hi, wl[j]);
    x2[t] = hi / rel.at;
    let s = false, m = false;
    for (let j = Math.max(1, d - P + 1); j <= d; j++) { if (sure[j]) s = true; if (maybe[j]) m = true; }
    if (s) bucket[t] = 1; else if (m) either[t] = 1;
  }
  return { x2, bucket, either };
}

/** n = ceil(max(m · x, r · x2) + a · u) within min..max, up to rounding (the solver's guard is 1e-9 · max(1, y): below 1e-9 it rounds to 0). */
function reactiveOk(n: number, x: number, x2: number, p: { multiplier: number; floor: number; reactive: number }, u: number, min: number, max: number, k = 1): boolean {
  if (!Number.isInteger(n)) return false;
  const y = k * (Math.max(p.multiplier * x, p.reactive > 0 ? p.reactive * x2 : 0) + p.floor * u);
  if (y === Infinity) return n === max;
  const lo = Math.min(max, Math.max(min, Math.ceil(y * (1 - 1e-9) - 1e-9)));
  const hi = Math.min(max, Math.max(min, Math.ceil(y * (1 + 1e-9) + 1e-12)));
  return n >= lo && n <= hi;
}

/**
 * tune.adapt's factor k of every replayed step (docs/autoscaling.md, "Online adaptation"),
 * recomputed from the solution's own forecast-tuned counts (without top-up: the counts are the
 * ready pods) and the workload: err_t = 1 when step t ran above maxUtilization; log k starts at
 * 0 and, from step t = L + 1 on, moves by gamma · (err_(t−1−L) − rate), within ±ln 4.
 */
function adaptFactors(x: number[], actual: any[], rel: { w: number; b: number }, maxU: number, L: number, gamma: number, rate: number): number[] {
  const err = x.map((n, t) => {
    const w = actual[t];
    if (typeof w !== 'number') return 0;
    const util = n > 0 ? Math.max(0, (w / n - rel.b) / rel.w) : w > 0 ? Infinity : 0;
    return util > maxU * (1 + 1e-9) ? 1 : 0;
  });
  const ks: number[] = [];
  let lk = 0;
  for (let t = 0; t < x.length; t++) {
    if (t - 1 - L >= 0) lk = Math.min(Math.log(4), Math.max(-Math.log(4), lk + gamma * (err[t - 1 - L]! - rate)));
    ks.push(Math.exp(lk));
  }
  return ks;
}

/** n = ceil(m · x + a · u) within min..max, up to rounding of m · x + a · u. */
function scaledOk(n: number, x: number, m: number, a: number, u: number, min: number, max: number, k = 1): boolean {
  if (!Number.isInteger(n)) return false;
  const y = k * (m * x + a * u);
  const lo = Math.min(max, Math.max(min, Math.ceil(y * (1 - 1e-9) - 1e-9)));
  const hi = Math.min(max, Math.max(min, Math.ceil(y * (1 + 1e-9) + 1e-12)));
  return n >= lo && n <= hi;
}

/** Mean pods of tune / safeScale: mean known workload ÷ the workload one pod carries at the target (w · target + b; the capacity's mean when that line has no positive slope). */
function meanPodsOf(values: any[], pp: any, target: number): number {
  let sum = 0, k = 0;
  for (const x of values) if (typeof x === 'number') { sum += x; k++; }
  const at = pp.w > 0 && pp.w * target + pp.b > 0 && Number.isFinite(pp.w * target + pp.b) ? pp.w * target + pp.b : Math.max(pp.mean, 1e-300);
  return k ? sum / k / at : 0;
}

function podsOk(n: number, f: number, c: number, min: number, max: number, strict = true): boolean {
  if (!Number.isInteger(n)) return false;
  if (!(c > 0)) return n === (f > 0 ? max : min);
  const x = f / c;
  const lo = Math.min(max, Math.max(min, strict && f > 0 ? 1 : 0, Math.ceil(x * (1 - 1e-9) - 1e-12)));
  const hi = Math.min(max, Math.max(min, Math.ceil(x * (1 + 1e-9) + 1e-12)));
  return n >= lo && n <= hi;
}

/** combine "joint": n is ceil of the q-quantile of workload / capacity, the deviations of both from their middles added as independent Gaussian spreads. */
function jointOk(n: number, fMid: number, fq: number, cMid: number, cq: number, up: boolean, min: number, max: number): boolean {
  if (!(cMid > 0)) return n === (fq > 0 ? max : min);
  const sdW = (fq - fMid) / cMid;
  const sdC = (fMid / cMid) * ((cMid - cq) / cMid);
  const spread = Math.hypot(sdW, sdC);
  const x = Math.max(0, fMid / cMid + (up ? 1 : -1) * spread);
  // below the middle, x may be a cancellation (middle − spread) that the solver's rounding puts at 0
  return podsOk(n, x, 1, min, max, up || x > 1e-12 * Math.max(fMid / cMid, spread));
}

export function checkAutoscaling(instance: any, solution: any): CheckReport {
  const fail = (reason: string): CheckReport => ({ valid: false, reason });
  try {
    if (!solution || solution.problem !== 'autoscaling') return fail('solution.problem is not "autoscaling"');
    if (solution.status !== 'ok') return fail(`solution.status is "${solution.status}", expected "ok"`);
    const svc: any[] = instance?.services ?? [];
    const step = instance.step ?? 300;
    const H = instance.horizon ?? Math.max(1, Math.round(86400 / step));
    const q = instance.risk === undefined ? 0.8 : typeof instance.risk === 'number' ? instance.risk : RISKS[instance.risk];
    const joint = instance.combine === 'joint';
    const alpha = instance.alpha ?? 1;
    if (solution.horizon !== H) return fail(`horizon is ${solution.horizon}, expected ${H}`);
    if (!near(solution.risk, q)) return fail(`risk is ${solution.risk}, expected ${q}`);
    if (!Array.isArray(solution.services) || solution.services.length !== svc.length) return fail(`solution has ${solution.services?.length} services, instance has ${svc.length}`);
    if (solution.step !== step) return fail(`step is ${quote(solution.step)}, expected ${step}`);
    if (!near(solution.targetUtilization, instance.targetUtilization ?? 0.6)) return fail(`targetUtilization is ${quote(solution.targetUtilization)}, expected ${instance.targetUtilization ?? 0.6}`);
    const e = { ...DEFAULT_ENERGY };
    for (const k of Object.keys(e) as (keyof typeof e)[]) e[k] = instance.energy?.[k] ?? e[k]; // undefined: the default
    for (const k of Object.keys(e) as (keyof typeof e)[]) if (solution.energy?.[k] !== e[k]) return fail(`energy.${k} is ${quote(solution.energy?.[k])}, expected ${e[k]} (the instance's, else the default)`);
    const hours = step / 3600;
    const cores = new Float64Array(H);
    const busy = new Float64Array(H);
    let podSteps = 0;
    for (let i = 0; i < svc.length; i++) {
      const s = svc[i];
      const name = s.name ?? String(i);
      const g = solution.services[i];
      if (g?.name !== name) return fail(`services[${i}].name is ${quote(g?.name)}, expected ${quote(name)}`);
      const min = s.minPods ?? 1;
      const max = s.maxPods ?? 1_000_000;
      const f = g.forecast;
      const pp = g.perPod;
      const pods = g.pods;
      for (const k of ['mean', 'lower', 'upper', 'planQuantile']) {
        if (!Array.isArray(f?.[k]) || f[k].length !== H) return fail(`services[${i}].forecast.${k} has length ${f?.[k]?.length}, expected ${H}`);
      }
      for (const k of ['saving', 'plan', 'safe', 'unsmoothed']) {
        if (!Array.isArray(pods?.[k]) || pods[k].length !== H) return fail(`services[${i}].pods.${k} has length ${pods?.[k]?.length}, expected ${H}`);
      }
      // figures are JSON numbers ("12" would pass the comparisons below by coercion)
      for (const k of ['mean', 'lower', 'upper', 'planQuantile']) {
        const t = f[k].findIndex((x: unknown) => typeof x !== 'number');
        if (t >= 0) return fail(`services[${i}].forecast.${k}[${t}] is ${quote(f[k][t])}, not a number`);
      }
      for (const k of ['mean', 'lower', 'upper', 'planQuantile', 'atFull', 'w', 'b']) {
        if (typeof pp?.[k] !== 'number') return fail(`services[${i}].perPod.${k} is ${quote(pp?.[k])}, not a number`);
      }
      if (!(pp.lower <= pp.mean + 1e-9 * Math.abs(pp.mean) && pp.mean <= pp.upper + 1e-9 * Math.abs(pp.mean))) return fail(`services[${i}].perPod: lower ${pp.lower}, mean ${pp.mean}, upper ${pp.upper} are not ordered`);
      // tolerances on the magnitudes: a capacity quantile may be negative (a tiny target below a fitted negative intercept)
      if (1 - q >= 0.05 && 1 - q <= 0.95 && !(pp.planQuantile >= pp.lower - 1e-9 * Math.abs(pp.lower) - 1e-12 && pp.planQuantile <= pp.upper + 1e-9 * Math.abs(pp.upper) + 1e-12)) {
        return fail(`services[${i}].perPod.planQuantile ${pp.planQuantile} is outside [lower, upper]`);
      }
      if (!near(pp.atFull, pp.w + pp.b)) return fail(`services[${i}].perPod.atFull ${pp.atFull} is not w + b`);
      const nObs = Array.isArray(s.observations) ? s.observations.length : 0;
      if (pp.observations !== nObs) return fail(`services[${i}].perPod.observations is ${quote(pp.observations)}, the instance has ${nObs}`);
      if (pp.source !== (nObs >= 3 ? 'service' : 'pooled')) return fail(`services[${i}].perPod.source is ${quote(pp.source)}, expected ${nObs >= 3 ? '"service" (3 or more observations)' : '"pooled" (fewer than 3 observations)'}`);
      let resPlan = 0, resUn = 0, varPlan = 0, varUn = 0, unFeasible = true;
      for (let t = 0; t < H; t++) {
        if (!(f.lower[t] >= 0 && f.lower[t] <= f.mean[t] * (1 + 1e-9) + 1e-9 && f.mean[t] <= f.upper[t] * (1 + 1e-9) + 1e-9)) return fail(`services[${i}].forecast at step ${t}: lower ${f.lower[t]}, mean ${f.mean[t]}, upper ${f.upper[t]} are not ordered and >= 0`);
        if (!podsOk(pods.saving[t], f.mean[t], pp.mean, min, max)) return fail(`services[${i}].pods.saving[${t}] = ${pods.saving[t]}, expected ceil(${f.mean[t]} / ${pp.mean}) within ${min}..${max}`);
        if (joint) {
          if (!jointOk(pods.safe[t], f.mean[t], f.upper[t], pp.mean, pp.lower, true, min, max)) return fail(`services[${i}].pods.safe[${t}] = ${pods.safe[t]}, expected the joint 95 % quantile of workload / capacity`);
          if (!jointOk(pods.unsmoothed[t], f.mean[t], f.planQuantile[t], pp.mean, pp.planQuantile, q >= 0.5, min, max)) return fail(`services[${i}].pods.unsmoothed[${t}] = ${pods.unsmoothed[t]}, expected the joint ${q} quantile of workload / capacity`);
        } else if (!podsOk(pods.safe[t], f.upper[t], pp.lower, min, max)) return fail(`services[${i}].pods.safe[${t}] = ${pods.safe[t]}, expected ceil(${f.upper[t]} / ${pp.lower}) within ${min}..${max}`);
        if (!joint && !podsOk(pods.unsmoothed[t], f.planQuantile[t], pp.planQuantile, min, max)) return fail(`services[${i}].pods.unsmoothed[${t}] = ${pods.unsmoothed[t]}, expected ceil(${f.planQuantile[t]} / ${pp.planQuantile}) within ${min}..${max}`);
        const n = pods.plan[t];
        if (!Number.isInteger(n)) return fail(`services[${i}].pods.plan[${t}] = ${n} is not an integer`);
        if (n < pods.unsmoothed[t]) return fail(`services[${i}].pods.plan[${t}] = ${n} is below the unsmoothed count ${pods.unsmoothed[t]}`);
        if (n > max) return fail(`services[${i}].pods.plan[${t}] = ${n} is above maxPods ${max}`);
        resPlan += n; resUn += pods.unsmoothed[t];
        if (t > 0) {
          const d = Math.abs(n - pods.plan[t - 1]);
          if (s.maxStep !== undefined && d > s.maxStep) return fail(`services[${i}].pods.plan changes by ${d} between steps ${t - 1} and ${t}, over maxStep ${s.maxStep}`);
          varPlan += d;
          const du = Math.abs(pods.unsmoothed[t] - pods.unsmoothed[t - 1]);
          varUn += du;
          if (s.maxStep !== undefined && du > s.maxStep) unFeasible = false;
        }
        podSteps += n;
        if (n > 0) {
          const c = n * e.podCores;
          cores[t] += c;
          const u = pp.atFull > 0 ? Math.min(1, Math.max(0, f.mean[t] / (n * pp.atFull))) : 0;
          busy[t] += c * u;
        }
      }
      if (unFeasible && resPlan + alpha * varPlan > resUn + alpha * varUn + 1e-9 * Math.max(1, resUn)) {
        return fail(`services[${i}].pods.plan costs ${resPlan + alpha * varPlan} (pod-steps + alpha × changes), more than the unsmoothed plan's ${resUn + alpha * varUn}`);
      }
    }
    const tuned = checkTuning(instance, solution, svc, H);
    if (tuned) return fail(tuned);
    let servers = 0;
    let kWh = 0;
    for (let t = 0; t < H; t++) {
      if (cores[t]! <= 0) continue;
      const se = stepEnergy(cores[t]!, busy[t]!, hours, e);
      servers += se.servers;
      kWh += se.kWh;
    }
    const T = solution.totals;
    if (!near(T?.podHours, podSteps * hours)) return fail(`totals.podHours is ${T?.podHours}, recomputed ${podSteps * hours}`);
    if (!near(T.serverHours, servers * hours)) return fail(`totals.serverHours is ${T.serverHours}, recomputed ${servers * hours}`);
    if (!near(T.kWh, kWh)) return fail(`totals.kWh is ${T.kWh}, recomputed ${kWh}`);
    if (!near(T.kgCO2, kWh * e.kgCO2PerKWh)) return fail(`totals.kgCO2 is ${T.kgCO2}, recomputed ${kWh * e.kgCO2PerKWh}`);
    const ev = solution.evaluation;
    if (instance.evaluate && !ev) return fail('the instance asks to evaluate but the solution has no evaluation');
    if (ev) {
      const pol: any[] = ev.policies ?? [];
      const hpa = pol.find((p) => p.policy === 'hpa');
      const oracle = pol.find((p) => p.policy === 'oracle');
      if (!hpa || !oracle) return fail('evaluation.policies lacks hpa or oracle');
      if (ev.heldOutSteps !== H || ev.steps !== H) return fail(`evaluation.heldOutSteps and steps are ${quote(ev.heldOutSteps)} and ${quote(ev.steps)}, expected ${H}`);
      const R = Math.min(H, instance.replanEvery ?? H);
      if (ev.replanEvery !== R) return fail(`evaluation.replanEvery is ${quote(ev.replanEvery)}, expected ${R}`);
      for (const p of pol) {
        for (const k of ['podHours', 'kWh', 'kgCO2', 'underProvisioned', 'underProvisionedSteps']) if (typeof p?.[k] !== 'number') return fail(`evaluation: ${p?.policy}.${k} is ${quote(p?.[k])}, not a number`);
        if (hpa.podHours > 0 && !near(p.rrc, p.podHours / hpa.podHours)) return fail(`evaluation: ${p.policy}.rrc is ${p.rrc}, recomputed ${p.podHours / hpa.podHours}`);
        if (hpa.podHours === 0 && p.rrc !== (p.podHours === 0 ? 1 : null)) return fail(`evaluation: ${p.policy}.rrc is ${p.rrc}, expected ${p.podHours === 0 ? 1 : null} (hpa used no pods)`);
        if (oracle.podHours > 0 && !near(p.overOracle, p.podHours / oracle.podHours - 1)) return fail(`evaluation: ${p.policy}.overOracle is ${p.overOracle}`);
        if (!near(p.kgCO2, p.kWh * e.kgCO2PerKWh)) return fail(`evaluation: ${p.policy}.kgCO2 is ${p.kgCO2}, recomputed ${p.kWh * e.kgCO2PerKWh}`);
        if (!(p.underProvisioned >= 0 && p.underProvisioned <= 1)) return fail(`evaluation: ${p.policy}.underProvisioned ${p.underProvisioned} is not a share`);
      }
      // the oracle runs every step at the target unless maxPods caps it (the default 1,000,000 too)
      const capped = svc.some((s: any, i: number) => {
        const o = ev.services?.[i]?.pods?.oracle;
        return !Array.isArray(o) || o.some((n: number) => n >= (s.maxPods ?? 1_000_000));
      });
      if (oracle.underProvisionedSteps > 0 && (instance.maxUtilization ?? 0.9) >= (instance.targetUtilization ?? 0.6) && !capped) return fail('evaluation: the oracle is under-provisioned though maxPods never capped it');
    }
    if (ev && instance.tune) {
      if (!ev.policies.some((p: any) => p.policy === 'forecast-tuned')) return fail('evaluation.policies lacks forecast-tuned (the instance asks to tune)');
      const { multiplier: m, floor: a } = solution.tuning;
      for (let i = 0; i < svc.length; i++) {
        const x = ev.services?.[i]?.pods?.['forecast-tuned'];
        if (!Array.isArray(x) || x.length !== H) return fail(`evaluation.services[${i}].pods.forecast-tuned has length ${x?.length}, expected ${H}`);
        // without top-up and safeScale, the replay's forecast-safe pods are its planned counts: forecast-tuned is their tuned map
        // with adapt: each step's k from the counts' own outcomes (adaptFactors); without: 1
        const L = Math.max(1, Math.ceil((instance.readySeconds ?? 60) / step));
        const ks = instance.tune.adapt && !instance.topUp && !instance.safeScale
          ? adaptFactors(x, svc[i].workload.slice(svc[i].workload.length - H), podRelation(solution.services[i].perPod, instance.targetUtilization ?? 0.6), instance.maxUtilization ?? 0.9, L, solution.tuning.adapt.gamma, solution.tuning.adapt.missRate)
          : null;
        if (!instance.topUp && !instance.safeScale && instance.tune.reactive === true) {
          // the reactive map of the replayed forecast-safe count, x2 and the bucket recomputed from the workload
          const s = svc[i];
          const target = instance.targetUtilization ?? 0.6;
          const u = meanPodsOf(s.workload.slice(0, s.workload.length - H), solution.services[i].perPod, target);
          const base = ev.services[i].pods['forecast-safe'];
          const min = s.minPods ?? 1, max = s.maxPods ?? 1_000_000;
          const sig = reactiveSignalsOf(s.workload, s.workload.length - H, H, podRelation(solution.services[i].perPod, target), min, max, instance.maxUtilization ?? 0.9, L, Math.max(3, Math.round(3600 / step)));
          const bk = solution.tuning.buckets;
          for (let t = 0; t < H; t++) {
            const ok = (b: number) => reactiveOk(x[t], base[t], sig.x2[t]!, bk[b], u, min, max, ks ? ks[t] : 1);
            if (!(ok(sig.bucket[t]!) || (sig.either[t] && ok(1)))) return fail(`evaluation.services[${i}].pods.forecast-tuned[${t}] = ${x[t]}, expected ceil(${ks ? `${ks[t]} × ` : ''}max(${bk[sig.bucket[t]!].multiplier} × forecast-safe ${base[t]}, ${bk[sig.bucket[t]!].reactive} × x2 ${sig.x2[t]}) + ${bk[sig.bucket[t]!].floor} × ${u}) (bucket ${sig.bucket[t]}${sig.either[t] ? ' or 1' : ''}) within bounds`);
          }
        } else if (!instance.topUp && !instance.safeScale) {
          const s = svc[i];
          const u = meanPodsOf(s.workload.slice(0, s.workload.length - H), solution.services[i].perPod, instance.targetUtilization ?? 0.6);
          const base = ev.services[i].pods['forecast-safe'];
          for (let t = 0; t < H; t++) if (!scaledOk(x[t], base[t], m, a, u, s.minPods ?? 1, s.maxPods ?? 1_000_000, ks ? ks[t] : 1)) return fail(`evaluation.services[${i}].pods.forecast-tuned[${t}] = ${x[t]}, expected ceil(${ks ? `${ks[t]} × (` : ''}${m} × forecast-safe ${base[t]} + ${a} × ${u}${ks ? ')' : ''}) within bounds`);
        }
      }
    } else if (ev && ev.policies.some((p: any) => p.policy === 'forecast-tuned')) return fail('evaluation has forecast-tuned but the instance does not ask to tune');
    if (ev) {
      // every row and reactive count replayed by the checker itself (check-replay.ts), after the per-step checks above
      const replayed = checkReplay(ev, { ...replayBasics(instance, solution, svc, H), topUp: instance.topUp === true, tuned: !!instance.tune, energy: e });
      if (replayed) return fail(replayed);
    }
    return { valid: true, reason: 'ok', objective: T.podHours };
  } catch (err) {
    return fail(`malformed solution (${(err as Error).message})`);
  }
}

/** tune.goal as docs/autoscaling.md, "Tuning to a goal", states it: the named goals and the missCosts searched, 10^(0.6 + 0.05 k) to 1/1000, k = 0..48. */
const GOALS: Record<string, { rrc: number; missShare: number }> = { balanced: { rrc: 1.05, missShare: 0.5 }, safe: { rrc: 1.3, missShare: 0.25 } };
const GOAL_COSTS = Array.from({ length: 49 }, (_, k) => Math.round(10 ** (0.6 + 0.05 * k) * 1000) / 1000);

/**
 * The missCost and the goal record: without a goal, the instance's missCost and no record; with
 * one, a missCost of the searched list and a record of the goal's numbers whose `met` says
 * whether the backtest figures meet it (a goal met at the chosen point means it was the first
 * that did; not met, the chosen point must not meet it either). hpa's backtest figures are
 * replayed by checkBacktestHpa.
 */
function checkGoal(tune: any, tu: any): string | null {
  if (tune.goal === undefined) {
    if (tu.missCost !== tune.missCost) return `tuning.missCost is ${tu.missCost}, the instance's is ${tune.missCost}`;
    return tu.goal !== undefined ? 'tuning.goal is present but the instance gives missCost, not goal' : null;
  }
  if (!GOAL_COSTS.includes(tu.missCost)) return `tuning.missCost ${tu.missCost} is not one of the goal search's missCosts (10^(0.6 + 0.05 k), k = 0..48)`;
  const g = typeof tune.goal === 'string' ? (Object.hasOwn(GOALS, tune.goal) ? GOALS[tune.goal] : undefined) : tune.goal;
  const r = tu.goal;
  if (!r || typeof r !== 'object') return 'the instance tunes to a goal but tuning.goal is missing';
  if (r.rrc !== g?.rrc || r.missShare !== g?.missShare) return `tuning.goal is (rrc ${r.rrc}, missShare ${r.missShare}), the instance asks (${g?.rrc}, ${g?.missShare})`;
  if (typeof r.met !== 'boolean') return `tuning.goal.met is ${quote(r.met)}, not true or false`;
  if (!(r.hpaPodHours >= 0) || !Number.isInteger(r.hpaMisses) || r.hpaMisses < 0) return `tuning.goal's hpa figures (${r.hpaPodHours} pod-hours, ${r.hpaMisses} misses) are not a pod-hour total and a count`;
  // the solver compares pod-seconds, this pod-hours: within 1e-9 of the cap either verdict stands
  const cap = g.rrc * r.hpaPodHours, missOk = tu.misses <= g.missShare * r.hpaMisses;
  const meets = missOk && tu.podHours <= cap * (1 + 1e-9);
  const surely = missOk && tu.podHours <= cap * (1 - 1e-9);
  if (r.met ? !meets : surely) return `tuning.goal.met is ${r.met} but the backtest's ${tu.podHours} pod-hours and ${tu.misses} misses ${meets ? 'meet' : 'do not meet'} rrc ${g.rrc} × ${r.hpaPodHours} and missShare ${g.missShare} × ${r.hpaMisses}`;
  return null;
}

/**
 * tuning.adapt (docs/autoscaling.md, "Online adaptation"): present exactly when the instance asks
 * for it; gamma and missShare the instance's or the defaults (0.05; the goal's missShare, else
 * 0.25); missRate = missShare × hpaMisses ÷ tuning.steps (0 without steps); hpaMisses a count,
 * equal to tuning.goal's with a goal. hpa's backtest itself is replayed by checkBacktestHpa.
 */
function checkAdapt(tune: any, tu: any): string | null {
  const ad = tu.adapt;
  if (!tune.adapt) return ad !== undefined ? 'tuning.adapt is present but the instance does not ask to adapt' : null;
  if (!ad || typeof ad !== 'object') return 'the instance asks to adapt but tuning.adapt is missing';
  const goal = typeof tune.goal === 'string' ? GOALS[tune.goal] : tune.goal;
  const gamma = tune.adapt.gamma ?? 0.05, share = tune.adapt.missShare ?? goal?.missShare ?? 0.25;
  if (ad.gamma !== gamma || ad.missShare !== share) return `tuning.adapt is (gamma ${ad.gamma}, missShare ${ad.missShare}), expected (${gamma}, ${share})`;
  if (!Number.isInteger(ad.hpaMisses) || ad.hpaMisses < 0 || ad.hpaMisses > tu.steps) return `tuning.adapt.hpaMisses ${ad.hpaMisses} is not a count in 0..steps (${tu.steps})`;
  if (tu.goal && ad.hpaMisses !== tu.goal.hpaMisses) return `tuning.adapt.hpaMisses ${ad.hpaMisses} differs from tuning.goal.hpaMisses ${tu.goal.hpaMisses} (the same backtest)`;
  const rate = tu.steps > 0 ? (share * ad.hpaMisses) / tu.steps : 0;
  if (!near(ad.missRate, rate)) return `tuning.adapt.missRate is ${ad.missRate}, expected missShare × hpaMisses ÷ steps = ${rate}`;
  return null;
}

/** What the replay checks read: the services, their relations from the solution's perPod, the instance's settings. */
function replayBasics(instance: any, solution: any, svc: any[], H: number) {
  const target = instance.targetUtilization ?? 0.6;
  const rels: CheckRel[] = svc.map((_, i) => podRelation(solution.services[i].perPod, target));
  return { services: svc, rels, step: instance.step ?? 300, H, target, maxU: instance.maxUtilization ?? 0.9, readySeconds: instance.readySeconds ?? 60 };
}

/** hpa's figures on the tune's backtest (tuning.goal, tuning.adapt) against the checker's own replay of it. */
function checkBacktestHpa(instance: any, solution: any, svc: any[], H: number): string | null {
  const tu = solution.tuning;
  if (!tu.goal && !tu.adapt) return null;
  const bt = backtestHpa(replayBasics(instance, solution, svc, H), tu.windows, instance.evaluate ? H : 0);
  const band = `${bt.sure}${bt.maybe ? `..${bt.sure + bt.maybe}` : ''}`;
  const inBand = (k: number) => k >= bt.sure && k <= bt.sure + bt.maybe;
  if (tu.goal && !near(tu.goal.hpaPodHours, bt.podHours)) return `tuning.goal.hpaPodHours is ${tu.goal.hpaPodHours}, replayed ${bt.podHours}`;
  if (tu.goal && !inBand(tu.goal.hpaMisses)) return `tuning.goal.hpaMisses is ${tu.goal.hpaMisses}, replayed ${band}`;
  if (tu.adapt && !inBand(tu.adapt.hpaMisses)) return `tuning.adapt.hpaMisses is ${tu.adapt.hpaMisses}, replayed ${band}`;
  return null;
}

/** The `tune` output: the tuning record and every service's pods.tuned (null when right, else the reason). */
function checkTuning(instance: any, solution: any, svc: any[], H: number): string | null {
  const tu = solution.tuning;
  if (!instance.tune) {
    if (tu !== undefined) return 'solution has tuning but the instance does not ask to tune';
    const i = solution.services.findIndex((g: any) => g.pods?.tuned !== undefined);
    return i >= 0 ? `services[${i}].pods.tuned is present but the instance does not ask to tune` : null;
  }
  if (!tu || typeof tu !== 'object') return 'the instance asks to tune but the solution has no tuning';
  for (const k of ['multiplier', 'floor', 'missCost', 'windows', 'steps', 'podHours', 'misses']) if (typeof tu[k] !== 'number' || !Number.isFinite(tu[k])) return `tuning.${k} is ${quote(tu[k])}, not a finite number`;
  const goalErr = checkGoal(instance.tune, tu);
  if (goalErr) return goalErr;
  // windows and steps follow from the instance (docs/autoscaling.md, "Tuned policy"): the asked windows or as many
  // whole horizons as fit in every service's history known at decision time with one before the first, at most 7;
  // steps = the known values of each window j = 1..W in the services with a known value before it
  const off = instance.evaluate ? H : 0;
  let fit = Infinity;
  for (const s of svc) fit = Math.min(fit, Math.floor((s.workload.length - off) / H) - 1);
  const W = instance.tune.windows ?? Math.min(7, fit);
  if (tu.windows !== W) return `tuning.windows is ${tu.windows}, expected ${W}`;
  let steps = 0;
  for (const s of svc) {
    const first = s.workload.findIndex((x: unknown) => typeof x === 'number');
    for (let j = 1; j <= W; j++) {
      const end = s.workload.length - off - (j - 1) * H;
      if (first < 0 || first >= end - H) continue; // no known value before this window
      for (let t = end - H; t < end; t++) if (typeof s.workload[t] === 'number') steps++;
    }
  }
  if (tu.steps !== steps) return `tuning.steps is ${tu.steps}, expected ${steps} (the known values of the backtested windows)`;
  if (!onTuneGrid(tu.multiplier, tu.floor)) return `tuning (${tu.multiplier}, ${tu.floor}) is not on the tune grid`;
  // the reactive family: two buckets (index = bucket) on the grid × the reaction levels; multiplier and floor are bucket 0's
  if (instance.tune.reactive === true) {
    if (tu.family !== 'reactive') return `tuning.family is ${quote(tu.family)}, expected "reactive"`;
    if (!Array.isArray(tu.buckets) || tu.buckets.length !== 2) return `tuning.buckets has length ${tu.buckets?.length}, expected 2`;
    for (let b = 0; b < 2; b++) {
      const p = tu.buckets[b];
      if (!p || typeof p !== 'object' || Object.keys(p).sort().join() !== 'floor,multiplier,reactive') return `tuning.buckets[${b}] is not { multiplier, floor, reactive }`;
      if (!onTuneGrid(p.multiplier, p.floor) || !REACTIVE_GRID.includes(p.reactive)) return `tuning.buckets[${b}] (${p.multiplier}, ${p.floor}, ${p.reactive}) is not on the reactive grid`;
    }
    if (tu.multiplier !== tu.buckets[0].multiplier || tu.floor !== tu.buckets[0].floor) return `tuning (${tu.multiplier}, ${tu.floor}) is not bucket 0's (${tu.buckets[0].multiplier}, ${tu.buckets[0].floor})`;
  } else if (tu.family !== undefined || tu.buckets !== undefined) return 'tuning has family or buckets but the instance does not ask for the reactive family';
  const adaptErr = checkAdapt(instance.tune, tu);
  if (adaptErr) return adaptErr;
  const hpaErr = checkBacktestHpa(instance, solution, svc, H);
  if (hpaErr) return hpaErr;
  if (!Number.isInteger(tu.misses) || !Number.isInteger(tu.steps) || tu.misses < 0 || tu.misses > tu.steps) return `tuning.misses ${tu.misses} is not an integer in 0..steps (${tu.steps})`;
  if (!(tu.podHours >= 0)) return `tuning.podHours ${tu.podHours} is negative`;
  const target = instance.targetUtilization ?? 0.6;
  for (let i = 0; i < svc.length; i++) {
    const s = svc[i];
    const g = solution.services[i];
    const x = g.pods?.tuned;
    if (!Array.isArray(x) || x.length !== H) return `services[${i}].pods.tuned has length ${x?.length}, expected ${H}`;
    const u = meanPodsOf(s.workload, g.perPod, target);
    for (let t = 0; t < H; t++) {
      if (!scaledOk(x[t], g.pods.safe[t], tu.multiplier, tu.floor, u, s.minPods ?? 1, s.maxPods ?? 1_000_000)) return `services[${i}].pods.tuned[${t}] = ${x[t]}, expected ceil(${tu.multiplier} × safe ${g.pods.safe[t]} + ${tu.floor} × mean pods ${u}) within ${s.minPods ?? 1}..${s.maxPods ?? 1_000_000}`;
    }
  }
  return null;
}
