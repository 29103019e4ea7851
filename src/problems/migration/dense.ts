// Task migration: the instance as dense arrays (validated), and the objective of an
// assignment. Shared by the heuristic target (solve.ts), the exact target (exact.ts) and
// the path (through solve.ts); imports nothing from them (no import cycle).
import { Validator, uniqueNames } from '../../core/validate.js';
import { ValidationError, quote } from '../../core/errors.js';
import { MigrationInstance } from './schema.js';

/** Default HiGHS time limit of the exact target. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;

const validator: Validator<typeof MigrationInstance> = new Validator(MigrationInstance);

/** The instance as dense arrays (task-major demand, machine-major capacity). */
export interface DenseMigration {
  n: number;
  m: number;
  R: number;
  demand: Float64Array;
  capacity: Float64Array;
  cost: Float64Array;
  /** group index per task, -1 none */
  grp: Int32Array;
  /** members of group g: gMem[gStart[g] .. gStart[g+1]) */
  gStart: Int32Array;
  gMem: Int32Array;
  cur: Int32Array;
  alpha: number;
  maxParallel: number;
  /** stage-1 method (instance field `target`, default auto) */
  target: 'heuristic' | 'exact' | 'auto';
  /** time limit of the exact target */
  timeLimitMs: number;
  /** "cost+moves": Σ cost + alpha·moves; "machines": cost first, then moves (lexicographic) */
  objective: 'cost+moves' | 'machines';
}

/**
 * Validate a migration instance (throws ValidationError naming the JSON path): schema,
 * vector lengths, unique names, known machines, no group twice on a machine and no
 * machine over capacity in the current state. Returns the dense form.
 */
export function validateMigration(input: unknown): DenseMigration {
  validator.assert(input);
  const inst = input as MigrationInstance;
  const R = inst.resources.length;
  uniqueNames('resources', inst.resources, '');
  const m = inst.machines.length;
  const n = inst.tasks.length;
  const byName = uniqueNames('machines', inst.machines.map((mc) => mc.name));
  const capacity = new Float64Array(m * R);
  const cost = new Float64Array(m);
  inst.machines.forEach((mc, j) => {
    if (mc.capacity.length !== R) throw new ValidationError(`machines[${j}].capacity`, `must have ${R} values (one per resource), has ${mc.capacity.length}`);
    for (let r = 0; r < R; r++) capacity[j * R + r] = mc.capacity[r]!;
    cost[j] = mc.cost ?? 1;
  });
  const demand = new Float64Array(n * R);
  const cur = new Int32Array(n);
  const grp = new Int32Array(n);
  uniqueNames('tasks', inst.tasks.map((t) => t.name));
  const groupIdx = new Map<string, number>();
  const groupOn = new Map<number, number>(); // g·m + j -> task index
  const load = new Float64Array(m * R);
  inst.tasks.forEach((t, i) => {
    if (t.demand.length !== R) throw new ValidationError(`tasks[${i}].demand`, `must have ${R} values (one per resource), has ${t.demand.length}`);
    for (let r = 0; r < R; r++) demand[i * R + r] = t.demand[r]!;
    let j = -1;
    if (t.machine !== undefined && t.machine !== null) {
      const found = byName.get(t.machine);
      if (found === undefined) throw new ValidationError(`tasks[${i}].machine`, `${quote(t.machine)} is not the name of a machine`);
      j = found;
    }
    cur[i] = j;
    let g = -1;
    if (t.group !== undefined) {
      g = groupIdx.get(t.group) ?? -1;
      if (g < 0) groupIdx.set(t.group, (g = groupIdx.size));
    }
    grp[i] = g;
    if (j >= 0) {
      for (let r = 0; r < R; r++) load[j * R + r] += t.demand[r]!;
      if (g >= 0) {
        const other = groupOn.get(g * m + j);
        if (other !== undefined) {
          throw new ValidationError(`tasks[${i}].group`, `${quote(t.group)} is already on machine ${quote(t.machine)} (tasks[${other}]): tasks of one group must be on distinct machines in the current state`);
        }
        groupOn.set(g * m + j, i);
      }
    }
  });
  for (let j = 0; j < m; j++) {
    for (let r = 0; r < R; r++) {
      const c = capacity[j * R + r]!;
      const l = load[j * R + r]!;
      // a machine full to the rounding of its demands' sum (0.1 + 0.2 > 0.3) holds them: its
      // capacity is taken as that load, within the checker's tolerance (1e-9 of it)
      if (l > c && l <= c + 1e-9 * Math.max(1, Math.abs(c))) capacity[j * R + r] = l;
      else if (l > c) {
        throw new ValidationError(
          `machines[${j}].capacity[${r}]`,
          `is exceeded in the current state: the tasks on machine ${quote(inst.machines[j]!.name)} demand ${load[j * R + r]} of resource ${quote(inst.resources[r])}, capacity ${capacity[j * R + r]}`,
        );
      }
    }
  }
  const G = groupIdx.size;
  const gStart = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) if (grp[i]! >= 0) gStart[grp[i]! + 1]++;
  for (let g = 0; g < G; g++) gStart[g + 1] += gStart[g]!;
  const fill = gStart.slice(0, G);
  const gMem = new Int32Array(gStart[G]!);
  for (let i = 0; i < n; i++) if (grp[i]! >= 0) gMem[fill[grp[i]!]!++] = i;
  return { n, m, R, demand, capacity, cost, grp, gStart, gMem, cur, alpha: inst.alpha ?? 0, maxParallel: inst.maxParallel ?? 1,
    target: inst.target ?? 'auto', timeLimitMs: inst.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, objective: inst.objective ?? 'cost+moves' };
}

