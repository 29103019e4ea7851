// npm run bench -- energy: the energy and CO2 blocks (docs/energy.md) on real plans, each
// against its named baseline in the same run (the ratio = plan kWh / baseline kWh), and
// what the block costs: solve() (plan + energy) against smooth() (the plan alone) on the
// same instance, CPU medians. Smoothing: the 60 bundled Tianchi apps (98 points a day,
// `"step": 881.63`) at several α and under a budget, against holding each app at its peak.
// Deployment: Tianchi prelim_b (the full data sets, docs/data.md) and the bundled excerpt, every algorithm,
// against the lower bound and dedicated machines; the first-fit algorithms are the peers.
// Migration: ROADEF/EURO 2012 set A (the full data sets, docs/data.md), heuristic target, α 0.01, maxParallel 8,
// against the cluster before. The machine is shared by up to 8 sessions: times are CPU
// medians and still noisy; the kWh figures are exact.
import { existsSync } from 'node:fs';
import { solve, check, smooth, DEPLOYMENT_ALGORITHMS } from '../src/node.js';
import { readBundledApps } from '../src/data/tianchi.js';
import { appDemand } from '../src/data/tianchi-text.js';
import { convertTianchi } from '../src/data/tianchi-deploy.js';
import { readRoadef } from '../src/data/roadef.js';
import { hasSharedData, sharedDataDir, roadefDir, ROADEF_A } from '../test/helpers/shared-data.js';

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

async function cpuMedian(f: () => Promise<unknown>, reps: number): Promise<number> {
  const a: number[] = [];
  for (let i = 0; i < reps; i++) {
    const c = process.cpuUsage();
    await f();
    const d = process.cpuUsage(c);
    a.push((d.user + d.system) / 1000);
  }
  a.sort((x, y) => x - y);
  return a[a.length >> 1]!;
}

interface Row { problem: string; case: string; kWh: number; kgCO2: number; baseline: string; baselineKWh: number; savedKWh: number; savedKgCO2: number; ratio: number; basis: string; valid: boolean }

function row(problem: string, name: string, inst: unknown, sol: any, baseline: string, basis: string): Row {
  const e = sol.energy;
  const b = e.baselines.find((x: any) => x.name === baseline);
  return {
    problem, case: name, kWh: r1(e.kWh), kgCO2: r1(e.kgCO2), baseline, baselineKWh: r1(b.kWh), savedKWh: r1(b.savedKWh), savedKgCO2: r1(b.savedKgCO2),
    ratio: r3(e.kWh / b.kWh), basis, valid: check(inst, sol).valid,
  };
}

