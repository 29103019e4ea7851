// The `tune` option (docs/autoscaling.md, "Tuned policy"): forecast-safe backtested on the
// last horizons of the history known at decision time, (multiplier, floor) chosen on a grid
// minimising pod-hours + missCost × under-provisioned steps. Checked: the choice equals a
// brute force written here (its own grid, trace and miss count, from the replay's
// forecast-safe pods of each backtested window solved as an instance of its own); no
// look-ahead (perturbing the held-out workload changes neither the tuning nor
// forecast-tuned's earlier pods); forecast-tuned = a run with safeScale at the tuned point;
// missCost monotonicity; too little history and bad input refused with JSON paths; the
// independent checker accepts the solution and rejects tampering.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { solve, trySolve } from '../src/node.js';
import { checkAutoscaling } from '../src/problems/autoscaling/check.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { validateAutoscaling } from '../src/problems/autoscaling/solve.js';
import type { ValidationError } from '../src/core/errors.js';

const example = JSON.parse(readFileSync(new URL('../examples/autoscaling.json', import.meta.url), 'utf8'));
const H = example.horizon as number;
const step = example.step as number;
const target = example.targetUtilization as number;
const SETTING = { replanEvery: 4, nowcast: true, combine: 'joint', calibrate: 'lead' } as const;
type Svc = { name: string; workload: (number | null)[]; minPods?: number; maxPods?: number };

// the grid as the docs state it
const MS: number[] = [];
for (let k = 0; 0.15 * 1.05 ** k <= 4; k++) MS.push(0.15 * 1.05 ** k);
const AS = [0, 0.1, 0.25, 0.5, 1, 2];
const scaled = (x: number, m: number, a: number, u: number, min: number, max: number) => {
  const y = m * x + a * u;
  return Math.min(max, Math.max(min, Math.ceil(y - 1e-9 * Math.max(1, y))));
};

/** Brute force: each window solved as its own evaluate instance; its forecast-safe pods (no top-up: the planned counts) scaled, pod-seconds and misses recomputed here. */
async function bruteForce(inst: any, windows: number, missCost: number) {
  const items: { safe: number[]; actual: (number | null)[]; u: number; initial: number; w: number; b: number; min: number; max: number }[] = [];
  for (let j = 1; j <= windows; j++) {
    const cut = H + (j - 1) * H; // the held-out horizon, then the later windows
    const sub = { ...structuredClone(inst), services: inst.services.map((s: Svc) => ({ ...s, workload: s.workload.slice(0, s.workload.length - cut) })), evaluate: true };
    delete sub.tune;
    const sol = (await solve(sub)) as AutoscalingSolution;
    sub.services.forEach((s: Svc, i: number) => {
      const pp = sol.services[i]!.perPod;
      const at = pp.w * target + pp.b;
      const hist = s.workload.slice(0, s.workload.length - H);
      const known = hist.filter((x): x is number => x !== null);
      const min = s.minPods ?? 1, max = s.maxPods ?? 1_000_000;
      const last = known[known.length - 1]!;
      const initial = Math.min(max, Math.max(min, last > 0 ? Math.max(1, Math.ceil(last / at - 1e-9 * Math.max(1, last / at))) : 0));
      items.push({ safe: sol.evaluation!.services[i]!.pods['forecast-safe']!, actual: s.workload.slice(s.workload.length - H), u: known.reduce((x, y) => x + y, 0) / known.length / at, initial, w: pp.w, b: pp.b, min, max });
    });
  }
  let best: { m: number; a: number; ps: number; miss: number; cost: number } | null = null;
  for (const a of AS) {
    for (const m of MS) {
      let ps = 0, miss = 0;
      for (const it of items) {
        let prev = it.initial;
        for (let t = 0; t < H; t++) {
          const n = scaled(it.safe[t]!, m, a, it.u, it.min, it.max);
          ps += n * step + Math.max(0, n - prev) * (inst.readySeconds ?? 60);
          prev = n;
          const x = it.actual[t];
          if (x === null || x === undefined) continue;
          const util = n > 0 ? Math.max(0, (x / n - it.b) / it.w) : x > 0 ? Infinity : 0;
          if (util > 0.9 * (1 + 1e-9)) miss++;
        }
      }
      const cost = ps + missCost * 3600 * miss;
      if (!best || cost < best.cost - 1e-9 * cost || (cost <= best.cost + 1e-9 * cost && ps < best.ps)) best = { m, a, ps, miss, cost };
    }
  }
  return best!;
}

