// Energy and CO2 of a deployment over a period (docs/energy.md, "Deployment"). The
// deployment switches on `newBins` new machines (idle power each) and places the services'
// load on new and partly used machines (dynamic power, linear in the load relative to a
// new machine's capacity: (peak − idle) × load / binCapacity; the partly used machines
// draw their idle power whatever the deployment does, so only their added load counts).
// With the linear model the plan's figure is newBins × idle + (peak − idle) × Σ size /
// binCapacity (W), × PUE × hours; baselines with the same load: `lower-bound` (lowerBound
// new machines) and `dedicated` (each service on new machines of its own). O(services).
import type { EnergyHook } from '../types.js';
import { powerParams, validatePower, figure, baseline, DEFAULT_HOURS, type PowerParams } from '../../energy/model.js';
import { readInput } from '../../core/validate.js';
import type { DeploymentEnergy as Block } from '../../energy/types.js';
import type { DeploymentInstance, DeploymentSolution } from './schema.js';

/** kWh of `servers` new machines and `load` placed (relative to binCapacity C) over `hours`. */
const kWhOf = (servers: number, load: number, C: number, hours: number, p: PowerParams) =>
  ((servers * p.idleWatts + (p.peakWatts - p.idleWatts) * (load / C)) * p.pue * hours) / 1000;

export function deploymentEnergy(instance: DeploymentInstance, newBins: number, lowerBound: number): Block {
  const e = instance.energy;
  const p = powerParams(e);
  const hours = e?.hours ?? DEFAULT_HOURS;
  const C = instance.binCapacity;
  let load = 0;
  let dedicated = 0;
  for (const it of instance.items) {
    load += it.size;
    dedicated += Math.max(it.parts ?? it.minParts ?? 2, Math.ceil(it.size / C - 1e-9));
  }
  const kWh = kWhOf(newBins, load, C, hours, p);
  return {
    hours, newServers: newBins, load, serverHours: newBins * hours, ...figure(kWh, p),
    baselines: [
      { ...baseline('lower-bound', 'the lower bound on new machines (lowerBound), the same load', kWhOf(lowerBound, load, C, hours, p), kWh, p), newServers: lowerBound },
      { ...baseline('dedicated', 'every service alone on new machines: max(parts (else minParts), ceil(size / binCapacity)) each, none shared, no partly used machine', kWhOf(dedicated, load, C, hours, p), kWh, p), newServers: dedicated },
    ],
    params: p,
  };
}

export const deploymentEnergyHook: EnergyHook<DeploymentInstance, DeploymentSolution> = {
  validate: (instance) => readInput(() => validatePower((instance as { energy?: unknown } | null)?.energy)),
  apply(instance, solution) {
    if (solution.status === 'infeasible') return solution;
    return { ...solution, energy: deploymentEnergy(instance, solution.newBins, solution.lowerBound) };
  },
};
