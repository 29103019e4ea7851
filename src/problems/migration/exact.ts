// Task migration, stage 1 exact: the target as an integer program made small by grouping
// identical tasks (docs/migration.md), solved by HiGHS (npm `highs`, an
// optional dependency loaded only when needed).
//
// Classes: tasks with the same demand vector, the same current machine (or none: new)
// and the same group (or none) are interchangeable; a class k of |k| tasks gets one
// integer count n_kj ∈ 0..u_kj per machine j, u_kj = min(|k|, max copies that fit an
// empty j, 1 when the class is in a group). Model:
//   min Σ_j cost_j y_j + α Σ_k (|k| − n_{k,cur(k)})          (new tasks: one move each)
//   Σ_j n_kj = |k|                                   every task placed
//   Σ_k d_kr n_kj ≤ C_jr y_j                          per machine and binding resource
//   n_kj ≤ u_kj y_j                                  linking (tightens the LP, and covers
//                                                    resources dropped as non-binding)
//   Σ_{k ∈ g} n_kj ≤ 1                               per group with ≥ 2 tasks and machine
//   y_j binary, n_kj integer.
// A resource whose total demand (all tasks) is at most every machine's capacity can
// never bind and gets no rows. Tasks of one group on one current machine cannot exist,
// so merging the tasks of a group only merges its new tasks (same demand), and the
// group row keeps them on distinct machines exactly.
// The counts become a per-task target: a class keeps min(n_{k,cur}, |k|) of its tasks
// on their current machine, the others fill the machines with remaining counts.
//
// Objective "machines" (cost first, then moves): two solves, min Σ cost_j y_j, then min
// moves subject to Σ cost_j y_j <= that optimum (the second within the time left).
//
// Size and time: the model is estimated before it is built (buildClasses counts its
// integer variables and nonzeros); exactRefusal refuses it (the caller keeps the
// heuristic target and says why) above EXACT_MAX_NONZEROS (memory bound) or when writing
// and reading it alone would take longer than the time limit (so that the exact stage
// stays within about 2 × timeLimitMs). HiGHS rejects matrix coefficients of 1e15 and
// more: capacity rows are scaled by a power of two (exact in floating point).
import { GreenplanError } from '../../core/errors.js';
import { DEFAULT_TIME_LIMIT_MS, type DenseMigration } from './dense.js';

export { DEFAULT_TIME_LIMIT_MS };

/** The part of the `highs` package used here (its d.ts does not type the CJS default well under NodeNext). */
interface Highs {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}
let highsPromise: Promise<Highs> | undefined;

/** Load HiGHS once (dynamic import: only instances that ask for the exact target pay for it). */
export async function loadHighs(): Promise<Highs> {
  highsPromise ??= (async () => {
    let mod: unknown;
    try {
      // a variable specifier: bundlers (vite, esbuild) leave the optional solver out of
      // browser bundles instead of trying to pack its Emscripten build
      const name = 'highs';
      mod = await import(/* @vite-ignore */ /* webpackIgnore: true */ name);
    } catch (e) {
      throw new GreenplanError(
        'unavailable',
        `target "exact" needs the optional dependency "highs" (HiGHS MILP solver), which could not be loaded: install it with \`npm install highs\` (${(e as Error).message})`,
        'target',
      );
    }
    const loader = ((mod as { default?: unknown }).default ?? mod) as () => Promise<Highs>;
    return loader();
  })();
  try {
    return await highsPromise;
  } catch (e) {
    highsPromise = undefined; // allow a later retry
    throw e;
  }
}

/** The grouped model before it is written out. */
export interface ExactModel {
  /** number of classes */
  K: number;
  /** class of each task */
  cls: Int32Array;
  /** tasks of class k: members[start[k] .. start[k+1]) */
  start: Int32Array;
  members: Int32Array;
  /** resources that can bind (the others get no capacity rows) */
  binding: number[];
  /** integer variables: Σ_k #{j: u_kj > 0} + m (counted up to just past the cap given to buildClasses) */
  intVars: number;
  /** nonzeros of the constraint matrix (an estimate of the model's size, counted as far as intVars) */
  nonzeros: number;
}

