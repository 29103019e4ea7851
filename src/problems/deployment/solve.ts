import { Validator, uniqueNames, throwIssues } from '../../core/validate.js';
import { ValidationError, quote, MAX_ISSUES, type Issue } from '../../core/errors.js';
import { kernels, type Kernels } from '../../wasm/loader.js';
import {
  DeploymentInstance, DEFAULT_DEPLOYMENT_ALGORITHM,
  type DeploymentAlgorithm, type DeploymentSolution, type DeploymentItemPlacement,
} from './schema.js';
import { toModel, countAtLeast, sortedFreeDesc, type Model } from './model.js';
import { lowerBound, type LowerBound } from './lower-bound.js';
import { guessAndPack, packAndAdapt, mergeAndSplit, spreadWfd, type AlgoResult } from './algorithms.js';
import { DEPLOYMENT_MAX_OUTPUT_PARTS, tooManyParts, type Rule } from './pack.js';

const validator: Validator<typeof DeploymentInstance> = new Validator(DeploymentInstance);
export { DEPLOYMENT_MAX_OUTPUT_PARTS } from './pack.js';
/** Largest total of the fewest parts the services need (Σ ceil(size / largest room)): bounds time and memory. */
export const DEPLOYMENT_MAX_MIN_PARTS = 2 ** 20;

/** Validate a deployment instance (throws ValidationError naming the JSON path, every issue of a kind listed). */
export function validateDeployment(input: unknown): asserts input is DeploymentInstance {
  validator.assert(input);
  const inst = input as DeploymentInstance;
  uniqueNames('items', inst.items.map((it, i) => it.name ?? String(i)));
  const issues: Issue[] = [];
  const issue = (path: string, what: string) => { if (issues.length < MAX_ISSUES) issues.push({ path, message: `${path} ${what}` }); };
  inst.items.forEach((it, i) => {
    const lo = it.minParts ?? 2;
    if (it.maxParts !== undefined && it.maxParts < lo) issue(`items[${i}].maxParts`, `must be >= minParts (${lo})`);
    else if (it.parts !== undefined && (it.parts < lo || (it.maxParts !== undefined && it.parts > it.maxParts))) {
      issue(`items[${i}].parts`, `must be within minParts..maxParts (${lo}..${it.maxParts ?? 'unbounded'})`);
    }
  });
  const binNames = (inst.bins ?? []).map((b, j) => b.name ?? `bin-${j}`);
  binNames.forEach((name, j) => {
    if (/^new-\d+$/.test(name)) issue(`bins[${j}].name`, `${quote(name)} is reserved for new machines`);
  });
  throwIssues(issues);
  uniqueNames('bins', binNames);
  // the fewest parts every service needs (a part must fit a new or a partly used machine)
  let room = inst.binCapacity;
  for (const b of inst.bins ?? []) room = Math.max(room, b.free);
  let total = 0;
  inst.items.forEach((it, i) => {
    const least = Math.max(it.minParts ?? 2, Math.ceil(it.size / room - 1e-9));
    if (least > DEPLOYMENT_MAX_MIN_PARTS) {
      throw new ValidationError(`items[${i}].size`, `needs at least ${least} parts (no machine holds more than ${room}), over the ${DEPLOYMENT_MAX_MIN_PARTS} parts one instance may need`);
    }
    total += least;
    if (total > DEPLOYMENT_MAX_MIN_PARTS) {
      throw new ValidationError('items', `need at least ${total} parts in all (up to items[${i}]), over the ${DEPLOYMENT_MAX_MIN_PARTS} parts one instance may need`);
    }
  });
}

/** The numeric result of one algorithm (bench and tests use it; solveDeployment builds the JSON). */
export interface DeploymentRun {
  model: Model;
  lowerBound: LowerBound;
  algorithm: DeploymentAlgorithm;
  result: AlgoResult | { ok: false; item: number; reason: string };
}

function partsOf(r: AlgoResult): Int32Array | undefined {
  return r.ok ? r.placement.k : undefined;
}

