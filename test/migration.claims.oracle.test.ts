// Migration's optimality claim (targetOptimal: "HiGHS proved the kept target optimal for the
// stage-1 objective", docs/migration.md) checked from the solution alone on many more
// seeded clusters than migration.exact.oracle.test.ts (70): when the plan reaches its
// target, the final assignment IS the target, so its stage-1 objective (machine cost +
// alpha x tasks not on their current machine, recomputed here from `assignment`) must equal
//  - the ungrouped HiGHS MILP optimum (test/helpers/migration.ts) on 250 small clusters,
//    targets "exact" and "auto";
//  - a brute force over every assignment on 150 tiny clusters.
// Every plan passes the checker; no plan ends below the optimum; an infeasible verdict only
// when no assignment exists.
import { describe, expect, it } from 'vitest';
import { migrate, checkMigration } from '../src/node.js';
import { mulberry32 } from './helpers/highs.js';
import { generateMigration, migrationMilp, type MInstance } from './helpers/migration.js';

/** Stage-1 objective of an end assignment, from the instance and the solution's names only. */
function stage1Objective(inst: MInstance, assignment: Record<string, string>): number {
  const used = new Set(inst.tasks.map((t) => assignment[t.name]!));
  let cost = 0;
  for (const m of inst.machines) if (used.has(m.name)) cost += m.cost ?? 1;
  const moved = inst.tasks.filter((t) => t.machine !== assignment[t.name]).length;
  return cost + (inst.alpha ?? 0) * moved;
}

/** The least stage-1 objective over all m^n assignments (capacities, groups), null if none. */
function bruteForce(inst: MInstance): number | null {
  const n = inst.tasks.length;
  const m = inst.machines.length;
  const R = inst.resources.length;
  const a = new Array<number>(n).fill(0);
  let best: number | null = null;
  for (let code = 0; code < m ** n; code++) {
    let c = code;
    for (let i = 0; i < n; i++) { a[i] = c % m; c = Math.floor(c / m); }
    let ok = true;
    for (let j = 0; j < m && ok; j++) for (let r = 0; r < R && ok; r++) {
      let l = 0;
      for (let i = 0; i < n; i++) if (a[i] === j) l += inst.tasks[i]!.demand[r]!;
      if (l > inst.machines[j]!.capacity[r]! + 1e-9) ok = false;
    }
    for (let i = 0; i < n && ok; i++) for (let k = i + 1; k < n && ok; k++) {
      const g = inst.tasks[i]!.group;
      if (g !== undefined && g === inst.tasks[k]!.group && a[i] === a[k]) ok = false;
    }
    if (!ok) continue;
    const v = stage1Objective(inst, Object.fromEntries(inst.tasks.map((t, i) => [t.name, inst.machines[a[i]!]!.name])));
    if (best === null || v < best) best = v;
  }
  return best;
}

/** Solve with `target`; check the plan and the claim against `opt`. Returns whether the claim was checked. */
async function checkClaim(inst: MInstance, target: 'exact' | 'auto', opt: number | null): Promise<{ claim: boolean; feasible: boolean }> {
  const ctx = JSON.stringify(inst);
  const sol = await migrate({ ...inst, target } as never);
  if (opt === null) {
    expect(sol.status, `${target}: no assignment exists\n${ctx}`).toBe('infeasible');
    return { claim: false, feasible: false };
  }
  if (sol.status !== 'feasible') return { claim: false, feasible: false }; // no sequence of moves found (stage 2's limit; counted by the caller)
  const rep = checkMigration(inst, sol);
  expect(rep.valid, `${target}: ${rep.reason}\n${ctx}`).toBe(true);
  const end = stage1Objective(inst, sol.assignment);
  expect(end, `${target}: end assignment below the optimum\n${ctx}`).toBeGreaterThanOrEqual(opt - 1e-9);
  if (sol.targetOptimal && sol.targetReached) {
    expect(end, `${target}: targetOptimal, target reached, but its objective ${end} != optimum ${opt}\n${ctx}`).toBeCloseTo(opt, 9);
    return { claim: true, feasible: true };
  }
  return { claim: false, feasible: true };
}

describe('migration: targetOptimal claims vs the HiGHS MILP', () => {
  it('250 small clusters (groups, new tasks, unit and varied costs, alpha 0 / 0.01 / 0.3 / 2), targets exact and auto', async () => {
    const rand = mulberry32(0x5eed5);
    let claims = 0;
    let feasible = 0;
    let infeasible = 0;
    for (let k = 0; k < 250; k++) {
      const inst = generateMigration(rand, {
        tasks: 3 + Math.floor(rand() * 9), machines: 2 + Math.floor(rand() * 4), resources: 1 + Math.floor(rand() * 3),
        util: 0.25 + rand() * 0.45, newRate: 0.15, groupRate: 0.3, alpha: [0, 0.01, 0.3, 2][k % 4], costs: k % 2 ? 'varied' : 'unit',
        maxParallel: 1 + (k % 3),
      });
      const opt = await migrationMilp(inst);
      if (opt === null) infeasible++;
      for (const target of ['exact', 'auto'] as const) {
        const r = await checkClaim(inst, target, opt);
        if (r.claim) claims++;
        if (r.feasible) feasible++;
      }
    }
    console.log(`migration claims vs HiGHS: ${claims} targetOptimal claims checked (of ${feasible} feasible plans, 2 targets x 250 clusters); ${infeasible} clusters infeasible (both)`);
    expect(claims).toBeGreaterThanOrEqual(400);
  });
});

describe('migration: targetOptimal claims vs brute force', () => {
  it('150 tiny clusters (<= 6 tasks, <= 3 machines)', async () => {
    const rand = mulberry32(0xb7f0);
    let claims = 0;
    for (let k = 0; k < 150; k++) {
      const inst = generateMigration(rand, {
        tasks: 2 + Math.floor(rand() * 5), machines: 2 + Math.floor(rand() * 2), resources: 1 + Math.floor(rand() * 2),
        util: 0.3 + rand() * 0.4, newRate: 0.2, groupRate: 0.3, alpha: [0, 0.01, 0.3, 2][k % 4], costs: k % 2 ? 'varied' : 'unit',
      });
      const bf = bruteForce(inst);
      const milp = await migrationMilp(inst);
      if (bf === null) expect(milp).toBeNull();
      else expect(milp, JSON.stringify(inst)).toBeCloseTo(bf, 9);
      if ((await checkClaim(inst, 'exact', bf)).claim) claims++;
    }
    console.log(`migration claims vs brute force: ${claims} targetOptimal claims checked of 150`);
    expect(claims).toBeGreaterThanOrEqual(120);
  });
});
