// Test oracles for smoothing under a budget (docs/smoothing.md, "Under a budget"): the MILP
//   min Σ_i w_i Σ_t u_{i,t}  s.t.  u >= ±(h_{t+1} − h_t), Σ h <= B, h >= ceil(d), steps <= maxStep
// solved by HiGHS, and an enumeration of every plan for tiny instances. Neither shares
// code with src/.
import { num, getHighs, lpRow } from './highs.js';

export interface BudgetScenario { name?: string; weight?: number; maxStep?: number; demand: number[] }
export interface BudgetInstance { problem: 'smoothing'; budget: number; scenarios: BudgetScenario[] }


/** Optimal weighted variation under the budget, or 'infeasible'. */
export async function budgetMilp(inst: BudgetInstance, opts: { timeLimit?: number } = {}): Promise<number | 'infeasible'> {
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const ints: string[] = [];
  const all: string[] = [];
  let r = 0;
  inst.scenarios.forEach((sc, i) => {
    const T = sc.demand.length;
    for (let t = 0; t < T; t++) {
      const h = `h_${i}_${t}`;
      all.push(`+ ${h}`);
      bounds.push(` ${h} >= ${num(Math.ceil(sc.demand[t]!))}`);
      ints.push(` ${h}`);
    }
    for (let t = 0; t + 1 < T; t++) {
      const a = `h_${i}_${t}`;
      const b = `h_${i}_${t + 1}`;
      const u = `u_${i}_${t}`;
      obj.push(`+ ${num(sc.weight ?? 1)} ${u}`);
      rows.push(` r${r++}: ${u} - ${b} + ${a} >= 0`);
      rows.push(` r${r++}: ${u} + ${b} - ${a} >= 0`);
      if (sc.maxStep !== undefined) {
        rows.push(` r${r++}: ${b} - ${a} <= ${num(sc.maxStep)}`);
        rows.push(` r${r++}: ${b} - ${a} >= ${num(-sc.maxStep)}`);
      }
    }
  });
  if (all.length === 0) return inst.budget >= 0 ? 0 : 'infeasible';
  const objLines = lpRow('obj', obj.length ? obj : [`+ 0 ${all[0]!.slice(2)}`]);
  const budgetLines = lpRow('budget', all, ` <= ${num(inst.budget)}`);
  const lp = ['Minimize', ...objLines, 'Subject To', ...rows, ...budgetLines, 'Bounds', ...bounds, 'General', ...ints, 'End', ''].join('\n');
  const highs = await getHighs();
  const sol = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, ...(opts.timeLimit ? { time_limit: opts.timeLimit } : {}) });
  if (sol.Status === 'Infeasible') return 'infeasible';
  if (sol.Status !== 'Optimal') throw new Error(`HiGHS status ${sol.Status}`);
  return sol.ObjectiveValue;
}

/** Every plan with h_t in [ceil d_t, top] (top = the highest useful level), tiny instances only. */
export function budgetBruteForce(inst: BudgetInstance): number | 'infeasible' {
  let best = Infinity;
  const scen = inst.scenarios;
  const rec = (i: number, used: number, val: number): void => {
    if (used > inst.budget || val >= best) return;
    if (i === scen.length) { best = val; return; }
    const sc = scen[i]!;
    const lo = sc.demand.map((x) => Math.ceil(x));
    const top = Math.max(0, ...lo) + 1; // cutting any plan at max ceil(d) keeps it feasible and no worse
    const h: number[] = [];
    const plan = (t: number, u: number, v: number): void => {
      if (used + u > inst.budget) return;
      if (t === lo.length) { rec(i + 1, used + u, val + (sc.weight ?? 1) * v); return; }
      for (let x = lo[t]!; x <= top; x++) {
        const step = t > 0 ? Math.abs(x - h[t - 1]!) : 0;
        if (sc.maxStep !== undefined && step > sc.maxStep) continue;
        h[t] = x;
        plan(t + 1, u + x, v + step);
      }
    };
    plan(0, 0, 0);
  };
  rec(0, 0, 0);
  return best === Infinity ? 'infeasible' : best;
}

/**
 * The least total resource of any feasible plan (Σ over scenarios of the envelope: demand
 * rounded up, raised so that no step exceeds maxStep) and the fully flat one (each scenario
 * at its envelope's peak), computed here independently of the solver.
 */
export function envelopeTotals(scenarios: BudgetScenario[]): { least: number; flat: number } {
  let least = 0;
  let flat = 0;
  for (const sc of scenarios) {
    const h = sc.demand.map((x) => Math.ceil(x));
    if (sc.maxStep !== undefined) {
      for (let t = 1; t < h.length; t++) h[t] = Math.max(h[t]!, h[t - 1]! - sc.maxStep);
      for (let t = h.length - 2; t >= 0; t--) h[t] = Math.max(h[t]!, h[t + 1]! - sc.maxStep);
    }
    least += h.reduce((a, b) => a + b, 0);
    flat += h.length * Math.max(0, ...h);
  }
  return { least, flat };
}
