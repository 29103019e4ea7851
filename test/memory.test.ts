// Memory does not grow across repeated solves of every problem: the kernels take their
// buffers from one arena grown to the largest call so far, and allocate nothing else.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { solve } from '../src/node.js';

const memoryBytes = async () => {
  const { kernels } = await import('../src/wasm/loader.js');
  return (await kernels()).memoryBytes();
};
const example = (name: string) => JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8'));

describe('memory across repeated solves', () => {
  it.each(['smoothing-budget.json', 'knapsack.json', 'deployment.json', 'migration.json'])('%s: 200 solves, no growth', async (file) => {
    const inst = example(file);
    if (inst.problem === 'migration') inst.target = 'heuristic'; // the WASM kernel path (HiGHS has its own module)
    const first = await solve(inst);
    const before = await memoryBytes();
    for (let i = 0; i < 200; i++) expect(await solve(inst)).toEqual(first);
    expect(await memoryBytes()).toBe(before);
  });
  it('a larger knapsack, then the small one again: the arena is reused, not grown again', async () => {
    const items = Array.from({ length: 300 }, (_, j) => ({ size: 1 + ((j * 37) % 200), value: 1 + ((j * 53) % 97), copies: 1 + (j % 20) }));
    const big = { problem: 'knapsack', capacity: 150000, items, algorithm: 'dp-deque' };
    await solve(big);
    const after = await memoryBytes();
    for (let i = 0; i < 3; i++) { await solve(big); await solve(example('knapsack.json')); }
    expect(await memoryBytes()).toBe(after);
  });
});