/**
 * Group identical tasks into classes (demand vector, current machine, group). Counting
 * the integer variables stops once they exceed `varCap` (the caller only asks whether
 * the model is small).
 */
export function buildClasses(d: DenseMigration, varCap = EXACT_MAX_VARS): ExactModel {
  const { n, m, R } = d;
  const index = new Map<string, number>();
  const cls = new Int32Array(n);
  const count: number[] = [];
  for (let i = 0; i < n; i++) {
    let key = `${d.cur[i]}|${d.grp[i]}`;
    for (let r = 0; r < R; r++) key += `|${d.demand[i * R + r]}`;
    let k = index.get(key);
    if (k === undefined) {
      index.set(key, (k = count.length));
      count.push(0);
    }
    cls[i] = k;
    count[k]!++;
  }
  const K = count.length;
  const start = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) start[k + 1] = start[k]! + count[k]!;
  const fill = start.slice(0, K);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[cls[i]!]!++] = i;
  const binding: number[] = [];
  for (let r = 0; r < R; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += d.demand[i * R + r]!;
    let minCap = Infinity;
    for (let j = 0; j < m; j++) minCap = Math.min(minCap, d.capacity[j * R + r]!);
    if (total > minCap) binding.push(r);
  }
  // size: per variable n_kj its assignment row, its linking row (2: n and y), its
  // capacity rows (binding resources it demands) and its group row
  const G = d.gStart.length - 1;
  const groupSize = new Int32Array(Math.max(0, G));
  for (let g = 0; g < G; g++) groupSize[g] = d.gStart[g + 1]! - d.gStart[g]!;
  let intVars = m;
  let nonzeros = 0;
  for (let k = 0; k < K && intVars <= varCap; k++) {
    const i = members[start[k]!]!;
    let per = 3;
    for (const r of binding) if (d.demand[i * R + r]! > 0) per++;
    if (d.grp[i]! >= 0 && groupSize[d.grp[i]!]! >= 2) per++;
    for (let j = 0; j < m; j++) {
      if (upper(d, i, start[k + 1]! - start[k]!, j) > 0) {
        intVars++;
        nonzeros += per;
      }
    }
  }
  nonzeros += m * binding.length; // the y terms of the capacity rows
  return { K, cls, start, members, binding, intVars, nonzeros };
}

/** u_kj: copies of the class (representative task i, size s) that fit machine j alone. */
function upper(d: DenseMigration, i: number, s: number, j: number): number {
  let u = d.grp[i]! >= 0 ? 1 : s;
  for (let r = 0; r < d.R && u > 0; r++) {
    const dem = d.demand[i * d.R + r]!;
    if (dem > 0) u = Math.min(u, Math.floor(d.capacity[j * d.R + r]! / dem + 1e-12));
  }
  return Math.max(0, u);
}

/** A plain decimal for LP format (no exponent notation). */
function num(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, '');
}

/** The largest power of two (at most 1) that brings maxAbs below 2^49 ≈ 5.6e14 (HiGHS rejects 1e15 and more). */
function rowScale(maxAbs: number): number {
  let s = 1;
  while (maxAbs * s >= 562949953421312) s /= 2;
  return s;
}

/**
 * CPLEX LP text of the grouped model (lines of at most 8 terms). `costCap` (objective
 * "machines", second solve): the machines' cost bounded by it and the objective is the moves.
 */
