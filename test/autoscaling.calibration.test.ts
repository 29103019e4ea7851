// Short-lead calibration of the replay (docs/autoscaling.md, "Short-lead calibration"):
// coverage of the conformal quantiles at their level on seeded data with known noise
// (additive and multiplicative), the choice of scale, no look-ahead (perturbing the future
// never changes a decision), and no look-ahead of the whole replay with nowcast and
// short-lead calibration (the forecast policies' pods of a step do not change when the
// workload from the step before it on is perturbed).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { leadQuantiles, conformalQuantile } from '../src/problems/autoscaling/calibration.js';
import { forecastPodsFixedUpTo } from './helpers/lookahead.js';
import { solve } from '../src/node.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { rng, normal } from './helpers/random.js';

const example = JSON.parse(readFileSync(new URL('../examples/autoscaling.json', import.meta.url), 'utf8'));
const opts = { window: 500, lag: 1, floor: 1, minErrors: 20 };

/** Seeded series with a known level and noise: additive N(0, sd) or multiplicative level·(1 + N(0, sd)). */
function seeded(seed: number, N: number, kind: 'additive' | 'multiplicative') {
  const u = rng(seed);
  const z = normal(u);
  const level = Array.from({ length: N }, (_, t) => 100 + 80 * Math.sin((2 * Math.PI * t) / 288));
  const actual = level.map((l) => (kind === 'additive' ? l + 10 * z() : l * (1 + 0.2 * z())));
  return { level, actual };
}

describe('short-lead conformal quantiles', () => {
  it('the conformal quantile is the ceil((n + 1) q)-th smallest', () => {
    const a = Array.from({ length: 19 }, (_, i) => i + 1);
    expect(conformalQuantile(a, 19, 0.95)).toBe(19);
    expect(conformalQuantile(a, 19, 0.8)).toBe(16);
    expect(conformalQuantile(a, 19, 0.5)).toBe(10);
    expect(conformalQuantile(a, 5, 0.999)).toBe(5); // clamped to n
  });

  for (const kind of ['additive', 'multiplicative'] as const) {
    it(`covers at its level on seeded ${kind} noise (0.8 and 0.95, ±1.5 points) and picks the right scale`, () => {
      let cover8 = 0, cover95 = 0, count = 0, rel = 0, dec = 0;
      let width95 = 0;
      for (let s = 0; s < 20; s++) {
        const { level, actual } = seeded(100 + s, 2500, kind);
        const r = leadQuantiles(level, actual, 500, [0.8, 0.95], { ...opts, scale: 'auto' });
        const q8 = r.quantiles.get(0.8)!, q95 = r.quantiles.get(0.95)!;
        for (let t = 500; t < 2500; t++) {
          count++;
          if (actual[t]! <= q8[t - 500]!) cover8++;
          if (actual[t]! <= q95[t - 500]!) cover95++;
          width95 += q95[t - 500]! - level[t]!;
        }
        rel += r.relative.get(0.95)!;
        dec += 2000;
        expect(r.uncalibrated).toBe(0);
      }
      expect(Math.abs(cover8 / count - 0.8)).toBeLessThan(0.015);
      expect(Math.abs(cover95 / count - 0.95)).toBeLessThan(0.015);
      if (kind === 'additive') {
        // constant-width noise: the additive band, 1.645 sd wide
        expect(rel / dec).toBeLessThan(0.2);
        expect(width95 / count).toBeGreaterThan(10 * 1.645 * 0.93);
        expect(width95 / count).toBeLessThan(10 * 1.645 * 1.07);
      } else {
        // noise proportional to the level: the relative band, 1.645 · 0.2 · level wide
        expect(rel / dec).toBeGreaterThan(0.8);
        expect(width95 / count).toBeGreaterThan(100 * 0.2 * 1.645 * 0.93);
        expect(width95 / count).toBeLessThan(100 * 0.2 * 1.645 * 1.07);
      }
    });
  }

  it('on multiplicative noise the relative band is narrower than the additive one at the same coverage', () => {
    const { level, actual } = seeded(7, 3000, 'multiplicative');
    const w = (scale: 'additive' | 'relative') => {
      const r = leadQuantiles(level, actual, 500, [0.95], { ...opts, scale });
      const q = r.quantiles.get(0.95)!;
      let width = 0, cover = 0;
      for (let t = 500; t < 3000; t++) { width += q[t - 500]! - level[t]!; if (actual[t]! <= q[t - 500]!) cover++; }
      return { width: width / 2500, cover: cover / 2500 };
    };
    const a = w('additive'), r = w('relative');
    expect(r.width).toBeLessThan(0.95 * a.width);
    expect(Math.abs(a.cover - 0.95)).toBeLessThan(0.03);
    expect(Math.abs(r.cover - 0.95)).toBeLessThan(0.03);
  });

  it('no look-ahead: perturbing the actual values from step i − lag on never changes the decision of step i', () => {
    const { level, actual } = seeded(3, 1200, 'multiplicative');
    for (const lag of [0, 1, 2]) {
      const base = leadQuantiles(level, actual, 300, [0.8, 0.95], { ...opts, lag, scale: 'auto' });
      for (const i of [300, 301, 450, 777, 1199]) {
        const pert = actual.map((x, j) => (j >= i - lag ? x * 5 + 1000 : x));
        const r = leadQuantiles(level, pert, 300, [0.8, 0.95], { ...opts, lag, scale: 'auto' });
        for (const q of [0.8, 0.95]) {
          expect(Array.from(r.quantiles.get(q)!.subarray(0, i - 300 + 1))).toEqual(Array.from(base.quantiles.get(q)!.subarray(0, i - 300 + 1)));
        }
        // and the perturbation is seen one step later (the test can fail)
        if (i + 1 < 1200) expect(r.quantiles.get(0.95)![i + 1 - 300]).not.toBe(base.quantiles.get(0.95)![i + 1 - 300]);
      }
    }
  });

  it('without enough errors it leaves the decision to the fallback (NaN) and counts it', () => {
    const { level, actual } = seeded(4, 100, 'additive');
    const r = leadQuantiles(level, actual, 0, [0.9], { ...opts, scale: 'additive' });
    expect(Number.isNaN(r.quantiles.get(0.9)![0])).toBe(true);
    expect(r.uncalibrated).toBe(21); // decision i sees the i − 1 errors of steps 0..i − 2 (lag 1): 0..20 have fewer than 20
    expect(Number.isNaN(r.quantiles.get(0.9)![20])).toBe(true);
    expect(Number.isFinite(r.quantiles.get(0.9)![21])).toBe(true);
  });
});

