import { OUT_OF_MEMORY } from '../wasm/abi.js';

/** Error codes raised at the TypeScript boundary. */
export type ErrorCode = 'invalid-input' | 'out-of-memory' | 'internal';

/** Base class of every error greenplan throws on purpose. */
export class GreenplanError extends Error {
  readonly code: ErrorCode;
  /** JSON path of the offending value (`scenarios[0].demand[1]`), or '' for the whole input. */
  readonly path: string;
  constructor(code: ErrorCode, message: string, path = '') {
    super(message);
    this.name = 'GreenplanError';
    this.code = code;
    this.path = path;
  }
}

/** The instance is not valid: `message` names the JSON path. */
export class ValidationError extends GreenplanError {
  constructor(path: string, problem: string) {
    super('invalid-input', path ? `${path} ${problem}` : problem, path);
    this.name = 'ValidationError';
  }
}

/** Kernel status codes (assembly/abi.ts) turned into errors. */
export function statusError(status: number, what: string): GreenplanError {
  switch (status) {
    case OUT_OF_MEMORY:
      return new GreenplanError('out-of-memory', `${what}: the instance needs more than the 4 GiB WebAssembly memory`);
    default:
      return new GreenplanError('internal', `${what}: kernel returned status ${status} (please report this bug)`);
  }
}