export function writeLp(d: DenseMigration, mdl: ExactModel, phase: 'value' | 'cost' | { costCap: number } = 'value'): string {
  const { m, R } = d;
  const { K, start, members, binding } = mdl;
  const lines: string[] = [];
  const row = (name: string, terms: string[], rhs: string) => {
    for (let q = 0; q < terms.length; q += 8) lines.push((q === 0 ? ` ${name}: ` : ' ') + terms.slice(q, q + 8).join(' '));
    lines[lines.length - 1] += ` ${rhs}`;
  };
  const u: number[][] = [];
  for (let k = 0; k < K; k++) {
    const i = members[start[k]!]!;
    const s = start[k + 1]! - start[k]!;
    u.push(Array.from({ length: m }, (_, j) => upper(d, i, s, j)));
  }
  const obj: string[] = [];
  // objective: Σ cost_j y_j (phases 'value' and 'cost') − α' Σ n_{k,cur(k)} (α' = α for
  // 'value', 1 for the moves phase of "machines", 0 for 'cost'); constants dropped
  const costCap = typeof phase === 'object' ? phase.costCap : undefined;
  if (costCap === undefined) for (let j = 0; j < m; j++) obj.push(`+ ${num(d.cost[j]!)} y${j}`);
  const stay = phase === 'value' ? d.alpha : phase === 'cost' ? 0 : 1;
  if (stay > 0) {
    for (let k = 0; k < K; k++) {
      const c = d.cur[members[start[k]!]!]!;
      if (c >= 0 && u[k]![c]! > 0) obj.push(`- ${num(stay)} n${k}_${c}`);
    }
  }
  if (obj.length === 0) obj.push('0 y0');
  lines.push('Minimize');
  row('obj', obj, '');
  lines.push('Subject To');
  if (costCap !== undefined) {
    let maxCost = 0;
    for (let j = 0; j < m; j++) maxCost = Math.max(maxCost, d.cost[j]!);
    const sc = rowScale(Math.max(maxCost, costCap));
    const terms: string[] = [];
    for (let j = 0; j < m; j++) if (d.cost[j]! > 0) terms.push(`+ ${num(d.cost[j]! * sc)} y${j}`);
    if (terms.length > 0) row('cap', terms, `<= ${num(costCap * sc)}`);
  }
  for (let k = 0; k < K; k++) {
    const terms: string[] = [];
    for (let j = 0; j < m; j++) if (u[k]![j]! > 0) terms.push(`+ n${k}_${j}`);
    // a class that fits no machine: an infeasible row HiGHS reports as such
    if (terms.length === 0) terms.push('+ y0');
    row(`a${k}`, terms, terms[0] === '+ y0' && terms.length === 1 ? `>= 2` : `= ${start[k + 1]! - start[k]!}`);
    for (let j = 0; j < m; j++) if (u[k]![j]! > 0) lines.push(` l${k}_${j}: n${k}_${j} - ${u[k]![j]} y${j} <= 0`);
  }
  for (let j = 0; j < m; j++) {
    for (const r of binding) {
      const terms: string[] = [];
      let maxAbs = d.capacity[j * R + r]!;
      for (let k = 0; k < K; k++) if (u[k]![j]! > 0) maxAbs = Math.max(maxAbs, d.demand[members[start[k]!]! * R + r]!);
      const sc = rowScale(maxAbs);
      for (let k = 0; k < K; k++) {
        const dem = d.demand[members[start[k]!]! * R + r]!;
        if (dem > 0 && u[k]![j]! > 0) terms.push(`+ ${num(dem * sc)} n${k}_${j}`);
      }
      if (terms.length === 0) continue;
      terms.push(`- ${num(d.capacity[j * R + r]! * sc)} y${j}`);
      row(`c${j}_${r}`, terms, '<= 0');
    }
  }
  const G = d.gStart.length - 1;
  for (let g = 0; g < G; g++) {
    if (d.gStart[g + 1]! - d.gStart[g]! < 2) continue;
    const ks = new Set<number>();
    for (let q = d.gStart[g]!; q < d.gStart[g + 1]!; q++) ks.add(mdl.cls[d.gMem[q]!]!);
    for (let j = 0; j < m; j++) {
      const terms = [...ks].filter((k) => u[k]![j]! > 0).map((k) => `+ n${k}_${j}`);
      if (terms.length >= 2) row(`g${g}_${j}`, terms, '<= 1');
    }
  }
  lines.push('Bounds');
  for (let k = 0; k < K; k++) for (let j = 0; j < m; j++) if (u[k]![j]! > 0) lines.push(` 0 <= n${k}_${j} <= ${u[k]![j]}`);
  lines.push('General');
  for (let k = 0; k < K; k++) for (let j = 0; j < m; j++) if (u[k]![j]! > 0) lines.push(` n${k}_${j}`);
  lines.push('Binary');
  for (let j = 0; j < m; j++) lines.push(` y${j}`);
  lines.push('End', '');
  return lines.join('\n');
}

