// The `energy` block of each problem's solution (docs/energy.md). Plain types: the
// solvers fill them (src/problems/<name>/energy.ts), the checkers recompute them
// (src/check/energy.ts).

/** A baseline the plan is compared with (named): its kWh and CO2, and what the plan saves against it (baseline − plan; negative: the plan uses more). */
export interface EnergyBaselineFigure {
  name: string;
  description: string;
  kWh: number;
  kgCO2: number;
  savedKWh: number;
  savedKgCO2: number;
}

/** The power parameters used (defaults filled in). */
export interface PowerParamsUsed { idleWatts: number; peakWatts: number; pue: number; kgCO2PerKWh: number }

/** Smoothing: the plan as capacity per step, packed onto servers per step. */
export interface SmoothingEnergy {
  /** What one unit of the plan is. */
  unit: 'cores' | 'pods' | 'servers';
  /** Seconds per step, and the steps and hours covered (the longest scenario). */
  step: number;
  steps: number;
  hours: number;
  /** Σ over steps of the servers the plan needs × step hours. */
  serverHours: number;
  kWh: number;
  kgCO2: number;
  /** `peak`: every scenario held at its peak demand (rounded up) at every step. */
  baselines: (EnergyBaselineFigure & { serverHours: number })[];
  params: PowerParamsUsed & { podCores: number; serverCores: number };
}

/** Deployment: the new machines switched on, and the load placed on all machines, over `hours`. */
export interface DeploymentEnergy {
  hours: number;
  /** New machines (= newBins), each drawing idle power. */
  newServers: number;
  /** Σ of the placed services' sizes (in binCapacity's unit): their dynamic power, relative to a new machine's capacity. */
  load: number;
  serverHours: number;
  kWh: number;
  kgCO2: number;
  /** `lower-bound` (lowerBound new machines) and `dedicated` (every service on new machines of its own). */
  baselines: (EnergyBaselineFigure & { newServers: number })[];
  params: PowerParamsUsed;
}

/** Migration: the machines in use after the plan against before it, over `hours`. */
export interface MigrationEnergy {
  hours: number;
  /** The resource whose utilisation drives a machine's power. */
  resource: string;
  /** Machines holding a task after the last round. */
  servers: number;
  serverHours: number;
  kWh: number;
  kgCO2: number;
  /** `before`: the current assignment (new tasks not yet placed). */
  baselines: (EnergyBaselineFigure & { servers: number })[];
  params: PowerParamsUsed;
}
