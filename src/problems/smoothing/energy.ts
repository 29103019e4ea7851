// Energy and CO2 of a smoothing plan (docs/energy.md, "Smoothing"). The plan is capacity
// per step in `unit`s (cores, pods or servers); per step the units of every scenario are
// packed cluster-wide onto ceil(Σ plan × cores per unit / serverCores) servers (the packed
// timeline of src/energy/model.ts) at utilisation Σ demand × cores per unit / their cores:
// the work's dynamic power is the same for every plan, a plan saves by the servers it does
// not need. Baseline `peak`: each scenario held at its peak demand (rounded up) at every
// step. O(Σ steps).
import type { EnergyHook } from '../types.js';
import { coreParams, validatePower, PackedTimeline, figure, baseline, DEFAULT_STEP_SECONDS } from '../../energy/model.js';
import type { SmoothingEnergy as Block } from '../../energy/types.js';
import type { SmoothingInstance, SmoothingSolution, SmoothingInfeasible } from './schema.js';

type Plan = ArrayLike<number>;

/** The energy block of plans `plans[i]` for demands `demand[i]` (scenarios may differ in length). */
export function smoothingEnergy(instance: Pick<SmoothingInstance, 'energy'>, demand: readonly Plan[], plans: readonly Plan[]): Block {
  const e = instance.energy;
  const p = coreParams(e);
  const unit = e?.unit ?? 'cores';
  const step = e?.step ?? DEFAULT_STEP_SECONDS;
  const perUnit = unit === 'cores' ? 1 : unit === 'pods' ? p.podCores : p.serverCores;
  let T = 0;
  for (const d of demand) T = Math.max(T, d.length);
  // per step: reserved units of the plan, of the peak baseline, and busy units (demand)
  const cores = new Float64Array(T);
  const peak = new Float64Array(T);
  const busy = new Float64Array(T);
  for (let i = 0; i < demand.length; i++) {
    const d = demand[i]!;
    const h = plans[i]!;
    let top = 0;
    for (let t = 0; t < d.length; t++) {
      const x = d[t]!;
      busy[t]! += x;
      cores[t]! += h[t]!;
      if (x > top) top = x;
    }
    const c = Math.ceil(top);
    for (let t = 0; t < d.length; t++) peak[t]! += c;
  }
  const hours = step / 3600;
  const plan = new PackedTimeline(p, hours);
  const base = new PackedTimeline(p, hours);
  for (let t = 0; t < T; t++) {
    plan.add(cores[t]! * perUnit, busy[t]! * perUnit);
    base.add(peak[t]! * perUnit, busy[t]! * perUnit);
  }
  return {
    unit, step, steps: T, hours: T * hours, serverHours: plan.serverHours, ...figure(plan.kWh, p),
    baselines: [{ ...baseline('peak', 'every scenario held at its peak demand (rounded up) at every step', base.kWh, plan.kWh, p), serverHours: base.serverHours }],
    params: p,
  };
}

export const smoothingEnergyHook: EnergyHook<SmoothingInstance, SmoothingSolution | SmoothingInfeasible> = {
  validate: (instance) => validatePower((instance as { energy?: unknown } | null)?.energy),
  apply(instance, solution) {
    if (solution.status !== 'optimal') return solution;
    const energy = smoothingEnergy(instance, instance.scenarios.map((s) => s.demand), solution.scenarios.map((s) => s.plan));
    return { ...solution, energy };
  },
};
