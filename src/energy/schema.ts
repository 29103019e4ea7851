// The energy model's input fields (docs/energy.md), shared by every problem's optional
// `energy` block: the server and facility parameters with their defaults and sources.
// A TypeBox fragment: each problem's schema spreads these fields into its own `energy`
// object, with what that problem needs besides (a period, a step, a unit).
import { Type, type TProperties } from '@sinclair/typebox';

/**
 * Defaults, each with its source in docs/energy.md (the same as autoscaling's,
 * docs/autoscaling.md, "Energy"). kgCO2PerKWh: 947 t CO2 for 1,538,000 kWh (seed 004,
 * Double 11 2022): 947,000 / 1,538,000 = 0.6157.
 */
export const ENERGY_DEFAULTS = {
  podCores: 2,
  serverCores: 96,
  idleWatts: 180,
  peakWatts: 450,
  pue: 1.3,
  kgCO2PerKWh: 0.6157,
} as const;

/** Default period of a plan that has no time axis (a deployment, a migrated cluster): one day. */
export const DEFAULT_HOURS = 24;
/** Default step of a smoothing series, seconds (greenplan's default step, as forecast and autoscaling). */
export const DEFAULT_STEP_SECONDS = 300;

/** Server power and facility fields (W, PUE, carbon factor). */
export const powerFields = {
  idleWatts: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, errorMessage: 'must be a number in 0..1e6', description: `Server power at 0 % utilisation, W (default ${ENERGY_DEFAULTS.idleWatts}).` })),
  peakWatts: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, errorMessage: 'must be a number in 0..1e6 (and at least idleWatts)', description: `Server power at 100 % utilisation, W (default ${ENERGY_DEFAULTS.peakWatts}); at least idleWatts.` })),
  pue: Type.Optional(Type.Number({ minimum: 1, maximum: 10, errorMessage: 'must be a number in 1..10', description: `Power usage effectiveness of the data centre (default ${ENERGY_DEFAULTS.pue}).` })),
  kgCO2PerKWh: Type.Optional(Type.Number({ minimum: 0, maximum: 10, errorMessage: 'must be a number in 0..10', description: `Grid carbon factor, kg CO2 per kWh (default ${ENERGY_DEFAULTS.kgCO2PerKWh}: 947 t for 1,538,000 kWh, seed 004's figures).` })),
} satisfies TProperties;

/** Core fields: how many cores one pod and one server have (for plans counted in pods or cores). */
export const coreFields = {
  podCores: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e6, errorMessage: 'must be a number in (0, 1e6]', description: `Cores one pod occupies (default ${ENERGY_DEFAULTS.podCores}).` })),
  serverCores: Type.Optional(Type.Number({ minimum: 0.001, maximum: 1e6, errorMessage: 'must be a number in 0.001..1e6 (a millicore at least: servers per step stay finite)', description: `Cores of one server (default ${ENERGY_DEFAULTS.serverCores}).` })),
} satisfies TProperties;

/** The period a plan without a time axis runs for. */
export const hoursField = {
  hours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e6, errorMessage: 'must be a number of hours in (0, 1e6]', description: `Hours the plan runs for (default ${DEFAULT_HOURS}: the figures are per day).` })),
} satisfies TProperties;

/** An `energy` input object of these fields (every field optional, unknown fields rejected). */
export const energyObject = <P extends TProperties>(fields: P, description: string) =>
  Type.Object(fields, { additionalProperties: false, errorMessage: 'must be an object', description });
