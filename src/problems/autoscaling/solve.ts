// Forecast-driven autoscaling (docs/autoscaling.md): per service, the forecast's quantiles
// (forecast problem, public contract) divided by the per-pod capacity's quantiles
// (empirical-Bayes NIG posterior predictive) give the pod range saving..safe; the plan at
// the asked risk is smoothed by the smoothing solver (never below the unsmoothed count);
// kWh and CO2 of the plan; with `evaluate`, a replay of every policy on held-out history.
import { Validator, uniqueNames } from '../../core/validate.js';
import { ValidationError } from '../../core/errors.js';
import { reporter, type SolveOptions } from '../../core/progress.js';
import { smooth } from '../smoothing/solve.js';
import { AutoscalingInstance, RISK_NAMES, type AutoscalingSolution, type AutoscalingServiceSolution, type PerPod, type AutoscalingEvaluation, type AutoscalingTuning } from './schema.js';
import { emptySuff, empiricalPrior, updateNig, predictive, predictiveQuantile, type Nig, type Suff } from './posterior.js';
import { energyOf, energyParams } from './energy.js';
import { Relation, podsFor } from './relation.js';
import { replay, jumpSteps, initialPods, lastValue, forecastTrace, underProvisioned, type PolicyName, type ReplayService } from './replay.js';
import { forecastQuantiles, type ServiceForecast } from './forecast-source.js';
import { leadQuantiles, phaseCategory } from './calibration.js';
import { REACTIVE_LEVELS, REACTIVE_MAX_ROUNDS, reactiveSignals, reactiveCounts, ReactiveSearcher, plainGrid, tunedLevel, type ReactiveItem } from './reactive.js';
import { adaptCounts, ADAPT_DEFAULTS } from './adapt.js';
import { replayHpa } from './policies/hpa.js';

const validator: Validator<typeof AutoscalingInstance> = new Validator(AutoscalingInstance);
export const AUTOSCALING_MAX_VALUES = 2 ** 26;
/**
 * Most numbers one call returns (services × horizon × 8, or × 20 with evaluate): as forecast's
 * limit (FORECAST_MAX_NUMBERS); 300 services × 100,000 steps (2.4e8 numbers) exhausted a 1 GB
 * heap, a V8 abort instead of an error.
 */
export const AUTOSCALING_MAX_NUMBERS = 5 * 2 ** 25;
/** Most HPA controller syncs one replay simulates (services × steps × step / 15 s). */
export const AUTOSCALING_MAX_SYNCS = 2e8;
/** Below this many observations a service's capacity is labelled "pooled" (the prior dominates). */
export const MIN_OWN_OBSERVATIONS = 3;

export const riskOf = (r: AutoscalingInstance['risk']): number => (r === undefined ? RISK_NAMES.balanced : typeof r === 'number' ? r : RISK_NAMES[r]);
export const horizonOf = (inst: { horizon?: number; step?: number }): number => inst.horizon ?? Math.max(1, Math.round(86_400 / (inst.step ?? 300)));

/** Validate (throws ValidationError naming the JSON path). */
export function validateAutoscaling(input: unknown): asserts input is AutoscalingInstance {
  validator.assert(input);
  const inst = input as AutoscalingInstance;
  uniqueNames('services', inst.services.map((s, i) => s.name ?? String(i)));
  const H = horizonOf(inst);
  const step = inst.step ?? 300;
  let total = 0;
  inst.services.forEach((s, i) => {
    total += s.workload.length;
    if ((s.minPods ?? 1) > (s.maxPods ?? 1_000_000)) throw new ValidationError(`services[${i}].minPods`, `(${s.minPods ?? 1}) is above maxPods (${s.maxPods ?? 1_000_000})`);
    if (!s.workload.some((x) => x !== null)) throw new ValidationError(`services[${i}].workload`, 'has no value (all null)');
    if (inst.evaluate) {
      if (s.workload.length <= H) throw new ValidationError(`services[${i}].workload`, `has ${s.workload.length} values; evaluate holds out the last horizon (${H}) and needs history before them`);
      if (!s.workload.slice(0, s.workload.length - H).some((x) => x !== null)) throw new ValidationError(`services[${i}].workload`, `has no value before the held-out last ${H}`);
    }
  });
  if (total > AUTOSCALING_MAX_VALUES) throw new ValidationError('services', `hold ${total} workload values in all; at most ${AUTOSCALING_MAX_VALUES} fit in one call`);
  if (H * inst.services.length > 2 ** 25) throw new ValidationError('horizon', `× ${inst.services.length} services = ${H * inst.services.length} planned values; at most ${2 ** 25} per call`);
  // numbers returned per service and step: 4 forecast and 4 pod series (5 with tune), with evaluate the actual and 11 policies' pods (12 with tune)
  const perStep = 8 + (inst.evaluate ? 12 : 0) + (inst.tune ? (inst.evaluate ? 2 : 1) : 0);
  if (H * inst.services.length * perStep > AUTOSCALING_MAX_NUMBERS) {
    throw new ValidationError('horizon', `× ${inst.services.length} services × ${perStep} series per step = ${H * inst.services.length * perStep} numbers to return; at most ${AUTOSCALING_MAX_NUMBERS} per call (fewer services or steps)`);
  }
  if (inst.evaluate && inst.services.length * H * Math.ceil(step / 15) > AUTOSCALING_MAX_SYNCS) {
    throw new ValidationError('horizon', `× step ${step} s × ${inst.services.length} services needs more than ${AUTOSCALING_MAX_SYNCS} HPA syncs (15 s each) to replay; shorten the horizon`);
  }
  if (inst.evaluate && inst.replanEvery !== undefined && Math.ceil(H / Math.min(H, inst.replanEvery)) * total > 2 ** 31) {
    throw new ValidationError('replanEvery', `(${inst.replanEvery}) re-plans ${Math.ceil(H / inst.replanEvery)} times over ${total} values: too much work for one call; re-plan less often`);
  }
  // the calibration options act only inside the short-lead calibration: refuse them where they would be ignored
  const cal = inst.calibrate ?? 'horizon';
  if (inst.calibratePhase && !cal.startsWith('lead')) throw new ValidationError('calibratePhase', `needs calibrate "lead", "lead-additive" or "lead-relative" (calibrate is "${cal}")`);
  if (inst.calibrateVolatility && cal !== 'lead') throw new ValidationError('calibrateVolatility', `needs calibrate "lead" (it is a third scale chosen beside the additive and relative ones; calibrate is "${cal}")`);
  if (inst.tune) {
    if ((inst.tune.missCost === undefined) === (inst.tune.goal === undefined)) throw new ValidationError(inst.tune.goal === undefined ? 'tune' : 'tune.goal', inst.tune.goal === undefined ? 'needs missCost (pod-hours per under-provisioned step) or goal ("balanced", "safe" or { rrc, missShare })' : 'and missCost exclude each other: give one');
    tuneWindows(inst);
  }
  const e = inst.energy;
  if (e && (e.peakWatts ?? 450) < (e.idleWatts ?? 180)) throw new ValidationError(e.peakWatts !== undefined ? 'energy.peakWatts' : 'energy.idleWatts', `peakWatts (${e.peakWatts ?? 450}) is below idleWatts (${e.idleWatts ?? 180})`);
}

