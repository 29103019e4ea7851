// Knapsack test helpers: the exact methods, and a solve with one of them forced.
import { knapsack, ValidationError } from '../../src/node.js';
import type { KnapsackInstance } from './highs-knapsack.js';

export const ALGORITHMS = ['dp-deque', 'dp-concave', 'proximity'] as const;

/** Solve with one forced method; undefined when the instance is too large for it. */
export async function forced(inst: KnapsackInstance, algorithm: (typeof ALGORITHMS)[number]) {
  try {
    return await knapsack(inst, { algorithm });
  } catch (e) {
    if (e instanceof ValidationError && e.message.includes('too large')) return undefined;
    throw e;
  }
}
