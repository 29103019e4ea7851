// Every exact knapsack path that a caller can force, each against HiGHS on seeded
// instances built so that the path really runs (docs/testing.md, "Exactness evidence,
// audited"): the audit found that in knapsack.oracle.test.ts forced "dp-concave" runs the
// concave kernel on 57 of 320 instances only (no shared size: it reports dp-deque), the
// memory-light reconstruction and the proximity method's expanding core never meet HiGHS.
//  - dp-concave: sizes drawn from a few values, so types share sizes (the solution must say
//    "dp-concave"); zero values, density ties, capacity 0, near the total;
//  - the memory-light reconstruction (divide and conquer, maxBytes = the light plan's own
//    bytes, so no table fits beside it) for dp-deque and dp-concave; for proximity the light
//    plan is chosen, but once its windows are cut to the chosen sizes their tables fit the
//    budget, so its divide and conquer is covered by knapsack.binary.test.ts (against the DP);
//  - proximity with the expanding core (estimated work over 2e6: the narrow passes run first).
import { describe, expect, it } from 'vitest';
import { knapsack, checkKnapsack } from '../src/node.js';
import { kernels } from '../src/wasm/loader.js';
import { prepare } from '../src/problems/knapsack/prepare.js';
import { choose } from '../src/problems/knapsack/plans.js';
import { mulberry32, relClose } from './helpers/highs.js';
import { knapsackBruteForce, knapsackMilp, type KnapsackInstance } from './helpers/highs-knapsack.js';

/** Work above which forced proximity runs the narrow passes first (src/problems/knapsack/solve.ts TWO_PASS_WORK). */
const TWO_PASS_WORK = 2e6;

type Algo = 'dp-deque' | 'dp-concave' | 'proximity';

/** The plan the solver would run (light tables or not, its estimated work). */
async function planOf(inst: KnapsackInstance, algorithm: Algo, maxBytes = 2 ** 28) {
  const p = prepare(inst.items.map((it) => ({ size: it.size, value: it.value, copies: it.copies ?? 1 })), inst.capacity);
  return choose({ k: await kernels(), p, maxBytes }, algorithm);
}

async function expectExact(inst: KnapsackInstance, opt: number, algorithm: Algo, maxBytes?: number) {
  const sol = await knapsack(inst, { algorithm, maxBytes });
  const rep = checkKnapsack(inst, sol);
  expect(rep.valid, `${algorithm}: ${rep.reason}\n${JSON.stringify(inst)}`).toBe(true);
  expect(relClose(sol.value, opt, 1e-9), `${algorithm}${maxBytes ? ' light' : ''} ${sol.value} vs optimum ${opt}\n${JSON.stringify(inst)}`).toBe(true);
  return sol;
}

/** Whether two usable item types (value > 0, size <= capacity, not both size and value equal) share a size. */
function sharesSize(inst: KnapsackInstance): boolean {
  const types = new Map<number, Set<number>>();
  for (const it of inst.items) {
    if (it.value <= 0 || it.size > inst.capacity) continue;
    (types.get(it.size) ?? types.set(it.size, new Set()).get(it.size)!).add(it.value);
  }
  return [...types.values()].some((v) => v.size > 1);
}

/** Types sharing sizes: sizes from a small set, values uncorrelated / zero / tied densities. */
function sharedSizeInstance(rand: () => number, k: number): KnapsackInstance {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const sizes = Array.from({ length: int(1, 3) }, () => int(1, 25));
  const n = int(2, 12);
  const shape = k % 4; // 0 uncorrelated, 1 zero values, 2 density ties (value 2·size or 3·size), 3 fractional
  const items = Array.from({ length: n }, (_, j) => {
    const size = sizes[j % sizes.length]!;
    const value = shape === 0 ? int(0, 60) : shape === 1 ? (rand() < 0.5 ? 0 : int(1, 30)) : shape === 2 ? (j % 2 ? 2 * size : 3 * size) : Math.round(rand() * 1e5) / 1000;
    return { name: `i${j}`, size, value, copies: int(1, 40) };
  });
  const total = items.reduce((a, it) => a + it.size * it.copies, 0);
  const c = k % 10;
  const capacity = c === 0 ? 0 : c === 1 ? total : c === 2 ? Math.max(0, total - int(1, 3)) : int(0, Math.min(3000, total));
  return { problem: 'knapsack', capacity, items };
}

