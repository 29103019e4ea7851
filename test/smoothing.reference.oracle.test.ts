// The pure TypeScript port of the smoothing kernel against exact oracles:
// HiGHS (MILP) on seeded random instances and brute force on tiny ones.
import { describe, expect, it } from 'vitest';
import { smoothReference } from './helpers/smoothing-reference.js';
import {
  mulberry32,
  planObjective,
  randomSmoothingInstance,
  relClose,
  smoothingBruteForce,
  smoothingMilp,
  type SmoothingInstance,
} from './helpers/highs.js';

export const HIGHS_COUNT = 320;
export const TINY_COUNT = 200;

function referencePlans(inst: SmoothingInstance): Float64Array[] {
  return inst.scenarios.map((sc) =>
    smoothReference(sc.demand, sc.maxStep, inst.alpha * (sc.weight ?? 1)),
  );
}

/** Reference plans on `count` seeded instances: the failures (infeasible or not optimal per `oracle`). */
async function compareWithOracle(
  seed: number,
  count: number,
  shape: { maxT: number; maxDemand: number },
  oracle: (inst: SmoothingInstance) => number | Promise<number>,
): Promise<string[]> {
  const rand = mulberry32(seed);
  const failures: string[] = [];
  for (let k = 0; k < count; k++) {
    const inst = randomSmoothingInstance(rand, shape);
    const opt = await oracle(inst);
    let got: number;
    try {
      got = planObjective(inst, referencePlans(inst));
    } catch (e) {
      failures.push(`#${k} infeasible: ${(e as Error).message} ${JSON.stringify(inst)}`);
      continue;
    }
    if (!relClose(got, opt)) failures.push(`#${k} got ${got} opt ${opt} ${JSON.stringify(inst)}`);
  }
  return failures;
}

describe('smoothing oracles', () => {
  it('MILP helper agrees with brute force on 100 tiny instances', async () => {
    const rand = mulberry32(0xbeef);
    for (let k = 0; k < 100; k++) {
      const inst = randomSmoothingInstance(rand, { maxT: 5, maxDemand: 4 });
      const milp = await smoothingMilp(inst);
      const bf = smoothingBruteForce(inst);
      expect(relClose(milp, bf), JSON.stringify({ inst, milp, bf })).toBe(true);
    }
  });

  it('handles empty scenarios and alpha = 0', async () => {
    expect(await smoothingMilp({ problem: 'smoothing', alpha: 1, scenarios: [] })).toBe(0);
    const inst: SmoothingInstance = {
      problem: 'smoothing',
      alpha: 0,
      scenarios: [
        { name: 'a', demand: [] },
        { name: 'b', demand: [0.5, 3, 0] },
      ],
    };
    expect(await smoothingMilp(inst)).toBeCloseTo(4, 9);
    expect(smoothingBruteForce(inst)).toBe(4);
    expect(planObjective(inst, referencePlans(inst))).toBe(4);
  });
});

describe('smoothReference (TypeScript port of assembly/smoothing.ts)', () => {
  it(`is feasible and optimal on ${HIGHS_COUNT} random instances (HiGHS)`, async () => {
    const failures = await compareWithOracle(20240601, HIGHS_COUNT, { maxT: 40, maxDemand: 10 }, smoothingMilp);
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  }, 60_000);

  it(`is feasible and optimal on ${TINY_COUNT} tiny instances (brute force)`, async () => {
    const failures = await compareWithOracle(7, TINY_COUNT, { maxT: 5, maxDemand: 4 }, smoothingBruteForce);
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  });
});