/** Most horizons the tune option backtests by default. */
export const TUNE_MAX_WINDOWS = 7;
/** The tune grid (docs/autoscaling.md, "Tuned policy"): multipliers 0.15 · 1.05^k up to 4, floors (× the mean pods u). */
export const TUNE_MULTIPLIERS: readonly number[] = (() => { const g: number[] = []; for (let k = 0; 0.15 * 1.05 ** k <= 4; k++) g.push(0.15 * 1.05 ** k); return g; })();
export const TUNE_FLOORS: readonly number[] = [0, 0.1, 0.25, 0.5, 1, 2];

/**
 * The horizons `tune` backtests: `tune.windows`, or as many whole horizons as fit in every
 * service's history (known at decision time: before the held-out horizon with evaluate) with a
 * horizon of history left before the first, at most TUNE_MAX_WINDOWS. Throws a ValidationError
 * (path `tune` / `tune.windows`) when the history is too short.
 */
export function tuneWindows(inst: AutoscalingInstance): number {
  const H = horizonOf(inst);
  const off = inst.evaluate ? H : 0;
  let fit = Infinity, short = 0;
  inst.services.forEach((s, i) => { const f = Math.floor((s.workload.length - off) / H) - 1; if (f < fit) { fit = f; short = i; } });
  const len = inst.services[short]!.workload.length - off;
  const where = `services[${short}] has ${len} values of history${inst.evaluate ? ' before the held-out horizon' : ''}`;
  const asked = inst.tune!.windows;
  if (asked !== undefined && asked > fit) throw new ValidationError('tune.windows', `(${asked}) needs ${asked + 1} horizons (${(asked + 1) * H} values) of history: ${asked} to backtest and one before them; ${where}`);
  if (fit < 1) throw new ValidationError('tune', `needs at least 2 horizons (${2 * H} values) of history: one to backtest and one before it; ${where}`);
  // a service is backtested on the windows with a known value before them (the re-plans forecast from it)
  if (!inst.services.some((s) => s.workload.slice(0, s.workload.length - off - H).some((x) => x !== null))) {
    throw new ValidationError('tune', `needs a known value before the backtested horizon in at least one service; none has one before its last ${off + H} values`);
  }
  const W = asked ?? Math.min(TUNE_MAX_WINDOWS, fit);
  // each window re-runs the replay's re-plans over the history: the replay's own work limit (replanEvery), W times
  const replans = Math.ceil(H / Math.min(H, inst.replanEvery ?? H));
  let total = 0;
  for (const s of inst.services) total += s.workload.length;
  if (W * replans * total > 2 ** 31) {
    throw new ValidationError(asked !== undefined ? 'tune.windows' : 'tune', `backtests ${W} horizons × ${replans} re-plans over ${total} values: too much work for one call (at most 2^31); ${asked !== undefined ? 'fewer windows' : 'set fewer windows'}${inst.replanEvery !== undefined ? ' or re-plan less often' : ''}`);
  }
  return W;
}

/**
 * Per-service capacity posteriors (empirical-Bayes prior from all services). Pooling is
 * scale-free: each service's workload per pod is divided by its own mean (its `scale`), so
 * that services measured in different units share the shape of the relation (relative
 * slope, intercept and noise); a service without observations takes the median scale of
 * the others (docs/autoscaling.md, "Per-pod capacity").
 */
export function fitCapacities(inst: AutoscalingInstance): { prior: NonNullable<ReturnType<typeof empiricalPrior>>; posts: Nig[]; counts: number[]; scales: number[] } {
  const suffs: Suff[] = [];
  const xs: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const own: (number | null)[] = [];
  for (const s of inst.services) {
    const obs = s.observations ?? [];
    let m = 0;
    for (const o of obs) m += o.workloadPerPod;
    m = obs.length ? m / obs.length : 0;
    own.push(m > 0 && Number.isFinite(m) ? m : null);
  }
  const known = own.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const fallback = known.length ? known[Math.floor(known.length / 2)]! : 1;
  const scales = own.map((m) => m ?? fallback);
  inst.services.forEach((s, i) => {
    const obs = s.observations ?? [];
    const x = new Float64Array(obs.length);
    const y = new Float64Array(obs.length);
    const f = emptySuff();
    const k = scales[i]!;
    obs.forEach((o, j) => {
      const yy = o.workloadPerPod / k;
      x[j] = o.utilization; y[j] = yy;
      f.n++; f.sx += o.utilization; f.sxx += o.utilization ** 2; f.sy += yy; f.sxy += o.utilization * yy; f.syy += yy * yy;
    });
    suffs.push(f); xs.push(x); ys.push(y);
  });
  const prior = empiricalPrior(suffs);
  if (!prior) {
    throw new ValidationError('services', 'carry too few observations to fit the per-pod relation: all services together need at least 3 observations at 2 or more distinct utilisations');
  }
  const posts = suffs.map((f, i) => updateNig(prior, f, xs[i], ys[i]));
  return { prior, posts, counts: suffs.map((f) => f.n), scales };
}

/** Lowest capacity quantile used, as a share of the predictive mean (a pod always carries something; noted when used). */
export const CAPACITY_FLOOR = 0.05;

function perPodOf(post: Nig, scale: number, target: number, q: number, n: number): PerPod & { floored: boolean } {
  const p = predictive(post, target);
  const mean = p.loc * scale;
  const floor = mean > 0 ? CAPACITY_FLOOR * mean : 0;
  let floored = false;
  const qt = (pr: number) => {
    const v = predictiveQuantile(post, target, pr) * scale;
    if (mean > 0 && v < floor) { floored = true; return floor; }
    return v;
  };
  const lower = qt(0.05);
  const planQuantile = qt(1 - q);
  const upper = Math.max(qt(0.95), mean);
  return {
    mean, lower, upper, planQuantile,
    atFull: (post.m0 + post.m1) * scale,
    w: post.m0 * scale,
    b: post.m1 * scale,
    observations: n,
    source: n >= MIN_OWN_OBSERVATIONS ? 'service' : 'pooled',
    floored,
  };
}

const podsSeries = (F: ArrayLike<number>, c: number, min: number, max: number): number[] => {
  const out = new Array<number>(F.length);
  for (let t = 0; t < F.length; t++) out[t] = podsFor(F[t]!, c, min, max);
  return out;
};