describe('forced dp-concave vs HiGHS (types sharing sizes)', () => {
  it('320 instances: the concave kernel runs (the solution says dp-concave) and is optimal; also light', async () => {
    const rand = mulberry32(0xc0ca7e);
    let concave = 0;
    let shared = 0;
    let light = 0;
    let lightDeque = 0;
    for (let k = 0; k < 320; k++) {
      const inst = sharedSizeInstance(rand, k);
      const opt = await knapsackMilp(inst);
      const sol = await expectExact(inst, opt, 'dp-concave');
      if (sol.algorithm === 'dp-concave') concave++;
      if (sharesSize(inst)) shared++;
      // the memory-light reconstruction: a budget under the tables, over the light plan
      const plan = await planOf(inst, 'dp-concave');
      // (lighten() keeps the tables unless they are over the budget and the light plan is not;
      // the budget is then the light plan's own bytes, so that no table fits beside it)
      const lightPlan = await planOf(inst, 'dp-concave', plan.bytes - 1);
      if (lightPlan.light) {
        await expectExact(inst, opt, 'dp-concave', lightPlan.bytes);
        light++;
      }
      const deque = await planOf(inst, 'dp-deque', (await planOf(inst, 'dp-deque')).bytes - 1);
      if (deque.light) {
        await expectExact(inst, opt, 'dp-deque', deque.bytes);
        lightDeque++;
      }
    }
    console.log(`dp-concave vs HiGHS: concave kernel ran on ${concave} of 320 (${shared} with usable types sharing a size); light reconstruction compared on ${light} (dp-deque: ${lightDeque})`);
    // the concave kernel runs exactly where usable types (value > 0, size <= capacity, merged when equal) share a size
    expect(concave).toBe(shared);
    expect(concave).toBeGreaterThanOrEqual(200);
    expect(light).toBeGreaterThanOrEqual(200);
    expect(lightDeque).toBeGreaterThanOrEqual(200);
  });
});

describe('forced proximity vs HiGHS: the expanding core and the light reconstruction', () => {
  it('60 instances with estimated work over 2e6: the narrow passes run first (expanding core)', async () => {
    const rand = mulberry32(0x9e0c0e);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    let expanding = 0;
    for (let k = 0; k < 60; k++) {
      const sMax = int(1500, 4000);
      // strongly correlated (k odd) or nearly so: wide reduced-cost cores
      const items = Array.from({ length: int(60, 90) }, (_, j) => {
        const size = int(Math.floor(sMax / 2), sMax);
        return { name: `i${j}`, size, value: k % 2 ? size + Math.floor(sMax / 10) : size + int(0, Math.floor(sMax / 50)), copies: int(1, 6) };
      });
      const total = items.reduce((a, it) => a + it.size * it.copies, 0);
      const inst: KnapsackInstance = { problem: 'knapsack', capacity: Math.floor(total * (0.2 + 0.6 * rand())), items };
      const plan = await planOf(inst, 'proximity');
      if (plan.algorithm === 'proximity' && !plan.allFit && plan.work > TWO_PASS_WORK) expanding++;
      await expectExact(inst, await knapsackMilp(inst), 'proximity');
    }
    console.log(`proximity vs HiGHS: expanding core on ${expanding} of 60`);
    expect(expanding).toBeGreaterThanOrEqual(40);
  });

  it('120 instances with s_max in 150..400, and the light reconstruction on every fourth', async () => {
    const rand = mulberry32(0x9e0c0f);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    let light = 0;
    for (let k = 0; k < 120; k++) {
      const sMax = int(150, 400);
      const shape = k % 3; // 0 uncorrelated, 1 strongly correlated, 2 near-correlated
      const items = Array.from({ length: int(15, 40) }, (_, j) => {
        const size = int(1, sMax);
        const value = shape === 0 ? int(0, 10 * sMax) : shape === 1 ? size + Math.floor(sMax / 10) : Math.max(0, size + int(-Math.floor(sMax / 10), Math.floor(sMax / 10)));
        return { name: `i${j}`, size, value, copies: int(1, 6) };
      });
      const total = items.reduce((a, it) => a + it.size * it.copies, 0);
      const inst: KnapsackInstance = { problem: 'knapsack', capacity: Math.floor(total * (0.2 + 0.6 * rand())), items };
      const opt = await knapsackMilp(inst);
      await expectExact(inst, opt, 'proximity');
      if (k % 4 === 0) {
        const plan = await planOf(inst, 'proximity');
        const lightPlan = await planOf(inst, 'proximity', plan.bytes - 1);
        if (lightPlan.light) {
          await expectExact(inst, opt, 'proximity', lightPlan.bytes);
          light++;
        }
      }
    }
    console.log(`proximity vs HiGHS: light reconstruction on ${light} of 30`);
    expect(light).toBeGreaterThanOrEqual(20);
  });
});

describe('forced methods vs brute force on tiny shared-size instances', () => {
  it('300 instances, every method (the concave kernel where usable types share a size)', async () => {
    const rand = mulberry32(0x7e57);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    let concave = 0;
    let shared = 0;
    for (let k = 0; k < 300; k++) {
      const s = int(1, 5);
      const items = Array.from({ length: int(1, 4) }, (_, j) => ({ name: `i${j}`, size: j % 2 ? s : int(1, 5), value: rand() < 0.2 ? 0 : int(0, 20), copies: int(1, 4) }));
      const inst: KnapsackInstance = { problem: 'knapsack', capacity: int(0, 25), items };
      const bf = knapsackBruteForce(inst);
      if (sharesSize(inst)) shared++;
      for (const a of ['dp-deque', 'dp-concave', 'proximity'] as const) {
        const sol = await expectExact(inst, bf, a);
        if (sol.algorithm === 'dp-concave') concave++;
      }
    }
    expect(concave).toBe(shared);
    expect(concave).toBeGreaterThanOrEqual(60);
  });
});
