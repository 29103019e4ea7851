import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { ValidationError } from './errors.js';

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
 * A compiled validator whose first error becomes a ValidationError naming the JSON path.
 * Compiled on first use: a process (the CLI) that solves one problem does not compile the
 * validators of the others.
 */
export class Validator<S extends TSchema> {
  private compiled: TypeCheck<S> | undefined;
  constructor(readonly schema: S) {}
  private get check(): TypeCheck<S> {
    return (this.compiled ??= TypeCompiler.Compile(this.schema));
  }
  /** Throws ValidationError unless `value` matches the schema. */
  assert(value: unknown): asserts value is Static<S> {
    if (this.check.Check(value)) return;
    const first = this.check.Errors(value).First();
    if (!first) throw new ValidationError('', 'is invalid');
    const path = formatPath(first.path);
    const custom = (first.schema as { errorMessage?: string }).errorMessage;
    if (first.type === ValueErrorType.ObjectAdditionalProperties) {
      const allowed = Object.keys((first.schema as { properties?: object }).properties ?? {});
      throw new ValidationError(path, `is not a known field (allowed: ${allowed.join(', ')})`);
    }
    if (first.type === ValueErrorType.ObjectRequiredProperty) {
      throw new ValidationError(path, 'is required');
    }
    if (custom) throw new ValidationError(path, custom);
    throw new ValidationError(path, first.message.replace(/^Expected/, 'must be'));
  }
}

/**
 * Names must be unique within an array: throws ValidationError at `array[i].field` (or
 * `array[i]` when `field` is '') naming the first earlier twin. Returns name -> index.
 */
export function uniqueNames(array: string, names: readonly string[], field = 'name'): Map<string, number> {
  const seen = new Map<string, number>();
  const at = (i: number) => `${array}[${i}]${field ? `.${field}` : ''}`;
  names.forEach((name, i) => {
    const prev = seen.get(name);
    if (prev !== undefined) throw new ValidationError(at(i), `duplicates ${at(prev)} ("${name}")`);
    seen.set(name, i);
  });
  return seen;
}
