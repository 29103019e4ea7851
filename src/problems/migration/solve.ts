import { Validator, uniqueNames } from '../../core/validate.js';
import { ValidationError, GreenplanError, statusError } from '../../core/errors.js';
import {
  OK, INFEASIBLE, MIGRATE_FIRST_FIT, MIGRATE_BEST_FIT, MIGRATE_ORIGIN_FIRST_FIT, MIGRATE_EJECT, MIGRATE_MULTI, MIGRATE_RETURN,
  MIGRATE_SCARCE, MIGRATE_BY_LOAD, MIGRATE_BY_LOAD_CAP, MIGRATE_BALANCE, MIGRATE_REPAIR, MIGRATE_FROM_TGT, MIGRATE_SWAP_IN, MIGRATE_SEED_SHIFT,
} from '../../wasm/abi.js';
import { kernels } from '../../wasm/loader.js';
import { Layout } from '../../wasm/arena.js';
import { MigrationInstance, type MigrationSolution, type MigrationInfeasible, type MigrationMove } from './schema.js';
import { planPath, type PathResult } from './path.js';
import { buildClasses, exactTarget, loadHighs, AUTO_EXACT_LIMIT, EXACT_MAX_VARS, DEFAULT_TIME_LIMIT_MS } from './exact.js';

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
      if (found === undefined) throw new ValidationError(`tasks[${i}].machine`, `"${t.machine}" is not the name of a machine`);
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
          throw new ValidationError(`tasks[${i}].group`, `"${t.group}" is already on machine "${t.machine}" (tasks[${other}]): tasks of one group must be on distinct machines in the current state`);
        }
        groupOn.set(g * m + j, i);
      }
    }
  });
  for (let j = 0; j < m; j++) {
    for (let r = 0; r < R; r++) {
      if (load[j * R + r]! > capacity[j * R + r]!) {
        throw new ValidationError(
          `machines[${j}].capacity[${r}]`,
          `is exceeded in the current state: the tasks on machine "${inst.machines[j]!.name}" demand ${load[j * R + r]} of resource "${inst.resources[r]}", capacity ${capacity[j * R + r]}`,
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
    target: inst.target ?? 'auto', timeLimitMs: inst.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS };
}

/**
 * Stage 1: the target assignment by the WASM consolidation kernel. mode 1 is the full
 * method, mode 0 the plain consolidation baseline (emptiest first, first fit). Returns
 * null when a new task fits on no machine.
 */
export async function migrationTarget(d: DenseMigration, mode: number = MIGRATE_BEST_FIT, start?: Int32Array): Promise<Int32Array | null> {
  const k = await kernels();
  const { n, m, R } = d;
  const G = d.gStart.length - 1;
  const lay = new Layout();
  const oDem = lay.take(n * R, 8);
  const oCap = lay.take(m * R, 8);
  const oCost = lay.take(m, 8);
  const oGrp = lay.take(n, 4);
  const oGStart = lay.take(G + 1, 4);
  const oGMem = lay.take(d.gMem.length, 4);
  const oCur = lay.take(n, 4);
  const oTgt = lay.take(n, 4);
  const scratchBytes = k.migrationScratchBytes({ n, m, R });
  const oScratch = lay.take(Math.ceil(scratchBytes / 8), 8);
  const base = lay.reserve(k, 'migration');
  const buf = k.memory.buffer;
  new Float64Array(buf, base + oDem, n * R).set(d.demand);
  new Float64Array(buf, base + oCap, m * R).set(d.capacity);
  new Float64Array(buf, base + oCost, m).set(d.cost);
  new Int32Array(buf, base + oGrp, n).set(d.grp);
  new Int32Array(buf, base + oGStart, G + 1).set(d.gStart);
  new Int32Array(buf, base + oGMem, d.gMem.length).set(d.gMem);
  new Int32Array(buf, base + oCur, n).set(d.cur);
  if (start) new Int32Array(buf, base + oTgt, n).set(start);
  const status = k.migrationTarget({
    n, m, R, demand: base + oDem, capacity: base + oCap, cost: base + oCost, grp: base + oGrp,
    gStart: base + oGStart, gMem: base + oGMem, G, cur: base + oCur, tgt: base + oTgt,
    alpha: d.alpha, mode, scratch: base + oScratch,
  });
  if (status === INFEASIBLE) return null;
  if (status !== OK) throw statusError(status, 'migration');
  return new Int32Array(k.memory.buffer, base + oTgt, n).slice();
}

/** Objective of an assignment: Σ cost of used machines + α × tasks not on their current machine. */
export function targetObjective(d: DenseMigration, a: Int32Array): number {
  let moves = 0;
  for (let i = 0; i < d.n; i++) if (a[i] !== d.cur[i]) moves++;
  return assignmentCost(d, a).cost + d.alpha * moves;
}

// Kernel modes: fit rule | drain order key | flags, all from assembly/abi.ts (MIGRATE_*).
/** The polish call: penalty local search (moves and swaps) from the best target found. */
export const POLISH_MODE = MIGRATE_BEST_FIT | MIGRATE_EJECT | MIGRATE_MULTI | MIGRATE_RETURN | MIGRATE_BALANCE | MIGRATE_BY_LOAD | MIGRATE_REPAIR | MIGRATE_FROM_TGT;
const FULL = MIGRATE_EJECT | MIGRATE_MULTI | MIGRATE_RETURN | MIGRATE_SWAP_IN;
/** The portfolio of stage-1 strategies; the target with the least objective is kept. */
export const TARGET_MODES = [
  MIGRATE_BEST_FIT | FULL | MIGRATE_BY_LOAD_CAP,
  MIGRATE_ORIGIN_FIRST_FIT | FULL | MIGRATE_BY_LOAD_CAP,
  MIGRATE_BEST_FIT | FULL | MIGRATE_SCARCE | MIGRATE_BY_LOAD_CAP,
  MIGRATE_BEST_FIT | FULL | MIGRATE_BALANCE | MIGRATE_BY_LOAD_CAP,
  MIGRATE_BEST_FIT | FULL | MIGRATE_BALANCE | MIGRATE_BY_LOAD,
];
/** The plain consolidation baseline: emptiest first, first fit, one pass. */
export const PLAIN_MODE = MIGRATE_FIRST_FIT;

/** Work (n·m·R) the perturbed restarts may spend in total, beyond the portfolio. */
export const RESTART_WORK = 5e6;
/** Perturbed restarts for this instance size (0 for large clusters), at most 32. */
export function restartCount(d: DenseMigration): number {
  const work = Math.max(1, d.n * d.m * d.R);
  return Math.min(32, Math.floor(RESTART_WORK / work));
}

/**
 * Stage 1, full method: the best target of the TARGET_MODES portfolio plus restarts of
 * the portfolio with perturbed drain orders (seeds 1..restartCount, deterministic);
 * then, unless it is already at the machine bound, a polish of it by the penalty local
 * search (POLISH_MODE). Returns the candidates, best objective first ([] when a new
 * task fits nowhere): the polish may need more swaps, so the caller plans a path for
 * each and keeps the better plan.
 */
export async function targetCandidates(d: DenseMigration, polish = true): Promise<Int32Array[]> {
  let best: Int32Array | null = null;
  let bestObj = Infinity;
  const modes = [...TARGET_MODES];
  const restarts = restartCount(d);
  for (let s = 1; s <= restarts; s++) modes.push(TARGET_MODES[s % TARGET_MODES.length]! | (s << MIGRATE_SEED_SHIFT));
  for (const mode of modes) {
    const a = await migrationTarget(d, mode);
    if (!a) continue;
    const obj = targetObjective(d, a);
    if (obj < bestObj - 1e-12) {
      best = a;
      bestObj = obj;
    }
  }
  if (!best) return [];
  if (polish && !atMachineBound(d, best)) {
    const a = await migrationTarget(d, POLISH_MODE, best);
    if (a && targetObjective(d, a) < bestObj - 1e-12) return [a, best];
  }
  return [best];
}

/** The best stage-1 target (see targetCandidates), or null when a new task fits nowhere. */
export async function bestTarget(d: DenseMigration, polish = true): Promise<Int32Array | null> {
  return (await targetCandidates(d, polish))[0] ?? null;
}

/**
 * True when all costs are equal and the assignment uses as few machines as the
 * per-resource bound allows (per resource: the fewest machines whose capacities, largest
 * first, cover the demand): no target can use fewer machines.
 */
export function atMachineBound(d: DenseMigration, a: Int32Array): boolean {
  for (let j = 1; j < d.m; j++) if (d.cost[j] !== d.cost[0]) return false;
  let lb = d.n > 0 ? 1 : 0;
  for (let r = 0; r < d.R; r++) {
    let total = 0;
    for (let i = 0; i < d.n; i++) total += d.demand[i * d.R + r]!;
    const caps: number[] = [];
    for (let j = 0; j < d.m; j++) caps.push(d.capacity[j * d.R + r]!);
    caps.sort((x, y) => y - x);
    let k = 0;
    let sum = 0;
    while (sum < total && k < caps.length) sum += caps[k++]!;
    lb = Math.max(lb, k);
  }
  return assignmentCost(d, a).machinesUsed <= lb;
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

interface Plan {
  segments: PathResult[];
  pos: Int32Array;
  moves: number;
  /** every segment reached the target it was planned for, and there is one segment */
  reached: boolean;
  objective: number;
  /** the first segment's target: its method and whether HiGHS proved it optimal */
  method: 'exact' | 'heuristic';
  optimal: boolean;
}

/** A stage-1 target and where it came from. */
export interface Candidate {
  tgt: Int32Array;
  method: 'exact' | 'heuristic';
  objective: number;
}

export interface Stage1 {
  /** best objective first (ties: exact first) */
  candidates: Candidate[];
  /** the optimum proved by HiGHS, or null */
  optimum: number | null;
  /** what happened to the exact target, when it was tried and did not prove optimality */
  note?: string;
  /** size of the grouped model, when it was built */
  classes?: number;
  intVars?: number;
}

/**
 * Stage 1 with the instance's `target` option: the heuristic candidates (targetCandidates),
 * and for "exact" (or "auto" on a small grouped model with HiGHS installed) the HiGHS
 * target of the grouped integer program. Every candidate is kept, best objective first:
 * when HiGHS does not prove optimality in time, the better of its best assignment and
 * the heuristics' wins.
 */
export async function stage1(d: DenseMigration): Promise<Stage1> {
  const heur: Candidate[] = (await targetCandidates(d)).map((tgt) => ({ tgt, method: 'heuristic' as const, objective: targetObjective(d, tgt) }));
  if (d.target === 'heuristic') return { candidates: heur, optimum: null };
  const mdl = buildClasses(d, d.target === 'auto' ? AUTO_EXACT_LIMIT / Math.max(1, d.m) : EXACT_MAX_VARS);
  if (d.target === 'auto') {
    if (mdl.intVars * d.m > AUTO_EXACT_LIMIT) return { candidates: heur, optimum: null, classes: mdl.K, intVars: mdl.intVars };
    try {
      await loadHighs();
    } catch {
      return { candidates: heur, optimum: null, note: 'HiGHS (optional dependency "highs") is not installed: heuristic target', classes: mdl.K, intVars: mdl.intVars };
    }
  }
  if (mdl.intVars > EXACT_MAX_VARS) {
    return { candidates: heur, optimum: null, note: `the grouped model has more than ${EXACT_MAX_VARS} integer variables: HiGHS not run, heuristic target`, classes: mdl.K, intVars: mdl.intVars };
  }
  const ex = await exactTarget(d, d.timeLimitMs, mdl);
  const out: Stage1 = { candidates: heur, optimum: null, classes: ex.classes, intVars: ex.intVars };
  if (ex.target) {
    const c: Candidate = { tgt: ex.target, method: 'exact', objective: targetObjective(d, ex.target) };
    out.candidates = [c, ...heur].sort((a, b) => a.objective - b.objective); // stable: exact first on ties
    if (ex.optimal) out.optimum = c.objective;
  }
  if (!ex.optimal) {
    const h = heur[0];
    out.note = ex.infeasible
      ? h ? `HiGHS reported the model infeasible but the heuristics found a target (kept)` : 'HiGHS proved that no assignment exists'
      : ex.status === 'Optimal'
        ? `HiGHS's optimal assignment failed the re-check (capacity or groups beyond rounding): heuristic target`
        : `HiGHS did not prove optimality within ${d.timeLimitMs} ms (status "${ex.status}"): kept the better of ` +
        (ex.target ? `its best assignment (objective ${out.candidates.find((x) => x.method === 'exact')!.objective})` : 'no assignment from HiGHS') +
        ` and the heuristic target (${h ? `objective ${h.objective}` : 'none'})`;
  }
  return out;
}

/**
 * Stage 1 then stage 2 from the state `d.cur`: a path to each target candidate; when a
 * path stops short of its target (repair, or a new task left unplaced), stage 1 is run
 * again from the state reached and a second path appended (depth 1). Returns the plan with the least
 * objective, or null when some new task cannot be placed.
 */
async function planFrom(d: DenseMigration, depth: number, s1?: Stage1): Promise<Plan | null> {
  // re-planning from a reached state: "exact" only as far as "auto" would (small models),
  // so that a long HiGHS run is not repeated for every candidate
  const { candidates, optimum } = s1 ?? (await stage1(depth > 0 && d.target === 'exact' ? { ...d, target: 'auto' } : d));
  let best: Plan | null = null;
  const consider = (p: Plan) => {
    if (!best || p.objective < best.objective - 1e-12 || (p.reached && !best.reached && p.objective <= best.objective + 1e-12)) best = p;
  };
  for (const cand of candidates) {
    const { tgt, method } = cand;
    const optimal = optimum !== null && cand.objective <= optimum + 1e-9 * Math.max(1, Math.abs(optimum));
    const path = planPath({ n: d.n, m: d.m, R: d.R, demand: d.demand, capacity: d.capacity, grp: d.grp, cur: d.cur, tgt, maxParallel: d.maxParallel });
    const moves = path.task.length;
    // a path that leaves a new task unplaced is no plan by itself, but its end state is
    // feasible: it may still be continued from there
    if (path.unplaced === 0) {
      consider({ segments: [path], pos: path.pos, moves, reached: path.targetReached, objective: assignmentCost(d, path.pos).cost + d.alpha * moves, method, optimal });
    }
    if (!path.targetReached && depth < 1) {
      const cont = await planFrom({ ...d, cur: path.pos }, depth + 1);
      if (cont) {
        const total = moves + cont.moves;
        consider({ segments: [path, ...cont.segments], pos: cont.pos, moves: total, reached: false, objective: assignmentCost(d, cont.pos).cost + d.alpha * total, method, optimal });
      }
    }
  }
  return best;
}

/**
 * Migration: a target assignment (fewest machines by cost, α per move) and a plan of
 * rounds reaching it in which every step is feasible. Throws on invalid input.
 */
export async function migrate(instance: MigrationInstance): Promise<MigrationSolution | MigrationInfeasible> {
  const d = validateMigration(instance);
  const s1 = await stage1(d);
  const plan = await planFrom(d, 0, s1);
  if (!plan) {
    return { problem: 'migration', status: 'infeasible', reason: 'a new task fits on no machine next to the current tasks, or could not be placed by any feasible sequence of moves found' };
  }
  const mName = instance.machines.map((mc) => mc.name);
  const tName = instance.tasks.map((t) => t.name);
  const rounds: MigrationMove[][] = [];
  for (const path of plan.segments) {
    for (let k = 0; k + 1 < path.roundStart.length; k++) {
      const round: MigrationMove[] = [];
      for (let q = path.roundStart[k]!; q < path.roundStart[k + 1]!; q++) {
        const f = path.from[q]!;
        round.push({ task: tName[path.task[q]!]!, from: f >= 0 ? mName[f]! : null, to: mName[path.to[q]!]! });
      }
      rounds.push(round);
    }
  }
  const assignment: Record<string, string> = {};
  for (let i = 0; i < d.n; i++) assignment[tName[i]!] = mName[plan.pos[i]!]!;
  const { machinesUsed, cost } = assignmentCost(d, plan.pos);
  const moves = plan.moves;
  return {
    problem: 'migration',
    status: 'feasible',
    objective: cost + d.alpha * moves,
    cost,
    moves,
    machinesUsed,
    rounds,
    assignment,
    targetReached: plan.reached,
    targetMethod: plan.method,
    targetOptimal: plan.optimal,
    ...(s1.note ? { targetNote: s1.note } : {}),
  };
}