export interface ExactResult {
  /** per-task target, or null when HiGHS found no feasible assignment in time */
  target: Int32Array | null;
  /** HiGHS proved `target` optimal */
  optimal: boolean;
  /** HiGHS proved that no assignment exists */
  infeasible: boolean;
  /** HiGHS status string */
  status: string;
  /** HiGHS threw (e.g. it could not read the model): its message */
  error?: string;
  classes: number;
  intVars: number;
  ms: number;
}

/**
 * Solve the grouped stage-1 MILP with HiGHS within `timeLimitMs`. The returned target
 * is re-checked here (every task placed within capacity, groups apart); a time-limited
 * run returns HiGHS's best assignment if it has one, with optimal = false.
 * The heuristic target is not passed in: the one-shot highs-js API has no MIP start, and
 * its `objective_bound` is no safe cutoff (measured: a bound below the optimum makes it
 * return a worse assignment with status "Optimal"). The caller compares instead.
 */
export async function exactTarget(d: DenseMigration, timeLimitMs: number, model?: ExactModel): Promise<ExactResult> {
  const t0 = performance.now();
  const mdl = model ?? buildClasses(d);
  const base = { classes: mdl.K, intVars: mdl.intVars };
  if (d.n === 0) return { target: new Int32Array(0), optimal: true, infeasible: false, status: 'Optimal', ...base, ms: 0 };
  if (d.m === 0) return { target: null, optimal: false, infeasible: true, status: 'Infeasible', ...base, ms: 0 };
  const highs = await loadHighs();
  const left = () => Math.max(0.001, (timeLimitMs - (performance.now() - t0)) / 1000 - readSeconds(mdl));
  const run = (lp: string) => {
    try {
      return highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, time_limit: left() });
    } catch (e) {
      highsPromise = undefined; // a fresh instance next time (the failed one may be unusable)
      return { error: String((e as Error)?.message ?? e).slice(0, 200) };
    }
  };
  let sol = run(writeLp(d, mdl, d.objective === 'machines' ? 'cost' : 'value'));
  if ('error' in sol) return { target: null, optimal: false, infeasible: false, status: 'Error', error: sol.error, ...base, ms: performance.now() - t0 };
  if (sol.Status === 'Infeasible') return { target: null, optimal: false, infeasible: true, status: sol.Status, ...base, ms: performance.now() - t0 };
  let target = countsToTarget(d, mdl, (k, j) => sol.Columns[`n${k}_${j}`]?.Primal ?? 0);
  let optimal = sol.Status === 'Optimal' && target !== null;
  let status = sol.Status;
  if (d.objective === 'machines' && optimal) {
    // second solve: the fewest moves at the optimal cost (the cost re-read from the target)
    let cost = 0;
    const used = new Uint8Array(d.m);
    for (let i = 0; i < d.n; i++) used[target![i]!] = 1;
    for (let j = 0; j < d.m; j++) if (used[j]) cost += d.cost[j]!;
    const second = run(writeLp(d, mdl, { costCap: cost * (1 + 1e-12) + 1e-12 }));
    if (!('error' in second) && second.Status !== 'Infeasible') {
      const t2 = countsToTarget(d, mdl, (k, j) => second.Columns[`n${k}_${j}`]?.Primal ?? 0);
      if (t2) {
        let c2 = 0;
        used.fill(0);
        for (let i = 0; i < d.n; i++) used[t2[i]!] = 1;
        for (let j = 0; j < d.m; j++) if (used[j]) c2 += d.cost[j]!;
        if (c2 <= cost * (1 + 1e-9) + 1e-9 && moves(d, t2) <= moves(d, target!)) target = t2;
      }
      optimal = second.Status === 'Optimal' && t2 !== null;
      status = second.Status;
    } else {
      optimal = false;
      status = 'error' in second ? 'Error' : second.Status;
    }
  }
  return { target, optimal, infeasible: false, status, ...base, ms: performance.now() - t0 };
}

function moves(d: DenseMigration, a: Int32Array): number {
  let k = 0;
  for (let i = 0; i < d.n; i++) if (a[i] !== d.cur[i]) k++;
  return k;
}