/** Machines used and their cost for an assignment (every task placed). */
export function assignmentCost(d: DenseMigration, a: Int32Array): { machinesUsed: number; cost: number } {
  const used = new Uint8Array(d.m);
  for (let i = 0; i < d.n; i++) if (a[i]! >= 0) used[a[i]!] = 1;
  let machinesUsed = 0;
  let cost = 0;
  for (let j = 0; j < d.m; j++) if (used[j]) {
    machinesUsed++;
    cost += d.cost[j]!;
  }
  return { machinesUsed, cost };
}

/** Tasks not on their current machine (new tasks count one move each). */
export function movesOf(d: DenseMigration, a: Int32Array): number {
  let moves = 0;
  for (let i = 0; i < d.n; i++) if (a[i] !== d.cur[i]) moves++;
  return moves;
}

/** Objective of an assignment: Σ cost of used machines + α × tasks not on their current machine. */
export function targetObjective(d: DenseMigration, a: Int32Array): number {
  return assignmentCost(d, a).cost + d.alpha * movesOf(d, a);
}

/** The value a plan or target is ranked by: cost and moves, and cost + α·moves. */
export interface Score {
  cost: number;
  moves: number;
  /** cost + α·moves (the objective "cost+moves"; for "machines" only reported) */
  value: number;
}

export function score(d: DenseMigration, cost: number, moves: number): Score {
  return { cost, moves, value: cost + d.alpha * moves };
}

/** Score of a target assignment (moves counted from d.cur). */
export function targetScore(d: DenseMigration, a: Int32Array): Score {
  return score(d, assignmentCost(d, a).cost, movesOf(d, a));
}

/**
 * Compare two scores under the instance's objective: negative when `a` is better.
 * "cost+moves" compares cost + α·moves (ties within 1e-12); "machines" compares the cost
 * (ties within 1e-9 relative: sums of the same costs in another order), then the moves.
 */
export function compareScores(d: DenseMigration, a: Score, b: Score): number {
  if (d.objective === 'machines') {
    const tol = 1e-9 * Math.max(1, Math.abs(a.cost), Math.abs(b.cost));
    if (Math.abs(a.cost - b.cost) > tol) return a.cost - b.cost;
    return a.moves - b.moves;
  }
  const diff = a.value - b.value;
  return Math.abs(diff) <= 1e-12 ? 0 : diff;
}
