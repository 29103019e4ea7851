// Solvers in worker threads ('greenplan/worker', comlink): the same solutions as in the
// calling thread, errors revived as the same classes with their JSON paths, a module
// compiled once and handed to several workers, and workers solving side by side.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSolver } from '../dist/worker/node.js';
import { solve, ValidationError } from '../dist/node.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8'));

describe('solver in a worker thread', () => {
  it('solves the examples exactly as in the calling thread', async () => {
    const solver = spawnSolver();
    try {
      for (const file of ['smoothing.json', 'smoothing-budget.json', 'knapsack.json']) {
        const inst = example(file);
        expect(await solver.solve(inst)).toEqual(await solve(inst));
      }
    } finally {
      await solver.close();
    }
  });
  it('rejects bad input with a ValidationError naming the JSON path; trySolve never rejects', async () => {
    const solver = spawnSolver();
    try {
      const bad = { problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] };
      const err = await solver.solve(bad).then(() => undefined, (e) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.path).toBe('items[0].size');
      expect(err.message).toBe('items[0].size must be an integer >= 1');
      // every issue crosses the boundary with its fields (comlink transfer handler, no text parsing)
      const many = await solver.solve({ problem: 'knapsack', capacity: -1, items: [{ size: 0, value: 1 }] }).then(() => undefined, (e) => e);
      expect(many).toBeInstanceOf(ValidationError);
      expect(many.issues.map((i: { path: string }) => i.path)).toEqual(['capacity', 'items[0].size']);
      const r = await solver.trySolve({ problem: 'nope' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-input', path: 'problem' });
    } finally {
      await solver.close();
    }
  });
  it('two workers share one compiled module and solve side by side', async () => {
    const module = await WebAssembly.compile(readFileSync(new URL('../build/greenplan.wasm', import.meta.url)));
    const a = spawnSolver();
    const b = spawnSolver();
    try {
      await Promise.all([a.init(module), b.init(module)]);
      const inst = { problem: 'smoothing', alpha: 2, scenarios: [{ demand: Array.from({ length: 5000 }, (_, t) => 50 + 40 * Math.sin(t / 30)) }] };
      const [ra, rb] = await Promise.all([a.solve(inst), b.solve({ ...inst, alpha: 3 })]);
      expect(ra).toEqual(await solve(inst));
      expect(rb).toEqual(await solve({ ...inst, alpha: 3 }));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
  it('forwards a solve\'s progress to the caller\'s callback (comlink proxy, released after), with the same solution; bad options are invalid-input', async () => {
    const solver = spawnSolver();
    try {
      const inst = { ...example('autoscaling.json'), tune: { missCost: 6 } };
      const seen: { stage: string; done: number; total: number }[] = [];
      const sol = await solver.solve(inst, { onProgress: (p) => { seen.push({ stage: p.stage, done: p.done, total: p.total }); } });
      expect(sol).toEqual(await solve(inst));
      // the reports travel on the callback's own port: wait until they are in
      for (let i = 0; i < 100 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual([{ stage: 'tune: backtest windows', done: 1, total: 2 }, { stage: 'tune: backtest windows', done: 2, total: 2 }]);
      // a callback that throws on this thread changes nothing
      expect(await solver.solve(inst, { onProgress: () => { throw new Error('x'); } })).toEqual(sol);
      const bad = await solver.trySolve(inst, { onProgress: 'yes' } as never);
      expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-input' });
      // the worker still answers
      expect(await solver.solve(example('knapsack.json'))).toEqual(await solve(example('knapsack.json')));
    } finally {
      await solver.close();
    }
  });
  it('checks with the registry\'s checker, and solves JSON text into JSON text', async () => {
    const solver = spawnSolver();
    try {
      const inst = example('knapsack.json');
      const sol = await solve(inst);
      expect(await solver.check(inst, sol)).toMatchObject({ valid: true });
      expect((await solver.check(inst, { ...sol, value: (sol as { value: number }).value + 1 })).valid).toBe(false);
      expect(await solver.check({ problem: '__proto__' }, sol)).toMatchObject({ valid: false });
      const r = await solver.solveJson(JSON.stringify(inst), { check: true });
      expect(r.ok && JSON.parse(r.json)).toEqual(sol);
      expect(r.ok && r.check?.valid).toBe(true);
      const noCheck = await solver.solveJson(JSON.stringify(inst));
      expect(noCheck.ok && noCheck.check).toBeUndefined();
      const bad = await solver.solveJson('{ "problem": "knapsack", ');
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error).toMatchObject({ code: 'invalid-input', path: '' });
      const invalid = await solver.solveJson(JSON.stringify({ problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] }));
      expect(!invalid.ok && invalid.error).toBeInstanceOf(ValidationError);
      if (!invalid.ok) expect(invalid.error.path).toBe('items[0].size');
    } finally {
      await solver.close();
    }
  });
  it('values a worker cannot receive: check() reports, solve() is invalid-input, solveJson() of a non-string is invalid-input (was: check rejected with a raw DataCloneError or the getter\'s Error; solve with a throwing getter and solveJson(42) were internal errors)', async () => {
    const solver = spawnSolver();
    try {
      const inst = example('knapsack.json');
      const sol = await solve(inst);
      const getter = structuredClone(inst);
      Object.defineProperty(getter, 'x', { enumerable: true, get() { throw new Error('getter boom'); } });
      const uncopyable: [string, unknown, unknown][] = [
        ['a function in the instance', { ...inst, f: () => 1 }, sol],
        ['a Proxy instance', new Proxy(inst, {}), sol],
        ['a function in the solution', inst, { ...sol, f() {} }],
        ['a symbol as the solution', inst, Symbol('x')],
        ['a throwing getter', getter, sol],
      ];
      for (const [label, i, s] of uncopyable) {
        const r = await solver.check(i, s).then((x) => x, (e) => ({ rejected: e }));
        expect(r, label).toMatchObject({ valid: false });
        expect((r as { reason: string }).reason, label).toMatch(/cannot be copied to a worker/);
      }
      for (const i of [getter, { ...inst, f: () => 1 }]) {
        const e = await solver.solve(i).then(() => undefined, (x) => x);
        expect(e).toMatchObject({ code: 'invalid-input' });
        expect(e.message).toMatch(/cannot be copied to a worker/);
      }
      for (const text of [42, undefined, null, { problem: 'knapsack' }]) {
        const r = await solver.solveJson(text as unknown as string);
        expect(r.ok, String(text)).toBe(false);
        if (!r.ok) expect(r.error, String(text)).toMatchObject({ code: 'invalid-input' });
      }
    } finally {
      await solver.close();
    }
  });
});
