import { Type, type Static } from '@sinclair/typebox';
import { powerFields, hoursField, energyObject } from '../../energy/schema.js';
import type { MigrationEnergy as MigrationEnergyBlock } from '../../energy/types.js';

const finiteNonNegative = 'must be a finite number >= 0';

/** A machine: capacity per resource (in `resources` order) and its cost when used. */
export const MigrationMachine = Type.Object(
  {
    name: Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Unique machine name.' }),
    cost: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, errorMessage: `${finiteNonNegative} (at most 1e12)`, description: 'Cost of keeping the machine in use (default 1).' })),
    capacity: Type.Array(Type.Number({ minimum: 0, maximum: 1e15, errorMessage: `${finiteNonNegative} (at most 1e15)` }), {
      errorMessage: 'must be an array of finite numbers >= 0',
      description: 'Capacity per resource, in the order of `resources`.',
    }),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

/** A task: demand per resource, its current machine (absent or null: new) and group. */
export const MigrationTask = Type.Object(
  {
    name: Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Unique task name.' }),
    demand: Type.Array(Type.Number({ minimum: 0, maximum: 1e15, errorMessage: `${finiteNonNegative} (at most 1e15)` }), {
      errorMessage: 'must be an array of finite numbers >= 0',
      description: 'Demand per resource, in the order of `resources`.',
    }),
    machine: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()], { errorMessage: 'must be a machine name or null', description: 'Current machine; absent or null for a new task that must be placed.' })),
    group: Type.Optional(Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Tasks of one group (replicas of a service) never share a machine.' })),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

/** The energy model's input (docs/energy.md, "Migration"): the period, the resource that drives power, the servers' power. */
export const MigrationEnergy = energyObject({
  ...hoursField,
  resource: Type.Optional(Type.String({ minLength: 1, errorMessage: 'must be one of the instance\'s resources', description: 'The resource whose utilisation (load / capacity) drives a machine\'s power (default "cpu" when `resources` has it, in any case; else the first).' })),
  ...powerFields,
}, 'Energy model of the cluster (docs/energy.md): every machine in use draws idle + (peak − idle) × its utilisation, × PUE × hours; after the plan against before it.');

/** `{ problem: "migration", resources, alpha, maxParallel, machines, tasks }`: see README, "Migration". */
export const MigrationInstance = Type.Object(
  {
    problem: Type.Literal('migration'),
    resources: Type.Array(Type.String({ minLength: 1, errorMessage: 'must be a non-empty string' }), {
      minItems: 1, maxItems: 16, errorMessage: 'must be an array of 1 to 16 resource names', description: 'Resource names (1 to 16).',
    }),
    alpha: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, errorMessage: `${finiteNonNegative} (at most 1e12)`, description: 'Cost of one move (default 0).' })),
    maxParallel: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e9, errorMessage: 'must be an integer >= 1', description: 'Largest number of moves in one round (default 1).' })),
    target: Type.Optional(Type.Union([Type.Literal('heuristic'), Type.Literal('exact'), Type.Literal('auto')], {
      errorMessage: 'must be "heuristic", "exact" or "auto"',
      description: 'Stage 1: "exact" solves the grouped integer program with HiGHS (optional dependency `highs`) within timeLimitMs, falling back to the heuristics; "heuristic" uses the consolidation heuristics only; "auto" (default) is exact when the grouped model is small (integer variables × machines <= 2,000) and HiGHS is installed.',
    })),
    timeLimitMs: Type.Optional(Type.Number({ minimum: 1, maximum: 1e9, errorMessage: 'must be a number of milliseconds >= 1', description: 'Time limit of the exact target (default 10000 ms).' })),
    objective: Type.Optional(Type.Union([Type.Literal('cost+moves'), Type.Literal('machines')], {
      errorMessage: 'must be "cost+moves" or "machines"',
      description: 'What the target minimizes: "cost+moves" (default) Σ cost of the machines used + alpha × moves; "machines" the cost of the machines used first, then the moves (lexicographic; alpha is not used).',
    })),
    machines: Type.Array(MigrationMachine, { errorMessage: 'must be an array of machines' }),
    tasks: Type.Array(MigrationTask, { errorMessage: 'must be an array of tasks' }),
    energy: Type.Optional(MigrationEnergy),
  },
  { additionalProperties: false, errorMessage: 'must be an object', $id: 'greenplan/migration' },
);
export type MigrationInstance = Static<typeof MigrationInstance>;
export type MigrationMachine = Static<typeof MigrationMachine>;
export type MigrationTask = Static<typeof MigrationTask>;

/** One move of a round: `from` null places a new task. */
export interface MigrationMove {
  task: string;
  from: string | null;
  to: string;
}

export interface MigrationSolution {
  problem: 'migration';
  status: 'feasible';
  /** "cost+moves": cost + alpha × moves; "machines": the cost (the first criterion; `lexicographic` holds both) */
  objective: number;
  /** objective "machines" only: [cost, moves], compared lexicographically */
  lexicographic?: [number, number];
  /** Σ cost of the machines used by `assignment` */
  cost: number;
  /** executed moves (Σ round sizes) */
  moves: number;
  /** machines hosting at least one task in `assignment` */
  machinesUsed: number;
  rounds: MigrationMove[][];
  /** task name -> machine name, after the last round */
  assignment: Record<string, string>;
  /** whether the plan ends on the first stage's target (false: it stopped at the reachable part, then may have re-planned from there) */
  targetReached: boolean;
  /** present when targetReached is false: task name -> its target machine, for the tasks the plan leaves on another machine */
  targetUnreached?: Record<string, string>;
  /** where the kept target came from: the HiGHS integer program or the consolidation heuristics */
  targetMethod: 'exact' | 'heuristic';
  /** HiGHS proved the kept target optimal for the stage-1 objective */
  targetOptimal: boolean;
  /** present when the exact target was tried and not proved optimal (time limit, HiGHS missing, model too large), or
   * when no machine closure pays for its moves at the given alpha (with the alpha below which one would): what was kept and why */
  targetNote?: string;
  /** kWh and kg CO2 per period of the machines in use after the plan, against before it (docs/energy.md); added by solve() */
  energy?: MigrationEnergyBlock;
}

export interface MigrationInfeasible {
  problem: 'migration';
  status: 'infeasible';
  reason: string;
}
