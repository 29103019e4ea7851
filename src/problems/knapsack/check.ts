// Independent checker for knapsack solutions. It shares no code with the solver:
// it reads the raw JSON itself, recomputes the value and the used size from the
// counts, checks every count against its item's copies and the capacity, and
// reports the first violation it finds. (Feasibility and consistency only: it does
// not prove optimality.)
import type { CheckReport } from '../types.js';
import { withContract } from '../../check/contract.js';
import { quote } from '../../check/quote.js';
import { nearWithin } from '../../check/near.js';

const TOL = 1e-9;
const near = nearWithin(TOL);

/** The knapsack checker under the result contract (src/check/contract.ts). */
export const checkKnapsack = withContract('knapsack', checkSolved, {
  statuses: ['optimal', 'infeasible'],
  // taking nothing always fits (capacity >= 0): an infeasible claim is always wrong
  infeasible: () => ({ feasible: 'taking nothing is a solution (the capacity is >= 0)' }),
});

function checkSolved(instance: any, solution: any): CheckReport {
  const fail = (reason: string): CheckReport => ({ valid: false, reason });
  if (solution.status !== 'optimal') return fail(`solution.status is "${solution.status}", expected "optimal"`);
  const items: any[] = Array.isArray(instance?.items) ? instance.items : [];
  const capacity = instance?.capacity;
  if (typeof capacity !== 'number') return fail('instance.capacity is not a number');
  const byName = new Map<string, any>();
  items.forEach((it, i) => byName.set(it?.name ?? String(i), it)); // a Map: `__proto__` is a name like any other
  if (!Array.isArray(solution.take)) return fail('solution.take is not an array');
  const seen = new Set<string>();
  let value = 0;
  let used = 0;
  let integral = true;
  for (let k = 0; k < solution.take.length; k++) {
    const e = solution.take[k];
    const name = e?.name;
    const it = byName.get(name);
    if (it === undefined) return fail(`take[${k}].name ${quote(name)} is not an item of the instance`);
    if (seen.has(name)) return fail(`take[${k}].name ${quote(name)} appears twice`);
    seen.add(name);
    const c = e.count;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) return fail(`take[${k}].count = ${c} is not an integer >= 1`);
    const copies = it.copies ?? 1;
    if (c > copies) return fail(`take[${k}].count = ${c} exceeds the ${copies} copies of ${quote(name)}`);
    value += c * it.value;
    if (!Number.isInteger(it.value)) integral = false;
    used += c * it.size;
  }
  if (used > capacity) return fail(`used size ${used} exceeds capacity ${capacity}`);
  if (solution.used !== used) return fail(`used is ${solution.used}, recomputed ${used}`);
  // integer values add up exactly (below 2^53): then the value must be exact, not near
  if (Number.isSafeInteger(value) && integral ? solution.value !== value : !near(value, solution.value)) return fail(`value is ${solution.value}, recomputed ${value}`);
  return { valid: true, reason: 'ok', objective: value };
}
