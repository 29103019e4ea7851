import { Type, type Static } from '@sinclair/typebox';

/** One item type: `copies` identical copies of size `size` worth `value` each. */
export const KnapsackItem = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Item name; defaults to its index.' })),
    size: Type.Integer({ minimum: 1, maximum: 2147483647, errorMessage: 'must be an integer >= 1', description: 'Size of one copy (integer resource units).' }),
    value: Type.Number({ minimum: 0, errorMessage: 'must be a finite number >= 0', description: 'Value of one copy (may be fractional).' }),
    copies: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, errorMessage: 'must be an integer >= 1', description: 'Copies available (default 1).' })),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

/** `{ problem: "knapsack", capacity, items }`: see README, "Knapsack". */
export const KnapsackInstance = Type.Object(
  {
    problem: Type.Literal('knapsack'),
    capacity: Type.Integer({ minimum: 0, maximum: 2147483647, errorMessage: 'must be an integer in 0..2147483647', description: 'Largest total size.' }),
    items: Type.Array(KnapsackItem, { errorMessage: 'must be an array of items' }),
    algorithm: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('dp-deque'), Type.Literal('dp-concave'), Type.Literal('proximity')], {
      errorMessage: 'must be one of "auto", "dp-deque", "dp-concave", "proximity"',
      description: 'Exact method: "auto" (default) picks by instance shape; "dp-deque" is O(n·C), "dp-concave" O(d·C·log C) for d distinct sizes, "proximity" O(n·s_max²).',
    })),
  },
  { additionalProperties: false, errorMessage: 'must be an object', $id: 'greenplan/knapsack' },
);
export type KnapsackInstance = Static<typeof KnapsackInstance>;
export type KnapsackItem = Static<typeof KnapsackItem>;
/** The exact methods (see src/knapsack/solve.ts). */
export type KnapsackAlgorithm = 'auto' | KnapsackMethod;
/** The exact method that ran. */
export type KnapsackMethod = 'dp-deque' | 'dp-concave' | 'proximity';

export interface KnapsackSolution {
  problem: 'knapsack';
  status: 'optimal';
  /** Σ value × count */
  value: number;
  /** Σ size × count (<= capacity) */
  used: number;
  /** Items taken (count > 0 only), in instance order. */
  take: { name: string; count: number }[];
  /** The exact method that ran. */
  algorithm: KnapsackMethod;
}
