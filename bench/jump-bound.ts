// Optimistic bound for issue 13's goals (docs/autoscaling.md, "An optimistic bound"):
// can any causal policy meet them on the bench's data?
// Step 1 (`--cache`): the bench's instances (bench/autoscaling.ts: data sets, origins,
// per-pod pairs, SETTING) solved with evaluate, the forecast policies re-planning every step
// without topUp (the best measured variant; JB_OPTS overrides, JSON, where replanEvery
// "hourly" is the bench's own hour of steps per data set); per origin and service
// the replay's inputs (window, fitted relation) and the forecast policies' pods are cached as
// JSON under JB_CACHE (default /tmp/bound/cache; derived data: never inside the repository).
// JB_EXTRA = n caches instead the n origins before the bench's first (tuning days), JB_G
// selects data sets by name.
// Step 2 (default): reads the cache and prints (1) hpa recomputed with the replay's code and
// checked against the replay, (2) the share of jump steps flagged by causal signals, (3) per
// family of policies pods = ceil(m · level + a · mean pods), (m, a) per cell (data set or
// series × risk-score buckets), the frontier (fewest misses at RRC <= 1, 1.05, … 1.5) with
// (m, a) chosen IN HINDSIGHT on the replayed steps (the optimistic bound), all series and per
// data set (JB_PERSET=0 skips), (4)–(7) the same families tuned causally on earlier days:
// JB_TUNE = the tuning-day cache (a: two earlier days; b, c: walk-forward over every earlier
// day, per-set caps or one exchange rate, JB_WF / JB_WFL = families or 0), (d) each origin's
// own history (JB_HIST=0 skips). JB_FAMILY filters the families of (3), (a) and (d);
// JB_OUT writes every figure as JSON. Pod counts are deterministic; the machine is shared
// (no timing is a result). JB_A=0 skips protocol (a); JB_LSTEP = the exchange-rate grid's
// step in log10 (default 0.1); JB_WFDAYS = D: walk-forward on the D previous days only; JB_DUMP =
// cap: print the (m, a[, m2]) each replayed day uses at the causal Λ of that cap (per-set families).
// Protocol (c) prints, besides the Λ chosen at tuning-day RRC <= 1.0 … 1.3, margin caps 1.15 / 1.25
// and two other causal rules for Λ (tuning days weighted by replayed days; out of sample on them).
// Branch safe2 added the intermediate families (set × one coarse score, set × size, per series
// shrunk towards the set, max(m · forecast-safe, m2 · a reactive level)): docs/autoscaling.md,
// "Between one (m, a) per data set and the score cells".
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { solve, type AutoscalingSolution } from '../src/node.js';
import { groups, measuredSteps, originServices, replan, SETTING } from './autoscaling.js';

const CACHE = process.env.JB_CACHE ?? '/tmp/bound/cache';
const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_');

interface CachedService { name: string; workload: (number | null)[]; w: number; b: number; mean: number; pods: Record<string, number[]> }
interface CachedOrigin { group: string; step: number; horizon: number; k: number; measured: number; policies: AutoscalingSolution['evaluation'] extends infer E ? E extends { policies: infer P } ? P : never : never; services: CachedService[] }

