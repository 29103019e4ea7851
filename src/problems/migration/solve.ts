// Task migration: stage 1 (the target: the WASM heuristics' portfolio, or the exact
// target of exact.ts), stage 2 (the path, path.ts), and the solution. See the README,
// "Migration", and docs/migration.md.
import { statusError } from '../../core/errors.js';
import {
  OK, INFEASIBLE, MIGRATE_FIRST_FIT, MIGRATE_BEST_FIT, MIGRATE_ORIGIN_FIRST_FIT, MIGRATE_EJECT, MIGRATE_MULTI, MIGRATE_RETURN,
  MIGRATE_SCARCE, MIGRATE_BY_LOAD, MIGRATE_BY_LOAD_CAP, MIGRATE_BALANCE, MIGRATE_REPAIR, MIGRATE_FROM_TGT, MIGRATE_SWAP_IN, MIGRATE_SEED_SHIFT,
} from '../../wasm/abi.js';
import { kernels } from '../../wasm/loader.js';
import { Layout } from '../../wasm/arena.js';
import type { MigrationInstance, MigrationSolution, MigrationInfeasible, MigrationMove } from './schema.js';
import { planPath, type PathResult } from './path.js';
import { buildClasses, exactTarget, loadHighs, exactRefusal, AUTO_EXACT_LIMIT } from './exact.js';
import {
  validateMigration, assignmentCost, targetObjective, targetScore, score, compareScores, movesOf,
  type DenseMigration, type Score,
} from './dense.js';

export { validateMigration, assignmentCost, targetObjective, type DenseMigration };

