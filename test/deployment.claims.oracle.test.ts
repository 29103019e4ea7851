// Deployment's optimality claims (docs/deployment.md: "optimal" only when newBins equals the
// lower bound and every service has the fewest parts that fit anywhere) cross-checked for
// EVERY algorithm, not only the default (deployment.oracle.test.ts):
//  - 300 seeded instances against HiGHS: a solution claiming "optimal" has the MILP's fewest
//    new machines and the fewest parts any plan with that many new machines has (a second
//    MILP, objective Σ parts); every lowerBound is at most the optimum;
//  - 200 tiny instances against a brute force written here (every part count, every set of
//    machines), which also checks both MILPs.
import { describe, expect, it } from 'vitest';
import { deploy, checkDeployment, DEPLOYMENT_ALGORITHMS, type DeploymentInstance } from '../src/node.js';
import { mulberry32 } from './helpers/highs.js';
import { deploymentMilp, deploymentPartsMilp, randomDeploymentInstance, type DeployInstance } from './helpers/highs-deployment.js';

/** New machines enough for any plan: each service alone on its fewest new machines. */
const enough = (inst: DeployInstance) => inst.items.reduce((s, it) => s + Math.max(it.minParts ?? 2, Math.ceil(it.size / inst.binCapacity)), 0);

/**
 * Brute force: the fewest new machines N (0, 1, ... up to `enough`) for which some plan exists,
 * and the fewest parts of a plan with at most N new machines; null when no plan exists.
 */
function bruteForce(inst: DeployInstance): { newBins: number; parts: number } | null {
  const free = (inst.bins ?? []).map((b) => b.free);
  let big = inst.binCapacity;
  for (const f of free) big = Math.max(big, f);
  const eps = 1e-9 * Math.max(1, big);
  for (let N = 0; N <= enough(inst); N++) {
    const room = [...free, ...new Array<number>(N).fill(inst.binCapacity)];
    let best = Infinity;
    const place = (i: number, parts: number): void => {
      if (parts >= best) return;
      if (i === inst.items.length) { best = parts; return; }
      const it = inst.items[i]!;
      const hi = Math.min(it.maxParts ?? Infinity, room.length);
      for (let k = it.minParts ?? 2; k <= hi; k++) {
        const s = it.size / k;
        // every set of k distinct machines with room for a part
        const pick = (from: number, left: number): void => {
          if (left === 0) { place(i + 1, parts + k); return; }
          for (let b = from; b <= room.length - left; b++) {
            if (s > room[b]! + eps) continue;
            room[b] = room[b]! - s;
            pick(b + 1, left - 1);
            room[b] = room[b]! + s;
          }
        };
        pick(0, k);
      }
    };
    place(0, 0);
    if (best < Infinity) return { newBins: N, parts: best };
  }
  return null;
}

/** Every algorithm's answer on `inst`, against the optimum; returns the claims of "optimal" checked. */
async function checkAll(inst: DeploymentInstance, opt: { newBins: number; parts: number } | null): Promise<number> {
  let claims = 0;
  const ctx = JSON.stringify(inst);
  for (const algorithm of DEPLOYMENT_ALGORITHMS) {
    const sol = await deploy({ ...inst, algorithm });
    if (opt === null) {
      expect(sol.status, `${algorithm}: no plan exists\n${ctx}`).toBe('infeasible');
      continue;
    }
    if (sol.status === 'infeasible') {
      // only spread-wfd may give up (it keeps one part count per service); never a proof
      expect(algorithm, `${algorithm} says infeasible (${sol.reason}) but a plan with ${opt.newBins} new machines exists\n${ctx}`).toBe('spread-wfd');
      continue;
    }
    const rep = checkDeployment(inst, sol);
    expect(rep.valid, `${algorithm}: ${rep.reason}\n${ctx}`).toBe(true);
    expect(sol.lowerBound, `${algorithm}: lowerBound above the optimum\n${ctx}`).toBeLessThanOrEqual(opt.newBins);
    expect(sol.newBins, `${algorithm}: below the optimum\n${ctx}`).toBeGreaterThanOrEqual(opt.newBins);
    if (sol.status === 'optimal') {
      claims++;
      expect(sol.newBins, `${algorithm} claims optimal with ${sol.newBins} new machines, optimum ${opt.newBins}\n${ctx}`).toBe(opt.newBins);
      expect(sol.parts, `${algorithm} claims optimal with ${sol.parts} parts, fewest ${opt.parts}\n${ctx}`).toBe(opt.parts);
    }
  }
  return claims;
}

describe('deployment: every algorithm\'s "optimal" claims vs HiGHS', () => {
  it('300 seeded instances (<= 6 services, <= 4 partly used machines)', async () => {
    const rand = mulberry32(0xc1a1e5);
    let claims = 0;
    let feasible = 0;
    for (let q = 0; q < 300; q++) {
      const inst = randomDeploymentInstance(rand) as DeploymentInstance;
      // as many new machines as the default's plan uses bound the optimum (fewer binaries than `enough`)
      const first = await deploy(inst);
      const milp = await deploymentMilp(inst, first.status === 'infeasible' ? enough(inst) : first.newBins);
      let opt: { newBins: number; parts: number } | null = null;
      if (milp.newBins !== undefined) {
        const parts = await deploymentPartsMilp(inst, milp.newBins);
        expect(parts, JSON.stringify(inst)).toBeDefined();
        opt = { newBins: milp.newBins, parts: parts! };
        feasible++;
      }
      claims += await checkAll(inst, opt);
    }
    console.log(`deployment claims vs HiGHS: ${feasible} feasible of 300; ${claims} "optimal" claims checked over ${DEPLOYMENT_ALGORITHMS.length} algorithms`);
    expect(feasible).toBeGreaterThan(250);
    expect(claims).toBeGreaterThan(500);
  });
});

describe('deployment: brute force on tiny instances', () => {
  it('200 instances (<= 3 services, <= 2 partly used machines): both MILPs and every algorithm agree', async () => {
    const rand = mulberry32(0x71a7);
    let claims = 0;
    let feasible = 0;
    for (let q = 0; q < 200; q++) {
      const inst = randomDeploymentInstance(rand, 3, 2) as DeploymentInstance;
      const bf = bruteForce(inst);
      const milp = await deploymentMilp(inst, enough(inst));
      expect(milp.newBins, `MILP vs brute force\n${JSON.stringify(inst)}`).toBe(bf?.newBins);
      if (bf) {
        expect(await deploymentPartsMilp(inst, bf.newBins), `parts MILP vs brute force\n${JSON.stringify(inst)}`).toBe(bf.parts);
        feasible++;
      }
      claims += await checkAll(inst, bf);
    }
    console.log(`deployment vs brute force: ${feasible} feasible of 200; ${claims} "optimal" claims checked`);
    expect(feasible).toBeGreaterThan(150);
    expect(claims).toBeGreaterThan(300);
  });
});
