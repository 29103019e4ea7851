// The JSON Schema of every instance, straight from the TypeBox schemas that type and
// validate them (one source): for editors (the playground's Monaco), `greenplan schema`
// and other languages.
import { SmoothingInstance } from './smoothing/schema.js';
import { KnapsackInstance } from './knapsack/schema.js';
import { DeploymentInstance } from './deployment/schema.js';
import { MigrationInstance } from './migration/schema.js';
import { PROBLEMS } from './solve.js';

const SCHEMAS = { smoothing: SmoothingInstance, knapsack: KnapsackInstance, deployment: DeploymentInstance, migration: MigrationInstance } as const;

/** Plain JSON (TypeBox's symbol keys dropped), a fresh copy each call. */
const plain = (x: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(x));

/**
 * The JSON Schema (draft 2020-12 keywords) of one problem's instance, or, without an
 * argument, of any instance (`oneOf` the four, told apart by `problem`).
 */
export function instanceSchema(problem?: (typeof PROBLEMS)[number]): Record<string, unknown> {
  if (problem !== undefined) {
    const s = SCHEMAS[problem];
    if (!s) throw new RangeError(`unknown problem "${problem}" (known: ${PROBLEMS.join(', ')})`);
    return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...plain(s) };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'greenplan/instance',
    description: 'A greenplan instance: the `problem` field selects the schema.',
    oneOf: PROBLEMS.map((p) => plain(SCHEMAS[p])),
  };
}
