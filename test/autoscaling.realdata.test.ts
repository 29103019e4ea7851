// Autoscaling on the real data beside the project (../shared/data; skipped with a notice
// without it): the per-pod capacity model's held-out coverage on the real pairs (Bitbrains
// network-in vs CPU per VM; Alibaba GenAI QPS vs GPU utilisation per pod), and a replay on
// the full NAB ELB series (generated per-pod observations: none exist for it).
import { describe, it, expect } from 'vitest';
import { solve } from '../src/node.js';
import { checkAutoscaling } from '../src/problems/autoscaling/check.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { hasShared, shared, bitbrains, genaiPods, nab, generatedObservations, perPodCoverage } from './helpers/autoscaling-data.js';

const ok = hasShared();
if (!ok) console.warn(`NOTICE: ${shared} not found: the autoscaling real-data tests are skipped`);

describe.skipIf(!ok)('per-pod capacity on real pairs (fit on the first 70 %, 90 % bounds on the rest)', () => {
  it('Bitbrains, 36 VMs: held-out coverage within 90 ± 4 %', () => {
    const units = bitbrains().map((v) => {
      const x: number[] = [], y: number[] = [];
      for (let i = 0; i < v.cpu.length; i++) if (Number.isFinite(v.cpu[i]) && Number.isFinite(v.net[i])) { x.push(v.cpu[i]! / 100); y.push(v.net[i]!); }
      return { x, y };
    });
    const c = perPodCoverage(units)!;
    console.log(`Bitbrains held-out coverage ${(100 * c.coverage).toFixed(1)} % over ${c.pairs} pairs`);
    expect(c.coverage).toBeGreaterThan(0.86);
    expect(c.coverage).toBeLessThan(0.94);
  });
  it('Alibaba GenAI, per pod: the bounds never under-cover (measured: over-cover, QPS is mostly 0 with rare bursts)', () => {
    const c = perPodCoverage(genaiPods().filter((p) => p.util.length > 100).map((p) => ({ x: p.util, y: p.qps })))!;
    console.log(`GenAI held-out coverage ${(100 * c.coverage).toFixed(1)} % over ${c.pairs} pairs of ${c.units} pods`);
    expect(c.coverage).toBeGreaterThan(0.88);
  });
});

describe.skipIf(!ok)('replay on the full NAB ELB series (two weeks, last day held out)', () => {
  it('every policy replays, the oracle is never under-provisioned, the checker accepts the solution', async () => {
    const v = nab('elb_request_count_8c0756');
    const inst = { problem: 'autoscaling' as const, step: 300, horizon: 288, evaluate: true, services: [
      { name: 'elb', workload: v, observations: generatedObservations(v, 7).obs },
      { name: 'elb-half', workload: v.map((x) => x / 2), observations: generatedObservations(v, 8).obs },
      { name: 'elb-copy', workload: v.map((x) => x * 1.5) },
    ] };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
    const by = Object.fromEntries(sol.evaluation!.policies.map((p) => [p.policy, p]));
    expect(by.oracle!.underProvisionedSteps).toBe(0);
    expect(by.static!.podHours).toBeGreaterThan(by.oracle!.podHours);
  });
});

describe.skipIf(!ok)('short-lead conformal quantiles on real series (a sliding window of one day, lag 1)', () => {
  it('Bitbrains network-in, 36 VMs, predicted by the value two steps before: 0.8 and 0.95 cover within 3 points', async () => {
    const { leadQuantiles } = await import('../src/problems/autoscaling/calibration.js');
    let c8 = 0, c95 = 0, n = 0;
    for (const v of bitbrains()) {
      const a = Array.from(v.net, (x) => (Number.isFinite(x) ? x : null));
      const point = a.map((_, t) => (t >= 2 && a[t - 2] !== null ? a[t - 2]! : NaN));
      let mean = 0, k = 0;
      for (const x of a) if (x !== null) { mean += x; k++; }
      const r = leadQuantiles(point, a, 300, [0.8, 0.95], { window: 288, lag: 1, floor: 0.05 * (mean / k), minErrors: 20, scale: 'auto' });
      for (let t = 300; t < a.length; t++) {
        const q8 = r.quantiles.get(0.8)![t - 300]!, q95 = r.quantiles.get(0.95)![t - 300]!;
        if (a[t] === null || !Number.isFinite(q8)) continue;
        n++;
        if (a[t]! <= q8) c8++;
        if (a[t]! <= q95) c95++;
      }
    }
    console.log(`Bitbrains short-lead coverage: 0.8 -> ${(100 * c8 / n).toFixed(1)} %, 0.95 -> ${(100 * c95 / n).toFixed(1)} % over ${n} decisions`);
    expect(Math.abs(c8 / n - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(c95 / n - 0.95)).toBeLessThan(0.03);
  });
});
