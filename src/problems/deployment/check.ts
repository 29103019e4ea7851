// Independent checker for deployment solutions. It shares no code with the solver:
// it reads the raw JSON itself and verifies that every service is cut into an allowed
// number of equal parts on distinct machines, that no machine is over capacity (free
// capacity of a partly used machine, binCapacity of a new one), that the new machines
// are exactly new-1 … new-<newBins>, each used, and that the counts add up. (Feasibility
// and consistency only: it does not prove the lower bound or optimality.) Names are Map keys
// (`__proto__` is a name like any other) and quoted, escaped and truncated in reasons.
import type { CheckReport } from '../types.js';
import { withContract, type InfeasibleVerdict } from '../../check/contract.js';
import { quote } from '../../check/quote.js';
import { checkDeploymentEnergy } from '../../check/energy.js';

/** Relative tolerance on capacities and part sizes. */
const TOL = 1e-7;

/** The deployment checker under the result contract (src/check/contract.ts). */
export const checkDeployment = withContract('deployment', checkSolved, { infeasible: infeasibleVerdict, statuses: ['optimal', 'feasible', 'infeasible'] });

/**
 * An infeasible claim, service by service: a service with no allowed part count k whose
 * parts fit either a new machine (size / k <= binCapacity) or k distinct partly used
 * machines proves it. When every service can use new machines, the instance is feasible
 * (each service on its own new machines). Otherwise services compete for the partly used
 * machines and the claim is not proved. With spread-wfd a given `parts` fixes k.
 */
function infeasibleVerdict(instance: any): InfeasibleVerdict {
  const C: number = instance.binCapacity;
  const items: any[] = instance.items ?? [];
  const free: number[] = (instance.bins ?? []).map((b: any) => b.free).sort((a: number, b: number) => b - a);
  const fixed = instance.algorithm === 'spread-wfd';
  let allNew = true;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    let lo: number = it.minParts ?? 2;
    let hi: number = it.maxParts ?? Infinity;
    if (fixed && it.parts !== undefined) lo = hi = it.parts;
    const kNew = Math.max(lo, Math.ceil(it.size / C - 1e-9));
    const fitsNew = kNew <= hi && it.size / kNew <= C * (1 + TOL);
    if (fitsNew) continue;
    allNew = false;
    let fits = false;
    for (let k = lo; k <= Math.min(hi, free.length) && !fits; k++) fits = free[k - 1]! >= (it.size / k) * (1 - TOL);
    if (!fits) {
      return { proved: `service items[${i}] (${quote(it.name ?? String(i))}, size ${it.size}) has no part count in ${lo}..${hi} whose parts fit a new machine (${C}) or as many partly used machines` };
    }
  }
  if (allNew) return { feasible: 'every service fits on new machines (its fewest parts of at most binCapacity each, on distinct new machines)' };
  return { unproved: 'every service fits alone; the services that need partly used machines compete for them' };
}