async function smoothAll(demands: { demand: number[]; maxStep?: number }[], alpha: number): Promise<number[][]> {
  if (demands.length === 0) return [];
  const sol = await smooth({ problem: 'smoothing', alpha, scenarios: demands.map((d, i) => ({ name: String(i), demand: d.demand, ...(d.maxStep !== undefined ? { maxStep: d.maxStep } : {}) })) }, { plans: 'float64' });
  if (sol.status !== 'optimal') throw new Error('smoothing without a budget is never infeasible');
  return sol.scenarios.map((s) => Array.from(s.plan));
}

/** Solve an autoscaling instance (throws ValidationError on bad input). */
export async function solveAutoscaling(instance: AutoscalingInstance, options?: SolveOptions): Promise<AutoscalingSolution> {
  validateAutoscaling(instance);
  const inst = instance;
  const step = inst.step ?? 300;
  const H = horizonOf(inst);
  const target = inst.targetUtilization ?? 0.6;
  const q = riskOf(inst.risk);
  const alpha = inst.alpha ?? 1;
  const energy = energyParams(inst.energy);
  const quantiles = [...new Set([0.5, 0.05, 0.95, q, RISK_NAMES.balanced])];
  const { prior, posts, counts, scales } = fitCapacities(inst);
  const perPods = posts.map((p, i) => perPodOf(p, scales[i]!, target, q, counts[i]!));
  const bounds = inst.services.map((s) => ({ min: s.minPods ?? 1, max: s.maxPods ?? 1_000_000 }));

  const fc = await forecastQuantiles(inst.services.map((s) => ({ values: s.workload, seasons: s.seasons })), {
    step, horizon: H, method: inst.method, quantiles, path: (i) => `services[${i}].workload`,
  });

  const ranges = inst.services.map((_, i) => podRange(fc[i]!, perPods[i]!, posts[i]!, scales[i]!, target, q, bounds[i]!, inst.combine === 'joint'));
  const plans = await smoothAll(ranges.map((r, i) => ({ demand: r.unsmoothed, maxStep: inst.services[i]!.maxStep })), alpha);

  const services: AutoscalingServiceSolution[] = inst.services.map((s, i) => {
    const f = fc[i]!;
    const pp = perPods[i]!;
    const notes: string[] = [];
    if (pp.source === 'pooled') notes.push(counts[i] === 0 ? 'no observations: per-pod capacity from the pooled prior of all services' : `only ${counts[i]} observation(s): per-pod capacity mostly from the pooled prior`);
    if (pp.floored) notes.push(`a per-pod capacity quantile fell below ${CAPACITY_FLOOR * 100} % of its mean (noisy relation): floored there`);
    if (!(pp.planQuantile > 0)) notes.push(`the per-pod capacity's ${fmtQ(1 - q)} quantile is not positive: plan at maxPods`);
    if (f.fallback) notes.push(`forecast: ${f.fallback}`);
    return {
      name: s.name ?? String(i),
      forecast: { mean: Array.from(f.mean), lower: Array.from(f.quantiles.get(0.05)!), upper: Array.from(f.quantiles.get(0.95)!), planQuantile: Array.from(f.quantiles.get(q)!), method: f.method },
      perPod: { mean: pp.mean, lower: pp.lower, upper: pp.upper, planQuantile: pp.planQuantile, atFull: pp.atFull, w: pp.w, b: pp.b, observations: pp.observations, source: pp.source },
      pods: { saving: ranges[i]!.saving, plan: plans[i]!, safe: ranges[i]!.safe, unsmoothed: ranges[i]!.unsmoothed },
      notes,
    };
  });
  let tuning: AutoscalingTuning | undefined;
  if (inst.tune) {
    tuning = await tuneSafe(inst, posts, scales, perPods, bounds, { step, H, target, alpha, energy }, reporter('autoscaling', options));
    // the plan's tuned counts: u = the mean pods over all the history known (the whole workload)
    services.forEach((s, i) => {
      const rel = relationOf(perPods[i]!, target);
      s.pods.tuned = scaleCounts(s.pods.safe, tuning!.multiplier, tuning!.floor, meanPods(inst.services[i]!.workload, rel), bounds[i]!);
    });
  }
  const totals = energyOf(services.map((s) => ({ pods: s.pods.plan, workload: s.forecast.mean, atFull: s.perPod.atFull })), H, step, energy);
  const solution: AutoscalingSolution = {
    problem: 'autoscaling', status: 'ok', step, horizon: H, risk: q, targetUtilization: target,
    services, totals, energy,
    prior: { w: prior.m0, b: prior.m1, sigma2: prior.b / (prior.a - 1), kind: prior.kind, services: prior.services, observations: prior.observations },
  };
  if (tuning) solution.tuning = tuning;
  if (inst.evaluate) solution.evaluation = await evaluate(inst, posts, scales, perPods, bounds, { step, H, target, alpha, energy }, tuning);
  return solution;
}

const fmtQ = (p: number) => `${Math.round(p * 1000) / 10} %`;

/**
 * Pods needed at the q quantile with the two uncertainties combined into one predictive
 * distribution of pods = workload / capacity (docs/autoscaling.md, "Joint quantile"):
 * first-order delta method, the q-quantile deviations of workload (fq − fMed) and of the
 * capacity (cMed − cq) added in quadrature, N_q = fMed/cMed + sign · sqrt(((fq − fMed)/cMed)²
 * + (fMed · (cMed − cq)/cMed²)²), sign = +1 above the median. Exact for independent
 * Gaussians when the capacity's spread is small; fractional pods (ceil by the caller).
 */
export function jointPods(fMed: number, fq: number, cMed: number, cq: number, q: number): number {
  if (!(cMed > 0)) return fq > 0 ? Infinity : 0;
  const a = (fq - fMed) / cMed;
  const c = (fMed * (cMed - cq)) / (cMed * cMed);
  const d = Math.sqrt(a * a + c * c);
  return Math.max(0, fMed / cMed + (q >= 0.5 ? d : -d));
}

const jointSeries = (fMed: ArrayLike<number>, fq: ArrayLike<number>, cMed: number, cq: number, q: number, min: number, max: number): number[] => {
  const out = new Array<number>(fq.length);
  for (let t = 0; t < fq.length; t++) {
    const n = jointPods(fMed[t]!, fq[t]!, cMed, cq, q);
    out[t] = Number.isFinite(n) ? podsFor(n, 1, min, max) : max;
  }
  return out;
};


