// The replay (docs/autoscaling.md, "Replay"): HPA against hand-worked traces (tolerance,
// stabilisation window, rate limits, readiness delay, the long-step collapse), the oracle
// as the floor, and the energy formula by hand.
import { describe, expect, it } from 'vitest';
import { replayHpa, type HpaBehavior, type ReactiveInput } from '../src/problems/autoscaling/policies/hpa.js';
import { replayAutopilot } from '../src/problems/autoscaling/policies/autopilot.js';
import { Relation } from '../src/problems/autoscaling/relation.js';
import { replay, serviceTraces, underProvisioned, plannedTrace, POLICIES } from '../src/problems/autoscaling/replay.js';
import { energyOf, ENERGY_DEFAULTS } from '../src/problems/autoscaling/energy.js';
import { rng } from './helpers/random.js';

// one pod carries 100 at 100 % (w = 100, b = 0): at the 50 % target, 50 per pod
const rel = new Relation(100, 0, 0.5);
const SLOW: HpaBehavior = {
  tolerance: 0.1,
  syncSeconds: 15,
  scaleUp: { stabilizationWindowSeconds: 60, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 2, periodSeconds: 120 }, { type: 'Percent', value: 50, periodSeconds: 60 }] },
  scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 90 }] },
};
const input = (workload: number[], o: Partial<ReactiveInput> = {}): ReactiveInput => ({
  workload, before: 500, step: 300, relation: rel, target: 0.5, minPods: 1, maxPods: 1000, initialPods: 10, readySeconds: 60, ...o,
});

describe('HPA replay, hand-worked', () => {
  it('tolerance: no change while the ratio stays within 10 %; ceil(ready × ratio) beyond', () => {
    // metrics: step 0 sees 500 (ratio 1.00), 1 sees 520 (1.04), 2 sees 540 (1.08), 3 sees 560 (1.12 -> ceil(11.2) = 12)
    const r = replayHpa(input([520, 540, 560, 600], { readySeconds: 0 }));
    expect(Array.from(r.pods)).toEqual([10, 10, 10, 12]);
    expect(r.actions).toBe(1);
  });

  it('readiness delay: new pods serve 60 s after the decision; not-yet-ready pods count as idle when scaling up', () => {
    // step 1 (t = 300 s) sees step 0's 1000 on 10 pods: utilisation 1.0, ratio 2 -> 20 pods,
    // ready at 360 s: step 1 has 10 ready pods for 60 s and 20 for 240 s = 18 on average.
    // At 315..345 s the 10 unready pods count as idle: ratio (1.0·10)/(20·0.5) = 1.0, no change.
    const r = replayHpa(input([1000, 1000, 1000]));
    expect(Array.from(r.pods)).toEqual([10, 20, 20]);
    expect(Array.from(r.ready)).toEqual([10, 18, 20]);
    expect(r.actions).toBe(1);
    const tr = { pods: r.pods, ready: r.ready, podSeconds: 0, actions: 0 };
    // step 0: 1000 on 10 pods = 100 % > 90 %; step 1: 1000 / (18 · 100) = 56 %
    expect(underProvisioned(tr, [1000, 1000, 1000], rel, 0.9)).toEqual({ under: 1, measured: 3, underJumps: 0 });
  });

  it('stabilisation window: scale-down waits for the highest recommendation of the last 300 s', () => {
    // 60 s steps, syncs every 15 s. The drop (200: ratio 0.4 -> 4 pods) is seen from 120 s on;
    // recommendations of 10 were made until 105 s, so the scale-down happens at 405 s
    // (step 6: 45 s at 10 pods, 15 s at 4 = 8.5 on average).
    const r = replayHpa(input([500, 200, 200, 200, 200, 200, 200, 200], { step: 60, readySeconds: 0 }));
    expect(Array.from(r.pods)).toEqual([10, 10, 10, 10, 10, 10, 8.5, 4]);
  });

  it('rate limits: at most the larger of +100 % and +4 pods per 15 s', () => {
    // 15 s steps (one sync each), 1 pod, then 2000 (40 pods needed): 1 -> 5 (1 + 4 > 2·1)
    // -> 10 (2·5) -> 20 -> 40; the previous scale-up is outside the 15 s period each time.
    const r = replayHpa(input([2000, 2000, 2000, 2000, 2000, 2000], { step: 15, before: 50, initialPods: 1, readySeconds: 0 }));
    expect(Array.from(r.pods)).toEqual([1, 5, 10, 20, 40, 40]);
    // maxPods caps it
    const capped = replayHpa(input([2000, 2000, 2000, 2000], { step: 15, before: 50, initialPods: 1, readySeconds: 0, maxPods: 8 }));
    expect(Array.from(capped.pods)).toEqual([1, 5, 8, 8]);
  });

  it('long steps collapse to "react one step late" (scale-down 285 s into the step, when the previous step\'s recommendations leave the window)', () => {
    const r = replayHpa(input([1000, 1000, 250, 250, 250], { step: 3600, readySeconds: 0 }));
    // step 1 sees 1000 (ratio 2) -> 20; step 3 sees 250 (ratio 0.25 of 20 pods -> 5) but holds
    // 20 until 285 s, the last recommendation of 20 (at −15 s) leaving the 300 s window
    expect(Array.from(r.pods)).toEqual([10, 20, 20, (285 * 20 + 3315 * 5) / 3600, 5]);
  });

  it('skipping the syncs that change nothing gives the same replay as simulating every sync (random traces)', () => {
    const u = rng(3);
    for (let trial = 0; trial < 200; trial++) {
      const step = [15, 60, 300, 1800][trial % 4]!;
      const wl = Array.from({ length: 30 }, () => (u() < 0.1 ? null : Math.round(2000 * u() * u())));
      const o = input(wl as number[], { step, readySeconds: [0, 30, 60, 400][trial % 4]!, before: 500, initialPods: 1 + Math.floor(20 * u()), minPods: 1, maxPods: 30 + Math.floor(50 * u()) });
      const a = replayHpa(o, undefined, true);
      const b = replayHpa(o, undefined, false);
      expect(Array.from(a.pods)).toEqual(Array.from(b.pods));
      expect(Array.from(a.ready)).toEqual(Array.from(b.ready));
      expect(a.actions).toBe(b.actions);
    }
  });

  it('with a planned floor (+hpa, +guard), skipping the idle syncs gives the same replay as simulating every sync (random traces)', () => {
    const u = rng(5);
    for (let trial = 0; trial < 300; trial++) {
      const step = [15, 60, 300, 1800, 3600][trial % 5]!;
      const wl = Array.from({ length: 30 }, () => (u() < 0.1 ? null : Math.round(2000 * u() * u())));
      // floors: flat stretches, jumps up and down, sometimes above maxPods' range of the workload
      const floor = Array.from({ length: 30 }, () => 0);
      for (let t = 0, v = 0; t < 30; t++) { if (u() < 0.3) v = Math.floor(40 * u() * u()); floor[t] = v; }
      const o = input(wl as number[], { step, readySeconds: [0, 30, 60, 400, 5000][trial % 5]!, before: 500, initialPods: 1 + Math.floor(20 * u()), minPods: 1, maxPods: 30 + Math.floor(50 * u()), floor, target: trial % 2 ? 0.5 : 0.7 });
      // the default behaviour, and slow rate limits with both stabilisation windows (the limits depend on the time of the last scale events)
      for (const behavior of [undefined, SLOW]) {
        const a = replayHpa(o, behavior, true);
        const b = replayHpa(o, behavior, false);
        expect(Array.from(a.pods)).toEqual(Array.from(b.pods));
        expect(Array.from(a.ready)).toEqual(Array.from(b.ready));
        expect(a.actions).toBe(b.actions);
      }
    }
  });

  it('the fitted intercept: realised utilisation inverts workloadPerPod = w·u + b', () => {
    const r2 = new Relation(100, -10, 0.6);
    expect(r2.atTarget).toBe(50);
    expect(r2.util(500, 10)).toBeCloseTo(0.6, 12);
    expect(r2.util(0, 10)).toBeCloseTo(0.1, 12); // idle utilisation −b/w
  });
});

