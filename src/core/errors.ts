// The error half of the result contract (docs/contract.md): every error greenplan raises on
// purpose is a GreenplanError with a code from ERROR_CODES, the JSON path of the offending
// value and, for invalid input, every issue found (the first is the message).
import { OUT_OF_MEMORY, TOO_LARGE } from '../wasm/abi.js';
import { quote } from '../check/quote.js';

/** Error codes, one meaning each (docs/contract.md, "Errors"). */
export const ERROR_CODES = ['invalid-input', 'infeasible', 'unavailable', 'out-of-memory', 'internal'] as const;
/**
 * - `invalid-input`: the instance (or a CLI argument) is not valid; `path` names the value.
 * - `infeasible`: the instance has no solution (solvers return status "infeasible" instead;
 *   this code is for callers that want an error, e.g. a batch runner's summary).
 * - `unavailable`: an optional dependency the instance asks for is not installed (HiGHS).
 * - `out-of-memory`: the instance needs more memory or output than the solver allows.
 * - `internal`: a bug; please report it.
 */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One validation finding. */
export interface Issue {
  /** JSON path of the value (`scenarios[0].demand[1]`), '' for the whole input. */
  path: string;
  /** What is wrong with it, starting with the path. */
  message: string;
}

/** The plain fields of a GreenplanError: what crosses a worker boundary or goes into a log. */
export interface ErrorFields {
  name?: string;
  code: ErrorCode;
  message: string;
  path: string;
  issues?: Issue[];
}

/** Base class of every error greenplan throws on purpose. */
export class GreenplanError extends Error {
  readonly code: ErrorCode;
  /** JSON path of the offending value (`scenarios[0].demand[1]`), or '' for the whole input. */
  readonly path: string;
  constructor(code: ErrorCode, message: string, path = '', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GreenplanError';
    this.code = code;
    this.path = path;
  }
  /** The plain fields (for the wire and for logs). */
  toJSON(): ErrorFields {
    return { name: this.name, code: this.code, message: this.message, path: this.path };
  }
}

/** The instance is not valid: `message` names the JSON path; `issues` lists every finding (the first is the message). */
export class ValidationError extends GreenplanError {
  /** Every issue found, in input order (capped at MAX_ISSUES); issues[0] is this error's message. */
  readonly issues: Issue[];
  constructor(path: string, problem: string, more: readonly Issue[] = []) {
    const message = path ? `${path} ${problem}` : problem;
    super('invalid-input', message, path);
    this.name = 'ValidationError';
    this.issues = [{ path, message }, ...more.filter((i) => i.message !== message)].slice(0, MAX_ISSUES);
  }
  /** A ValidationError from a list of issues (at least one). */
  static of(issues: readonly Issue[]): ValidationError {
    const [first, ...rest] = issues;
    if (!first) return new ValidationError('', 'is invalid');
    const e = new ValidationError(first.path, first.message.startsWith(`${first.path} `) ? first.message.slice(first.path.length + 1) : first.message, rest);
    return e;
  }
  override toJSON(): ErrorFields {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** Most issues one ValidationError lists. */
export const MAX_ISSUES = 100;

/** Rebuild the error from its fields (the worker boundary, logs): no parsing of the message. */
export function errorFromFields(f: ErrorFields): GreenplanError {
  const code = (ERROR_CODES as readonly string[]).includes(f.code) ? f.code : 'internal';
  if (code === 'invalid-input') {
    const issues = f.issues?.length ? f.issues : [{ path: f.path, message: f.message }];
    const e = ValidationError.of(issues);
    // keep the exact message and path even if they were not issues[0]
    Object.defineProperty(e, 'message', { value: f.message, enumerable: false, writable: true, configurable: true });
    Object.defineProperty(e, 'path', { value: f.path, enumerable: true });
    return e;
  }
  return new GreenplanError(code, f.message, f.path);
}

/**
 * Any thrown value as a GreenplanError (trySolve never rejects): GreenplanErrors pass
 * through; a JS engine's out-of-memory or too-deep errors become `out-of-memory` or
 * `invalid-input`; anything else is `internal` with the original as `cause`.
 */
/**
 * The text of a thrown value (an Error's message, else String(value)) without failing: a
 * null-prototype object, a toString or message getter that throws, or a Proxy whose traps
 * throw gives its Object.prototype.toString tag or "a value that cannot be printed".
 */
export function thrownText(e: unknown): string {
  try {
    return String(e instanceof Error ? e.message : e);
  } catch {
    try {
      return Object.prototype.toString.call(e);
    } catch {
      return 'a value that cannot be printed';
    }
  }
}

export function asGreenplanError(e: unknown, what = 'greenplan'): GreenplanError {
  if (e instanceof GreenplanError) return e;
  const message = thrownText(e);
  if ((e as { name?: unknown })?.name === 'DataCloneError') {
    return new GreenplanError('invalid-input', `${what}: the instance cannot be copied to a worker (${message})`, '', { cause: e });
  }
  if (e instanceof RangeError) {
    if (/call stack/i.test(message)) return new GreenplanError('invalid-input', `${what}: the input is nested too deeply`, '', { cause: e });
    if (/allocation|array length|invalid (typed )?array|buffer|memory|size/i.test(message)) {
      return new GreenplanError('out-of-memory', `${what}: the instance needs more memory than is available (${message})`, '', { cause: e });
    }
  }
  if (e instanceof WebAssembly.RuntimeError || /out of memory/i.test(message)) {
    return new GreenplanError('out-of-memory', `${what}: ${message}`, '', { cause: e });
  }
  return new GreenplanError('internal', `${what}: internal error: ${message} (please report this bug)`, '', { cause: e });
}

/** Kernel status codes (assembly/abi.ts) turned into errors. */
export function statusError(status: number, what: string): GreenplanError {
  switch (status) {
    case OUT_OF_MEMORY:
      return new GreenplanError('out-of-memory', `${what}: the instance needs more than the 4 GiB WebAssembly memory`);
    case TOO_LARGE:
      return new GreenplanError('out-of-memory', `${what}: a capacity or intermediate result exceeds what the kernel can represent`);
    default:
      return new GreenplanError('internal', `${what}: kernel returned status ${status} (please report this bug)`);
  }
}

export { quote } from '../check/quote.js';
