// The solver as a worker sees it: one small interface (comlink's model) whose results are
// plain data, so that they survive the structured clone between threads. Errors cross as
// errors: a GreenplanError thrown here is rethrown in the caller with its class and fields
// by the transfer handler of ./wire.ts (no parsing of message text).
import { solve, type Solution } from '../solve.js';
import { init } from '../wasm/loader.js';
import { asGreenplanError, type ErrorFields } from '../core/errors.js';
import './wire.js';

/** An error as plain data (for APIs that return errors as values): rebuild it with reviveError(). */
export type WireError = ErrorFields;
/** A result as plain data: the solution, or the error's fields. */
export type WireResult = { ok: true; solution: Solution } | { ok: false; error: WireError };

export interface SolverApi {
  /** Instantiate the kernels now, optionally from a module the page already compiled. */
  init(module?: WebAssembly.Module): Promise<void>;
  /** Solve any instance (dispatch on `problem`); rejects with a GreenplanError only. */
  solve(instance: unknown): Promise<Solution>;
}

export const solverApi: SolverApi = {
  async init(module?: WebAssembly.Module) {
    await init(module);
  },
  async solve(instance: unknown): Promise<Solution> {
    try {
      return await solve(instance);
    } catch (e) {
      throw asGreenplanError(e);
    }
  },
};