function podRange(f: ServiceForecast, pp: PerPod, post: Nig, scale: number, target: number, q: number, b: { min: number; max: number }, joint: boolean) {
  const cBalanced = Math.max(predictiveQuantile(post, target, 1 - RISK_NAMES.balanced) * scale, pp.mean > 0 ? CAPACITY_FLOOR * pp.mean : 0);
  if (joint) {
    return {
      saving: podsSeries(f.mean, pp.mean, b.min, b.max),
      safe: jointSeries(f.mean, f.quantiles.get(0.95)!, pp.mean, pp.lower, 0.95, b.min, b.max),
      unsmoothed: jointSeries(f.mean, f.quantiles.get(q)!, pp.mean, pp.planQuantile, q, b.min, b.max),
      balanced: jointSeries(f.mean, f.quantiles.get(RISK_NAMES.balanced)!, pp.mean, cBalanced, RISK_NAMES.balanced, b.min, b.max),
    };
  }
  return {
    saving: podsSeries(f.mean, pp.mean, b.min, b.max),
    safe: podsSeries(f.quantiles.get(0.95)!, pp.lower, b.min, b.max),
    unsmoothed: podsSeries(f.quantiles.get(q)!, pp.planQuantile, b.min, b.max),
    balanced: podsSeries(f.quantiles.get(RISK_NAMES.balanced)!, cBalanced, b.min, b.max),
  };
}

/**
 * Level correction inside a re-plan (`nowcast`, docs/autoscaling.md): forecast index k is the
 * step at workload index base + k; when it is planned, the last completed step that could be
 * seen is k − 1 − lag (the information lag). Every quantile (and the mean) of step k is moved
 * by that step's error, actual − forecast mean, clipped at 0; no correction where that step
 * precedes the forecast (the forecast saw it) or is missing. In place.
 */
export function nowcast(f: { mean: Float64Array; quantiles: Map<number, Float64Array> }, workload: ArrayLike<number | null>, base: number, lag: number): void {
  const med = Float64Array.from(f.mean);
  const corr = new Float64Array(med.length);
  for (let k = 0; k < med.length; k++) {
    const j = k - 1 - lag;
    if (j < 0) continue;
    const a = workload[base + j];
    if (a !== null && a !== undefined) corr[k] = a - med[j]!;
  }
  const seen = new Set<Float64Array>();
  for (const arr of [f.mean, ...f.quantiles.values()]) {
    if (seen.has(arr)) continue;
    seen.add(arr);
    for (let k = 0; k < arr.length; k++) arr[k] = Math.max(0, arr[k]! + corr[k]!);
  }
}

/**
 * x[t] := max(x[t], the original x[j] for j in [t − hold, t)): the scale-down window, in
 * O(length) with a monotone deque of the window's indices (decreasing values).
 */
export function holdMax(x: number[], hold: number): void {
  const raw = x.slice();
  const dq = new Int32Array(raw.length);
  let head = 0;
  let tail = 0;
  for (let t = 0; t < raw.length; t++) {
    while (head < tail && dq[head]! < t - hold) head++;
    if (head < tail && raw[dq[head]!]! > x[t]!) x[t] = raw[dq[head]!]!;
    const v = raw[t]!;
    while (head < tail && raw[dq[tail - 1]!]! <= v) tail--;
    dq[tail++] = t;
  }
}

type Plans = { saving: number[]; balanced: number[]; safe: number[] };
type EvalOpts = { step: number; H: number; target: number; alpha: number; energy: ReturnType<typeof energyParams> };
/** The forecast policies' counts of a replay (before safeScale / tune), and what the replay needs beside them. */
interface ForecastPlans { planned: Plans[]; late?: Plans[]; hist: (number | null)[][]; rels: Relation[]; R: number; maxU: number; calibration?: AutoscalingEvaluation['calibration'] }

/** The replay's relation of a service: the fitted line, or proportional to the capacity at the target when the line has no positive slope. */
export const relationOf = (pp: Pick<PerPod, 'w' | 'b' | 'mean'>, target: number): Relation => {
  const rel = new Relation(pp.w, pp.b, target);
  return rel.valid ? rel : new Relation(Math.max(pp.mean, 1e-300) / target, 0, target);
};

/** u of safeScale / tune: the mean of the known values ÷ the workload one pod carries at the target (mean pods). */
export const meanPods = (values: ArrayLike<number | null>, rel: Relation): number => {
  let sum = 0, k = 0;
  for (let t = 0; t < values.length; t++) { const x = values[t]; if (x !== null && x !== undefined) { sum += x; k++; } }
  return k ? sum / k / rel.atTarget : 0;
};

/** ceil(m · count + a · u) within min..max (docs/autoscaling.md, "An optimistic bound"; the same guard against 12.000000001 as podsFor). */
export function scaleInto(x: ArrayLike<number>, m: number, a: number, u: number, b: { min: number; max: number }, out: { [t: number]: number; length: number }): void {
  for (let t = 0; t < x.length; t++) { const y = m * x[t]! + a * u; out[t] = Math.min(b.max, Math.max(b.min, Math.ceil(y - 1e-9 * Math.max(1, y)))); }
}
export const scaleCounts = (x: ArrayLike<number>, m: number, a: number, u: number, b: { min: number; max: number }): number[] => {
  const out = new Array<number>(x.length);
  scaleInto(x, m, a, u, b, out);
  return out;
};

