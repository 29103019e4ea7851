// The autoscaling instance and solution (docs/autoscaling.md). The TypeBox schema is the
// single source of the types, the validation (JSON paths) and the JSON Schema.
import { Type, type Static } from '@sinclair/typebox';

const nonNeg = 'must be a finite number >= 0';

/** One (utilisation, workload per pod) observation of a service's pods. */
export const AutoscalingObservation = Type.Object(
  {
    utilization: Type.Number({ minimum: 0, maximum: 10, errorMessage: 'must be a finite number in 0..10 (a fraction: 0.41 is 41 %)', description: 'Average CPU utilisation of the service\'s pods (fraction of their request).' }),
    workloadPerPod: Type.Number({ minimum: 0, maximum: 1e12, errorMessage: `${nonNeg} (at most 1e12)`, description: 'Workload one pod carried at that utilisation (same unit as `workload`).' }),
  },
  { additionalProperties: false, errorMessage: 'must be an object { utilization, workloadPerPod }' },
);

/** One service: its workload history and its pods' observations. */
export const AutoscalingService = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Service name; defaults to its index.' })),
    workload: Type.Array(Type.Union([Type.Number({ minimum: 0, maximum: 1e12 }), Type.Null()], { errorMessage: `${nonNeg} (at most 1e12) or null (missing)` }), {
      minItems: 1, errorMessage: 'must be a non-empty array of numbers >= 0 or null',
      description: 'Workload history, one value per step (e.g. requests per second), null for a missing value.',
    }),
    observations: Type.Optional(Type.Array(AutoscalingObservation, {
      maxItems: 1_000_000, errorMessage: 'must be an array of observations (at most 1,000,000)',
      description: 'Per-pod (utilisation, workload per pod) pairs. Few or none: the pooled prior of all services is used (perPod.source "pooled").',
    })),
    minPods: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, errorMessage: 'must be an integer in 0..1000000', description: 'Fewest pods (default 1).' })),
    maxPods: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, errorMessage: 'must be an integer in 1..1000000', description: 'Most pods (default 1,000,000).' })),
    maxStep: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, errorMessage: 'must be an integer in 1..1000000', description: 'Largest change of the smoothed plan between consecutive steps (default: unbounded).' })),
    seasons: Type.Optional(Type.Array(Type.Integer({ minimum: 2, maximum: 100_000 }), { maxItems: 8, errorMessage: 'must be an array of at most 8 integers in 2..100000', description: 'Seasonal periods in steps, passed to the forecast (default: a day and a week).' })),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

/** Energy model parameters (docs/autoscaling.md, "Energy"); every field has a documented default. */
export const AutoscalingEnergy = Type.Object(
  {
    podCores: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e6, errorMessage: 'must be a number in (0, 1e6]', description: 'Cores one pod occupies (default 2).' })),
    serverCores: Type.Optional(Type.Number({ minimum: 0.001, maximum: 1e6, errorMessage: 'must be a number in 0.001..1e6 (a millicore at least: servers per step stay finite)', description: 'Cores of one server (default 96).' })),
    idleWatts: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, errorMessage: 'must be a number in 0..1e6', description: 'Server power at 0 % utilisation, W (default 180).' })),
    peakWatts: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, errorMessage: 'must be a number in 0..1e6', description: 'Server power at 100 % utilisation, W (default 450).' })),
    pue: Type.Optional(Type.Number({ minimum: 1, maximum: 10, errorMessage: 'must be a number in 1..10', description: 'Power usage effectiveness of the data centre (default 1.3).' })),
    kgCO2PerKWh: Type.Optional(Type.Number({ minimum: 0, maximum: 10, errorMessage: 'must be a number in 0..10', description: 'Grid carbon factor, kg CO2 per kWh (default 0.6157: 947 t for 1,538,000 kWh, the seed\'s figures).' })),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

export const RISK_NAMES = { saving: 0.5, balanced: 0.8, safe: 0.95 } as const;

