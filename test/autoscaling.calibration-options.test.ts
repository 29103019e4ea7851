// Review (review1) of calibratePhase + calibrateVolatility together, at a step other than the
// tests' 5 minutes (60 s: periods 60 and 1440 steps) and an information lag above 1
// (readySeconds 180: lag 3), scale "auto" and "lead-relative": the replay never lets a forecast
// policy's pods of step t depend on the held-out workload at or after t (docs/autoscaling.md,
// "Replay"), and the defaults (both options off) equal the options set to false.
import { describe, expect, it } from 'vitest';
import { forecastPodsFixedUpTo } from './helpers/lookahead.js';
import { solve } from '../src/node.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { rng, normal } from './helpers/random.js';

describe('calibratePhase and calibrateVolatility together: no look-ahead', () => {
  const u = rng(77);
  const z = normal(u);
  const H = 120;
  const series = (amp: number, phase: number) => Array.from({ length: 3 * 1440 + H }, (_, t) => Math.max(0, 300 + 80 * Math.sin((2 * Math.PI * t) / 1440) + 15 * z() + (t % 60 === phase && u() < 0.8 ? amp : 0)));
  const obs = (cap: number) => Array.from({ length: 30 }, (_, k) => { const x = 0.15 + 0.7 * ((k * 0.37) % 1); return { utilization: x, workloadPerPod: (cap / 0.6) * x * (1 + 0.03 * z()) }; });
  for (const calibrate of ['lead', 'lead-relative'] as const) {
    it(`calibrate ${calibrate}, step 60 s, readySeconds 180`, async () => {
      const inst = {
        problem: 'autoscaling', step: 60, horizon: H, evaluate: true, replanEvery: 30, nowcast: true, combine: 'joint', calibrate, topUp: true, method: 'seasonal-naive', readySeconds: 180,
        calibratePhase: true, calibrateVolatility: calibrate === 'lead' ? true : undefined,
        services: [{ name: 'a', workload: series(500, 7), observations: obs(25) }],
      };
      const base = (await solve(structuredClone(inst))) as AutoscalingSolution;
      const cal = base.evaluation!.calibration!;
      expect(cal.phase!.periods).toEqual([60, 1440]);
      expect(cal.phase!.flagged).toBeGreaterThan(0); // the options are in use (the test can fail)
      if (calibrate === 'lead') expect(cal.volatilityShare).toBeGreaterThan(0);
      let changedLater = false;
      for (const t of [0, 1, 2, 37, 90]) {
        const pert = structuredClone(inst);
        const w = pert.services[0]!.workload;
        for (let j = w.length - H + t; j < w.length; j++) if ((j - (w.length - H + t)) % 2 === 0) w[j] = w[j]! * 5 + 200;
        const sol = (await solve(pert)) as AutoscalingSolution;
        if (forecastPodsFixedUpTo(base, sol, t)) changedLater = true;
      }
      expect(changedLater).toBe(true);
      // both off by default: the same as false
      const off = (await solve({ ...structuredClone(inst), calibratePhase: undefined, calibrateVolatility: undefined })) as AutoscalingSolution;
      const offF = (await solve({ ...structuredClone(inst), calibratePhase: false, calibrateVolatility: false })) as AutoscalingSolution;
      expect(JSON.stringify(off)).toBe(JSON.stringify(offF));
      expect(off.evaluation!.calibration!.phase).toBeUndefined();
      expect(off.evaluation!.calibration!.volatilityShare).toBeUndefined();
    });
  }
  it('refuses the options where they would be ignored (JSON path named)', async () => {
    const base = { problem: 'autoscaling', step: 300, horizon: 12, evaluate: true, services: [{ name: 'a', workload: Array.from({ length: 200 }, (_, t) => 100 + (t % 12)), observations: obs(20) }] };
    await expect(solve({ ...base, calibratePhase: true })).rejects.toMatchObject({ path: 'calibratePhase' });
    await expect(solve({ ...base, calibrate: 'horizon', calibratePhase: true })).rejects.toMatchObject({ path: 'calibratePhase' });
    await expect(solve({ ...base, calibrate: 'lead-relative', calibrateVolatility: true })).rejects.toMatchObject({ path: 'calibrateVolatility' });
    await expect(solve({ ...base, calibrateVolatility: true })).rejects.toMatchObject({ path: 'calibrateVolatility' });
    await expect(solve({ ...base, calibrate: 'lead-additive', calibratePhase: true })).resolves.toBeDefined();
  });
});