async function forecastPlans(
  inst: AutoscalingInstance, posts: Nig[], scales: number[], perPods: PerPod[], bounds: { min: number; max: number }[], o: EvalOpts,
  safeOnly = false,
): Promise<ForecastPlans> {
  const { step, H, target } = o;
  const hist = inst.services.map((s) => s.workload.slice(0, s.workload.length - H));
  // the forecast policies re-plan every R steps from the history known then (default: one plan)
  const R = Math.min(H, inst.replanEvery ?? H);
  const calibrate = inst.calibrate ?? 'horizon';
  const lead = calibrate !== 'horizon';
  // Short-lead calibration: the same re-plans also run on a stretch of C steps at the end of
  // the history (a multiple of R, at most a horizon and a third of the shortest history), so
  // that the first replayed decisions already have errors to calibrate on.
  const minHist = Math.min(...hist.map((h) => h.length));
  const C = lead ? Math.floor(Math.min(H, minHist / 3) / R) * R : 0;
  const n = inst.services.length;
  const QS = [0.5, 0.05, 0.95, RISK_NAMES.balanced];
  // per service over the extended window (C calibration steps, then the H replayed ones): the
  // point prediction each decision uses (re-plan mean, nowcast-corrected when on)
  const point = inst.services.map(() => new Float64Array(C + H));
  // per service over the replayed steps: the re-plan's own quantiles (nowcast-corrected when on)
  const own = inst.services.map(() => new Map<number, Float64Array>(QS.map((q) => [q, new Float64Array(H)])));
  const pointLate = inst.services.map(() => new Float64Array(inst.topUp ? C + H : 0));
  const ownLate = inst.services.map(() => new Map<number, Float64Array>(QS.map((q) => [q, new Float64Array(inst.topUp ? H : 0)])));
  const base = inst.services.map(() => ({ saving: [] as number[], balanced: [] as number[], safe: [] as number[] }));
  const smoothedBase = inst.services.map(() => ({ saving: [] as number[], balanced: [] as number[], safe: [] as number[] }));
  // steps between the last completed measurement and the step a planned pod serves (>= 1)
  const LAG = Math.max(1, Math.ceil((inst.readySeconds ?? 60) / step));
  for (let r0 = -C; r0 < H; r0 += R) {
    const h = Math.min(R, H - r0);
    // The pods of step r0 are started readySeconds before it, while step r0 − 1 (and, when
    // readySeconds exceeds the step, the steps before it) is still being measured: plan from
    // the history up to r0 − 1 − LAG, LAG = max(1, ceil(readySeconds / step)), so that a plan
    // never uses a value it could not have seen (docs/autoscaling.md, "Replay"). A history
    // with no value that early keeps what it has (lag 0).
    const lagOf = (s: AutoscalingInstance['services'][number]) => (s.workload.slice(0, Math.max(0, s.workload.length - H + r0 - LAG)).some((x) => x !== null) ? LAG : 0);
    const lags = inst.services.map(lagOf);
    const known = inst.services.map((s, i) => s.workload.slice(0, Math.max(0, s.workload.length - H + r0 - lags[i]!)));
    const lagMax = Math.max(...lags);
    const fcAll = await forecastQuantiles(known.map((values, i) => ({ values, seasons: inst.services[i]!.seasons })), {
      step, horizon: h + lagMax, method: inst.method, quantiles: QS, path: (i) => `services[${i}].workload`,
    });
    const cut = (x: Float64Array, lag: number) => x.subarray(lag, lag + h);
    const cutAll = (f: ServiceForecast, i: number): ServiceForecast => ({ ...f, mean: Float64Array.from(cut(f.mean, lags[i]!)), quantiles: new Map([...f.quantiles].map(([k, v]) => [k, Float64Array.from(cut(v, lags[i]!))])) });
    if (r0 >= 0) {
      // the plan known at the re-plan (no correction yet): its pods and their smoothing
      const fc0 = fcAll.map(cutAll);
      const ranges = inst.services.map((_, i) => podRange(fc0[i]!, perPods[i]!, posts[i]!, scales[i]!, target, RISK_NAMES.balanced, bounds[i]!, inst.combine === 'joint'));
      // safeOnly (the tune backtest reads forecast-safe alone): saving and balanced are left unsmoothed
      const levels = safeOnly ? (['safe'] as const) : (['saving', 'balanced', 'safe'] as const);
      const smoothed = await smoothAll(ranges.flatMap((r, i) => levels.map((k) => ({ demand: r[k], maxStep: inst.services[i]!.maxStep }))), o.alpha);
      ranges.forEach((r, i) => {
        base[i]!.saving.push(...r.saving); base[i]!.balanced.push(...r.balanced); base[i]!.safe.push(...r.safe);
        levels.forEach((k, j) => smoothedBase[i]![k].push(...smoothed[levels.length * i + j]!));
        if (safeOnly) { smoothedBase[i]!.saving.push(...r.saving); smoothedBase[i]!.balanced.push(...r.balanced); }
      });
    }
    if (inst.topUp) {
      // the top-up at the step's start: the same re-plan moved by the error of the last completed step (lag 0)
      fcAll.forEach((f, i) => {
        const g = { mean: Float64Array.from(f.mean), quantiles: new Map([...f.quantiles].map(([k, v]) => [k, v === f.mean ? undefined : Float64Array.from(v)] as const)) };
        const qs = new Map<number, Float64Array>();
        for (const [k, v] of g.quantiles) qs.set(k, v ?? g.mean);
        const gg = { mean: g.mean, quantiles: qs };
        nowcast(gg, inst.services[i]!.workload, inst.services[i]!.workload.length - H + r0 - lags[i]!, 0);
        const fi = cutAll({ method: f.method, ...gg }, i);
        pointLate[i]!.set(fi.mean, C + r0);
        if (r0 >= 0) for (const q of QS) ownLate[i]!.get(q)!.set(fi.quantiles.get(q)!, r0);
      });
    }
    if (inst.nowcast) fcAll.forEach((f, i) => nowcast(f, inst.services[i]!.workload, inst.services[i]!.workload.length - H + r0 - lags[i]!, lags[i]!));
    fcAll.forEach((f, i) => {
      const fi = cutAll(f, i);
      point[i]!.set(fi.mean, C + r0);
      if (r0 >= 0) for (const q of QS) own[i]!.get(q)!.set(fi.quantiles.get(q)!, r0);
    });
  }
  let planned: Plans[];
  let late: Plans[] | undefined;
  const leadStats = { relative: 0, volatile: 0, decisions: 0, uncalibrated: 0, window: 0, calibrationSteps: C };
  // Per-step decisions (nowcast, short-lead quantiles, top-up): smoothing a whole re-plan of
  // corrected counts would let a step's count depend on later corrections (look-ahead), so
  // the plan is the corrected count plus the uplift that smoothing gave the re-plan's own
  // plan at that step (known at the re-plan): plan = unsmoothed + (smoothed base − base).
  const W = Math.max(C, Math.min(H, Math.round(86_400 / step)), 30);
  // a fitted line without a positive slope cannot be inverted: measure proportionally to the capacity at the target
  const rels = inst.services.map((_, i) => relationOf(perPods[i]!, target));
  const maxU = inst.maxUtilization ?? 0.9;
  // Phase-conditioned calibration (docs/autoscaling.md, "Are the jumps periodic?"): the
  // periods (an hour, a day) rounded to a whole number of steps, kept when that is ≥ 3 steps;
  // flagged: a jump at the same phase in ≥ PHASE_K of the last PHASE_N periods (chosen on the
  // history before the replayed days only, docs).
  const PHASE_N = 3, PHASE_K = 2;
  const phasePeriods = inst.calibratePhase && lead
    ? [3600, 86_400].map((sec) => Math.round(sec / step)).filter((P) => P >= 3)
    : [];
  const phaseStats = { flagged: 0, flaggedOwn: 0 };
  // jump steps of each whole series (history and held-out), measured with the fitted relation
  const seriesJumps = phasePeriods.length ? inst.services.map((s, i) => jumpSteps({ actual: s.workload, history: [], relation: rels[i]!, minPods: bounds[i]!.min, maxPods: bounds[i]!.max }, maxU)) : [];
  const perStep = (pts: Float64Array[], owns: Map<number, Float64Array>[], lag: number): Plans[] => inst.services.map((s, i) => {
    const p = pts[i]!;
    const held = p.subarray(C);
    const quantiles = new Map<number, Float64Array>([[0.5, held]]);
    for (const q of [RISK_NAMES.balanced, 0.95]) quantiles.set(q, owns[i]!.get(q)!);
    if (lead) {
      const wl = s.workload;
      const off = wl.length - H - C;
      const act = new Array<number | null>(C + H);
      for (let e = 0; e < C + H; e++) act[e] = wl[off + e] ?? null;
      let mean = 0, k = 0;
      for (const x of hist[i]!) if (x !== null) { mean += x; k++; }
      mean = k ? mean / k : 0;
      const category = phasePeriods.length ? phaseCategory(seriesJumps[i]!, off, off + C + H, phasePeriods, PHASE_N, PHASE_K, lag) : undefined;
      const lr = leadQuantiles(p, act, C, [RISK_NAMES.balanced, 0.95], {
        window: W, lag, floor: Math.max(1e-9, 0.05 * mean), minErrors: 20, minCategoryErrors: 10,
        scale: calibrate === 'lead-additive' ? 'additive' : calibrate === 'lead-relative' ? 'relative' : 'auto',
        ...(category ? { category } : {}),
        ...(inst.calibrateVolatility ? { volatility: Math.max(3, Math.round(3600 / step)) } : {}),
      });
      phaseStats.flagged += lr.flagged; phaseStats.flaggedOwn += lr.flaggedOwn;
      for (const q of [RISK_NAMES.balanced, 0.95]) {
        const lq = lr.quantiles.get(q)!;
        const fq = Float64Array.from(quantiles.get(q)!);
        for (let t = 0; t < H; t++) if (Number.isFinite(lq[t]!)) fq[t] = lq[t]!;
        quantiles.set(q, fq);
        leadStats.relative += lr.relative.get(q)!;
        leadStats.volatile += lr.volatile.get(q)!;
      }
      leadStats.decisions += 2 * (H - lr.uncalibrated);
      leadStats.uncalibrated += lr.uncalibrated;
    }
    const r = podRange({ method: '', mean: held, quantiles }, perPods[i]!, posts[i]!, scales[i]!, target, RISK_NAMES.balanced, bounds[i]!, inst.combine === 'joint');
    const b = base[i]!, sb = smoothedBase[i]!;
    const up = (u: number[], bb: number[], ss: number[]) => u.map((x, t) => Math.min(bounds[i]!.max, x + Math.max(0, ss[t]! - bb[t]!)));
    return { saving: up(r.saving, b.saving, sb.saving), balanced: up(r.balanced, b.balanced, sb.balanced), safe: up(r.safe, b.safe, sb.safe) };
  });
  if (!inst.nowcast && !lead) planned = smoothedBase;
  else {
    leadStats.window = W;
    planned = perStep(point, own, LAG);
  }
  if (inst.topUp) late = perStep(pointLate, ownLate, 0);
  // scaleDownWindow (docs/autoscaling.md, "Scale-down window"): like HPA's stabilisation
  // window, a forecast policy's count never drops below the highest of its own decisions of
  // the last floor(window / step) steps (decisions made earlier: no look-ahead)
  const hold = Math.floor((inst.scaleDownWindow ?? 0) / step);
  if (hold > 0) {
    for (const pl of late ?? planned) {
      for (const k of ['saving', 'balanced', 'safe'] as const) {
        holdMax(pl[k], hold);
      }
    }
  }
  return {
    planned, late, hist, rels, R, maxU,
    ...(lead ? { calibration: { calibrate, calibrationSteps: C, window: leadStats.window, relativeShare: leadStats.decisions ? leadStats.relative / leadStats.decisions : 0, ...(inst.calibrateVolatility ? { volatilityShare: leadStats.decisions ? leadStats.volatile / leadStats.decisions : 0 } : {}), uncalibrated: leadStats.uncalibrated, ...(phasePeriods.length ? { phase: { periods: phasePeriods, n: PHASE_N, k: PHASE_K, ...phaseStats } } : {}) } } : {}),
  };
}

