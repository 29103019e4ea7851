// The independent checkers against tampered solutions (docs/testing.md, "Exactness evidence,
// audited"): every numeric field of seeded solved solutions of the exact problems moved by
// the smallest amount that matters (±1 for an integer, ±1e-5 relative otherwise: above every
// checker's rounding tolerance), must be refused. Found missing by the audit, now refused:
//  - an integer value or resource off by one once it exceeds 1e6 (knapsack `value`, smoothing
//    `resource`: the relative tolerance let it pass; integer sums are exact);
//  - deployment "optimal" with newBins = lowerBound but a service with more parts than the
//    fewest that fit (the documented claim has both halves).
// Energy blocks are tampered too (instances with an energy model); forecast and autoscaling
// answers are statistics that a checker can check for consistency, not for value.
import { describe, expect, it } from 'vitest';
import { solve, check, DEPLOYMENT_ALGORITHMS } from '../src/node.js';
import { mulberry32, randomSmoothingInstance } from './helpers/highs.js';
import { FAMILIES, randomKnapsackInstance } from './helpers/highs-knapsack.js';
import { randomDeploymentInstance } from './helpers/highs-deployment.js';
import { generateMigration } from './helpers/migration.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Path = (string | number)[];

function numericLeaves(x: Json, path: Path = [], out: Path[] = []): Path[] {
  if (typeof x === 'number') out.push(path);
  else if (Array.isArray(x)) x.forEach((v, i) => numericLeaves(v, [...path, i], out));
  else if (x && typeof x === 'object') for (const k of Object.keys(x)) numericLeaves(x[k], [...path, k], out);
  return out;
}
const at = (x: Json, p: Path) => p.reduce((a, k) => a[k], x);

/** The tampered solutions the checker accepted (one field off by the smallest amount that matters). */
async function accepted(inst: Json): Promise<string[]> {
  const sol = await solve(inst);
  expect((await check(inst, sol)).valid, JSON.stringify(inst)).toBe(true);
  const out: string[] = [];
  for (const p of numericLeaves(sol)) {
    const x = at(sol, p) as number;
    const steps = Number.isInteger(x) ? [1, -1] : [1e-5 * Math.max(1, Math.abs(x)), -1e-5 * Math.max(1, Math.abs(x))];
    for (const d of steps) {
      const t = structuredClone(sol);
      at(t, p.slice(0, -1))[p[p.length - 1]!] = x + d;
      if ((await check(inst, t)).valid) out.push(`${inst.problem} ${p.join('.')} ${x} -> ${x + d}`);
    }
  }
  return out;
}

