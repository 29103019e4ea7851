import { ValidationError, GreenplanError, asGreenplanError } from './core/errors.js';
import { REGISTRY, PROBLEMS, problemOf, type ProblemName } from './problems/registry.js';
import { readInput } from './core/validate.js';
import { snapshot } from './core/snapshot.js';
import { readOptions, type SolveOptions } from './core/progress.js';

type Def<N extends ProblemName> = (typeof REGISTRY)[N];
type InstanceOf<N extends ProblemName> = Parameters<Def<N>['solve']>[0];
type SolutionOf<N extends ProblemName> = Awaited<ReturnType<Def<N>['solve']>>;

/** Any greenplan instance (a union over the registry). */
export type Instance = { [N in ProblemName]: InstanceOf<N> }[ProblemName];
/** Any greenplan solution (a union over the registry). */
export type Solution = { [N in ProblemName]: SolutionOf<N> }[ProblemName];
export { PROBLEMS, type ProblemName };

/** The problem an instance names (throws ValidationError naming `problem`). */
export function problemFor(instance: unknown): Def<ProblemName> {
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) {
    throw new ValidationError('', 'the instance must be a JSON object');
  }
  const problem = problemOf(readInput(() => (instance as { problem?: unknown }).problem));
  if (!problem) throw new ValidationError('problem', `must be one of ${PROBLEMS.map((p) => `"${p}"`).join(', ')}`);
  return problem;
}

/**
 * Solve any greenplan instance, dispatching on `instance.problem`. Throws GreenplanError
 * only (docs/contract.md): anything else a solver throws becomes one (`out-of-memory`,
 * or `internal` with the original as `cause`). The instance is read once, into a snapshot
 * (src/core/snapshot.ts) that is validated and solved: a getter that changes its value
 * between reads cannot pass validation with one value and reach the solver with another.
 */
export async function solve(instance: unknown, options?: SolveOptions): Promise<Solution> {
  return solveOwned(snapshot(instance), readOptions(options));
}

/**
 * solve() of a value only the library holds and that has no code in it: what JSON.parse
 * (parseJsonText, readJson) just returned, plain data within the JSON limits (src/core/json.ts).
 * The snapshot would be a second copy of it (the CLI and solveJson: docs/contract.md,
 * "Errors"). Not exported from the package: anything a caller passes goes through solve().
 */
export async function solveOwned(input: unknown, options?: SolveOptions): Promise<Solution> {
  const problem = problemFor(input);
  try {
    return await (problem.solve as (i: unknown, o?: SolveOptions) => Promise<Solution>)(input, options);
  } catch (e) {
    throw asGreenplanError(e, problem.name);
  }
}

export type SolveResult = { ok: true; solution: Solution } | { ok: false; error: GreenplanError };

/** Result-returning form of solve(): never rejects, whatever the input. */
export async function trySolve(instance: unknown, options?: SolveOptions): Promise<SolveResult> {
  try {
    return { ok: true, solution: await solve(instance, options) };
  } catch (e) {
    return { ok: false, error: asGreenplanError(e) };
  }
}
