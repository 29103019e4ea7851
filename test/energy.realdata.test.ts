// The energy blocks on the full real sets (docs/data.md; skipped with a notice when
// absent): every plan's block passes its independent checker, including a deployment at its
// lower bound whose saving against the bound (0) is the difference of two 41,000-kWh figures.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { solve, check } from '../src/node.js';
import { convertTianchi } from '../src/data/tianchi-deploy.js';
import { readRoadef } from '../src/data/roadef.js';
import { hasSharedData, sharedDataDir, roadefDir } from './helpers/shared-data.js';

const t = sharedDataDir + 'tianchi2018/';
const haveTianchi = hasSharedData();
const haveRoadef = existsSync(roadefDir + 'model_a2_1.txt');
if (!haveTianchi) console.log(`NOTICE: ${t} is absent: the Tianchi energy tests are skipped`);
if (!haveRoadef) console.log(`NOTICE: ${roadefDir} is absent: the ROADEF energy tests are skipped`);

describe('energy on real plans', () => {
  it.skipIf(!haveTianchi)('Tianchi semi_a, every app redeployed: 2,951 new machines at the lower bound; the checker accepts the block', async () => {
    const inst = convertTianchi({ apps: t + 'app_resources.csv', machines: t + 'machine_resources.semi_a.csv', deploy: t + 'instance_deploy.semi_a.csv', redeployFraction: 1, seed: 1 });
    const sol: any = await solve(inst);
    const r = check(inst, sol);
    expect(r.valid, r.reason).toBe(true);
    expect(sol.energy.newServers).toBe(sol.newBins);
    expect(Math.abs(sol.energy.baselines[0].savedKWh)).toBeLessThan(1e-6);
    expect(sol.energy.baselines[1].savedKWh).toBeGreaterThan(0);
  }, 120_000);
  it.skipIf(!haveRoadef)('ROADEF a2_1 migrated: the freed machines save energy; the checker accepts the block', async () => {
    const inst: any = { ...readRoadef(roadefDir + 'model_a2_1.txt', roadefDir + 'assignment_a2_1.txt', { alpha: 0.01, maxParallel: 8 }), target: 'heuristic' };
    const sol: any = await solve(inst);
    const r = check(inst, sol);
    expect(r.valid, r.reason).toBe(true);
    expect(sol.energy.servers).toBeLessThan(sol.energy.baselines[0].servers);
    expect(sol.energy.baselines[0].savedKWh).toBeGreaterThan(0);
  }, 120_000);
});
