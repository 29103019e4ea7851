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

export interface SolverApi {
  /** Instantiate the kernels now, optionally from a module the page already compiled. */
  init(module?: WebAssembly.Module): Promise<void>;
  /** Solve any instance (dispatch on `problem`); never throws for bad input. */
  solve(instance: unknown): Promise<WireResult>;
  /** The independent checker's verdict on a solution (the registry's `check`); never throws. */
  check(instance: unknown, solution: unknown): Promise<CheckReport>;
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
};
