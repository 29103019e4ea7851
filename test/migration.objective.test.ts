// Migration (issue 14 §3, issue 10 items 3, 4, 10): the objective "machines" (cost first,
// then moves), the note when no closure pays for its moves, the ROADEF default α, names
// that are prototype keys, values at the documented limits, and the size estimate that
// refuses an exact model too large for memory or for its time limit.
import { describe, expect, it } from 'vitest';
import { solve, trySolve, migrate, checkMigration, validateMigration } from '../src/node.js';
import { buildClasses, exactRefusal, EXACT_MAX_NONZEROS } from '../src/problems/migration/exact.js';
import { readFileSync } from 'node:fs';
import { roadefDefaultAlpha, roadefToMigration } from '../src/data/roadef.js';
import { generateMigration, generateDenseCluster, tamper, type MInstance } from './helpers/migration.js';
import { mulberry32 } from './helpers/highs.js';

/** Four machines; m0 holds three small tasks, one fits next to each other machine's task: closing m0 takes 3 moves, no other closure exists. */
function threeOnOne(alpha: number): MInstance {
  return {
    problem: 'migration', resources: ['cpu'], alpha,
    machines: [{ name: 'm0', capacity: [10] }, { name: 'm1', capacity: [10] }, { name: 'm2', capacity: [10] }, { name: 'm3', capacity: [10] }],
    tasks: [
      { name: 'a', demand: [1], machine: 'm0' }, { name: 'b', demand: [1], machine: 'm0' }, { name: 'c', demand: [1], machine: 'm0' },
      { name: 'd', demand: [9], machine: 'm1' }, { name: 'e', demand: [9], machine: 'm2' }, { name: 'f', demand: [9], machine: 'm3' },
    ],
  };
}

describe('migration objective "machines"', () => {
  it('frees the machine whatever α, reports [cost, moves], and the checker recomputes both', async () => {
    const inst = { ...threeOnOne(10), target: 'heuristic' } as MInstance & { target: string };
    const plain = await migrate(inst as never);
    expect(plain).toMatchObject({ status: 'feasible', moves: 0, machinesUsed: 4 });
    const lexInst = { ...inst, objective: 'machines' };
    const sol = await migrate(lexInst as never);
    expect(sol).toMatchObject({ status: 'feasible', machinesUsed: 3, cost: 3, moves: 3, objective: 3, lexicographic: [3, 3] });
    expect(checkMigration(lexInst, sol)).toMatchObject({ valid: true, objective: 3 });
    expect(checkMigration(lexInst, JSON.parse(JSON.stringify(sol)))).toMatchObject({ valid: true });
    // a wrong second criterion, a missing vector, or the vector under "cost+moves" fail
    expect(checkMigration(lexInst, tamper(sol, (s: any) => (s.lexicographic = [3, 2]))).valid).toBe(false);
    expect(checkMigration(lexInst, tamper(sol, (s: any) => delete s.lexicographic)).valid).toBe(false);
    expect(checkMigration(lexInst, tamper(sol, (s: any) => (s.objective = 3 + 10 * 3))).valid).toBe(false);
    expect(checkMigration(inst, sol).valid).toBe(false);
  });

  it('on random clusters: never more cost than "cost+moves", and every plan passes the checker', async () => {
    const rand = mulberry32(1414);
    for (let k = 0; k < 12; k++) {
      const inst = generateMigration(rand, { tasks: 40 + Math.floor(rand() * 80), machines: 8 + Math.floor(rand() * 8), resources: 1 + (k % 3), util: 0.3, alpha: 0.5, maxParallel: 4, costs: k % 2 ? 'varied' : 'unit', newRate: 0.05 });
      const a = await migrate({ ...inst, target: 'heuristic' } as never);
      const lexInst = { ...inst, target: 'heuristic', objective: 'machines' };
      const b = await migrate(lexInst as never);
      if (a.status !== 'feasible' || b.status !== 'feasible') {
        expect(b.status).toBe(a.status);
        continue;
      }
      expect(checkMigration(lexInst, b)).toMatchObject({ valid: true });
      expect(b.lexicographic).toEqual([b.cost, b.moves]);
      expect(b.cost).toBeLessThanOrEqual(a.cost + 1e-9);
    }
  });

  it('invalid objective names its path', async () => {
    const err = await solve({ ...threeOnOne(0), objective: 'fewest' } as never).then(() => undefined, (e) => e);
    expect(err?.path).toBe('objective');
    expect(err?.message).toContain('must be "cost+moves" or "machines"');
  });
});