describe('replay without look-ahead (nowcast, short-lead calibration)', () => {
  const REACTIVE = ['hpa', 'autopilot', 'forecast-saving+hpa', 'forecast-balanced+hpa', 'forecast-saving+guard', 'forecast-balanced+guard'];
  // replanEvery 1: a forecast for every step from the history up to t − 2 (docs/autoscaling.md, "Re-planning every step")
  for (const [calibrate, topUp, replanEvery] of [['horizon', false, 4], ['lead', false, 4], ['lead', true, 4], ['horizon', false, 1], ['lead', false, 1], ['lead', true, 1]] as const) {
    // the early (planned) count of step t is decided from steps <= t − 2; with topUp the count
    // set at the step's start also sees step t − 1 (as HPA does), so then the perturbation starts at t
    const from = topUp ? 0 : 1;
    it(`replanEvery ${replanEvery}, calibrate ${calibrate}${topUp ? ', topUp' : ''}: perturbing the held-out workload from step t − ${from} on leaves the forecast policies' pods of steps <= t unchanged`, async () => {
      const inst = { ...structuredClone(example), replanEvery, nowcast: true, combine: 'joint', calibrate, topUp };
      const H = 24;
      const base = (await solve(inst)) as AutoscalingSolution;
      expect(base.evaluation!.calibration !== undefined).toBe(calibrate === 'lead');
      for (const t of [3, 9, 14, 22]) {
        const pert = structuredClone(inst);
        for (const s of pert.services) for (let j = s.workload.length - H + t - from; j < s.workload.length; j++) s.workload[j] = s.workload[j] === null ? null : s.workload[j] * 3 + 50;
        const sol = (await solve(pert)) as AutoscalingSolution;
        const changedLater = forecastPodsFixedUpTo(base, sol, t);
        sol.evaluation!.services.forEach((s, i) => {
          const b = base.evaluation!.services[i]!;
          // reactive policies act on the last completed step: unchanged up to t − 1 (up to t when only t on changed)
          for (const p of REACTIVE) expect(s.pods[p]!.slice(0, t + 1 - from)).toEqual(b.pods[p]!.slice(0, t + 1 - from));
        });
        if (t < 22) expect(changedLater).toBe(true);
      }
    });
  }
});

