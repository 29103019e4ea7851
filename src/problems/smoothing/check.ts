// Independent checker for smoothing solutions. It shares no code with the solver:
// it reads the raw JSON itself, recomputes feasibility and the objective, and
// reports the first violation it finds. An infeasible claim (a budget below the least
// total resource) is proved by recomputing that least total.

import type { CheckReport } from '../types.js';
import { withContract, type InfeasibleVerdict } from '../../check/contract.js';
import { quote } from '../../check/quote.js';
import { nearWithin } from '../../check/near.js';
import { checkSmoothingEnergy } from '../../check/energy.js';
export type { CheckReport };

const TOL = 1e-6;
const near = nearWithin(TOL);

/** The smoothing checker under the result contract (src/check/contract.ts). */
export const checkSmoothing = withContract('smoothing', checkSolved, { infeasible: infeasibleVerdict, statuses: ['optimal', 'infeasible'] });

/** Only a budget can make smoothing infeasible: recompute the least total resource. */
function infeasibleVerdict(instance: any, solution: any): InfeasibleVerdict {
  const budget: number | undefined = instance?.budget;
  if (budget === undefined) return { feasible: 'the instance has no budget (without one, every instance has a plan)' };
  const least = leastResource(instance.scenarios ?? []);
  if (!(least > budget)) return { feasible: `a plan of total ${least} fits the budget ${budget}` };
  if (!near(least, solution.minimumResource)) return { wrong: `minimumResource is ${solution.minimumResource}, recomputed ${least}` };
  return { proved: `the least total resource of any feasible plan is ${least}, over the budget ${budget}` };
}

function checkSolved(instance: any, solution: any): CheckReport {
  const fail = (reason: string): CheckReport => ({ valid: false, reason });
  const budget: number | undefined = instance.budget;
  const scen: any[] = instance.scenarios ?? [];
  if (solution.status !== 'optimal') return fail(`solution.status is "${solution.status}", expected "optimal"`);
  const alpha = instance.alpha ?? 1;
  if (solution.budget !== budget) return fail(`budget is ${solution.budget}, the instance's is ${budget}`);
  if (!Array.isArray(solution.scenarios) || solution.scenarios.length !== scen.length) {
    return fail(`solution has ${solution.scenarios?.length} scenarios, instance has ${scen.length}`);
  }
  let resource = 0;
  let variation = 0;
  for (let i = 0; i < scen.length; i++) {
    const s = scen[i];
    const name = s.name ?? String(i);
    const got = solution.scenarios[i];
    if (got?.name !== name) return fail(`scenarios[${i}].name is ${quote(got?.name)}, expected ${quote(name)}`);
    const h = got.plan;
    const d: number[] = s.demand;
    if (!Array.isArray(h) || h.length !== d.length) return fail(`scenarios[${i}].plan has length ${h?.length}, demand has ${d.length}`);
    let v = 0;
    for (let t = 0; t < d.length; t++) {
      const x = h[t];
      if (typeof x !== 'number' || !Number.isInteger(x)) return fail(`scenarios[${i}].plan[${t}] = ${x} is not an integer`);
      if (x < d[t]!) return fail(`scenarios[${i}].plan[${t}] = ${x} is below demand ${d[t]}`);
      resource += x;
      if (t > 0) {
        const diff = Math.abs(x - h[t - 1]);
        if (s.maxStep !== undefined && diff > s.maxStep) {
          return fail(`scenarios[${i}].plan changes by ${diff} between steps ${t - 1} and ${t}, over maxStep ${s.maxStep}`);
        }
        v += diff;
      }
    }
    variation += (s.weight ?? 1) * v;
  }
  if (budget !== undefined && resource > budget + 1e-9 * Math.max(1, budget)) return fail(`the plans use ${resource} in all, over the budget ${budget}`);
  const objective = budget === undefined ? resource + alpha * variation : variation;
  // the plans are integers: their sum is exact below 2^53 (then `resource` must be exact, not near)
  if (Number.isSafeInteger(resource) ? solution.resource !== resource : !near(resource, solution.resource)) return fail(`resource is ${solution.resource}, recomputed ${resource}`);
  if (!near(variation, solution.variation)) return fail(`variation is ${solution.variation}, recomputed ${variation}`);
  if (!near(objective, solution.objective)) return fail(`objective is ${solution.objective}, recomputed ${objective}`);
  const energy = checkSmoothingEnergy(instance, solution);
  if (energy) return fail(energy);
  return { valid: true, reason: 'ok', objective };
}

/**
 * The least Σ h over feasible plans: per scenario, h_t >= ceil(d_t) pushed up so that
 * no step exceeds maxStep (a forward and a backward pass; any feasible plan lies
 * above the result, and the result itself is feasible).
 */
function leastResource(scen: any[]): number {
  let total = 0;
  for (const s of scen) {
    const d: number[] = Array.from(s.demand ?? []);
    const h = d.map((x) => Math.ceil(x));
    if (s.maxStep !== undefined) {
      for (let t = 1; t < h.length; t++) h[t] = Math.max(h[t]!, h[t - 1]! - s.maxStep);
      for (let t = h.length - 2; t >= 0; t--) h[t] = Math.max(h[t]!, h[t + 1]! - s.maxStep);
    }
    for (const x of h) total += x;
  }
  return total;
}
