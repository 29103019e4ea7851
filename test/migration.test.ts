// Migration (src/migration -> assembly/migration.ts): every plan replayed by the
// independent checker on seeded random dense clusters, the stage-1 target against the
// HiGHS MILP optimum on small ones, input validation with JSON paths, and the checker's
// rejection of corrupted plans.
import { describe, expect, it } from 'vitest';
import { solve, migrate, checkMigration, ValidationError, validateMigration } from '../src/node.js';
import { bestTarget, migrationTarget, targetObjective, assignmentCost } from '../src/problems/migration/solve.js';
import { planPath } from '../src/problems/migration/path.js';
import { mulberry32 } from './helpers/highs.js';
import { generateMigration, machineLowerBound, migrationMilp, tamper, type MInstance } from './helpers/migration.js';

const example: MInstance = {
  problem: 'migration', resources: ['cpu', 'memory'], alpha: 0.01, maxParallel: 2,
  machines: [
    { name: 's1', cost: 1, capacity: [32, 128] },
    { name: 's2', cost: 1, capacity: [32, 128] },
    { name: 's3', cost: 1, capacity: [32, 128] },
  ],
  tasks: [
    { name: 't1', demand: [4, 16], machine: 's1', group: 'svc' },
    { name: 't2', demand: [8, 16], machine: 's2', group: 'svc' },
    { name: 't3', demand: [8, 32], machine: 's3' },
    { name: 't4', demand: [2, 8], machine: 's3' },
    { name: 't5', demand: [4, 4] },
  ],
};

describe('migration: small example', () => {
  it('frees one machine with a plan the checker accepts', async () => {
    const sol = await solve(example);
    expect(sol.status).toBe('feasible');
    if (sol.problem !== 'migration' || sol.status !== 'feasible') return;
    expect(checkMigration(example, sol)).toMatchObject({ valid: true });
    // the group keeps t1 and t2 apart: two machines is optimal, one move each for t3, t4 or t1 ... plus t5's placement
    expect(sol.machinesUsed).toBe(2);
    expect(sol.targetReached).toBe(true);
    expect(sol.rounds.flat().some((mv) => mv.task === 't5' && mv.from === null)).toBe(true);
    expect(sol.objective).toBeCloseTo(2 + 0.01 * sol.moves, 12);
    const milp = await migrationMilp(example);
    expect(sol.objective).toBeGreaterThanOrEqual(milp! - 1e-9);
    expect(sol.objective).toBeCloseTo(milp!, 9); // 2 machines + 2 moves (t1 joins t3, t4; t5 placed)
  });

  it('a swap cycle is broken through a spare machine (a task moves twice)', async () => {
    // a and b must swap machines (the target keeps the original pair only when it can
    // swap): we force the target by calling the path stage directly.
    const d = validateMigration({
      problem: 'migration', resources: ['cpu'], maxParallel: 1,
      machines: [{ name: 'x', capacity: [10] }, { name: 'y', capacity: [10] }, { name: 'spare', capacity: [10] }],
      tasks: [{ name: 'a', demand: [8], machine: 'x' }, { name: 'b', demand: [6], machine: 'y' }],
    });
    const path = planPath({ ...d, tgt: Int32Array.from([1, 0]) });
    expect(path.targetReached).toBe(true);
    expect(path.parked).toBe(1);
    expect(path.task.length).toBe(3);
    expect(Array.from(path.pos)).toEqual([1, 0]);
  });

  it('an unreachable target is repaired: the reachable part is kept, targetReached false', () => {
    const d = validateMigration({
      problem: 'migration', resources: ['cpu'], maxParallel: 3,
      machines: [{ name: 'x', capacity: [10] }, { name: 'y', capacity: [10] }, { name: 'z', capacity: [10] }],
      tasks: [{ name: 'a', demand: [8], machine: 'x' }, { name: 'b', demand: [6], machine: 'y' }, { name: 'c', demand: [9], machine: 'z' }, { name: 'n', demand: [1] }],
    });
    // target: swap a and b (no spare room anywhere), place the new task n on z
    const path = planPath({ ...d, tgt: Int32Array.from([1, 0, 2, 2]) });
    expect(path.targetReached).toBe(false);
    expect(Array.from(path.pos)).toEqual([0, 1, 2, 2]);
    expect(path.task.length).toBe(1);
  });
});

