// Client side of a solver worker (platform-neutral): wrap a comlink endpoint into
// promises that resolve to solutions and reject with GreenplanError / ValidationError,
// exactly like the in-thread solve(); the error's class and fields come through the
// transfer handler of ./wire.ts.
import { wrap, proxy, releaseProxy, type Endpoint, type Remote } from 'comlink';
import { readOptions } from '../core/progress.js';
import type { SolveOptions } from '../problems/types.js';
import { asGreenplanError, errorFromFields, quote, GreenplanError, type ErrorFields } from '../core/errors.js';
import type { Solution, SolveResult } from '../solve.js';
import type { SolverApi } from './api.js';
import type { CheckReport } from '../problems/types.js';
import './wire.js';

export interface RemoteSolver {
  /** Instantiate the kernels in the worker (optionally from an already compiled module). */
  init(module?: WebAssembly.Module): Promise<void>;
  /** Like solve(): resolves to the solution, rejects with GreenplanError; `onProgress` as solve()'s (called on this thread, a little after the worker reports). */
  solve(instance: unknown, options?: SolveOptions): Promise<Solution>;
  /** Like trySolve(): never rejects. */
  trySolve(instance: unknown, options?: SolveOptions): Promise<SolveResult>;
  /** The independent checker's verdict on a solution of `instance` (never rejects for bad input). */
  check(instance: unknown, solution: unknown): Promise<CheckReport>;
  /** JSON text in, JSON text out (parsed, solved, optionally checked in the worker); never rejects for bad input. */
  solveJson(text: string, options?: { check?: boolean }): Promise<{ ok: true; json: string; check?: CheckReport } | { ok: false; error: GreenplanError }>;
  /** Stop the worker. */
  close(): Promise<void>;
}

/** The error a worker reported (its plain fields), as the class solve() would have thrown. */
export function reviveError(e: ErrorFields): GreenplanError {
  return errorFromFields(e);
}

/**
 * A call's error as a GreenplanError: the worker's own arrive as GreenplanErrors (./wire.ts);
 * anything else was thrown here, while the arguments were copied to the worker (a function,
 * a symbol, a Proxy: DataCloneError; a getter that throws: its error): invalid input.
 */
function sendError(e: unknown): GreenplanError {
  if (e instanceof GreenplanError || (e as { name?: unknown })?.name === 'DataCloneError') return asGreenplanError(e, 'worker');
  const message = e instanceof Error ? e.message : String(e);
  return new GreenplanError('invalid-input', `worker: the input cannot be copied to a worker (reading it threw ${quote(message)})`, '', { cause: e });
}

/** Wrap an endpoint whose other side called `expose(solverApi)`. `terminate` stops it. */
export function wrapSolver(endpoint: Endpoint, terminate: () => unknown = () => undefined): RemoteSolver {
  const remote: Remote<SolverApi> = wrap<SolverApi>(endpoint);
  const solve = async (instance: unknown, options?: SolveOptions): Promise<Solution> => {
    // the options are read here, once, by the same rules as solve()'s (invalid-input otherwise)
    const { onProgress } = readOptions(options);
    try {
      return (await (onProgress ? remote.solve(instance, proxy(onProgress)) : remote.solve(instance))) as Solution;
    } catch (e) {
      throw sendError(e);
    }
  };
  return {
    init: (module) => remote.init(module),
    solve,
    async trySolve(instance, options) {
      try {
        return { ok: true, solution: await solve(instance, options) };
      } catch (e) {
        return { ok: false, error: asGreenplanError(e, 'worker') };
      }
    },
    async check(instance, solution) {
      try {
        return await remote.check(instance, solution);
      } catch (e) {
        return { valid: false, reason: sendError(e).message };
      }
    },
    async solveJson(text, options) {
      try {
        return { ok: true, ...(await remote.solveJson(text, options)) };
      } catch (e) {
        return { ok: false, error: sendError(e) };
      }
    },
    async close() {
      remote[releaseProxy]();
      await terminate();
    },
  };
}
