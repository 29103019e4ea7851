// Test helpers for the bounded knapsack (docs/knapsack.md): an exact MILP solved by
// HiGHS (CPLEX LP format), a brute force for tiny instances and a seeded generator
// with adversarial families.
import { num, getHighs, lpRow } from './highs.js';

export interface KnapsackItem { name?: string; size: number; value: number; copies?: number }
export interface KnapsackInstance { problem: 'knapsack'; capacity: number; items: KnapsackItem[] }



/** Optimal value of the knapsack instance, by MILP (HiGHS): integer x_j in 0..c_j, maximize. */
export async function knapsackMilp(inst: KnapsackInstance, opts: { timeLimit?: number } = {}): Promise<number> {
  if (inst.items.length === 0) return 0;
  const obj: string[] = [];
  const row: string[] = [];
  const bounds: string[] = [];
  const ints: string[] = [];
  inst.items.forEach((it, j) => {
    obj.push(`+ ${num(it.value)} x${j}`);
    row.push(`+ ${num(it.size)} x${j}`);
    bounds.push(` 0 <= x${j} <= ${it.copies ?? 1}`);
    ints.push(` x${j}`);
  });
  const objLines = lpRow('obj', obj);
  const rowLines = lpRow('cap', row, ` <= ${inst.capacity}`);
  const lp = ['Maximize', ...objLines, 'Subject To', ...rowLines, 'Bounds', ...bounds, 'General', ...ints, 'End', ''].join('\n');
  const highs = await getHighs();
  const sol = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, ...(opts.timeLimit ? { time_limit: opts.timeLimit } : {}) });
  if (sol.Status !== 'Optimal') throw new Error(`HiGHS status ${sol.Status}\n${lp.slice(0, 2000)}`);
  return sol.ObjectiveValue;
}

/** Optimal value by enumeration of every count vector (tiny instances only). */
export function knapsackBruteForce(inst: KnapsackInstance): number {
  let best = 0;
  const rec = (j: number, room: number, val: number): void => {
    if (j === inst.items.length) {
      if (val > best) best = val;
      return;
    }
    const it = inst.items[j]!;
    for (let c = 0; c <= (it.copies ?? 1) && c * it.size <= room; c++) rec(j + 1, room - c * it.size, val + c * it.value);
  };
  rec(0, inst.capacity, 0);
  return best;
}

export const FAMILIES = ['uniform', 'strongly-correlated', 'many-copies', 'near-total', 'zero-values', 'capacity-zero', 'fractional', 'big-items', 'equal-density', 'huge-capacity'] as const;
export type Family = (typeof FAMILIES)[number];

/** A random instance of the given family (sizes and capacity kept small for HiGHS). */
export function randomKnapsackInstance(rand: () => number, family: Family, maxItems = 10): KnapsackInstance {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const n = int(family === 'uniform' ? 0 : 1, maxItems);
  const items: KnapsackItem[] = [];
  for (let j = 0; j < n; j++) {
    const size = family === 'big-items' ? int(20, 120) : int(1, 30);
    let value: number;
    switch (family) {
      case 'strongly-correlated': value = size + 10; break;
      case 'equal-density': value = size * 3; break;
      case 'zero-values': value = rand() < 0.6 ? 0 : int(0, 20); break;
      case 'fractional': value = Math.round(rand() * 1e5) / 1000; break;
      default: value = int(0, 50);
    }
    const copies = family === 'many-copies' ? int(50, 2000) : family === 'huge-capacity' ? int(1, 2e8) : int(1, 6);
    const it: KnapsackItem = { size, value };
    if (copies !== 1 || rand() < 0.5) it.copies = copies;
    if (rand() < 0.5) it.name = `i${j}`;
    items.push(it);
  }
  const total = items.reduce((a, it) => a + it.size * (it.copies ?? 1), 0);
  let capacity: number;
  switch (family) {
    case 'capacity-zero': capacity = 0; break;
    case 'near-total': capacity = Math.max(0, total - int(0, 5)); break;
    case 'many-copies': capacity = int(0, 3000); break;
    case 'big-items': capacity = int(0, 300); break;
    case 'huge-capacity': return { problem: 'knapsack', capacity: Math.min(2147483647, int(0, total)), items };
    default: capacity = int(0, Math.max(1, Math.floor(total * (0.2 + 0.6 * rand()))));
  }
  return { problem: 'knapsack', capacity: Math.min(capacity, 5000), items };
}
