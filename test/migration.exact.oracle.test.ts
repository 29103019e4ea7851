// Migration stage 1, exact target (src/migration/exact.ts): the grouped integer program
// solved by HiGHS against the ungrouped test MILP (test/helpers/migration.ts, an
// independent formulation: one binary per task and machine), the size reduction of the
// grouping, the time-limit fallback, `auto`, and validation of the new options.
import { describe, expect, it } from 'vitest';
import { solve, migrate, checkMigration, ValidationError, validateMigration } from '../src/node.js';
import { targetObjective } from '../src/problems/migration/solve.js';
import { buildClasses, exactTarget, AUTO_EXACT_LIMIT } from '../src/problems/migration/exact.js';
import { mulberry32 } from './helpers/highs.js';
import { generateMigration, migrationMilp, type MInstance } from './helpers/migration.js';

/**
 * Add identical tasks: copies of random tasks, on the same machine when it has room
 * (and the task has no group), else new (absent machine, same group when it has one).
 */
function withDuplicates(rand: () => number, inst: MInstance, rate: number): MInstance {
  const R = inst.resources.length;
  const load = new Map(inst.machines.map((m) => [m.name, new Array<number>(R).fill(0)]));
  for (const t of inst.tasks) if (t.machine) t.demand.forEach((x, r) => (load.get(t.machine!)![r] += x));
  const cap = new Map(inst.machines.map((m) => [m.name, m.capacity]));
  const extra: MInstance['tasks'] = [];
  // keep most instances feasible: new copies while the total demand stays <= 60% of the
  // total capacity in every resource, and groups no larger than the machine count
  const total = new Array<number>(R).fill(0);
  for (const t of inst.tasks) t.demand.forEach((x, r) => (total[r] += x));
  const totalCap = Array.from({ length: R }, (_, r) => inst.machines.reduce((s, m) => s + m.capacity[r]!, 0));
  const groupSize = new Map<string, number>();
  for (const t of inst.tasks) if (t.group) groupSize.set(t.group, (groupSize.get(t.group) ?? 0) + 1);
  let c = 0;
  for (const t of inst.tasks) {
    const copies = rand() < rate ? 1 + Math.floor(rand() * 3) : 0;
    for (let q = 0; q < copies; q++) {
      const copy: MInstance['tasks'][number] = { name: `${t.name}c${c++}`, demand: [...t.demand] };
      const l = t.machine ? load.get(t.machine)! : undefined;
      if (t.machine && !t.group && rand() < 0.7 && t.demand.every((x, r) => l![r]! + x <= cap.get(t.machine!)![r]!)) {
        copy.machine = t.machine;
        t.demand.forEach((x, r) => (l![r] += x, total[r] += x));
      } else {
        if (t.demand.some((x, r) => total[r]! + x > 0.6 * totalCap[r]!)) continue;
        if (t.group) {
          if (groupSize.get(t.group)! >= inst.machines.length) continue;
          groupSize.set(t.group, groupSize.get(t.group)! + 1);
          copy.group = t.group;
        }
        t.demand.forEach((x, r) => (total[r] += x));
      }
      extra.push(copy);
    }
  }
  return { ...inst, tasks: [...inst.tasks, ...extra] };
}

