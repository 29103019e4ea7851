// tune.adapt (docs/autoscaling.md, "Online adaptation (`tune.adapt`)"): forecast-tuned scaled at
// run time by a miss-rate controller after adaptive conformal inference (log k += gamma · (err −
// rate) per known outcome, k within [1/4, 4]). Checked: hand-worked traces (the lag, the update,
// the clip, the top-up's readiness), the misses against the replay's own trace functions, the
// controller's identity (without the clip, the misses' mean minus the rate is log k ÷ gamma per
// update: the long-run rate is the target), the solver's record against the reference's hpa
// backtest, the independent checker (accepts, rejects tampering), and bad input with its path.
import { describe, expect, it } from 'vitest';
import { solve, trySolve } from '../src/node.js';
import { checkAutoscaling } from '../src/problems/autoscaling/check.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { adaptCounts } from '../src/problems/autoscaling/adapt.js';
import { Relation } from '../src/problems/autoscaling/relation.js';
import { forecastTrace, underProvisioned } from '../src/problems/autoscaling/replay.js';
import { example, shifty, backtestWindows } from './helpers/tune-reference.js';

const rel = new Relation(10, 0, 0.6); // one pod carries 10 · utilisation; a step misses when workload > 9 × ready pods
const svc = (early: number[], actual: (number | null)[], late?: number[]) => ({ early, ...(late ? { late } : {}), actual, relation: rel, minPods: 1, maxPods: 100, initial: 10 });
const opts = (gamma: number, alpha: number, step = 300) => ({ step, readySeconds: 60, maxUtilization: 0.9, gamma, alpha });

