// check(): the independent verification of any solution, derived from the registry like
// solve(). The instance is validated first (a ValidationError names its path, as for
// solve()); the solution is then judged by the problem's checker under the result
// contract (docs/contract.md): it never throws for a malformed solution.
import { problemFor } from './solve.js';
import { asGreenplanError, GreenplanError } from './core/errors.js';
import type { CheckReport } from './problems/types.js';

/** Verify `solution` against `instance`. Throws GreenplanError when the instance is invalid. */
export function check(instance: unknown, solution: unknown): CheckReport {
  const problem = problemFor(instance);
  try {
    problem.validate(instance);
  } catch (e) {
    throw e instanceof GreenplanError ? e : asGreenplanError(e, problem.name);
  }
  return problem.check(instance, solution);
}
