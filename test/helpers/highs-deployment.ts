// Test helpers for equally-split bin packing (docs/deployment.md): the exact MILP of
// docs/deployment.md solved by HiGHS (CPLEX LP format), linearised by the part count, and a
// seeded generator of small random instances.
//
// MILP. Bins b: the partly used machines (capacity c_j) and U new machines (capacity C,
// z_t = 1 when used, z_t >= z_{t+1} against symmetry). For item i and each allowed k:
// u_ik = 1 when item i is cut into k parts, x_ikb = 1 when one of them is on bin b
// (only where w_i / k fits b):
//   Σ_k u_ik = 1,  Σ_b x_ikb = k · u_ik,  Σ_{i,k} (w_i / k) x_ikb <= cap_b (· z_t),
//   minimize Σ_t z_t.
// With U at least the optimum (e.g. any feasible solution's count) it is exact.
import { num, getHighs, lpRow } from './highs.js';

export interface DeployItem { name?: string; size: number; minParts?: number; maxParts?: number; parts?: number }
export interface DeployInstance { problem: 'deployment'; binCapacity: number; bins?: { name?: string; free: number }[]; items: DeployItem[]; algorithm?: string }


/** Relative slack on capacities, the same as the solver's "a part fits" tolerance. */
const SLACK = 1e-9;

/**
 * The LP text of the MILP with U new machines. objective "parts": the fewest parts in all
 * (Σ k·u_ik) with at most U new machines, instead of the fewest new machines.
 */
export function deploymentLp(inst: DeployInstance, U: number, objective: 'bins' | 'parts' = 'bins'): string {
  const C = inst.binCapacity;
  const free = (inst.bins ?? []).map((b) => b.free);
  const m = free.length;
  let big = C;
  for (const f of free) big = Math.max(big, f);
  const eps = SLACK * Math.max(1, big);
  const caps = [...free, ...new Array<number>(U).fill(C)];
  const rows: string[] = [];
  const bins: string[] = [];
  const loads: string[][] = caps.map(() => []);
  let r = 0;
  const partTerms: string[] = [];
  inst.items.forEach((it, i) => {
    const lo = it.minParts ?? 2;
    const hi = Math.min(it.maxParts ?? Infinity, m + U);
    const choose: string[] = [];
    for (let k = lo; k <= hi; k++) {
      const s = it.size / k;
      const fits = caps.map((c, b) => (s <= c + eps ? b : -1)).filter((b) => b >= 0);
      if (fits.length < k) continue;
      const u = `u_${i}_${k}`;
      bins.push(` ${u}`);
      choose.push(`+ ${u}`);
      partTerms.push(`+ ${k} ${u}`);
      const terms = fits.map((b) => `+ x_${i}_${k}_${b}`);
      fits.forEach((b) => {
        bins.push(` x_${i}_${k}_${b}`);
        loads[b]!.push(`+ ${num(s)} x_${i}_${k}_${b}`);
      });
      rows.push(` r${r++}: ${terms.join(' ')} - ${k} ${u} = 0`);
    }
    // no allowed split fits: an infeasible row
    rows.push(choose.length ? ` r${r++}: ${choose.join(' ')} = 1` : ` r${r++}: z_none >= 1`);
  });
  caps.forEach((c, b) => {
    if (!loads[b]!.length) return;
    if (b < m) rows.push(` r${r++}: ${loads[b]!.join(' ')} <= ${num(c + eps)}`);
    else rows.push(` r${r++}: ${loads[b]!.join(' ')} - ${num(c + eps)} z_${b - m} <= 0`);
  });
  for (let t = 0; t < U; t++) bins.push(` z_${t}`);
  for (let t = 0; t + 1 < U; t++) rows.push(` r${r++}: z_${t} - z_${t + 1} >= 0`);
  const obj = objective === 'parts' ? (partTerms.length ? partTerms : ['+ 0 zero']) : U ? Array.from({ length: U }, (_, t) => `+ z_${t}`) : ['+ 0 zero'];
  const objLines = lpRow('obj', obj);
  const rowLines = rows.flatMap((row) => {
    // break long rows: "name: term term ... rel rhs"
    const parts = row.split(' + ');
    if (parts.length <= 8) return [row];
    const out: string[] = [];
    for (let q = 0; q < parts.length; q += 8) out.push((q ? ' + ' : '') + parts.slice(q, q + 8).join(' + '));
    return out;
  });
  return ['Minimize', ...objLines, 'Subject To', ...(rowLines.length ? rowLines : [' r0: zero >= 0']), 'Bounds', ' z_none <= 0', ' zero <= 0', 'Binary', ...bins, 'End', ''].join('\n');
}

/** Fewest parts in all by MILP (HiGHS) with at most U new machines; undefined when infeasible. */
export async function deploymentPartsMilp(inst: DeployInstance, U: number): Promise<number | undefined> {
  const highs = await getHighs();
  const sol = highs.solve(deploymentLp(inst, U, 'parts'), { output_flag: false, mip_rel_gap: 0 });
  if (sol.Status !== 'Optimal') return undefined;
  return Math.round(sol.ObjectiveValue);
}

/** Fewest new machines by MILP (HiGHS) with at most U new machines; undefined when infeasible. */
export async function deploymentMilp(inst: DeployInstance, U: number, opts: { timeLimit?: number } = {}): Promise<{ newBins: number | undefined; status: string }> {
  const highs = await getHighs();
  const sol = highs.solve(deploymentLp(inst, U), { output_flag: false, mip_rel_gap: 0, ...(opts.timeLimit ? { time_limit: opts.timeLimit } : {}) });
  if (sol.Status === 'Infeasible') return { newBins: undefined, status: sol.Status };
  if (sol.Status !== 'Optimal') return { newBins: undefined, status: sol.Status };
  return { newBins: Math.round(sol.ObjectiveValue), status: sol.Status };
}

/** A small random instance: <= maxItems services, <= maxBins partly used machines. */
export function randomDeploymentInstance(rand: () => number, maxItems = 6, maxBins = 4): DeployInstance {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const C = [8, 10, 12, 16, 9.5][int(0, 4)]!;
  const m = int(0, maxBins);
  const bins = Array.from({ length: m }, (_, j) => ({ name: `old${j}`, free: rand() < 0.5 ? int(0, C) : Math.round(rand() * C * 10) / 10 }));
  const n = int(1, maxItems);
  const items: DeployItem[] = [];
  for (let i = 0; i < n; i++) {
    const scale = [0.6, 1, 1.6, 2.6][int(0, 3)]!;
    const size = rand() < 0.5 ? Math.max(1, int(1, Math.round(scale * C))) : Math.max(0.05, Math.round(rand() * scale * C * 100) / 100);
    const it: DeployItem = { name: `s${i}`, size };
    const lo = rand() < 0.85 ? 2 : int(1, 3);
    if (lo !== 2) it.minParts = lo;
    if (rand() < 0.25) it.maxParts = lo + int(0, 3);
    items.push(it);
  }
  return { problem: 'deployment', binCapacity: C, bins, items };
}