/** Run one algorithm on a validated instance. `parts` overrides the given part counts (spread-wfd). */
export function runDeployment(k: Kernels, inst: DeploymentInstance, algorithm: DeploymentAlgorithm, opts: { parts?: Int32Array } = {}): DeploymentRun {
  const model = toModel(inst);
  const lb = lowerBound(model);
  const names = inst.items.map((it, i) => it.name ?? String(i));
  if (lb.infeasibleItem >= 0) {
    const i = lb.infeasibleItem;
    const it = inst.items[i]!;
    return {
      model, lowerBound: lb, algorithm,
      result: {
        ok: false, item: i,
        reason: `service ${quote(names[i])} (items[${i}], size ${it.size}) cannot be split into ${it.minParts ?? 2}..${it.maxParts ?? 'any number of'} ` +
          `equal parts that fit: a new machine holds ${inst.binCapacity} and too few partly used machines hold a part`,
      },
    };
  }
  let result: AlgoResult;
  if (algorithm === 'merge-and-split') result = mergeAndSplit(k, model);
  else if (algorithm === 'spread-wfd') {
    let parts = opts.parts;
    if (!parts) {
      parts = Int32Array.from(model.given);
      if (parts.some((p) => p === 0)) {
        // items without given parts: the part counts of Guess-and-Pack with Worst Fit
        const gp = partsOf(guessAndPack(k, model, lb, 'worst-fit'));
        for (let i = 0; i < model.n; i++) if (parts[i] === 0) parts[i] = gp ? gp[i]! : model.kNew[i]! || lb.minParts[i]!;
      }
    }
    const desc = sortedFreeDesc(model);
    for (let i = 0; i < model.n; i++) {
      const s = model.w[i]! / parts[i]!;
      if (s > model.C + model.eps && countAtLeast(desc, s - model.eps) < parts[i]!) {
        return {
          model, lowerBound: lb, algorithm,
          result: { ok: false, item: i, reason: `service ${quote(names[i])} (items[${i}]) cannot be placed with its ${parts[i]} parts of ${s}: they fit neither a new machine (${model.C}) nor ${parts[i]} partly used machines` },
        };
      }
    }
    result = spreadWfd(k, model, lb, parts);
  } else {
    const [family, rule] = algorithm.split(':') as [string, Rule];
    result = family === 'guess-and-pack' ? guessAndPack(k, model, lb, rule) : packAndAdapt(k, model, rule);
  }
  if (!result.ok) {
    const i = result.item;
    return {
      model, lowerBound: lb, algorithm,
      result: { ok: false, item: i, reason: `service ${quote(names[i])} (items[${i}]) found no place: ${algorithm} could not fit it on the partly used machines left (it cannot use a new machine)` },
    };
  }
  return { model, lowerBound: lb, algorithm, result };
}

/** Equally-split bin packing (see README, "Deployment"). Throws on invalid input; infeasible instances give status "infeasible". */
export async function deploy(instance: DeploymentInstance): Promise<DeploymentSolution> {
  validateDeployment(instance);
  const k = await kernels();
  const algorithm = instance.algorithm ?? DEFAULT_DEPLOYMENT_ALGORITHM;
  return deploymentSolution(instance, runDeployment(k, instance, algorithm));
}

/** The JSON solution of a run (new machines renamed new-1 … in index order, only those used). */
export function deploymentSolution(instance: DeploymentInstance, run: DeploymentRun): DeploymentSolution {
  const lb = run.lowerBound;
  const algorithm = run.algorithm;
  if (!run.result.ok) {
    return {
      problem: 'deployment', status: 'infeasible', algorithm, newBins: 0, parts: 0, lowerBound: lb.newBins, items: [],
      reason: 'reason' in run.result ? run.result.reason : `service items[${run.result.item}] found no place`,
    };
  }
  const p = run.result.placement;
  if (p.parts > DEPLOYMENT_MAX_OUTPUT_PARTS) {
    throw tooManyParts(algorithm, p.parts);
  }
  const m = run.model.m;
  const binNames = (instance.bins ?? []).map((b, j) => b.name ?? `bin-${j}`);
  const used = new Set<number>();
  for (let q = 0; q < p.bins.length; q++) if (p.bins[q]! >= m) used.add(p.bins[q]!);
  const newName = new Map<number, string>();
  [...used].sort((a, b) => a - b).forEach((b, t) => newName.set(b, `new-${t + 1}`));
  const items: DeploymentItemPlacement[] = instance.items.map((it, i) => {
    const kk = p.k[i]!;
    const bins: string[] = new Array(kk);
    for (let t = 0; t < kk; t++) {
      const b = p.bins[p.start[i]! + t]!;
      bins[t] = b < m ? binNames[b]! : newName.get(b)!;
    }
    return { name: it.name ?? String(i), parts: kk, partSize: it.size / kk, bins };
  });
  const newBins = used.size;
  const optimal = newBins === lb.newBins && p.parts === lb.parts;
  return { problem: 'deployment', status: optimal ? 'optimal' : 'feasible', algorithm, newBins, parts: p.parts, lowerBound: lb.newBins, items };
}
