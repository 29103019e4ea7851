// Smoothing under a budget at the boundary (docs/testing.md, "Exactness evidence, audited"):
// smoothing.budget.oracle.test.ts draws the budget at random (76 of its 320 HiGHS instances
// exactly at the least total, 9 one below). Here every instance is solved at the least
// total resource − 1 (infeasible: the checker must prove it), at it (the only feasible plan
// is the envelope: variation of the envelope) and one above, against HiGHS, with maxStep
// on/off, weights, zero and fractional demand, scenarios of length 0 and 1.
import { describe, expect, it } from 'vitest';
import { smooth, checkSmoothing } from '../src/node.js';
import { mulberry32, relClose } from './helpers/highs.js';
import { budgetMilp, envelopeTotals, type BudgetInstance } from './helpers/highs-budget.js';

describe('budgeted smoothing at the feasible minimum vs HiGHS', () => {
  it('150 instances x budgets least − 1, least, least + 1', async () => {
    const rand = mulberry32(0xb0b0);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const seen = { infeasible: 0, atLeast: 0, above: 0 };
    for (let k = 0; k < 150; k++) {
      const scenarios = Array.from({ length: int(1, 3) }, (_, i) => {
        const T = int(0, 12);
        const style = int(0, 2); // integer, fractional, mostly zeros
        const demand = Array.from({ length: T }, () => (style === 0 ? int(0, 9) : style === 1 ? Math.round(rand() * 900) / 100 : rand() < 0.7 ? 0 : int(1, 9)));
        const sc: BudgetInstance['scenarios'][number] = { name: `s${i}`, demand };
        if (rand() < 0.5) sc.weight = [0.5, 2, 3.7][int(0, 2)]!;
        if (rand() < 0.5) sc.maxStep = int(0, 3);
        return sc;
      });
      // the least total resource, recomputed here: ceil(demand) raised so that no step exceeds maxStep
      const { least } = envelopeTotals(scenarios);
      for (const budget of [least - 1, least, least + 1]) {
        if (budget < 0) continue;
        const inst: BudgetInstance = { problem: 'smoothing', budget, scenarios };
        const ctx = JSON.stringify(inst);
        const opt = await budgetMilp(inst);
        const sol = await smooth(inst);
        const rep = checkSmoothing(inst, sol);
        expect(rep.valid, `${rep.reason}\n${ctx}`).toBe(true);
        if (budget < least) {
          expect(opt, ctx).toBe('infeasible');
          expect(sol.status, ctx).toBe('infeasible');
          expect(rep.proved, ctx).toBe(true);
          seen.infeasible++;
          continue;
        }
        expect(sol.status, ctx).toBe('optimal');
        if (sol.status !== 'optimal' || opt === 'infeasible') throw new Error(`HiGHS: ${opt}\n${ctx}`);
        expect(sol.resource).toBeLessThanOrEqual(budget);
        expect(relClose(sol.objective, opt, 1e-7), `greenplan ${sol.objective} vs HiGHS ${opt}\n${ctx}`).toBe(true);
        if (budget === least) seen.atLeast++;
        else seen.above++;
      }
    }
    console.log('budget boundary vs HiGHS:', seen);
    expect(seen.atLeast).toBe(150);
    expect(seen.infeasible).toBeGreaterThanOrEqual(120);
  });
});