describe('adaptCounts: the controller', () => {
  it('a hand-worked trace: lag L = 1 (the outcome of step t − 2 moves step t), up after a miss, down by gamma · rate otherwise', () => {
    // t0: k 1, 10 pods, 100 > 90: miss; t1: k 1, 10; t2: log k = 0.5 · 0.75 = 0.375, ceil(10 e^0.375 = 14.55) = 15;
    // t3: 0.25 → ceil(12.84) = 13; t4: 0.125 → ceil(11.33) = 12, 130 > 108: miss; t5: 0 → 10; t6: 0.375 → 15
    const r = adaptCounts(svc(Array(7).fill(10), [100, 50, 50, 50, 130, 50, 50]), opts(0.5, 0.25));
    expect(r.early).toEqual([10, 10, 15, 13, 12, 10, 15]);
    expect(r.misses).toBe(2);
    expect(r.logk).toBeCloseTo(0.375, 12);
    // unmeasured steps are never misses; an unmeasured first step leaves k alone but for the rate
    const u = adaptCounts(svc(Array(4).fill(10), [null, 50, 50, 50]), opts(0.5, 0.25));
    expect(u.early).toEqual([10, 10, Math.ceil(10 * Math.exp(-0.125)), Math.ceil(10 * Math.exp(-0.25))]);
    expect(u.misses).toBe(0);
  });

  it('k is clipped to [1/4, 4] and the counts to minPods..maxPods', () => {
    const up = adaptCounts(svc(Array(6).fill(10), Array(6).fill(5000)), opts(1, 0));
    expect(up.early).toEqual([10, 10, 28, 40, 40, 40]); // e^1 = 2.72, then e^2 > 4: 4
    expect(up.logk).toBeCloseTo(Math.log(4), 12);
    const down = adaptCounts(svc(Array(6).fill(10), Array(6).fill(1)), opts(1, 1));
    expect(down.early).toEqual([10, 10, 4, 3, 3, 3]); // e^-1 → ceil(3.68) = 4, then 1/4 → ceil(2.5) = 3
    const capped = adaptCounts({ ...svc(Array(4).fill(90), Array(4).fill(5000)), maxPods: 120 }, opts(1, 0));
    expect(capped.early).toEqual([90, 90, 120, 120]);
  });

  it('with the top-up: late counts scaled by the same k, pods above those there serve 1 − readySeconds/step of the step', () => {
    // e 10, l 20 from 10 pods: ready 10 + 10 · 0.8 = 18; 170 > 162 misses, 160 does not
    expect(adaptCounts(svc([10], [170], [20]), opts(0.1, 0.1))).toMatchObject({ early: [10], late: [20], misses: 1 });
    expect(adaptCounts(svc([10], [160], [20]), opts(0.1, 0.1))).toMatchObject({ early: [10], late: [20], misses: 0 });
  });

  it('its misses are the replay\'s (forecastTrace, underProvisioned) on the adapted counts, with and without the top-up', () => {
    let x = 11;
    const rnd = () => { x = (x * 48271) % 2147483647; return x / 2147483647; };
    for (let trial = 0; trial < 200; trial++) {
      const H = 5 + Math.floor(rnd() * 60), step = [60, 300, 1800][trial % 3]!;
      const early = Array.from({ length: H }, () => rnd() * 30);
      const late = trial % 2 ? early.map((y) => y * (0.7 + 0.6 * rnd())) : undefined;
      const actual = early.map((y) => (rnd() < 0.05 ? null : y * 9 * (0.6 + 0.9 * rnd())));
      const o = opts([0.02, 0.1, 0.5][trial % 3]!, rnd() * 0.3, step);
      const r = adaptCounts(svc(early, actual, late), o);
      const tr = forecastTrace(r.early, r.late, 10, o);
      expect(r.misses).toBe(underProvisioned(tr, actual, rel, 0.9).under);
    }
  });

  it('no look-ahead: changing the workload of step j changes no count of steps <= j + L', () => {
    let x = 3;
    const rnd = () => { x = (x * 48271) % 2147483647; return x / 2147483647; };
    for (const step of [60, 300]) {
      const L = Math.max(1, Math.ceil(60 / step)), H = 80;
      const early = Array.from({ length: H }, () => 5 + 10 * rnd());
      const actual = early.map((y) => y * 9 * (0.5 + rnd()));
      const base = adaptCounts(svc(early, actual), opts(0.3, 0.1, step));
      let later = 0;
      for (let j = 0; j < H; j += 7) {
        const changed = actual.slice();
        changed[j] = changed[j]! * 3 + 500;
        const r = adaptCounts(svc(early, changed), opts(0.3, 0.1, step));
        expect(r.early.slice(0, j + L + 1)).toEqual(base.early.slice(0, j + L + 1));
        if (r.early.slice(j + L + 1).some((n, t) => n !== base.early[j + L + 1 + t])) later++;
      }
      expect(later).toBeGreaterThan(5); // the change does reach the steps after (the test can tell)
    }
  });

  it('the long-run miss rate is the target: without the clip, (misses − rate · updates) = log k ÷ gamma exactly, so the rate error is at most ln 4 / (gamma · updates)', () => {
    let x = 5;
    const rnd = () => { x = (x * 48271) % 2147483647; return x / 2147483647; };
    const H = 20_000, gamma = 0.05, alpha = 0.05;
    const actual = Array.from({ length: H }, () => 50 + 100 * rnd()); // needs 6..17 pods; 10 pods miss 60 % of steps
    const r = adaptCounts(svc(Array(H).fill(10), actual), opts(gamma, alpha));
    expect(Math.max(...r.early)).toBeLessThan(40); // the clip never bound
    const L = 1, updates = H - 1 - L; // outcomes d = 0 .. H − 2 − L moved k
    let errs = 0;
    for (let d = 0; d < updates; d++) if (rel.util(actual[d]!, r.early[d]!) > 0.9 * (1 + 1e-9)) errs++;
    expect((errs - alpha * updates) * gamma).toBeCloseTo(r.logk, 9);
    expect(Math.abs(errs / updates - alpha)).toBeLessThanOrEqual(Math.log(4) / (gamma * updates));
    expect(Math.abs(r.misses / H - alpha)).toBeLessThan(0.005);
  });
});

