// Smoothing under a budget (docs/smoothing.md, "Under a budget"): semantics, validation,
// the envelope's boxes and the nesting repair. The comparisons with HiGHS and an
// enumeration, real Tianchi demand and the golden: smoothing.budget.oracle.test.ts; the
// CLI's exit 3: cli.problems.dist.test.ts.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smooth, checkSmoothing, ValidationError } from '../src/node.js';
import { envelopeBoxes, nestRows, type Box } from '../src/problems/smoothing/budget.js';
import { readBundledApps, appDemand } from '../src/data/tianchi.js';
import { mulberry32, relClose } from './helpers/highs.js';
import { budgetMilp, budgetBruteForce, type BudgetInstance } from './helpers/highs-budget.js';

describe('budgeted smoothing: semantics', () => {
  const inst: BudgetInstance = { problem: 'smoothing', budget: 40, scenarios: [{ name: 'a', demand: [1, 5, 1, 1, 5, 2, 0, 3] }, { name: 'b', weight: 2, demand: [0, 3, 0, 3, 0] }] };
  it('the objective is the weighted variation alone; alpha is ignored; it never rises as the budget grows', async () => {
    let prev = Infinity;
    for (let B = 24; B <= 56; B++) {
      const sol = await smooth({ ...inst, budget: B, alpha: 1000 } as never);
      if (sol.status !== 'optimal') throw new Error('feasible budget');
      expect(sol.objective).toBe(sol.variation);
      expect(sol.objective).toBeLessThanOrEqual(prev);
      prev = sol.objective;
    }
    expect(prev).toBe(0); // enough budget: every plan is flat
  });
  it('a budget below the envelope is infeasible, and the reason gives both numbers', async () => {
    const sol = await smooth({ ...inst, budget: 23 });
    expect(sol).toMatchObject({ status: 'infeasible', budget: 23, minimumResource: 24 });
    if (sol.status === 'infeasible') expect(sol.reason).toMatch(/budget 23 is below 24/);
  });
  it('bad budgets name the JSON path', async () => {
    for (const budget of [-1, 'x', Infinity, null]) {
      const err = await smooth({ ...inst, budget } as never).then(() => undefined, (e) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.path).toBe('budget');
      expect(err.message).toContain('budget must be a finite number >= 0');
    }
  });
});

describe('envelope boxes and the nesting repair', () => {
  it('boxes tile exactly the area between the envelope and its top', () => {
    const rand = mulberry32(5);
    for (let k = 0; k < 300; k++) {
      const T = 1 + Math.floor(rand() * 30);
      const L = Array.from({ length: T }, () => Math.floor(rand() * 8));
      const boxes: Box[] = [];
      envelopeBoxes(L, 0, boxes);
      const top = Math.max(...L);
      const fill = new Array<number>(T).fill(0);
      for (const b of boxes) for (let t = b.a; t <= b.b; t++) fill[t] = fill[t]! + b.height;
      if (T >= 2) L.forEach((x, t) => expect(x + fill[t]!).toBe(top));
      boxes.forEach((b, j) => b.children.forEach((c) => { expect(c).toBeLessThan(j); expect(boxes[c]!.a).toBeGreaterThanOrEqual(b.a); expect(boxes[c]!.b).toBeLessThanOrEqual(b.b); }));
    }
  });
  it('repair makes any row choice nested, without more width or less value', () => {
    const rand = mulberry32(6);
    for (let k = 0; k < 300; k++) {
      const T = 2 + Math.floor(rand() * 40);
      const L = Array.from({ length: T }, () => Math.floor(rand() * 10));
      const boxes: Box[] = [];
      envelopeBoxes(L, 0, boxes);
      const x = boxes.map((b) => Math.floor(rand() * (b.height + 1)));
      const width = (xs: number[]) => xs.reduce((a, c, j) => a + c * (boxes[j]!.b - boxes[j]!.a + 1), 0);
      const value = (xs: number[]) => xs.reduce((a, c, j) => a + c * (boxes[j]!.edge ? 1 : 2), 0);
      const [w0, v0] = [width(x), value(x)];
      nestRows(boxes, x);
      expect(width(x)).toBeLessThanOrEqual(w0);
      expect(value(x)).toBeGreaterThanOrEqual(v0);
      const full = (j: number): boolean => x[j] === boxes[j]!.height && boxes[j]!.children.every(full);
      boxes.forEach((b, j) => { if (x[j]! > 0) b.children.forEach((c) => expect(full(c)).toBe(true)); });
    }
  });
  it('regression: a 200,000-step valley (a chain of 100,000 nested boxes) does not overflow the stack', async () => {
    const T = 200000;
    const demand = Array.from({ length: T }, (_, t) => Math.abs(t - T / 2));
    const least = demand.reduce((a, x) => a + Math.ceil(x), 0);
    const inst = { problem: 'smoothing' as const, budget: least + T * T / 16, scenarios: [{ demand }] };
    const sol = await smooth(inst);
    expect(checkSmoothing(inst, sol).valid).toBe(true);
  });
});

