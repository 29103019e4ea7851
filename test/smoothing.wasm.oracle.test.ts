// The WASM smoothing solver (src/node.ts -> assembly/smoothing.ts) against the same
// exact oracles as the TypeScript reference: HiGHS on seeded random instances and
// brute force on tiny ones; also the plans must match the reference objective.
import { describe, expect, it } from 'vitest';
import { solve, checkSmoothing } from '../src/node.js';
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

const HIGHS_COUNT = 320;
const TINY_COUNT = 200;

interface SolveResult {
  status: string;
  objective: number;
  scenarios: { name: string; plan: number[] }[];
}

async function check(inst: SmoothingInstance, opt: number): Promise<string | null> {
  const res = (await (solve as (i: unknown) => Promise<SolveResult>)(inst)) as SolveResult;
  if (res.status !== 'optimal') return `status ${res.status}`;
  if (res.scenarios.length !== inst.scenarios.length) return 'scenario count mismatch';
  for (let i = 0; i < inst.scenarios.length; i++) {
    if (res.scenarios[i].name !== inst.scenarios[i].name) return `scenario ${i} name mismatch`;
  }
  const report = checkSmoothing(inst, res);
  if (!report.valid) return `checker: ${report.reason}`;
  let got: number;
  try {
    got = planObjective(inst, res.scenarios.map((s) => s.plan));
  } catch (e) {
    return `infeasible: ${(e as Error).message}`;
  }
  if (!relClose(got, opt)) return `plan objective ${got} != optimum ${opt}`;
  if (!relClose(res.objective, opt)) return `reported objective ${res.objective} != optimum ${opt}`;
  const ref = planObjective(
    inst,
    inst.scenarios.map((sc) => smoothReference(sc.demand, sc.maxStep, inst.alpha * (sc.weight ?? 1))),
  );
  if (!relClose(ref, got)) return `reference objective ${ref} != wasm ${got}`;
  return null;
}

describe('WASM solve() on smoothing instances', () => {
  it(`is feasible and optimal on ${HIGHS_COUNT} random instances (HiGHS)`, async () => {
    const rand = mulberry32(20240601);
    const failures: string[] = [];
    for (let k = 0; k < HIGHS_COUNT; k++) {
      const inst = randomSmoothingInstance(rand, { maxT: 40, maxDemand: 10 });
      const err = await check(inst, await smoothingMilp(inst));
      if (err) failures.push(`#${k} ${err} ${JSON.stringify(inst)}`);
    }
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  }, 60_000);

  it(`is feasible and optimal on ${TINY_COUNT} tiny instances (brute force)`, async () => {
    const rand = mulberry32(7);
    const failures: string[] = [];
    for (let k = 0; k < TINY_COUNT; k++) {
      const inst = randomSmoothingInstance(rand, { maxT: 5, maxDemand: 4 });
      const err = await check(inst, smoothingBruteForce(inst));
      if (err) failures.push(`#${k} ${err} ${JSON.stringify(inst)}`);
    }
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  });
});
