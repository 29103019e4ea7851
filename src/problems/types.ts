// The shape every problem has (docs/architecture.md): a folder under src/problems/ with its
// TypeBox schema (the single source of types, validation and the editor's JSON Schema), a
// solver and an independent checker, gathered in one `Problem` value that the registry
// lists. solve(), trySolve(), check(), instanceSchema(), the CLI, the worker, the playground
// and the batch runner all derive from the registry. The result contract (statuses,
// infeasible claims, errors) is docs/contract.md; defineProblem() applies it to every problem.
import type { TSchema } from '@sinclair/typebox';
import { ensureContract, type Status } from '../check/contract.js';

/** A checker's verdict. Checkers share no code with solvers (test/contract.test.ts). */
export interface CheckReport {
  valid: boolean;
  /** Why the solution is not valid (first violation), 'ok', or what an unsolved status claims. */
  reason: string;
  /** The recomputed objective of a solved answer. */
  objective?: number;
  /** The solution's status, when valid. */
  status?: Status;
  /** For an infeasible claim: whether the checker proved it from the instance alone. */
  proved?: boolean;
}

/** One completed unit of a long solve's stage: `done` of `total` (1-based, monotone within the stage; src/core/progress.ts). */
export interface SolveProgress { problem: string; stage: string; done: number; total: number }

/** Options of solve() that every problem takes (docs/contract.md, "Progress"). */
export interface SolveOptions {
  /** Called after each completed unit of a long stage (synchronously, from the solver). */
  onProgress?: (p: SolveProgress) => void;
}

/** What a problem's folder supplies (index.ts). */
export interface ProblemSpec<Name extends string = string, I = unknown, S = unknown> {
  /** The value of the instance's `problem` field. */
  readonly name: Name;
  /** One line for `greenplan --help`, the schema's description and the playground's menu. */
  readonly title: string;
  /** The TypeBox schema of the instance (also its JSON Schema). */
  readonly schema: TSchema;
  /** Validate (throwing ValidationError with the JSON path) and solve; long solvers report progress through `options` (src/core/progress.ts). */
  solve(instance: I, options?: SolveOptions): Promise<S>;
  /**
   * Full validation (schema and cross-field rules), throwing ValidationError with every
   * issue; `greenplan check` runs it before checking. Default: the schema alone.
   */
  validate?(instance: unknown): void;
  /**
   * Independent check of a solution (never throws for a malformed solution; reports instead).
   * Wrap it with withContract() (src/check/contract.ts) to verify infeasible claims;
   * otherwise defineProblem() wraps it and infeasible claims are accepted as not proved.
   */
  check(instance: any, solution: any): CheckReport;
  /**
   * The plan's energy and CO2 (docs/energy.md): defineProblem() applies it to every
   * solution solve() returns, so each problem's index.ts adds one line and its solver is
   * untouched. Its checker recomputes the block independently (src/check/energy.ts).
   */
  energy?: EnergyHook<I, S>;
}

/** Adds the `energy` block to a problem's solutions (src/problems/<name>/energy.ts). */
export interface EnergyHook<I = unknown, S = unknown> {
  /**
   * Rules of the instance's `energy` block that its schema cannot state (peakWatts >=
   * idleWatts, a resource that exists), throwing ValidationError with the JSON path. Runs
   * before solving (on input the schema has not seen yet: it must be defensive) and in
   * `validate` (so `greenplan check` refuses the same instances).
   */
  validate(instance: unknown): void;
  /** The solution with its `energy` block; a solution without a plan (infeasible) unchanged. */
  apply(instance: I, solution: S): S;
}

/** A registered problem: its checker applies the result contract. */
export type Problem<Name extends string = string, I = unknown, S = unknown> = ProblemSpec<Name, I, S>;

/**
 * A problem from its spec: keeps the literal name type; applies the result contract to its
 * checker and the energy hook to its solutions. (Without `validate`, check() validates with
 * the schema: src/check.ts; a problem with an energy hook should have one.)
 */
export const defineProblem = <Name extends string, I, S>(p: ProblemSpec<Name, I, S>): Problem<Name, I, S> => {
  const e = p.energy;
  if (!e) return { ...p, check: ensureContract(p.name, p.check) };
  const validate = p.validate;
  return {
    ...p,
    solve: async (instance: I, options?: SolveOptions) => {
      e.validate(instance);
      return e.apply(instance, await p.solve(instance, options));
    },
    // the energy rules first, as in solve (the same error for an instance with several)
    ...(validate ? { validate: (instance: unknown) => { e.validate(instance); validate(instance); } } : {}),
    check: ensureContract(p.name, p.check),
  };
};
