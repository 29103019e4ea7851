// Independent checker for knapsack solutions. It shares no code with the solver:
// it reads the raw JSON itself, recomputes the value and the used size from the
// counts, checks every count against its item's copies and the capacity, and
// reports the first violation it finds. (Feasibility and consistency only: it does
// not prove optimality.)
import type { CheckReport } from '../types.js';

const TOL = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));

export function checkKnapsack(instance: any, solution: any): CheckReport {
  const fail = (reason: string): CheckReport => ({ valid: false, reason });
  if (!solution || solution.problem !== 'knapsack') return fail('solution.problem is not "knapsack"');
  if (solution.status !== 'optimal') return fail(`solution.status is "${solution.status}", expected "optimal"`);
  const items: any[] = Array.isArray(instance?.items) ? instance.items : [];
  const capacity = instance?.capacity;
  if (typeof capacity !== 'number') return fail('instance.capacity is not a number');
  const byName = new Map<string, any>();
  items.forEach((it, i) => byName.set(it?.name ?? String(i), it));
  if (!Array.isArray(solution.take)) return fail('solution.take is not an array');
  const seen = new Set<string>();
  let value = 0;
  let used = 0;
  for (let k = 0; k < solution.take.length; k++) {
    const e = solution.take[k];
    const name = e?.name;
    const it = byName.get(name);
    if (it === undefined) return fail(`take[${k}].name "${name}" is not an item of the instance`);
    if (seen.has(name)) return fail(`take[${k}].name "${name}" appears twice`);
    seen.add(name);
    const c = e.count;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) return fail(`take[${k}].count = ${c} is not an integer >= 1`);
    const copies = it.copies ?? 1;
    if (c > copies) return fail(`take[${k}].count = ${c} exceeds the ${copies} copies of "${name}"`);
    value += c * it.value;
    used += c * it.size;
  }
  if (used > capacity) return fail(`used size ${used} exceeds capacity ${capacity}`);
  if (solution.used !== used) return fail(`used is ${solution.used}, recomputed ${used}`);
  if (!near(value, solution.value)) return fail(`value is ${solution.value}, recomputed ${value}`);
  return { valid: true, reason: 'ok', objective: value };
}
