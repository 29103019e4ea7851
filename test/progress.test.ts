// Progress of one long solve (src/core/progress.ts, docs/contract.md "Progress"): the autoscaling
// tune reports its backtest windows and a goal's missCosts in order; a throwing callback never
// breaks the solve; problems without stages report nothing; the CLI's lines are quiet for short
// solves, throttled, and end each stage they started.
import { describe, expect, it } from 'vitest';
import { solve, type SolveProgress } from '../src/node.js';
import { progressLines } from '../src/cli/progress-lines.js';
import { shifty } from './helpers/tune-reference.js';

describe('solve progress', () => {
  it('the tune reports every backtest window, then each goal missCost up to the chosen one', async () => {
    const inst = { ...shifty(9), tune: { goal: { rrc: 1.2, missShare: 0.5 } } };
    const seen: SolveProgress[] = [];
    const sol = (await solve(inst, { onProgress: (p) => seen.push({ ...p }) })) as any;
    const windows = seen.filter((p) => p.stage === 'tune: backtest windows');
    expect(windows.map((p) => [p.done, p.total])).toEqual([[1, 3], [2, 3], [3, 3]]);
    const goal = seen.filter((p) => p.stage.startsWith('tune: goal'));
    const k = Array.from({ length: 49 }, (_, i) => Math.round(10 ** (0.6 + 0.05 * i) * 1000) / 1000).indexOf(sol.tuning.missCost);
    expect(k).toBeGreaterThan(0);
    expect(sol.tuning.goal.met).toBe(true);
    expect(goal.map((p) => p.done)).toEqual(Array.from({ length: k + 1 }, (_, i) => i + 1));
    expect(goal.every((p) => p.total === 49 && p.problem === 'autoscaling')).toBe(true);
    // the windows come first
    expect(seen.indexOf(windows[2]!)).toBeLessThan(seen.indexOf(goal[0]!));
    // a callback that throws: the same solution, reports stop after the first
    let calls = 0;
    const again = await solve(inst, { onProgress: () => { calls++; throw new Error('x'); } });
    expect(again).toEqual(sol);
    expect(calls).toBe(1);
  });

  it('problems and instances without long stages report nothing', async () => {
    const seen: SolveProgress[] = [];
    await solve({ problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4 }] }, { onProgress: (p) => seen.push(p) });
    await solve({ ...shifty(9) }, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([]);
  });

  it('bad options are invalid input, read once; none or null are no options', async () => {
    const k = { problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4 }] };
    await expect(solve(k, { onProgress: 5 } as any)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/onProgress must be a function, not number/) });
    await expect(solve(k, 'fast' as any)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/must be an object/) });
    await expect(solve(k, { get onProgress() { throw new Error('no'); } } as any)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/cannot be read/) });
    let reads = 0;
    const seen: SolveProgress[] = [];
    await solve({ ...shifty(9), tune: { missCost: 40 } }, { get onProgress() { reads++; return (p: SolveProgress) => seen.push(p); } } as any);
    expect(reads).toBe(1);
    expect(seen.length).toBe(3);
    await expect(solve(k, null as any)).resolves.toMatchObject({ status: 'optimal' });
    await expect(solve(k, {})).resolves.toMatchObject({ status: 'optimal' });
  });

  it('the CLI\'s lines: nothing before 2 s, then at most one per 5 s, and the end of a stage that printed', () => {
    let t = 0;
    const out: string[] = [];
    const f = progressLines((s) => out.push(s), () => t);
    const p = (done: number, total = 7, stage = 'tune: backtest windows') => f({ problem: 'autoscaling', stage, done, total });
    t = 1000; p(1);
    t = 1900; p(2);
    expect(out).toEqual([]);
    t = 2500; p(3);
    t = 6000; p(4);
    t = 7600; p(5);
    t = 7700; p(7);
    t = 7800; p(1, 49, 'tune: goal missCosts');
    t = 8000; p(49, 49, 'tune: goal missCosts');
    expect(out).toEqual([
      'greenplan: autoscaling, tune: backtest windows 3/7 (3 s)\n',
      'greenplan: autoscaling, tune: backtest windows 5/7 (8 s)\n',
      'greenplan: autoscaling, tune: backtest windows 7/7 (8 s)\n',
    ]);
    // a stage that printed and then stopped early gets its last unit at the end; one that never printed stays silent
    t = 20000; p(1, 49, 'tune: goal missCosts');
    t = 21000; p(2, 49, 'tune: goal missCosts');
    t = 22000; p(3, 49, 'tune: goal missCosts');
    t = 22500; f.end();
    expect(out.slice(3)).toEqual(['greenplan: autoscaling, tune: goal missCosts 1/49 (20 s)\n', 'greenplan: autoscaling, tune: goal missCosts 3/49 (23 s)\n']);
    f.end();
    expect(out.length).toBe(5);
  });
});
