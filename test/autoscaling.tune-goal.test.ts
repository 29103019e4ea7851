// tune.goal (docs/autoscaling.md, "Tuning to a goal"): instead of a missCost, the instance
// states a goal against hpa (pod-hours at most rrc × hpa's, under-provisioned steps at most
// missShare × hpa's) and the tune picks the missCost itself on its own backtest: the first of
// the listed missCosts (ascending) whose backtest meets the goal, else the last within the
// pod-hours cap, else the first. Checked against a reference written from the definition
// (test/helpers/tune-reference.ts: every window solved as an instance of its own, hpa's figures
// from those solves' replay rows, the plain grid and the coordinate descent at every missCost),
// for both families and for goals that are met, missed within the cap, and missed outright;
// the checker accepts and rejects tampering; bad input names its JSON path.
import { describe, expect, it } from 'vitest';
import { solve, trySolve } from '../src/node.js';
import { instanceSchema } from '../src/schema.js';
import { checkAutoscaling } from '../src/problems/autoscaling/check.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { example, shifty, AS, MS, backtestWindows, descent, evaluateAt, type Bucket, type Item } from './helpers/tune-reference.js';

// the missCosts the goal searches, as the docs state them
const COSTS = Array.from({ length: 49 }, (_, k) => Math.round(10 ** (0.6 + 0.05 * k) * 1000) / 1000);

/** The plain tune's choice from the definition (a outer, m inner; ties: fewer pod-seconds, then grid order). */
function plainChoice(items: Item[], missCost: number) {
  const price = missCost * 3600;
  let best: { pod: number; miss: number; cost: number; p: Bucket } | null = null;
  for (const a of AS) for (const m of MS) {
    const p = { multiplier: m, floor: a, reactive: 0 };
    const e = evaluateAt(items, [p, p], 300, 60);
    const cost = e.pod + price * e.miss;
    const tol = 1e-12 * Math.max(1, Math.abs(cost));
    if (!best || cost < best.cost - tol || (cost <= best.cost + tol && e.pod < best.pod)) best = { pod: e.pod, miss: e.miss, cost, p };
  }
  return { buckets: [best!.p, best!.p] as [Bucket, Bucket], pod: best!.pod, miss: best!.miss };
}

type Curve = { mc: number; buckets: [Bucket, Bucket]; pod: number; miss: number }[];
const curves = new Map<string, Promise<{ curve: Curve; hpaPodHours: number; hpaMisses: number }>>();
/** Every missCost's choice on the backtest of shifty(seed), from the reference (memoised per instance and family). */
function curveOf(seed: number, reactive: boolean) {
  const key = `${seed}|${reactive}`;
  if (!curves.has(key)) curves.set(key, (async () => {
    const w = await backtestWindows(shifty(seed), 3);
    const curve = COSTS.map((mc) => {
      const c = reactive ? descent(w.items, mc, 300, 60) : plainChoice(w.items, mc);
      return { mc, buckets: c.buckets as [Bucket, Bucket], pod: c.pod, miss: c.miss };
    });
    return { curve, hpaPodHours: w.hpaPodHours, hpaMisses: w.hpaMisses };
  })());
  return curves.get(key)!;
}

/** The rule from the definition. */
function rule(curve: Curve, hpaPodHours: number, hpaMisses: number, rrc: number, missShare: number) {
  const inCap = curve.filter((c) => c.pod / 3600 <= rrc * hpaPodHours);
  const met = inCap.find((c) => c.miss <= missShare * hpaMisses);
  return { chosen: met ?? inCap[inCap.length - 1] ?? curve[0]!, met: met !== undefined, branch: met ? 'met' : inCap.length ? 'cap' : 'first' };
}

const GOALS = { balanced: { rrc: 1.05, missShare: 0.5 }, safe: { rrc: 1.3, missShare: 0.25 } } as const;

