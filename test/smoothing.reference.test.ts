// The pure TypeScript port of the smoothing kernel against exact oracles:
// HiGHS (MILP) on seeded random instances and brute force on tiny ones.
import { describe, expect, it } from 'vitest';
import { smoothReference } from '../src/smoothing/reference.js';
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
    const rand = mulberry32(20240601);
    const failures: string[] = [];
    for (let k = 0; k < HIGHS_COUNT; k++) {
      const inst = randomSmoothingInstance(rand, { maxT: 40, maxDemand: 10 });
      const opt = await smoothingMilp(inst);
      let got: number;
      try {
        got = planObjective(inst, referencePlans(inst));
      } catch (e) {
        failures.push(`#${k} infeasible: ${(e as Error).message} ${JSON.stringify(inst)}`);
        continue;
      }
      if (!relClose(got, opt)) failures.push(`#${k} got ${got} opt ${opt} ${JSON.stringify(inst)}`);
    }
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  }, 60_000);

  it(`is feasible and optimal on ${TINY_COUNT} tiny instances (brute force)`, () => {
    const rand = mulberry32(7);
    const failures: string[] = [];
    for (let k = 0; k < TINY_COUNT; k++) {
      const inst = randomSmoothingInstance(rand, { maxT: 5, maxDemand: 4 });
      const opt = smoothingBruteForce(inst);
      let got: number;
      try {
        got = planObjective(inst, referencePlans(inst));
      } catch (e) {
        failures.push(`#${k} infeasible: ${(e as Error).message} ${JSON.stringify(inst)}`);
        continue;
      }
      if (!relClose(got, opt)) failures.push(`#${k} got ${got} opt ${opt} ${JSON.stringify(inst)}`);
    }
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  });
});
