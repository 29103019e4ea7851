// The shape every problem has (docs/architecture.md): a folder under src/problems/ with its
// TypeBox schema (the single source of types, validation and the editor's JSON Schema), a
// solver and an independent checker, gathered in one `Problem` value that the registry
// lists. solve(), trySolve(), instanceSchema(), the CLI, the worker, the playground and the
// batch runner all derive from the registry.
import type { TSchema } from '@sinclair/typebox';

/** A checker's verdict. Checkers share no code with solvers (test/architecture.test.ts). */
export interface CheckReport {
  valid: boolean;
  /** Why the solution is not valid (first violation), or 'ok'. */
  reason: string;
  objective?: number;
}

export interface Problem<Name extends string = string, I = unknown, S = unknown> {
  /** The value of the instance's `problem` field. */
  readonly name: Name;
  /** One line for `greenplan --help`, the schema's description and the playground's menu. */
  readonly title: string;
  /** The TypeBox schema of the instance (also its JSON Schema). */
  readonly schema: TSchema;
  /** Validate (throwing ValidationError with the JSON path) and solve. */
  solve(instance: I): Promise<S>;
  /** Independent check of a solution (never throws for malformed input; reports instead). */
  check(instance: unknown, solution: unknown): CheckReport;
}

/** Helper that keeps the literal name type. */
export const defineProblem = <Name extends string, I, S>(p: Problem<Name, I, S>): Problem<Name, I, S> => p;