describe('migration: consolidation beats the plain baseline on generated clusters', () => {
  it('2,000 tasks × 60 machines, 3 seeds', async () => {
    const rand = mulberry32(99);
    for (let s = 0; s < 3; s++) {
      const inst = generateMigration(rand, { tasks: 2000, machines: 60, resources: 4, util: 0.35, alpha: 0.01, groupRate: 0.2 });
      const d = validateMigration(inst);
      const plain = assignmentCost(d, (await migrationTarget(d, 0))!).machinesUsed;
      const sol = await migrate(inst);
      expect(sol.status).toBe('feasible');
      if (sol.status !== 'feasible') return;
      expect(checkMigration(inst, sol).valid).toBe(true);
      const start = assignmentCost(d, d.cur).machinesUsed;
      const lb = machineLowerBound(inst);
      expect(sol.machinesUsed).toBeLessThanOrEqual(plain);
      expect((start - sol.machinesUsed) / (start - lb)).toBeGreaterThanOrEqual(0.75);
    }
  });
});

describe('migration: invalid input names the JSON path', () => {
  const base = (over: object) => ({ ...structuredClone(example), ...over });
  it.each([
    [base({ resources: [] }), 'resources', 'resources must be an array of 1 to 16 resource names'],
    [base({ resources: ['a', 'a'] }), 'resources[1]', 'duplicates resources[0]'],
    [base({ alpha: -1 }), 'alpha', 'alpha must be a finite number >= 0'],
    [base({ maxParallel: 0 }), 'maxParallel', 'maxParallel must be an integer >= 1'],
    [base({ machines: [{ name: 's1', capacity: [1] }] }), 'machines[0].capacity', 'must have 2 values'],
    [base({ machines: [{ name: 's1', capacity: [1, -1] }] }), 'machines[0].capacity[1]', 'must be a finite number >= 0'],
    [base({ machines: [{ name: 's1', capacity: [64, 256] }, { name: 's1', capacity: [1, 1] }], tasks: [] }), 'machines[1].name', 'duplicates machines[0].name'],
    [base({ tasks: [{ name: 't', demand: [1, 1], machine: 'nowhere' }] }), 'tasks[0].machine', '"nowhere" is not the name of a machine'],
    [base({ tasks: [{ name: 't', demand: [1] }] }), 'tasks[0].demand', 'must have 2 values'],
    [base({ tasks: [{ name: 't', demand: [1, Number.NaN] }] }), 'tasks[0].demand[1]', 'must be a finite number >= 0'],
    [base({ tasks: [{ name: 't', demand: [1, 1] }, { name: 't', demand: [1, 1] }] }), 'tasks[1].name', 'duplicates tasks[0].name'],
    [base({ tasks: [{ name: 'a', demand: [1, 1], machine: 's1', group: 'g' }, { name: 'b', demand: [1, 1], machine: 's1', group: 'g' }] }), 'tasks[1].group', '"g" is already on machine "s1" (tasks[0])'],
    [base({ tasks: [{ name: 'a', demand: [30, 100], machine: 's2' }, { name: 'b', demand: [1, 30], machine: 's2' }] }), 'machines[1].capacity[1]', 'is exceeded in the current state: the tasks on machine "s2" demand 130 of resource "memory", capacity 128'],
    [base({ tasks: [{ name: 't', demand: [1, 1], colour: 1 }] }), 'tasks[0].colour', 'is not a known field'],
    [base({ machines: 3 }), 'machines', 'machines must be an array of machines'],
  ])('%j -> %s', async (inst, path, message) => {
    const err = await solve(inst).then(() => undefined, (e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe(path);
    expect(err.message).toContain(message);
  });

  it('a new task that fits nowhere is infeasible, not an error', async () => {
    const sol = await solve(base({ tasks: [{ name: 'huge', demand: [64, 1] }] }));
    expect(sol).toMatchObject({ problem: 'migration', status: 'infeasible' });
  });

  it('an infeasible answer names its certain cause: the task, the resource or the group', async () => {
    const reason = async (inst: unknown) => ((await solve(inst)) as { status: string; reason: string });
    const huge = await reason(base({ tasks: [{ name: 'ok', demand: [1, 1] }, { name: 'huge', demand: [64, 1] }] }));
    expect(huge.status).toBe('infeasible');
    expect(huge.reason).toContain('task "huge" (tasks[1]) fits on no machine, even an empty one: it needs 64 of resource "cpu", the largest machine holds 32');
    // each resource fits on some machine, never both on one
    const odd = {
      problem: 'migration', resources: ['cpu', 'memory'], alpha: 0.01, maxParallel: 2,
      machines: [{ name: 'a', cost: 1, capacity: [10, 1] }, { name: 'b', cost: 1, capacity: [1, 10] }],
      tasks: [{ name: 'both', demand: [5, 5] }],
    };
    expect((await reason(odd)).reason).toContain('task "both" (tasks[0]) fits on no machine, even an empty one: it needs 5 of resource');
    expect((await reason(odd)).reason).toContain('(no machine holds all its resources at once)');
    const short = await reason(base({ tasks: [0, 1, 2, 3, 4].map((k) => ({ name: `t${k}`, demand: [20, 1] })) }));
    expect(short.reason).toBe('the tasks need 100 of resource "cpu" in all, the machines hold 96');
    const group = await reason(base({ tasks: [0, 1, 2, 3].map((k) => ({ name: `r${k}`, demand: [1, 1], group: 'svc' })) }));
    expect(group.reason).toBe('group "svc" has 4 tasks, more than the 3 machines (its tasks never share a machine)');
  });

  it('edge cases: no tasks, no machines with no tasks, zero demands', async () => {
    const none = await solve(base({ tasks: [] }));
    expect(none).toMatchObject({ status: 'feasible', machinesUsed: 0, moves: 0, rounds: [], cost: 0 });
    const empty = { problem: 'migration', resources: ['cpu'], machines: [], tasks: [] };
    expect(await solve(empty)).toMatchObject({ status: 'feasible', machinesUsed: 0, objective: 0 });
    const zeros = base({ tasks: [{ name: 'z1', demand: [0, 0], machine: 's1' }, { name: 'z2', demand: [0, 0], machine: 's2' }, { name: 'z3', demand: [0, 0] }] });
    const sol = await solve(zeros);
    expect(sol).toMatchObject({ status: 'feasible', machinesUsed: 1 });
    expect(checkMigration(zeros, sol).valid).toBe(true);
  });
});

/** A plan with several rounds to corrupt (used by the checker tests below). */
const corruptible: MInstance = {
  problem: 'migration', resources: ['cpu', 'mem'], alpha: 0.5, maxParallel: 2,
  machines: [{ name: 'a', capacity: [10, 10] }, { name: 'b', capacity: [10, 10] }, { name: 'c', capacity: [10, 10] }],
  tasks: [
    { name: 't1', demand: [3, 3], machine: 'a', group: 'g' },
    { name: 't2', demand: [3, 3], machine: 'b', group: 'g' },
    { name: 't3', demand: [3, 3], machine: 'c' },
    { name: 't4', demand: [4, 4], machine: 'c' },
    { name: 'n1', demand: [2, 2] },
  ],
};

describe('migration checker rejects corrupted plans', () => {
  // a plan with several rounds to corrupt
  const inst = corruptible;
  it('accepts the solver plan and rejects each corruption with its reason', async () => {
    const sol = await migrate(inst);
    if (sol.status !== 'feasible') throw new Error('expected feasible');
    expect(checkMigration(inst, sol)).toMatchObject({ valid: true });
    expect(sol.machinesUsed).toBe(2);

    const good = {
      problem: 'migration', status: 'feasible', objective: 2 + 0.5 * 3, cost: 2, moves: 3, machinesUsed: 2, targetReached: true,
      rounds: [[{ task: 't3', from: 'c', to: 'a' }, { task: 'n1', from: null, to: 'b' }], [{ task: 't4', from: 'c', to: 'b' }]],
      assignment: { t1: 'a', t2: 'b', t3: 'a', t4: 'b', n1: 'b' },
    };
    expect(checkMigration(inst, good)).toMatchObject({ valid: true, objective: 3.5 });
    const reason = (s: unknown) => checkMigration(inst, s).reason;
    // over capacity only through the transient double holding: t1 leaves a while t3 enters it
    const tight = tamper(inst, (i) => { i.machines[0]!.capacity = [5, 10]; i.maxParallel = 3; });
    const split = {
      problem: 'migration', status: 'feasible', objective: 3 + 0.5 * 3, cost: 3, moves: 3, machinesUsed: 3, targetReached: true,
      rounds: [[{ task: 't1', from: 'a', to: 'c' }], [{ task: 't3', from: 'c', to: 'a' }, { task: 'n1', from: null, to: 'b' }]],
      assignment: { t1: 'c', t2: 'b', t3: 'a', t4: 'c', n1: 'b' },
    };
    expect(checkMigration(tight, split)).toMatchObject({ valid: true, objective: 4.5 });
    const together = { ...split, rounds: [[{ task: 't1', from: 'a', to: 'c' }, { task: 't3', from: 'c', to: 'a' }, { task: 'n1', from: null, to: 'b' }]] };
    expect(checkMigration(tight, together).reason).toContain('rounds[0]: machine "a" exceeds its capacity in resource "cpu" during the round (6 > 5)');
    expect(reason(tamper(good, (s) => { s.rounds[0]![1]!.to = 'a'; s.rounds[1]![0]!.to = 'a'; }))).toContain('rounds[1]: machine "a" exceeds its capacity in resource "cpu" during the round (12 > 10)');
    expect(reason(tamper(good, (s) => { s.rounds = [[{ task: 't1', from: 'a', to: 'b' }]]; }))).toContain('two tasks of group "g" are on machine "b"');
    expect(reason(tamper(good, (s) => { s.moves = 2; }))).toContain('moves is 2, the rounds hold 3');
    expect(reason(tamper(good, (s) => { s.machinesUsed = 3; }))).toContain('machinesUsed is 3, recomputed 2');
    expect(reason(tamper(good, (s) => { s.cost = 1; }))).toContain('cost is 1, recomputed 2');
    expect(reason(tamper(good, (s) => { s.objective = 3; }))).toContain('objective is 3, recomputed 3.5');
    expect(reason(tamper(good, (s) => { s.assignment.t4 = 'c'; }))).toContain('assignment["t4"] is "c"');
    expect(reason(tamper(good, (s) => { s.rounds[0]!.push({ task: 't1', from: 'a', to: 'c' }); }))).toContain('more than maxParallel = 2');
    expect(reason(tamper(good, (s) => { s.rounds[1]![0]!.from = 'a'; }))).toContain('moves from "a" but is on "c"');
    expect(reason(tamper(good, (s) => { s.rounds[0]![1]!.from = 'c'; }))).toContain('moves from "c" but is not placed');
    expect(reason(tamper(good, (s) => { s.rounds[0]![1]!.task = 't3'; }))).toContain('moves twice in one round');
    expect(reason(tamper(good, (s) => { s.rounds.pop(); }))).toContain('assignment["t4"] is "b", the replayed plan leaves it on "c"');
    expect(reason(tamper(good, (s) => { s.rounds[0]!.splice(1, 1); s.moves = 2; }))).toContain('task "n1" is not placed');
    expect(reason(tamper(good, (s) => { s.rounds[0]![0]!.to = 'zz'; }))).toContain('.to "zz" is not a machine');
    expect(reason(tamper(good, (s) => { s.rounds[0]![0]!.to = 'c'; }))).toContain('moves to the machine it is on');
    expect(reason({ ...good, status: 'optimal' })).toContain('expected "feasible"');
  });
});

describe('migration checker: the target claims (targetReached, targetUnreached, targetMethod, targetOptimal)', () => {
  // the corrupted-plans instance: its end assignment { t1: a, t2: b, t3: a, t4: b, n1: b } has
  // stage-1 objective cost 2 + 0.5 × 3 tasks off their machine (t3, t4, n1 new) = 3.5
  const inst = corruptible;
  const good = {
    problem: 'migration', status: 'feasible', objective: 3.5, cost: 2, moves: 3, machinesUsed: 2,
    rounds: [[{ task: 't3', from: 'c', to: 'a' }, { task: 'n1', from: null, to: 'b' }], [{ task: 't4', from: 'c', to: 'b' }]],
    assignment: { t1: 'a', t2: 'b', t3: 'a', t4: 'b', n1: 'b' },
    targetReached: true, targetMethod: 'heuristic', targetOptimal: false,
  };
  const reason = (s: unknown, i: unknown = inst) => checkMigration(i, s).reason;
  it('targetReached is recomputed: false needs targetUnreached (the target of the tasks left elsewhere), true has none', () => {
    expect(checkMigration(inst, good)).toMatchObject({ valid: true });
    // the plan stopped short of a target that keeps t4 on c (t3 off c, n1 placed): a feasible target
    const short = { ...good, targetReached: false, targetUnreached: { t4: 'c' } };
    expect(checkMigration(inst, short)).toMatchObject({ valid: true });
    expect(reason({ ...good, targetReached: false })).toContain('targetReached is false but targetUnreached is missing');
    expect(reason({ ...good, targetUnreached: { t4: 'c' } })).toContain('targetReached is true but targetUnreached lists 1 task');
    expect(reason({ ...short, targetUnreached: {} })).toContain('targetReached is false but targetUnreached is missing');
    expect(reason({ ...good, targetReached: 'yes' })).toContain('targetReached is not a boolean');
    expect(reason({ ...short, targetUnreached: { zz: 'c' } })).toContain('targetUnreached["zz"]: not a task of the instance');
    expect(reason({ ...short, targetUnreached: { t4: 'zz' } })).toContain('targetUnreached["t4"] is "zz", not a machine');
    expect(reason({ ...short, targetUnreached: { t4: 'b' } })).toContain('targetUnreached["t4"] is "b", where the plan leaves it');
    expect(reason({ ...short, targetUnreached: { t4: 'a', n1: 'a' } })).toContain('the target (assignment with targetUnreached) exceeds machine "a" in resource "cpu"');
    expect(reason({ ...short, targetUnreached: { t2: 'a' } })).toContain('the target (assignment with targetUnreached) puts two tasks of group "g" on machine "a"');
    expect(reason(JSON.parse('{"problem":"migration","status":"feasible","objective":3.5,"cost":2,"moves":3,"machinesUsed":2,"rounds":[[{"task":"t3","from":"c","to":"a"},{"task":"n1","from":null,"to":"b"}],[{"task":"t4","from":"c","to":"b"}]],"assignment":{"t1":"a","t2":"b","t3":"a","t4":"b","n1":"b"},"targetReached":false,"targetUnreached":{"__proto__":"c"}}'))).toContain('targetUnreached["__proto__"]: not a task');
  });
  it('a solver plan that stops short of its target lists targetUnreached, and the checker accepts it', async () => {
    // found by a seeded scan of generated clusters (generateMigration, seed 7, cluster 289): the path to the
    // heuristic target stops short and the plan re-plans from the state reached
    const short = JSON.parse('{"problem":"migration","resources":["r0"],"alpha":0.01,"maxParallel":1,"machines":[{"name":"m0","cost":1,"capacity":[52]},{"name":"m1","cost":1,"capacity":[138]},{"name":"m2","cost":1,"capacity":[52]},{"name":"m3","cost":1,"capacity":[138]},{"name":"m4","cost":1,"capacity":[180]}],"tasks":[{"name":"t0","demand":[17],"machine":"m4"},{"name":"t1","demand":[47],"machine":"m2"},{"name":"t2","demand":[69],"group":"g0","machine":"m3"},{"name":"t3","demand":[113],"group":"g0","machine":"m4"},{"name":"t4","demand":[26]},{"name":"t5","demand":[27],"group":"g1","machine":"m3"},{"name":"t6","demand":[26],"group":"g1"},{"name":"t7","demand":[21],"group":"g1","machine":"m4"},{"name":"t8","demand":[23]},{"name":"t9","demand":[13],"machine":"m4"},{"name":"t10","demand":[94],"machine":"m1"},{"name":"t11","demand":[26]}],"target":"heuristic"}');
    const sol = await migrate(short);
    if (sol.status !== 'feasible') throw new Error('expected feasible');
    expect(sol.targetReached).toBe(false);
    const off = Object.entries(sol.targetUnreached!);
    expect(off.length).toBeGreaterThan(0);
    for (const [task, machine] of off) expect(sol.assignment[task]).not.toBe(machine);
    expect(checkMigration(short, sol)).toMatchObject({ valid: true });
    expect(checkMigration(short, { ...sol, targetReached: true }).reason).toContain('targetReached is true but targetUnreached lists');
    const reached = await migrate(inst);
    if (reached.status !== 'feasible') throw new Error('expected feasible');
    expect([reached.targetReached, reached.targetUnreached]).toEqual([true, undefined]);
  });
  it('target "heuristic" never runs HiGHS: targetMethod "exact" or targetOptimal true is rejected', () => {
    const heur = { ...inst, target: 'heuristic' };
    expect(checkMigration(heur, good)).toMatchObject({ valid: true });
    expect(reason({ ...good, targetMethod: 'exact' }, heur)).toContain('targetMethod is "exact", but the instance\'s target is "heuristic"');
    expect(reason({ ...good, targetOptimal: true }, heur)).toContain('targetOptimal is true, but the instance\'s target is "heuristic"');
    expect(reason({ ...good, targetMethod: 'magic' })).toContain('targetMethod is "magic"');
    expect(reason({ ...good, targetOptimal: 1 })).toContain('targetOptimal is not a boolean');
  });
  it('targetOptimal is refuted when the end assignment or the current state is better than the target', () => {
    // the target keeps t4 on c: cost 3 + 0.5 × 2 (t3, n1) = 4 > the end assignment's 3.5
    const worse = { ...good, targetReached: false, targetUnreached: { t4: 'c' }, targetOptimal: true };
    expect(reason(worse)).toContain('targetOptimal is true, but the end assignment (stage-1 objective 3.5) is better than the target (4)');
    // no new task: the current state (3 machines, 0 moves: 3) beats a reached target that moves t3 to a (3 + 0.5)
    const placed = { ...inst, tasks: inst.tasks.slice(0, 4) };
    const move = {
      problem: 'migration', status: 'feasible', objective: 3.5, cost: 3, moves: 1, machinesUsed: 3,
      rounds: [[{ task: 't3', from: 'c', to: 'a' }]], assignment: { t1: 'a', t2: 'b', t3: 'a', t4: 'c' },
      targetReached: true, targetMethod: 'exact', targetOptimal: false,
    };
    expect(checkMigration(placed, move)).toMatchObject({ valid: true });
    expect(reason({ ...move, targetOptimal: true }, placed)).toContain('targetOptimal is true, but the current state (stage-1 objective 3) is better than the target (3.5)');
    // objective "machines": cost first, then the moves (the current state's cost 3 = the target's, 0 moves < 1)
    const lex = { ...placed, objective: 'machines' };
    expect(reason({ ...move, objective: 3, lexicographic: [3, 1], targetOptimal: true }, lex)).toContain('the current state (cost 3, 0 tasks moved) is better than the target (cost 3, 1 tasks moved)');
  });
});

describe('migration kernel: status codes and memory', () => {
  it('returns BAD_VALUE / BAD_LENGTH on bad input instead of aborting', async () => {
    const { kernels } = await import('../src/wasm/loader.js');
    const { OK, BAD_LENGTH, BAD_VALUE } = await import('../src/wasm/abi.js');
    const k = await kernels();
    const base = k.reserve(1 << 16);
    const i32 = new Int32Array(k.memory.buffer, base, 1 << 14);
    const f64 = new Float64Array(k.memory.buffer, base, 1 << 13);
    // n = 1 task, m = 1 machine, R = 1: demand at 0, capacity at 8, cost at 16 (bytes)
    f64[0] = 1; f64[1] = 2; f64[2] = 1;
    const grp = 32, gStart = 40, gMem = 48, cur = 56, tgt = 64, scratch = 128;
    i32[grp / 4] = -1; i32[gStart / 4] = 0; i32[cur / 4] = 5; // machine 5 does not exist
    const call = (mode: number, R = 1) => k.migrationTarget({
      n: 1, m: 1, R, demand: base, capacity: base + 8, cost: base + 16, grp: base + grp, gStart: base + gStart,
      gMem: base + gMem, G: 0, cur: base + cur, tgt: base + tgt, alpha: 0, mode, scratch: base + scratch,
    });
    expect(call(1)).toBe(BAD_VALUE); // current machine out of range
    i32[cur / 4] = 0;
    expect(call(1, 0)).toBe(BAD_LENGTH); // R = 0
    expect(call(1, 17)).toBe(BAD_LENGTH); // R > 16
    expect(call(-1)).toBe(BAD_VALUE); // mode
    f64[0] = Number.NaN;
    expect(call(1)).toBe(BAD_VALUE); // NaN demand
    f64[0] = 1;
    expect(call(1)).toBe(OK);
    expect(i32[tgt / 4]).toBe(0);
  });
  it('memory does not grow over repeated solves of the same instance', async () => {
    const { kernels } = await import('../src/wasm/loader.js');
    const inst = generateMigration(mulberry32(5), { tasks: 150, machines: 12, resources: 3, util: 0.4, alpha: 0.01, maxParallel: 4 });
    await migrate(inst);
    const before = (await kernels()).memoryBytes();
    for (let k = 0; k < 5; k++) await migrate(inst);
    expect((await kernels()).memoryBytes()).toBe(before);
  });
});