/** The α the kernel decides with: the instance's, or 0 for "machines" (any saving pays; moves second). */
function kernelAlpha(d: DenseMigration): number {
  return d.objective === 'machines' ? 0 : d.alpha;
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
  const oDem = lay.input(d.demand);
  const oCap = lay.input(d.capacity);
  const oCost = lay.input(d.cost);
  const oGrp = lay.input(d.grp);
  const oGStart = lay.input(d.gStart);
  const oGMem = lay.input(d.gMem);
  const oCur = lay.input(d.cur);
  const oTgt = start ? lay.input(start) : lay.take(n, 4);
  const oScratch = lay.take(Math.ceil(k.migrationScratchBytes({ n, m, R }) / 8), 8);
  const base = lay.reserve(k, 'migration');
  const status = k.migrationTarget({
    n, m, R, demand: base + oDem, capacity: base + oCap, cost: base + oCost, grp: base + oGrp,
    gStart: base + oGStart, gMem: base + oGMem, G, cur: base + oCur, tgt: base + oTgt,
    alpha: kernelAlpha(d), mode, scratch: base + oScratch,
  });
  if (status === INFEASIBLE) return null;
  if (status !== OK) throw statusError(status, 'migration');
  return new Int32Array(k.memory.buffer, base + oTgt, n).slice();
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

/**
 * Above this work (n·m·R) the portfolio is cut to one strategy (balanced fit, drained by
 * load per cost: the best of the five on the bench's dense and large clusters): there
 * each strategy costs 0.3-1 s, and the time goes further in the polish (measured on the
 * 50,000 × 1,000 R7 case: 473 machines after the strategy, 434 after the polish).
 */
export const LARGE_WORK = 2e7;
/** The strategy run above LARGE_WORK. */
export const LARGE_MODES = [TARGET_MODES[4]!];

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
  let bestScore: Score | null = null;
  const modes = d.n * d.m * d.R > LARGE_WORK ? [...LARGE_MODES] : [...TARGET_MODES];
  const restarts = restartCount(d);
  for (let s = 1; s <= restarts; s++) modes.push(TARGET_MODES[s % TARGET_MODES.length]! | (s << MIGRATE_SEED_SHIFT));
  for (const mode of modes) {
    const a = await migrationTarget(d, mode);
    if (!a) continue;
    const sc = targetScore(d, a);
    if (!bestScore || compareScores(d, sc, bestScore) < 0) {
      best = a;
      bestScore = sc;
    }
  }
  if (!best) return [];
  if (polish && !atMachineBound(d, best)) {
    const a = await migrationTarget(d, POLISH_MODE, best);
    if (a && compareScores(d, targetScore(d, a), bestScore!) < 0) return [a, best];
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

interface Plan {
  segments: PathResult[];
  pos: Int32Array;
  moves: number;
  /** every segment reached the target it was planned for, and there is one segment */
  reached: boolean;
  /** the first segment's target (the solution's targetReached / targetUnreached compare the end with it) */
  target: Int32Array;
  score: Score;
  /** the first segment's target: its method and whether HiGHS proved it optimal */
  method: 'exact' | 'heuristic';
  optimal: boolean;
}

/** A stage-1 target and where it came from. */
export interface Candidate {
  tgt: Int32Array;
  method: 'exact' | 'heuristic';
  score: Score;
}

export interface Stage1 {
  /** best first under the instance's objective (ties: exact first) */
  candidates: Candidate[];
  /** the optimum proved by HiGHS, or null */
  optimum: Score | null;
  /** what happened to the exact target, when it was tried and did not prove optimality */
  note?: string;
  /** size of the grouped model, when it was built */
  classes?: number;
  intVars?: number;
}

/**
 * Stage 1 with the instance's `target` option: the heuristic candidates (targetCandidates),
 * and for "exact" (or "auto" on a small grouped model with HiGHS installed) the HiGHS
 * target of the grouped integer program. Every candidate is kept, best first: when HiGHS
 * does not prove optimality in time, the better of its best assignment and the
 * heuristics' wins. The exact target is refused (heuristic target, with a note) when the
 * model's estimated size exceeds the memory bound or reading it alone would overrun the
 * time limit (exactRefusal).
 */
export async function stage1(d: DenseMigration): Promise<Stage1> {
  const heur: Candidate[] = (await targetCandidates(d)).map((tgt) => ({ tgt, method: 'heuristic' as const, score: targetScore(d, tgt) }));
  if (d.target === 'heuristic') return { candidates: heur, optimum: null };
  const mdl = buildClasses(d, d.target === 'auto' ? AUTO_EXACT_LIMIT / Math.max(1, d.m) : undefined);
  const size = { classes: mdl.K, intVars: mdl.intVars };
  if (d.target === 'auto') {
    if (mdl.intVars * d.m > AUTO_EXACT_LIMIT) return { candidates: heur, optimum: null, ...size };
    try {
      await loadHighs();
    } catch {
      return { candidates: heur, optimum: null, note: 'HiGHS (optional dependency "highs") is not installed: heuristic target', ...size };
    }
  }
  const refusal = exactRefusal(d, mdl, d.timeLimitMs);
  if (refusal) return { candidates: heur, optimum: null, note: `${refusal}: HiGHS not run, heuristic target`, ...size };
  const ex = await exactTarget(d, d.timeLimitMs, mdl);
  const out: Stage1 = { candidates: heur, optimum: null, classes: ex.classes, intVars: ex.intVars };
  if (ex.target) {
    const c: Candidate = { tgt: ex.target, method: 'exact', score: targetScore(d, ex.target) };
    out.candidates = [c, ...heur].sort((a, b) => compareScores(d, a.score, b.score)); // stable: exact first on ties
    if (ex.optimal) out.optimum = c.score;
  }
  if (!ex.optimal) {
    const h = heur[0];
    const show = (x: Score) => (d.objective === 'machines' ? `cost ${x.cost}, ${x.moves} moves` : `objective ${x.value}`);
    out.note = ex.error
      ? `HiGHS failed (${ex.error}): heuristic target`
      : ex.infeasible
        ? h ? `HiGHS reported the model infeasible but the heuristics found a target (kept)` : 'HiGHS proved that no assignment exists'
        : ex.status === 'Optimal'
          ? `HiGHS's optimal assignment failed the re-check (capacity or groups beyond rounding): heuristic target`
          : `HiGHS did not prove optimality within ${d.timeLimitMs} ms (status "${ex.status}"): kept the better of ` +
          (ex.target ? `its best assignment (${show(out.candidates.find((x) => x.method === 'exact')!.score)})` : 'no assignment from HiGHS') +
          ` and the heuristic target (${h ? show(h.score) : 'none'})`;
  }
  return out;
}

/**
 * Stage 1 then stage 2 from the state `d.cur`: a path to each target candidate; when a
 * path stops short of its target (repair, or a new task left unplaced), stage 1 is run
 * again from the state reached and a second path appended (depth 1). Returns the best
 * plan under the instance's objective, or null when some new task cannot be placed.
 */
async function planFrom(d: DenseMigration, depth: number, s1?: Stage1): Promise<Plan | null> {
  // re-planning from a reached state: "exact" only as far as "auto" would (small models),
  // so that a long HiGHS run is not repeated for every candidate
  const { candidates, optimum } = s1 ?? (await stage1(depth > 0 && d.target === 'exact' ? { ...d, target: 'auto' } : d));
  let best: Plan | null = null;
  const consider = (p: Plan) => {
    if (!best) {
      best = p;
      return;
    }
    const c = compareScores(d, p.score, best.score);
    if (c < 0 || (c === 0 && p.reached && !best.reached)) best = p;
  };
  for (const cand of candidates) {
    const { tgt, method } = cand;
    const optimal = optimum !== null && compareScores(d, cand.score, optimum) <= 0;
    const path = planPath({ n: d.n, m: d.m, R: d.R, demand: d.demand, capacity: d.capacity, grp: d.grp, cur: d.cur, tgt, maxParallel: d.maxParallel });
    const moves = path.task.length;
    // a path that leaves a new task unplaced is no plan by itself, but its end state is
    // feasible: it may still be continued from there
    if (path.unplaced === 0) {
      consider({ segments: [path], pos: path.pos, moves, reached: path.targetReached, target: tgt, score: score(d, assignmentCost(d, path.pos).cost, moves), method, optimal });
    }
    if (!path.targetReached && depth < 1) {
      const cont = await planFrom({ ...d, cur: path.pos }, depth + 1);
      if (cont) {
        const total = moves + cont.moves;
        consider({ segments: [path, ...cont.segments], pos: cont.pos, moves: total, reached: false, target: tgt, score: score(d, assignmentCost(d, cont.pos).cost, total), method, optimal });
      }
    }
  }
  return best;
}

/**
 * The note when no machine closure pays for its moves at the instance's α (objective
 * "cost+moves", α > 0, the plan frees no cost): the heuristics' best target at α = 0
 * (objective "machines") tells how much a closure would save and what it costs in
 * moves; below α = saving / extra moves it would pay. Undefined when the plan saves cost.
 */
async function noClosureNote(d: DenseMigration, plan: Plan): Promise<string | undefined> {
  if (d.objective !== 'cost+moves' || !(d.alpha > 0)) return undefined;
  const startCost = assignmentCost(d, d.cur).cost;
  let placedNew = false;
  for (let i = 0; i < d.n; i++) if (d.cur[i]! < 0) placedNew = true;
  if (placedNew || plan.score.cost < startCost - 1e-9 * Math.max(1, startCost)) return undefined;
  // one strategy of the portfolio (balanced fit, drained by load per cost), at α = 0
  const free = await migrationTarget({ ...d, objective: 'machines' }, TARGET_MODES[4]!);
  const a = d.alpha;
  if (!free) return undefined;
  const saved = startCost - assignmentCost(d, free).cost;
  const extra = movesOf(d, free) - plan.moves;
  if (!(saved > 1e-9 * Math.max(1, startCost)) || extra <= 0) return undefined; // nothing to free at any α (as far as found)
  const threshold = saved / extra;
  return `no machine closure pays for its moves at alpha ${a}: the best closure found frees machines costing ${saved} for ${extra} moves, ` +
    `which pays below alpha ${threshold.toPrecision(3)} (or use "objective": "machines")`;
}

/**
 * Why no plan was found, naming the task, resource or group when the cause is certain (a task
 * larger than every machine, a resource short in total, a group with more tasks than
 * machines); otherwise the general reason (the heuristics found no feasible sequence).
 */
function infeasibleReason(d: DenseMigration, instance: MigrationInstance): string {
  const { n, m, R, demand, capacity } = d;
  const res = (r: number) => JSON.stringify(instance.resources[r]);
  for (let i = 0; i < n; i++) {
    let fits = false;
    for (let j = 0; j < m && !fits; j++) {
      fits = true;
      for (let r = 0; r < R; r++) if (demand[i * R + r]! > capacity[j * R + r]! * (1 + 1e-9)) { fits = false; break; }
    }
    if (fits) continue;
    let worst = 0;
    let most = -Infinity;
    let big = 0;
    for (let r = 0; r < R; r++) {
      let largest = 0;
      for (let j = 0; j < m; j++) largest = Math.max(largest, capacity[j * R + r]!);
      if (demand[i * R + r]! - largest > most) { most = demand[i * R + r]! - largest; worst = r; big = largest; }
    }
    return `task ${JSON.stringify(instance.tasks[i]!.name)} (tasks[${i}]) fits on no machine, even an empty one` +
      (m ? `: it needs ${demand[i * R + worst]} of resource ${res(worst)}, the largest machine holds ${big}` : ': the instance has no machines') +
      (m && most <= 0 ? ' (no machine holds all its resources at once)' : '');
  }
  for (let r = 0; r < R; r++) {
    let need = 0;
    let hold = 0;
    for (let i = 0; i < n; i++) need += demand[i * R + r]!;
    for (let j = 0; j < m; j++) hold += capacity[j * R + r]!;
    if (need > hold * (1 + 1e-9)) return `the tasks need ${need} of resource ${res(r)} in all, the machines hold ${hold}`;
  }
  for (let g = 0; g + 1 < d.gStart.length; g++) {
    const size = d.gStart[g + 1]! - d.gStart[g]!;
    if (size > m) {
      const first = d.gMem[d.gStart[g]!]!;
      return `group ${JSON.stringify(instance.tasks[first]!.group)} has ${size} tasks, more than the ${m} machines (its tasks never share a machine)`;
    }
  }
  return 'no feasible sequence of moves was found: a new task fits on no machine next to the current tasks, or no target the heuristics (and HiGHS, when it ran) found is reachable by feasible moves';
}

/** A plain object keyed by user names without prototype surprises (`__proto__` stays an own key). */
function record(keys: string[], values: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
}

/**
 * Migration: a target assignment (fewest machines by cost, α per move, or the machines'
 * cost first and the moves second) and a plan of rounds reaching it in which every step
 * is feasible. Throws on invalid input.
 */
export async function migrate(instance: MigrationInstance): Promise<MigrationSolution | MigrationInfeasible> {
  const d = validateMigration(instance);
  const s1 = await stage1(d);
  const plan: Plan | null = await planFrom(d, 0, s1);
  if (!plan) return { problem: 'migration', status: 'infeasible', reason: infeasibleReason(d, instance) };
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
  const assignment = record(tName, Array.from(plan.pos, (j) => mName[j]!));
  // the first stage's target where the plan ends elsewhere (the checker rebuilds the target from it)
  const off: number[] = [];
  for (let i = 0; i < d.n; i++) if (plan.target[i]! >= 0 && plan.target[i] !== plan.pos[i]) off.push(i);
  const { machinesUsed, cost } = assignmentCost(d, plan.pos);
  const moves = plan.moves;
  const notes = [s1.note, await noClosureNote(d, plan)].filter((x): x is string => !!x);
  return {
    problem: 'migration',
    status: 'feasible',
    objective: d.objective === 'machines' ? cost : cost + d.alpha * moves,
    ...(d.objective === 'machines' ? { lexicographic: [cost, moves] as [number, number] } : {}),
    cost,
    moves,
    machinesUsed,
    rounds,
    assignment,
    targetReached: off.length === 0,
    ...(off.length ? { targetUnreached: record(off.map((i) => tName[i]!), off.map((i) => mName[plan.target[i]!]!)) } : {}),
    targetMethod: plan.method,
    targetOptimal: plan.optimal,
    ...(notes.length ? { targetNote: notes.join('; ') } : {}),
  };
}
