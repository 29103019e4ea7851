// Client side of a solver worker (platform-neutral): wrap a comlink endpoint into
// promises that resolve to solutions and reject with GreenplanError / ValidationError,
// exactly like the in-thread solve().
import { wrap, releaseProxy, type Endpoint, type Remote } from 'comlink';
import { GreenplanError, ValidationError } from '../core/errors.js';
import type { Solution, SolveResult } from '../solve.js';
import type { SolverApi, WireError } from './api.js';
import type { CheckReport } from '../problems/types.js';

export interface RemoteSolver {
  /** Instantiate the kernels in the worker (optionally from an already compiled module). */
  init(module?: WebAssembly.Module): Promise<void>;
  /** Like solve(): resolves to the solution, rejects with GreenplanError. */
  solve(instance: unknown): Promise<Solution>;
  /** Like trySolve(): never rejects for bad input. */
  trySolve(instance: unknown): Promise<SolveResult>;
  /** The independent checker's verdict on a solution of `instance` (never rejects for bad input). */
  check(instance: unknown, solution: unknown): Promise<CheckReport>;
  /** JSON text in, JSON text out (parsed, solved, optionally checked in the worker); never rejects for bad input. */
  solveJson(text: string, options?: { check?: boolean }): Promise<{ ok: true; json: string; check?: CheckReport } | { ok: false; error: GreenplanError }>;
  /** Stop the worker. */
  close(): Promise<void>;
}

/** The error a worker reported, as the class solve() would have thrown. */
export function reviveError(e: WireError): GreenplanError {
  if (e.code === 'invalid-input') {
    if (e.path && e.message.startsWith(`${e.path} `)) return new ValidationError(e.path, e.message.slice(e.path.length + 1));
    if (!e.path) return new ValidationError('', e.message);
  }
  return new GreenplanError(e.code, e.message, e.path);
}

/** Wrap an endpoint whose other side called `expose(solverApi)`. `terminate` stops it. */
export function wrapSolver(endpoint: Endpoint, terminate: () => unknown = () => undefined): RemoteSolver {
  const remote: Remote<SolverApi> = wrap<SolverApi>(endpoint);
  const trySolve = async (instance: unknown): Promise<SolveResult> => {
    const r = await remote.solve(instance);
    return r.ok ? r : { ok: false, error: reviveError(r.error) };
  };
  return {
    init: (module) => remote.init(module),
    trySolve,
    check: (instance, solution) => remote.check(instance, solution),
    async solveJson(text, options) {
      const r = await remote.solveJson(text, options);
      return r.ok ? r : { ok: false, error: reviveError(r.error) };
    },
    async solve(instance) {
      const r = await trySolve(instance);
      if (!r.ok) throw r.error;
      return r.solution;
    },
    async close() {
      remote[releaseProxy]();
      await terminate();
    },
  };
}