describe('migration: the note when no machine closure pays for its moves', () => {
  it('names the α below which the closure pays, and below it the machine is freed', async () => {
    const sol = await migrate({ ...threeOnOne(0.5), target: 'heuristic' } as never);
    expect(sol).toMatchObject({ status: 'feasible', moves: 0, machinesUsed: 4 });
    // closing m0 saves 1 for 3 moves: pays below α = 1/3
    expect((sol as { targetNote?: string }).targetNote).toMatch(/^no machine closure pays for its moves at alpha 0.5: .* for 3 moves, which pays below alpha 0.333/);
    const below = await migrate({ ...threeOnOne(0.3), target: 'heuristic' } as never);
    expect(below).toMatchObject({ status: 'feasible', moves: 3, machinesUsed: 3 });
    expect((below as { targetNote?: string }).targetNote).toBeUndefined();
  });

  it('a dense cluster (about 200 tasks per machine) at α 0.01: no moves, and the note says why', async () => {
    const inst = generateDenseCluster(mulberry32(3), { machines: 12, perMachine: 150, resources: 3, groupMax: 6, alpha: 0.01 });
    const sol = await migrate({ ...inst, target: 'heuristic' } as never);
    expect(sol).toMatchObject({ status: 'feasible', moves: 0, machinesUsed: 12 });
    const note = (sol as { targetNote?: string }).targetNote!;
    const threshold = Number(/pays below alpha ([0-9.e-]+)/.exec(note)![1]);
    expect(threshold).toBeLessThan(0.01);
    const lex = await migrate({ ...inst, target: 'heuristic', objective: 'machines' } as never);
    expect(lex.status === 'feasible' && lex.machinesUsed).toBeLessThan(12);
  });
});

describe('migration: ROADEF default α scales with the instance', () => {
  it('1 / (2 × the most processes on one machine), two significant digits', () => {
    expect(roadefDefaultAlpha([0, 0, 0, 1], 2)).toBe(0.17);
    expect(roadefDefaultAlpha(new Array(200).fill(3), 4)).toBe(0.0025);
    expect(roadefDefaultAlpha([], 3)).toBe(0.5);
  });

  it('the converter uses it unless alpha is given (bundled a1_1: at most 35 processes on a machine)', () => {
    const dir = new URL('../data/roadef2012/', import.meta.url);
    const model = readFileSync(new URL('model_a1_1.txt', dir), 'utf8');
    const assignment = readFileSync(new URL('assignment_a1_1.txt', dir), 'utf8');
    expect(roadefToMigration(model, assignment).alpha).toBe(0.014);
    expect(roadefToMigration(model, assignment, { alpha: 0.01 }).alpha).toBe(0.01);
    expect(0.014).toBeLessThan(1 / 35);
  });
});

