import { Validator, uniqueNames, readInput } from '../../core/validate.js';
import { ValidationError, statusError } from '../../core/errors.js';
import { kernels, type Kernels } from '../../wasm/loader.js';
import type { SmoothBatchArgs } from '../../wasm/kernels.js';
import { Layout } from '../../wasm/arena.js';
import { OK, BAD_VALUE } from '../../wasm/abi.js';
import { SmoothingInstance, type SmoothingSolution, type SmoothingInfeasible } from './schema.js';
import { spendBudget } from './budget.js';

const validator: Validator<typeof SmoothingInstance> = new Validator(SmoothingInstance);
/** Longest total series one call accepts (sum over scenarios). */
export const MAX_TOTAL_STEPS = 2 ** 27;

const DEMAND_MESSAGE = 'must be a finite number >= 0 (at most 1e12)';

/**
 * Demand values are checked by one tight loop per series (same rule as the schema's
 * item schema, whose message it reports, at the same JSON path): TypeBox per element
 * costs more than the whole solve on long series.
 */
function checkDemand(d: ArrayLike<unknown>, i: number): void {
  for (let t = 0; t < d.length; t++) {
    const x = d[t];
    if (!(typeof x === 'number' && x >= 0 && x <= 1e12)) throw new ValidationError(`scenarios[${i}].demand[${t}]`, DEMAND_MESSAGE);
  }
}
const longSeries = (d: unknown): d is ArrayLike<unknown> => d instanceof Float64Array || Array.isArray(d);

/**
 * number[] copy of a[from, to): an array allocated at its length and filled with a
 * double first, so that it has double elements before the copy loop (measured at 10^6
 * values: 5-6 ms, against 9.5 for `new Array(n)` then the loop, which converts the
 * array's elements on the way; 17 for push, 25-31 for Array.from; bench/results/smoothing.json).
 */
export function plainArray(a: Float64Array, from = 0, to = a.length): number[] {
  const n = to - from;
  const out = new Array<number>(n).fill(0.5);
  for (let t = 0; t < n; t++) out[t] = a[from + t]!;
  return out;
}

/**
 * Validate a smoothing instance (throws ValidationError naming the JSON path).
 * `demand` may also be a Float64Array (library callers: no JSON round trip).
 * The schema checks everything but the demand values (each series stands in as []
 * when it is an array or Float64Array), then one loop per series checks the values.
 */
export function validateSmoothing(input: unknown): asserts input is SmoothingInstance {
  validate(input, true);
}

/**
 * validateSmoothing; with typed = false, Float64Array values are left to the kernel,
 * which checks them on its first pass anyway (smooth() then finds the path of a bad
 * one only when the kernel reports one: badDemand).
 */
function validate(input: unknown, typed: boolean): asserts input is SmoothingInstance {
  const scen = readInput(() => (input as { scenarios?: unknown })?.scenarios);
  if (Array.isArray(scen)) {
    validator.assert(readInput(() => ({ ...(input as object), scenarios: scen.map((s) => (longSeries(s?.demand) ? { ...s, demand: [] } : s)) })));
    scen.forEach((s, i) => { if (typed || !(s.demand instanceof Float64Array)) checkDemand(s.demand, i); });
  } else {
    validator.assert(input);
  }
  const scenarios = (input as SmoothingInstance).scenarios;
  uniqueNames('scenarios', scenarios.map((s, i) => s.name ?? String(i)));
  let total = 0;
  for (const s of scenarios) total += s.demand.length;
  if (total > MAX_TOTAL_STEPS) {
    throw new ValidationError('scenarios', `hold ${total} steps in all; at most ${MAX_TOTAL_STEPS} fit in one call (split the instance)`);
  }
  checkObjectiveRange(input as SmoothingInstance);
}

/** Largest objective term a smoothing instance may produce (keeps every sum finite). */
export const MAX_OBJECTIVE = 1e300;

/**
 * Every pair of values that passes validation must solve (issue 10): without a budget the
 * objective is Σ h + Σ_i alpha·w_i·Σ_t |Δh|, and |Δh| sums to at most 2·(largest demand + 1)
 * per step, so alpha·w_i·2·(max demand + 1)·T must stay below MAX_OBJECTIVE (1e300);
 * otherwise the instance is refused here, naming the weight (or alpha).
 */
