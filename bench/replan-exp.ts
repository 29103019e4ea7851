// Experiment behind docs/autoscaling.md, "Re-planning every step (measured, branch replan)":
// the bench's data sets, origins, per-pod pairs and forecast setting (bench/autoscaling.ts),
// with the forecast policies re-planning every R steps instead of hourly.
//   RP_REPLAN  R (a number of steps) or "hourly" (the bench's replan(step)); default 1
//   RP_G       only the data sets whose name contains this (case-insensitive)
//   RP_OPTS    extra instance options as JSON (e.g. '{"nowcast":false}')
//   RP_OUT     directory for one JSON file per data set (default: none, print only)
// With `tune` in RP_OPTS the replay also has the row forecast-tuned (docs/autoscaling.md,
// "Tuned policy"), printed with its goals.
// Prints, per data set and all together, RRC / under-provisioned share of every policy and
// the replay's time per solve; `--combine DIR [DIR...]` prints the tables of saved runs.
// Needs the full data sets (docs/data.md). Pod counts are deterministic; times are not
// (shared machine).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { solve, type AutoscalingSolution } from '../src/node.js';
import { groups, measuredSteps, originServices, POL, replan, SETTING } from './autoscaling.js';

interface Acc { podHours: number; under: number; jumps: number; measured: number }
interface Result { group: string; replanEvery: string; opts: Record<string, unknown>; origins: number; ms: number[]; jumpSteps: number; acc: Record<string, Acc> }

function show(title: string, acc: Record<string, Acc>) {
  const h = acc.hpa!;
  const cells = POL.map((p) => { const a = acc[p]!; return `${p} ${(a.podHours / h.podHours).toFixed(3)}/${(100 * a.under / a.measured).toFixed(2)}%`; });
  const b = acc['forecast-balanced']!, s = acc['forecast-safe']!;
  const hu = h.under / h.measured;
  const t = acc['forecast-tuned'];
  if (t) cells.push(`forecast-tuned ${(t.podHours / h.podHours).toFixed(3)}/${(100 * t.under / t.measured).toFixed(2)}% (${t.under} misses; balanced goal ${t.podHours <= 1.05 * h.podHours && t.under <= 0.5 * h.under ? 'MET' : 'not met'}, safe goal ${t.podHours <= 1.3 * h.podHours && t.under <= 0.25 * h.under ? 'MET' : 'not met'})`);
  const goal = `goals: balanced ${(b.podHours / h.podHours).toFixed(3)} / ${(100 * b.under / b.measured).toFixed(2)} % (<= 1.05 / ${(50 * hu).toFixed(2)} %) ${b.podHours <= 1.05 * h.podHours && b.under / b.measured <= 0.5 * hu ? 'MET' : 'not met'}; safe ${(s.podHours / h.podHours).toFixed(3)} / ${(100 * s.under / s.measured).toFixed(2)} % (<= 1.3 / ${(25 * hu).toFixed(2)} %) ${s.podHours <= 1.3 * h.podHours && s.under / s.measured <= 0.25 * hu ? 'MET' : 'not met'}`;
  console.log(`${title} (misses: hpa ${h.under}, balanced ${b.under}, safe ${s.under})\n  ${cells.join('  ')}\n  ${goal}`);
}

function sum(results: Result[]): Record<string, Acc> {
  const out: Record<string, Acc> = {};
  for (const r of results) for (const p of Object.keys(r.acc)) {
    const a = out[p] ?? { podHours: 0, under: 0, jumps: 0, measured: 0 };
    const b = r.acc[p]!;
    a.podHours += b.podHours; a.under += b.under; a.jumps += b.jumps; a.measured += b.measured;
    out[p] = a;
  }
  return out;
}

const ci = process.argv.indexOf('--combine');
if (ci >= 0) {
  for (const dir of process.argv.slice(ci + 1)) {
    const rs = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Result);
    console.log(`\n== ${dir}`);
    for (const r of rs) { show(`${r.group} [R ${r.replanEvery}, ${r.origins} origins, ${(r.ms.reduce((x, y) => x + y, 0) / r.ms.length / 1000).toFixed(1)} s per solve]`, r.acc); }
    show('ALL', sum(rs));
    console.log(`  replay time, all solves: ${(rs.reduce((t, r) => t + r.ms.reduce((x, y) => x + y, 0), 0) / 1000).toFixed(0)} s`);
  }
} else {
  const R = process.env.RP_REPLAN ?? '1';
  const extra = process.env.RP_OPTS ? JSON.parse(process.env.RP_OPTS) as Record<string, unknown> : {};
  const filt = process.env.RP_G?.toLowerCase();
  const results: Result[] = [];
  for (const g of groups().filter((g) => !filt || g.name.toLowerCase().includes(filt))) {
    const acc: Record<string, Acc> = Object.fromEntries(POL.map((p) => [p, { podHours: 0, under: 0, jumps: 0, measured: 0 }]));
    const ms: number[] = [];
    let jumpSteps = 0;
    for (let k = 0; k < g.origins; k++) {
      // exactly the bench's instances (bench/autoscaling.ts)
      const services = originServices(g, k);
      const measured = measuredSteps(services, g.horizon);
      const replanEvery = R === 'hourly' ? replan(g.step) : Number(R);
      const t0 = performance.now();
      const sol = (await solve({ problem: 'autoscaling', step: g.step, horizon: g.horizon, services, evaluate: true, replanEvery, ...SETTING, ...extra })) as AutoscalingSolution;
      ms.push(performance.now() - t0);
      jumpSteps += sol.evaluation!.jumpSteps;
      for (const p of sol.evaluation!.policies) { const a = (acc[p.policy] ??= { podHours: 0, under: 0, jumps: 0, measured: 0 }); a.podHours += p.podHours; a.under += p.underProvisionedSteps; a.jumps += p.underProvisionedJumps; a.measured += measured; }
    }
    const r: Result = { group: g.name, replanEvery: R, opts: extra, origins: g.origins, ms, jumpSteps, acc };
    results.push(r);
    show(`${g.name} [R ${R}, ${(ms.reduce((x, y) => x + y, 0) / ms.length / 1000).toFixed(1)} s per solve]`, acc);
    if (process.env.RP_OUT) {
      mkdirSync(process.env.RP_OUT, { recursive: true });
      writeFileSync(join(process.env.RP_OUT, g.name.replace(/[^A-Za-z0-9]+/g, '_') + '.json'), JSON.stringify(r));
    }
  }
  if (results.length > 1) show('ALL', sum(results));
}
