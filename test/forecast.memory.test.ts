// Memory does not grow across repeated forecasts: every kernel (ets, dsp, multiscale)
// takes its buffers from the shared arena, grown to the largest call so far.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { solve } from '../src/node.js';

const memoryBytes = async () => {
  const { kernels } = await import('../src/wasm/loader.js');
  return (await kernels()).memoryBytes();
};

describe('forecast memory across repeated solves', () => {
  it('the bundled example, every method, 30 solves each: same result, no growth', async () => {
    const inst = JSON.parse(readFileSync(new URL('../examples/forecast.json', import.meta.url), 'utf8'));
    for (const method of ['seasonal-naive', 'recent-median', 'ets', 'dsp', 'multiscale', 'auto']) {
      const i = { ...inst, method };
      const first = await solve(i);
      const before = await memoryBytes();
      for (let k = 0; k < 30; k++) expect(await solve(i)).toEqual(first);
      expect(await memoryBytes()).toBe(before);
    }
  });
  it('a larger instance, then the small one again: the arena is reused', async () => {
    const values = Array.from({ length: 4032 }, (_, t) => 100 + 50 * Math.sin((2 * Math.PI * t) / 288) + ((t * 7919) % 17));
    const big = { problem: 'forecast', horizon: 288, series: [{ values }, { values: values.map((v) => v * 2) }] };
    const small = JSON.parse(readFileSync(new URL('../examples/forecast.json', import.meta.url), 'utf8'));
    await solve(big);
    await solve(small);
    const after = await memoryBytes();
    for (let k = 0; k < 5; k++) { await solve(big); await solve(small); }
    expect(await memoryBytes()).toBe(after);
  });
});
