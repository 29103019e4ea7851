// Test and bench helpers for migration (docs/migration.md): a seeded generator of dense
// clusters (feasible current state, groups, new tasks), the LP machine lower bound, and
// the exact target MILP solved by HiGHS (CPLEX LP format).
import { num, getHighs, lpRow } from './highs.js';

export interface MInstance {
  problem: 'migration';
  resources: string[];
  alpha?: number;
  maxParallel?: number;
  machines: { name: string; cost?: number; capacity: number[] }[];
  tasks: { name: string; demand: number[]; machine?: string | null; group?: string }[];
}

export interface GenOptions {
  tasks: number;
  machines: number;
  resources: number;
  /** target mean utilization of the current state (0..1) */
  util?: number;
  /** probability that a task starts a group (then 2..groupMax members) */
  groupRate?: number;
  groupMax?: number;
  /** fraction of tasks that are new (no machine) */
  newRate?: number;
  alpha?: number;
  maxParallel?: number;
  /** machine costs: 'unit' or 'varied' (1..3, bigger machines cost more) */
  costs?: 'unit' | 'varied';
  /** integer demands/capacities (default true) */
  integer?: boolean;
}

/**
 * A random cluster: 1–3 machine types, task demands drawn so that the total is about
 * util × total capacity, placed by random first fit (so the current state is feasible
 * and spread out). Tasks that do not fit anywhere become new tasks.
 */
export function generateMigration(rand: () => number, o: GenOptions): MInstance {
  const R = o.resources;
  const integer = o.integer ?? true;
  const util = o.util ?? 0.4;
  const types = 1 + Math.floor(rand() * 3);
  const typeCap: number[][] = [];
  for (let k = 0; k < types; k++) typeCap.push(Array.from({ length: R }, () => (integer ? 50 + Math.floor(rand() * 150) : 50 + rand() * 150)));
  const machines: MInstance['machines'] = [];
  for (let j = 0; j < o.machines; j++) {
    const k = Math.floor(rand() * types);
    const capacity = typeCap[k]!.map((c) => c);
    const cost = o.costs === 'varied' ? Math.round((1 + k) * 10) / 10 : 1;
    machines.push({ name: `m${j}`, cost, capacity });
  }
  const meanCap = Array.from({ length: R }, (_, r) => machines.reduce((s, mc) => s + mc.capacity[r]!, 0) / Math.max(1, o.machines));
  const perTask = o.tasks > 0 ? (util * o.machines) / o.tasks : 0; // mean share of a machine per task
  const tasks: MInstance['tasks'] = [];
  const load = machines.map(() => new Array(R).fill(0));
  const groupOn = new Map<string, Set<number>>();
  let g = 0;
  let groupLeft = 0;
  let groupName: string | undefined;
  for (let i = 0; i < o.tasks; i++) {
    if (groupLeft === 0 && rand() < (o.groupRate ?? 0.2)) {
      groupLeft = 2 + Math.floor(rand() * ((o.groupMax ?? 4) - 1));
      groupName = `g${g++}`;
    }
    const group = groupLeft > 0 ? groupName : undefined;
    if (groupLeft > 0) groupLeft--;
    // demand: a skewed share (dominant resources differ between tasks)
    const demand = meanCap.map((c) => {
      const x = perTask * c * 2 * rand() * (rand() < 0.3 ? 1.8 : 0.7);
      return integer ? Math.max(0, Math.round(x)) : Math.round(x * 1000) / 1000;
    });
    const t: MInstance['tasks'][number] = { name: `t${i}`, demand };
    if (group) t.group = group;
    const isNew = rand() < (o.newRate ?? 0);
    if (isNew) {
      // a new task: small enough to fit an empty machine of every type
      for (let r = 0; r < R; r++) demand[r] = Math.min(demand[r]!, Math.min(...typeCap.map((c) => c[r]!)) / 2);
      if (integer) for (let r = 0; r < R; r++) demand[r] = Math.floor(demand[r]!);
    } else {
      const start = Math.floor(rand() * o.machines);
      for (let k = 0; k < o.machines; k++) {
        const j = (start + k) % o.machines;
        if (group && groupOn.get(group)?.has(j)) continue;
        if (demand.every((d, r) => load[j]![r] + d <= machines[j]!.capacity[r]!)) {
          demand.forEach((d, r) => (load[j]![r] += d));
          t.machine = `m${j}`;
          if (group) {
            if (!groupOn.has(group)) groupOn.set(group, new Set());
            groupOn.get(group)!.add(j);
          }
          break;
        }
      }
      if (t.machine === undefined) continue; // did not fit: leave it out
    }
    tasks.push(t);
  }
  return {
    problem: 'migration',
    resources: Array.from({ length: R }, (_, r) => `r${r}`),
    alpha: o.alpha ?? 0.01,
    maxParallel: o.maxParallel ?? 1,
    machines,
    tasks,
  };
}

