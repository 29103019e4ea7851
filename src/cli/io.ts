// What every CLI command shares (docs/contract.md, "CLI"): the exit codes, reading JSON
// files (byte-order mark, limits), writing output (--out, --pretty, a reader that closes
// the pipe early), and turning any error into one escaped line on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { GreenplanError, asGreenplanError, quote, type ErrorCode } from '../core/errors.js';
import { parseJsonBytes } from '../core/json.js';

/** Exit codes, one meaning each (printed by `greenplan --help`). */
export const EXIT = { ok: 0, checkFailed: 1, invalid: 2, infeasible: 3, internal: 70 } as const;

/** The exit code of an error code: the input's fault (2), no solution (3), or a bug (70). */
export const EXIT_OF: Record<ErrorCode, number> = {
  'invalid-input': EXIT.invalid,
  'out-of-memory': EXIT.invalid,
  unavailable: EXIT.invalid,
  infeasible: EXIT.infeasible,
  internal: EXIT.internal,
};

export const EXIT_HELP = `Exit codes:
  0   solved (status "optimal", "feasible" or "ok"); check: the solution is valid
  1   check: the solution is not valid (the reason is printed)
  2   invalid input or usage: bad JSON, an instance violating the schema (the JSON path
      is printed), an input over a documented limit, a missing optional dependency
  3   no solution: status "infeasible" or "timeout" (the solution JSON says why)
  4   batch and queue only: the run finished but some instances failed (the summary on
      stderr says how many and why); 130: a batch stopped by Ctrl+C (its results stay valid)
  ${EXIT.internal}  internal error: a bug, please report it (GREENPLAN_DEBUG=1 prints the stack)`;

const debug = () => process.env.GREENPLAN_DEBUG === '1';

/** One line, safe for a terminal: control characters escaped, at most `max` characters. */
export function oneLine(s: string, max = 900): string {
  // eslint-disable-next-line no-control-regex
  const esc = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return esc.length > max ? `${esc.slice(0, max)}… (${esc.length - max} more characters)` : esc;
}

/** Print the error as one line and exit with its code (a stack only with GREENPLAN_DEBUG=1). */
export function fail(e: unknown): never {
  const err = asGreenplanError(e);
  const issues = (err as { issues?: unknown[] }).issues;
  const more = Array.isArray(issues) && issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  // one "greenplan: " prefix (asGreenplanError names an unclassified error "greenplan: …")
  process.stderr.write(`greenplan: ${oneLine(err.message.replace(/^greenplan: /, ''))}${more}\n`);
  if (debug()) {
    const cause = (err as { cause?: unknown }).cause;
    process.stderr.write(`${(cause instanceof Error ? cause : err).stack ?? ''}\n`);
  }
  process.exit(EXIT_OF[err.code] ?? EXIT.internal);
}

/** An invalid-input (usage) error. */
export const usage = (message: string, path = ''): GreenplanError => new GreenplanError('invalid-input', message, path);

/** Read and parse a JSON file (`-` for stdin). `what` names it in messages ("instance"). */
export function readJson(file: string, what: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw usage(`cannot read ${what} ${quote(file, 200)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseJsonBytes(bytes, file === '-' ? `${what} (stdin)` : `${what} ${quote(file, 200)}`);
}

/** Output options every command that prints JSON has. */
export interface OutOptions {
  out?: string;
  pretty?: boolean;
}

/** JSON text of a value (indented with --pretty). */
export function jsonText(value: unknown, opts: OutOptions): string {
  try {
    return `${opts.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;
  } catch (e) {
    throw new GreenplanError('out-of-memory', `the output is too large to write as one JSON text (${(e as Error).message})`, '', { cause: e });
  }
}

/** Write text to --out or stdout (a missing folder or a folder as --out: exit 2). */
export function writeOut(text: string, opts: OutOptions): void {
  if (opts.out !== undefined) {
    try {
      writeFileSync(opts.out, text);
    } catch (e) {
      throw usage(`cannot write --out ${quote(opts.out, 200)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, '');
    }
  } else {
    process.stdout.write(text);
  }
}

/** A reader that closes the pipe early (`greenplan solve big.json | head`) ends the run quietly. */
export function quietPipes(): void {
  const quiet = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    // a stdout that cannot be written (a full disk, a closed descriptor): an I/O error like `--out`'s, exit 2
    fail(usage(`cannot write to stdout: ${e.code ?? e.message}`));
  };
  process.stdout.on('error', quiet);
  process.stderr.on('error', () => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0));
}

/** --out and --pretty for a command that prints JSON. */
export function outputOptions<T extends { option(flags: string, description: string): T }>(cmd: T, what = 'the solution'): T {
  return cmd.option('--out <file>', `write ${what} to this file instead of stdout`).option('--pretty', 'indent the JSON (2 spaces)');
}