/** `{ problem: "autoscaling", step, horizon, targetUtilization, risk, services, energy, evaluate }`. */
export const AutoscalingInstance = Type.Object(
  {
    problem: Type.Literal('autoscaling'),
    step: Type.Optional(Type.Integer({ minimum: 1, maximum: 604_800, errorMessage: 'must be an integer number of seconds in 1..604800', description: 'Seconds between values (default 300).' })),
    horizon: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, errorMessage: 'must be an integer in 1..100000', description: 'Steps to plan (default: one day at the step, at least 1).' })),
    targetUtilization: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, errorMessage: 'must be a number in (0, 1]', description: 'CPU utilisation the pods should run at (default 0.6).' })),
    maxUtilization: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10, errorMessage: 'must be a number in (0, 10]', description: 'Replay: a step whose realised utilisation is above this is under-provisioned (default 0.9).' })),
    risk: Type.Optional(Type.Union([
      Type.Number({ minimum: 0.001, maximum: 0.999 }),
      Type.Literal('saving'), Type.Literal('balanced'), Type.Literal('safe'),
    ], { errorMessage: 'must be a quantile in 0.001..0.999 or one of "saving", "balanced", "safe"', description: 'Quantile q of the plan: "saving" = 0.5, "balanced" = 0.8 (default), "safe" = 0.95.' })),
    alpha: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, errorMessage: 'must be a number in 0..1e6', description: 'Smoothing: price of one pod of change relative to one pod-step (default 1).' })),
    combine: Type.Optional(Type.Union([Type.Literal('product'), Type.Literal('joint')], {
      errorMessage: 'must be "product" or "joint"', description: 'How the workload and capacity quantiles make a pod count: "product" (default, the issue\'s ceil(F_q / c_(1-q)), q on both sides) or "joint" (one predictive distribution of workload / capacity, the two q-quantile deviations added in quadrature; docs/autoscaling.md, "Joint quantile").',
    })),
    method: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('seasonal-naive'), Type.Literal('ets'), Type.Literal('dsp'), Type.Literal('multiscale')], {
      errorMessage: 'must be one of "auto", "seasonal-naive", "ets", "dsp", "multiscale"', description: 'Forecast method (the forecast problem\'s `method`; default "auto").',
    })),
    readySeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 86_400, errorMessage: 'must be a number of seconds in 0..86400', description: 'Replay: seconds until a new pod serves (default 60).' })),
    services: Type.Array(AutoscalingService, { minItems: 1, maxItems: 100_000, errorMessage: 'must be a non-empty array of services (at most 100,000)' }),
    energy: Type.Optional(AutoscalingEnergy),
    replanEvery: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, errorMessage: 'must be an integer number of steps in 1..100000', description: 'Replay: the forecast policies re-plan every this many steps from the history known then (default: once, a horizon-long plan).' })),
    nowcast: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false', description: 'Replay: inside a re-plan, move each step\'s forecast quantiles by the error of the last step that could be seen (actual − forecast mean), a level correction (default false; docs/autoscaling.md, "Nowcast").' })),
    topUp: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false', description: 'Replay: the forecast policies also set their count at each step\'s start from the last completed step (the re-plan moved by its error, the information HPA acts on); pods above the early, planned ones serve after readySeconds (default false; docs/autoscaling.md, "Top-up").' })),
    scaleDownWindow: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400, errorMessage: 'must be an integer number of seconds in 0..86400', description: 'Replay: a forecast policy\'s count never drops below the highest of its own decisions of the last floor(scaleDownWindow / step) steps, as HPA\'s scale-down stabilisation window does (default 0: none; docs/autoscaling.md, "Scale-down window").' })),
    safeScale: Type.Optional(Type.Object({
      multiplier: Type.Number({ minimum: 0, maximum: 100, errorMessage: 'must be a number in 0..100' }),
      floor: Type.Number({ minimum: 0, maximum: 100, errorMessage: 'must be a number in 0..100' }),
    }, { additionalProperties: false, errorMessage: 'must be an object { multiplier, floor }', description: 'Replay: forecast-safe\'s count of each step becomes ceil(multiplier × count + floor × u), within minPods..maxPods, u = the service\'s mean workload over its history ÷ the workload one pod carries at the target (its mean pods): the safe plan rescaled, with (multiplier, floor) tuned per data set on earlier days (default: absent, unchanged; docs/autoscaling.md, "An optimistic bound").' })),
    tune: Type.Optional(Type.Object({
      missCost: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e9, errorMessage: 'must be a number of pod-hours > 0 (at most 1e9)', description: 'Price of one under-provisioned step (a step whose ready pods run above maxUtilization), in pod-hours. Give missCost or goal.' })),
      goal: Type.Optional(Type.Union([
        Type.Literal('balanced'), Type.Literal('safe'),
        Type.Object({
          rrc: Type.Number({ exclusiveMinimum: 0, maximum: 100, errorMessage: 'must be a number in (0, 100]', description: 'Most pod-hours relative to hpa\'s on the backtest.' }),
          missShare: Type.Number({ minimum: 0, maximum: 1, errorMessage: 'must be a number in 0..1', description: 'Most under-provisioned steps as a share of hpa\'s on the backtest.' }),
        }, { additionalProperties: false }),
      ], { errorMessage: 'must be "balanced", "safe" or an object { rrc, missShare }', description: 'Instead of missCost: tune to a goal against hpa replayed on the same backtest. "balanced" = { rrc: 1.05, missShare: 0.5 }, "safe" = { rrc: 1.3, missShare: 0.25 }. The missCost is the first of 10^(0.6 + 0.05 k), k = 0..48 (3.98 … 1000), ascending, whose backtest meets the goal (pod-hours <= rrc × hpa\'s, misses <= missShare × hpa\'s); when none does, the last whose pod-hours are within rrc × hpa\'s; when none is, the first. Returned in tuning.missCost and tuning.goal (docs/autoscaling.md, "Tuning to a goal").' })),
      windows: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, errorMessage: 'must be an integer in 1..1000', description: 'Horizons of history backtested (default: as many as fit with a horizon of history before the first, at most 7).' })),
      reactive: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false', description: 'The reactive family (default false: one (multiplier, floor)): per step, pods = ceil(max(multiplier_b × safe, reactive_b × x2) + floor_b × u), x2 = the highest of the last 3 values known when the step\'s pods are decided (÷ the workload one pod carries at the target), b = 1 when a jump step lies in the last known hour, else 0; the two buckets\' (multiplier, floor, reactive) chosen by coordinate descent on the backtest, returned in tuning.buckets. The reactive term is applied at run time (a controller rule from the parameters): pods.tuned, planned without future values, is bucket 0\'s forecast part ceil(multiplier × safe + floor × u); forecast-tuned in the replay is the full map (docs/autoscaling.md, "Reactive family").' })),
      adapt: Type.Optional(Type.Object({
        gamma: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, errorMessage: 'must be a number in (0, 1]', description: 'Step of the controller (default 0.05): log k moves by gamma × (miss − target rate) per known outcome.' })),
        missShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1, errorMessage: 'must be a number in 0..1', description: 'Target miss rate as a share of hpa\'s miss rate on the tune\'s backtest (default: the goal\'s missShare with goal, else 0.25).' })),
      }, { additionalProperties: false, errorMessage: 'must be an object { gamma?, missShare? }', description: 'Online adaptation of forecast-tuned at run time, after adaptive conformal inference: per service, k starts at 1 and, when a step\'s pods are decided, log k += gamma × (err − rate) for the newest known outcome (err = 1 when that step ran above maxUtilization), k within [1/4, 4]; pods = ceil(k × the tuned value); rate = missShare × hpa\'s misses ÷ the measured steps of the same backtest. Returned in tuning.adapt; pods.tuned (k = 1) is unchanged, forecast-tuned in the replay is adapted (docs/autoscaling.md, "Online adaptation").' })),
    }, {
      additionalProperties: false, errorMessage: 'must be an object { missCost or goal, windows?, reactive?, adapt? }',
      // for the editor's JSON Schema: one of the two (validate() enforces exactly one, with its own message)
      anyOf: [{ required: ['missCost'] }, { required: ['goal'] }],
      description: 'Tuned policy: backtest forecast-safe (the instance\'s own replay settings) on the last `windows` horizons of the history known at decision time (with evaluate: before the held-out horizon), choose on a grid the (multiplier, floor) of ceil(multiplier × safe + floor × u) minimising pod-hours + missCost × under-provisioned steps, all services pooled; returns `tuning`, `pods.tuned` and, with evaluate, the replayed policy forecast-tuned (docs/autoscaling.md, "Tuned policy").',
    })),
    calibrate: Type.Optional(Type.Union([Type.Literal('horizon'), Type.Literal('lead'), Type.Literal('lead-additive'), Type.Literal('lead-relative')], {
      errorMessage: 'must be one of "horizon", "lead", "lead-additive", "lead-relative"',
      description: 'Replay: the quantiles the forecast policies use. "horizon" (default): the forecast\'s own conformal band of the re-plan. "lead": the conformal quantile of the errors of the short-lead prediction the decision actually uses (the re-plan\'s mean, moved by the nowcast when on), measured on the steps already seen (a calibration stretch of re-plans on the end of the history, then the replayed steps as they are measured); relative (proportional to the level) or additive errors, whichever was narrower on the recent errors; "lead-additive" / "lead-relative" force one (docs/autoscaling.md, "Short-lead calibration").',
    })),
    calibrateVolatility: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false', description: 'Replay, with calibrate "lead": a third scale of the short-lead errors, divided by the mean absolute error of the last hour of errors measured at decision time (locally weighted conformal prediction), taken when its band is the narrowest on average over the window (default false; docs/autoscaling.md, "Volatility-normalised calibration").' })),
    calibratePhase: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false', description: 'Replay, with calibrate "lead…": phase-conditioned (Mondrian) calibration. A decision whose step had a jump (a step a one-step-late oracle misses) at the same phase (same step of the hour, or of the day) in at least 2 of the 3 previous hours (or days) takes the conformal quantile of the errors of such flagged steps only, the other decisions that of the unflagged steps: headroom is bought where bursts recur (default false; docs/autoscaling.md, "Are the jumps periodic?").' })),
    evaluate: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false', description: 'Replay every policy on the last `horizon` steps of the history (default false).' })),
  },
  { additionalProperties: false, errorMessage: 'must be an object', $id: 'greenplan/autoscaling' },
);
export type AutoscalingInstance = Static<typeof AutoscalingInstance>;
export type AutoscalingService = Static<typeof AutoscalingService>;
export type AutoscalingEnergy = Static<typeof AutoscalingEnergy>;

