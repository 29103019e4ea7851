// The checker's own replay (src/problems/autoscaling/check-replay.ts, docs/autoscaling.md,
// "Checker"): its HPA, sync by sync with no shortcut, against hand-worked traces and against
// the solver's replayHpa (which skips idle syncs) on seeded random traces; its autopilot and
// plans known ahead likewise; then the checker on solved instances: it accepts the solver's
// rows and rejects every tampered one, and it replays hpa on the tune's backtest.
import { describe, expect, it } from 'vitest';
import { hpaRun, autopilotRun, plannedRun, missesOf, jumpsOf, podsAt, type ReactiveIn } from '../src/problems/autoscaling/check-replay.js';
import { replayHpa } from '../src/problems/autoscaling/policies/hpa.js';
import { replayAutopilot } from '../src/problems/autoscaling/policies/autopilot.js';
import { plannedTrace, underProvisioned, initialPods } from '../src/problems/autoscaling/replay.js';
import { Relation } from '../src/problems/autoscaling/relation.js';
import { solve } from '../src/node.js';
import { checkAutoscaling } from '../src/problems/autoscaling/check.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { shifty, backtestWindows } from './helpers/tune-reference.js';
import { rng } from './helpers/random.js';

// one pod carries 10 at 100 % (w = 10, b = 0): at the 60 % target, 6 per pod
const rel = { w: 10, b: 0, at: 6 };
const inp = (actual: (number | null)[], o: Partial<ReactiveIn> = {}): ReactiveIn => ({
  actual, history: [60], step: 300, rel, target: 0.6, min: 1, max: 1000, readySeconds: 60, ...o,
});

describe('the checker\'s HPA, hand-worked', () => {
  it('readiness, unready pods as idle, the 300 s scale-down window', () => {
    // before = 60 on 10 pods: ratio 1. Step 1 sees 120: ratio 2, 20 pods at 300 s, ready at
    // 360 s (ready mean (10·60 + 20·240)/300 = 18); at 315..345 s the unready pods are idle:
    // (1.2 · 10)/(20 · 0.6) = 1, no change. Step 3 sees 30: ratio 0.25 proposes 5, but the
    // recommendations of the last 300 s (20 up to 885 s) hold it until 1185 s: (20·285 + 5·15)/300.
    const r = hpaRun(inp([120, 120, 30, 30]));
    expect(Array.from(r.pods)).toEqual([10, 20, 20, 19.25]);
    expect(Array.from(r.ready)).toEqual([10, 18, 20, 19.25]);
    expect(r.actions).toBe(2);
    expect(r.podSeconds).toBe((10 + 20 + 20 + 19.25) * 300);
  });

  it('the scale-up rate limit (max of +100 % and +4 pods per 15 s), bounds and the floor', () => {
    // 2 pods see 60: ratio 5 -> 10 wanted, limit max(2 · 2, 2 + 4) = 6 at 300 s (ready at once);
    // at 315 s 6 pods see 60: ratio 1.67 -> ceil(10) = 10, within the limit max(12, 10)
    const r = hpaRun(inp([60, 60], { history: [12], readySeconds: 0 }));
    expect(r.pods[0]).toBe(2);
    expect(r.pods[1]).toBeCloseTo((6 * 15 + 10 * 285) / 300, 12);
    expect(r.actions).toBe(2);
    const capped = hpaRun(inp([600, 600], { max: 50, readySeconds: 0 }));
    expect(Math.max(...capped.pods)).toBeLessThanOrEqual(50);
    // a floor lifts the count at the sync whose step (or the one readySeconds later) asks for it
    const f = hpaRun(inp([60, 60, 60], { floor: [10, 10, 30] }));
    expect(f.pods[0]).toBe(10);
    expect(f.pods[1]).toBeCloseTo((10 * 240 + 30 * 60) / 300, 12); // at 540 s, 540 + 60 reaches step 2
    expect(f.pods[2]).toBe(30);
  });

  it('plans known ahead: warm-up paid, every change an action; misses with the undecided band', () => {
    const p = plannedRun([10, 12, 12, 8], 10, 300, 60);
    expect(p.podSeconds).toBe((10 + 12 + 12 + 8) * 300 + 2 * 60);
    expect(p.actions).toBe(2);
    // 10 pods carry 60 at the target and 90 at maxUtilization 0.9
    // (a step within 1e-7 of the line may count either way: the solver's and the checker's sums may differ in the last bits)
    expect(missesOf([10, 10, 10, 10], [80, 91, 90 * (1 + 1e-9), null], rel, 0.9)).toMatchObject({ sure: 1, maybe: 1, measured: 3 });
    // jumps: the pods the previous known value needed (ceil(x / 6)) run this one above 0.9: 60 -> 10 pods, 91 > 90
    const j = jumpsOf([91, null, 100, 100 * 1.1], [60], rel, 1, 100, 0.9);
    expect(Array.from(j)).toEqual([2, 0, 0, 0]); // 91 -> 16 pods carry 144; 100 -> 17 pods carry 153 > 110
    expect(Array.from(jumpsOf([100, 160], [54], rel, 1, 100, 0.9))).toEqual([2, 2]); // 54 -> 9 pods (81 < 100); 100 -> 17 (153 < 160)
    expect(missesOf([10, 10], [95, 80], rel, 0.9, Uint8Array.from([2, 2]))).toMatchObject({ sure: 1, jSure: 1, jMax: 1 });
    expect(podsAt(60, 6, 1, 100)).toBe(10);
    expect(podsAt(60.0000000001, 6, 1, 100)).toBe(10);
    expect(podsAt(0.001, 6, 1, 100)).toBe(1);
  });
});