describe('tune.goal: the missCost chosen on the backtest against hpa', () => {
  // goals that take each branch of the rule on these instances (asserted below, so the test tells them apart)
  const cases: [string, number, boolean, 'balanced' | 'safe' | { rrc: number; missShare: number }, string][] = [
    ['plain, safe (missed: its one-miss point is above 1.3 × hpa\'s pod-hours)', 7, false, 'safe', 'cap'],
    ['plain, { rrc: 1.2, missShare: 0.5 }', 9, false, { rrc: 1.2, missShare: 0.5 }, 'met'],
    ['plain, below every point\'s pod-hours', 7, false, { rrc: 0.1, missShare: 0.25 }, 'first'],
    ['reactive, safe', 9, true, 'safe', 'met'],
    ['reactive, safe (missed within the cap)', 8, true, 'safe', 'cap'],
  ];
  it.each(cases)('%s: the choice, the backtest and hpa\'s figures are the reference\'s', async (_n, seed, reactive, goal, branch) => {
    const inst = { ...shifty(seed), tune: { goal, ...(reactive ? { reactive: true } : {}) } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    const ref = await curveOf(seed, reactive);
    const g = typeof goal === 'string' ? GOALS[goal] : goal;
    const r = rule(ref.curve, ref.hpaPodHours, ref.hpaMisses, g.rrc, g.missShare);
    expect(r.branch).toBe(branch);
    const tu = sol.tuning!;
    expect(tu.missCost).toBe(r.chosen.mc);
    expect(tu.goal).toMatchObject({ rrc: g.rrc, missShare: g.missShare, met: r.met, hpaMisses: ref.hpaMisses });
    expect(tu.goal!.hpaPodHours).toBeCloseTo(ref.hpaPodHours, 9);
    expect([tu.multiplier, tu.floor]).toEqual([r.chosen.buckets[0].multiplier, r.chosen.buckets[0].floor]);
    if (reactive) expect(tu.buckets).toEqual(r.chosen.buckets);
    expect(tu.misses).toBe(r.chosen.miss);
    expect(tu.podHours).toBeCloseTo(r.chosen.pod / 3600, 9);
    // the same as tuning at the chosen missCost directly (the goal only picks the missCost)
    const direct = (await solve({ ...inst, tune: { missCost: tu.missCost, ...(reactive ? { reactive: true } : {}) } })) as AutoscalingSolution;
    expect({ ...tu, goal: undefined }).toEqual({ ...direct.tuning, goal: undefined });
    expect(sol.evaluation!.services.map((s) => s.pods['forecast-tuned'])).toEqual(direct.evaluation!.services.map((s) => s.pods['forecast-tuned']));
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
  }, 120_000);

  it('the independent checker rejects a tampered goal record and a missCost off the list', async () => {
    const inst = { ...shifty(9), tune: { goal: { rrc: 1.2, missShare: 0.5 } } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(sol.tuning!.goal!.met).toBe(true);
    const bad = (f: (s: any) => void, i: any = inst) => { const s = structuredClone(sol); f(s); return checkAutoscaling(i, s); };
    expect(bad((s) => { s.tuning.goal.met = false; }).reason).toMatch(/goal\.met/);
    expect(bad((s) => { s.tuning.goal.hpaPodHours = s.tuning.podHours / 2; }).reason).toMatch(/goal\.met/);
    expect(bad((s) => { s.tuning.missCost = 25; }).reason).toMatch(/not one of the goal search's missCosts/);
    expect(bad((s) => { s.tuning.goal.rrc = 1.3; }).reason).toMatch(/tuning\.goal is/);
    expect(bad((s) => { delete s.tuning.goal; }).reason).toMatch(/goal is missing/);
    // a goal record for an instance that gives missCost
    expect(checkAutoscaling({ ...inst, tune: { missCost: sol.tuning!.missCost } }, sol).reason).toMatch(/tuning\.goal is present/);
  });

  it('the checker accepts the solver\'s verdict when the pod-hours sit at the cap within rounding (the solver compares pod-seconds, the checker pod-hours)', async () => {
    // a smooth daily workload: the cheapest missCost's point has no miss, nor has hpa; rrc is the
    // largest double with rrc × hpa's pod-seconds below that point's pod-seconds, so no point is in
    // the cap (the "first" branch, met false) while in pod-hours it meets the goal within 1e-9
    const base: any = shifty(1);
    for (const s of base.services) s.workload = s.workload.map((_: unknown, t: number) => Math.round((300 + 50 * Number(s.name.slice(1))) * (1 + 0.6 * Math.sin((2 * Math.PI * t) / 36)) * (1 + 0.02 * Math.sin(t * 7.3 + 1))));
    const nextDown = (r: number) => { const b = new Float64Array([r]); new BigInt64Array(b.buffer)[0]! -= 1n; return b[0]!; };
    const first = (await solve({ ...base, tune: { missCost: COSTS[0] } })) as AutoscalingSolution;
    const hpa = (await solve({ ...base, tune: { goal: { rrc: 1, missShare: 1 } } })) as AutoscalingSolution;
    const ps = Math.round(first.tuning!.podHours * 3600), hps = Math.round(hpa.tuning!.goal!.hpaPodHours * 3600);
    let rrc = ps / hps;
    while (rrc * hps >= ps) rrc = nextDown(rrc);
    const inst = { ...base, tune: { goal: { rrc, missShare: 1 } } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect([sol.tuning!.missCost, sol.tuning!.misses, sol.tuning!.goal!.hpaMisses, sol.tuning!.goal!.met]).toEqual([COSTS[0], 0, 0, false]);
    expect(sol.tuning!.podHours).toBeLessThanOrEqual(rrc * sol.tuning!.goal!.hpaPodHours * (1 + 1e-9));
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
    // outside the rounding band the verdict is still checked both ways
    const s2 = structuredClone(sol) as any;
    s2.tuning.goal.met = true; s2.tuning.goal.hpaPodHours *= 0.9;
    expect(checkAutoscaling(inst, s2).reason).toMatch(/goal\.met/);
    const s3 = structuredClone(sol) as any;
    s3.tuning.goal.hpaPodHours *= 1.1;
    expect(checkAutoscaling(inst, s3).reason).toMatch(/goal\.met/);
  }, 60_000);

  it('the JSON Schema (editors) says one of missCost and goal is needed', () => {
    const tune = (instanceSchema('autoscaling') as any).properties.tune;
    expect(tune.anyOf).toEqual([{ required: ['missCost'] }, { required: ['goal'] }]);
    expect(Object.keys(tune.properties)).toEqual(['missCost', 'goal', 'windows', 'reactive', 'adapt']);
  });

  it.each([
    ['neither missCost nor goal', {}, 'tune', /missCost .* or goal/],
    ['both', { missCost: 10, goal: 'safe' }, 'tune.goal', /exclude each other/],
    ['an unknown name', { goal: 'risky' }, 'tune.goal', /"balanced", "safe" or an object/],
    ['rrc not positive', { goal: { rrc: 0, missShare: 0.5 } }, 'tune.goal', /"balanced", "safe" or an object/],
    ['missShare above 1', { goal: { rrc: 1.1, missShare: 2 } }, 'tune.goal', /"balanced", "safe" or an object/],
    ['an extra field', { goal: { rrc: 1.1, missShare: 0.5, x: 1 } }, 'tune.goal', /"balanced", "safe" or an object/],
  ])('refuses %s with its JSON path', async (_n, tune, path, message) => {
    const r = await trySolve({ ...structuredClone(example), tune });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.code).toBe('invalid-input'); expect(r.error.path).toBe(path); expect(r.error.message).toMatch(message); }
  });
});