/** Measured on the 2-core bench machine: writing + HiGHS reading the LP text, per nonzero. */
const SECONDS_PER_NONZERO = 5e-6;
/** Estimated seconds to write the model and have HiGHS read it. */
function readSeconds(mdl: ExactModel): number {
  return mdl.nonzeros * SECONDS_PER_NONZERO;
}

/**
 * Why the exact target is not run on this model, or undefined: more than EXACT_MAX_VARS
 * integer variables or EXACT_MAX_NONZEROS nonzeros (memory), or writing and reading it
 * alone would take longer than the time limit (and than 0.5 s: small models run
 * whatever the limit, their overshoot being at most about half a second).
 */
export function exactRefusal(d: DenseMigration, mdl: ExactModel, timeLimitMs: number): string | undefined {
  if (mdl.intVars > EXACT_MAX_VARS) return `the grouped model has more than ${EXACT_MAX_VARS.toLocaleString('en-US')} integer variables`;
  if (mdl.nonzeros > EXACT_MAX_NONZEROS) {
    return `the grouped model has about ${mdl.nonzeros.toLocaleString('en-US')} nonzeros, more than the ${EXACT_MAX_NONZEROS.toLocaleString('en-US')} that keep HiGHS within about 1 GB`;
  }
  const est = readSeconds(mdl) * (d.objective === 'machines' ? 2 : 1) * 1000;
  if (est > 500 && est > timeLimitMs) {
    return `reading the grouped model (${mdl.intVars.toLocaleString('en-US')} integer variables) would take about ${Math.round(est)} ms, more than timeLimitMs ${timeLimitMs}`;
  }
  return undefined;
}

/**
 * Per-task target from class counts (rounded): each class keeps as many tasks as its
 * count allows on their current machine, the others go to the machines with remaining
 * counts. Null unless the counts place every task within capacity with groups apart.
 */
export function countsToTarget(d: DenseMigration, mdl: ExactModel, count: (k: number, j: number) => number): Int32Array | null {
  const { m, R } = d;
  const tgt = new Int32Array(d.n).fill(-1);
  for (let k = 0; k < mdl.K; k++) {
    const s = mdl.start[k]!;
    const e = mdl.start[k + 1]!;
    const c = d.cur[mdl.members[s]!]!;
    const left = new Int32Array(m);
    let total = 0;
    for (let j = 0; j < m; j++) {
      const v = Math.round(count(k, j));
      if (!(v >= 0)) return null;
      left[j] = v;
      total += v;
    }
    if (total !== e - s) return null;
    let q = s;
    if (c >= 0) for (; q < e && left[c]! > 0; q++, left[c]!--) tgt[mdl.members[q]!] = c;
    let j = 0;
    for (; q < e; q++) {
      while (left[j] === 0) j++;
      tgt[mdl.members[q]!] = j;
      left[j]!--;
    }
  }
  // re-check: capacity (exactly, as the path and the kernel compare: a relative tolerance
  // would let 1e15 + 1 pass a capacity of 1e15) and groups
  const load = new Float64Array(m * R);
  for (let i = 0; i < d.n; i++) for (let r = 0; r < R; r++) load[tgt[i]! * R + r] += d.demand[i * R + r]!;
  for (let x = 0; x < m * R; x++) if (load[x]! > d.capacity[x]!) return null;
  const G = d.gStart.length - 1;
  const seen = new Set<number>();
  for (let g = 0; g < G; g++) {
    seen.clear();
    for (let q = d.gStart[g]!; q < d.gStart[g + 1]!; q++) {
      const j = tgt[d.gMem[q]!]!;
      if (seen.has(j)) return null;
      seen.add(j);
    }
  }
  return tgt;
}

/** `auto` uses the exact target when the grouped model has at most this many integer variables × machines. */
export const AUTO_EXACT_LIMIT = 2_000;
/** `exact` gives up (heuristic target, with a note) above this many integer variables. */
export const EXACT_MAX_VARS = 1_000_000;
/**
 * `exact` gives up above this many nonzeros: the memory bound. Measured (ROADEF a2_1,
 * 93,652 integer variables, ≈ 0.5 million nonzeros): peak RSS 0.49 GB of which HiGHS and
 * the LP text ≈ 0.4 GB, so this bound keeps the process within about 1 GB.
 */
export const EXACT_MAX_NONZEROS = 1_000_000;