describe('autopilot replay', () => {
  it('follows the peak of the last hour of completed steps plus 10 %', () => {
    const hist = new Array(12).fill(500);
    const r = replayAutopilot(input([500, 1000, 500, 500], { readySeconds: 0 }), hist);
    // step 0: peak 500 -> ceil(1.1 · 10) = 11; step 2 sees the 1000 -> 22, held for an hour
    expect(Array.from(r.pods)).toEqual([11, 11, 22, 22]);
  });
});

describe('oracle', () => {
  it('is never above any policy in pod-hours among those never above the target (random traces)', () => {
    const u = rng(99);
    let compared = 0;
    for (let trial = 0; trial < 60; trial++) {
      const H = 48;
      const step = [60, 300, 900][trial % 3]!;
      const base = 200 + 2000 * u();
      const actual = Array.from({ length: H }, (_, t) => Math.max(0, base * (1 + 0.6 * Math.sin((t / H) * 2 * Math.PI * (1 + trial % 4)) + 0.3 * (u() - 0.5))));
      const history = Array.from({ length: 300 }, () => base * (0.5 + u()));
      const r = new Relation(80 + 40 * u(), -5 + 10 * u(), 0.6);
      const ready = Math.floor(u() * step);
      const noisy = (k: number) => actual.map((w) => Math.max(1, Math.ceil((w * (1 + k * u())) / r.atTarget)));
      const tr = serviceTraces({ name: 's', actual, history, relation: r, minPods: 1, maxPods: 1e6, planned: { saving: noisy(0), balanced: noisy(0.3), safe: noisy(1) } }, { step, target: 0.6, maxUtilization: 0.9, readySeconds: ready, energy: ENERGY_DEFAULTS });
      const oracle = tr.oracle;
      expect(underProvisioned(oracle, actual, r, 0.6).under).toBe(0);
      for (const p of POLICIES) {
        if (underProvisioned(tr[p], actual, r, 0.6).under > 0) continue;
        compared++;
        expect(oracle.podSeconds, `${p} trial ${trial}`).toBeLessThanOrEqual(tr[p].podSeconds + 1e-6);
      }
      // any plan above the oracle's counts at every step costs at least as much
      const above = oracle.pods.map((n) => n + Math.floor(3 * u()));
      expect(oracle.podSeconds).toBeLessThanOrEqual(plannedTrace(above, oracle.pods[0]!, step, ready).podSeconds + 1e-6);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('replay(): RRC against hpa and the distance to the oracle', () => {
    const actual = [500, 700, 900, 1200, 900, 600];
    const res = replay([{ name: 'a', actual, history: new Array(288).fill(500), relation: rel, minPods: 1, maxPods: 1000, planned: { saving: [10, 14, 18, 24, 18, 12], balanced: [11, 15, 19, 25, 19, 13], safe: [12, 16, 20, 26, 20, 14] } }],
      { step: 300, target: 0.5, maxUtilization: 0.9, readySeconds: 60, energy: ENERGY_DEFAULTS });
    const by = Object.fromEntries(res.policies.map((p) => [p.policy, p]));
    expect(by.hpa!.rrc).toBe(1);
    expect(by.oracle!.overOracle).toBe(0);
    expect(by.oracle!.underProvisionedSteps).toBe(0);
    // oracle pods 10, 14, 18, 24, 18, 12 (+ warm-up of 4 + 4 + 6 pods × 60 s)
    expect(by.oracle!.podHours).toBeCloseTo(((10 + 14 + 18 + 24 + 18 + 12) * 300 + 14 * 60) / 3600, 12);
    expect(by['forecast-saving']!.podHours).toBeCloseTo(by.oracle!.podHours, 12);
    for (const p of res.policies) expect(p.rrc).toBeCloseTo(p.podHours / by.hpa!.podHours, 12);
  });
});

describe('energy, hand-checked', () => {
  it('servers by cluster-wide packing, utilisation averaged over cores, linear power, PUE, carbon factor', () => {
    const e = energyOf([
      { pods: [30, 10], workload: [600, 100], atFull: 40 },
      { pods: [20, 40], workload: [400, 1600], atFull: 40 },
    ], 2, 300, ENERGY_DEFAULTS);
    // step 0: 100 cores -> 2 servers, u = 0.5, 315 W; step 1: 100 cores -> 2 servers,
    // u = (20·0.25 + 80·1)/100 = 0.85, 409.5 W; kWh = 2·(315 + 409.5)·1.3·(1/12)/1000
    expect(e.kWh).toBeCloseTo(0.156975, 12);
    expect(e.kgCO2).toBeCloseTo(0.156975 * 0.6157, 12);
    expect(e.podHours).toBeCloseTo(100 / 12, 12);
    expect(e.serverHours).toBeCloseTo(4 / 12, 12);
    // the default carbon factor is the seed's 947 t / 1,538,000 kWh
    expect(ENERGY_DEFAULTS.kgCO2PerKWh).toBeCloseTo(947_000 / 1_538_000, 4);
  });
});

describe('forecast + guard (the plan as floor, an HPA at (target + maxUtilization) / 2 above it)', () => {
  // one pod carries 100 at 100 %, target 0.5 (50 per pod), maxUtilization 0.9: guard target 0.7
  const svc = (actual: number[], plan: number[]) => ({
    name: 'a', actual, history: [500], relation: rel, minPods: 1, maxPods: 1000,
    planned: { saving: plan, balanced: plan, safe: plan },
  });
  const o = { step: 300, target: 0.5, maxUtilization: 0.9, readySeconds: 0, energy: ENERGY_DEFAULTS };
  it('keeps the plan while the workload runs below 0.7 · 1.1 on it; plain +hpa would add pods', () => {
    // plan 10 pods; 700 on 10 pods = 70 %: the HPA at target 0.5 wants 14, the guard (0.7) stays at 10
    const tr = serviceTraces(svc([700, 700, 700, 700], [10, 10, 10, 10]), o);
    expect(Array.from(tr['forecast-saving+guard'].pods)).toEqual([10, 10, 10, 10]);
    expect(Array.from(tr['forecast-saving+hpa'].pods).slice(1)).toEqual([14, 14, 14]);
  });
  it('reacts one step late to a level the plan missed: 850 on 10 pods (85 % > 77 %) -> ceil(10 · 0.85 / 0.7) = 13', () => {
    const tr = serviceTraces(svc([850, 850, 850, 850], [10, 10, 10, 10]), o);
    expect(Array.from(tr['forecast-saving+guard'].pods)).toEqual([10, 13, 13, 13]);
    // never below the plan
    const tr2 = serviceTraces(svc([100, 100, 100, 100], [10, 12, 12, 10]), o);
    Array.from(tr2['forecast-saving+guard'].pods).forEach((n, t) => expect(n).toBeGreaterThanOrEqual([10, 12, 12, 10][t]!));
  });
});