describe('migration: user names are keys like any other', () => {
  it('machines, tasks and groups named __proto__, constructor, hasOwnProperty', async () => {
    const inst: MInstance = {
      problem: 'migration', resources: ['cpu'], alpha: 0.01, maxParallel: 2,
      machines: [{ name: '__proto__', capacity: [10] }, { name: 'constructor', capacity: [10] }, { name: 'toString', capacity: [10] }],
      tasks: [
        { name: '__proto__', demand: [2], machine: '__proto__', group: '__proto__' },
        { name: 'constructor', demand: [2], machine: 'constructor', group: '__proto__' },
        { name: 'hasOwnProperty', demand: [2], machine: 'toString', group: 'constructor' },
        { name: 'valueOf', demand: [2], group: 'constructor' },
      ],
    };
    for (const objective of ['cost+moves', 'machines']) {
      const i2 = { ...inst, objective };
      const sol = await solve(i2 as never);
      expect(sol.status).toBe('feasible');
      const a = (sol as { assignment: Record<string, string> }).assignment;
      expect(Object.keys(a).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'valueOf']);
      expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
      expect(Object.hasOwn(a, '__proto__')).toBe(true);
      expect(checkMigration(i2, sol)).toMatchObject({ valid: true });
      expect(checkMigration(i2, JSON.parse(JSON.stringify(sol)))).toMatchObject({ valid: true });
      // the two __proto__ group members stay apart
      expect(a['__proto__']).not.toBe(a['constructor']);
      // a plan without the __proto__ key is rejected, not read through the prototype
      const { ['__proto__']: _gone, ...rest } = JSON.parse(JSON.stringify(a));
      expect(checkMigration(i2, { ...sol, assignment: { ...rest, extra: 'x' } }).valid).toBe(false);
    }
  });
});

describe('migration at the documented limits (1e15)', () => {
  it('demand = capacity = 1e15: solved (auto, exact, heuristic), trySolve resolves', async () => {
    const inst: MInstance = {
      problem: 'migration', resources: ['cpu', 'mem'],
      machines: [{ name: 'a', capacity: [1e15, 1e15], cost: 1e12 }, { name: 'b', capacity: [1e15, 1e15] }, { name: 'c', capacity: [1e15, 1e15] }],
      tasks: [{ name: 't', demand: [1e15, 1], machine: 'a' }, { name: 'u', demand: [1e15, 1e15], machine: 'b' }, { name: 'v', demand: [1, 1e15] }],
    };
    for (const target of ['auto', 'exact', 'heuristic']) {
      for (const alpha of [0, 1e12]) {
        const i2 = { ...inst, target, alpha };
        const r = await trySolve(i2 as never);
        expect(r.ok).toBe(true);
        if (!r.ok) continue;
        expect(r.solution.status).toBe('feasible');
        expect(checkMigration(i2, r.solution)).toMatchObject({ valid: true });
        expect((r.solution as { targetNote?: string }).targetNote ?? '').not.toMatch(/failed/);
      }
    }
  });
});

describe('migration exact target: the model is estimated before it is built', () => {
  it('more nonzeros than the memory bound: refused with a note, heuristic target, checker-valid', async () => {
    // 1,500 distinct tasks × 700 machines: about a million variables
    const inst = generateMigration(mulberry32(10), { tasks: 1500, machines: 700, resources: 2, util: 0.2, integer: false, alpha: 0.01, maxParallel: 64 });
    const d = validateMigration(inst);
    const mdl = buildClasses(d);
    expect(mdl.intVars > 1e6 || mdl.nonzeros > EXACT_MAX_NONZEROS).toBe(true);
    expect(exactRefusal(d, mdl, 10_000)).toMatch(/integer variables|nonzeros/);
    const sol = await migrate({ ...inst, target: 'exact', timeLimitMs: 1 } as never);
    expect(sol.status).toBe('feasible');
    if (sol.status !== 'feasible') return;
    expect(sol).toMatchObject({ targetMethod: 'heuristic', targetOptimal: false });
    expect(sol.targetNote).toMatch(/HiGHS not run, heuristic target/);
    expect(checkMigration({ ...inst, target: 'exact' }, sol)).toMatchObject({ valid: true });
  });

  it('a model that takes longer to read than its time limit: refused; within the limit: run', async () => {
    const inst = generateMigration(mulberry32(11), { tasks: 400, machines: 120, resources: 3, util: 0.3, integer: false, alpha: 0.01 });
    const d = validateMigration(inst);
    const mdl = buildClasses(d);
    expect(mdl.nonzeros).toBeLessThan(EXACT_MAX_NONZEROS);
    expect(exactRefusal(d, mdl, 1)).toMatch(/would take about \d+ ms, more than timeLimitMs 1/);
    expect(exactRefusal(d, mdl, 1e6)).toBeUndefined();
  });
});