function checkObjectiveRange(inst: SmoothingInstance): void {
  if (inst.budget !== undefined) return; // alpha is ignored under a budget
  const alpha = inst.alpha ?? 1;
  if (alpha === 0) return;
  inst.scenarios.forEach((s, i) => {
    const w = s.weight ?? 1;
    // validation caps demand at 1e12: when even that bound fits, no scan of the series
    // (the scan is a pass over every value, as long as the kernel's own at 10^6 steps)
    if (alpha * w * 2 * (1e12 + 1) * Math.max(1, s.demand.length) <= MAX_OBJECTIVE) return;
    let max = 0;
    // out-of-range demand (NaN, Infinity, > 1e12 in a Float64Array) is the kernel's to report with its path
    for (let t = 0; t < s.demand.length; t++) { const x = s.demand[t]!; if (x > max && x <= 1e12) max = x; }
    const bound = alpha * w * 2 * (max + 1) * Math.max(1, s.demand.length);
    if (!(bound <= MAX_OBJECTIVE)) {
      throw new ValidationError(s.weight !== undefined ? `scenarios[${i}].weight` : 'alpha',
        `is too large: alpha × weight (${alpha} × ${w}) × 2 × (largest demand + 1) × steps must stay below ${MAX_OBJECTIVE}`);
    }
  });
}

/** The kernel found a demand value out of range: throw at its JSON path. */
function badDemand(scen: SmoothingInput['scenarios']): void {
  scen.forEach((s, i) => checkDemand(s.demand, i));
}

export interface SmoothOptions {
  /** 'array' (default): plans as number[] (JSON-ready); 'float64': plans as Float64Arrays (faster: one copy of all plans out of WebAssembly memory, each plan a view of it). */
  plans?: 'array' | 'float64';
}

/** A smoothing instance whose demand series may be Float64Arrays. */
export type SmoothingInput = Omit<SmoothingInstance, 'scenarios'> & {
  scenarios: (Omit<SmoothingInstance['scenarios'][number], 'demand'> & { demand: number[] | Float64Array })[];
};

/**
 * Exact smoothing (O(T) per scenario, in WebAssembly). With `budget`: exact smoothing
 * under the budget (envelope boxes → bounded knapsack, see budget.ts); status
 * "infeasible" when the budget is below the envelopes' total. Throws on invalid input.
 */
export async function smooth(instance: SmoothingInput, options?: SmoothOptions & { plans?: 'array' }): Promise<SmoothingSolution | SmoothingInfeasible>;
export async function smooth(instance: SmoothingInput, options: SmoothOptions & { plans: 'float64' }): Promise<SmoothingSolution<Float64Array> | SmoothingInfeasible>;
export async function smooth(instance: SmoothingInput, options: SmoothOptions = {}): Promise<SmoothingSolution<number[] | Float64Array> | SmoothingInfeasible> {
  validate(instance, false);
  if (instance.budget !== undefined) return smoothBudget(instance, instance.budget, options);
  return smoothAlpha(instance, instance.alpha ?? 1, options);
}

async function smoothBudget(instance: SmoothingInput, budget: number, options: SmoothOptions): Promise<SmoothingSolution<number[] | Float64Array> | SmoothingInfeasible> {
  const env = await smoothAlpha(instance, 0, { plans: 'float64' });
  const Ls = env.scenarios.map((s) => s.plan as Float64Array);
  const minimumResource = env.resource;
  if (minimumResource > budget) {
    return {
      problem: 'smoothing', status: 'infeasible', budget, minimumResource,
      reason: `budget ${budget} is below ${minimumResource}, the least total resource any feasible plan needs (Σ over scenarios of the envelope: demand rounded up, maxStep enforced)`,
    };
  }
  const weights = instance.scenarios.map((s) => s.weight ?? 1);
  const spent = await spendBudget(Ls, weights, Math.floor(budget - minimumResource));
  let resource = 0;
  let variation = 0;
  const scenarios = instance.scenarios.map((s, i) => {
    const L = Ls[i]!;
    const r = spent.raise[i]!;
    const h = new Float64Array(L.length);
    let v = 0;
    for (let t = 0; t < L.length; t++) {
      h[t] = L[t]! + r[t]!;
      resource += h[t]!;
      if (t > 0) v += Math.abs(h[t]! - h[t - 1]!);
    }
    variation += weights[i]! * v;
    return { name: s.name ?? String(i), plan: options.plans === 'float64' ? h : plainArray(h) };
  });
  return { problem: 'smoothing', status: 'optimal', objective: variation, resource, variation, budget, algorithm: spent.algorithm, scenarios };
}