async function evaluate(
  inst: AutoscalingInstance, posts: Nig[], scales: number[], perPods: PerPod[], bounds: { min: number; max: number }[], o: EvalOpts,
  tuned?: AutoscalingTuning,
): Promise<AutoscalingEvaluation> {
  const { step, H, target } = o;
  const { planned, late, hist, rels, R, maxU, calibration } = await forecastPlans(inst, posts, scales, perPods, bounds, o);
  // u = the service's mean pods over its history (known before the replay)
  const u = hist.map((h, i) => meanPods(h, rels[i]!));
  // forecast-tuned (docs/autoscaling.md, "Tuned policy"): the tuned map of forecast-safe's own counts (before safeScale)
  // with reactive (docs/autoscaling.md, "Reactive family"): the buckets' map, x2 and the bucket from the
  // whole workload read at indices <= d only (the last value known when the step's pods are decided)
  // with adapt (docs/autoscaling.md, "Online adaptation"): the same values before rounding, scaled by the controller's k
  const buckets = tuned?.buckets;
  const readySeconds = inst.readySeconds ?? 60;
  const tunedPlans = tuned ? planned.map((pl, i) => {
    const w = inst.services[i]!.workload;
    const sig = buckets && reactiveSignals(w, w.length - H, H, rels[i]!, bounds[i]!.min, bounds[i]!.max, maxU, step, readySeconds);
    if (tuned.adapt) {
      const ps = buckets ?? [{ multiplier: tuned.multiplier, floor: tuned.floor, reactive: 0 }];
      const level = (safe: number[]) => safe.map((x, t) => { const p = ps[sig ? sig.bucket[t]! : 0]!; return tunedLevel(x, sig ? sig.x2[t]! : 0, p.multiplier, p.floor, p.reactive, u[i]!); });
      const b = bounds[i]!;
      const a = adaptCounts(
        { early: level(pl.safe), ...(late ? { late: level(late[i]!.safe) } : {}), actual: w.slice(w.length - H), relation: rels[i]!, minPods: b.min, maxPods: b.max, initial: initialPods({ history: hist[i]!, relation: rels[i]!, minPods: b.min, maxPods: b.max }) },
        { step, readySeconds, maxUtilization: maxU, gamma: tuned.adapt.gamma, alpha: tuned.adapt.missRate },
      );
      return { planned: a.early, ...(a.late ? { late: a.late } : {}) };
    }
    const map = (safe: number[]) => (sig ? reactiveCounts(safe, sig.x2, sig.bucket, buckets!, u[i]!, bounds[i]!) : scaleCounts(safe, tuned.multiplier, tuned.floor, u[i]!, bounds[i]!));
    return { planned: map(pl.safe), ...(late ? { late: map(late[i]!.safe) } : {}) };
  }) : undefined;
  // safeScale (docs/autoscaling.md, "An optimistic bound"): forecast-safe's count rescaled,
  // ceil(m · count + a · u), u = the service's mean pods over its history (known before the
  // replay); a monotone map of each step's own count, so it adds no look-ahead
  if (inst.safeScale) {
    const { multiplier: m, floor: a } = inst.safeScale;
    for (const [i, pl] of [...planned.entries(), ...(late ?? []).entries()]) pl.safe = scaleCounts(pl.safe, m, a, u[i]!, bounds[i]!);
  }
  const rs: ReplayService[] = inst.services.map((s, i) => {
    const rel = rels[i]!;
    return {
      name: s.name ?? String(i),
      actual: s.workload.slice(s.workload.length - H),
      history: hist[i]!,
      relation: rel,
      minPods: bounds[i]!.min,
      maxPods: bounds[i]!.max,
      planned: planned[i]!,
      ...(late ? { late: late[i]! } : {}),
      ...(tunedPlans ? { tuned: tunedPlans[i]! } : {}),
    };
  });
  const r = replay(rs, { step, target, maxUtilization: maxU, readySeconds: inst.readySeconds ?? 60, energy: o.energy });
  return {
    heldOutSteps: H,
    steps: H,
    replanEvery: R,
    ...(calibration ? { calibration } : {}),
    policies: r.policies,
    jumpSteps: r.jumpSteps,
    services: rs.map((s, i) => ({
      name: s.name,
      actual: Array.from(s.actual, (x) => x ?? null),
      pods: Object.fromEntries(r.policies.map(({ policy: p }) => [p, Array.from(r.traces[i]![p as PolicyName]!.pods, (x) => Math.round(x * 1000) / 1000)])),
    })),
  };
}