describe('checkers refuse a solution with one numeric field off by the smallest amount that matters', () => {
  it('smoothing (with and without budgets), knapsack, deployment (every algorithm), migration: seeded solutions', async () => {
    const rand = mulberry32(0x7a3e);
    const misses: string[] = [];
    let n = 0;
    const probe = async (inst: Json) => { n++; misses.push(...(await accepted(inst))); };
    for (let k = 0; k < 20; k++) await probe(randomSmoothingInstance(rand, { maxT: 12, maxDemand: 8 }));
    for (let k = 0; k < 10; k++) {
      const s = randomSmoothingInstance(rand, { maxT: 12, maxDemand: 8 });
      const least = s.scenarios.reduce((a, sc) => a + sc.demand.reduce((b, x) => b + Math.ceil(x), 0), 0);
      await probe({ problem: 'smoothing', budget: least + k * 3, scenarios: s.scenarios.map((sc) => ({ ...sc, maxStep: undefined })) });
    }
    for (let k = 0; k < 30; k++) await probe(randomKnapsackInstance(rand, FAMILIES[k % FAMILIES.length]!));
    for (let k = 0; k < 24; k++) {
      const inst: Json = { ...randomDeploymentInstance(rand), algorithm: DEPLOYMENT_ALGORITHMS[k % DEPLOYMENT_ALGORITHMS.length] };
      if ((await solve(inst)).status !== 'infeasible') await probe(inst);
    }
    for (let k = 0; k < 12; k++) {
      const inst = generateMigration(rand, { tasks: 10, machines: 4, resources: 2, util: 0.4, newRate: 0.1, groupRate: 0.3, alpha: 0.1, maxParallel: 2, integer: k % 2 === 0 });
      if ((await solve(inst)).status === 'feasible') await probe(inst);
    }
    // with energy models (the energy block's every number tampered as well)
    await probe({ problem: 'smoothing', budget: 60, scenarios: [{ demand: [3, 1, 4, 1, 5, 9, 2, 6] }, { demand: [2, 7, 1] }], energy: { unit: 'pods', podCores: 8, serverCores: 32, step: 900, idleWatts: 100, peakWatts: 300, pue: 1.1, kgCO2PerKWh: 0.4 } });
    await probe({ problem: 'smoothing', alpha: 2, scenarios: [{ demand: [3, 1, 4, 1, 5, 9, 2, 6] }], energy: { unit: 'pods', step: 60 } });
    await probe({ problem: 'deployment', binCapacity: 92, bins: [{ name: 'old', free: 31.5 }], items: [{ name: 'a', size: 140 }, { name: 'b', size: 20.5, maxParts: 3 }], energy: { hours: 1, idleWatts: 200, peakWatts: 400, pue: 1 } });
    await probe({ ...generateMigration(rand, { tasks: 10, machines: 4, resources: 2, util: 0.4, alpha: 0.1 }), energy: {} });
    expect(n).toBeGreaterThanOrEqual(80);
    expect(misses.slice(0, 10), `${misses.length} tampered solutions accepted`).toEqual([]);
  });

  it('large integer sums: a knapsack value and a smoothing resource off by one (beyond 1e9 and 1e6)', async () => {
    const knap = { problem: 'knapsack', capacity: 2_000_000_000, items: [{ name: 'a', size: 7, value: 13, copies: 200_000_000 }, { name: 'b', size: 3, value: 5, copies: 100_000_000 }] };
    const ks = (await solve(knap)) as Json;
    expect(ks.value).toBeGreaterThan(1e9);
    for (const d of [1, -1]) expect((await check(knap, { ...ks, value: ks.value + d })).valid, `value ${ks.value + d}`).toBe(false);
    const sm = { problem: 'smoothing', alpha: 0.5, scenarios: [{ name: 's', demand: Array.from({ length: 3000 }, (_, t) => 900 + ((t * 37) % 200)) }] };
    const ss = (await solve(sm)) as Json;
    expect(ss.resource).toBeGreaterThan(1e6);
    for (const d of [1, -1]) expect((await check(sm, { ...ss, resource: ss.resource + d })).valid, `resource ${ss.resource + d}`).toBe(false);
  });

  it('deployment: "optimal" needs the fewest parts too (a feasible answer at the lower bound relabelled optimal is refused)', async () => {
    // one service of size 10 on new machines of 10: 2 parts are the fewest (minParts 2), and
    // a 3-part split at newBins = lowerBound = 3 is feasible but not "optimal"
    const inst = { problem: 'deployment', binCapacity: 10, items: [{ name: 'a', size: 10, minParts: 3 }, { name: 'b', size: 10 }] };
    const sol = (await solve(inst)) as Json;
    expect(sol.status).toBe('optimal');
    expect((await check(inst, sol)).valid).toBe(true);
    // b on 3 parts over new-1..new-3: still feasible (loads 10/3 + 10/3 <= 10)
    const t = structuredClone(sol);
    const b = t.items.find((x: Json) => x.name === 'b');
    b.parts = 3; b.partSize = 10 / 3; b.bins = ['new-1', 'new-2', 'new-3'];
    t.parts = sol.parts + (3 - sol.items.find((x: Json) => x.name === 'b').parts);
    t.newBins = 3; t.lowerBound = 3;
    const asFeasible = await check(inst, { ...t, status: 'feasible' });
    expect(asFeasible.valid, asFeasible.reason).toBe(true);
    const asOptimal = await check(inst, t);
    expect(asOptimal.valid).toBe(false);
    expect(asOptimal.reason).toMatch(/fewest|parts where 2 fit/);
  });
});