/**
 * One smoothBatch call laid out in the kernels' arena and filled: series i with its
 * max step maxStep(i) (-1: none) and coefficient coef(i). Returns the call's arguments,
 * the offsets of its outputs (plan, sums: resource and variation per series) and the
 * series offsets (a view, valid until the next call into the kernels).
 */
export function placeSmoothBatch(k: Kernels, demands: readonly ArrayLike<number>[], maxStep: (i: number) => number, coef: (i: number) => number) {
  const n = demands.length;
  let N = 0;
  let Tmax = 0;
  for (const d of demands) { N += d.length; Tmax = Math.max(Tmax, d.length); }
  const lay = new Layout();
  const oOff = lay.take(n + 1, 4);
  const oStep = lay.take(n, 8); // f64: maxStep goes up to 1e12 (an Int32Array wrapped 2^32 + 5 to 5)
  const oCoef = lay.take(n, 8);
  const oSums = lay.take(2 * n, 8);
  const oDem = lay.take(N, 8);
  const oPlan = lay.take(N, 8);
  const oScr = lay.take(Tmax, 8); // the stack: levels, then starts
  lay.take(Tmax, 4);
  const base = lay.reserve(k, 'smoothing');
  const buf = k.memory.buffer;
  const off = new Int32Array(buf, base + oOff, n + 1);
  const step = new Float64Array(buf, base + oStep, n);
  const cf = new Float64Array(buf, base + oCoef, n);
  const dem = new Float64Array(buf, base + oDem, N);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const d = demands[i]!;
    off[i] = at;
    step[i] = maxStep(i);
    cf[i] = coef(i);
    dem.set(d, at);
    at += d.length;
  }
  off[n] = at;
  const args: SmoothBatchArgs = {
    n, offsets: base + oOff, demand: base + oDem, maxStep: base + oStep, coef: base + oCoef,
    plan: base + oPlan, sums: base + oSums, scratch: base + oScr, scratchLen: Tmax,
  };
  return { N, base, oPlan, oSums, off, args };
}

async function smoothAlpha(instance: SmoothingInput, alpha: number, options: SmoothOptions): Promise<SmoothingSolution<number[] | Float64Array>> {
  const k = await kernels();
  const scen = instance.scenarios;
  const n = scen.length;
  const { N, base, oPlan, oSums, off, args } = placeSmoothBatch(k, scen.map((s) => s.demand), (i) => scen[i]!.maxStep ?? -1, (i) => alpha * (scen[i]!.weight ?? 1));
  const status = k.smoothBatch(args);
  if (status === BAD_VALUE) badDemand(scen);
  if (status !== OK) throw statusError(status, 'smoothing');
  // copy out: never hand out views into WASM memory
  const out = k.memory.buffer;
  const plan = new Float64Array(out, base + oPlan, N);
  const sums = new Float64Array(out, base + oSums, 2 * n);
  let resource = 0;
  let variation = 0;
  // float64 plans: one copy of every plan (one allocation), each scenario's plan a view of it
  const all = options.plans === 'float64' ? plan.slice() : undefined;
  const scenarios = scen.map((s, i) => {
    const a = off[i]!;
    resource += sums[2 * i]!;
    variation += (s.weight ?? 1) * sums[2 * i + 1]!;
    const T = s.demand.length;
    if (all) return { name: s.name ?? String(i), plan: all.subarray(a, a + T) };
    return { name: s.name ?? String(i), plan: plainArray(plan, a, a + T) };
  });
  return { problem: 'smoothing', status: 'optimal', objective: resource + alpha * variation, resource, variation, scenarios };
}
