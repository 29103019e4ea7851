import { ValidationError, GreenplanError } from './core/errors.js';
import { smooth } from './smoothing/solve.js';
import type { SmoothingInstance, SmoothingSolution, SmoothingInfeasible } from './smoothing/schema.js';
import { knapsack } from './knapsack/solve.js';
import type { KnapsackInstance, KnapsackSolution } from './knapsack/schema.js';
import { deploy } from './deployment/solve.js';
import type { DeploymentInstance, DeploymentSolution } from './deployment/schema.js';
import { migrate } from './migration/solve.js';
import type { MigrationInstance, MigrationSolution, MigrationInfeasible } from './migration/schema.js';

export type Instance = SmoothingInstance | KnapsackInstance | DeploymentInstance | MigrationInstance;
export type Solution = SmoothingSolution | SmoothingInfeasible | KnapsackSolution | DeploymentSolution | MigrationSolution | MigrationInfeasible;
export const PROBLEMS = ['smoothing', 'knapsack', 'deployment', 'migration'] as const;

/** Solve any greenplan instance, dispatching on `instance.problem`. Throws GreenplanError. */
export async function solve(instance: unknown): Promise<Solution> {
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) {
    throw new ValidationError('', 'the instance must be a JSON object');
  }
  const problem = (instance as { problem?: unknown }).problem;
  switch (problem) {
    case 'smoothing':
      return smooth(instance as SmoothingInstance);
    case 'knapsack':
      return knapsack(instance as KnapsackInstance);
    case 'deployment':
      return deploy(instance as DeploymentInstance);
    case 'migration':
      return migrate(instance as MigrationInstance);
    default:
      throw new ValidationError('problem', `must be one of ${PROBLEMS.map((p) => `"${p}"`).join(', ')}`);
  }
}

export type SolveResult = { ok: true; solution: Solution } | { ok: false; error: GreenplanError };

/** Result-returning form of solve(): never throws for bad input. */
export async function trySolve(instance: unknown): Promise<SolveResult> {
  try {
    return { ok: true, solution: await solve(instance) };
  } catch (e) {
    if (e instanceof GreenplanError) return { ok: false, error: e };
    throw e;
  }
}