describe('the checker\'s replay against the solver\'s (seeded random traces)', () => {
  it('HPA (with and without a floor, steps that are not multiples of 15 s, slow readiness), autopilot and plans agree', () => {
    const u = rng(17);
    let n = 0;
    for (let k = 0; k < 300; k++) {
      const step = [60, 57, 300, 20, 900][k % 5]!;
      const readySeconds = [0, 60, 45, 400, 17.5][Math.floor(u() * 5)]!;
      const H = 10 + Math.floor(u() * 40);
      const level = 5 + u() * 500;
      const walk: (number | null)[] = [];
      let x = level;
      for (let t = 0; t < H + 12; t++) {
        x = Math.max(0, x * (u() < 0.15 ? 0.3 + 2.5 * u() : 0.9 + 0.2 * u()));
        walk.push(u() < 0.05 ? null : Math.round(x * 100) / 100);
      }
      const w = 5 + u() * 20, b = u() < 0.5 ? 0 : u() * 3, target = 0.4 + 0.4 * u();
      const r = { w, b, at: w * target + b };
      const min = Math.floor(u() * 3), max = u() < 0.2 ? 5 + Math.floor(u() * 20) : 1000;
      const history = walk.slice(0, 12), actual = walk.slice(12);
      const floor = u() < 0.5 ? actual.map(() => min + Math.floor(u() * 10)) : undefined;
      const mine = hpaRun({ actual, history, step, rel: r, target, min, max, readySeconds, floor: floor?.map((f) => Math.min(max, f)) });
      const relation = new Relation(w, b, target);
      const before = [...history].reverse().find((v) => v !== null) ?? null;
      const initial = initialPods({ history, relation, minPods: min, maxPods: max });
      const theirs = replayHpa({ workload: actual, before, step, relation, target, minPods: min, maxPods: max, initialPods: initial, readySeconds, floor: floor?.map((f) => Math.min(max, f)) });
      for (let t = 0; t < H; t++) {
        expect(mine.pods[t]).toBeCloseTo(theirs.pods[t]!, 9);
        expect(mine.ready[t]).toBeCloseTo(theirs.ready[t]!, 9);
      }
      expect(mine.actions).toBe(theirs.actions);
      const a = autopilotRun({ actual, history, step, rel: r, target, min, max, readySeconds });
      const b2 = replayAutopilot({ workload: actual, before, step, relation, target, minPods: min, maxPods: max, initialPods: initial, readySeconds, floor: undefined }, history);
      for (let t = 0; t < H; t++) expect(a.pods[t]).toBeCloseTo(b2.pods[t]!, 9);
      expect(a.actions).toBe(b2.actions);
      const plan = actual.map(() => Math.floor(u() * 30));
      const p = plannedRun(plan, initial, step, readySeconds), q = plannedTrace(plan, initial, step, readySeconds);
      expect([p.podSeconds, p.actions]).toEqual([q.podSeconds, q.actions]);
      const m = missesOf(mine.ready, actual, r, 0.9), s = underProvisioned({ ...theirs, podSeconds: 0 }, actual, relation, 0.9);
      expect(s.under).toBeGreaterThanOrEqual(m.sure);
      expect(s.under).toBeLessThanOrEqual(m.sure + m.maybe);
      n += m.sure;
    }
    expect(n).toBeGreaterThan(100); // the traces do miss: the comparison is not vacuous
  });
});

