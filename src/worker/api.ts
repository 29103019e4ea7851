// The solver as a worker sees it: one small interface (comlink's model) whose results are
// plain data, so that they survive the structured clone between threads. Errors come
// back as data too (classes do not cross a postMessage); the client turns them back
// into GreenplanError / ValidationError.
import { trySolve, type Solution } from '../solve.js';
import { init } from '../wasm/loader.js';
import { problemOf } from '../problems/registry.js';
import type { CheckReport } from '../problems/types.js';
import type { ErrorCode } from '../core/errors.js';

export interface WireError { code: ErrorCode; path: string; message: string }
export type WireResult = { ok: true; solution: Solution } | { ok: false; error: WireError };
/** solveJson's answer: the solution as JSON text (and the checker's verdict when asked). */
export type WireJsonResult = { ok: true; json: string; check?: CheckReport } | { ok: false; error: WireError };

export interface SolverApi {
  /** Instantiate the kernels now, optionally from a module the page already compiled. */
  init(module?: WebAssembly.Module): Promise<void>;
  /** Solve any instance (dispatch on `problem`); never throws for bad input. */
  solve(instance: unknown): Promise<WireResult>;
  /** The independent checker's verdict on a solution (the registry's `check`); never throws. */
  check(instance: unknown, solution: unknown): Promise<CheckReport>;
  /**
   * JSON text in, JSON text out: parse, solve and (with `check`) check in the worker, so that
   * a UI thread never parses, clones or stringifies large instances and solutions (strings
   * cross threads as one copy). Bad JSON is an invalid-input error; never throws for bad input.
   */
  solveJson(text: string, options?: { check?: boolean }): Promise<WireJsonResult>;
}

export const solverApi: SolverApi = {
  async init(module?: WebAssembly.Module) {
    await init(module);
  },
  async solve(instance: unknown): Promise<WireResult> {
    const r = await trySolve(instance);
    if (r.ok) return r;
    return { ok: false, error: { code: r.error.code, path: r.error.path, message: r.error.message } };
  },
  async check(instance: unknown, solution: unknown): Promise<CheckReport> {
    const problem = problemOf((instance as { problem?: unknown } | null)?.problem);
    if (!problem) return { valid: false, reason: 'the instance names no known problem' };
    return problem.check(instance, solution);
  },
  async solveJson(text: string, options: { check?: boolean } = {}): Promise<WireJsonResult> {
    let instance: unknown;
    try {
      instance = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: { code: 'invalid-input', path: '', message: `the instance is not valid JSON: ${(e as Error).message}` } };
    }
    const r = await solverApi.solve(instance);
    if (!r.ok) return r;
    const json = JSON.stringify(r.solution);
    return options.check ? { ok: true, json, check: await solverApi.check(instance, r.solution) } : { ok: true, json };
  },
};
