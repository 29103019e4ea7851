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

describe('migration exact target: time limit, auto and the heuristic option', () => {
  const big = (seed: number) =>
    generateMigration(mulberry32(seed), { tasks: 300, machines: 30, resources: 3, util: 0.5, alpha: 0.01, maxParallel: 4, groupRate: 0.3, newRate: 0.05 });


  it('auto: exact on a small model, heuristic above the size limit; heuristic: never HiGHS', async () => {
    const small = generateMigration(mulberry32(3), { tasks: 10, machines: 4, resources: 2, alpha: 0.01 });
    const s = await migrate(small);
    expect(s).toMatchObject({ status: 'feasible', targetOptimal: true });
    const inst = big(12);
    const d = validateMigration(inst);
    expect(buildClasses(d).intVars * d.m).toBeGreaterThan(AUTO_EXACT_LIMIT);
    const a = await migrate(inst);
    expect(a).toMatchObject({ status: 'feasible', targetMethod: 'heuristic', targetOptimal: false });
    expect((a as { targetNote?: string }).targetNote).toBeUndefined();
    const h = await migrate({ ...small, target: 'heuristic' } as MInstance);
    expect(h).toMatchObject({ status: 'feasible', targetMethod: 'heuristic', targetOptimal: false });
  });

  it.each([
    [{ target: 'best' }, 'target', 'target must be "heuristic", "exact" or "auto"'],
    [{ target: 1 }, 'target', 'target must be "heuristic", "exact" or "auto"'],
    [{ timeLimitMs: 0 }, 'timeLimitMs', 'timeLimitMs must be a number of milliseconds >= 1'],
    [{ timeLimitMs: 'soon' }, 'timeLimitMs', 'timeLimitMs must be a number of milliseconds >= 1'],
  ])('invalid %j names its JSON path', async (over, path, message) => {
    const inst = { ...generateMigration(mulberry32(1), { tasks: 4, machines: 2, resources: 1 }), ...over };
    const err = await solve(inst as never).then(() => undefined, (e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe(path);
    expect(err.message).toContain(message);
  });
});
