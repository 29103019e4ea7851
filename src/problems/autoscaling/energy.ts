// Energy and CO2 of a pod plan (docs/autoscaling.md, "Energy"; the defaults and their
// sources are there). Per step: servers = ceil(Σ_services pods · podCores / serverCores)
// (cluster-wide packing); u = Σ pods·podCores·u_s / Σ pods·podCores with
// u_s = min(1, workload_s / (pods_s · atFull_s)); power = idle + (peak − idle) · u;
// kWh = Σ servers · power · pue · step hours / 1000; kg CO2 = kWh · kgCO2PerKWh.
// O(services · steps).
import type { AutoscalingEnergy, EnergyTotals } from './schema.js';

/** Defaults, each with its source in docs/autoscaling.md. */
export const ENERGY_DEFAULTS: Required<AutoscalingEnergy> = {
  podCores: 2,
  serverCores: 96,
  idleWatts: 180,
  peakWatts: 450,
  pue: 1.3,
  // 947 t CO2 for 1,538,000 kWh (seed 004, Double 11 2022): 947,000 / 1,538,000
  kgCO2PerKWh: 0.6157,
};

export function energyParams(e: AutoscalingEnergy | undefined): Required<AutoscalingEnergy> {
  return { ...ENERGY_DEFAULTS, ...(e ?? {}) };
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
    const servers = Math.ceil(cores / p.serverCores - 1e-9);
    const u = busy / cores;
    serverSteps += servers;
    kWh += (servers * (p.idleWatts + (p.peakWatts - p.idleWatts) * u) * p.pue * hours) / 1000;
  }
  return { podHours: podSteps * hours, serverHours: serverSteps * hours, kWh, kgCO2: kWh * p.kgCO2PerKWh };
}
