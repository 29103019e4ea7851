// Independent checker for migration plans. It shares no code with the solver: it reads
// the raw JSON itself and replays the rounds exactly as the README states them:
//  - rounds run in order from the current assignment; a round holds at most
//    maxParallel moves (default 1), each task at most once, `from` equal to the task's
//    machine before the round (null for a task not placed yet), `to` a machine other
//    than `from`;
//  - during a round a moving task holds its demand on both machines: every machine's
//    load (tasks before the round + tasks moving in) stays within capacity in every
//    resource;
//  - after the round the task is only on its destination, and no two tasks of a group
//    share a machine;
//  - at the end every task is placed, `assignment` equals the replayed state, and
//    moves, machinesUsed, cost and objective are recomputed: with `"objective":
//    "cost+moves"` (default) cost + alpha × moves; with `"machines"` the cost, and
//    `lexicographic` must be [cost, moves] (cost first, then moves).
// Names are looked up in Maps and with Object.hasOwn (a task named `__proto__` is a key
// like any other).
// Loads are compared with a relative tolerance of 1e-9 of the capacity (sums of
// fractional demands in another order may differ in the last bits).
import type { CheckReport } from '../types.js';
import { withContract, type InfeasibleVerdict } from '../../check/contract.js';
import { quote } from '../../check/quote.js';
import { nearWithin } from '../../check/near.js';
import { checkMigrationEnergy } from '../../check/energy.js';

const TOL = 1e-9;
const near = nearWithin(TOL);

/** The migration checker under the result contract (src/check/contract.ts). */
export const checkMigration = withContract('migration', checkSolved, { infeasible: infeasibleVerdict, statuses: ['feasible', 'infeasible'] });

/**
 * An infeasible claim: without new tasks the current state (valid by validation) is a plan
 * of no moves, so the claim is wrong; a new task whose demand exceeds every machine's
 * capacity in some resource proves it; otherwise it is not proved.
 */
function infeasibleVerdict(instance: any): InfeasibleVerdict {
  const machines: any[] = instance.machines ?? [];
  const tasks: any[] = instance.tasks ?? [];
  const fresh = tasks.map((t, i) => [t, i] as const).filter(([t]) => t.machine == null);
  if (fresh.length === 0) return { feasible: 'every task is placed already (the current state is a plan of no moves)' };
  for (const [t, i] of fresh) {
    const fits = machines.some((mc) => t.demand.every((d: number, r: number) => d <= mc.capacity[r] * (1 + TOL)));
    if (!fits) return { proved: `new task tasks[${i}] (${quote(t.name)}) exceeds every machine's capacity in some resource` };
  }
  return { unproved: 'every new task fits an empty machine; the checker does not search for a sequence of moves' };
}