/** Per-pod capacity at the target utilisation: posterior predictive (Student t). */
export interface PerPod {
  /** Predictive mean (= median) of the workload one pod carries at the target utilisation. */
  mean: number;
  /** 5 % and 95 % predictive quantiles. */
  lower: number;
  upper: number;
  /** The (1 − q) quantile used by the plan (q = the plan's risk). */
  planQuantile: number;
  /** Workload one pod carries at 100 % utilisation (posterior mean of w + b; the energy model's capacity). */
  atFull: number;
  /** Fitted relation (posterior means): workloadPerPod = w · utilisation + b. */
  w: number;
  b: number;
  /** Observations used, and whether the service's own data or the pooled prior alone was used. */
  observations: number;
  source: 'service' | 'pooled';
}

export interface AutoscalingServiceSolution {
  name: string;
  /** Forecast per step: mean, 5 % and 95 % quantiles (the 90 % central interval), and the q quantile the plan uses. */
  forecast: { mean: number[]; lower: number[]; upper: number[]; planQuantile: number[]; method: string };
  perPod: PerPod;
  /** saving (q = 0.5), plan (q = risk, smoothed), safe (q = 0.95); `unsmoothed` = the plan before smoothing. */
  pods: { saving: number[]; plan: number[]; safe: number[]; unsmoothed: number[]; tuned?: number[] };
  notes: string[];
}

