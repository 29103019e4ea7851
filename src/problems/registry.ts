// The registry: every problem greenplan solves, one line each. Adding a problem is one
// folder under src/problems/ and one line here; solve(), trySolve(), instanceSchema(), the
// CLI, the worker, the playground and the batch runner derive from this list.
import { smoothing } from './smoothing/index.js';
import { knapsack } from './knapsack/index.js';
import { deployment } from './deployment/index.js';
import { migration } from './migration/index.js';
import { forecast } from './forecast/index.js';
import { autoscaling } from './autoscaling/index.js';

export const REGISTRY = {
  smoothing,
  knapsack,
  deployment,
  migration,
  forecast,
  autoscaling,
} as const;

export type ProblemName = keyof typeof REGISTRY;
export const PROBLEMS = Object.keys(REGISTRY) as ProblemName[];

/** The problem of that name, or undefined (safe for any string, `__proto__` included). */
export function problemOf(name: unknown): (typeof REGISTRY)[ProblemName] | undefined {
  return typeof name === 'string' && Object.hasOwn(REGISTRY, name) ? REGISTRY[name as ProblemName] : undefined;
}