export async function benchEnergy(opts: { quick: boolean; log: (s: string) => void }) {
  const { log } = opts;
  const rows: Row[] = [];
  const print = (r: Row) => log(`${`${r.problem} ${r.case}`.padEnd(46)} ${String(r.kWh).padStart(9)} kWh ${String(r.kgCO2).padStart(9)} kg CO2 | ${r.baseline.padEnd(11)} ${String(r.baselineKWh).padStart(9)} kWh | saved ${String(r.savedKWh).padStart(9)} kWh ${String(r.savedKgCO2).padStart(9)} kg CO2 | ratio ${r.ratio.toFixed(3)} | ${r.basis}${r.valid ? '' : ' | CHECK FAILED'}`);

  // smoothing: the bundled Tianchi apps, one day
  const scenarios = readBundledApps().map((a) => ({ name: a.app, demand: appDemand(a) }));
  const energy = { step: 881.63 };
  for (const alpha of [0, 1, 4, 16]) {
    const inst = { problem: 'smoothing' as const, alpha, scenarios, energy };
    const sol: any = await solve(inst);
    rows.push(row('smoothing', `Tianchi 60 apps, α ${alpha}`, inst, sol, 'peak', `${r1(sol.energy.serverHours)} server-h vs ${r1(sol.energy.baselines[0].serverHours)}`));
    print(rows.at(-1)!);
  }
  const tight: any = await smooth({ problem: 'smoothing', alpha: 0, scenarios });
  const budgeted = { problem: 'smoothing' as const, budget: Math.round(tight.resource * 1.02), scenarios, energy };
  const bs: any = await solve(budgeted);
  rows.push(row('smoothing', 'Tianchi 60 apps, budget tightest + 2 %', budgeted, bs, 'peak', `${r1(bs.energy.serverHours)} server-h vs ${r1(bs.energy.baselines[0].serverHours)}`));
  print(rows.at(-1)!);
  const servers = { problem: 'smoothing' as const, alpha: 4, scenarios, energy: { ...energy, serverCores: 92 } };
  const ss: any = await solve(servers);
  rows.push(row('smoothing', 'Tianchi 60 apps, α 4, 92-core machines', servers, ss, 'peak', `${r1(ss.energy.serverHours)} server-h vs ${r1(ss.energy.baselines[0].serverHours)}`));
  print(rows.at(-1)!);

  // deployment: every algorithm; the first-fit ones are the peers of the default (worst fit)
  const deployments: [string, unknown][] = [];
  const excerpt = new URL('../test/fixtures/tianchi-excerpt/', import.meta.url).pathname;
  deployments.push(['Tianchi excerpt', convertTianchi({ apps: excerpt + 'app_resources.csv', machines: excerpt + 'machine_resources.csv', deploy: excerpt + 'instance_deploy.csv' })]);
  if (hasSharedData()) {
    const t = sharedDataDir + 'tianchi2018/';
    deployments.push(['Tianchi prelim_b', convertTianchi({ apps: t + 'app_resources.csv', machines: t + 'machine_resources.prelim_b.csv', deploy: t + 'instance_deploy.prelim_b.csv' })]);
    if (!opts.quick) deployments.push(['Tianchi semi_a, all redeployed', convertTianchi({ apps: t + 'app_resources.csv', machines: t + 'machine_resources.semi_a.csv', deploy: t + 'instance_deploy.semi_a.csv', redeployFraction: 1, seed: 1 })]);
  } else log('NOTICE: ../shared/data is absent: the full Tianchi deployments are skipped');
  for (const [name, inst] of deployments) {
    for (const algorithm of DEPLOYMENT_ALGORITHMS) {
      if (algorithm === 'merge-and-split' && name !== 'Tianchi excerpt') continue; // millions of parts on the full sets (README, Deployment)
      const i = { ...(inst as object), algorithm };
      const sol: any = await solve(i);
      if (sol.status === 'infeasible') continue;
      rows.push(row('deployment', `${name}, ${algorithm}`, i, sol, 'dedicated', `${sol.newBins} new (bound ${sol.lowerBound}, dedicated ${sol.energy.baselines[1].newServers}); over the bound ${r1(-sol.energy.baselines[0].savedKWh)} kWh`));
      print(rows.at(-1)!);
    }
  }

  // migration: ROADEF set A, the freed machines per day
  if (existsSync(roadefDir + 'model_a1_1.txt')) {
    for (const name of opts.quick ? ['a1_1', 'a1_2', 'a2_1'] : ROADEF_A) {
      const inst: any = { ...readRoadef(roadefDir + `model_${name}.txt`, roadefDir + `assignment_${name}.txt`, { alpha: 0.01, maxParallel: 8 }), target: 'heuristic' };
      const sol: any = await solve(inst);
      rows.push(row('migration', `ROADEF ${name}`, inst, sol, 'before', `${sol.energy.baselines[0].servers} → ${sol.energy.servers} machines, power by ${sol.energy.resource}, per day`));
      print(rows.at(-1)!);
    }
  } else log(`NOTICE: ${roadefDir} is absent: ROADEF rows skipped`);

  // the block's cost: solve() (plan + energy block) against smooth() (the plan alone)
  const reps = opts.quick ? 5 : 15;
  const T = 1_000_000;
  const long = { problem: 'smoothing' as const, scenarios: [{ demand: Array.from({ length: T }, (_, t) => 50 + 40 * Math.sin(t / 500) + (t % 7)) }] };
  const many = { problem: 'smoothing' as const, scenarios: Array.from({ length: 1000 }, (_, i) => ({ demand: Array.from({ length: 1440 }, (_, t) => 10 + 5 * Math.sin(t / 100 + i)) })) };
  const cost = [];
  for (const [name, inst] of [['10^6 steps', long], ['1,000 × 1,440', many]] as const) {
    await solve(inst);
    const plan = await cpuMedian(() => smooth(inst), reps);
    const withEnergy = await cpuMedian(() => solve(inst), reps);
    cost.push({ case: name, smoothMs: r1(plan), solveMs: r1(withEnergy), energyMs: r1(withEnergy - plan), ratio: r3(withEnergy / plan) });
    log(`energy block cost, ${name}: solve() ${r1(withEnergy)} ms CPU vs smooth() ${r1(plan)} ms (median of ${reps}; the difference, ${r1(withEnergy - plan)} ms, is the block)`);
  }
  return { rows, cost };
}
