import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { GreenplanError, ValidationError, MAX_ISSUES, quote, thrownText, type Issue } from './errors.js';

/** `/scenarios/0/demand/1` -> `scenarios[0].demand[1]` */
export function formatPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/**
 * A compiled validator: every schema violation becomes an issue naming its JSON path.
 * Compiled on first use: a process (the CLI) that solves one problem does not compile the
 * validators of the others.
 */
export class Validator<S extends TSchema> {
  private compiled: TypeCheck<S> | undefined;
  constructor(readonly schema: S) {}
  private get check(): TypeCheck<S> {
    return (this.compiled ??= TypeCompiler.Compile(this.schema));
  }
  /** Every issue of `value` against the schema (at most MAX_ISSUES, one per path), or [] when it matches. */
  issues(value: unknown): Issue[] {
    return readInput(() => this.findIssues(value));
  }
  private findIssues(value: unknown): Issue[] {
    if (this.check.Check(value)) return [];
    const out: Issue[] = [];
    const seen = new Set<string>();
    for (const e of this.check.Errors(value)) {
      const path = formatPath(e.path);
      if (seen.has(path)) continue;
      seen.add(path);
      out.push({ path, message: issueMessage(path, e) });
      if (out.length >= MAX_ISSUES) break;
    }
    return out.length ? out : [{ path: '', message: 'is invalid' }];
  }
  /** Throws ValidationError (every issue listed, the first as the message) unless `value` matches the schema. */
  assert(value: unknown): asserts value is Static<S> {
    if (readInput(() => this.check.Check(value))) return;
    throw ValidationError.of(this.issues(value));
  }
}

/**
 * Run `read` over the caller's input: what the input itself throws while it is read (a
 * getter, a Proxy trap: library callers) is invalid input, not a greenplan bug (was:
 * `internal`). RangeErrors (a stack overflow on deep nesting) pass through to
 * asGreenplanError, which names them.
 */
export function readInput<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof GreenplanError || e instanceof RangeError) throw e;
    throw new ValidationError('', `the instance cannot be read: reading it threw ${quote(thrownText(e))} (a getter or a Proxy of the instance)`);
  }
}

function issueMessage(path: string, e: ValueError): string {
  const custom = (e.schema as { errorMessage?: string }).errorMessage;
  let what: string;
  if (e.type === ValueErrorType.ObjectAdditionalProperties) {
    const allowed = Object.keys((e.schema as { properties?: object }).properties ?? {});
    what = `is not a known field (allowed: ${allowed.join(', ')})`;
  } else if (e.type === ValueErrorType.ObjectRequiredProperty) what = 'is required';
  else if (custom) what = custom;
  else what = e.message.replace(/^Expected/, 'must be');
  return path ? `${path} ${what}` : what;
}

/** Throws one ValidationError listing every issue, when there is any. */
export function throwIssues(issues: readonly Issue[]): void {
  if (issues.length) throw ValidationError.of(issues);
}

/**
 * Names must be unique within an array: throws ValidationError at `array[i].field` (or
 * `array[i]` when `field` is '') naming the earlier twin, one issue per duplicate. Names
 * are Map keys (safe for `__proto__`) and quoted, escaped and truncated in messages.
 * Returns name -> index.
 */
export function uniqueNames(array: string, names: readonly string[], field = 'name'): Map<string, number> {
  const seen = new Map<string, number>();
  const at = (i: number) => `${array}[${i}]${field ? `.${field}` : ''}`;
  const issues: Issue[] = [];
  names.forEach((name, i) => {
    const prev = seen.get(name);
    if (prev !== undefined) {
      if (issues.length < MAX_ISSUES) issues.push({ path: at(i), message: `${at(i)} duplicates ${at(prev)} (${quote(name)})` });
    } else seen.set(name, i);
  });
  throwIssues(issues);
  return seen;
}
