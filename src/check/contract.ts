// The result contract shared by every problem (docs/contract.md; src/check/ holds pure helpers
// that checkers may import): the statuses a solution
// may carry, and how a checker treats a solution that claims there is none. Checkers wrap
// their check of a solved answer with withContract(); defineProblem() wraps any checker that
// did not, so a problem added to the registry inherits the contract. This module holds no
// solver code (checkers import it).
import type { CheckReport } from '../problems/types.js';
import { quote } from './quote.js';

/** Every status a solution may carry, across all problems. */
export const STATUSES = ['optimal', 'feasible', 'ok', 'infeasible', 'timeout'] as const;
/**
 * - `optimal`: a solution, proved optimal (for the problem's stated objective).
 * - `feasible`: a valid solution, not proved optimal.
 * - `ok`: the answer of a problem that is not an optimisation (forecast, autoscaling: an
 *   estimate and the decision derived from it), computed in full.
 * - `infeasible`: no solution exists (or, where `reason` says so, the method found none);
 *   `reason` says why. CLI exit 3.
 * - `timeout`: the time limit ran out before any solution was found; `reason` says which
 *   limit. CLI exit 3.
 */
export type Status = (typeof STATUSES)[number];
/** Statuses that carry a solution (CLI exit 0). */
export const SOLVED_STATUSES: readonly Status[] = ['optimal', 'feasible', 'ok'];
/** Statuses without a solution: they carry `reason` (CLI exit 3). */
export const UNSOLVED_STATUSES: readonly Status[] = ['infeasible', 'timeout'];

export const isStatus = (s: unknown): s is Status => typeof s === 'string' && (STATUSES as readonly string[]).includes(s);

/**
 * What a checker can say about an infeasible claim from the instance alone:
 * - `{ feasible }`: the instance has a solution (the claim is wrong); says which.
 * - `{ proved }`: the instance has none; says why (an independent certificate).
 * - `{ unproved }`: neither (e.g. a heuristic found no placement); the claim is accepted
 *   as the solver's, and the report says it is not proved.
 * - `{ wrong }`: a detail the claim states (e.g. a recomputed bound) is wrong.
 */
export type InfeasibleVerdict = { feasible: string } | { proved: string } | { unproved: string } | { wrong: string };

/** A checker of solved answers (status optimal/feasible). */
export type SolvedChecker = (instance: any, solution: any) => CheckReport;

export interface ContractOptions {
  /** The problem's verdict on an infeasible claim (default: unproved). */
  infeasible?: (instance: any, solution: any) => InfeasibleVerdict;
  /** Statuses this problem may return (default: all of STATUSES). */
  statuses?: readonly Status[];
}

const CONTRACT = Symbol.for('greenplan.contract');
/** A checker that already applies the contract. */
export type ContractChecker = ((instance: unknown, solution: unknown) => CheckReport) & { [CONTRACT]?: true };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === 'string' ? quote(v, 40) : v === undefined ? 'missing' : JSON.stringify(v)?.slice(0, 40) ?? String(v));

/**
 * The contract around a problem's checker: the solution is an object of this problem with a
 * known status; an unsolved status carries a non-empty `reason`; an infeasible claim is
 * verified by `options.infeasible` (refuted, proved or not proved, the same way for every
 * problem); a solved answer goes to `solved`; a checker that throws on a malformed
 * solution reports it instead (checkers never throw).
 */
export function withContract(problem: string, solved: SolvedChecker, options: ContractOptions = {}): ContractChecker {
  const statuses = options.statuses ?? STATUSES;
  const checker: ContractChecker = (instance, solution) => {
    const fail = (reason: string): CheckReport => ({ valid: false, reason });
    if (!isObject(solution)) return fail(`the solution is not a JSON object (${Array.isArray(solution) ? 'an array' : solution === null ? 'null' : typeof solution})`);
    if (solution.problem !== problem) return fail(`solution.problem is ${show(solution.problem)}, expected "${problem}"`);
    const status = solution.status;
    if (!isStatus(status) || !statuses.includes(status)) {
      const list = statuses.map((s) => `"${s}"`);
      return fail(`solution.status is ${show(status)}, expected ${list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0]}`);
    }
    try {
      if (status === 'infeasible' || status === 'timeout') {
        if (typeof solution.reason !== 'string' || solution.reason.trim() === '') return fail(`solution.status is "${status}" without a reason (a non-empty string)`);
        if (status === 'timeout') return { valid: true, reason: `timeout: ${solution.reason}`, status, proved: false };
        const verdict = options.infeasible?.(instance, solution) ?? { unproved: `the ${problem} checker has no certificate of infeasibility` };
        if ('feasible' in verdict) return fail(`solution.status is "infeasible" but ${verdict.feasible}`);
        if ('wrong' in verdict) return fail(verdict.wrong);
        if ('proved' in verdict) return { valid: true, reason: `infeasible, proved: ${verdict.proved}`, status, proved: true };
        return { valid: true, reason: `infeasible, not refuted (${verdict.unproved})`, status, proved: false };
      }
      const report = solved(instance, solution);
      return report.valid ? { ...report, status } : report;
    } catch (e) {
      return fail(`the solution is malformed (the checker stopped at: ${(e as Error)?.message ?? String(e)})`);
    }
  };
  checker[CONTRACT] = true;
  return checker;
}

/** The checker as is when it applies the contract, else wrapped in it. */
export function ensureContract(problem: string, check: (instance: any, solution: any) => CheckReport): ContractChecker {
  return (check as ContractChecker)[CONTRACT] ? (check as ContractChecker) : withContract(problem, check);
}