function checkSolved(instance: any, solution: any): CheckReport {
  const fail = (reason: string): CheckReport => ({ valid: false, reason });
  if (solution.status !== 'feasible') return fail(`solution.status is "${solution.status}", expected "feasible"`);
  const resources: any[] = Array.isArray(instance?.resources) ? instance.resources : [];
  const machines: any[] = Array.isArray(instance?.machines) ? instance.machines : [];
  const tasks: any[] = Array.isArray(instance?.tasks) ? instance.tasks : [];
  const R = resources.length;
  const alpha: number = instance?.alpha ?? 0;
  const maxParallel: number = instance?.maxParallel ?? 1;

  const machineIndex = new Map<string, number>();
  machines.forEach((mc, j) => machineIndex.set(mc.name, j));
  const taskIndex = new Map<string, number>();
  tasks.forEach((t, i) => taskIndex.set(t.name, i));

  // replayed state: where each task is (undefined = not placed), loads, group occupancy
  const where: (number | undefined)[] = tasks.map((t) => (t.machine == null ? undefined : machineIndex.get(t.machine)));
  const loads: number[][] = machines.map(() => new Array(R).fill(0));
  tasks.forEach((t, i) => {
    const j = where[i];
    if (j !== undefined) for (let r = 0; r < R; r++) loads[j]![r] += t.demand[r];
  });
  const over = (j: number, load: number[]): number => {
    for (let r = 0; r < R; r++) {
      const c = machines[j].capacity[r];
      if (load[r]! > c + TOL * Math.max(1, Math.abs(c))) return r;
    }
    return -1;
  };
  for (let j = 0; j < machines.length; j++) {
    const r = over(j, loads[j]!);
    if (r >= 0) return fail(`the current state already exceeds machine ${quote(machines[j].name)} in resource ${quote(resources[r])}`);
  }
  const occupant = new Map<string, number>(); // `${group}\u0000${machine}` -> count
  const key = (g: string, j: number) => `${g}\u0000${j}`;
  tasks.forEach((t, i) => {
    if (t.group !== undefined && where[i] !== undefined) occupant.set(key(t.group, where[i]!), (occupant.get(key(t.group, where[i]!)) ?? 0) + 1);
  });

  if (!Array.isArray(solution.rounds)) return fail('solution.rounds is not an array');
  let moves = 0;
  for (let k = 0; k < solution.rounds.length; k++) {
    const round = solution.rounds[k];
    if (!Array.isArray(round)) return fail(`rounds[${k}] is not an array`);
    if (round.length > maxParallel) return fail(`rounds[${k}] has ${round.length} moves, more than maxParallel = ${maxParallel}`);
    const inRound = new Set<number>();
    const during = new Map<number, number[]>(); // machine -> load during the round
    const parsed: { i: number; from: number | undefined; to: number }[] = [];
    for (let q = 0; q < round.length; q++) {
      const mv = round[q];
      const at = `rounds[${k}][${q}]`;
      const i = taskIndex.get(mv?.task);
      if (i === undefined) return fail(`${at}.task ${quote(mv?.task)} is not a task of the instance`);
      if (inRound.has(i)) return fail(`${at}: task ${quote(mv.task)} moves twice in one round`);
      inRound.add(i);
      const from = mv.from === null ? undefined : machineIndex.get(mv.from);
      if (mv.from !== null && from === undefined) return fail(`${at}.from ${quote(mv.from)} is not a machine`);
      if (from !== where[i]) {
        const actual = where[i] === undefined ? 'not placed' : `on ${quote(machines[where[i]!].name)}`;
        return fail(`${at}: task ${quote(mv.task)} moves from ${mv.from === null ? 'null' : `${quote(mv.from)}`} but is ${actual}`);
      }
      const to = machineIndex.get(mv.to);
      if (to === undefined) return fail(`${at}.to ${quote(mv.to)} is not a machine`);
      if (to === from) return fail(`${at}: task ${quote(mv.task)} moves to the machine it is on`);
      let l = during.get(to);
      if (!l) during.set(to, (l = [...loads[to]!]));
      for (let r = 0; r < R; r++) l[r] += tasks[i].demand[r];
      parsed.push({ i, from, to });
    }
    for (const [j, l] of during) {
      const r = over(j, l);
      if (r >= 0) return fail(`rounds[${k}]: machine ${quote(machines[j].name)} exceeds its capacity in resource ${quote(resources[r])} during the round (${l[r]} > ${machines[j].capacity[r]})`);
    }
    // after the round
    for (const { i, from, to } of parsed) {
      const t = tasks[i];
      for (let r = 0; r < R; r++) {
        if (from !== undefined) loads[from]![r] -= t.demand[r];
        loads[to]![r] += t.demand[r];
      }
      if (t.group !== undefined) {
        if (from !== undefined) occupant.set(key(t.group, from), occupant.get(key(t.group, from))! - 1);
        occupant.set(key(t.group, to), (occupant.get(key(t.group, to)) ?? 0) + 1);
      }
      where[i] = to;
      moves++;
    }
    for (const { i, to } of parsed) {
      const g = tasks[i].group;
      if (g !== undefined && occupant.get(key(g, to))! > 1) return fail(`after rounds[${k}]: two tasks of group ${quote(g)} are on machine ${quote(machines[to].name)}`);
    }
  }

  // final state
  const assignment = solution.assignment;
  if (!assignment || typeof assignment !== 'object') return fail('solution.assignment is not an object');
  if (Object.keys(assignment).length !== tasks.length) return fail(`assignment has ${Object.keys(assignment).length} tasks, the instance ${tasks.length}`);
  const used = new Set<number>();
  for (let i = 0; i < tasks.length; i++) {
    const j = where[i];
    if (j === undefined) return fail(`task ${quote(tasks[i].name)} is not placed after the last round`);
    const got = Object.hasOwn(assignment, tasks[i].name) ? assignment[tasks[i].name] : undefined; // `__proto__` is a name like any other
    if (got !== machines[j].name) {
      return fail(`assignment[${quote(tasks[i].name)}] is ${quote(got)}, the replayed plan leaves it on ${quote(machines[j].name)}`);
    }
    used.add(j);
  }
  let cost = 0;
  for (const j of used) cost += machines[j].cost ?? 1;
  const lexicographic = instance?.objective === 'machines';
  const objective = lexicographic ? cost : cost + alpha * moves;
  if (solution.moves !== moves) return fail(`moves is ${solution.moves}, the rounds hold ${moves}`);
  if (solution.machinesUsed !== used.size) return fail(`machinesUsed is ${solution.machinesUsed}, recomputed ${used.size}`);
  if (!near(solution.cost, cost)) return fail(`cost is ${solution.cost}, recomputed ${cost}`);
  if (!near(solution.objective, objective)) return fail(`objective is ${solution.objective}, recomputed ${objective}`);
  if (lexicographic) {
    const lex = solution.lexicographic;
    if (!Array.isArray(lex) || lex.length !== 2 || !near(lex[0], cost) || lex[1] !== moves) {
      return fail(`lexicographic is ${JSON.stringify(lex)}, recomputed [${cost}, ${moves}] (objective "machines": cost, then moves)`);
    }
  } else if (solution.lexicographic !== undefined) return fail('lexicographic is present, but the instance\'s objective is "cost+moves"');
  const claims = checkTargetClaims(instance, solution, tasks, machines, resources, where as number[], lexicographic, alpha);
  if (claims) return fail(claims);
  const energy = checkMigrationEnergy(instance, solution);
  if (energy) return fail(energy);
  return { valid: true, reason: 'ok', objective };
}