describe('tune.adapt in the solver', () => {
  it('the record (hpa\'s backtest misses from the reference, the rate), the same choice as without, and forecast-tuned passes the independent checker', async () => {
    for (const [seed, reactive] of [[9, true], [8, true], [9, false], [8, false]] as const) {
      const tune = { missCost: 63.096, ...(reactive ? { reactive: true } : {}) };
      const inst = { ...shifty(seed), tune: { ...tune, adapt: { gamma: 0.5 } } };
      const sol = (await solve(inst)) as AutoscalingSolution;
      const plain = (await solve({ ...shifty(seed), tune })) as AutoscalingSolution;
      const ref = await backtestWindows(shifty(seed), sol.tuning!.windows);
      const tu = sol.tuning!;
      expect(tu.adapt).toMatchObject({ gamma: 0.5, missShare: 0.25, hpaMisses: ref.hpaMisses });
      expect(tu.adapt!.missRate).toBeCloseTo((0.25 * ref.hpaMisses) / tu.steps, 15);
      expect(ref.hpaMisses).toBeGreaterThan(0);
      // the adaptation changes no choice, no plan and no other policy
      expect({ ...tu, adapt: undefined }).toEqual({ ...plain.tuning, adapt: undefined });
      expect(sol.services.map((s) => s.pods.tuned)).toEqual(plain.services.map((s) => s.pods.tuned));
      for (const p of sol.evaluation!.policies) if (p.policy !== 'forecast-tuned') expect(p).toEqual(plain.evaluation!.policies.find((q) => q.policy === p.policy));
      // and it moved forecast-tuned on this instance
      expect(sol.evaluation!.services.map((s) => s.pods['forecast-tuned'])).not.toEqual(plain.evaluation!.services.map((s) => s.pods['forecast-tuned']));
      expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
      // the unadapted counts do not pass as adapted ones
      const swapped = structuredClone(sol) as any;
      swapped.evaluation.services.forEach((s: any, i: number) => { s.pods['forecast-tuned'] = plain.evaluation!.services[i]!.pods['forecast-tuned']; });
      expect(checkAutoscaling(inst, swapped).reason).toMatch(/forecast-tuned\[\d+\]/);
    }
  }, 120_000);

  it('with a goal: missShare defaults to the goal\'s and hpa\'s misses are the goal\'s; gamma and missShare given are kept', async () => {
    const inst = { ...shifty(9), tune: { goal: 'balanced' as const, reactive: true, adapt: { gamma: 0.2 } } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(sol.tuning!.adapt).toMatchObject({ gamma: 0.2, missShare: 0.5, hpaMisses: sol.tuning!.goal!.hpaMisses });
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
    const inst2 = { ...shifty(9), tune: { missCost: 20, adapt: { gamma: 0.1, missShare: 0.1 } } };
    const sol2 = (await solve(inst2)) as AutoscalingSolution;
    expect(sol2.tuning!.adapt).toMatchObject({ gamma: 0.1, missShare: 0.1 });
    expect(checkAutoscaling(inst2, sol2)).toMatchObject({ valid: true });
  }, 120_000);

  it('defaults (gamma 0.05, missShare 0.25); the independent checker rejects a tampered record and a count one pod off', async () => {
    const inst = { ...shifty(9), tune: { missCost: 63.096, reactive: true, adapt: {} } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(sol.tuning!.adapt).toMatchObject({ gamma: 0.05, missShare: 0.25 });
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
    const bad = (f: (s: any) => void, i: any = inst) => { const s = structuredClone(sol); f(s); return checkAutoscaling(i, s); };
    expect(bad((s) => { s.tuning.adapt.missRate *= 2; }).reason).toMatch(/adapt\.missRate/);
    expect(bad((s) => { s.tuning.adapt.gamma = 0.1; }).reason).toMatch(/tuning\.adapt is/);
    expect(bad((s) => { s.tuning.adapt.hpaMisses = 0.5; }).reason).toMatch(/hpaMisses/);
    // a count inconsistent with the rate (one consistent with it but not with hpa's backtest: test/autoscaling.check-replay.test.ts)
    expect(bad((s) => { s.tuning.adapt.hpaMisses += 1; }).reason).toMatch(/adapt\.missRate/);
    expect(bad((s) => { delete s.tuning.adapt; }).reason).toMatch(/adapt is missing/);
    expect(checkAutoscaling({ ...inst, tune: { missCost: 63.096, reactive: true } }, sol).reason).toMatch(/does not ask to adapt/);
    // one count one pod higher, at a step where the adapted count is not at maxPods
    const t = sol.evaluation!.services[0]!.pods['forecast-tuned']!.findIndex((n) => n > 1 && n < 500);
    expect(bad((s) => { s.evaluation.services[0].pods['forecast-tuned'][t] += 1; }).reason).toMatch(/forecast-tuned/);
  }, 60_000);

  it('runs with the top-up (the late counts adapted by the same k; the checker sees no early counts, so it checks the record only: adaptCounts\' top-up path is checked above)', async () => {
    const inst = { ...shifty(9), topUp: true, tune: { missCost: 63.096, reactive: true, adapt: { gamma: 0.1 } } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(sol.tuning!.adapt!.gamma).toBe(0.1);
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
  }, 60_000);

  it.each([
    ['gamma 0', { gamma: 0 }, 'tune.adapt.gamma', /\(0, 1\]/],
    ['gamma above 1', { gamma: 2 }, 'tune.adapt.gamma', /\(0, 1\]/],
    ['missShare negative', { missShare: -0.1 }, 'tune.adapt.missShare', /0\.\.1/],
    ['an extra field', { rate: 0.1 }, 'tune.adapt.rate', /./],
    ['not an object', true, 'tune.adapt', /gamma\?, missShare\?/],
  ])('refuses %s with its JSON path', async (_n, adapt, path, message) => {
    const r = await trySolve({ ...structuredClone(example), tune: { missCost: 10, adapt } });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.code).toBe('invalid-input'); expect(r.error.path).toBe(path); expect(r.error.message).toMatch(message); }
  });
});
