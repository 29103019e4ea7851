// The energy model shared by every plan of greenplan (docs/energy.md): servers with the
// linear power model of Fan, Weber and Barroso (ISCA 2007), power = idle + (peak − idle)·u,
// times the data centre's PUE; CO2 = kWh × the grid's carbon factor. Each problem says what
// its plan switches on (docs/energy.md, per problem): autoscaling and smoothing a packed
// timeline of cores per step, deployment the new machines and the load placed, migration
// the machines used before and after. O(1) per step or machine.
import { ValidationError } from '../core/errors.js';
import { ENERGY_DEFAULTS } from './schema.js';
import type { EnergyBaselineFigure } from './types.js';

export { ENERGY_DEFAULTS, DEFAULT_HOURS, DEFAULT_STEP_SECONDS } from './schema.js';

/** Server power and facility parameters. */
export interface PowerParams { idleWatts: number; peakWatts: number; pue: number; kgCO2PerKWh: number }
/** With the cores of a pod and of a server (plans counted in pods or cores). */
export interface CoreParams extends PowerParams { podCores: number; serverCores: number }

/** kWh and kg CO2 of a plan or a baseline. */
export interface EnergyFigure { kWh: number; kgCO2: number }


/** The power parameters of an `energy` input block, defaults filled in. */
export function powerParams(e: Partial<PowerParams> | undefined): PowerParams {
  return {
    idleWatts: e?.idleWatts ?? ENERGY_DEFAULTS.idleWatts,
    peakWatts: e?.peakWatts ?? ENERGY_DEFAULTS.peakWatts,
    pue: e?.pue ?? ENERGY_DEFAULTS.pue,
    kgCO2PerKWh: e?.kgCO2PerKWh ?? ENERGY_DEFAULTS.kgCO2PerKWh,
  };
}

/** With the core parameters. */
export function coreParams(e: Partial<CoreParams> | undefined): CoreParams {
  // field by field, not spread: one literal of one shape (the spread's generic copy deoptimised
  // smoothingEnergy, where this is inlined; docs/batch.md, "Fourth pass"); same keys, same order
  const q = powerParams(e);
  return { podCores: e?.podCores ?? ENERGY_DEFAULTS.podCores, serverCores: e?.serverCores ?? ENERGY_DEFAULTS.serverCores, idleWatts: q.idleWatts, peakWatts: q.peakWatts, pue: q.pue, kgCO2PerKWh: q.kgCO2PerKWh };
}

/**
 * Cross-field rule of every `energy` block: peakWatts >= idleWatts (defaults filled in).
 * Defensive: runs before the schema (a malformed block is left to it).
 */
export function validatePower(energy: unknown, path = 'energy'): void {
  if (typeof energy !== 'object' || energy === null) return;
  const e = energy as { idleWatts?: unknown; peakWatts?: unknown };
  const idle = e.idleWatts ?? ENERGY_DEFAULTS.idleWatts;
  const peak = e.peakWatts ?? ENERGY_DEFAULTS.peakWatts;
  if (typeof idle === 'number' && typeof peak === 'number' && peak < idle) {
    const field = e.peakWatts !== undefined ? 'peakWatts' : 'idleWatts';
    throw new ValidationError(`${path}.${field}`, `must leave peakWatts (${peak}) at least idleWatts (${idle}): power grows with utilisation`);
  }
}

/**
 * Servers for `cores` cores packed cluster-wide (1e-9 of a server above a whole number
 * rounds down: float noise); any positive load takes at least one server (a plan of tiny
 * pods is not free).
 */
export const serversFor = (cores: number, serverCores: number): number => (cores > 0 ? Math.max(1, Math.ceil(cores / serverCores - 1e-9)) : 0);

/** Facility kWh of `servers` servers at utilisation `u` (0..1) for `hours`. */
export const serversKWh = (servers: number, u: number, hours: number, p: PowerParams): number =>
  (servers * (p.idleWatts + (p.peakWatts - p.idleWatts) * u) * p.pue * hours) / 1000;

/** kWh with its CO2. */
export const figure = (kWh: number, p: PowerParams): EnergyFigure => ({ kWh, kgCO2: kWh * p.kgCO2PerKWh });

/** A baseline's figure and the plan's saving against it. */
export function baseline(name: string, description: string, base: number, plan: number, p: PowerParams): EnergyBaselineFigure {
  return { name, description, kWh: base, kgCO2: base * p.kgCO2PerKWh, savedKWh: base - plan, savedKgCO2: (base - plan) * p.kgCO2PerKWh };
}
