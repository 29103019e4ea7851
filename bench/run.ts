// npm run bench [-- <section>... | --quick]: prints a table per section and writes
// bench/results/<section>.json. Sections: smoothing, knapsack, budget, deployment, migration, playground, batch, forecast, forecast-scale, autoscaling, autoscaling-speed, energy (default: all but
// autoscaling-speed, which is the speed part of autoscaling alone).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchSmoothing, smoothingGoals } from './smoothing.js';
import { benchKnapsack, benchBudget, knapsackGoals } from './knapsack.js';
import { benchDeployment, deploymentGoals } from './deployment.js';
import { benchMigration, benchMigrationDense, benchMigrationExact, migrationGoals, machineLoad } from './migration.js';
import { benchBatch } from './batch.js';
import { benchPlayground } from './playground.js';
import { benchForecast, benchForecastScale } from './forecast.js';
import { benchAutoscaling, benchSpeed as benchAutoscalingSpeed } from './autoscaling.js';
import { benchEnergy } from './energy.js';

const quick = process.argv.includes('--quick');
const log = (s: string) => console.log(s);
const meta = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length };

/** A bench section: its title, and a run that returns what goes in its JSON (rows and more). */
type Section = { title: string; run: () => Promise<{ rows: unknown[] } & Record<string, unknown>> };
const SECTIONS: Record<string, Section> = {
  smoothing: {
    title: 'smoothing: WASM via the public API (validation + marshalling included; number[] and Float64Array forms)\n   vs the pure TypeScript build of the same algorithm (ratio TS / typed WASM) vs the HiGHS MILP (ratio HiGHS / WASM)',
    run: async () => {
      const rows = await benchSmoothing({ highsLimitS: quick ? 10 : 60, reps: quick ? 3 : 11, log });
      log('\n   issue 14 goals, CPU time (the machine is shared: CPU time excludes waiting for a core), medians; before = commit 0d76ae1, previous = commit 3464968 (two-pass kernel with the monotone stack; now: the closing kernel), both on this machine\n');
      const goals = await smoothingGoals({ reps: quick ? 5 : 11, log });
      return { goals, rows };
    },
  },
  knapsack: {
    title: 'knapsack: exact, auto method (public API, validation included) vs HiGHS on the same instance; scaling in n and s_max; the exact methods head to head',
    run: async () => {
      const rows = await benchKnapsack({ highsLimitS: 60, reps: quick ? 3 : 7, log });
      return { goals: knapsackGoals(rows, log), rows };
    },
  },
  budget: {
    title: 'budgeted smoothing: Tianchi curves, exact (envelope boxes -> knapsack) vs the HiGHS MILP',
    run: async () => ({ rows: await benchBudget({ highsLimitS: quick ? 10 : 60, reps: quick ? 3 : 7, log }) }),
  },
  deployment: {
    title: 'deployment: every algorithm on Tianchi-derived instances (new machines − lower bound, utilisation of the new machines, parts, time), SpreadWFD and the MILP',
    run: async () => {
      const rows = await benchDeployment({ milpLimitS: quick ? 10 : 60, reps: quick ? 1 : 5, log });
      const goals = deploymentGoals(rows);
      for (const g of goals) log(g);
      return { goals, rows };
    },
  },
  migration: {
    title: 'migration: machines used vs the LP bound and the plain consolidation; gap% = (start − used) / (start − LP bound); maxParallel 8; ms = full solve (validation, target, path), target "heuristic", wall-clock median, cpu ms = process CPU time (machine shared by up to 8 sessions: wall times inflated); before = the code before issue 14; then dense clusters (objective values next to machine counts) and the exact target (HiGHS)',
    run: async () => {
      const loadBefore = machineLoad();
      log(`machine load before: ${loadBefore.load1.toFixed(1)} (1-minute load average) on ${loadBefore.cores} cores`);
      const rows = await benchMigration({ quick, log });
      const goals = migrationGoals(rows, log);
      return { loadBefore, goals, rows, dense: await benchMigrationDense({ quick, log }), exact: await benchMigrationExact({ log }), loadAfter: machineLoad() };
    },
  },
  playground: {
    title: 'playground in Chromium, built static site: time to interactive; 1,000 × 1,440 from a file -> solved, checked, drawn (vs Node solve()); longest main-thread task; cancel; bundle sizes (gzip)',
    run: async () => benchPlayground({ log, reps: quick ? 1 : 5 }),
  },
  batch: {
    title: 'batch: 1,000 mixed instances with greenplan batch on 1, 2, … workers vs a shell loop of greenplan solve; greenplan queue (BullMQ, local redis-server) overhead per job vs the local pool',
    run: async () => benchBatch({ quick, log }),
  },
  forecast: {
    title: 'forecast: rolling-origin evaluation on the real workload series (MASE mean/median/geomean, coverage, width in units of the in-sample seasonal-naive error, time); peer: seasonal naive (the MASE baseline), ets and dsp',
    run: async () => benchForecast({ quick, log }),
  },
  'forecast-scale': {
    title: 'forecast at scale: 1,000 synthetic series × 4,032 values (two weeks at 5 min) -> 288 steps, per method, wall and CPU time; peer: seasonal naive (no fitting)',
    run: async () => benchForecastScale({ quick, log }),
  },
  autoscaling: {
    title: 'autoscaling: every policy replayed on held-out real workload (pod-hours, RRC = pod-hours / hpa\'s, under-provisioned share, actions, kWh, CO2, distance to the oracle), the goals, per-pod coverage on real pairs, plan changes vs real replica counts, speed',
    run: async () => benchAutoscaling({ quick, log }),
  },
  'autoscaling-speed': {
    title: 'autoscaling speed only (the last part of the autoscaling section): 1,000 services × 2 weeks of 5-minute history, one-day plan, seasonal naive and auto, wall and CPU time, medians of 3',
    run: async () => { const speed = await benchAutoscalingSpeed({ quick, log }); return { rows: speed ? [speed.seasonalNaive, speed.auto] : [], speed }; },
  },
  energy: {
    title: 'energy: kWh and kg CO2 of real plans against their named baselines (smoothing: peak; deployment: dedicated machines, every algorithm; migration: before), ratio = plan / baseline; the block\'s cost: solve() vs smooth() CPU',
    run: async () => benchEnergy({ quick, log }),
  },
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const a of asked) if (!SECTIONS[a]) throw new Error(`unknown bench section "${a}" (known: ${Object.keys(SECTIONS).join(', ')})`);
log(`greenplan bench (${meta.cpu}, ${meta.cores} cores, node ${meta.node})`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
// autoscaling-speed is a part of autoscaling: run by name only
for (const name of asked.length ? asked : Object.keys(SECTIONS).filter((k) => k !== 'autoscaling-speed')) {
  const s = SECTIONS[name]!;
  log(`\n== ${s.title}\n`);
  const result = await s.run();
  if (result.rows.length === 0) { log('(no rows: nothing written)'); continue; }
  const out = new URL(`./results/${name}.json`, import.meta.url);
  writeFileSync(out, JSON.stringify({ meta, ...result }, null, 2) + '\n');
  log(`\nwritten ${out.pathname}`);
}
