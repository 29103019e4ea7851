import { Type, type Static } from '@sinclair/typebox';

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
