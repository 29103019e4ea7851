// Reference implementations of the tune's backtest and searches, written from
// docs/autoscaling.md ("Tuned policy", "Reactive family", "Tuning to a goal") and sharing no
// code with the solver: each backtest window solved as an evaluate instance of its own, the
// signals, the map, the trace and the miss count computed here.
import { readFileSync } from 'node:fs';
import { solve } from '../../src/node.js';
import type { AutoscalingSolution } from '../../src/problems/autoscaling/schema.js';

export const example = JSON.parse(readFileSync(new URL('../../examples/autoscaling.json', import.meta.url), 'utf8'));
export type Svc = { name: string; workload: (number | null)[]; observations: unknown[]; minPods?: number; maxPods?: number };

/** Level shifts at random times (seeded): a forecast that lags them, where the last values help. */
export function shifty(seed: number, H = 36, n = 5 * 36, S = 3) {
  let x = seed;
  const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
  const services: Svc[] = Array.from({ length: S }, (_, i) => {
    let level = 200 + 100 * i;
    const workload: (number | null)[] = [];
    for (let t = 0; t < n; t++) {
      if (rnd() < 0.06) level = Math.max(50, level * (0.4 + 2.2 * rnd()));
      const daily = 1 + 0.3 * Math.sin((2 * Math.PI * t) / 36);
      workload.push(rnd() < 0.02 ? null : Math.round(level * daily * (0.9 + 0.2 * rnd())));
    }
    return { name: `s${i}`, workload, observations: example.services[i % example.services.length].observations, minPods: 1, maxPods: 500 };
  });
  return { problem: 'autoscaling', step: 300, horizon: H, targetUtilization: example.targetUtilization as number, services, evaluate: true, replanEvery: 1 };
}

// the grid as the docs state it
export const MS: number[] = [];
for (let k = 0; 0.15 * 1.05 ** k <= 4; k++) MS.push(0.15 * 1.05 ** k);
export const AS = [0, 0.1, 0.25, 0.5, 1, 2];
export const RS = [0, 0.7, 0.9, 1, 1.1, 1.25];
export type Bucket = { multiplier: number; floor: number; reactive: number };

export const count = (s: number, x2: number, p: Bucket, u: number, min: number, max: number) => {
  const y = Math.max(p.multiplier * s, p.reactive * x2) + p.floor * u;
  return Math.min(max, Math.max(min, Math.ceil(y - 1e-9 * Math.max(1, y))));
};

/** x2 and bucket of the H steps from absolute index o, from the definition (step 300 s, readySeconds 60: L = 1, P = 12). */
export function signals(w: (number | null)[], o: number, H: number, rel: { w: number; b: number; at: number }, min: number, max: number, step: number, readySeconds: number, maxU = 0.9) {
  const L = Math.max(1, Math.ceil(readySeconds / step)), P = Math.max(3, Math.round(3600 / step));
  const util = (x: number, n: number) => (n > 0 ? Math.max(0, (x / n - rel.b) / rel.w) : x > 0 ? Infinity : 0);
  const jump = (j: number) => {
    const x = w[j];
    if (x === null || x === undefined) return false;
    let prev: number | null = null;
    for (let k = j - 1; k >= 0; k--) if (w[k] !== null) { prev = w[k]!; break; }
    if (prev === null) return false;
    const need = prev / rel.at;
    const n = Math.min(max, Math.max(min, prev > 0 ? Math.max(1, Math.ceil(need - 1e-9 * Math.max(1, need))) : 0));
    return util(x, n) > maxU * (1 + 1e-9);
  };
  const x2: number[] = [], bucket: number[] = [];
  for (let t = 0; t < H; t++) {
    const d = o + t - 1 - L;
    if (d < 0) { x2.push(0); bucket.push(0); continue; }
    let last = 0;
    for (let j = d; j >= 0; j--) if (w[j] !== null) { last = w[j]!; break; }
    x2.push(Math.max(last, w[d] ?? 0, d >= 1 ? w[d - 1] ?? 0 : 0, d >= 2 ? w[d - 2] ?? 0 : 0) / rel.at);
    let b = 0;
    for (let j = Math.max(1, d - P + 1); j <= d; j++) if (jump(j)) b = 1;
    bucket.push(b);
  }
  return { x2, bucket };
}

export type Item = { safe: number[]; actual: (number | null)[]; u: number; initial: number; rel: { w: number; b: number; at: number }; min: number; max: number; x2: number[]; bucket: number[] };

/** The backtest's items: each window solved as its own evaluate instance (no tune), its forecast-safe pods (no top-up: the planned counts). */
export async function backtestItems(inst: any, windows: number): Promise<Item[]> {
  return (await backtestWindows(inst, windows)).items;
}

