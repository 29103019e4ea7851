// Energy and CO2 of a migrated cluster over a period (docs/energy.md, "Migration"): every
// machine holding a task draws idle + (peak − idle) × u, u = its load / its capacity in the
// power resource (`energy.resource`, default "cpu" when the instance has one, else the
// first), × PUE × hours. The plan's figure is the state after the last round; the baseline
// `before` is the current assignment (new tasks not placed yet), so savedKWh is what the
// freed machines save per `hours` (default a day). The moves themselves are not counted.
// O(tasks + machines).
import type { EnergyHook } from '../types.js';
import { ValidationError } from '../../core/errors.js';
import { powerParams, validatePower, serversKWh, figure, baseline, DEFAULT_HOURS, type PowerParams } from '../../energy/model.js';
import { readInput } from '../../core/validate.js';
import type { MigrationEnergy as Block } from '../../energy/types.js';
import type { MigrationInstance, MigrationSolution, MigrationInfeasible } from './schema.js';

/** Index of the resource that drives power: `energy.resource`, else "cpu" (any case), else 0; -1 when the named one does not exist. */
export function powerResource(resources: readonly string[], named: string | undefined): number {
  if (named !== undefined) return resources.indexOf(named);
  const cpu = resources.findIndex((r) => r.toLowerCase() === 'cpu');
  return cpu >= 0 ? cpu : 0;
}

/** kWh and machines used when task i runs on machine `where(i)` (-1: nowhere). */
function stateKWh(instance: MigrationInstance, r: number, where: (i: number) => number, hours: number, p: PowerParams) {
  const load = new Float64Array(instance.machines.length);
  const used = new Uint8Array(instance.machines.length);
  instance.tasks.forEach((t, i) => {
    const j = where(i);
    if (j < 0) return;
    load[j]! += t.demand[r]!;
    used[j] = 1;
  });
  let kWh = 0;
  let servers = 0;
  instance.machines.forEach((m, j) => {
    if (!used[j]) return;
    servers++;
    const cap = m.capacity[r]!;
    kWh += serversKWh(1, cap > 0 ? Math.min(1, load[j]! / cap) : 0, hours, p);
  });
  return { kWh, servers };
}

export function migrationEnergy(instance: MigrationInstance, assignment: Readonly<Record<string, string>>): Block {
  const e = instance.energy;
  const p = powerParams(e);
  const hours = e?.hours ?? DEFAULT_HOURS;
  const r = powerResource(instance.resources, e?.resource);
  const index = new Map<string, number>();
  instance.machines.forEach((m, j) => index.set(m.name, j));
  const before = stateKWh(instance, r, (i) => { const m = instance.tasks[i]!.machine; return m == null ? -1 : index.get(m) ?? -1; }, hours, p);
  const after = stateKWh(instance, r, (i) => { const t = instance.tasks[i]!.name; return Object.hasOwn(assignment, t) ? index.get(assignment[t]!) ?? -1 : -1; }, hours, p);
  return {
    hours, resource: instance.resources[r]!, servers: after.servers, serverHours: after.servers * hours, ...figure(after.kWh, p),
    baselines: [{ ...baseline('before', 'the current assignment, before the first round (new tasks not placed yet)', before.kWh, after.kWh, p), servers: before.servers }],
    params: p,
  };
}

export const migrationEnergyHook: EnergyHook<MigrationInstance, MigrationSolution | MigrationInfeasible> = {
  validate(instance) {
    readInput(() => {
      const inst = instance as { energy?: { resource?: unknown }; resources?: unknown } | null;
      validatePower(inst?.energy);
      const named = inst?.energy?.resource;
      if (typeof named === 'string' && Array.isArray(inst?.resources) && !inst.resources.includes(named)) {
        throw new ValidationError('energy.resource', `must be one of the instance's resources (${inst.resources.map((x) => JSON.stringify(String(x).slice(0, 40))).join(', ')})`);
      }
    });
  },
  apply(instance, solution) {
    if (solution.status !== 'feasible') return solution;
    return { ...solution, energy: migrationEnergy(instance, solution.assignment) };
  },
};
