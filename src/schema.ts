// The JSON Schema of every instance, straight from the TypeBox schemas that type and
// validate them (one source, listed in src/problems/registry.ts): for editors (the
// playground's Monaco), `greenplan schema` and other languages.
import { REGISTRY, PROBLEMS, problemOf, type ProblemName } from './problems/registry.js';
import { ValidationError, quote } from './core/errors.js';

/** Plain JSON (TypeBox's symbol keys dropped), a fresh copy each call. */
const plain = (x: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(x));

/**
 * The JSON Schema (draft 2020-12 keywords) of one problem's instance, or, without an
 * argument, of any instance (`oneOf` the registry's problems, told apart by `problem`).
 * An unknown name is a ValidationError (`invalid-input`, path `problem`) listing the known ones.
 */
export function instanceSchema(problem?: ProblemName): Record<string, unknown> {
  if (problem !== undefined) {
    const def = problemOf(problem);
    if (!def) throw new ValidationError('problem', `${quote(problem)} is not one of ${PROBLEMS.map((p) => `"${p}"`).join(', ')}`);
    return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...plain(def.schema) };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'greenplan/instance',
    description: 'A greenplan instance: the `problem` field selects the schema.',
    oneOf: PROBLEMS.map((p) => plain(REGISTRY[p].schema)),
  };
}
