// Energy and CO2 of a pod plan (docs/autoscaling.md, "Energy"; the defaults and their
// sources are there). Per step: servers = ceil(Σ_services pods · podCores / serverCores)
// (cluster-wide packing); u = Σ pods·podCores·u_s / Σ pods·podCores with
// u_s = min(1, workload_s / (pods_s · atFull_s)); power = idle + (peak − idle) · u;
// kWh = Σ servers · power · pue · step hours / 1000; kg CO2 = kWh · kgCO2PerKWh.
// O(services · steps). The defaults and the per-step servers and power are the shared
// energy model's (src/energy/model.ts, docs/energy.md), with its "reserved" utilisation.
import type { AutoscalingEnergy, EnergyTotals } from './schema.js';
import { ENERGY_DEFAULTS as SHARED_DEFAULTS, serversFor, serversKWh } from '../../energy/model.js';

/** Defaults, each with its source in docs/autoscaling.md (the shared model's, docs/energy.md). */
export const ENERGY_DEFAULTS: Required<AutoscalingEnergy> = { ...SHARED_DEFAULTS };

/** The block over the defaults; a field given as undefined (JavaScript callers) is a field left out. */
export function energyParams(e: AutoscalingEnergy | undefined): Required<AutoscalingEnergy> {
  const out = { ...ENERGY_DEFAULTS };
  for (const k of Object.keys(out) as (keyof AutoscalingEnergy)[]) out[k] = e?.[k] ?? out[k];
  return out;
}

/** One service's plan for the energy figure. `workload[t]` null: the step counts at utilisation 0. */
export interface EnergyInput {
  pods: ArrayLike<number>;
  workload: ArrayLike<number | null>;
  /** Workload one pod carries at 100 % utilisation. */
  atFull: number;
}

/** Totals over `steps` steps of `stepSeconds` for all services together. */
export function energyOf(services: EnergyInput[], steps: number, stepSeconds: number, p: Required<AutoscalingEnergy>): EnergyTotals {
  const hours = stepSeconds / 3600;
  let podSteps = 0;
  let serverSteps = 0;
  let kWh = 0;
  for (let t = 0; t < steps; t++) {
    let cores = 0;
    let busy = 0;
    for (const s of services) {
      const n = s.pods[t]!;
      if (!(n > 0)) continue;
      podSteps += n;
      const c = n * p.podCores;
      cores += c;
      const w = s.workload[t];
      const u = w === null || w === undefined || !(s.atFull > 0) ? 0 : Math.min(1, Math.max(0, w / (n * s.atFull)));
      busy += c * u;
    }
    if (cores === 0) continue;
    const servers = serversFor(cores, p.serverCores);
    const u = busy / cores;
    serverSteps += servers;
    kWh += serversKWh(servers, u, hours, p);
  }
  return { podHours: podSteps * hours, serverHours: serverSteps * hours, kWh, kgCO2: kWh * p.kgCO2PerKWh };
}