/** The backtest's items and hpa's figures on its windows (the replay's own hpa row of each window's solve). */
export async function backtestWindows(inst: any, windows: number): Promise<{ items: Item[]; hpaPodHours: number; hpaMisses: number }> {
  const H = inst.horizon as number, target = inst.targetUtilization as number;
  const items: Item[] = [];
  let hpaPodHours = 0, hpaMisses = 0;
  for (let j = 1; j <= windows; j++) {
    const cut = H + (j - 1) * H;
    const sub = { ...structuredClone(inst), services: inst.services.map((s: Svc) => ({ ...s, workload: s.workload.slice(0, s.workload.length - cut) })), evaluate: true };
    delete sub.tune;
    const sol = (await solve(sub)) as AutoscalingSolution;
    const hpa = sol.evaluation!.policies.find((x) => x.policy === 'hpa')!;
    hpaPodHours += hpa.podHours; hpaMisses += hpa.underProvisionedSteps;
    sub.services.forEach((s: Svc, i: number) => {
      const pp = sol.services[i]!.perPod;
      const rel = { w: pp.w, b: pp.b, at: pp.w * target + pp.b };
      const hist = s.workload.slice(0, s.workload.length - H);
      const known = hist.filter((x): x is number => x !== null);
      const min = s.minPods ?? 1, max = s.maxPods ?? 1_000_000;
      const last = known[known.length - 1]!;
      const initial = Math.min(max, Math.max(min, last > 0 ? Math.max(1, Math.ceil(last / rel.at - 1e-9 * Math.max(1, last / rel.at))) : 0));
      const sig = signals(s.workload, s.workload.length - H, H, rel, min, max, inst.step, inst.readySeconds ?? 60);
      items.push({ safe: sol.evaluation!.services[i]!.pods['forecast-safe']!, actual: s.workload.slice(s.workload.length - H), u: known.reduce((x, y) => x + y, 0) / known.length / rel.at, initial, rel, min, max, ...sig });
    });
  }
  return { items, hpaPodHours, hpaMisses };
}

/** Pod-seconds (warm-up paid) and misses of the whole backtest at the buckets' parameters. */
export function evaluateAt(items: Item[], ps: [Bucket, Bucket], step: number, readySeconds: number) {
  let pod = 0, miss = 0;
  for (const it of items) {
    let prev = it.initial;
    it.safe.forEach((s, t) => {
      const n = count(s, it.x2[t]!, ps[it.bucket[t]!]!, it.u, it.min, it.max);
      pod += n * step + Math.max(0, n - prev) * readySeconds;
      prev = n;
      const x = it.actual[t];
      if (x === null || x === undefined) return;
      const util = n > 0 ? Math.max(0, (x / n - it.rel.b) / it.rel.w) : x > 0 ? Infinity : 0;
      if (util > 0.9 * (1 + 1e-9)) miss++;
    });
  }
  return { pod, miss };
}

/** The plain tune's choice, then the coordinate descent, from the definition. */
export function descent(items: Item[], missCost: number, step: number, readySeconds: number) {
  const price = missCost * 3600;
  const better = (c: { pod: number; cost: number }, b: { pod: number; cost: number }) => {
    const tol = 1e-12 * Math.max(1, Math.abs(c.cost));
    return c.cost < b.cost - tol || (c.cost <= b.cost + tol && c.pod < b.pod);
  };
  let best: { pod: number; cost: number; p: Bucket } | null = null;
  for (const a of AS) for (const m of MS) {
    const p = { multiplier: m, floor: a, reactive: 0 };
    const e = evaluateAt(items, [p, p], step, readySeconds);
    const c = { pod: e.pod, cost: e.pod + price * e.miss };
    if (!best || better(c, best)) best = { ...c, p };
  }
  const plain = best!;
  const ps: [Bucket, Bucket] = [{ ...plain.p }, { ...plain.p }];
  let rounds = 0;
  for (; rounds < 8;) {
    rounds++;
    let changed = false;
    for (const b of [1, 0]) {
      const at = (p: Bucket) => { const q: [Bucket, Bucket] = [ps[0], ps[1]]; q[b] = p; const e = evaluateAt(items, q, step, readySeconds); return { pod: e.pod, cost: e.pod + price * e.miss }; };
      let inc = { ...at(ps[b]!), p: ps[b]! };
      for (const r of RS) for (const a of AS) for (const m of MS) {
        const p = { multiplier: m, floor: a, reactive: r };
        const c = at(p);
        if (better(c, inc)) inc = { ...c, p };
      }
      if (inc.p !== ps[b]) changed = true;
      ps[b] = inc.p;
    }
    if (!changed) break;
  }
  const fin = evaluateAt(items, ps, step, readySeconds);
  return { plain, buckets: ps, rounds, pod: fin.pod, miss: fin.miss };
}