describe('migration exact target: equals the ungrouped MILP optimum', () => {
  it('70 small clusters with identical tasks, groups and new tasks', async () => {
    const rand = mulberry32(5151);
    let compared = 0;
    let infeasible = 0;
    let shrunk = 0;
    let noPath = 0;
    let atOptimum = 0;
    for (let k = 0; k < 70; k++) {
      const base = generateMigration(rand, {
        tasks: 3 + Math.floor(rand() * 7), machines: 2 + Math.floor(rand() * 4), resources: 1 + Math.floor(rand() * 3),
        util: 0.25 + rand() * 0.35, newRate: 0.15, groupRate: 0.3, alpha: [0, 0.01, 0.3][k % 3], costs: k % 2 ? 'varied' : 'unit',
      });
      const inst = withDuplicates(rand, base, 0.35);
      const milp = await migrationMilp(inst);
      const d = validateMigration(inst);
      const ex = await exactTarget(d, 20_000);
      if (ex.classes < d.n) shrunk++;
      if (milp === null) {
        expect(ex.infeasible).toBe(true);
        expect((await migrate({ ...inst, target: 'exact' } as MInstance)).status).toBe('infeasible');
        infeasible++;
        continue;
      }
      expect(ex.optimal).toBe(true);
      expect(targetObjective(d, ex.target!)).toBeCloseTo(milp, 9);
      compared++;
      const sol = await migrate({ ...inst, target: 'exact' } as MInstance);
      if (sol.status !== 'feasible') {
        // the target exists but no sequence of feasible moves to it (or to any repair of
        // it) was found: a new task stays unplaceable (stage 2's limit, reported as such)
        expect(sol.reason).toMatch(/^no feasible sequence of moves was found/);
        noPath++;
        continue;
      }
      expect(checkMigration(inst, sol)).toMatchObject({ valid: true });
      expect(sol.targetOptimal).toBe(true);
      // no note, except (α > 0, nothing freed) the one that says below which α a closure would pay
      if (sol.targetNote !== undefined) expect(sol.targetNote).toMatch(/^no machine closure pays for its moves at alpha/);
      // the plan ends at an assignment: never below the optimum
      expect(sol.objective).toBeGreaterThanOrEqual(milp - 1e-9);
      // a plan that reaches the optimal target without detours has the optimal objective
      const direct = inst.tasks.filter((t) => t.machine !== sol.assignment[t.name]).length;
      if (sol.targetReached && sol.moves === direct) {
        expect(sol.objective).toBeCloseTo(milp, 9);
        atOptimum++;
      }
    }
    console.log(
      `exact target vs ungrouped MILP: ${compared} equal of ${compared} feasible, ${infeasible} infeasible (both); ` +
        `plans: ${atOptimum} at the optimum, ${compared - noPath - atOptimum} with detours, ${noPath} without a path; ${shrunk} of 70 models smaller than the task count`,
    );
    expect(compared).toBeGreaterThanOrEqual(50);
    expect(noPath).toBeLessThanOrEqual(compared / 10);
    expect(atOptimum).toBeGreaterThanOrEqual(compared / 2);
    expect(shrunk).toBeGreaterThanOrEqual(30);
  });
});

describe('migration exact target: grouping shrinks the model', () => {
  it('identical tasks become one class with a count per machine', async () => {
    // 30 tasks of 3 kinds on 3 machines, plus 6 new replicas of one service
    const machines = Array.from({ length: 6 }, (_, j) => ({ name: `m${j}`, capacity: [100, 100] }));
    const tasks: MInstance['tasks'] = [];
    for (let i = 0; i < 30; i++) tasks.push({ name: `t${i}`, demand: [[10, 5], [5, 10], [3, 3]][i % 3]!, machine: `m${Math.floor(i / 10)}` });
    for (let i = 0; i < 6; i++) tasks.push({ name: `r${i}`, demand: [4, 4], group: 'svc' });
    const inst: MInstance = { problem: 'migration', resources: ['cpu', 'mem'], alpha: 0.01, machines, tasks };
    const d = validateMigration(inst);
    const mdl = buildClasses(d);
    // 3 kinds × 3 machines + the new replicas as one class
    expect(mdl.K).toBe(10);
    expect(mdl.K).toBeLessThan(d.n);
    expect(mdl.intVars).toBeLessThan(d.n * d.m + d.m);
    const ex = await exactTarget(d, 20_000, mdl);
    expect(ex.optimal).toBe(true);
    const milp = await migrationMilp(inst);
    expect(targetObjective(d, ex.target!)).toBeCloseTo(milp!, 9);
    // the 6 replicas are on 6 distinct machines: all six machines stay in use
    const on = new Set(Array.from({ length: 6 }, (_, i) => ex.target![30 + i]));
    expect(on.size).toBe(6);
    const sol = await migrate({ ...inst, target: 'exact' } as MInstance);
    expect(sol).toMatchObject({ status: 'feasible', targetMethod: 'exact', targetOptimal: true, machinesUsed: 6 });
    if (sol.status === 'feasible') expect(checkMigration(inst, sol).valid).toBe(true);
  });
});

describe('migration exact target: time limit', () => {
  const big = (seed: number) =>
    generateMigration(mulberry32(seed), { tasks: 300, machines: 30, resources: 3, util: 0.5, alpha: 0.01, maxParallel: 4, groupRate: 0.3, newRate: 0.05 });

  it('a tiny time limit still gives a checker-valid plan, never worse than the heuristic', async () => {
    // (whether HiGHS proves optimality within 1 ms depends on the machine: not asserted)
    const inst = { ...big(11), target: 'exact', timeLimitMs: 1 } as MInstance;
    const sol = await migrate(inst);
    expect(sol.status).toBe('feasible');
    if (sol.status !== 'feasible') return;
    expect(checkMigration(inst, sol)).toMatchObject({ valid: true });
    if (!sol.targetOptimal) expect(sol.targetNote).toBeTruthy();
    // the heuristic fallback: never worse than the heuristic alone
    const heur = await migrate({ ...inst, target: 'heuristic' } as MInstance);
    if (heur.status === 'feasible') expect(sol.objective).toBeLessThanOrEqual(heur.objective + 1e-9);
  });
});
