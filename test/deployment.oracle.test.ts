// Deployment (equally-split bin packing) against the exact MILP (HiGHS) on seeded small
// random instances (<= 6 services, <= 4 partly used machines): the default algorithm's
// machine count matches the optimum in >= 90 % and is never more than one above; the
// lower bound never exceeds the optimum; every algorithm's output passes the checker.
import { describe, expect, it } from 'vitest';
import { deploy, checkDeployment, DEPLOYMENT_ALGORITHMS, type DeploymentInstance } from '../src/node.js';
import { mulberry32 } from './helpers/highs.js';
import { deploymentMilp, randomDeploymentInstance } from './helpers/highs-deployment.js';

const COUNT = 200;

describe('deployment vs the MILP (HiGHS)', () => {
  it(`${COUNT} random instances: default within one machine of the optimum, equal in >= 90 %`, async () => {
    const rand = mulberry32(0xdec0de);
    let feasible = 0;
    let equal = 0;
    let oneAbove = 0;
    let infeasible = 0;
    let provedOptimal = 0;
    let lbTight = 0;
    for (let q = 0; q < COUNT; q++) {
      const inst = randomDeploymentInstance(rand) as DeploymentInstance;
      const sol = await deploy(inst);
      const ctx = JSON.stringify(inst);
      if (sol.status === 'infeasible') {
        infeasible++;
        // the MILP with as many new machines as any split could use must agree
        const U = inst.items.reduce((s, it) => s + Math.max(it.minParts ?? 2, Math.ceil(it.size / inst.binCapacity)), 0);
        const milp = await deploymentMilp(inst, U);
        expect(milp.newBins, `solver says infeasible (${sol.reason}), MILP found ${milp.newBins}\n${ctx}`).toBeUndefined();
        expect(sol.reason).toMatch(/service "s\d+"/);
        continue;
      }
      const report = checkDeployment(inst, sol);
      expect(report.valid, `${report.reason}\n${ctx}`).toBe(true);
      const milp = await deploymentMilp(inst, sol.newBins);
      expect(milp.status, ctx).toBe('Optimal');
      const opt = milp.newBins!;
      feasible++;
      expect(sol.lowerBound, `lower bound above the optimum\n${ctx}`).toBeLessThanOrEqual(opt);
      expect(sol.newBins, `default ${sol.newBins} vs optimum ${opt}\n${ctx}`).toBeLessThanOrEqual(opt + 1);
      if (sol.newBins === opt) equal++;
      else oneAbove++;
      if (sol.status === 'optimal') {
        provedOptimal++;
        expect(sol.newBins).toBe(opt);
      }
      if (sol.lowerBound === opt) lbTight++;
      // the other algorithms: valid, never below the optimum
      for (const algorithm of DEPLOYMENT_ALGORITHMS) {
        if (algorithm === 'guess-and-pack:worst-fit') continue;
        const other = await deploy({ ...inst, algorithm });
        if (other.status === 'infeasible') continue;
        const rep = checkDeployment(inst, other);
        expect(rep.valid, `${algorithm}: ${rep.reason}\n${ctx}`).toBe(true);
        expect(other.newBins, `${algorithm} below the optimum\n${ctx}`).toBeGreaterThanOrEqual(opt);
      }
    }
    console.log(
      `deployment vs MILP: ${feasible} feasible instances: default = optimum in ${equal} (${((100 * equal) / feasible).toFixed(1)} %), ` +
        `one above in ${oneAbove}; proved optimal ${provedOptimal}; lower bound = optimum in ${lbTight}; ${infeasible} infeasible (MILP agrees)`,
    );
    expect(feasible).toBeGreaterThan(COUNT / 2);
    expect(equal / feasible).toBeGreaterThanOrEqual(0.9);
  });
});