describe('scale-down window in linear time', () => {
  it('holdMax equals the direct definition on random counts and windows', async () => {
    const { holdMax } = await import('../src/problems/autoscaling/solve.js');
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let c = 0; c < 300; c++) {
      const n = 1 + Math.floor(rnd() * 40);
      const hold = Math.floor(rnd() * 12);
      const raw = Array.from({ length: n }, () => Math.floor(rnd() * 10));
      const want = raw.map((v, t) => { let m = v; for (let j = Math.max(0, t - hold); j < t; j++) m = Math.max(m, raw[j]!); return m; });
      const got = raw.slice();
      holdMax(got, hold);
      expect(got).toEqual(want);
    }
  });
});

describe('replay without look-ahead when pods take longer than a step to be ready', () => {
  it('readySeconds = 3 steps: perturbing the held-out workload from step t − 3 on leaves the planned pods of steps <= t unchanged', async () => {
    const H = 24;
    const step = example.step as number;
    for (const [calibrate, replanEvery] of [['horizon', 4], ['lead', 4], ['lead', 1]] as const) {
      const inst = { ...structuredClone(example), replanEvery, nowcast: true, combine: 'joint', calibrate, readySeconds: 3 * step };
      const base = (await solve(inst)) as AutoscalingSolution;
      for (const t of [5, 11, 17]) {
        const pert = structuredClone(inst);
        // the pods of step t start 3 steps before it: steps t − 3 .. are not measured yet
        for (const s of pert.services) for (let j = s.workload.length - H + t - 3; j < s.workload.length; j++) s.workload[j] = s.workload[j] === null ? null : s.workload[j] * 3 + 50;
        const sol = (await solve(pert)) as AutoscalingSolution;
        expect(forecastPodsFixedUpTo(base, sol, t, `${calibrate} R ${replanEvery}`)).toBe(true);
      }
    }
  });
});

describe('top-up trace (planned early count, set again at the step start from the last completed step)', () => {
  it('hand-worked: early pods serve from the start, top-up pods after readySeconds, drops at once', async () => {
    const { topUpTrace } = await import('../src/problems/autoscaling/replay.js');
    // step 300 s, ready 60 s: a top-up pod serves 240 / 300 = 0.8 of its first step
    const tr = topUpTrace([4, 6, 6, 3], [4, 8, 5, 3], 4, 300, 60);
    expect(Array.from(tr.pods)).toEqual([4, 8, 5, 3]);
    // t0: nothing changes; t1: 6 ready at the start (2 early), +2 topped up at 0.8; t2: 5 < 8 at once; t3: 3
    expect(Array.from(tr.ready)).toEqual([4, 6 + 2 * 0.8, 5, 3]);
    // pod-seconds: (4 + 8 + 5 + 3) · 300 + the early warm-up of 2 pods · 60 s at t1 (t2's early 6 is below the 8 there)
    expect(tr.podSeconds).toBe(20 * 300 + 2 * 60);
    expect(tr.actions).toBe(4); // t1: the early scale-up and the top-up; t2; t3
    // an early count the top-up drops still pays its warm-up; readySeconds >= step: top-up pods serve from the next step
    const t2 = topUpTrace([2, 5], [2, 3], 2, 60, 60);
    expect(Array.from(t2.ready)).toEqual([2, 3]);
    expect(t2.podSeconds).toBe((2 + 3) * 60 + 3 * 60);
    const t3 = topUpTrace([2, 2, 2], [2, 4, 4], 2, 60, 60);
    expect(Array.from(t3.ready)).toEqual([2, 2, 4]);
  });
});

