// npm run bench: prints a table and writes bench/results/<name>.json.
// `tsx bench/run.ts [smoothing|migration ...] [--quick]` runs only the named benches.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchSmoothing } from './smoothing.js';
import { benchMigration } from './migration.js';

const quick = process.argv.includes('--quick');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const want = (name: string) => only.length === 0 || only.includes(name);
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
if (want('migration')) {
  log('\n== migration: machines used vs the LP bound and the plain consolidation; gap% = (start − used) / (start − LP bound); maxParallel 8; ms = full solve (validation, target, path)');
  const migration = await benchMigration({ quick, log });
  const out = new URL('./results/migration.json', import.meta.url);
  writeFileSync(out, JSON.stringify({ meta, rows: migration }, null, 2) + '\n');
  log(`\nwritten ${out.pathname}`);
}