describe('the checker on solved instances', () => {
  it('accepts the solver\'s rows (with and without the top-up) and rejects tampered ones', async () => {
    // (a small service, 2–10 pods, with the top-up: the floored hpa rows' counts are rounded means
    // of a replay the checker cannot run, and their energy from those counts is off by more than 1e-6)
    const small = (inst: ReturnType<typeof shifty>) => ({ ...inst, services: inst.services.map((s) => ({ ...s, workload: s.workload.map((x) => (x === null ? null : x / 40)) })) });
    for (const [topUp, step, scale] of [[false, 300, false], [true, 300, false], [true, 1800, true]] as const) {
      const inst = { ...(scale ? small(shifty(9)) : shifty(9)), topUp, step, replanEvery: 6 };
      const sol = (await solve(inst)) as AutoscalingSolution;
      expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
      const bad = (f: (s: any) => void) => { const s = structuredClone(sol) as any; f(s); return checkAutoscaling(inst, s).reason; };
      const row = (s: any, p: string) => s.evaluation.policies.find((r: any) => r.policy === p);
      // the ratios made to follow a tampered pod-hour figure, so that only the replay can tell
      const ratios = (s: any) => s.evaluation.policies.forEach((r: any) => { r.rrc = r.podHours / row(s, 'hpa').podHours; r.overOracle = r.podHours / row(s, 'oracle').podHours - 1; });
      const t = sol.evaluation!.services[1]!.pods.hpa!.findIndex((x, i) => i > 0 && x !== sol.evaluation!.services[1]!.pods.hpa![i - 1]);
      expect(t).toBeGreaterThan(0);
      expect(bad((s) => { s.evaluation.services[1].pods.hpa[t] += 1; })).toMatch(/pods\.hpa\[\d+\].*replayed/);
      expect(bad((s) => { s.evaluation.services[0].pods.autopilot[3] += 0.01; })).toMatch(/pods\.autopilot\[3\]/);
      expect(bad((s) => { s.evaluation.services[2].pods.oracle[5] += 1; })).toMatch(/pods\.oracle\[5\]/);
      expect(bad((s) => { s.evaluation.services[2].pods.static[0] += 1; })).toMatch(/pods\.static\[0\]/);
      expect(bad((s) => { row(s, 'hpa').podHours *= 1.001; ratios(s); })).toMatch(/hpa\.podHours/);
      expect(bad((s) => { row(s, 'autopilot').actions += 1; })).toMatch(/autopilot\.actions/);
      expect(bad((s) => { const r = row(s, 'hpa'); r.underProvisionedSteps += 1; r.underProvisioned = r.underProvisionedSteps / sol.evaluation!.steps; })).toMatch(/hpa\.underProvisionedSteps/);
      expect(bad((s) => { row(s, 'forecast-safe').kWh *= 1.01; row(s, 'forecast-safe').kgCO2 *= 1.01; })).toMatch(/forecast-safe\.kWh/);
      expect(bad((s) => { s.evaluation.services[0].actual[2] += 1; })).toMatch(/actual/);
      expect(bad((s) => { s.evaluation.policies = s.evaluation.policies.filter((r: any) => r.policy !== 'autopilot'); })).toMatch(/policies are/);
      expect(bad((s) => { s.evaluation.jumpSteps += 1; })).toMatch(/jumpSteps is/);
      const hj = row(sol, 'hpa').underProvisionedJumps;
      if (!scale) expect(hj).toBeGreaterThan(0);
      expect(bad((s) => { row(s, 'hpa').underProvisionedJumps += hj > 0 ? -1 : 1; })).toMatch(/hpa\.underProvisionedJumps/);
      expect(bad((s) => { s.evaluation.services[1].name = 'other'; })).toMatch(/services\[1\]\.name/);
      expect(bad((s) => { s.evaluation.replanEvery = 36; })).toMatch(/replanEvery/);
      expect(bad((s) => { s.evaluation.heldOutSteps = 35; })).toMatch(/heldOutSteps/);
      // the echoed settings
      expect(bad((s) => { s.step = 60; })).toMatch(/^step is 60/);
      expect(bad((s) => { s.energy.pue = 1.1; })).toMatch(/energy\.pue/);
      expect(bad((s) => { s.targetUtilization = 0.5; })).toMatch(/targetUtilization/);
      expect(bad((s) => { s.services[0].perPod.observations += 1; })).toMatch(/perPod\.observations/);
      expect(bad((s) => { s.services[0].perPod.source = 'pooled'; })).toMatch(/perPod\.source/);
      // every row, whatever the checker can replay of it: the share follows the count, jump misses within the misses
      expect(bad((s) => { row(s, 'forecast-safe').underProvisioned = 0.5; })).toMatch(/forecast-safe\.underProvisioned is/);
      expect(bad((s) => { row(s, 'forecast-balanced+hpa').underProvisionedJumps = 1000; })).toMatch(/underProvisionedJumps/);
      expect(bad((s) => { s.evaluation.services[0].pods['forecast-safe'][2] += 0.5; })).toMatch(/not a whole count/);
      expect(bad((s) => { s.evaluation.services[0].pods.extra = s.evaluation.services[0].pods.hpa; })).toMatch(/pods has/);
      // halved pod-hours: refused whether the row is replayed or bounded (top-up)
      for (const p of ['forecast-safe', 'forecast-saving+hpa']) expect(bad((s) => { row(s, p).podHours *= 0.5; ratios(s); })).toMatch(new RegExp(`${p.replace('+', '\\+')}\\.podHours`));
      expect(bad((s) => { row(s, 'forecast-balanced').actions = 0; })).toMatch(/forecast-balanced\.actions/);
      if (!topUp) {
        // the plans known ahead and the forecast plan as HPA's floor are replayed from the solution's own counts
        expect(bad((s) => { row(s, 'forecast-balanced').podHours *= 1.01; ratios(s); })).toMatch(/forecast-balanced\.podHours/);
        expect(bad((s) => { row(s, 'forecast-saving+hpa').actions += 1; })).toMatch(/forecast-saving\+hpa\.actions/);
        expect(bad((s) => { const r = row(s, 'forecast-balanced+guard'); r.underProvisionedSteps += 1; r.underProvisioned = r.underProvisionedSteps / sol.evaluation!.steps; })).toMatch(/guard\.underProvisionedSteps/);
      }
    }
  }, 120_000);

  it('replays hpa on the tune\'s backtest: tuning.goal\'s and tuning.adapt\'s figures against the reference and the checker', async () => {
    const inst = { ...shifty(8), tune: { goal: 'safe' as const, reactive: true, adapt: {} } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    const ref = await backtestWindows(shifty(8), sol.tuning!.windows);
    expect(sol.tuning!.goal).toMatchObject({ hpaMisses: ref.hpaMisses });
    expect(sol.tuning!.goal!.hpaPodHours).toBeCloseTo(ref.hpaPodHours, 9);
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
    const bad = (f: (s: any) => void, i: any = inst, so: any = sol) => { const s = structuredClone(so) as any; f(s); return checkAutoscaling(i, s).reason; };
    // records consistent in themselves (the rate follows the count; met may follow the figures) but not hpa's backtest
    const more = (d: number) => (s: any) => {
      for (const r of [s.tuning.goal, s.tuning.adapt]) if (r) r.hpaMisses += d;
      if (s.tuning.adapt) s.tuning.adapt.missRate = (s.tuning.adapt.missShare * s.tuning.adapt.hpaMisses) / s.tuning.steps;
    };
    // (one more miss keeps goal.met consistent on this instance: the replay, not checkGoal, refuses it)
    expect(bad(more(1))).toMatch(/goal\.hpaMisses is \d+, replayed \d+/);
    expect(bad(more(3))).toMatch(/hpaMisses is \d+, replayed|goal\.met/);
    expect(bad((s) => { s.tuning.goal.hpaPodHours *= 1.0001; })).toMatch(/hpaPodHours is .*, replayed|goal\.met/);
    const inst2 = { ...shifty(8), tune: { missCost: 40, adapt: {} } };
    const sol2 = (await solve(inst2)) as AutoscalingSolution;
    expect(sol2.tuning!.adapt!.hpaMisses).toBe(ref.hpaMisses);
    expect(checkAutoscaling(inst2, sol2)).toMatchObject({ valid: true });
    expect(bad(more(3), inst2, sol2)).toMatch(/adapt\.hpaMisses is \d+, replayed \d+/);
  }, 120_000);
});
