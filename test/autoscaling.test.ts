// The autoscaling problem end to end (docs/autoscaling.md): the example solves and passes
// the independent checker, the checker catches tampering, the pod range is ordered, the
// pooled prior is used (and said) for services without observations, pooling is
// scale-free, and bad input is refused with its JSON path.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { solve, trySolve } from '../src/node.js';
import { checkAutoscaling } from '../src/problems/autoscaling/check.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';

const example = JSON.parse(readFileSync(new URL('../examples/autoscaling.json', import.meta.url), 'utf8'));
const daily = (n: number, level: number, amp: number, phase = 0) => Array.from({ length: n }, (_, t) => Math.round(level * (1 + amp * Math.sin((2 * Math.PI * (t + phase)) / 48)) + ((t * 7919) % 13)));
const obs = (w: number, b: number, n = 8) => Array.from({ length: n }, (_, k) => { const u = 0.2 + (0.6 * k) / (n - 1); return { utilization: u, workloadPerPod: w * u + b + ((k * 37) % 5) - 2 }; });

describe('autoscaling', () => {
  it('solves the example; the independent checker accepts it', async () => {
    const sol = (await solve(example)) as AutoscalingSolution;
    expect(sol.services).toHaveLength(3);
    expect(checkAutoscaling(example, sol)).toEqual({ valid: true, reason: 'ok', objective: sol.totals.podHours });
    const ev = sol.evaluation!;
    expect(ev.policies.map((p) => p.policy)).toEqual(['hpa', 'autopilot', 'static', 'forecast-saving', 'forecast-balanced', 'forecast-safe', 'forecast-saving+hpa', 'forecast-balanced+hpa', 'forecast-saving+guard', 'forecast-balanced+guard', 'oracle']);
    expect(ev.policies.find((p) => p.policy === 'oracle')!.underProvisionedSteps).toBe(0);
    // the service without observations falls back to the pooled prior and says so
    const eu = sol.services[1]!;
    expect(eu.perPod.source).toBe('pooled');
    expect(eu.notes.join(' ')).toMatch(/pooled prior/);
    expect(sol.services[0]!.perPod.source).toBe('service');
  });

  it('replanEvery: the forecast policies re-plan from the history known then', async () => {
    const inst = { ...structuredClone(example), replanEvery: 6 };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(sol.evaluation!.replanEvery).toBe(6);
    for (const s of sol.evaluation!.services) for (const p of ['forecast-saving', 'forecast-balanced', 'forecast-safe']) expect(s.pods[p]).toHaveLength(24);
    expect(checkAutoscaling(inst, sol).valid).toBe(true);
    // each re-plan is the plan a solve with the history known then would give, one step
    // further ahead (the pods of a re-plan's first step start while the step before it is
    // still being measured): without smoothing (alpha 0) the first re-plan equals steps
    // 2..7 of a balanced seven-step plan from the history without its last 25 values
    const inst0 = { ...structuredClone(example), replanEvery: 6, alpha: 0 };
    const sol0 = (await solve(inst0)) as AutoscalingSolution;
    const direct = (await solve({ ...structuredClone(example), alpha: 0, evaluate: false, horizon: 7, services: example.services.map((s: any) => ({ ...s, workload: s.workload.slice(0, s.workload.length - 25) })) })) as AutoscalingSolution;
    direct.services.forEach((d, i) => expect(sol0.evaluation!.services[i]!.pods['forecast-balanced']!.slice(0, 6)).toEqual(d.pods.plan.slice(1)));
  });

  it('the range is ordered: saving <= plan before smoothing <= safe, and the smoothed plan never below it', async () => {
    const inst = { problem: 'autoscaling', step: 1800, horizon: 48, services: [{ name: 'a', workload: daily(240, 900, 0.5), observations: obs(120, -4) }, { name: 'b', workload: daily(240, 300, 0.7, 9), observations: obs(100, 2) }] };
    const sol = (await solve(inst)) as AutoscalingSolution;
    for (const s of sol.services) {
      for (let t = 0; t < 48; t++) {
        expect(s.pods.saving[t]!).toBeLessThanOrEqual(s.pods.unsmoothed[t]!);
        expect(s.pods.unsmoothed[t]!).toBeLessThanOrEqual(s.pods.safe[t]!);
        expect(s.pods.plan[t]!).toBeGreaterThanOrEqual(s.pods.unsmoothed[t]!);
      }
      expect(s.perPod.lower).toBeLessThan(s.perPod.planQuantile);
      expect(s.perPod.planQuantile).toBeLessThan(s.perPod.mean);
    }
    expect(checkAutoscaling(inst, sol).valid).toBe(true);
  });

  it('pooling is scale-free: a service measured in a unit 1,000 times smaller gets a capacity 1,000 times larger and the same pods', async () => {
    const a = { name: 'a', workload: daily(240, 900, 0.5), observations: obs(120, -4) };
    const b = { name: 'b', workload: daily(240, 300, 0.7, 9), observations: obs(100, 2) };
    const c = { name: 'c', workload: daily(240, 500, 0.3, 3), observations: obs(90, 0) };
    const milli = { ...b, name: 'b-milli', workload: b.workload.map((x) => x * 1000), observations: b.observations.map((o) => ({ ...o, workloadPerPod: o.workloadPerPod * 1000 })) };
    const s1 = (await solve({ problem: 'autoscaling', step: 1800, horizon: 48, services: [a, b, c] })) as AutoscalingSolution;
    const s2 = (await solve({ problem: 'autoscaling', step: 1800, horizon: 48, services: [a, milli, c] })) as AutoscalingSolution;
    expect(s2.services[1]!.perPod.mean / s1.services[1]!.perPod.mean).toBeCloseTo(1000, 6);
    expect(s2.services[1]!.pods.plan).toEqual(s1.services[1]!.pods.plan);
    expect(s2.services[0]!.pods.plan).toEqual(s1.services[0]!.pods.plan);
  });

  it('the checker catches tampering', async () => {
    const sol = (await solve(example)) as AutoscalingSolution;
    const bad = (f: (s: any) => void) => { const c = structuredClone(sol); f(c); return checkAutoscaling(example, c); };
    const i = sol.services[0]!.pods.plan.findIndex((n, t) => n > sol.services[0]!.pods.unsmoothed[t]!);
    expect(bad((s) => { s.services[0].pods.plan[0] = s.services[0].pods.unsmoothed[0] - 1; }).reason).toMatch(/below the unsmoothed count/);
    expect(bad((s) => { s.services[0].pods.saving[3] += 1; }).reason).toMatch(/pods.saving\[3\]/);
    expect(bad((s) => { s.services[2].pods.safe[5] += 2; }).reason).toMatch(/pods.safe\[5\]/);
    expect(bad((s) => { s.totals.kWh *= 1.01; }).reason).toMatch(/totals.kWh/);
    expect(bad((s) => { s.totals.kgCO2 *= 0.99; }).reason).toMatch(/totals.kgCO2/);
    expect(bad((s) => { s.services[0].perPod.planQuantile *= 0.9; }).valid).toBe(false);
    expect(bad((s) => { s.evaluation.policies[3].rrc += 0.1; }).reason).toMatch(/rrc/);
    expect(bad((s) => { s.services.pop(); }).valid).toBe(false);
    expect(bad((s) => { s.services[2].pods.plan[7] = s.services[2].pods.plan[6] + 11; s.services[2].pods.unsmoothed[7] = Math.min(s.services[2].pods.unsmoothed[7], s.services[2].pods.plan[7]); }).reason).toMatch(/maxStep|pods\./);
    if (i >= 0) expect(bad((s) => { s.services[0].pods.plan[i] += 5; s.totals.podHours += 5 * 0.5; }).valid).toBe(false);
    expect(checkAutoscaling(example, null).valid).toBe(false);
  });

  it('the checker refuses 0 pods for a positive forecast, however small (the solver gives it a pod; review)', async () => {
    // a tiny workload (1e-16 per step, a capacity of ~1200 per pod) with minPods 0: the solver plans 1 pod every step
    const s0 = example.services[0];
    const tinyInst = (combine?: string) => ({ problem: 'autoscaling', step: 3600, horizon: 24, risk: 'balanced', ...(combine ? { combine } : {}), services: [{ name: 'tiny', workload: s0.workload.map((x: number) => x * 1e-20), observations: s0.observations, minPods: 0, maxPods: 10 }] });
    for (const combine of [undefined, 'joint']) {
      const inst = tinyInst(combine);
      const sol = (await solve(inst)) as AutoscalingSolution;
      const g = sol.services[0]!;
      expect(g.forecast.mean.every((x) => x > 0)).toBe(true);
      expect(g.pods.saving.every((n) => n === 1) && g.pods.plan.every((n) => n === 1)).toBe(true);
      expect(checkAutoscaling(inst, sol).valid).toBe(true);
      const bad = (f: (s: any) => void) => { const c = structuredClone(sol); f(c); return checkAutoscaling(inst, c); };
      expect(bad((s) => { s.services[0].pods.saving[0] = 0; }).reason, combine).toMatch(/pods.saving\[0\]/);
      // the whole plan at 0 pods, its totals recomputed (0): a plan that runs the workload on nothing
      expect(bad((s) => {
        for (const k of ['saving', 'plan', 'safe', 'unsmoothed']) s.services[0].pods[k].fill(0);
        s.services[0].pods.unsmoothedCost = 0;
        for (const k of Object.keys(s.totals)) if (typeof s.totals[k] === 'number') s.totals[k] = 0;
      }).valid, combine).toBe(false);
    }
  });

  it('the autopilot baseline gives a positive workload, however small, a pod too (review: it planned 0 pods, every step under-provisioned, while hpa and the oracle had one)', async () => {
    const obs3 = [{ utilization: 0.4, workloadPerPod: 40 }, { utilization: 0.6, workloadPerPod: 60 }, { utilization: 0.5, workloadPerPod: 50 }];
    const inst = { problem: 'autoscaling', step: 3600, horizon: 4, evaluate: true, services: [{ name: 's', workload: Array(8).fill(1e-8), observations: obs3, minPods: 0 }] };
    const ev = ((await solve(inst)) as AutoscalingSolution).evaluation!;
    expect(Array.from(ev.services[0]!.pods.oracle)).toEqual([1, 1, 1, 1]);
    expect(Array.from(ev.services[0]!.pods.autopilot)).toEqual([1, 1, 1, 1]);
    expect(ev.policies.find((p) => p.policy === 'autopilot')!.underProvisionedSteps).toBe(0);
    // and none for no workload (minPods 0)
    const idle = structuredClone(inst);
    idle.services[0]!.workload = Array(8).fill(0);
    const ev0 = ((await solve(idle)) as AutoscalingSolution).evaluation!;
    expect(Array.from(ev0.services[0]!.pods.autopilot)).toEqual([0, 0, 0, 0]);
  });

  const base = () => structuredClone(example);
  const cases: [string, (i: any) => void, string, RegExp][] = [
    ['negative workload', (i) => { i.services[1].workload[3] = -1; }, 'services[1].workload[3]', /number >= 0/],
    ['utilisation not a number', (i) => { i.services[0].observations[2].utilization = 'x'; }, 'services[0].observations[2].utilization', /finite number/],
    ['risk out of range', (i) => { i.risk = 1; }, 'risk', /quantile/],
    ['unknown risk name', (i) => { i.risk = 'yolo'; }, 'risk', /"saving", "balanced", "safe"/],
    ['pue below 1', (i) => { i.energy.pue = 0.5; }, 'energy.pue', /1\.\.10/],
    ['peak below idle', (i) => { i.energy.peakWatts = 100; }, 'energy.peakWatts', /below idleWatts/],
    ['minPods above maxPods', (i) => { i.services[0].minPods = 500; }, 'services[0].minPods', /above maxPods/],
    ['duplicate names', (i) => { i.services[2].name = 'taxi-dispatch'; }, 'services[2].name', /duplicates services\[0\]\.name/],
    ['unknown field', (i) => { i.services[0].replicas = 3; }, 'services[0].replicas', /not a known field/],
    ['horizon 0', (i) => { i.horizon = 0; }, 'horizon', /integer in 1\.\.100000/],
    ['evaluate without history before the horizon', (i) => { i.services[2].workload = i.services[2].workload.slice(0, 20); }, 'services[2].workload', /holds out the last horizon/],
    ['all null', (i) => { i.services[1].workload = i.services[1].workload.map(() => null); }, 'services[1].workload', /all null/],
    ['no observations anywhere', (i) => { for (const s of i.services) delete s.observations; }, 'services', /too few observations/],
    ['one utilisation only', (i) => { for (const s of i.services) for (const o of s.observations ?? []) o.utilization = 0.5; }, 'services', /distinct utilisations/],
    ['replanEvery 0', (i) => { i.replanEvery = 0; }, 'replanEvery', /integer number of steps/],
    ['empty services', (i) => { i.services = []; }, 'services', /non-empty/],
  ];
  it.each(cases)('refuses %s with its JSON path', async (_n, f, path, msg) => {
    const inst = base();
    f(inst);
    const r = await trySolve(inst);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.path).toBe(path);
      expect(r.error.message).toMatch(msg);
    }
  });
});
