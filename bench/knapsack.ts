// Knapsack and budgeted-smoothing bench. Knapsack: the issue's instances (n = 2,000
// item types, sizes up to 1,000, copies up to 100, capacity about 10^7) in four value
// families, then scaling in n and in the largest size; each solve timed through the
// public API (auto method) against HiGHS on the same instance, optimal values
// compared; and the two exact methods against each other where both fit. Budgeted
// smoothing: Tianchi app curves resampled to 1,440 steps, 100 scenarios, budgets just
// above the envelope, against the HiGHS MILP.
import { knapsack, smooth, checkKnapsack, checkSmoothing } from '../src/node.js';
import { readBundledApps, appDemand } from '../src/data/tianchi.js';
import { readTianchiApps, hasSharedData } from '../test/helpers/shared-data.js';
import { knapsackMilp } from '../test/helpers/highs-knapsack.js';
import { budgetMilp } from '../test/helpers/highs-budget.js';
import { mulberry32 } from '../src/core/rng.js';
import { resample } from './smoothing.js';

type Family = 'uncorrelated' | 'weakly-correlated' | 'strongly-correlated' | 'equal-density';

function instance(seed: number, n: number, sMax: number, family: Family, fill = 0.2) {
  const r = mulberry32(seed);
  const items = Array.from({ length: n }, () => {
    const size = 1 + Math.floor(r() * sMax);
    let value: number;
    switch (family) {
      case 'uncorrelated': value = Math.round(r() * 10 * sMax) / 10; break;
      case 'weakly-correlated': value = Math.max(1, size + Math.round((r() - 0.5) * sMax / 5)); break;
      case 'strongly-correlated': value = size + sMax / 10; break;
      case 'equal-density': value = size; break;
    }
    return { size, value, copies: 1 + Math.floor(r() * 100) };
  });
  const total = items.reduce((a, it) => a + it.size * it.copies, 0);
  return { problem: 'knapsack' as const, capacity: Math.min(2147483647, Math.floor(total * fill) + 1), items };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

export interface KnapsackRow {
  case: string; n: number; sMax: number; capacity: number; algorithm: string;
  ms: number; highsMs: number | null; highsOverOurs: number | null; equalValue: boolean | null; note: string;
  /** CPU time of our solve (median; the machine is shared) */
  cpuMs?: number;
  /** wall ms of the same case before issue 14 (bench/results/knapsack.json of commit 0d76ae1) */
  beforeMs?: number;
}

/** Wall ms per case before issue 14 (bench/results/knapsack.json at commit 0d76ae1, 2026-11-23). */
const BEFORE_MS: Record<string, number> = {
  'issue size, uncorrelated': 25.9, 'issue size, weakly-correlated': 100.7, 'issue size, strongly-correlated': 69.9, 'issue size, equal-density': 9.8,
  'n=250, s<=1000, uncorrelated': 6.8, 'n=250, s<=1000, strongly-correlated': 129.8, 'n=500, s<=1000, uncorrelated': 23.6, 'n=500, s<=1000, strongly-correlated': 597.2,
  'n=1000, s<=1000, uncorrelated': 59.7, 'n=1000, s<=1000, strongly-correlated': 497.9, 'n=4000, s<=1000, uncorrelated': 28.4, 'n=4000, s<=1000, strongly-correlated': 6888.8,
  'n=8000, s<=1000, uncorrelated': 88.0, 'n=8000, s<=1000, strongly-correlated': 7471.4, 'n=2000, s<=100, uncorrelated': 12.8, 'n=2000, s<=100, strongly-correlated': 8.8,
  'n=2000, s<=300, uncorrelated': 6.7, 'n=2000, s<=300, strongly-correlated': 98.0, 'n=2000, s<=3000, uncorrelated': 94.1, 'n=2000, s<=3000, strongly-correlated': 13023.3,
  'n=2000, s<=10000, uncorrelated': 51.7,
};

/** Issue 14 §2 goals from the rows: every issue-size family >= 10x HiGHS, the two hard cases within their time. */
export function knapsackGoals(rows: KnapsackRow[], log: (s: string) => void): { goal: string; now: number | null; before: number | undefined; met: boolean }[] {
  const goals: { goal: string; now: number | null; before: number | undefined; met: boolean }[] = [];
  for (const r of rows.filter((x) => x.case.startsWith('issue size'))) {
    const before = r.beforeMs !== undefined && r.highsMs !== null ? r.highsMs / r.beforeMs : undefined;
    goals.push({ goal: `${r.case}: HiGHS / ours >= 10`, now: r.highsOverOurs, before, met: (r.highsOverOurs ?? 0) >= 10 });
  }
  for (const [name, limit] of [['n=8000, s<=1000, strongly-correlated', 1000], ['n=2000, s<=3000, strongly-correlated', 2000]] as const) {
    const r = rows.find((x) => x.case === name);
    goals.push({ goal: `${name}: <= ${limit} ms (wall; CPU ${r?.cpuMs?.toFixed(0) ?? '-'} ms)`, now: r ? r.ms : null, before: BEFORE_MS[name], met: !!r && r.ms <= limit });
  }
  log('\n   issue 14 goals (before: ratio with today\'s HiGHS time, or the time before)\n');
  for (const g of goals) log(`${g.goal.padEnd(64)} before ${g.before === undefined ? '-' : g.before.toFixed(1)}  now ${g.now === null ? '-' : g.now.toFixed(1)}  ${g.met ? 'met' : 'NOT met'}`);
  return goals;
}

export async function benchKnapsack(opts: { reps: number; highsLimitS: number; log: (s: string) => void }): Promise<KnapsackRow[]> {
  const rows: KnapsackRow[] = [];
  const cases: { name: string; inst: ReturnType<typeof instance>; highs: boolean }[] = [];
  const fams: Family[] = ['uncorrelated', 'weakly-correlated', 'strongly-correlated', 'equal-density'];
  fams.forEach((f, k) => cases.push({ name: `issue size, ${f}`, inst: instance(100 + k, 2000, 1000, f), highs: true }));
  for (const n of [250, 500, 1000, 4000, 8000]) for (const f of ['uncorrelated', 'strongly-correlated'] as Family[]) cases.push({ name: `n=${n}, s<=1000, ${f}`, inst: instance(200 + n, n, 1000, f), highs: true });
  for (const s of [100, 300, 3000, 10000]) for (const f of ['uncorrelated', 'strongly-correlated'] as Family[]) cases.push({ name: `n=2000, s<=${s}, ${f}`, inst: instance(300 + s, 2000, s, f), highs: true });
  for (const c of cases) {
    let warmMs = 0;
    try {
      warmMs = (await timed(() => knapsack(c.inst)))[0]; // warm-up
    } catch (e) {
      const row: KnapsackRow = { case: c.name, n: c.inst.items.length, sMax: Math.max(...c.inst.items.map((i) => i.size)), capacity: c.inst.capacity, algorithm: '-', ms: NaN, highsMs: null, highsOverOurs: null, equalValue: null, note: `not solved: ${(e as Error).message.slice(0, 140)}` };
      rows.push(row);
      opts.log(`${row.case.padEnd(44)} C=${String(row.capacity).padStart(10)} ${row.note}`);
      continue;
    }
    const times: number[] = [];
    const cpu: number[] = [];
    let sol = await knapsack(c.inst);
    const reps = warmMs > 3000 ? 1 : warmMs > 300 ? 3 : opts.reps; // slow cases: fewer timed runs
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage();
      const [ms, s] = await timed(() => knapsack(c.inst));
      const u = process.cpuUsage(c0);
      cpu.push((u.user + u.system) / 1e3);
      times.push(ms);
      sol = s;
    }
    const rep = checkKnapsack(c.inst, sol);
    if (!rep.valid) throw new Error(`bench: checker rejected ${c.name}: ${rep.reason}`);
    let highsMs: number | null = null;
    let equal: boolean | null = null;
    let note = '';
    if (c.highs) {
      try {
        const [ms, v] = await timed(() => knapsackMilp(c.inst, { timeLimit: opts.highsLimitS }));
        highsMs = ms;
        equal = Math.abs(v - sol.value) <= 1e-6 * Math.max(1, v);
      } catch (e) {
        note = `HiGHS: ${(e as Error).message.split("\n")[0]!.slice(0, 60)}`;
      }
    }
    const sMax = Math.max(...c.inst.items.map((i) => i.size));
    const ms = median(times);
    const row: KnapsackRow = { case: c.name, n: c.inst.items.length, sMax, capacity: c.inst.capacity, algorithm: sol.algorithm, ms, highsMs, highsOverOurs: highsMs === null ? null : highsMs / ms, equalValue: equal, note, cpuMs: median(cpu), beforeMs: BEFORE_MS[c.name] };
    rows.push(row);
    opts.log(`${row.case.padEnd(44)} C=${String(row.capacity).padStart(10)} ${row.algorithm.padEnd(9)} ${row.ms.toFixed(1).padStart(8)} ms (cpu ${row.cpuMs!.toFixed(1).padStart(7)}, before ${row.beforeMs === undefined ? '-' : row.beforeMs.toFixed(1)}) | HiGHS ${highsMs === null ? '-'.padStart(9) : `${highsMs.toFixed(0).padStart(6)} ms (x${row.highsOverOurs!.toFixed(1)}, equal: ${equal})`} ${note}`);
  }
  // the two exact methods head to head where both fit
  for (const [n, s, fill] of [[200, 100, 0.3], [300, 300, 0.05]] as const) {
    for (const f of ['uncorrelated', 'strongly-correlated'] as Family[]) {
      const inst = instance(400 + n, n, s, f, fill);
      const t: Record<string, number> = {};
      const v: Record<string, number> = {};
      for (const a of ['dp-deque', 'proximity'] as const) {
        await knapsack(inst, { algorithm: a });
        const xs: number[] = [];
        for (let r = 0; r < Math.max(3, Math.floor(opts.reps / 2)); r++) { const [ms, sol] = await timed(() => knapsack(inst, { algorithm: a })); xs.push(ms); v[a] = sol.value; }
        t[a] = median(xs);
      }
      const row: KnapsackRow = { case: `dp-deque vs proximity: n=${n}, s<=${s}, ${f}`, n, sMax: s, capacity: inst.capacity, algorithm: 'proximity', ms: t.proximity!, highsMs: null, highsOverOurs: null, equalValue: Math.abs(v['dp-deque']! - v.proximity!) <= 1e-9 * v.proximity!, note: `dp-deque ${t['dp-deque']!.toFixed(1)} ms (x${(t['dp-deque']! / t.proximity!).toFixed(1)} of proximity)` };
      rows.push(row);
      opts.log(`${row.case.padEnd(52)} C=${String(row.capacity).padStart(8)} proximity ${row.ms.toFixed(1).padStart(7)} ms | ${row.note}, equal: ${row.equalValue}`);
    }
  }
  return rows;
}

