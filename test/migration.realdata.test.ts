// Migration on real data: Google ROADEF/EURO 2012 machine reassignment, set A. The
// bundled excerpt (data/roadef2012/, instance a1_1) runs from the clone alone; the ten
// instances of ../shared/data/roadef2012/A/ run when that folder is present.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, checkMigration, validateMigration } from '../src/node.js';
import { migrationTarget, assignmentCost } from '../src/problems/migration/solve.js';
import { readRoadef, roadefToMigration } from '../src/data/roadef.js';
import { roadefDir, ROADEF_A } from './helpers/shared-data.js';
import { machineLowerBound } from './helpers/migration.js';

const bundled = fileURLToPath(new URL('../data/roadef2012/', import.meta.url));

describe('ROADEF converter', () => {
  it('reads the bundled a1_1: 2 resources, 4 machines, 100 processes, services as groups', () => {
    const inst = readRoadef(bundled + 'model_a1_1.txt', bundled + 'assignment_a1_1.txt', { alpha: 0.5, maxParallel: 3 });
    expect(inst.resources).toEqual(['r0', 'r1']);
    expect(inst.machines).toHaveLength(4);
    expect(inst.tasks).toHaveLength(100);
    expect(inst.machines[0]).toEqual({ name: 'm0', cost: 1, capacity: [4419212, 4321679] });
    // first process: service 10, requirement 1719 1418, initial machine 0
    expect(inst.tasks[0]).toEqual({ name: 'p0', demand: [1719, 1418], machine: 'm0' });
    // service 7 has three processes (p4, p5, p94): one group
    expect(inst.tasks.filter((t) => t.group === 's7').map((t) => t.name)).toEqual(['p4', 'p5', 'p94']);
    expect(inst).toMatchObject({ alpha: 0.5, maxParallel: 3 });
    expect(() => validateMigration(inst)).not.toThrow();
  });
  it('reports malformed files', () => {
    expect(() => roadefToMigration('1 0 1 2', '0')).toThrow(/ends early/);
    expect(() => roadefToMigration('x', '')).toThrow(/not a number/);
    const model = readFileSync(bundled + 'model_a1_1.txt', 'utf8');
    expect(() => roadefToMigration(model, '0 1')).toThrow(/2 machine indices, the model 100 processes/);
    expect(() => roadefToMigration(model, Array(100).fill(7).join(' '))).toThrow(/not in 0..3/);
  });
});

const hasA = existsSync(roadefDir + 'model_a1_2.txt');
if (!hasA) console.log(`NOTICE: ${roadefDir} is absent: the ROADEF set A tests are skipped (the bundled a1_1 still runs)`);

describe.skipIf(!hasA)('ROADEF/EURO 2012 set A: plans replayed by the checker', () => {
  for (const name of ROADEF_A) {
    // maxParallel 8 on every instance, and 1 as well on two of them (test time)
    const parallels = name === 'a1_2' || name === 'a2_1' ? [1, 8] : [8];
    it(`${name}: maxParallel ${parallels.join(' and ')}, fewer or equal machines than the plain consolidation`, async () => {
      for (const maxParallel of parallels) {
        const inst = readRoadef(roadefDir + `model_${name}.txt`, roadefDir + `assignment_${name}.txt`, { alpha: 0.01, maxParallel });
        const sol = await migrate(inst);
        expect(sol.status).toBe('feasible');
        if (sol.status !== 'feasible') return;
        const report = checkMigration(inst, sol);
        expect(report.valid, report.reason).toBe(true);
        const d = validateMigration(inst);
        const plain = assignmentCost(d, (await migrationTarget(d, 0))!).machinesUsed;
        expect(sol.machinesUsed).toBeGreaterThanOrEqual(machineLowerBound(inst));
        expect(sol.machinesUsed).toBeLessThanOrEqual(assignmentCost(d, d.cur).machinesUsed);
        expect(sol.machinesUsed).toBeLessThanOrEqual(plain);
        if (maxParallel === 8 && sol.moves > 0) expect(sol.rounds.length).toBeLessThanOrEqual(Math.ceil(sol.moves / 8) * 2 + 2);
        if (maxParallel === 1) expect(sol.rounds.every((r) => r.length === 1)).toBe(true);
      }
    });
  }
});
