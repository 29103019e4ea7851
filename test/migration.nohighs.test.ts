// The exact migration target without the optional dependency `highs`: `exact` fails
// with a GreenplanError that says how to install it; `auto` falls back to the heuristics.
import { describe, expect, it, vi } from 'vitest';

vi.mock('highs', () => {
  throw new Error("Cannot find package 'highs'");
});

const { solve, checkMigration, GreenplanError } = await import('../src/node.js');

const inst = {
  problem: 'migration', resources: ['cpu'], alpha: 0.01,
  machines: [{ name: 'a', capacity: [10] }, { name: 'b', capacity: [10] }],
  tasks: [{ name: 't1', demand: [3], machine: 'a' }, { name: 't2', demand: [4], machine: 'b' }],
};

describe('migration without the optional dependency highs', () => {
  it('target "exact" throws a GreenplanError naming the package', async () => {
    const err = await solve({ ...inst, target: 'exact' } as never).then(() => undefined, (e) => e);
    expect(err).toBeInstanceOf(GreenplanError);
    expect(err.path).toBe('target');
    expect(err.message).toMatch(/optional dependency "highs".*npm install highs/);
  });
  it('target "auto" uses the heuristics and says so', async () => {
    const sol = await solve(inst as never);
    expect(sol).toMatchObject({ status: 'feasible', machinesUsed: 1, targetMethod: 'heuristic', targetOptimal: false });
    expect((sol as { targetNote?: string }).targetNote).toMatch(/not installed/);
    expect(checkMigration(inst, sol)).toMatchObject({ valid: true });
  });
});
