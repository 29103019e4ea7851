// Migration bench: the full solver (validation, stage-1 target in WASM, path, JSON plan)
// on the ROADEF/EURO 2012 set A instances and on generated clusters of 5,000–50,000 tasks
// and 100–1,000 machines. Machines used against
//  - the start (machines hosting a task in the current state),
//  - two lower bounds: `sortedBound`, per resource the fewest machines whose capacities,
//    sorted largest first, add up to the total demand (and at least the largest group),
//    the maximum over the resources; and `lpBound`, the LP relaxation of all resources at
//    once, min Σ z_j s.t. Σ_j c_jr z_j >= Σ_i d_ir for every r, 0 <= z_j <= 1 (HiGHS),
//    rounded up (and at least sortedBound),
//  - the plain consolidation: emptiest machine first, its tasks first fit elsewhere,
//    one pass (the same kernel, mode 0).
// Gap closed = (start − used) / (start − lpBound); gapSorted uses sortedBound. Every plan is replayed by the
// independent checker. Plans use maxParallel = 8; rounds are compared with moves / 8.
import { existsSync } from 'node:fs';
import { migrate, checkMigration } from '../src/node.js';
import { validateMigration, migrationTarget, assignmentCost, PLAIN_MODE } from '../src/migration/solve.js';
import { readRoadef, roadefDir, ROADEF_A } from '../src/data/roadef.js';
import { generateMigration, machineLowerBound, machineLpBound, type MInstance } from '../test/helpers/migration.js';
import { mulberry32 } from '../test/helpers/highs.js';

export interface MigrationRow {
  case: string;
  tasks: number;
  machines: number;
  resources: number;
  start: number;
  sortedBound: number;
  lpBound: number;
  lpValue: number;
  plain: number;
  used: number;
  gapClosed: number;
  gapClosedSorted: number;
  plainGapClosed: number;
  moves: number;
  rounds: number;
  movesOver8: number;
  targetReached: boolean;
  ms: number;
  valid: boolean;
}

async function row(name: string, inst: MInstance, reps: number): Promise<MigrationRow> {
  const d = validateMigration(inst);
  const start = assignmentCost(d, d.cur).machinesUsed;
  const sortedBound = machineLowerBound(inst);
  const lpValue = await machineLpBound(inst);
  const lb = Math.max(sortedBound, Math.ceil(lpValue - 1e-9));
  const plain = assignmentCost(d, (await migrationTarget(d, PLAIN_MODE))!).machinesUsed;
  const times: number[] = [];
  let sol: Awaited<ReturnType<typeof migrate>> | undefined;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    sol = await migrate(inst);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  if (!sol || sol.status !== 'feasible') throw new Error(`${name}: ${sol?.status}`);
  const report = checkMigration(inst, sol);
  const gap = (used: number, bound = lb) => (start > bound ? (start - used) / (start - bound) : 1);
  return {
    case: name, tasks: inst.tasks.length, machines: inst.machines.length, resources: inst.resources.length,
    start, sortedBound, lpBound: lb, lpValue, plain, used: sol.machinesUsed,
    gapClosed: gap(sol.machinesUsed), gapClosedSorted: gap(sol.machinesUsed, sortedBound), plainGapClosed: gap(plain),
    moves: sol.moves, rounds: sol.rounds.length, movesOver8: Math.ceil(sol.moves / 8),
    targetReached: sol.targetReached, ms: times[Math.floor(times.length / 2)]!, valid: report.valid,
  };
}

export async function benchMigration(opts: { quick?: boolean; log: (s: string) => void }): Promise<MigrationRow[]> {
  const rows: MigrationRow[] = [];
  const { log } = opts;
  const header = 'case              tasks  mach  R  start sorted    LP  plain   used  gap%  gapS%  plain%   moves  rounds  moves/8     ms  ok';
  log(header);
  const print = (r: MigrationRow) =>
    log(
      `${r.case.padEnd(16)} ${String(r.tasks).padStart(6)} ${String(r.machines).padStart(5)} ${String(r.resources).padStart(2)} ` +
        `${String(r.start).padStart(6)} ${String(r.sortedBound).padStart(6)} ${String(r.lpBound).padStart(5)} ${String(r.plain).padStart(6)} ${String(r.used).padStart(6)} ` +
        `${(100 * r.gapClosed).toFixed(1).padStart(5)} ${(100 * r.gapClosedSorted).toFixed(1).padStart(6)} ${(100 * r.plainGapClosed).toFixed(1).padStart(6)} ${String(r.moves).padStart(7)} ` +
        `${String(r.rounds).padStart(7)} ${String(r.movesOver8).padStart(8)} ${r.ms.toFixed(0).padStart(6)}  ${r.valid && r.targetReached ? 'yes' : r.valid ? 'partial' : 'INVALID'}`,
    );
  if (existsSync(roadefDir + 'model_a1_1.txt')) {
    for (const name of ROADEF_A) {
      const inst = readRoadef(roadefDir + `model_${name}.txt`, roadefDir + `assignment_${name}.txt`, { alpha: 0.01, maxParallel: 8 }) as MInstance;
      const r = await row(`roadef ${name}`, inst, opts.quick ? 1 : 5);
      rows.push(r);
      print(r);
    }
  } else log(`NOTICE: ${roadefDir} is absent: ROADEF rows skipped`);
  const sizes: [number, number, number][] = opts.quick
    ? [[5000, 100, 7], [5000, 100, 2]]
    : [[5000, 100, 7], [5000, 100, 2], [5000, 100, 1], [20000, 400, 7], [50000, 1000, 7], [50000, 1000, 3]];
  let seed = 1;
  for (const [n, m, R] of sizes) {
    const rand = mulberry32(1000 + seed++);
    // α = 0.001: a move costs a thousandth of a machine
    const inst = generateMigration(rand, { tasks: n, machines: m, resources: R, util: 0.35, alpha: 0.001, maxParallel: 8, groupRate: 0.2, newRate: 0.02 });
    const r = await row(`gen ${n / 1000}k×${m} R${R}`, inst, n >= 20000 ? 1 : 3);
    rows.push(r);
    print(r);
  }
  return rows;
}
