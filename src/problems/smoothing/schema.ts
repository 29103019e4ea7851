import { Type, type Static } from '@sinclair/typebox';
import { coreFields, powerFields, energyObject, DEFAULT_STEP_SECONDS } from '../../energy/schema.js';
import type { SmoothingEnergy as SmoothingEnergyBlock } from '../../energy/types.js';

const finiteNonNegative = 'must be a finite number >= 0';

/** One service's demand series. */
export const SmoothingScenario = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Scenario (service) name; defaults to its index.' })),
    weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, errorMessage: 'must be a finite number > 0', description: 'Weight of this scenario\'s variation (default 1).' })),
    maxStep: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12, errorMessage: 'must be an integer >= 0', description: 'Largest allowed change between consecutive steps (default: unbounded).' })),
    demand: Type.Array(Type.Number({ minimum: 0, maximum: 1e12, errorMessage: `${finiteNonNegative} (at most 1e12)` }), {
      errorMessage: 'must be an array of finite numbers >= 0',
      description: 'Forecast demand per time step (resource units, may be fractional).',
    }),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

/** The energy model's input (docs/energy.md, "Smoothing"): what one unit of demand is, how long a step lasts. */
export const SmoothingEnergy = energyObject({
  unit: Type.Optional(Type.Union([Type.Literal('cores'), Type.Literal('pods'), Type.Literal('servers')], {
    errorMessage: 'must be "cores", "pods" or "servers"',
    description: 'What one unit of demand and plan is: a core (default), a pod of podCores cores, or a whole server of serverCores cores.',
  })),
  step: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 31_536_000, errorMessage: 'must be a number of seconds in (0, 31536000]', description: `Seconds one step of the series lasts (default ${DEFAULT_STEP_SECONDS}).` })),
  ...coreFields,
  ...powerFields,
}, 'Energy model of the plan (docs/energy.md): servers per step = ceil(Σ plan × cores per unit / serverCores), power idle + (peak − idle) × the servers\' utilisation by the demand, PUE, carbon factor; compared with holding each scenario at its peak.');

/** `{ problem: "smoothing", alpha, scenarios }`: see README, "Smoothing". */
export const SmoothingInstance = Type.Object(
  {
    problem: Type.Literal('smoothing'),
    alpha: Type.Optional(Type.Number({ minimum: 0, errorMessage: finiteNonNegative, description: 'Price of one unit of change relative to one resource-step (default 1).' })),
    budget: Type.Optional(Type.Number({
      minimum: 0, maximum: 1e300, errorMessage: finiteNonNegative,
      description: 'Total resource-time units (Σ over scenarios and steps of the plan). With a budget the objective is the weighted variation alone (alpha is ignored), subject to Σ plan <= budget.',
    })),
    scenarios: Type.Array(SmoothingScenario, { errorMessage: 'must be an array of scenarios' }),
    energy: Type.Optional(SmoothingEnergy),
  },
  { additionalProperties: false, errorMessage: 'must be an object', $id: 'greenplan/smoothing' },
);
export type SmoothingInstance = Static<typeof SmoothingInstance>;
export type SmoothingScenario = Static<typeof SmoothingScenario>;

export interface SmoothingSolution<Plan = number[]> {
  problem: 'smoothing';
  status: 'optimal';
  /** resource + alpha * variation; with a budget, the variation alone */
  objective: number;
  /** Σ over scenarios and steps of the plan */
  resource: number;
  /** Σ_i w_i Σ_t |h_{t+1} - h_t| */
  variation: number;
  /** With a budget: the budget, and the exact knapsack method that spent it. */
  budget?: number;
  algorithm?: 'dp-deque' | 'dp-concave' | 'proximity' | 'all-fit' | 'none';
  scenarios: { name: string; plan: Plan }[];
  /** kWh and kg CO2 of the plan, against holding every scenario at its peak (docs/energy.md); added by solve(). */
  energy?: SmoothingEnergyBlock;
}

/** A budget below the least resource any feasible plan needs (Σ of the envelopes). */
export interface SmoothingInfeasible {
  problem: 'smoothing';
  status: 'infeasible';
  reason: string;
  budget: number;
  /** Σ over scenarios of the envelope: the smallest total any feasible plan uses. */
  minimumResource: number;
}