/** A stage-1 score: the machines' cost and the tasks not on their current machine (a new task counts). */
interface Stage1Score { cost: number; moved: number }

/**
 * The claims about the first stage's target (docs/migration.md, "What the checker verifies"):
 * - targetReached is recomputed: the target is `assignment` with `targetUnreached` (task →
 *   its target machine, for the tasks the plan leaves elsewhere); targetReached is true exactly
 *   when targetUnreached is absent, and a target given must be a feasible state (capacities,
 *   groups) whose listed machines differ from the end's;
 * - targetMethod is "exact" or "heuristic", targetOptimal a boolean, and an instance with
 *   `"target": "heuristic"` (HiGHS never runs) has neither "exact" nor an optimality claim;
 * - targetOptimal true is refuted when a feasible assignment the checker knows (the end
 *   assignment; the current state when every task is placed) has a better stage-1 objective
 *   (cost + alpha × tasks off their current machine; objective "machines": cost, then tasks).
 * Whether a target claimed optimal is optimal is not decided (that needs the integer program).
 * Returns the reason of the first failed claim, or undefined.
 */
function checkTargetClaims(instance: any, solution: any, tasks: any[], machines: any[], resources: any[], end: number[], lexicographic: boolean, alpha: number): string | undefined {
  if (typeof solution.targetReached !== 'boolean') return 'targetReached is not a boolean';
  const method = solution.targetMethod;
  if (method !== undefined && method !== 'exact' && method !== 'heuristic') return `targetMethod is ${quote(String(method))}, expected "exact" or "heuristic"`;
  const optimal = solution.targetOptimal;
  if (optimal !== undefined && typeof optimal !== 'boolean') return 'targetOptimal is not a boolean';
  if (instance?.target === 'heuristic') {
    if (method === 'exact') return 'targetMethod is "exact", but the instance\'s target is "heuristic" (HiGHS is not run)';
    if (optimal === true) return 'targetOptimal is true, but the instance\'s target is "heuristic" (HiGHS is not run, nothing proves the target optimal)';
  }
  const machineIndex = new Map<string, number>();
  machines.forEach((mc, j) => machineIndex.set(mc.name, j));
  const taskIndex = new Map<string, number>();
  tasks.forEach((t, i) => taskIndex.set(t.name, i));
  // the target: the end assignment with the unreached tasks on their target machines
  const target = [...end];
  const unreached = solution.targetUnreached;
  const listed = unreached !== null && typeof unreached === 'object' && !Array.isArray(unreached) ? Object.keys(unreached) : [];
  if (solution.targetReached) {
    if (unreached !== undefined) return `targetReached is true but targetUnreached lists ${listed.length} task${listed.length === 1 ? '' : 's'} (absent when the target is reached)`;
  } else {
    if (listed.length === 0) return 'targetReached is false but targetUnreached is missing or empty (it lists the tasks the plan leaves off the target, with their target machines)';
    for (const name of listed) {
      const i = taskIndex.get(name);
      if (i === undefined) return `targetUnreached[${quote(name)}]: not a task of the instance`;
      const j = machineIndex.get(unreached[name]);
      if (j === undefined) return `targetUnreached[${quote(name)}] is ${quote(String(unreached[name]))}, not a machine`;
      if (j === end[i]) return `targetUnreached[${quote(name)}] is ${quote(machines[j].name)}, where the plan leaves it (the target is reached for that task)`;
      target[i] = j;
    }
    const R = resources.length;
    const loads: number[][] = machines.map(() => new Array(R).fill(0));
    const groups = new Set<string>();
    for (let i = 0; i < tasks.length; i++) {
      const j = target[i]!;
      for (let r = 0; r < R; r++) loads[j]![r] += tasks[i].demand[r];
      const g = tasks[i].group;
      if (g !== undefined) {
        const k = `${g}\u0000${j}`;
        if (groups.has(k)) return `the target (assignment with targetUnreached) puts two tasks of group ${quote(g)} on machine ${quote(machines[j].name)}`;
        groups.add(k);
      }
    }
    for (let j = 0; j < machines.length; j++) {
      for (let r = 0; r < R; r++) {
        const c = machines[j].capacity[r];
        if (loads[j]![r]! > c + TOL * Math.max(1, Math.abs(c))) return `the target (assignment with targetUnreached) exceeds machine ${quote(machines[j].name)} in resource ${quote(resources[r])} (${loads[j]![r]} > ${c})`;
      }
    }
  }
  if (optimal !== true) return undefined;
  const current = tasks.map((t) => (t.machine == null ? undefined : machineIndex.get(t.machine)));
  const scoreOf = (a: (number | undefined)[]): Stage1Score => {
    const used = new Set<number>();
    let moved = 0;
    a.forEach((j, i) => {
      used.add(j!);
      if (j !== current[i]) moved++;
    });
    let cost = 0;
    for (const j of used) cost += machines[j].cost ?? 1;
    return { cost, moved };
  };
  const value = (x: Stage1Score) => x.cost + alpha * x.moved;
  // a strictly better than b (ties within the checker's tolerance)
  const better = (a: Stage1Score, b: Stage1Score): boolean => {
    if (lexicographic) {
      const tol = TOL * Math.max(1, Math.abs(a.cost), Math.abs(b.cost));
      return a.cost < b.cost - tol || (Math.abs(a.cost - b.cost) <= tol && a.moved < b.moved);
    }
    return value(a) < value(b) - TOL * Math.max(1, Math.abs(value(b)));
  };
  const show = (x: Stage1Score) => (lexicographic ? `cost ${x.cost}, ${x.moved} tasks moved` : `stage-1 objective ${value(x)}`);
  const showTarget = (x: Stage1Score) => (lexicographic ? `cost ${x.cost}, ${x.moved} tasks moved` : `${value(x)}`);
  const t = scoreOf(target);
  const known: [string, (number | undefined)[]][] = [['the end assignment', end]];
  if (current.every((j) => j !== undefined)) known.push(['the current state', current]);
  for (const [what, a] of known) {
    const s = scoreOf(a);
    if (better(s, t)) return `targetOptimal is true, but ${what} (${show(s)}) is better than the target (${showTarget(t)})`;
  }
  return undefined;
}
