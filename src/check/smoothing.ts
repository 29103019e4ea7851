// Independent checker for smoothing solutions. It shares no code with the solver:
// it reads the raw JSON itself, recomputes feasibility and the objective, and
// reports the first violation it finds.

export interface CheckReport {
  valid: boolean;
  /** Why the solution is not valid (first violation), or 'ok'. */
  reason: string;
  objective?: number;
}

const TOL = 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));

export function checkSmoothing(instance: any, solution: any): CheckReport {
  const fail = (reason: string): CheckReport => ({ valid: false, reason });
  if (!solution || solution.problem !== 'smoothing') return fail('solution.problem is not "smoothing"');
  if (solution.status !== 'optimal') return fail(`solution.status is "${solution.status}", expected "optimal"`);
  const alpha = instance.alpha ?? 1;
  const scen: any[] = instance.scenarios ?? [];
  if (!Array.isArray(solution.scenarios) || solution.scenarios.length !== scen.length) {
    return fail(`solution has ${solution.scenarios?.length} scenarios, instance has ${scen.length}`);
  }
  let resource = 0;
  let variation = 0;
  for (let i = 0; i < scen.length; i++) {
    const s = scen[i];
    const name = s.name ?? String(i);
    const got = solution.scenarios[i];
    if (got?.name !== name) return fail(`scenarios[${i}].name is "${got?.name}", expected "${name}"`);
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
  const objective = resource + alpha * variation;
  if (!near(resource, solution.resource)) return fail(`resource is ${solution.resource}, recomputed ${resource}`);
  if (!near(variation, solution.variation)) return fail(`variation is ${solution.variation}, recomputed ${variation}`);
  if (!near(objective, solution.objective)) return fail(`objective is ${solution.objective}, recomputed ${objective}`);
  return { valid: true, reason: 'ok', objective };
}