/**
 * LP lower bound on the machines used: for each resource, the fewest machines whose
 * capacities, largest first, add up to the total demand (no set of fewer machines has
 * room for it); at least the largest group's size; the maximum over these.
 */
export function machineLowerBound(inst: MInstance): number {
  const R = inst.resources.length;
  let lb = inst.tasks.length > 0 ? 1 : 0;
  for (let r = 0; r < R; r++) {
    const total = inst.tasks.reduce((s, t) => s + t.demand[r]!, 0);
    const caps = inst.machines.map((m) => m.capacity[r]!).sort((a, b) => b - a);
    let k = 0;
    let sum = 0;
    while (sum < total - 1e-9 && k < caps.length) sum += caps[k++]!;
    lb = Math.max(lb, k);
  }
  const groups = new Map<string, number>();
  for (const t of inst.tasks) if (t.group) groups.set(t.group, (groups.get(t.group) ?? 0) + 1);
  for (const c of groups.values()) lb = Math.max(lb, c);
  return lb;
}

/**
 * The LP bound on the machine cost (HiGHS): min Σ_j p_j z_j s.t. Σ_j c_jr z_j >= Σ_i d_ir
 * for every resource r, 0 <= z_j <= 1 — the capacity relaxation with fractional
 * machines, all resources at once (never below machineLowerBound's per-resource count
 * with unit costs). With unit costs, ceil(LP) is a lower bound on the machines used.
 */
export async function machineLpBound(inst: MInstance): Promise<number> {
  const R = inst.resources.length;
  const m = inst.machines.length;
  const obj = inst.machines.map((mc, j) => `+ ${num(mc.cost ?? 1)} z${j}`);
  const rows: string[] = [];
  for (let r = 0; r < R; r++) {
    const total = inst.tasks.reduce((s, t) => s + t.demand[r]!, 0);
    rows.push(...lpRow(`r${r}`, inst.machines.map((mc, j) => `+ ${num(mc.capacity[r]!)} z${j}`), ` >= ${num(total)}`));
  }
  const objLines = lpRow('obj', obj);
  const bounds = Array.from({ length: m }, (_, j) => ` 0 <= z${j} <= 1`);
  const lp = ['Minimize', ...objLines, 'Subject To', ...rows, 'Bounds', ...bounds, 'End', ''].join('\n');
  const highs = await getHighs();
  const sol = highs.solve(lp, { output_flag: false });
  if (sol.Status !== 'Optimal') throw new Error(`HiGHS status ${sol.Status}`);
  return sol.ObjectiveValue;
}


/**
 * Optimal stage-1 objective (docs/migration.md): min Σ p_j z_j + α Σ_i [y_i != x_i] over
 * binary y_ij, z_j with capacities, y_ij <= z_j, groups on distinct machines. New tasks
 * count one move each. Returns null when the instance has no feasible assignment.
 */
export async function migrationMilp(inst: MInstance, timeLimit = 30): Promise<number | null> {
  const R = inst.resources.length;
  const alpha = inst.alpha ?? 0;
  const mIdx = new Map(inst.machines.map((m, j) => [m.name, j]));
  const obj: string[] = [];
  const rows: string[] = [];
  const bin: string[] = [];
  let constant = 0;
  inst.machines.forEach((m, j) => {
    obj.push(`+ ${num(m.cost ?? 1)} z${j}`);
    bin.push(`z${j}`);
  });
  inst.tasks.forEach((t, i) => {
    const row: string[] = [];
    inst.machines.forEach((_, j) => {
      row.push(`+ x${i}_${j}`);
      bin.push(`x${i}_${j}`);
      rows.push(`l${i}_${j}: x${i}_${j} - z${j} <= 0`);
    });
    rows.push(`a${i}: ${row.join(' ')} = 1`);
    const c = t.machine == null ? undefined : mIdx.get(t.machine);
    constant += alpha;
    if (c !== undefined && alpha > 0) obj.push(`- ${num(alpha)} x${i}_${c}`);
  });
  inst.machines.forEach((m, j) => {
    for (let r = 0; r < R; r++) {
      const terms = inst.tasks.map((t, i) => (t.demand[r]! > 0 ? `+ ${num(t.demand[r]!)} x${i}_${j}` : '')).filter(Boolean);
      if (terms.length === 0) continue;
      rows.push(`c${j}_${r}: ${terms.join(' ')} - ${num(m.capacity[r]!)} z${j} <= 0`);
    }
  });
  const groups = new Map<string, number[]>();
  inst.tasks.forEach((t, i) => {
    if (t.group) (groups.get(t.group) ?? groups.set(t.group, []).get(t.group)!).push(i);
  });
  let gk = 0;
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    inst.machines.forEach((_, j) => rows.push(`g${gk++}: ${members.map((i) => `+ x${i}_${j}`).join(' ')} <= 1`));
  }
  // LP format: keep lines short (8 terms a line)
  const wrap = (text: string) => {
    const parts = text.split(/ (?=[+-] )/);
    const out: string[] = [];
    for (let k = 0; k < parts.length; k += 8) out.push(' ' + parts.slice(k, k + 8).join(' '));
    return out.join('\n');
  };
  const lp = ['Minimize', wrap(`obj: ${obj.join(' ')}`), 'Subject To', ...rows.map(wrap), 'Binary', ...bin.map((b) => ` ${b}`), 'End', ''].join('\n');
  const highs = await getHighs();
  const sol = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, time_limit: timeLimit });
  if (sol.Status === 'Infeasible') return null;
  if (sol.Status !== 'Optimal') throw new Error(`HiGHS status ${sol.Status}`);
  return sol.ObjectiveValue + constant;
}

