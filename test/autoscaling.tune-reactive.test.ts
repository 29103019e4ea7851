// The reactive tune family (`tune.reactive`, docs/autoscaling.md, "Reactive family"): per step,
// pods = ceil(max(m_b · forecast-safe, r_b · x2) + a_b · u), x2 = the highest of the last 3
// values known at decision time ÷ the capacity at the target, b = a jump in the last known
// hour; (m, a, r) per bucket by coordinate descent on the tune backtest. Checked: absent / false
// leaves the output as without it; the choice equals a coordinate descent written here from the
// definition (its own windows, signals, map, trace and miss count; each window solved as an
// instance of its own); forecast-tuned equals the map computed here; no look-ahead; the backtest
// cost never above the plain tune's; the checker accepts and rejects tampering; bad input paths.
import { describe, expect, it } from 'vitest';
import { solve, trySolve } from '../src/node.js';
import { checkAutoscaling } from '../src/problems/autoscaling/check.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { reactiveDescent, ReactiveSearcher, plainGrid, type ReactiveItem, type ReactiveBucket } from '../src/problems/autoscaling/reactive.js';
import { forecastTrace, plannedTrace, underProvisioned } from '../src/problems/autoscaling/replay.js';
import { Relation } from '../src/problems/autoscaling/relation.js';
import { rng } from './helpers/random.js';
import { example, shifty, MS, AS, RS, signals, count, backtestItems, descent, type Bucket } from './helpers/tune-reference.js';

const row = (s: AutoscalingSolution, p: string) => s.evaluation!.policies.find((x) => x.policy === p)!;