/**
 * The tune option (docs/autoscaling.md, "Tuned policy"): forecast-safe replayed with the
 * instance's own settings on each of the last W horizons of the history known at decision
 * time (with evaluate: the history before the held-out horizon, which is never read here),
 * each window held out of a re-run of the replay's re-plans on the history before it (the
 * services with a known value before the window: a service's early windows may be skipped); then
 * the (multiplier, floor) of the grid minimising the pooled pod-seconds + missCost · 3600 ·
 * under-provisioned steps, counted as the replay counts them (forecastTrace with the
 * top-up when on, underProvisioned on ready pods); ties: fewer pod-seconds, then grid order.
 */
async function tuneSafe(inst: AutoscalingInstance, posts: Nig[], scales: number[], perPods: PerPod[], bounds: { min: number; max: number }[], o: EvalOpts, report: ReturnType<typeof reporter>): Promise<AutoscalingTuning> {
  const { H } = o;
  const W = tuneWindows(inst);
  const off = inst.evaluate ? H : 0;
  const readySeconds = inst.readySeconds ?? 60;
  const reactive = inst.tune!.reactive === true;
  const items: { planned: number[]; late?: number[]; actual: (number | null)[]; before: number | null; initial: number; rel: Relation; u: number; b: { min: number; max: number }; x2?: Float64Array; bucket?: Uint8Array }[] = [];
  let maxU = inst.maxUtilization ?? 0.9;
  for (let j = 1; j <= W; j++) {
    // the services with a known value before this window (a window with none is skipped)
    const idx = inst.services.flatMap((s, i) => (s.workload.slice(0, s.workload.length - off - j * H).some((x) => x !== null) ? [i] : []));
    if (!idx.length) { report('tune: backtest windows', j, W); continue; }
    const services = idx.map((i) => { const s = inst.services[i]!; return { ...s, workload: s.workload.slice(0, s.workload.length - off - (j - 1) * H) }; });
    const pick = <T>(xs: T[]) => idx.map((i) => xs[i]!);
    const fp = await forecastPlans({ ...inst, services, evaluate: true }, pick(posts), pick(scales), pick(perPods), pick(bounds), o, true);
    maxU = fp.maxU;
    services.forEach((s, k) => {
      const rel = fp.rels[k]!;
      const b = bounds[idx[k]!]!;
      items.push({
        planned: fp.planned[k]!.safe, ...(fp.late ? { late: fp.late[k]!.safe } : {}),
        actual: s.workload.slice(s.workload.length - H), before: lastValue(fp.hist[k]!), rel, u: meanPods(fp.hist[k]!, rel), b,
        initial: initialPods({ history: fp.hist[k]!, relation: rel, minPods: b.min, maxPods: b.max }),
        // the reactive signals from the window's own series (history, then the window; never a later value)
        ...(reactive ? reactiveSignals(s.workload, s.workload.length - H, H, rel, b.min, b.max, fp.maxU, o.step, readySeconds) : {}),
      });
    });
    report('tune: backtest windows', j, W);
  }
  let steps = 0;
  for (const it of items) for (const x of it.actual) if (x !== null) steps++;
  const ro = { step: o.step, readySeconds };
  // the plain grid's backtest figures at every (floor, multiplier), a outer, m inner: price-free, so computed once
  const nP = TUNE_FLOORS.length * TUNE_MULTIPLIERS.length;
  const gridPs = new Float64Array(nP), gridMiss = new Float64Array(nP);
  if (!items.some((it) => it.late) && Number.isInteger(readySeconds)) {
    // without top-up: all multipliers in one pass over the steps (the same figures, tested)
    const g = plainGrid(items, { step: o.step, readySeconds, maxUtilization: maxU, multipliers: TUNE_MULTIPLIERS, floors: TUNE_FLOORS });
    gridPs.set(g.ps); gridMiss.set(g.miss);
  } else {
    // buffers reused by every (point, item): the scaled counts and the trace (every window is H steps)
    const early = new Float64Array(H), lateBuf = new Float64Array(H);
    const buf = { pods: new Float64Array(H), ready: new Float64Array(H) };
    let i = 0;
    for (const a of TUNE_FLOORS) {
      for (const m of TUNE_MULTIPLIERS) {
        let ps = 0, miss = 0;
        for (const it of items) {
          scaleInto(it.planned, m, a, it.u, it.b, early);
          if (it.late) scaleInto(it.late, m, a, it.u, it.b, lateBuf);
          const tr = forecastTrace(early, it.late && lateBuf, it.initial, ro, buf);
          ps += tr.podSeconds;
          miss += underProvisioned(tr, it.actual, it.rel, maxU).under;
        }
        gridPs[i] = ps; gridMiss[i] = miss; i++;
      }
    }
  }
  // the plain choice at a price: least pod-seconds + price · misses; ties: fewer pod-seconds, then grid order
  const plainAt = (price: number) => {
    let bi = -1, bc = 0, bp = 0;
    for (let i = 0; i < nP; i++) {
      const ps = gridPs[i]!, cost = ps + price * gridMiss[i]!;
      const tol = 1e-12 * Math.max(1, Math.abs(cost));
      if (bi < 0 || cost < bc - tol || (cost <= bc + tol && ps < bp)) { bi = i; bc = cost; bp = ps; }
    }
    const nm = TUNE_MULTIPLIERS.length;
    return { m: TUNE_MULTIPLIERS[bi % nm]!, a: TUNE_FLOORS[Math.floor(bi / nm)]!, ps: gridPs[bi]!, miss: gridMiss[bi]! };
  };
  // the reactive family (docs/autoscaling.md, "Reactive family"): coordinate descent from the plain choice (r = 0 in both buckets)
  const ritems = items as ReactiveItem[]; // every item has x2 and bucket when reactive
  const searcher = reactive ? new ReactiveSearcher(ritems, { step: o.step, readySeconds, maxUtilization: maxU, multipliers: TUNE_MULTIPLIERS, floors: TUNE_FLOORS, levels: REACTIVE_LEVELS, maxRounds: REACTIVE_MAX_ROUNDS }) : null;
  const choose = (missCost: number) => {
    const price = missCost * 3600;
    const plain = plainAt(price);
    if (!searcher) return { multiplier: plain.m, floor: plain.a, ps: plain.ps, miss: plain.miss, buckets: undefined };
    const start = { multiplier: plain.m, floor: plain.a, reactive: 0 };
    const d = searcher.descent([start, { ...start }], price);
    return { multiplier: d.buckets[0].multiplier, floor: d.buckets[0].floor, ps: d.podSeconds, miss: d.misses, buckets: d.buckets };
  };
  // the missCost: the instance's, or the goal's (docs/autoscaling.md, "Tuning to a goal")
  const goal = inst.tune!.goal;
  let missCost: number;
  let goalOut: AutoscalingTuning['goal'];
  let pick: ReturnType<typeof choose>;
  // hpa on the same backtest: for a goal and for adapt's target rate
  const adapt = inst.tune!.adapt;
  const g = goal === undefined ? undefined : typeof goal === 'string' ? TUNE_GOALS[goal] : goal;
  const hpa = g || adapt ? backtestHpa(items, o, readySeconds, maxU) : null;
  if (!g) {
    missCost = inst.tune!.missCost!;
    pick = choose(missCost);
  } else {
    // ascending missCosts: the first whose backtest meets the goal; none: the last within the pod-hours cap; none: the first
    type At = { mc: number; c: ReturnType<typeof choose> };
    let met: At | null = null, inCap: At | null = null, first: At | null = null;
    for (const [k, mc] of TUNE_GOAL_MISS_COSTS.entries()) {
      const c = choose(mc);
      report('tune: goal missCosts (stops at the first that meets it)', k + 1, TUNE_GOAL_MISS_COSTS.length);
      first ??= { mc, c };
      const capOk = c.ps <= g.rrc * hpa!.ps;
      if (capOk) inCap = { mc, c };
      if (capOk && c.miss <= g.missShare * hpa!.miss) { met = { mc, c }; break; }
    }
    const chosen = met ?? inCap ?? first!;
    missCost = chosen.mc;
    pick = chosen.c;
    goalOut = { rrc: g.rrc, missShare: g.missShare, met: met !== null, hpaPodHours: hpa!.ps / 3600, hpaMisses: hpa!.miss };
  }
  // adapt (docs/autoscaling.md, "Online adaptation"): the target miss rate, missShare × hpa's rate on this backtest
  let adaptOut: AutoscalingTuning['adapt'];
  if (adapt) {
    const missShare = adapt.missShare ?? g?.missShare ?? ADAPT_DEFAULTS.missShare;
    adaptOut = { gamma: adapt.gamma ?? ADAPT_DEFAULTS.gamma, missShare, hpaMisses: hpa!.miss, missRate: steps > 0 ? (missShare * hpa!.miss) / steps : 0 };
  }
  const base = { multiplier: pick.multiplier, floor: pick.floor, missCost, windows: W, steps, ...(goalOut ? { goal: goalOut } : {}), ...(adaptOut ? { adapt: adaptOut } : {}) };
  if (!pick.buckets) return { ...base, podHours: pick.ps / 3600, misses: pick.miss };
  const buckets = pick.buckets;
  // the backtest's figures at the final point, measured as the replay measures them
  let ps = 0, miss = 0;
  for (const it of ritems) {
    const e = reactiveCounts(it.planned, it.x2, it.bucket, buckets, it.u, it.b);
    const l = it.late && reactiveCounts(it.late, it.x2, it.bucket, buckets, it.u, it.b);
    const tr = forecastTrace(e, l, it.initial, ro);
    ps += tr.podSeconds;
    miss += underProvisioned(tr, it.actual, it.rel, maxU).under;
  }
  return { ...base, podHours: ps / 3600, misses: miss, family: 'reactive', buckets };
}