const tuned = async (extra: Record<string, unknown>) => (await solve({ ...structuredClone(example), ...SETTING, ...extra })) as AutoscalingSolution;

describe('tune: forecast-safe rescaled by a (multiplier, floor) backtested on earlier horizons', () => {
  it.each([[2], [40]])('chooses the brute-force optimum of the grid (missCost %s pod-hours)', async (missCost) => {
    const sol = await tuned({ tune: { missCost } });
    const bf = await bruteForce({ ...structuredClone(example), ...SETTING }, 2, missCost);
    expect(sol.tuning!.windows).toBe(2);
    expect(sol.tuning!.multiplier).toBeCloseTo(bf.m, 12);
    expect(sol.tuning!.floor).toBe(bf.a);
    expect(sol.tuning!.misses).toBe(bf.miss);
    expect(sol.tuning!.podHours).toBeCloseTo(bf.ps / 3600, 6);
    expect(sol.tuning!.steps).toBe(2 * H * example.services.length);
  });

  it('pods.tuned is the plan\'s safe count mapped by the tuned (m, a), u from the whole history; without evaluate too', async () => {
    for (const evaluate of [true, false]) {
      const sol = await tuned({ evaluate, tune: { missCost: 10 } });
      const { multiplier: m, floor: a } = sol.tuning!;
      sol.services.forEach((g, i) => {
        const s = example.services[i] as Svc;
        const known = s.workload.filter((x): x is number => x !== null);
        const u = known.reduce((x, y) => x + y, 0) / known.length / (g.perPod.w * target + g.perPod.b);
        expect(g.pods.tuned).toEqual(g.pods.safe.map((x) => scaled(x, m, a, u, s.minPods ?? 1, s.maxPods ?? 1_000_000)));
      });
      expect(sol.evaluation === undefined).toBe(!evaluate);
      // without evaluate the backtest may use the last horizons too: 3 fit with one before them
      expect(sol.tuning!.windows).toBe(evaluate ? 2 : 3);
    }
  });

  for (const topUp of [false, true]) {
    it(`forecast-tuned equals forecast-safe of a run with safeScale at the tuned point${topUp ? ' (topUp)' : ''}`, async () => {
      const sol = await tuned({ topUp, tune: { missCost: 3 } });
      const ref = await tuned({ topUp, safeScale: { multiplier: sol.tuning!.multiplier, floor: sol.tuning!.floor } });
      sol.evaluation!.services.forEach((s, i) => expect(s.pods['forecast-tuned']).toEqual(ref.evaluation!.services[i]!.pods['forecast-safe']));
      const row = (x: AutoscalingSolution, p: string) => { const { policy: _p, ...r } = x.evaluation!.policies.find((y) => y.policy === p)!; return r; };
      expect(row(sol, 'forecast-tuned')).toEqual(row(ref, 'forecast-safe'));
      // every other policy as without tune
      const plain = await tuned({ topUp });
      expect(sol.evaluation!.policies.filter((p) => p.policy !== 'forecast-tuned')).toEqual(plain.evaluation!.policies);
    });
  }

  for (const [replanEvery, topUp] of [[1, false], [4, true]] as const) {
    it(`no look-ahead (replanEvery ${replanEvery}${topUp ? ', topUp' : ''}): perturbing the held-out workload from t − ${topUp ? 0 : 1} on changes neither the tuning nor forecast-tuned's pods of steps <= t`, async () => {
      const inst = { ...structuredClone(example), ...SETTING, replanEvery, topUp, tune: { missCost: 4 } };
      const base = (await solve(inst)) as AutoscalingSolution;
      const from = topUp ? 0 : 1;
      let later = 0;
      for (const t of [1, 9, 17]) {
        const pert = structuredClone(inst);
        for (const s of pert.services as Svc[]) for (let j = s.workload.length - H + t - from; j < s.workload.length; j++) s.workload[j] = s.workload[j] === null ? null : s.workload[j]! * 3 + 50;
        const sol = (await solve(pert)) as AutoscalingSolution;
        expect(sol.tuning).toEqual(base.tuning);
        sol.evaluation!.services.forEach((s, i) => {
          const b = base.evaluation!.services[i]!.pods['forecast-tuned']!;
          expect(s.pods['forecast-tuned']!.slice(0, t + 1)).toEqual(b.slice(0, t + 1));
          if (s.pods['forecast-tuned']!.join() !== b.join()) later++;
        });
      }
      // the perturbation was seen by the later steps (the test can fail)
      expect(later).toBeGreaterThan(0);
      // every held-out value missing, or scaled down: the same tuning (its measured steps and misses would move if the backtest read any of them)
      for (const f of [() => null, (x: number) => 0.2 * x]) {
        const gone = structuredClone(inst);
        for (const s of gone.services as Svc[]) for (let j = s.workload.length - H; j < s.workload.length; j++) s.workload[j] = s.workload[j] === null ? null : f(s.workload[j]!);
        expect(((await solve(gone)) as AutoscalingSolution).tuning).toEqual(base.tuning);
      }
    });
  }

  it('a larger missCost never gives more backtest misses (nor fewer pod-hours)', async () => {
    let prev: { misses: number; podHours: number } | null = null;
    const seen = new Set<string>();
    for (const missCost of [0.01, 0.3, 1, 3, 10, 30, 100, 1e4]) {
      const t = (await tuned({ evaluate: false, tune: { missCost } })).tuning!;
      seen.add(`${t.multiplier},${t.floor}`);
      if (prev) {
        expect(t.misses).toBeLessThanOrEqual(prev.misses);
        expect(t.podHours).toBeGreaterThanOrEqual(prev.podHours - 1e-9);
      }
      prev = t;
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it('refuses too little history with a clear error (path tune / tune.windows)', async () => {
    const short = structuredClone(example);
    for (const s of short.services) s.workload = s.workload.slice(-(2 * H + H - 1)); // evaluate: 2H − 1 values of history
    let r = await trySolve({ ...short, tune: { missCost: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.path).toBe('tune'); expect(r.error.message).toMatch(/at least 2 horizons/); }
    r = await trySolve({ ...short, evaluate: false, tune: { missCost: 1 } });
    expect(r.ok).toBe(true);
    r = await trySolve({ ...structuredClone(example), tune: { missCost: 1, windows: 3 } });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.path).toBe('tune.windows'); expect(r.error.message).toMatch(/needs 4 horizons/); }
    r = await trySolve({ ...structuredClone(example), tune: { missCost: 1, windows: 1 } });
    expect(r.ok && (r.solution as AutoscalingSolution).tuning!.windows).toBe(1);
    // a service without a known value before the second window is backtested on the first only; one without any before the first, on none
    const late = structuredClone(example);
    for (let j = 0; j < H + 1; j++) late.services[1].workload[j] = null;
    const full = (await solve({ ...structuredClone(example), tune: { missCost: 1 } }) as AutoscalingSolution).tuning!;
    r = await trySolve({ ...late, tune: { missCost: 1 } });
    expect(r.ok && (r.solution as AutoscalingSolution).tuning!.windows).toBe(2);
    // service 1's second window (values H..2H − 1, one null) is not backtested
    expect(r.ok && (r.solution as AutoscalingSolution).tuning!.steps).toBe(full.steps - H);
    for (let j = 0; j < 2 * H + 1; j++) late.services[1].workload[j] = null;
    r = await trySolve({ ...late, tune: { missCost: 1 } });
    expect(r.ok && (r.solution as AutoscalingSolution).tuning!.steps).toBe(full.steps - 2 * H);
    for (const s of late.services) for (let j = 0; j < 2 * H + 1; j++) s.workload[j] = null;
    r = await trySolve({ ...late, tune: { missCost: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('tune');
  });

  it('refuses a backtest too large for one call (windows × re-plans × values above 2^31) instead of running for hours', () => {
    // 1,000 windows of one step over 3 × 800,001 values: 1,000 forecasts of 2.4M values (the replay's own guard is 2^31 too)
    const big = (windows: number | undefined, replanEvery?: number) => ({
      problem: 'autoscaling', step: 60, horizon: 1, ...(replanEvery ? { replanEvery } : {}),
      services: [0, 1, 2].map((i) => ({ name: `s${i}`, workload: new Array<number>(800_001).fill(5), observations: example.services[0].observations })),
      tune: { missCost: 1, ...(windows !== undefined ? { windows } : {}) },
    });
    const err = (inst: unknown) => { try { validateAutoscaling(inst); return null; } catch (e) { return e as ValidationError; } };
    expect(err(big(1000))).toMatchObject({ code: 'invalid-input', path: 'tune.windows' });
    expect(err(big(1000))!.message).toMatch(/too much work/);
    expect(err(big(800))).toBeNull(); // 800 × 2,400,003 < 2^31
    // default windows (7) with re-plans every step: 7 × 288 re-plans × services × 4,032 values
    const rp = (n: number) => ({ problem: 'autoscaling', step: 300, horizon: 288, replanEvery: 1, services: Array.from({ length: n }, (_, i) => ({ name: `s${i}`, workload: new Array<number>(4032).fill(5), observations: example.services[0].observations })), tune: { missCost: 1 } });
    expect(err(rp(200))).toBeNull(); // 1.63e9 < 2^31
    expect(err(rp(300))).toMatchObject({ code: 'invalid-input', path: 'tune' }); // 2.44e9
  });

  it.each([
    ['missCost 0', { missCost: 0 }, 'tune.missCost'],
    ['a negative missCost', { missCost: -2 }, 'tune.missCost'],
    ['missCost NaN', { missCost: NaN }, 'tune.missCost'],
    ['missCost as a string', { missCost: '5' }, 'tune.missCost'],
    ['neither missCost nor goal', { windows: 1 }, 'tune'],
    ['windows 0', { missCost: 1, windows: 0 }, 'tune.windows'],
    ['windows 1.5', { missCost: 1, windows: 1.5 }, 'tune.windows'],
    ['an unknown field', { missCost: 1, lambda: 2 }, 'tune.lambda'],
  ])('refuses %s with its JSON path', async (_n, tune, path) => {
    const r = await trySolve({ ...structuredClone(example), tune });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.code).toBe('invalid-input'); expect(r.error.path).toBe(path); }
  });

  it('the independent checker accepts the solution and rejects a tampered pods.tuned, tuning or forecast-tuned', async () => {
    const inst = { ...structuredClone(example), tune: { missCost: 6 } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
    const bad = (f: (s: any) => void) => { const s = structuredClone(sol); f(s); return checkAutoscaling(inst, s); };
    expect(bad((s) => { s.services[1].pods.tuned[3] += 1; }).reason).toMatch(/pods\.tuned\[3\]/);
    expect(bad((s) => { delete s.services[0].pods.tuned; }).valid).toBe(false);
    expect(bad((s) => { s.tuning.multiplier *= 1.01; }).valid).toBe(false);
    expect(bad((s) => { s.tuning.floor = 0.3; }).valid).toBe(false);
    expect(bad((s) => { s.tuning.missCost = 7; }).valid).toBe(false);
    expect(bad((s) => { delete s.tuning; }).valid).toBe(false);
    expect(bad((s) => { s.evaluation.services[2].pods['forecast-tuned'][5] += 2; }).reason).toMatch(/forecast-tuned\[5\]/);
    expect(bad((s) => { s.evaluation.policies = s.evaluation.policies.filter((p: any) => p.policy !== 'forecast-tuned'); }).valid).toBe(false);
    // a solution with tuning for an instance without tune
    expect(checkAutoscaling(example, sol).valid).toBe(false);
  });

  it('the checker recomputes tuning.windows (the default too) and tuning.steps from the instance', async () => {
    // example: 96 values, horizon 24, evaluate: 72 values of history, default windows = floor(72 / 24) - 1 = 2;
    // service 0 starts late (its first window has no known value before it: skipped there)
    const inst = { ...structuredClone(example), tune: { missCost: 6 } };
    for (let t = 0; t < 30; t++) inst.services[0].workload[t] = null;
    inst.services[1].workload[60] = null;
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(sol.tuning!.windows).toBe(2);
    // window 1 (values 48..71): 3 services, one missing value; window 2 (24..47): services 1 and 2 only
    expect(sol.tuning!.steps).toBe(3 * 24 - 1 + 2 * 24);
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
    const bad = (f: (s: any) => void) => { const s = structuredClone(sol); f(s); return checkAutoscaling(inst, s); };
    expect(bad((s) => { s.tuning.windows = 1; }).reason).toMatch(/tuning\.windows is 1, expected 2/);
    expect(bad((s) => { s.tuning.windows = 3; }).reason).toMatch(/tuning\.windows is 3, expected 2/);
    expect(bad((s) => { s.tuning.steps -= 1; }).reason).toMatch(/tuning\.steps is 118, expected 119/);
    expect(bad((s) => { s.tuning.steps += 24; }).valid).toBe(false);
    // without evaluate: the whole workload is the history (default windows 3)
    const noEval = { ...structuredClone(inst), evaluate: false };
    const sol2 = (await solve(noEval)) as AutoscalingSolution;
    expect(sol2.tuning!.windows).toBe(3);
    expect(checkAutoscaling(noEval, sol2)).toMatchObject({ valid: true });
    expect(checkAutoscaling(noEval, { ...sol2, tuning: { ...sol2.tuning!, windows: 2 } }).valid).toBe(false);
  });
});