describe('tune.reactive: forecast-safe and the last known values, one (m, a, r) per jump bucket', () => {
  it('absent or false: the output is exactly the plain tune\'s (no family, no buckets)', async () => {
    for (const inst of [{ ...structuredClone(example), replanEvery: 4, nowcast: true }, { ...shifty(7), replanEvery: 6 }, { ...shifty(8), evaluate: false }]) {
      const plain = (await solve({ ...inst, tune: { missCost: 40 } })) as AutoscalingSolution;
      const off = (await solve({ ...inst, tune: { missCost: 40, reactive: false } })) as AutoscalingSolution;
      expect(JSON.stringify(off)).toBe(JSON.stringify(plain));
      expect(plain.tuning).not.toHaveProperty('family');
      expect(plain.tuning).not.toHaveProperty('buckets');
    }
  });

  it.each([[7, 40], [9, 40], [7, 200]])('chooses what the coordinate descent written here chooses (seed %s, missCost %s)', async (seed, missCost) => {
    const inst = shifty(seed);
    const sol = (await solve({ ...inst, tune: { missCost, reactive: true } })) as AutoscalingSolution;
    const bf = descent(await backtestItems(inst, 3), missCost, 300, 60);
    expect(sol.tuning!.windows).toBe(3);
    expect(sol.tuning!.family).toBe('reactive');
    expect(sol.tuning!.buckets).toEqual(bf.buckets);
    expect(sol.tuning!.multiplier).toBe(bf.buckets[0].multiplier);
    expect(sol.tuning!.floor).toBe(bf.buckets[0].floor);
    expect(sol.tuning!.misses).toBe(bf.miss);
    expect(sol.tuning!.podHours).toBeCloseTo(bf.pod / 3600, 9);
    // the plain start is the plain tune's choice
    const plain = (await solve({ ...inst, tune: { missCost } })) as AutoscalingSolution;
    expect([plain.tuning!.multiplier, plain.tuning!.floor]).toEqual([bf.plain.p.multiplier, bf.plain.p.floor]);
    // the instances are chosen so that the reaction is used (the test can tell the families apart)
    if (seed === 7 && missCost === 40) expect(bf.buckets[1].reactive).toBe(0.7);
  });

  it('forecast-tuned is the map of the replay\'s forecast-safe counts, x2 and bucket computed here from the whole workload; pods.tuned is bucket 0\'s forecast part', async () => {
    const inst = shifty(9);
    const sol = (await solve({ ...inst, tune: { missCost: 40, reactive: true } })) as AutoscalingSolution;
    const bk = sol.tuning!.buckets as [Bucket, Bucket];
    expect(bk.some((p) => p.reactive > 0)).toBe(true);
    let reacted = 0, b1 = 0;
    sol.evaluation!.services.forEach((s, i) => {
      const svc = inst.services[i]!;
      const pp = sol.services[i]!.perPod;
      const rel = { w: pp.w, b: pp.b, at: pp.w * inst.targetUtilization + pp.b };
      const H = inst.horizon;
      const known = svc.workload.slice(0, svc.workload.length - H).filter((x): x is number => x !== null);
      const u = known.reduce((x, y) => x + y, 0) / known.length / rel.at;
      const sig = signals(svc.workload, svc.workload.length - H, H, rel, svc.minPods!, svc.maxPods!, 300, 60);
      const safe = s.pods['forecast-safe']!;
      expect(s.pods['forecast-tuned']).toEqual(safe.map((x, t) => count(x, sig.x2[t]!, bk[sig.bucket[t]!]!, u, svc.minPods!, svc.maxPods!)));
      safe.forEach((x, t) => { const p = bk[sig.bucket[t]!]!; if (p.reactive * sig.x2[t]! > p.multiplier * x) reacted++; b1 += sig.bucket[t]!; });
      // the plan: u over the whole workload, bucket 0's forecast part only
      const all = svc.workload.filter((x): x is number => x !== null);
      const ua = all.reduce((x, y) => x + y, 0) / all.length / rel.at;
      expect(sol.services[i]!.pods.tuned).toEqual(sol.services[i]!.pods.safe.map((x) => count(x, 0, { ...bk[0], reactive: 0 }, ua, svc.minPods!, svc.maxPods!)));
    });
    // both buckets and the reactive term occur in the replay
    expect(reacted).toBeGreaterThan(0);
    expect(b1).toBeGreaterThan(0);
  });

  for (const topUp of [false, true]) {
    it(`no look-ahead${topUp ? ' (topUp)' : ''}: perturbing the held-out workload from t − ${topUp ? 0 : 1} on changes neither the tuning nor forecast-tuned's pods of steps <= t`, async () => {
      const inst = { ...shifty(9), topUp, tune: { missCost: topUp ? 200 : 40, reactive: true } };
      const H = inst.horizon;
      const base = (await solve(inst)) as AutoscalingSolution;
      expect(base.tuning!.buckets!.some((p) => p.reactive > 0)).toBe(true);
      const from = topUp ? 0 : 1;
      let later = 0;
      for (const t of [1, 9, 25]) {
        const pert = structuredClone(inst);
        for (const s of pert.services) for (let j = s.workload.length - H + t - from; j < s.workload.length; j++) s.workload[j] = s.workload[j] === null ? null : s.workload[j]! * 3 + 50;
        const sol = (await solve(pert)) as AutoscalingSolution;
        expect(sol.tuning).toEqual(base.tuning);
        sol.evaluation!.services.forEach((s, i) => {
          const b = base.evaluation!.services[i]!.pods['forecast-tuned']!;
          expect(s.pods['forecast-tuned']!.slice(0, t + 1), `t ${t}, service ${i}`).toEqual(b.slice(0, t + 1));
          if (s.pods['forecast-tuned']!.join() !== b.join()) later++;
        });
      }
      expect(later).toBeGreaterThan(0);
      // every held-out value missing, or scaled down: the same tuning
      for (const f of [() => null, (x: number) => 0.2 * x]) {
        const gone = structuredClone(inst);
        for (const s of gone.services) for (let j = s.workload.length - H; j < s.workload.length; j++) s.workload[j] = s.workload[j] === null ? null : f(s.workload[j]!);
        expect(((await solve(gone)) as AutoscalingSolution).tuning).toEqual(base.tuning);
      }
    });
  }

  it('the backtest cost is never above the plain tune\'s at the same missCost', async () => {
    let better = 0;
    for (const [seed, setting] of [[7, { replanEvery: 6 }], [8, { replanEvery: 6 }], [9, { topUp: true, replanEvery: 6, nowcast: true }]] as const) {
      for (const missCost of [1, 40, 200]) {
        const inst = { ...shifty(seed), ...setting };
        const plain = (await solve({ ...inst, tune: { missCost } })) as AutoscalingSolution;
        const re = (await solve({ ...inst, tune: { missCost, reactive: true } })) as AutoscalingSolution;
        const cost = (t: AutoscalingSolution['tuning']) => t!.podHours + missCost * t!.misses;
        expect(cost(re.tuning)).toBeLessThanOrEqual(cost(plain.tuning) * (1 + 1e-12));
        if (cost(re.tuning) < cost(plain.tuning) * (1 - 1e-9)) better++;
        // the other policies are the plain run's
        expect(re.evaluation!.policies.filter((p) => p.policy !== 'forecast-tuned')).toEqual(plain.evaluation!.policies.filter((p) => p.policy !== 'forecast-tuned'));
      }
    }
    expect(better).toBeGreaterThan(3);
  });

  it('the independent checker accepts the solution and rejects tampered buckets, pods and forecast-tuned', async () => {
    const inst = { ...shifty(9), tune: { missCost: 40, reactive: true } };
    const sol = (await solve(inst)) as AutoscalingSolution;
    expect(checkAutoscaling(inst, sol)).toMatchObject({ valid: true });
    const bad = (f: (s: any) => void, i: any = inst) => { const s = structuredClone(sol); f(s); return checkAutoscaling(i, s); };
    const r0 = sol.tuning!.buckets![0]!.reactive;
    expect(r0).toBeGreaterThan(0);
    // another reaction level of the grid: the replayed counts no longer follow
    expect(bad((s) => { s.tuning.buckets[0].reactive = r0 === 1.25 ? 0.7 : 1.25; }).reason).toMatch(/forecast-tuned\[\d+\]/);
    expect(bad((s) => { s.tuning.buckets[0].reactive = 0.8; }).reason).toMatch(/not on the reactive grid/);
    expect(bad((s) => { s.tuning.buckets[1].multiplier *= 1.01; }).reason).toMatch(/buckets\[1\]/);
    expect(bad((s) => { s.tuning.buckets[1].extra = 1; }).valid).toBe(false);
    expect(bad((s) => { s.tuning.multiplier = s.tuning.buckets[1].multiplier === s.tuning.multiplier ? MS[0] === s.tuning.multiplier ? MS[1] : MS[0] : s.tuning.buckets[1].multiplier; }).valid).toBe(false);
    expect(bad((s) => { s.tuning.buckets.pop(); }).reason).toMatch(/buckets has length 1/);
    expect(bad((s) => { delete s.tuning.family; }).reason).toMatch(/family/);
    expect(bad((s) => { s.evaluation.services[1].pods['forecast-tuned'][7] += 1; }).reason).toMatch(/forecast-tuned\[7\]/);
    expect(bad((s) => { s.services[2].pods.tuned[4] += 1; }).reason).toMatch(/pods\.tuned\[4\]/);
    // swapping the buckets moves the counts of the steps after a jump
    expect(bad((s) => { s.tuning.buckets.reverse(); s.tuning.multiplier = s.tuning.buckets[0].multiplier; s.tuning.floor = s.tuning.buckets[0].floor; }).valid).toBe(false);
    // a reactive solution for a plain instance, and a plain one for a reactive instance
    expect(checkAutoscaling({ ...inst, tune: { missCost: 40 } }, sol).reason).toMatch(/reactive family/);
    const plain = (await solve({ ...inst, tune: { missCost: 40 } })) as AutoscalingSolution;
    expect(checkAutoscaling(inst, plain).valid).toBe(false);
  });

  it.each([
    ['a string', 'yes'],
    ['a number', 1],
    ['null', null],
  ])('refuses tune.reactive as %s with its JSON path', async (_n, reactive) => {
    const r = await trySolve({ ...structuredClone(example), tune: { missCost: 1, reactive } });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.code).toBe('invalid-input'); expect(r.error.path).toBe('tune.reactive'); expect(r.error.message).toMatch(/true or false/); }
  });
});