/** The named goals of `tune.goal` (issue 13's: balanced = RRC <= 1.05 with at most half of hpa's under-provisioned steps; safe = RRC <= 1.3 with at most a quarter). */
export const TUNE_GOALS = { balanced: { rrc: 1.05, missShare: 0.5 }, safe: { rrc: 1.3, missShare: 0.25 } } as const;
/** The missCosts a goal searches, ascending: 10^(0.6 + 0.05 k) rounded to 1/1000, k = 0..48 (3.981 … 1000 pod-hours per miss). */
export const TUNE_GOAL_MISS_COSTS: readonly number[] = Array.from({ length: 49 }, (_, k) => Math.round(10 ** (0.6 + 0.05 * k) * 1000) / 1000);

/** hpa replayed on the tune's backtest items, as the replay replays it: pod-seconds of requested pods, under-provisioned steps on ready pods. */
function backtestHpa(items: readonly { actual: (number | null)[]; before: number | null; initial: number; rel: Relation; b: { min: number; max: number } }[], o: EvalOpts, readySeconds: number, maxU: number): { ps: number; miss: number } {
  let ps = 0, miss = 0;
  for (const it of items) {
    const tr = replayHpa({ workload: it.actual, before: it.before, step: o.step, relation: it.rel, target: o.target, minPods: it.b.min, maxPods: it.b.max, initialPods: it.initial, readySeconds, floor: undefined });
    for (let t = 0; t < tr.pods.length; t++) ps += tr.pods[t]! * o.step;
    miss += underProvisioned({ pods: tr.pods, ready: tr.ready, podSeconds: 0, actions: tr.actions }, it.actual, it.rel, maxU).under;
  }
  return { ps, miss };
}
