// check(): the independent verification of any solution, derived from the registry like
// solve(). The instance is validated first (a ValidationError names its path, as for
// solve()); the solution is then judged by the problem's checker under the result
// contract (docs/contract.md): it never throws for a malformed solution.
import { problemFor } from './solve.js';
import { asGreenplanError, GreenplanError } from './core/errors.js';
import { Validator } from './core/validate.js';
import { snapshot } from './core/snapshot.js';
import type { CheckReport, Problem } from './problems/types.js';

const schemaValidators = new WeakMap<Problem, Validator<Problem['schema']>>();

/** The problem's full validation, or its schema's when it has none. */
function validate(problem: Problem, instance: unknown): void {
  if (problem.validate) return problem.validate(instance);
  let found = schemaValidators.get(problem);
  if (!found) schemaValidators.set(problem, (found = new Validator(problem.schema)));
  const v: Validator<Problem['schema']> = found;
  v.assert(instance);
}

/**
 * Verify `solution` against `instance`. Throws GreenplanError when the instance is invalid.
 * Both are read once, into snapshots (src/core/snapshot.ts), that are validated and checked;
 * a solution that cannot be read (a getter that throws, a cycle) is not valid.
 */
export function check(instance: unknown, solution: unknown): CheckReport {
  return checkOwned(snapshot(instance), solution);
}

/** check() of an instance only the library holds, with no code in it (parsed JSON; see solveOwned in src/solve.ts); the solution is still read once into a snapshot. */
export function checkOwned(input: unknown, solution: unknown): CheckReport {
  const problem = problemFor(input);
  try {
    validate(problem as Problem, input);
  } catch (e) {
    throw e instanceof GreenplanError ? e : asGreenplanError(e, problem.name);
  }
  let answer: unknown;
  try {
    answer = snapshot(solution, 'the solution');
  } catch (e) {
    return { valid: false, reason: asGreenplanError(e, problem.name).message };
  }
  return problem.check(input, answer);
}