/** Apply `f` to a deep copy of the value (for corrupting plans in checker tests). */
export function tamper<T>(value: T, f: (v: T) => void): T {
  const copy = structuredClone(value);
  f(copy);
  return copy;
}

export interface DenseOptions {
  machines: number;
  /** mean tasks per machine (each machine gets mean ± spread·mean, uniformly) */
  perMachine: number;
  spread?: number;
  resources: number;
  /** mean load of the current state per resource (0..1) */
  load?: number;
  /** largest anti-affinity group (groups of 2..groupMax tasks on distinct machines) */
  groupMax?: number;
  /** fraction of tasks in a group */
  groupShare?: number;
  alpha?: number;
  maxParallel?: number;
}

/**
 * A dense cluster (issue 14 §3): identical machines (capacity 1000 per resource), each
 * holding perMachine ± spread tasks whose demands add up to about `load` of its capacity
 * in every resource (per task a share drawn from [0.3, 1.7] of the machine's mean, so
 * tasks differ and a machine's resources are not all equally full), anti-affinity groups
 * of 2..groupMax tasks taken from distinct machines. The current state is feasible by
 * construction.
 */
export function generateDenseCluster(rand: () => number, o: DenseOptions): MInstance {
  const R = o.resources;
  const spread = o.spread ?? 0.15;
  const load = o.load ?? 0.83;
  const CAP = 1000;
  const machines: MInstance['machines'] = Array.from({ length: o.machines }, (_, j) => ({ name: `m${j}`, cost: 1, capacity: new Array(R).fill(CAP) }));
  const tasks: MInstance['tasks'] = [];
  const onMachine: number[][] = [];
  for (let j = 0; j < o.machines; j++) {
    const k = Math.max(1, Math.round(o.perMachine * (1 - spread + 2 * spread * rand())));
    const w: number[][] = Array.from({ length: k }, () => Array.from({ length: R }, () => 0.3 + 1.4 * rand()));
    const ids: number[] = [];
    for (let r = 0; r < R; r++) {
      // this machine's load in resource r: load ± 8 %, never above 0.99
      const target = Math.min(0.99, load * (0.92 + 0.16 * rand())) * CAP;
      const sum = w.reduce((s, x) => s + x[r]!, 0);
      for (let i = 0; i < k; i++) w[i]![r] = Math.floor((w[i]![r]! / sum) * target * 1000) / 1000;
    }
    for (let i = 0; i < k; i++) {
      ids.push(tasks.length);
      tasks.push({ name: `t${tasks.length}`, demand: w[i]!, machine: `m${j}` });
    }
    onMachine.push(ids);
  }
  // groups: pick a size, then one ungrouped task from each of that many distinct machines
  const groupMax = Math.min(o.groupMax ?? 50, o.machines);
  const want = Math.floor((o.groupShare ?? 0.3) * tasks.length);
  const next = onMachine.map(() => 0);
  let grouped = 0;
  let g = 0;
  while (grouped < want && groupMax >= 2) {
    const size = 2 + Math.floor(rand() * (groupMax - 1));
    const start = Math.floor(rand() * o.machines);
    const members: number[] = [];
    for (let q = 0; q < o.machines && members.length < size; q++) {
      const j = (start + q * 7919) % o.machines;
      if (next[j]! < onMachine[j]!.length) members.push(onMachine[j]![next[j]!++]!);
    }
    if (members.length < 2) break;
    for (const i of members) tasks[i]!.group = `g${g}`;
    g++;
    grouped += members.length;
  }
  return {
    problem: 'migration',
    resources: Array.from({ length: R }, (_, r) => `r${r}`),
    alpha: o.alpha ?? 0.001,
    maxParallel: o.maxParallel ?? 8,
    machines,
    tasks,
  };
}