function checkSolved(instance: any, solution: any): CheckReport {
  const fail = (reason: string): CheckReport => ({ valid: false, reason });
  if (solution.status !== 'feasible' && solution.status !== 'optimal') return fail(`solution.status is "${solution.status}"`);
  const C = instance?.binCapacity;
  if (typeof C !== 'number' || !(C > 0)) return fail('instance.binCapacity is not a number > 0');
  const items: any[] = Array.isArray(instance?.items) ? instance.items : [];
  const bins: any[] = Array.isArray(instance?.bins) ? instance.bins : [];
  const newBins = solution.newBins;
  if (typeof newBins !== 'number' || !Number.isInteger(newBins) || newBins < 0) return fail(`newBins = ${newBins} is not an integer >= 0`);
  // capacity and load of every machine, by name
  const sol: any[] = solution.items;
  if (!Array.isArray(sol) || sol.length !== items.length) return fail(`solution has ${sol?.length} items, instance has ${items.length}`);
  let listed = 0;
  for (const got of sol) listed += Array.isArray(got?.bins) ? got.bins.length : 0;
  if (newBins > listed) return fail(`newBins = ${newBins} is more than the ${listed} parts the items list`);
  const cap = new Map<string, number>();
  bins.forEach((b, j) => cap.set(b?.name ?? `bin-${j}`, b?.free));
  for (let t = 1; t <= newBins; t++) {
    if (cap.has(`new-${t}`)) return fail(`instance bin "new-${t}" clashes with a new machine's name`);
    cap.set(`new-${t}`, C);
  }
  const load = new Map<string, number>();
  let parts = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const name = it?.name ?? String(i);
    const got = sol[i];
    if (got?.name !== name) return fail(`items[${i}].name is ${quote(got?.name)}, expected ${quote(name)}`);
    const k = got.parts;
    const lo = it.minParts ?? 2;
    const hi = it.maxParts ?? Infinity;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < lo || k > hi) return fail(`items[${i}].parts = ${k} is not an integer in ${lo}..${hi}`);
    if (!Array.isArray(got.bins) || got.bins.length !== k) return fail(`items[${i}].bins lists ${got.bins?.length} machines for ${k} parts`);
    const part = it.size / k;
    if (typeof got.partSize !== 'number' || Math.abs(got.partSize - part) > TOL * Math.max(1, part)) return fail(`items[${i}].partSize = ${got.partSize}, expected ${it.size} / ${k} = ${part}`);
    const here = new Set<string>();
    for (const b of got.bins) {
      if (!cap.has(b)) return fail(`items[${i}] (${quote(name)}) uses machine ${quote(b)}, which is neither a bin of the instance nor new-1..new-${newBins}`);
      if (here.has(b)) return fail(`items[${i}] (${quote(name)}) has two parts on machine ${quote(b)}`);
      here.add(b);
      load.set(b, (load.get(b) ?? 0) + part);
    }
    parts += k;
  }
  // the documented rule (docs/deployment.md): a part fits when it exceeds the room by at most
  // 1e-9 × the largest capacity; besides, TOL of the machine's own capacity (rounding)
  let largest = C;
  for (const c of cap.values()) if (typeof c === 'number' && c > largest && c < Infinity) largest = c;
  const room = 1e-9 * Math.max(1, largest) * (1 + TOL);
  for (const [b, l] of load) {
    const c = cap.get(b)!;
    if (l > c + Math.max(TOL * Math.max(1, c), room)) return fail(`machine ${quote(b)} holds ${l}, over its capacity ${c}`);
  }
  for (let t = 1; t <= newBins; t++) if (!load.has(`new-${t}`)) return fail(`new machine "new-${t}" holds no part`);
  if (solution.parts !== parts) return fail(`parts is ${solution.parts}, recomputed ${parts}`);
  if (typeof solution.lowerBound !== 'number' || solution.lowerBound > newBins) return fail(`lowerBound ${solution.lowerBound} is above newBins ${newBins}`);
  if (solution.status === 'optimal' && solution.lowerBound !== newBins) return fail(`status "optimal" with newBins ${newBins} above lowerBound ${solution.lowerBound}`);
  if (solution.status === 'optimal') {
    const extra = notFewest(C, items, bins, sol, room);
    if (extra) return fail(`status "optimal" but ${extra}`);
  }
  const energy = checkDeploymentEnergy(instance, solution);
  if (energy) return fail(energy);
  return { valid: true, reason: 'ok', objective: newBins };
}

/**
 * "optimal" also claims that every service has the fewest parts that fit anywhere
 * (docs/deployment.md): the fewest allowed k whose parts fit a new machine or k partly used
 * machines, by the documented rule (a part fits when it exceeds the room by at most 1e-9 ×
 * the largest capacity: `room`). Returns the first service with more parts, or undefined.
 */
function notFewest(C: number, items: any[], bins: any[], sol: any[], room: number): string | undefined {
  const free: number[] = bins.map((b) => b?.free).filter((f) => typeof f === 'number');
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const lo: number = it.minParts ?? 2;
    const hi: number = it.maxParts ?? Infinity;
    for (let k = lo; k <= hi && k < sol[i].parts; k++) {
      const part = it.size / k;
      if (part <= C + room || free.filter((f) => part <= f + room).length >= k) {
        return `items[${i}] (${quote(it.name ?? String(i))}) has ${sol[i].parts} parts where ${k} fit`;
      }
    }
  }
  return undefined;
}