async function cache(): Promise<void> {
  const opts = process.env.JB_OPTS ? JSON.parse(process.env.JB_OPTS) as Record<string, unknown> : { replanEvery: 1, topUp: false };
  const filt = process.env.JB_G?.toLowerCase();
  mkdirSync(CACHE, { recursive: true });
  for (const g of groups().filter((g) => !filt || g.name.toLowerCase().includes(filt))) {
    // JB_EXTRA = n: instead, the n origins before the bench's (days earlier than every replayed one: tuning data)
    const extra = Number(process.env.JB_EXTRA ?? 0);
    for (let k = extra ? g.origins : 0; k < (extra ? g.origins + extra : g.origins); k++) {
      const file = join(CACHE, `${slug(g.name)}_${k}.json`);
      if (existsSync(file)) continue;
      const services = originServices(g, k);
      if (!services.length || services.some((x) => x.workload.length < g.horizon + Math.min(g.history, 2 * g.horizon))) { console.log(`${g.name} origin ${k}: too little data, skipped`); continue; }
      const t0 = performance.now();
      // JB_OPTS replanEvery "hourly": the bench's own re-plan interval (an hour of steps, bench/autoscaling.ts replan)
      const o = opts.replanEvery === 'hourly' ? { ...opts, replanEvery: replan(g.step) } : opts;
      const sol = (await solve({ problem: 'autoscaling', step: g.step, horizon: g.horizon, services, evaluate: true, ...SETTING, ...o })) as AutoscalingSolution;
      const ev = sol.evaluation!;
      const out: CachedOrigin = {
        group: g.name, step: g.step, horizon: g.horizon, k, measured: measuredSteps(services, g.horizon), policies: ev.policies,
        services: services.map((s, i) => ({
          name: s.name, workload: s.workload, w: sol.services[i]!.perPod.w, b: sol.services[i]!.perPod.b, mean: sol.services[i]!.perPod.mean,
          pods: Object.fromEntries(['forecast-saving', 'forecast-balanced', 'forecast-safe'].map((p) => [p, ev.services[i]!.pods[p]!])),
        })),
      };
      writeFileSync(file, JSON.stringify(out));
      console.log(`${g.name} origin ${k}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
}

if (process.argv.includes('--cache')) await cache();

// ---------------------------------------------------------------------------------------
// Step 2: the bound. Every replayed step of every origin and service, with the replay's own
// quantities: actual workload, fitted relation (capacity of one pod), hpa's trace and
// misses (replayHpa, as the replay runs it), jump steps (jumpSteps), and the causal levels
// and risk scores of the family, computed from the values known at decision time.
import { Relation, podsFor, replayHpa, jumpSteps, plannedTrace } from '../src/internals.js';
import { readdirSync } from 'node:fs';

const TARGET = 0.6, MAXU = 0.9, READY = 60, TOL = 1e-9;

/** One replayed step's data (flat arrays over all steps, one index per step). */
interface Steps {
  n: number;
  group: Int32Array; series: Int32Array; svc: Int32Array; t: Int32Array; stepSec: Float64Array;
  measured: Uint8Array; jump: Uint8Array; hpaMiss: Uint8Array;
  /** Fewest pods that keep the step at or below maxUtilization (0 when not measured). */
  need: Float64Array;
  /** The series' mean workload over its history, in pods at the target. */
  unit: Float64Array;
  /** Levels in fractional pods at the target (level / capacity at the target). */
  level: Map<string, Float64Array>;
  /** Risk scores (small integers: buckets). */
  score: Map<string, Int32Array>;
  /** Per service (svc index): initial pods, step seconds, first step index. */
  svcInit: number[]; svcStart: number[]; svcLen: number[];
  /** series id -> 'group/series'; volatility bucket edges per 'group|suffix'. */
  seriesName?: string[]; volEdges?: Map<string, number[]>;
}
interface GroupInfo { name: string; hpaPodSeconds: number; hpaMisses: number; measured: number; jumps: number; series: string[]; forecast: Record<string, { podSeconds: number; misses: number }> }

function lastKnown(w: (number | null)[], upto: number): number | null {
  for (let j = Math.min(upto, w.length - 1); j >= 0; j--) if (w[j] !== null && w[j] !== undefined) return w[j]!;
  return null;
}

/** Fewest pods n with rel.util(W, n) <= maxU (the replay's test of a miss). */
function needPods(W: number, rel: Relation): number {
  const cap = MAXU * rel.w + rel.b;
  let n = cap > 0 ? Math.max(1, Math.floor(W / cap)) : 1;
  if (!(W > 0)) return 0;
  while (n > 1 && !(rel.util(W, n - 1) > MAXU * (1 + TOL))) n--;
  while (rel.util(W, n) > MAXU * (1 + TOL)) n++;
  return n;
}

/**
 * An origin's history as replayed days (causal tuning without a forecast): the last H' steps of
 * its history, H' = min(2 horizons, half the history), the steps before them as their history.
 * Forecast levels do not exist there (NaN).
 */
function toHistory(o: CachedOrigin): CachedOrigin {
  const len = o.services[0]!.workload.length - o.horizon;
  const H = Math.min(2 * o.horizon, Math.floor(len / 2));
  const services = o.services.map((s) => ({ ...s, workload: s.workload.slice(0, s.workload.length - o.horizon), pods: Object.fromEntries(Object.keys(s.pods).map((k) => [k, new Array<number>(H).fill(NaN)])) }));
  const measured = services.reduce((m, s) => m + s.workload.slice(-H).filter((x) => x !== null).length, 0);
  return { ...o, horizon: H, measured, services, policies: [] };
}

function load(dir = CACHE, volEdges?: Map<string, number[]>, opts: { files?: string[]; history?: boolean } = {}): { S: Steps; groups: GroupInfo[] } {
  const files = opts.files ?? readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const origins = files.map((f) => JSON.parse(readFileSync(f.startsWith('/') ? f : join(dir, f), 'utf8')) as CachedOrigin).map((o) => (opts.history ? toHistory(o) : o));
  const order = groups().map((g) => g.name);
  origins.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || a.k - b.k);
  const gInfo: GroupInfo[] = [];
  const cols: Record<string, number[]> = {};
  const col = (k: string) => (cols[k] ??= []);
  const svcInit: number[] = [], svcStart: number[] = [], svcLen: number[] = [];
  let idx = 0;
  const seriesIds = new Map<string, number>();
  for (const o of origins) {
    let gi = gInfo.findIndex((g) => g.name === o.group);
    if (gi < 0) { gInfo.push({ name: o.group, hpaPodSeconds: 0, hpaMisses: 0, measured: 0, jumps: 0, series: [], forecast: {} }); gi = gInfo.length - 1; }
    const G = gInfo[gi]!;
    const H = o.horizon, step = o.step;
    const LAG = Math.max(1, Math.ceil(READY / step));
    const P = Math.max(3, Math.round(3600 / step));
    const periods = [3600, 86_400].map((s) => Math.round(s / step)).filter((p) => p >= 3);
    let hpaPs = 0, hpaUnder = 0;
    for (const s of o.services) {
      const key = `${o.group}/${s.name}`;
      if (!seriesIds.has(key)) { seriesIds.set(key, seriesIds.size); G.series.push(s.name); }
      const sid = seriesIds.get(key)!;
      let rel = new Relation(s.w, s.b, TARGET);
      if (!rel.valid) rel = new Relation(Math.max(s.mean, 1e-300) / TARGET, 0, TARGET);
      const w = s.workload, off = w.length - H;
      const hist = w.slice(0, off), actual = w.slice(off);
      const before = lastKnown(hist, hist.length - 1);
      const initial = podsFor(before ?? 0, rel.atTarget, 1, 1_000_000);
      const hpa = replayHpa({ workload: actual, before, step, relation: rel, target: TARGET, minPods: 1, maxPods: 1_000_000, initialPods: initial, readySeconds: READY, floor: undefined });
      const jumpsH = jumpSteps({ actual, history: hist, relation: rel, minPods: 1, maxPods: 1_000_000 }, MAXU);
      const jumpsAll = jumpSteps({ actual: w, history: [], relation: rel, minPods: 1, maxPods: 1_000_000 }, MAXU);
      const mean = (() => { let m = 0, c = 0; for (const x of hist) if (x !== null) { m += x; c++; } return c ? m / c : 1; })();
      const eps = 1e-3 * Math.max(mean, 1e-12);
      // |log change| of each index (0 when either side unknown)
      const dl = new Float64Array(w.length);
      for (let j = 1; j < w.length; j++) if (w[j] !== null && w[j - 1] !== null) dl[j] = Math.abs(Math.log((w[j]! + eps) / (w[j - 1]! + eps)));
      svcInit.push(initial); svcStart.push(idx); svcLen.push(H);
      const svcId = svcInit.length - 1;
      for (let t = 0; t < H; t++, idx++) {
        const i = off + t;
        const a = actual[t];
        const measured = a !== null && a !== undefined;
        const miss = measured && rel.util(a!, hpa.ready[t]!) > MAXU * (1 + TOL);
        hpaPs += hpa.pods[t]! * step;
        if (miss) hpaUnder++;
        col('group').push(gi); col('series').push(sid); col('svc').push(svcId); col('t').push(t); col('stepSec').push(step);
        col('measured').push(measured ? 1 : 0); col('jump').push(jumpsH[t]!); col('hpaMiss').push(miss ? 1 : 0);
        col('need').push(measured ? needPods(a!, rel) : 0);
        col('unit').push(mean / rel.atTarget);
        for (const [name, lag] of [['', LAG], ['0', 0]] as const) {
          const d = i - 1 - lag; // last index known at decision time
          const last = lastKnown(w, d);
          col(`L:last${name}`).push((last ?? 0) / rel.atTarget);
          let mx = 0; for (let j = Math.max(0, d - 2); j <= d; j++) mx = Math.max(mx, w[j] ?? 0);
          col(`L:max3${name}`).push(Math.max(mx, last ?? 0) / rel.atTarget);
          // scores from indices <= d
          let jc = 0, vs = 0, vc = 0;
          for (let j = Math.max(1, d - P + 1); j <= d; j++) { jc += jumpsAll[j]!; if (w[j] !== null && w[j - 1] !== null) { vs += dl[j]!; vc++; } }
          col(`S:jumps${name}`).push(jc === 0 ? 0 : jc === 1 ? 1 : jc <= 3 ? 2 : 3);
          col(`V:vol${name}`).push(vc ? vs / vc : 0);
          let ph = 0;
          for (const per of periods) { let c = 0; for (let k = 1; k <= 3; k++) { const j = i - k * per; if (j >= 0 && j <= d && jumpsAll[j]) c++; } ph = Math.max(ph, c); }
          col(`S:phase${name}`).push(ph);
          const r = d >= 1 && w[d] !== null && w[d - 1] !== null ? (w[d]! + eps) / (w[d - 1]! + eps) : 1;
          col(`S:rise${name}`).push(r < 1 ? 0 : r < 1.2 ? 1 : r < 1.5 ? 2 : 3);
        }
        col('L:fcbal').push(s.pods['forecast-balanced']![t]!);
        col('L:fcsav').push(s.pods['forecast-saving']![t]!);
        col('L:fcsafe').push(s.pods['forecast-safe']![t]!);
        // the forecast's pods or the last known step's, whichever is higher (lagged; 0: the last completed step)
        { const c = cols['L:last']!, c0 = cols['L:last0']!; col('L:fcbal|last').push(Math.max(s.pods['forecast-balanced']![t]!, c[c.length - 1]!)); col('L:fcbal|last0').push(Math.max(s.pods['forecast-balanced']![t]!, c0[c0.length - 1]!)); }
      }
    }
    const pol = (p: string) => o.policies.find((x) => x.policy === p)!;
    const h = pol('hpa');
    // the recomputed hpa must be the replay's (same code, same inputs)
    if (opts.history) { G.hpaPodSeconds += hpaPs; G.hpaMisses += hpaUnder; G.measured += o.measured; continue; }
    if (Math.abs(h.podHours - hpaPs / 3600) > 1e-6 * Math.max(1, h.podHours) || h.underProvisionedSteps !== hpaUnder) throw new Error(`${o.group} origin ${o.k}: hpa recomputed ${hpaPs / 3600} / ${hpaUnder} != replay ${h.podHours} / ${h.underProvisionedSteps}`);
    G.hpaPodSeconds += hpaPs; G.hpaMisses += hpaUnder; G.measured += o.measured; G.jumps += o.services.length ? 0 : 0;
    for (const p of ['forecast-saving', 'forecast-balanced', 'forecast-safe', 'oracle']) { const f = (G.forecast[p] ??= { podSeconds: 0, misses: 0 }); f.podSeconds += pol(p).podHours * 3600; f.misses += pol(p).underProvisionedSteps; }
  }
  const n = idx;
  const I = (k: string) => Int32Array.from(cols[k]!), F = (k: string) => Float64Array.from(cols[k]!), U = (k: string) => Uint8Array.from(cols[k]!);
  const S: Steps = {
    n, group: I('group'), series: I('series'), svc: I('svc'), t: I('t'), stepSec: F('stepSec'), measured: U('measured'), jump: U('jump'), hpaMiss: U('hpaMiss'), need: F('need'), unit: F('unit'),
    level: new Map(Object.keys(cols).filter((k) => k.startsWith('L:')).map((k) => [k.slice(2), F(k)])),
    score: new Map(Object.keys(cols).filter((k) => k.startsWith('S:')).map((k) => [k.slice(2), I(k)])),
    svcInit, svcStart, svcLen,
  };
  // volatility buckets: per data set, edges at its 50/75/90/97 % quantiles of the loaded steps
  // (hindsight: optimistic) unless given (the causal tuning passes the tuning days' edges)
  const edgesOut = new Map<string, number[]>();
  for (const name of ['', '0']) {
    const v = F(`V:vol${name}`);
    const b = new Int32Array(n);
    gInfo.forEach((G, gi) => {
      let edges = volEdges?.get(`${G.name}|${name}`);
      if (!edges) {
        const xs = [] as number[];
        for (let i = 0; i < n; i++) if (S.group[i] === gi) xs.push(v[i]!);
        xs.sort((a, c) => a - c);
        edges = [0.5, 0.75, 0.9, 0.97].map((q) => xs[Math.floor(q * (xs.length - 1))]!);
      }
      edgesOut.set(`${G.name}|${name}`, edges);
      for (let i = 0; i < n; i++) if (S.group[i] === gi) { let k = 0; while (k < edges.length && v[i]! > edges[k]!) k++; b[i] = k; }
    });
    S.score.set(`vol${name}`, b);
  }
  // coarse scores (two buckets each) and a size class of the series (mean pods at the target over its history)
  for (const name of ['', '0']) {
    S.score.set(`jump1${name}`, Int32Array.from(S.score.get(`jumps${name}`)!, (v) => (v > 0 ? 1 : 0)));
    S.score.set(`volhi${name}`, Int32Array.from(S.score.get(`vol${name}`)!, (v) => (v > 0 ? 1 : 0)));
    S.score.set(`rise1${name}`, Int32Array.from(S.score.get(`rise${name}`)!, (v) => (v >= 2 ? 1 : 0)));
  }
  S.score.set('size', Int32Array.from(S.unit, (u) => (u < 1 ? 0 : u < 5 ? 1 : u < 25 ? 2 : 3)));
  S.seriesName = [...seriesIds.keys()];
  S.volEdges = edgesOut;
  for (let i = 0; i < n; i++) if (S.jump[i]) gInfo[S.group[i]!]!.jumps++;
  return { S, groups: gInfo };
}

// ---------------------------------------------------------------------------------------
// The family: pods_t = ceil(m_c · x_t) (at least 1), x_t a causal level in pods at the target,
// c = the step's cell (data set or series, times the buckets of the chosen risk scores), m_c
// chosen in hindsight on the replayed steps themselves (Lagrangian: minimise pod-hours / hpa's
// + λ · misses, separable by cell, λ swept), so each frontier point is the best of the family
// for its budget up to the grid and the convex hull: an optimistic bound.
interface Family {
  key: string; label: string; level: string; scores: string[]; perSeries: boolean; instant: boolean;
  /** A second level: pods = ceil(max(m · level, m2 · level2) + a · u), m2 from M2 (0 included: the one-level family nests). */
  level2?: string; m2?: number[];
  /** Per-series cells shrunk towards the data set's: each series' (m, a) minimises its own cost + κ × the set's, scaled to the series. */
  shrink?: number;
}
/** The choices of a cell: pods = ceil(m · level + a · u), u = the series' mean pods over its history (an additive floor: a multiple of a zero level stays zero). */
const MS = (() => { const g: number[] = []; for (let m = 0.15; m <= 12; m *= 1.05) g.push(m); return g; })();
const AS = [0, 0.1, 0.25, 0.5, 1, 2];
type Choice = [number, number] | [number, number, number];
const GRID: Choice[] = AS.flatMap((a) => MS.map((m) => [m, a] as [number, number]));
const ONE = GRID.findIndex(([m, a]) => a === 0 && m >= 1);
const grids = new Map<string, Choice[]>();
/** The family's choices: GRID, or GRID × m2 for a two-level family (m2 = 0 first: the one-level choices, same order). */
const gridOf = (f: Family): Choice[] => {
  if (!f.level2) return GRID;
  const key = (f.m2 ?? []).join(',');
  let g = grids.get(key);
  if (!g) { g = (f.m2 ?? [0]).flatMap((m2) => GRID.map(([m, a]) => [m, a, m2] as Choice)); grids.set(key, g); }
  return g;
};
const oneOf = (f: Family) => (f.level2 ? gridOf(f).findIndex((c) => c[1] === 0 && c[0] >= 1 && c[2] === 0) : ONE);
const podsAt = (c: Choice, x: number, u: number, x2 = 0) => { const y = c.length > 2 ? Math.max(c[0] * x, c[2]! * x2) + c[1] * u : c[0] * x + c[1] * u; return Math.min(1_000_000, Math.max(1, Math.ceil(y - 1e-9 * Math.max(1, y)))); };

function cells(S: Steps, f: Family, gInfo: GroupInfo[]): { cell: Int32Array; count: number; cellGroup: number[]; keys: string[] } {
  const cell = new Int32Array(S.n);
  const ids = new Map<string, number>();
  const cellGroup: number[] = [];
  const sc = f.scores.map((k) => S.score.get(k)!);
  for (let i = 0; i < S.n; i++) {
    const key = `${f.perSeries ? S.seriesName![S.series[i]!] : gInfo[S.group[i]!]!.name}|${sc.map((a) => a[i]).join(',')}`;
    let c = ids.get(key);
    if (c === undefined) { c = ids.size; ids.set(key, c); cellGroup.push(S.group[i]!); }
    cell[i] = c;
  }
  return { cell, count: ids.size, cellGroup, keys: [...ids.keys()] };
}

/** Per cell and multiplier: pod-seconds (warm-up of the replay's planned pods attributed to the step, the previous step at the same multiplier) and misses. */
function tabulate(S: Steps, f: Family, cellOf: Int32Array, count: number) {
  const G = gridOf(f), M = G.length;
  const cost = new Float64Array(count * M), miss = new Float64Array(count * M);
  const x = S.level.get(f.level)!, x2 = f.level2 ? S.level.get(f.level2)! : x;
  for (let i = 0; i < S.n; i++) {
    const c = cellOf[i]!, st = S.stepSec[i]!, first = S.t[i] === 0, init = S.svcInit[S.svc[i]!]!;
    const need = S.measured[i] ? S.need[i]! : 0;
    const u = S.unit[i]!;
    for (let k = 0; k < M; k++) {
      const n = podsAt(G[k]!, x[i]!, u, x2[i]!);
      let ps = n * st;
      if (!f.instant) { const prev = first ? init : podsAt(G[k]!, x[i - 1]!, u, x2[i - 1]!); if (n > prev) ps += (n - prev) * READY; }
      cost[c * M + k] += ps;
      if (n < need) miss[c * M + k]++;
    }
  }
  return { cost, miss };
}

/** Exact figures of one choice of multipliers (the replay's plannedTrace for the lagged family; instant: no warm-up). */
function exact(S: Steps, f: Family, cellOf: Int32Array, choice: Int32Array, gInfo: GroupInfo[]) {
  const x = S.level.get(f.level)!, x2 = f.level2 ? S.level.get(f.level2)! : x, G = gridOf(f);
  const ps = new Float64Array(gInfo.length), un = new Float64Array(gInfo.length), unJ = new Float64Array(gInfo.length);
  for (let s = 0; s < S.svcInit.length; s++) {
    const a = S.svcStart[s]!, H = S.svcLen[s]!;
    const pods = new Array<number>(H);
    for (let t = 0; t < H; t++) { const i = a + t; pods[t] = podsAt(G[choice[cellOf[i]!]!]!, x[i]!, S.unit[i]!, x2[i]!); if (S.measured[i] && pods[t]! < S.need[i]!) { un[S.group[i]!]++; if (S.jump[i]) unJ[S.group[i]!]++; } }
    const g = S.group[a]!, st = S.stepSec[a]!;
    ps[g] += f.instant ? pods.reduce((u, v) => u + v, 0) * st : plannedTrace(pods, S.svcInit[s]!, st, READY).podSeconds;
  }
  return { ps, un, unJ };
}

interface Point { rrc: number; misses: number; jumpMisses: number; perGroup: { rrc: number; misses: number }[] }

/**
 * The shrinkage prior of a family with `shrink` (κ): the data set's table (the same score
 * buckets, per data set instead of per series), and each cell's share of its set (mean pods for the pod-seconds, steps for the misses),
 * so that a series cell minimises its own cost + κ × its share of the set's.
 */
interface Prior { cost: Float64Array; miss: Float64Array; gOf: Int32Array; rc: Float64Array; rm: Float64Array; kappa: number }
function priorOf(S: Steps, f: Family, gInfo: GroupInfo[], cl: { cell: Int32Array; count: number }): Prior | undefined {
  if (!f.shrink) return undefined;
  const fg: Family = { ...f, perSeries: false, shrink: undefined };
  const cG = cells(S, fg, gInfo), tab = tabulate(S, fg, cG.cell, cG.count);
  const uc = new Float64Array(cl.count), nc = new Float64Array(cl.count), ug = new Float64Array(cG.count), ng = new Float64Array(cG.count);
  const gOf = new Int32Array(cl.count);
  for (let i = 0; i < S.n; i++) { const c = cl.cell[i]!, g = cG.cell[i]!; uc[c] += S.unit[i]!; nc[c]++; ug[g] += S.unit[i]!; ng[g]++; gOf[c] = g; }
  const rc = Float64Array.from(uc, (v, c) => (ug[gOf[c]!]! > 0 ? v / ug[gOf[c]!]! : 0)), rm = Float64Array.from(nc, (v, c) => v / ng[gOf[c]!]!);
  return { cost: tab.cost, miss: tab.miss, gOf, rc, rm, kappa: f.shrink };
}
/** The choice of one cell minimising cost / norm + lam · misses (+ the prior's share, κ-weighted). */
function bestK(tab: { cost: Float64Array; miss: Float64Array }, c: number, M: number, norm: number, lam: number, prior?: Prior): number {
  let best = 0, bv = Infinity;
  if (!prior) { for (let k = 0; k < M; k++) { const v = tab.cost[c * M + k]! / norm + lam * tab.miss[c * M + k]!; if (v < bv) { bv = v; best = k; } } return best; }
  const g = prior.gOf[c]!, wc = prior.kappa * prior.rc[c]!, wm = prior.kappa * prior.rm[c]!;
  for (let k = 0; k < M; k++) {
    const v = tab.cost[c * M + k]! / norm + lam * tab.miss[c * M + k]! + wc * prior.cost[g * M + k]! / norm + lam * wm * prior.miss[g * M + k]!;
    if (v < bv) { bv = v; best = k; }
  }
  return best;
}
const pickAll = (tab: { cost: Float64Array; miss: Float64Array }, count: number, M: number, norm: number, lam: number, prior?: Prior) => Int32Array.from({ length: count }, (_, c) => bestK(tab, c, M, norm, lam, prior));

/** The frontier of the family, all series together (one λ for all cells) or one data set (gSel). */
type Pre = ReturnType<typeof cells> & ReturnType<typeof tabulate> & { prior?: Prior };
const prepare = (S: Steps, f: Family, gInfo: GroupInfo[]): Pre => { const c = cells(S, f, gInfo); return { ...c, ...tabulate(S, f, c.cell, c.count), prior: priorOf(S, f, gInfo, c) }; };
function frontier(S: Steps, f: Family, gInfo: GroupInfo[], gSel: number | null, pre: Pre = prepare(S, f, gInfo)): Point[] {
  const { cell, count, cellGroup, cost, miss, prior } = pre;
  const M = gridOf(f).length;
  const hpaTot = gSel === null ? gInfo.reduce((u, g) => u + g.hpaPodSeconds, 0) : gInfo[gSel]!.hpaPodSeconds;
  const pts: Point[] = [];
  const choice = new Int32Array(count);
  const seen = new Set<string>();
  for (let e = -12; e <= 1.001; e += 0.04) {
    const lam = 10 ** e;
    for (let c = 0; c < count; c++) {
      if (gSel !== null && cellGroup[c] !== gSel) { choice[c] = 0; continue; }
      choice[c] = bestK({ cost, miss }, c, M, hpaTot, lam, prior);
    }
    const sig = choice.join(',');
    if (seen.has(sig)) continue;
    seen.add(sig);
    const r = exact(S, f, cell, choice, gInfo);
    const gs = gSel === null ? gInfo.map((_, g) => g) : [gSel];
    const tot = gs.reduce((u, g) => u + r.ps[g]!, 0);
    pts.push({ rrc: tot / hpaTot, misses: gs.reduce((u, g) => u + r.un[g]!, 0), jumpMisses: gs.reduce((u, g) => u + r.unJ[g]!, 0), perGroup: gInfo.map((g, gi) => ({ rrc: r.ps[gi]! / g.hpaPodSeconds, misses: r.un[gi]! })) });
  }
  return pts;
}

const short = (name: string) => (name.includes('taxi') ? 'taxi' : name.includes('2018') ? 'Alibaba2018' : name.split(' ')[name.startsWith('Alibaba') ? 1 : 0]!);
/**
 * Causal tuning: the multipliers chosen on the tuning days T (origins before every replayed
 * one) at the λ whose pooled RRC on T is the largest <= cap, then applied to the replayed days
 * E (cells unseen in T: the data set's multiplier of the family without scores at the same λ).
 */
function causal(E: Steps, gE: GroupInfo[], T: Steps, gT: GroupInfo[], f: Family, cap: number): Point & { lambda: number; tuneRrc: number; tuneMisses: number } {
  const cT = cells(T, f, gT), tabT = tabulate(T, f, cT.cell, cT.count);
  const fg: Family = { ...f, scores: [], perSeries: false, shrink: undefined, key: f.key + '/fallback' };
  const cG = cells(T, fg, gT), tabG = tabulate(T, fg, cG.cell, cG.count);
  const M = gridOf(f).length;
  const hT = gT.reduce((u, g) => u + g.hpaPodSeconds, 0), hE = gE.reduce((u, g) => u + g.hpaPodSeconds, 0);
  const priorT = priorOf(T, f, gT, cT);
  const pick = (tab: { cost: Float64Array; miss: Float64Array }, count: number, lam: number, prior?: Prior) => pickAll(tab, count, M, hT, lam, prior);
  let best: { lam: number; rrc: number; misses: number } | null = null;
  for (let e = -12; e <= 1.001; e += 0.04) {
    const lam = 10 ** e;
    const r = exact(T, f, cT.cell, pick(tabT, cT.count, lam, priorT), gT);
    const rrc = r.ps.reduce((u, v) => u + v, 0) / hT, misses = r.un.reduce((u, v) => u + v, 0);
    if (rrc <= cap && (!best || misses < best.misses)) best = { lam, rrc, misses };
  }
  const lam = best?.lam ?? 1e-12;
  const chT = pick(tabT, cT.count, lam, priorT), chG = pick(tabG, cG.count, lam);
  const byKey = new Map(cT.keys.map((k, c) => [k, chT[c]!]));
  const byGroup = new Map(cG.keys.map((k, c) => [k.split('|')[0]!, chG[c]!]));
  const cE = cells(E, f, gE);
  const chE = Int32Array.from(cE.keys, (k, c) => byKey.get(k) ?? byGroup.get(gE[cE.cellGroup[c]!]!.name) ?? oneOf(f));
  const r = exact(E, f, cE.cell, chE, gE);
  const tot = r.ps.reduce((u, v) => u + v, 0);
  return { lambda: lam, tuneRrc: best?.rrc ?? NaN, tuneMisses: best?.misses ?? NaN, rrc: tot / hE, misses: r.un.reduce((u, v) => u + v, 0), jumpMisses: r.unJ.reduce((u, v) => u + v, 0), perGroup: gE.map((g, gi) => ({ rrc: r.ps[gi]! / g.hpaPodSeconds, misses: r.un[gi]! })) };
}

const CAPS = [1.0, 1.05, 1.1, 1.2, 1.3, 1.5];
const CAUSAL_CAPS = [0.9, 1.0, 1.05, 1.1, 1.2, 1.3];
const bestAt = (pts: Point[], cap: number) => pts.filter((p) => p.rrc <= cap + 1e-12).reduce<Point | null>((b, p) => (!b || p.misses < b.misses ? p : b), null);

/** The second level's multipliers of the two-level families (0: the one-level family). */
const M2 = [0, 0.5, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2];
const M2S = [0, 0.7, 0.9, 1, 1.1, 1.25];
const FAMILIES: Family[] = [
  { key: 'last/set', label: 'last value (replay lag), one multiplier per data set', level: 'last', scores: [], perSeries: false, instant: false },
  { key: 'last/series', label: 'last value (replay lag), one multiplier per series', level: 'last', scores: [], perSeries: true, instant: false },
  { key: 'last/set×scores', label: 'last value (replay lag), per data set × recent jumps × volatility × phase × rise (4·5·4·4 buckets)', level: 'last', scores: ['jumps', 'vol', 'phase', 'rise'], perSeries: false, instant: false },
  { key: 'max3/series×jumps×vol', label: 'max of the last 3 known values (replay lag), per series × recent jumps × volatility', level: 'max3', scores: ['jumps', 'vol'], perSeries: true, instant: false },
  { key: 'fcbal/set', label: 'forecast-balanced pods as level, one (m, a) per data set', level: 'fcbal', scores: [], perSeries: false, instant: false },
  { key: 'fcsafe/set', label: 'forecast-safe pods as level, one (m, a) per data set', level: 'fcsafe', scores: [], perSeries: false, instant: false },
  { key: 'fcbal/set×scores', label: 'forecast-balanced pods (every-step re-plan, no topUp) as level, per data set × jumps × volatility × phase × rise', level: 'fcbal', scores: ['jumps', 'vol', 'phase', 'rise'], perSeries: false, instant: false },
  { key: 'fcbal/series×jumps×vol', label: 'forecast-balanced pods as level, per series × recent jumps × volatility', level: 'fcbal', scores: ['jumps', 'vol'], perSeries: true, instant: false },
  { key: 'fcsafe/set×scores', label: 'forecast-safe pods as level, per data set × jumps × volatility × phase × rise', level: 'fcsafe', scores: ['jumps', 'vol', 'phase', 'rise'], perSeries: false, instant: false },
  { key: 'fcbal/series×scores', label: 'forecast-balanced pods as level, per series × jumps × volatility × phase × rise (the richest causal family here)', level: 'fcbal', scores: ['jumps', 'vol', 'phase', 'rise'], perSeries: true, instant: false },
  { key: 'instant last/set×scores', label: 'MORE than causal: last completed step (t − 1) and pods serving the whole step, no warm-up paid; per data set × jumps × volatility × phase × rise', level: 'last0', scores: ['jumps0', 'vol0', 'phase0', 'rise0'], perSeries: false, instant: true },
  { key: 'fcbal|last/set×scores', label: 'max(forecast-balanced pods, last value) (replay lag), per data set × jumps × volatility × phase × rise', level: 'fcbal|last', scores: ['jumps', 'vol', 'phase', 'rise'], perSeries: false, instant: false },
  { key: 'instant fcbal|last/series×scores', label: 'MORE than causal: max(forecast-balanced pods, the last completed step t − 1), pods serving the whole step, no warm-up; per series × jumps × volatility × phase × rise', level: 'fcbal|last0', scores: ['jumps0', 'vol0', 'phase0', 'rise0'], perSeries: true, instant: true },
  // intermediate families (branch safe2): between one (m, a) per data set and per data set × the four scores
  { key: 'fcsafe/set×jump1', label: 'forecast-safe pods, per data set × a jump in the last hour (yes / no)', level: 'fcsafe', scores: ['jump1'], perSeries: false, instant: false },
  { key: 'fcsafe/set×volhi', label: 'forecast-safe pods, per data set × volatility above the set\'s median (yes / no)', level: 'fcsafe', scores: ['volhi'], perSeries: false, instant: false },
  { key: 'fcsafe/set×rise1', label: 'forecast-safe pods, per data set × last known rise >= 1.2 (yes / no)', level: 'fcsafe', scores: ['rise1'], perSeries: false, instant: false },
  { key: 'fcsafe/set×size', label: 'forecast-safe pods, per data set × series size (mean pods < 1, < 5, < 25, more)', level: 'fcsafe', scores: ['size'], perSeries: false, instant: false },
  { key: 'fcsafe/set×jump1×volhi', label: 'forecast-safe pods, per data set × jump in the last hour × volatility above median (2 × 2)', level: 'fcsafe', scores: ['jump1', 'volhi'], perSeries: false, instant: false },
  { key: 'fcsafe/series', label: 'forecast-safe pods, one (m, a) per series', level: 'fcsafe', scores: [], perSeries: true, instant: false },
  { key: 'fcsafe/series~0.5', label: 'forecast-safe pods, per series shrunk towards the data set (κ = 0.5)', level: 'fcsafe', scores: [], perSeries: true, instant: false, shrink: 0.5 },
  { key: 'fcsafe/series~2', label: 'forecast-safe pods, per series shrunk towards the data set (κ = 2)', level: 'fcsafe', scores: [], perSeries: true, instant: false, shrink: 2 },
  { key: 'fcsafe/series~8', label: 'forecast-safe pods, per series shrunk towards the data set (κ = 8)', level: 'fcsafe', scores: [], perSeries: true, instant: false, shrink: 8 },
  { key: 'fcsafe/series~0.25', label: 'forecast-safe pods, per series shrunk towards the data set (κ = 0.25)', level: 'fcsafe', scores: [], perSeries: true, instant: false, shrink: 0.25 },
  { key: 'fcsafe/series~1', label: 'forecast-safe pods, per series shrunk towards the data set (κ = 1)', level: 'fcsafe', scores: [], perSeries: true, instant: false, shrink: 1 },
  { key: 'fcsafe/series×jump1~0.5', label: 'forecast-safe pods, per series × a jump in the last hour, shrunk towards the data set × the same bucket (κ = 0.5)', level: 'fcsafe', scores: ['jump1'], perSeries: true, instant: false, shrink: 0.5 },
  { key: 'fcsafe/series×jump1~2', label: 'forecast-safe pods, per series × a jump in the last hour, shrunk towards the data set × the same bucket (κ = 2)', level: 'fcsafe', scores: ['jump1'], perSeries: true, instant: false, shrink: 2 },
  { key: 'fcsafe|last/set', label: 'max(m · forecast-safe, m2 · last value) + a · u, per data set', level: 'fcsafe', level2: 'last', m2: M2, scores: [], perSeries: false, instant: false },
  { key: 'fcsafe|max3/set', label: 'max(m · forecast-safe, m2 · max of the last 3 known) + a · u, per data set', level: 'fcsafe', level2: 'max3', m2: M2, scores: [], perSeries: false, instant: false },
  { key: 'fcsafe|max3/set×jump1', label: 'max(m · forecast-safe, m2 · max of the last 3 known) + a · u, per data set × a jump in the last hour', level: 'fcsafe', level2: 'max3', m2: M2S, scores: ['jump1'], perSeries: false, instant: false },
  { key: 'fcsafe|max3/set×jump1 (m2 fine)', label: 'the same, m2 on the finer grid of the one-cell two-level families (0, 0.5, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2)', level: 'fcsafe', level2: 'max3', m2: M2, scores: ['jump1'], perSeries: false, instant: false },
  { key: 'fcsafe|max3/series~0.5', label: 'max(m · forecast-safe, m2 · max of the last 3 known) + a · u, per series shrunk towards the data set (κ = 0.5)', level: 'fcsafe', level2: 'max3', m2: M2S, scores: [], perSeries: true, instant: false, shrink: 0.5 },
  { key: 'fcsafe|max3/set×volhi', label: 'max(m · forecast-safe, m2 · max of the last 3 known) + a · u, per data set × volatility above median', level: 'fcsafe', level2: 'max3', m2: M2S, scores: ['volhi'], perSeries: false, instant: false },
  { key: 'fcsafe|fcbal/set', label: 'max(m · forecast-safe, m2 · forecast-balanced) + a · u, per data set', level: 'fcsafe', level2: 'fcbal', m2: M2, scores: [], perSeries: false, instant: false },
  { key: 'instant last/series×scores', label: 'MORE than causal, per series × jumps × volatility × phase × rise', level: 'last0', scores: ['jumps0', 'vol0', 'phase0', 'rise0'], perSeries: true, instant: true },
];

function bound(): void {
  const { S, groups: gInfo } = load();
  const hpaTot = gInfo.reduce((u, g) => u + g.hpaPodSeconds, 0);
  const hpaMiss = gInfo.reduce((u, g) => u + g.hpaMisses, 0);
  const measured = gInfo.reduce((u, g) => u + g.measured, 0);
  const jumps = gInfo.reduce((u, g) => u + g.jumps, 0);
  console.log(`cache ${CACHE}: ${S.n} replayed steps (${measured} measured), ${jumps} jump steps; hpa ${hpaMiss} misses (${(100 * hpaMiss / measured).toFixed(2)} %), recomputed exactly (checked against the replay per origin)`);
  console.log(`goals: balanced RRC <= 1.05 with <= ${Math.floor(0.5 * hpaMiss)} misses; safe RRC <= 1.3 with <= ${Math.floor(0.25 * hpaMiss)}`);
  for (const [gi, g] of gInfo.entries()) {
    const fc = (p: string) => `${(g.forecast[p]!.podSeconds / g.hpaPodSeconds).toFixed(3)} / ${g.forecast[p]!.misses}`;
    console.log(`  ${g.name}: ${g.series.length} series, hpa ${g.hpaMisses} misses of ${g.measured} (${(100 * g.hpaMisses / g.measured).toFixed(2)} %), ${g.jumps} jumps; cached run: balanced ${fc('forecast-balanced')}, safe ${fc('forecast-safe')}, oracle ${fc('oracle')}`);
    void gi;
  }
  // 2. signals: share of jump steps (and of hpa's missed jumps) flagged, share of all steps flagged
  console.log('\n-- signals available at decision time (replay lag; suffix 0: the last completed step): jumps flagged / hpa\'s missed jumps flagged / all steps flagged');
  const sig: [string, (i: number) => boolean][] = [];
  for (const sfx of ['', '0']) {
    sig.push([`recent jump (last hour)${sfx}`, (i) => S.score.get('jumps' + sfx)![i]! > 0]);
    sig.push([`volatility above median${sfx}`, (i) => S.score.get('vol' + sfx)![i]! > 0]);
    sig.push([`volatility above 90 %${sfx}`, (i) => S.score.get('vol' + sfx)![i]! > 2]);
    sig.push([`phase: a jump at this step of the hour/day in 1 of the last 3${sfx}`, (i) => S.score.get('phase' + sfx)![i]! > 0]);
    sig.push([`rise >= 1.2 at the last known step${sfx}`, (i) => S.score.get('rise' + sfx)![i]! >= 2]);
    sig.push([`any of these${sfx}`, (i) => S.score.get('jumps' + sfx)![i]! > 0 || S.score.get('vol' + sfx)![i]! > 2 || S.score.get('phase' + sfx)![i]! > 0 || S.score.get('rise' + sfx)![i]! >= 2]);
  }
  const sigRows: Record<string, unknown>[] = [];
  for (const [name, fn] of sig) {
    const row: Record<string, unknown> = { signal: name };
    const parts: string[] = [];
    for (const gi of [...gInfo.keys(), -1]) {
      let j = 0, jf = 0, hm = 0, hmf = 0, all = 0, allf = 0;
      for (let i = 0; i < S.n; i++) {
        if (gi >= 0 && S.group[i] !== gi) continue;
        if (!S.measured[i]) continue;
        const fl = fn(i);
        all++; if (fl) allf++;
        if (S.jump[i]) { j++; if (fl) jf++; if (S.hpaMiss[i]) { hm++; if (fl) hmf++; } }
      }
      const cellTxt = `${(100 * jf / Math.max(1, j)).toFixed(0)} / ${(100 * hmf / Math.max(1, hm)).toFixed(0)} / ${(100 * allf / Math.max(1, all)).toFixed(0)} %`;
      row[gi < 0 ? 'all' : gInfo[gi]!.name] = { jumps: j, flaggedJumps: jf, hpaJumpMisses: hm, flaggedHpaJumpMisses: hmf, steps: all, flaggedSteps: allf };
      parts.push(`${gi < 0 ? 'ALL' : short(gInfo[gi]!.name)} ${cellTxt}`);
    }
    sigRows.push(row);
    console.log(`  ${name.padEnd(70)} ${parts.join(' | ')}`);
  }
  // 3. frontiers
  const out: Record<string, unknown>[] = [];
  const only = process.env.JB_FAMILY;
  for (const f of FAMILIES.filter((f) => !only || f.key.includes(only))) {
    const t0 = performance.now();
    const pre = prepare(S, f, gInfo);
    const pts = frontier(S, f, gInfo, null, pre);
    const row: Record<string, unknown> = { family: f.key, label: f.label, all: CAPS.map((c) => ({ cap: c, ...(bestAt(pts, c) ?? {}) })) };
    console.log(`\n-- ${f.key}: ${f.label} (${pts.length} frontier points, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    console.log(`  all series, fewest misses at RRC <= cap: ${CAPS.map((c) => { const b = bestAt(pts, c); return `${c.toFixed(2)}: ${b ? `${b.misses} (${(100 * b.misses / measured).toFixed(2)} %, ${b.jumpMisses} jumps, RRC ${b.rrc.toFixed(3)})` : '-'}`; }).join('; ')}`);
    const b105 = bestAt(pts, 1.05), b13 = bestAt(pts, 1.3);
    if (b105) console.log(`  at RRC <= 1.05 per data set (RRC / misses): ${gInfo.map((g, gi) => `${short(g.name)} ${b105.perGroup[gi]!.rrc.toFixed(3)} / ${b105.perGroup[gi]!.misses}`).join(', ')}`);
    if (b13) console.log(`  at RRC <= 1.3 per data set (RRC / misses): ${gInfo.map((g, gi) => `${short(g.name)} ${b13.perGroup[gi]!.rrc.toFixed(3)} / ${b13.perGroup[gi]!.misses}`).join(', ')}`);
    const per: Record<string, unknown> = {};
    if (process.env.JB_PERSET !== '0') {
      for (const [gi, g] of gInfo.entries()) {
        const pg = frontier(S, f, gInfo, gi, pre);
        per[g.name] = CAPS.map((c) => { const b = bestAt(pg, c); return { cap: c, misses: b?.misses ?? null, rrc: b?.rrc ?? null }; });
        console.log(`  ${short(g.name)} alone (hpa ${g.hpaMisses}): ${CAPS.map((c) => { const b = bestAt(pg, c); return `${c.toFixed(2)}: ${b ? b.misses : '-'}`; }).join(', ')}`);
      }
    }
    row.perSet = per;
    out.push(row);
  }
  // 4. causal tuning on the days before the replayed ones (JB_TUNE: a cache of earlier origins, --cache with JB_EXTRA)
  const causalRows: Record<string, unknown>[] = [];
  if (process.env.JB_TUNE && existsSync(process.env.JB_TUNE) && process.env.JB_A !== '0') {
    const T = load(process.env.JB_TUNE, S.volEdges);
    // the volatility edges must come from the tuning days: reload the replayed days with T's edges
    const Tb = load(process.env.JB_TUNE);
    const E = load(CACHE, Tb.S.volEdges);
    void T;
    console.log(`\n-- causal: multipliers tuned on ${Tb.S.n} steps of earlier days (${process.env.JB_TUNE}), applied to the replayed days (hpa there: ${hpaMiss} misses; on the tuning days hpa has ${Tb.groups.reduce((u, g) => u + g.hpaMisses, 0)} misses of ${Tb.groups.reduce((u, g) => u + g.measured, 0)} measured steps)`);
    for (const f of FAMILIES.filter((f) => !f.instant && (!only || f.key.includes(only)))) {
      for (const cap of CAUSAL_CAPS) {
        const r = causal(E.S, E.groups, Tb.S, Tb.groups, f, cap);
        causalRows.push({ family: f.key, cap, ...r });
        console.log(`  ${f.key.padEnd(26)} tuned at RRC <= ${cap.toFixed(2)} (tuning days ${r.tuneRrc.toFixed(3)} / ${r.tuneMisses}): replayed days RRC ${r.rrc.toFixed(3)}, ${r.misses} misses (${(100 * r.misses / measured).toFixed(2)} %); ${gInfo.map((g, gi) => `${short(g.name)} ${r.perGroup[gi]!.rrc.toFixed(3)} / ${r.perGroup[gi]!.misses}`).join(', ')}`);
      }
    }
  }
  // one family at one cap over (tuning, replayed) pairs of caches: pod-seconds and misses summed per data set
  const overPairs = (pairs: { T: ReturnType<typeof load>; E: ReturnType<typeof load> }[], f: Family, cap: number) => {
    const ps = new Map<string, number>(), un = new Map<string, number>();
    for (const { T, E } of pairs) {
      const r = causal(E.S, E.groups, T.S, T.groups, f, cap);
      E.groups.forEach((g, gi) => { ps.set(g.name, (ps.get(g.name) ?? 0) + r.perGroup[gi]!.rrc * g.hpaPodSeconds); un.set(g.name, (un.get(g.name) ?? 0) + r.perGroup[gi]!.misses); });
    }
    const tot = [...ps.values()].reduce((u, v) => u + v, 0), misses = [...un.values()].reduce((u, v) => u + v, 0);
    return {
      rrc: tot / hpaTot, misses,
      perGroup: gInfo.map((g) => ({ group: g.name, rrc: ps.get(g.name)! / g.hpaPodSeconds, misses: un.get(g.name) })),
      bySet: gInfo.map((g) => `${short(g.name)} ${(ps.get(g.name)! / g.hpaPodSeconds).toFixed(3)} / ${un.get(g.name)}`).join(', '),
    };
  };
  // 6. walk-forward: each replayed day tuned on every earlier day of its data set (the earlier
  // origins of the bench and the JB_TUNE origins before them), its own RRC cap per data set
  const wfRows: Record<string, unknown>[] = [];
  if (process.env.JB_TUNE && existsSync(process.env.JB_TUNE) && process.env.JB_WF !== '0') {
    const tuneDir = process.env.JB_TUNE;
    const all = [...readdirSync(CACHE).filter((f) => f.endsWith('.json')).map((f) => join(CACHE, f)), ...readdirSync(tuneDir).filter((f) => f.endsWith('.json')).map((f) => join(tuneDir, f))];
    const meta = all.map((file) => { const m = /_(\d+)\.json$/.exec(file)!; return { file, k: Number(m[1]), g: file.slice(file.lastIndexOf('/') + 1, file.length - m[0].length) }; });
    const evalFiles = meta.filter((m) => m.file.startsWith(CACHE + '/'));
    const pairs = evalFiles.map((e) => {
      const tFiles = meta.filter((m) => m.g === e.g && m.k > e.k).map((m) => m.file);
      const T = load(CACHE, undefined, { files: tFiles });
      return { T, E: load(CACHE, T.S.volEdges, { files: [e.file] }) };
    });
    const fams = (process.env.JB_WF ?? 'last/series,last/set×scores,fcbal/set×scores,fcsafe/set×scores,fcbal|last/set×scores').split(',');
    console.log(`\n-- causal, walk-forward: each replayed day tuned on every earlier day of its data set (earlier bench origins and ${tuneDir}), RRC cap per data set`);
    for (const f of FAMILIES.filter((f) => fams.includes(f.key))) {
      for (const cap of CAUSAL_CAPS) {
        const { rrc, misses, perGroup, bySet } = overPairs(pairs, f, cap);
        wfRows.push({ family: f.key, cap, rrc, misses, perGroup });
        console.log(`  ${f.key.padEnd(26)} cap ${cap.toFixed(2)}: replayed days RRC ${rrc.toFixed(3)}, ${misses} misses (${(100 * misses / measured).toFixed(2)} %); ${bySet}`);
      }
    }
  }
  // 7. walk-forward with one exchange rate for all data sets: per cell, the multipliers minimising
  // pod-seconds + Λ · misses on the earlier days; Λ (pod-seconds per miss) swept: each Λ is one
  // causal policy, its out-of-sample point; the best Λ at a cap is chosen in hindsight (one scalar)
  if (process.env.JB_TUNE && existsSync(process.env.JB_TUNE) && process.env.JB_WFL !== '0') {
    const tuneDir = process.env.JB_TUNE;
    const all = [...readdirSync(CACHE).filter((f) => f.endsWith('.json')).map((f) => join(CACHE, f)), ...readdirSync(tuneDir).filter((f) => f.endsWith('.json')).map((f) => join(tuneDir, f))];
    const meta = all.map((file) => { const m = /_(\d+)\.json$/.exec(file)!; return { file, k: Number(m[1]), g: file.slice(file.lastIndexOf('/') + 1, file.length - m[0].length) }; });
    // JB_WFDAYS = D: only the D days just before each replayed one
    const D = Number(process.env.JB_WFDAYS ?? Infinity);
    const pairs = meta.filter((m) => m.file.startsWith(CACHE + '/')).map((e) => {
      const T = load(CACHE, undefined, { files: meta.filter((m) => m.g === e.g && m.k > e.k && m.k <= e.k + D).map((m) => m.file) });
      return { T, E: load(CACHE, T.S.volEdges, { files: [e.file] }) };
    });
    const fams = (process.env.JB_WFL ?? 'last/set,last/series,last/set×scores,fcbal/set×scores,fcsafe/set×scores,fcbal|last/set×scores,fcbal/series×jumps×vol').split(',');
    console.log(`\n-- causal, walk-forward, one exchange rate Λ (pod-seconds per miss) for every data set: out-of-sample frontier over Λ`);
    const Ta = load(tuneDir);
    // Two more causal rules for Λ (branch safe2), both from the tuning days alone: (w) their
    // in-sample pooled RRC with each data set weighted by its number of replayed days ÷ tuning
    // days (the bench's design, known before any replayed day: the pooled RRC of the replayed
    // days weights NAB's five days, Azure's one ...); (o) out of sample on the tuning days: tuned
    // on the older tuning days, applied to each set's newest tuning day, weighted by the replayed days
    const nDays = (inE: boolean) => { const n = new Map<string, number>(); for (const m of meta) if (m.file.startsWith(CACHE + '/') === inE) n.set(m.g, (n.get(m.g) ?? 0) + 1); return n; };
    const nE = nDays(true), nT = nDays(false);
    const wTa = Ta.groups.map((g) => (nE.get(slug(g.name)) ?? 0) / (nT.get(slug(g.name)) ?? 1));
    const tuneMeta = meta.filter((m) => !m.file.startsWith(CACHE + '/'));
    const newest = tuneMeta.filter((m) => !tuneMeta.some((o) => o.g === m.g && o.k < m.k));
    const To = load(CACHE, undefined, { files: tuneMeta.filter((m) => !newest.includes(m)).map((m) => m.file) });
    const Eo = load(CACHE, To.S.volEdges, { files: newest.map((m) => m.file) });
    const wEo = Eo.groups.map((g) => nE.get(slug(g.name)) ?? 0);
    const wRrc = (ps: Float64Array, gs: GroupInfo[], w: number[]) => gs.reduce((u, g, gi) => u + w[gi]! * ps[gi]!, 0) / gs.reduce((u, g, gi) => u + w[gi]! * g.hpaPodSeconds, 0);
    for (const f of FAMILIES.filter((f) => fams.includes(f.key))) {
      const M = gridOf(f).length;
      const pre = pairs.map(({ T, E }) => {
        const cT = cells(T.S, f, T.groups), tab = tabulate(T.S, f, cT.cell, cT.count);
        const fg: Family = { ...f, scores: [], perSeries: false, shrink: undefined };
        const cG = cells(T.S, fg, T.groups), tabG = tabulate(T.S, fg, cG.cell, cG.count);
        return { T, E, cT, tab, cG, tabG, cE: cells(E.S, f, E.groups), prior: priorOf(T.S, f, T.groups, cT) };
      });
      const pts: (Point & { tuneRrc: number; tuneW: number; tuneO: number; L: number })[] = [];
      const cTo = cells(To.S, f, To.groups), tabTo = tabulate(To.S, f, cTo.cell, cTo.count), priorTo = priorOf(To.S, f, To.groups, cTo);
      const fgo: Family = { ...f, scores: [], perSeries: false, shrink: undefined };
      const cGo = cells(To.S, fgo, To.groups), tabGo = tabulate(To.S, fgo, cGo.cell, cGo.count), cEo = cells(Eo.S, f, Eo.groups);
      // the exchange rate chosen causally: on the tuning days alone (JB_TUNE, before every
      // replayed day), the Λ whose in-sample pooled RRC there is the largest <= the cap
      const cTa = cells(Ta.S, f, Ta.groups), tabTa = tabulate(Ta.S, f, cTa.cell, cTa.count), priorTa = priorOf(Ta.S, f, Ta.groups, cTa);
      const hTa = Ta.groups.reduce((u, g) => u + g.hpaPodSeconds, 0);
      const step = Number(process.env.JB_LSTEP ?? 0.1);
      for (let e = 0; e <= 8.001; e += step) {
        const L = 10 ** e;
        const chTa = pickAll(tabTa, cTa.count, M, 1, L, priorTa);
        const rTa = exact(Ta.S, f, cTa.cell, chTa, Ta.groups);
        const tuneRrc = rTa.ps.reduce((u, v) => u + v, 0) / hTa;
        const tuneW = wRrc(rTa.ps, Ta.groups, wTa);
        let tuneO: number;
        {
          const chT = pickAll(tabTo, cTo.count, M, 1, L, priorTo), chG = pickAll(tabGo, cGo.count, M, 1, L);
          const byKey = new Map(cTo.keys.map((k, c) => [k, chT[c]!])), byGroup = new Map(cGo.keys.map((k, c) => [k.split('|')[0]!, chG[c]!]));
          const chE = Int32Array.from(cEo.keys, (k, c) => byKey.get(k) ?? byGroup.get(Eo.groups[cEo.cellGroup[c]!]!.name) ?? oneOf(f));
          tuneO = wRrc(exact(Eo.S, f, cEo.cell, chE, Eo.groups).ps, Eo.groups, wEo);
        }
        const ps = new Map<string, number>(), un = new Map<string, number>();
        let jm = 0;
        for (const p of pre) {
          const chT = pickAll(p.tab, p.cT.count, M, 1, L, p.prior), chG = pickAll(p.tabG, p.cG.count, M, 1, L);
          const byKey = new Map(p.cT.keys.map((k, c) => [k, chT[c]!]));
          const byGroup = new Map(p.cG.keys.map((k, c) => [k.split('|')[0]!, chG[c]!]));
          const chE = Int32Array.from(p.cE.keys, (k, c) => byKey.get(k) ?? byGroup.get(p.E.groups[p.cE.cellGroup[c]!]!.name) ?? oneOf(f));
          const r = exact(p.E.S, f, p.cE.cell, chE, p.E.groups);
          p.E.groups.forEach((g, gi) => { ps.set(g.name, (ps.get(g.name) ?? 0) + r.ps[gi]!); un.set(g.name, (un.get(g.name) ?? 0) + r.un[gi]!); jm += r.unJ[gi]!; });
        }
        const tot = [...ps.values()].reduce((u, v) => u + v, 0);
        pts.push({ L, tuneRrc, tuneW, tuneO, rrc: tot / hpaTot, misses: [...un.values()].reduce((u, v) => u + v, 0), jumpMisses: jm, perGroup: gInfo.map((g) => ({ rrc: ps.get(g.name)! / g.hpaPodSeconds, misses: un.get(g.name)! })) });
      }
      const causalL = (cap: number) => pts.filter((p) => p.tuneRrc <= cap).reduce<(typeof pts)[number] | null>((b, p) => (!b || p.tuneRrc > b.tuneRrc ? p : b), null);
      const cl = [1.0, 1.05, 1.1, 1.2, 1.3].map((cap) => ({ cap, point: causalL(cap) }));
      wfRows.push({ family: f.key, exchangeRate: true, frontier: CAPS.map((c) => ({ cap: c, ...(bestAt(pts, c) ?? {}) })), causalExchangeRate: cl });
      if (process.env.JB_DUMP && !f.perSeries) {
        // the (m, a) each replayed day uses at the causally chosen Λ of cap JB_DUMP
        const p0 = causalL(Number(process.env.JB_DUMP));
        if (p0) for (const p of pre) {
          const ch = pickAll(p.tab, p.cT.count, M, 1, p0.L, p.prior);
          console.log(`    Λ ${p0.L.toExponential(2)}: ${p.cT.keys.map((k, c) => `${short(k.split('|')[0]!)}${f.scores.length ? ` [${k.split('|')[1]}]` : ''} origin ${p.E.S.n ? '' : ''}m ${gridOf(f)[ch[c]!]![0].toFixed(3)} a ${gridOf(f)[ch[c]!]![1]}${f.level2 ? ` m2 ${gridOf(f)[ch[c]!]![2]}` : ''}`).join('; ')} (tuned on ${p.T.S.n} steps, replayed ${p.E.S.n})`);
        }
      }
      console.log(`  ${f.key.padEnd(26)} Λ chosen on the tuning days (their RRC <= cap): ${cl.map(({ cap, point: p }) => `${cap.toFixed(2)}: ${p ? `${p.misses} (RRC ${p.rrc.toFixed(3)}, Λ ${p.L.toExponential(1)})` : '-'}`).join('; ')}`);
      for (const [rule, key] of [['weighted by replayed days', 'tuneW'], ['out of sample on the tuning days, weighted', 'tuneO']] as const) {
        const by = (cap: number) => pts.filter((p) => p[key] <= cap).reduce<(typeof pts)[number] | null>((b, p) => (!b || p[key] > b[key] ? p : b), null);
        const cw = [1.0, 1.05, 1.1, 1.2, 1.3].map((cap) => ({ cap, point: by(cap) }));
        (wfRows[wfRows.length - 1] as Record<string, unknown>)[key] = cw;
        console.log(`  ${f.key.padEnd(26)} Λ chosen on the tuning days, ${rule} (RRC <= cap): ${cw.map(({ cap, point: p }) => `${cap.toFixed(2)}: ${p ? `${p.misses} (RRC ${p.rrc.toFixed(3)}, Λ ${p.L.toExponential(1)}, tuning ${p[key].toFixed(3)})` : '-'}`).join('; ')}`);
        for (const { cap, point: p } of cw) if (p && (cap === 1.05 || cap === 1.3)) console.log(`    at tuning-day RRC <= ${cap.toFixed(2)} per data set: ${gInfo.map((g, gi) => `${short(g.name)} ${p.perGroup[gi]!.rrc.toFixed(3)} / ${p.perGroup[gi]!.misses}`).join(', ')}`);
      }
      // the same rule with a margin under the goals' caps (as the balanced goal's 1.00 for 1.05)
      const cm = [1.15, 1.25].map((cap) => ({ cap, point: causalL(cap) }));
      (wfRows[wfRows.length - 1] as Record<string, unknown>).causalMargin = cm;
      console.log(`  ${f.key.padEnd(26)} Λ chosen on the tuning days (their RRC <= cap), margin caps: ${cm.map(({ cap, point: p }) => `${cap.toFixed(2)}: ${p ? `${p.misses} (RRC ${p.rrc.toFixed(3)}, Λ ${p.L.toExponential(2)}, tuning ${p.tuneRrc.toFixed(3)})` : '-'}`).join('; ')}`);
      for (const { cap, point: p } of cm) if (p) console.log(`    causal Λ at tuning-day RRC <= ${cap.toFixed(2)} per data set: ${gInfo.map((g, gi) => `${short(g.name)} ${p.perGroup[gi]!.rrc.toFixed(3)} / ${p.perGroup[gi]!.misses}`).join(', ')}`);
      for (const { cap, point: p } of cl) if (p && (cap === 1.0 || cap === 1.3)) console.log(`    causal Λ at tuning-day RRC <= ${cap.toFixed(2)} per data set: ${gInfo.map((g, gi) => `${short(g.name)} ${p.perGroup[gi]!.rrc.toFixed(3)} / ${p.perGroup[gi]!.misses}`).join(', ')}`);
      console.log(`  ${f.key.padEnd(26)} fewest misses at RRC <= cap: ${CAPS.map((c) => { const b = bestAt(pts, c); return `${c.toFixed(2)}: ${b ? `${b.misses} (RRC ${b.rrc.toFixed(3)})` : '-'}`; }).join('; ')}`);
      const b = bestAt(pts, 1.05), b3 = bestAt(pts, 1.3);
      if (b) console.log(`    at 1.05: ${gInfo.map((g, gi) => `${short(g.name)} ${b.perGroup[gi]!.rrc.toFixed(3)} / ${b.perGroup[gi]!.misses}`).join(', ')}`);
      if (b3) console.log(`    at 1.3: ${gInfo.map((g, gi) => `${short(g.name)} ${b3.perGroup[gi]!.rrc.toFixed(3)} / ${b3.perGroup[gi]!.misses}`).join(', ')}`);
    }
  }
  // 5. causal tuning on each origin's own history (levels from the last values only: no forecast there)
  const histRows: Record<string, unknown>[] = [];
  if (process.env.JB_HIST !== '0') {
    const files = readdirSync(CACHE).filter((f) => f.endsWith('.json')).sort();
    const pairs = files.map((file) => {
      const T = load(CACHE, undefined, { files: [file], history: true });
      return { T, E: load(CACHE, T.S.volEdges, { files: [file] }) };
    });
    console.log(`\n-- causal: multipliers tuned per origin on its own history (the last min(2 horizons, half the history) steps before the replayed day), applied to that origin's replayed day; all origins summed`);
    for (const f of FAMILIES.filter((f) => !f.instant && !f.level.startsWith('fc') && (!only || f.key.includes(only)))) {
      for (const cap of CAUSAL_CAPS) {
        const { rrc, misses, perGroup, bySet } = overPairs(pairs, f, cap);
        histRows.push({ family: f.key, cap, rrc, misses, perGroup });
        console.log(`  ${f.key.padEnd(26)} tuned at RRC <= ${cap.toFixed(2)} per origin: replayed days RRC ${rrc.toFixed(3)}, ${misses} misses (${(100 * misses / measured).toFixed(2)} %); ${bySet}`);
      }
    }
  }
  if (process.env.JB_OUT) writeFileSync(process.env.JB_OUT, JSON.stringify({ cache: CACHE, steps: S.n, measured, jumps, hpaMisses: hpaMiss, hpaPodHours: hpaTot / 3600, groups: gInfo.map((g) => ({ name: g.name, hpaMisses: g.hpaMisses, measured: g.measured, jumps: g.jumps, hpaPodHours: g.hpaPodSeconds / 3600 })), signals: sigRows, families: out, causal: causalRows, causalHistory: histRows, walkForward: wfRows }, null, 1));
}

if (!process.argv.includes('--cache')) bound();