export interface BudgetRow {
  case: string; scenarios: number; steps: number; budget: number; minimumResource: number; algorithm: string;
  ms: number; variation: number; highsMs: number | null; highsOverOurs: number | null; equalObjective: boolean | null; note: string;
}

export async function benchBudget(opts: { reps: number; highsLimitS: number; log: (s: string) => void }): Promise<BudgetRow[]> {
  const apps = (hasSharedData() ? readTianchiApps() : readBundledApps()).filter((a) => a.instances > 0).sort((a, b) => b.instances - a.instances);
  const rows: BudgetRow[] = [];
  let highsGaveUp = false;
  for (const [nScen, T, withHighs] of [[4, 144, true], [10, 1440, true], [100, 1440, false]] as const) {
    const scenarios = Array.from({ length: nScen }, (_, i) => {
      const a = apps[i % apps.length]!;
      return { name: `${a.app}#${i}`, weight: 1 + (i % 3), demand: resample(appDemand(a), T) };
    });
    highsGaveUp = false;
    const env = await smooth({ problem: 'smoothing', alpha: 0, scenarios });
    if (env.status !== 'optimal') throw new Error('envelope');
    for (const extra of [0.002, 0.01, 0.05]) {
      const budget = Math.round(env.resource * (1 + extra));
      const inst = { problem: 'smoothing' as const, budget, scenarios };
      await smooth(inst);
      const times: number[] = [];
      let sol = await smooth(inst);
      for (let r = 0; r < opts.reps; r++) { const [ms, s] = await timed(() => smooth(inst)); times.push(ms); sol = s; }
      if (sol.status !== 'optimal') throw new Error('bench: budget should be feasible');
      const rep = checkSmoothing(inst, sol);
      if (!rep.valid) throw new Error(`bench: checker rejected the budgeted plan: ${rep.reason}`);
      let highsMs: number | null = null;
      let equal: boolean | null = null;
      let note = '';
      if (withHighs && !highsGaveUp) {
        try {
          const [ms, v] = await timed(() => budgetMilp(inst, { timeLimit: opts.highsLimitS }));
          highsMs = ms;
          equal = typeof v === 'number' && Math.abs(v - sol.objective) <= 1e-6 * Math.max(1, v);
          if (!equal) note = `HiGHS ${v}`;
        } catch (e) {
          note = `HiGHS gave no optimum within ${opts.highsLimitS} s (${(e as Error).message.slice(0, 40)})`;
          highsGaveUp = true;
        }
      } else if (withHighs) note = `HiGHS not run: it found no optimum within ${opts.highsLimitS} s on a smaller budget`;
      else note = 'HiGHS not run: no optimum within the limit at 10 apps already';
      const ms = median(times);
      const row: BudgetRow = { case: `Tianchi ${nScen} apps x ${T}, budget +${(extra * 100).toFixed(1)}%`, scenarios: nScen, steps: nScen * T, budget, minimumResource: env.resource, algorithm: sol.algorithm ?? '', ms, variation: sol.variation, highsMs, highsOverOurs: highsMs === null ? null : highsMs / ms, equalObjective: equal, note };
      rows.push(row);
      opts.log(`${row.case.padEnd(44)} ${row.algorithm.padEnd(9)} ${ms.toFixed(1).padStart(8)} ms  variation ${row.variation.toFixed(0).padStart(8)} | HiGHS ${highsMs === null ? '-' : `${highsMs.toFixed(0).padStart(7)} ms (x${row.highsOverOurs!.toFixed(0)}, equal: ${equal})`} ${note}`);
    }
  }
  return rows;
}
