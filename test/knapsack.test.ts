// The WASM bounded knapsack (src/knapsack -> assembly/knapsack.ts) against HiGHS on
// seeded random instances (adversarial families included), a brute force on tiny
// ones, the independent checker on every solution, and the input validation.
import { describe, expect, it } from 'vitest';
import { solve, knapsack, checkKnapsack, ValidationError } from '../src/node.js';
import { mulberry32, relClose } from './helpers/highs.js';
import { FAMILIES, knapsackBruteForce, knapsackMilp, randomKnapsackInstance, type KnapsackInstance } from './helpers/highs-knapsack.js';

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

const ALGORITHMS = ['dp-deque', 'dp-concave', 'proximity'] as const;

/** Solve with one forced method; undefined when the instance is too large for it. */
async function forced(inst: KnapsackInstance, algorithm: (typeof ALGORITHMS)[number]) {
  try {
    return await knapsack(inst, { algorithm });
  } catch (e) {
    if (e instanceof ValidationError && e.message.includes('too large')) return undefined;
    throw e;
  }
}

describe('knapsack vs HiGHS (seeded random, adversarial families; every method)', () => {
  const PER_FAMILY = 32; // 10 families x 32 = 320 instances, each solved by auto and by each method
  for (const family of FAMILIES) {
    it(`${family}: ${PER_FAMILY} instances`, async () => {
      const rand = mulberry32(0x6b6e6170 ^ family.length * 7919 ^ family.charCodeAt(0));
      let ran = 0;
      for (let k = 0; k < PER_FAMILY; k++) {
        const inst = randomKnapsackInstance(rand, family);
        const opt = await knapsackMilp(inst);
        const sols = [await knapsack(inst), ...(await Promise.all(ALGORITHMS.map((a) => forced(inst, a))))];
        for (const sol of sols) {
          if (sol === undefined) continue;
          ran++;
          const report = checkKnapsack(inst, sol);
          expect(report.valid, `${report.reason}\n${JSON.stringify(inst)}`).toBe(true);
          expect(sol.used).toBeLessThanOrEqual(inst.capacity);
          expect(relClose(sol.value, opt, 1e-6), `${sol.algorithm} ${sol.value} vs HiGHS ${opt}\n${JSON.stringify(inst)}`).toBe(true);
        }
      }
      // every instance ran auto and proximity; dp-deque only where its table fits
      expect(ran).toBeGreaterThanOrEqual(2 * PER_FAMILY);
    });
  }
});

describe('knapsack: the methods agree with each other (medium instances, no oracle needed)', () => {
  it('600 instances with up to 40 item types and capacity up to 20,000 (dp-concave: many types share a size)', async () => {
    const rand = mulberry32(0xc0ffee);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const counts: Record<string, number> = {};
    for (let k = 0; k < 600; k++) {
      const shape = k % 3; // 0 uncorrelated, 1 strongly correlated, 2 equal density
      const sMax = int(1, 60);
      const items = Array.from({ length: int(1, 40) }, () => {
        const size = int(1, sMax);
        const value = shape === 0 ? Math.round(rand() * 1e4) / 100 : shape === 1 ? size + 25 : 2 * size;
        return { size, value, copies: int(1, 500) };
      });
      const total = items.reduce((a, it) => a + it.size * it.copies, 0);
      const inst: KnapsackInstance = { problem: 'knapsack', capacity: int(0, Math.min(20000, total)), items };
      const [auto, dp, concave, prox] = [await knapsack(inst), await knapsack(inst, { algorithm: 'dp-deque' }), await knapsack(inst, { algorithm: 'dp-concave' }), await knapsack(inst, { algorithm: 'proximity' })];
      counts[auto.algorithm] = (counts[auto.algorithm] ?? 0) + 1;
      counts[`forced ${concave.algorithm}`] = (counts[`forced ${concave.algorithm}`] ?? 0) + 1;
      for (const s of [auto, concave, prox]) {
        expect(checkKnapsack(inst, s).valid).toBe(true);
        expect(relClose(s.value, dp.value, 1e-9), `${s.algorithm} ${s.value} vs dp ${dp.value}\n${JSON.stringify(inst)}`).toBe(true);
      }
    }
    console.log('auto chose', counts);
    expect(counts['forced dp-concave']).toBeGreaterThan(100); // the concave kernel really ran (uncorrelated values: sizes shared by distinct values)
    expect(Object.keys(counts).filter((k) => !k.startsWith('forced')).length).toBeGreaterThanOrEqual(2); // auto picks more than one method
  });
});

describe('knapsack: memory-light reconstruction (divide and conquer over item types)', () => {
  it('200 instances under a 1 MiB budget (tables would need more) equal the table-based solve', async () => {
    const rand = mulberry32(0x11647);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    for (let k = 0; k < 200; k++) {
      const sMax = int(5, 60);
      const items = Array.from({ length: int(40, 60) }, () => {
        const size = int(1, sMax);
        return { size, value: k % 2 ? size + 7 : Math.round(rand() * 1e4) / 100, copies: int(100, 400) };
      });
      const total = items.reduce((a, it) => a + it.size * it.copies, 0);
      const inst: KnapsackInstance = { problem: 'knapsack', capacity: int(14000, 20000), items };
      // a full table would take items × (C+1) × 2 bytes > 1 MiB: the light path must run
      expect(items.length * (Math.min(inst.capacity, total) + 1) * 2).toBeGreaterThan(2 ** 20);
      for (const algorithm of ['dp-deque', 'dp-concave'] as const) {
        const ref = await knapsack(inst, { algorithm });
        const light = await knapsack(inst, { algorithm, maxBytes: 2 ** 20 });
        expect(checkKnapsack(inst, light).valid).toBe(true);
        expect(relClose(light.value, ref.value, 1e-9), `${algorithm} light ${light.value} vs tables ${ref.value}\n${JSON.stringify(inst)}`).toBe(true);
      }
    }
  });
});

describe('knapsack vs brute force (tiny)', () => {
  it('300 tiny instances', async () => {
    const rand = mulberry32(2024);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    for (let k = 0; k < 300; k++) {
      const n = int(0, 4);
      const items = Array.from({ length: n }, () => ({ size: int(1, 6), value: rand() < 0.2 ? 0 : Math.round(rand() * 200) / 10, copies: int(1, 4) }));
      const inst: KnapsackInstance = { problem: 'knapsack', capacity: int(0, 25), items };
      const sol = await knapsack(inst);
      expect(checkKnapsack(inst, sol).valid).toBe(true);
      expect(relClose(sol.value, knapsackBruteForce(inst), 1e-9), JSON.stringify(inst)).toBe(true);
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