describe('scale-down window of the forecast policies', () => {
  it('the count is the highest of the own decisions of the last floor(window / step) steps', async () => {
    const inst = { ...structuredClone(example), replanEvery: 4, nowcast: true, combine: 'joint', calibrate: 'lead', topUp: true };
    const plain = (await solve(inst)) as AutoscalingSolution;
    const held = (await solve({ ...inst, scaleDownWindow: 2 * 3600 + 1799 })) as AutoscalingSolution; // step 3600 s: 2 steps
    let raised = 0;
    held.evaluation!.services.forEach((s, i) => {
      for (const p of ['forecast-saving', 'forecast-balanced', 'forecast-safe']) {
        const n = plain.evaluation!.services[i]!.pods[p]!;
        s.pods[p]!.forEach((x, t) => {
          expect(x).toBe(Math.max(...n.slice(Math.max(0, t - 2), t + 1)));
          if (x > n[t]!) raised++;
        });
      }
      // other policies unchanged
      for (const p of ['hpa', 'oracle', 'forecast-balanced+hpa']) expect(s.pods[p]).toEqual(plain.evaluation!.services[i]!.pods[p]);
    });
    expect(raised).toBeGreaterThan(0);
  });
});

describe('jump steps (a one-step-late oracle misses them)', () => {
  it('hand-worked, and equal to the misses of the oracle shifted by one step', async () => {
    const { jumpSteps, plannedTrace, underProvisioned } = await import('../src/problems/autoscaling/replay.js');
    const { Relation } = await import('../src/problems/autoscaling/relation.js');
    const rel = new Relation(100, 0, 0.6); // 60 per pod at the target, 90 at 0.9
    // previous 120 -> 2 pods; 170 on 2 pods = 0.85 (no jump); 200 on ceil(170/60) = 3 pods = 0.67; 300 on ceil(200/60) = 4 pods = 0.75; 400 on 5 pods = 0.8; 1000 on 7 pods: jump
    const s = { actual: [170, 200, null, 300, 1000], history: [50, 120], relation: rel, minPods: 1, maxPods: 1000 };
    expect(Array.from(jumpSteps(s, 0.9))).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(jumpSteps({ ...s, actual: [190, 100, 160] }, 0.9))).toEqual([1, 0, 0]); // 190 on 2 pods = 0.95; 160 on ceil(100/60) = 2 pods = 0.8
    // on random traces: the jumps are exactly the misses of the oracle shifted by one step
    const u = rng(11);
    for (let k = 0; k < 50; k++) {
      const actual = Array.from({ length: 200 }, () => Math.round(50 + 400 * u() ** 3));
      const history = [Math.round(100 * u())];
      const j = jumpSteps({ ...s, actual, history }, 0.9);
      const lateOracle = actual.map((_, t) => Math.max(1, Math.ceil((t ? actual[t - 1]! : history[0]!) / 60 - 1e-9)));
      const r = underProvisioned(plannedTrace(lateOracle, lateOracle[0]!, 300, 0), actual, rel, 0.9, j);
      expect(r.under).toBe(j.reduce((a, b) => a + b, 0));
      expect(r.underJumps).toBe(r.under);
    }
  });

  it('the replay reports each policy\'s misses that are jumps (never more than its misses; hpa\'s mostly jumps)', async () => {
    const sol = (await solve({ ...structuredClone(example), replanEvery: 4, nowcast: true, combine: 'joint', calibrate: 'lead', topUp: true })) as AutoscalingSolution;
    const ev = sol.evaluation!;
    expect(ev.jumpSteps).toBeGreaterThanOrEqual(0);
    for (const p of ev.policies) {
      expect(p.underProvisionedJumps).toBeLessThanOrEqual(p.underProvisionedSteps);
      expect(p.underProvisionedJumps).toBeLessThanOrEqual(ev.jumpSteps);
    }
    expect(ev.policies.find((p) => p.policy === 'oracle')!.underProvisionedJumps).toBe(0);
  });
});
