// npm run bench: prints a table and writes bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchSmoothing } from './smoothing.js';
import { benchDeployment, deploymentGoals } from './deployment.js';

const quick = process.argv.includes('--quick');
// `tsx bench/run.ts [smoothing] [deployment] [--quick]`: the named benches, all by default
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const want = (name: string) => named.length === 0 || named.includes(name);
const log = (s: string) => console.log(s);
const meta = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length };
log(`greenplan bench (${meta.cpu}, ${meta.cores} cores, node ${meta.node})\n`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
if (want('smoothing')) {
  log('== smoothing: WASM via the public API (validation + marshalling included; number[] and Float64Array forms)\n   vs the pure TypeScript build of the same algorithm (ratio TS / typed WASM) vs the HiGHS MILP (ratio HiGHS / WASM)');
  const smoothing = await benchSmoothing({ highsLimitS: quick ? 10 : 60, reps: quick ? 3 : 11, log });
  const out = new URL('./results/smoothing.json', import.meta.url);
  writeFileSync(out, JSON.stringify({ meta, rows: smoothing }, null, 2) + '\n');
  log(`\nwritten ${out.pathname}`);
}
if (want('deployment')) {
  log('\n== deployment: every algorithm on Tianchi-derived instances (new machines − lower bound, utilisation of the new machines, parts, time), SpreadWFD and the MILP');
  const rows = await benchDeployment({ milpLimitS: quick ? 10 : 60, reps: quick ? 1 : 5, log });
  const goals = deploymentGoals(rows);
  for (const g of goals) log(g);
  const out = new URL('./results/deployment.json', import.meta.url);
  if (rows.length) writeFileSync(out, JSON.stringify({ meta, goals, rows }, null, 2) + '\n');
  log(`\nwritten ${out.pathname}`);
}
