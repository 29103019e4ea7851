// The solver as a worker sees it: one small interface (comlink's model) whose results are
// plain data, so that they survive the structured clone between threads. Errors cross as
// errors: a GreenplanError thrown here is rethrown in the caller with its class and fields
// by the transfer handler of ./wire.ts (no parsing of message text).
import { solve, solveOwned, type Solution } from '../solve.js';
import { check, checkOwned } from '../check.js';
import { init } from '../wasm/loader.js';
import { asGreenplanError, GreenplanError, type ErrorFields } from '../core/errors.js';
import { parseJsonText } from '../core/json.js';
import { releaseProxy } from 'comlink';
import type { SolveProgress } from '../problems/types.js';
import type { CheckReport } from '../problems/types.js';
import './wire.js';

/** An error as plain data (for APIs that return errors as values): rebuild it with reviveError(). */
export type WireError = ErrorFields;
/** A result as plain data: the solution, or the error's fields. */
export type WireResult = { ok: true; solution: Solution } | { ok: false; error: WireError };
/** solveJson's answer: the solution as JSON text (and the checker's verdict when asked). */
export interface WireJson { json: string; check?: CheckReport }

export interface SolverApi {
  /** Instantiate the kernels now, optionally from a module the page already compiled. */
  init(module?: WebAssembly.Module): Promise<void>;
  /**
   * Solve any instance (dispatch on `problem`); rejects with a GreenplanError only. `onProgress`
   * (a comlink proxy of the caller's callback, wrapSolver makes it) gets the solve's progress
   * (docs/contract.md, "Progress"), fire-and-forget; it is released when the solve ends.
   */
  solve(instance: unknown, onProgress?: (p: SolveProgress) => unknown): Promise<Solution>;
  /** The independent checker's verdict on a solution (the registry's check()); an invalid instance is a report, never a throw. */
  check(instance: unknown, solution: unknown): Promise<CheckReport>;
  /**
   * JSON text in, JSON text out: parse, solve and (with `check`) check in the worker, so that
   * a UI thread never parses, clones or stringifies large instances and solutions (strings
   * cross threads as one copy). Bad JSON is an invalid-input error; rejects with a GreenplanError only.
   */
  solveJson(text: string, options?: { check?: boolean }): Promise<WireJson>;
}

export const solverApi: SolverApi = {
  async init(module?: WebAssembly.Module) {
    await init(module);
  },
  async solve(instance: unknown, onProgress?: (p: SolveProgress) => unknown): Promise<Solution> {
    const forward = typeof onProgress === 'function'
      ? (p: SolveProgress) => { Promise.resolve(onProgress(p)).catch(() => undefined); }
      : undefined;
    try {
      return await solve(instance, forward ? { onProgress: forward } : undefined);
    } catch (e) {
      throw asGreenplanError(e);
    } finally {
      (onProgress as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy]?.();
    }
  },
  async check(instance: unknown, solution: unknown): Promise<CheckReport> {
    try {
      return check(instance, solution);
    } catch (e) {
      return { valid: false, reason: `the instance is not valid: ${asGreenplanError(e).message}` };
    }
  },
  async solveJson(text: string, options: { check?: boolean } = {}): Promise<WireJson> {
    // as `greenplan solve` reads a file: a byte-order mark skipped, the JSON limits (src/core/json.ts)
    if (typeof text !== 'string') throw new GreenplanError('invalid-input', `solveJson takes the instance as JSON text, not ${text === null ? 'null' : typeof text}`);
    // freshly parsed JSON: solved and checked without a second copy (solveOwned, checkOwned)
    const instance = parseJsonText(text, 'the instance');
    let solution: Solution;
    try {
      solution = await solveOwned(instance);
    } catch (e) {
      throw asGreenplanError(e);
    }
    const json = JSON.stringify(solution);
    if (!options.check) return { json };
    try {
      return { json, check: checkOwned(instance, solution) };
    } catch (e) {
      return { json, check: { valid: false, reason: `the instance is not valid: ${asGreenplanError(e).message}` } };
    }
  },
};
