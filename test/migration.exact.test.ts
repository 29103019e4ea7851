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
