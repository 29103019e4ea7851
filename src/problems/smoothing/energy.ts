// Energy and CO2 of a smoothing plan (docs/energy.md, "Smoothing"). The plan is capacity
// per step in `unit`s (cores, pods or servers); per step the units of every scenario are
// packed cluster-wide onto ceil(Σ plan × cores per unit / serverCores) servers (the packed
// timeline of src/energy/model.ts) at utilisation Σ demand × cores per unit / their cores:
// the work's dynamic power is the same for every plan, a plan saves by the servers it does
// not need. Baseline `peak`: each scenario held at its peak demand (rounded up) at every
// step. O(Σ steps).
import type { EnergyHook } from '../types.js';
import { coreParams, validatePower, serversFor, figure, baseline, DEFAULT_STEP_SECONDS } from '../../energy/model.js';
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
  const n = demand.length;
  let T = 0;
  // each scenario's peak, rounded up (the baseline holds it at every step)
  const peaks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = demand[i]!;
    T = Math.max(T, d.length);
    let top = 0;
    for (let t = 0, m = d.length; t < m; t++) if (d[t]! > top) top = d[t]!;
    peaks[i] = Math.ceil(top);
  }
  // per step, in cores: reserved by the plan and by the peak, busy (the demand);
  // servers = ceil(cores / serverCores), utilisation = busy / their cores, capped at 1
  // (so Σ servers × power = servers × idle + (peak − idle) × min(servers, busy / serverCores)).
  // One scenario: read in place; several: summed scenario by scenario into two arrays of T.
  let cores: ArrayLike<number>;
  let busy: ArrayLike<number>;
  if (n === 1) {
    cores = plans[0]!;
    busy = demand[0]!;
  } else {
    const c = new Float64Array(T);
    const b = new Float64Array(T);
    for (let i = 0; i < n; i++) {
      const d = demand[i]!;
      const h = plans[i]!;
      for (let t = 0, m = d.length; t < m; t++) {
        b[t] += d[t]!;
        c[t] += h[t]!;
      }
    }
    cores = c;
    busy = b;
  }
  // the peak baseline's units per step: Σ peaks of the scenarios still running (by length)
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => demand[y]!.length - demand[x]!.length);
  let alive = n;
  let peak = 0;
  for (const i of order) peak += peaks[i]!;
  const sc = p.serverCores;
  const span = p.peakWatts - p.idleWatts;
  const idle = p.idleWatts;
  let planSteps = 0;
  let baseSteps = 0;
  let planW = 0;
  let baseW = 0;
  for (let t = 0; t < T; t++) {
    while (alive > 0 && demand[order[alive - 1]!]!.length <= t) peak -= peaks[order[--alive]!]!;
    const u = busy[t]! * perUnit / sc; // busy, in servers' worth of cores
    const c = cores[t]! * perUnit;
    if (c > 0) {
      const k = serversFor(c, sc);
      planSteps += k;
      planW += k * idle + span * Math.min(k, u);
    }
    if (peak > 0) {
      const k = serversFor(peak * perUnit, sc);
      baseSteps += k;
      baseW += k * idle + span * Math.min(k, u);
    }
  }
  const hours = step / 3600;
  const plan = { serverSteps: planSteps, kWh: (planW * p.pue * hours) / 1000 };
  const base = { serverSteps: baseSteps, kWh: (baseW * p.pue * hours) / 1000 };
  return {
    unit, step, steps: T, hours: T * hours, serverHours: plan.serverSteps * hours, ...figure(plan.kWh, p),
    baselines: [{ ...baseline('peak', 'every scenario held at its peak demand (rounded up) at every step', base.kWh, plan.kWh, p), serverHours: base.serverSteps * hours }],
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
