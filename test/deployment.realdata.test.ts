// Deployment on the full Alibaba Tianchi 2018 data (../shared/data/tianchi2018): the
// converter's default instance (prelim_b: the unplaced instances onto the partly used
// machines) and full redeployments of semi_a, under the checker, against the lower bound
// and SpreadWFD. Skipped with a notice when ../shared/data is absent.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { deploy, checkDeployment, type DeploymentInstance } from '../src/node.js';
import { convertTianchi } from '../src/data/tianchi-deploy.js';
import { hasSharedData, sharedDataDir } from './helpers/shared-data.js';

const shared = hasSharedData();
if (!shared) console.warn(`NOTICE: ${sharedDataDir} not found: the deployment tests on the full Tianchi data are skipped`);
const dir = sharedDataDir + 'tianchi2018/';
const files = (set: string) => ({ apps: dir + 'app_resources.csv', machines: dir + `machine_resources.${set}.csv`, deploy: dir + `instance_deploy.${set}.csv` });

describe.skipIf(!shared)('Tianchi 2018, full data', () => {
  it('prelim_b default: 2,790 apps with 6,970 unplaced instances onto 4,040 partly used machines', async () => {
    const inst = convertTianchi(files('prelim_b'));
    expect(inst.items.length).toBe(2790);
    expect(inst.bins!.length).toBe(4040);
    expect(inst.binCapacity).toBe(92);
    // an independent count of the unplaced instances
    const unplaced = readFileSync(dir + 'instance_deploy.prelim_b.csv', 'utf8').split('\n').filter((l) => l.trim() && !l.split(',')[2]).length;
    expect(unplaced).toBe(6970);
    const t0 = performance.now();
    const sol = await deploy(inst);
    const ms = performance.now() - t0;
    const rep = checkDeployment(inst, sol);
    expect(rep.valid, rep.reason).toBe(true);
    expect(sol.newBins).toBeGreaterThanOrEqual(sol.lowerBound);
    expect(sol.newBins).toBeLessThanOrEqual(Math.floor(1.05 * sol.lowerBound) + 2);
    console.log(`prelim_b default: ${sol.newBins} new machines (lower bound ${sol.lowerBound}), ${sol.parts} parts, ${ms.toFixed(0)} ms`);
  });

  it('semi_a, every app redeployed (9,338 services): default within 5 % + 2 of the bound, fewer machines than SpreadWFD (time: see the bench)', async () => {
    const inst = convertTianchi({ ...files('semi_a'), redeployFraction: 1 });
    expect(inst.items.length).toBe(9338);
    expect(inst.bins).toEqual([]);
    await deploy(inst); // warm-up (WASM compile, JIT)
    const t0 = performance.now();
    const sol = await deploy(inst);
    const ms = performance.now() - t0;
    const rep = checkDeployment(inst, sol);
    expect(rep.valid, rep.reason).toBe(true);
    expect(sol.newBins).toBeLessThanOrEqual(Math.floor(1.05 * sol.lowerBound) + 2);
    const spread = await deploy({ ...inst, algorithm: 'spread-wfd' });
    expect(checkDeployment(inst, spread).valid).toBe(true);
    expect(sol.newBins).toBeLessThan(spread.newBins);
    // the instance's part counts are the replica counts: SpreadWFD keeps them
    spread.items.forEach((p, i) => expect(p.parts).toBe(inst.items[i]!.parts));
    console.log(`semi_a, all apps: default ${sol.newBins} new machines (lower bound ${sol.lowerBound}, SpreadWFD ${spread.newBins}), ${sol.parts} parts (SpreadWFD ${spread.parts}), ${ms.toFixed(0)} ms`);
  });

  it('semi_a, a seeded 30 % redeployed onto the machines that keep the rest: every algorithm valid', async () => {
    const inst: DeploymentInstance = convertTianchi({ ...files('semi_a'), redeployFraction: 0.3, seed: 11 });
    expect(inst.items.length).toBe(Math.round(0.3 * 9338));
    for (const algorithm of ['guess-and-pack:worst-fit', 'pack-and-adapt:best-fit', 'guess-and-pack:first-fit', 'spread-wfd'] as const) {
      const sol = await deploy({ ...inst, algorithm });
      const rep = checkDeployment(inst, sol);
      expect(rep.valid, `${algorithm}: ${rep.reason}`).toBe(true);
      expect(sol.newBins).toBeGreaterThanOrEqual(sol.lowerBound);
    }
  });
});
