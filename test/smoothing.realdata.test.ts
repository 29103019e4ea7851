// Real demand: Alibaba Tianchi 2018 apps (per-instance CPU curve × instance count) and the
// NAB nyc_taxi series. The bundled excerpt always runs; the full sets need ../shared/data.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { smooth, checkSmoothing } from '../src/node.js';
import { readBundledApps, appDemand } from '../src/data/tianchi.js';
import { readTianchiApps, hasSharedData, sharedDataDir } from './helpers/shared-data.js';
import { smoothingMilp } from './helpers/highs.js';
import { expectGolden } from './helpers/golden.js';

const shared = hasSharedData();
if (!shared) console.warn(`NOTICE: ${sharedDataDir} not found: tests on the full Tianchi and NAB data are skipped`);

const GOLDEN_APPS = ['app_4825', 'app_3283', 'app_7067'];

describe('bundled Tianchi excerpt (60 apps, 98 steps)', () => {
  const apps = readBundledApps();
  it.each([0, 1, 4, 16])('alpha = %s: every plan passes the checker and equals the HiGHS optimum', async (alpha) => {
    const inst = { problem: 'smoothing' as const, alpha, scenarios: apps.map((a) => ({ name: a.app, demand: appDemand(a) })) };
    const sol = await smooth(inst);
    const rep = checkSmoothing(inst, sol);
    expect(rep.valid, rep.reason).toBe(true);
    const milp = await smoothingMilp(inst);
    expect(Math.abs(sol.objective - milp)).toBeLessThanOrEqual(1e-6 * Math.max(1, milp));
  });
  it.each(GOLDEN_APPS)('golden plan for %s (alpha 4, maxStep 8)', async (name) => {
    const app = apps.find((a) => a.app === name)!;
    expect(app).toBeDefined();
    const inst = { problem: 'smoothing' as const, alpha: 4, scenarios: [{ name, maxStep: 8, demand: appDemand(app) }] };
    const sol = await smooth(inst);
    const golden = expectGolden(`smoothing-${name}.json`, inst, sol);
    expect(checkSmoothing(inst, golden.solution).valid).toBe(true);
    expect(sol.objective).toBeCloseTo(await smoothingMilp(inst), 6);
  });
});

describe.skipIf(!shared)('full Tianchi app_resources.csv (9,338 apps)', () => {
  it('every app with instances: checker-valid plans; 60 sampled apps equal HiGHS', async () => {
    const apps = readTianchiApps().filter((a) => a.instances > 0);
    expect(apps.length).toBeGreaterThan(1000);
    for (const maxStep of [undefined, 2]) {
      const inst = { problem: 'smoothing' as const, alpha: 2, scenarios: apps.map((a) => ({ name: a.app, ...(maxStep === undefined ? {} : { maxStep }), demand: appDemand(a) })) };
      const sol = await smooth(inst);
      const rep = checkSmoothing(inst, sol);
      expect(rep.valid, rep.reason).toBe(true);
      const step = Math.floor(apps.length / 60);
      const sample = { ...inst, scenarios: inst.scenarios.filter((_, i) => i % step === 0).slice(0, 60) };
      const part = await smooth(sample);
      expect(part.objective).toBeCloseTo(await smoothingMilp(sample), 6);
    }
  });
});

describe.skipIf(!shared)('NAB nyc_taxi (10,320 half-hour steps)', () => {
  it.each([
    [1000, undefined],
    [200, 5],
  ])('alpha %s, maxStep %s: plan passes the checker and equals HiGHS', async (alpha, maxStep) => {
    const rows = readFileSync(sharedDataDir + 'nab/nyc_taxi.csv', 'utf8').trim().split('\n').slice(1);
    const demand = rows.map((r) => Number(r.split(',')[1]) / 100); // hundreds of rides
    expect(demand.length).toBe(10320);
    const inst = { problem: 'smoothing' as const, alpha, scenarios: [{ name: 'nyc_taxi', ...(maxStep === undefined ? {} : { maxStep }), demand }] };
    const sol = await smooth(inst);
    expect(checkSmoothing(inst, sol).valid).toBe(true);
    expect(sol.objective).toBeCloseTo(await smoothingMilp(inst), 4);
  });
});