describe('tune.reactive: the bucket scan (only the steps it can change) equals the full evaluation', () => {
  // random items on a reduced grid, with and without top-up, a step whose top-up pods serve part of it (frac 1/3):
  // the descent written here evaluates every point with the replay's own traces (forecastTrace) and miss count (underProvisioned)
  const step = 90, readySeconds = 60;
  function items(seed: number, topUp: boolean): ReactiveItem[] {
    const u = rng(seed);
    const int = (a: number, b: number) => a + Math.floor(u() * (b - a + 1));
    return Array.from({ length: 4 }, () => {
      const H = int(8, 20);
      const planned = Array.from({ length: H }, () => int(0, 30));
      const rel = new Relation(1 + 3 * u(), u() < 0.5 ? 0 : -0.3 * u(), 0.6);
      // the actual workload follows x2 (the last values) in some steps, the plan in others
      const x2 = Float64Array.from({ length: H }, () => 30 * u());
      const bucket = Uint8Array.from({ length: H }, () => (u() < 0.4 ? 1 : 0));
      return {
        planned, ...(topUp ? { late: planned.map((x) => Math.max(0, x + int(-6, 8))) } : {}),
        actual: planned.map((x, t) => (u() < 0.1 ? null : u() < 0.1 ? 0 : (bucket[t] ? x2[t]! : x) * rel.atTarget * (0.6 + 0.8 * u()))),
        initial: int(0, 20), rel, u: 5 * u(), b: { min: int(0, 2), max: int(20, 40) }, x2, bucket,
      };
    });
  }
  const grid = { multipliers: [0.3, 0.6, 0.9, 1.2], floors: [0, 0.5, 1], levels: [0, 0.7, 1.1] };
  function full(its: ReactiveItem[], ps: ReactiveBucket[], price: number) {
    let pod = 0, miss = 0;
    for (const it of its) {
      const map = (x: ArrayLike<number>) => Array.from(x, (s, t) => { const p = ps[it.bucket[t]!]!; const y = Math.max(p.multiplier * s, p.reactive * it.x2[t]!) + p.floor * it.u; return Math.min(it.b.max, Math.max(it.b.min, Math.ceil(y - 1e-9 * Math.max(1, y)))); });
      const tr = forecastTrace(map(it.planned), it.late && map(it.late), it.initial, { step, readySeconds });
      pod += tr.podSeconds;
      miss += underProvisioned(tr, it.actual, it.rel, 0.9).under;
    }
    return { pod, cost: pod + price * miss };
  }
  function descentHere(its: ReactiveItem[], start: ReactiveBucket, price: number) {
    const ps: ReactiveBucket[] = [start, start];
    let rounds = 0;
    for (; rounds < 8;) {
      rounds++;
      let changed = false;
      for (const b of [1, 0]) {
        const at = (p: ReactiveBucket) => full(its, b === 0 ? [p, ps[1]!] : [ps[0]!, p], price);
        let inc = { ...at(ps[b]!), p: ps[b]! };
        for (const r of grid.levels) for (const a of grid.floors) for (const m of grid.multipliers) {
          const c = at({ multiplier: m, floor: a, reactive: r });
          const tol = 1e-12 * Math.max(1, Math.abs(c.cost));
          if (c.cost < inc.cost - tol || (c.cost <= inc.cost + tol && c.pod < inc.pod)) inc = { ...c, p: { multiplier: m, floor: a, reactive: r } };
        }
        if (inc.p !== ps[b]) changed = true;
        ps[b] = inc.p;
      }
      if (!changed) break;
    }
    return { ps, rounds, ...full(its, ps, price) };
  }
  for (const topUp of [false, true]) {
    it(`same buckets, rounds and cost on 24 random cases${topUp ? ' (topUp)' : ''}`, () => {
      const seen = new Set<string>();
      let reacted = 0;
      for (let seed = 1; seed <= 24; seed++) {
        const its = items(seed, topUp);
        const price = [0, 50, 400, 3000][seed % 4]!;
        const start = { multiplier: 0.6, floor: 0, reactive: 0 };
        const want = descentHere(its, start, price);
        const got = reactiveDescent(its, [start, start], { step, readySeconds, maxUtilization: 0.9, price, maxRounds: 8, ...grid });
        expect(got.buckets, `seed ${seed}`).toEqual(want.ps);
        expect(got.rounds).toBe(want.rounds);
        expect(got.podSeconds).toBe(want.pod);
        expect(got.cost).toBe(want.cost);
        seen.add(JSON.stringify(got.buckets));
        if (got.buckets.some((p) => p.reactive > 0)) reacted++;
      }
      // the cases end at many different points, some with the reaction (the test can fail)
      expect(seen.size).toBeGreaterThan(4);
      expect(reacted).toBeGreaterThan(2);
    });
  }

  it('the plain grid in one pass (plainGrid) equals the replay\'s own figures at every point (plannedTrace, underProvisioned)', () => {
    let distinct = 0;
    for (let seed = 41; seed <= 52; seed++) {
      const its = [...items(seed, false), ...items(seed + 100, false)];
      for (const rs of [0, 60, 400]) {
        const o = { step, readySeconds: rs, maxUtilization: 0.9, multipliers: MS, floors: AS };
        const g = plainGrid(its, o);
        const seen = new Set<string>();
        let i = 0;
        for (const a of AS) for (const m of MS) {
          let pod = 0, miss = 0;
          for (const it of its) {
            const n = Array.from(it.planned, (x) => { const y = m * x + a * it.u; return Math.min(it.b.max, Math.max(it.b.min, Math.ceil(y - 1e-9 * Math.max(1, y)))); });
            const tr = plannedTrace(n, it.initial, step, rs);
            pod += tr.podSeconds;
            miss += underProvisioned(tr, it.actual, it.rel, 0.9).under;
          }
          expect([g.ps[i], g.miss[i]], `seed ${seed}, readySeconds ${rs}, (${m}, ${a})`).toEqual([pod, miss]);
          seen.add(`${pod}/${miss}`);
          i++;
        }
        distinct += seen.size;
      }
    }
    expect(distinct).toBeGreaterThan(1000);
  });

  it('the one-pass scan (all multipliers per step) equals the scan one multiplier at a time on the full grid, at 49 prices, from shared tables', () => {
    const full = { multipliers: MS, floors: AS, levels: RS };
    let moved = 0;
    for (let seed = 31; seed <= 36; seed++) {
      const its = [...items(seed, false), ...items(seed + 100, false)];
      const o = { step, readySeconds, maxUtilization: 0.9, maxRounds: 8, ...full };
      const fast = new ReactiveSearcher(its, o), slow = new ReactiveSearcher(its, o, true);
      const start = { multiplier: MS[20]!, floor: 0, reactive: 0 };
      const ends = new Set<string>();
      for (let k = 0; k < 49; k++) {
        const price = 3600 * 10 ** (0.6 + 0.05 * k) / 100;
        const a = fast.descent([start, start], price), b = slow.descent([start, start], price);
        expect(a, `seed ${seed}, price ${price}`).toEqual(b);
        ends.add(JSON.stringify(a.buckets));
      }
      moved += ends.size;
    }
    // the prices move the choice (the test can tell tables apart)
    expect(moved).toBeGreaterThan(12);
  });
});