export interface EnergyTotals { podHours: number; serverHours: number; kWh: number; kgCO2: number }

export interface PolicyResult {
  policy: string;
  podHours: number;
  /** pod-hours ÷ hpa's pod-hours (the seed's relative resource consumption); null when hpa used no pods and this policy did (no ratio). */
  rrc: number | null;
  /** Share of steps with realised utilisation above maxUtilization. */
  underProvisioned: number;
  underProvisionedSteps: number;
  /** Of those, the jump steps: steps a one-step-late oracle misses too (the pods that ran the previous step at the target run this one above maxUtilization); no reactive policy avoids them. */
  underProvisionedJumps: number;
  /** Steps at which the pod count changed. */
  actions: number;
  kWh: number;
  kgCO2: number;
  /** pod-hours ÷ oracle's pod-hours − 1 (the room left). */
  overOracle: number;
}

export interface AutoscalingEvaluation {
  heldOutSteps: number;
  steps: number;
  /** Steps between the forecast policies' re-plans (= heldOutSteps: one plan). */
  replanEvery: number;
  /** With `calibrate` "lead…": the calibration stretch (steps of history re-planned before the replay), the window of errors, the share of quantile decisions that used relative errors, and decisions left to the forecast's own band for want of errors. */
  calibration?: { calibrate: string; calibrationSteps: number; window: number; relativeShare: number; volatilityShare?: number; uncalibrated: number; phase?: { periods: number[]; n: number; k: number; flagged: number; flaggedOwn: number } };
  policies: PolicyResult[];
  /** Replayed steps that are jumps (a one-step-late oracle misses them), all services together. */
  jumpSteps: number;
  /** Per service and policy, the pod counts of the replay (same order as `policies`). */
  services: { name: string; actual: (number | null)[]; pods: Record<string, number[]> }[];
}

export interface AutoscalingSolution {
  problem: 'autoscaling';
  status: 'ok';
  step: number;
  horizon: number;
  risk: number;
  targetUtilization: number;
  services: AutoscalingServiceSolution[];
  totals: EnergyTotals;
  /** The energy parameters used (defaults filled in). */
  energy: Required<AutoscalingEnergy>;
  /** The pooled (empirical Bayes) prior, in units of each service's mean workload per pod (scale-free). */
  prior: { w: number; b: number; sigma2: number; kind: 'between-services' | 'unit-information'; services: number; observations: number };
  /** With `tune`: the chosen (multiplier, floor) and the backtest's figures at it (docs/autoscaling.md, "Tuned policy"). */
  tuning?: AutoscalingTuning;
  evaluation?: AutoscalingEvaluation;
}

export interface AutoscalingTuning {
  multiplier: number;
  floor: number;
  /** The instance's missCost (pod-hours per under-provisioned step). */
  missCost: number;
  /** Horizons backtested, and their measured steps (all services). */
  windows: number;
  steps: number;
  /** Backtest of forecast-safe scaled by (multiplier, floor): pod-hours (warm-up included) and under-provisioned steps. */
  podHours: number;
  misses: number;
  /** With `tune.goal`: the goal, whether the chosen missCost's backtest meets it, and hpa's figures on the same backtest. */
  goal?: { rrc: number; missShare: number; met: boolean; hpaPodHours: number; hpaMisses: number };
  /** With `tune.reactive`: "reactive", and the (multiplier, floor, reactive) of bucket 0 (no jump in the last known hour) and bucket 1 (a jump); multiplier and floor above are bucket 0's. */
  family?: 'reactive';
  buckets?: { multiplier: number; floor: number; reactive: number }[];
  /** With `tune.adapt`: the controller's gamma and missShare, hpa's misses on the same backtest and the target miss rate missShare × hpaMisses ÷ steps. */
  adapt?: { gamma: number; missShare: number; hpaMisses: number; missRate: number };
}
