// npm run bench: prints a table and writes bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchSmoothing } from './smoothing.js';

const quick = process.argv.includes('--quick');
const log = (s: string) => console.log(s);
const meta = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length };
log(`greenplan bench (${meta.cpu}, ${meta.cores} cores, node ${meta.node})\n`);
log('== smoothing: WASM via the public API (validation + marshalling included; number[] and Float64Array forms)\n   vs the pure TypeScript build of the same algorithm (ratio TS / typed WASM) vs the HiGHS MILP (ratio HiGHS / WASM)');
const smoothing = await benchSmoothing({ highsLimitS: quick ? 10 : 60, reps: quick ? 3 : 11, log });
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const out = new URL('./results/smoothing.json', import.meta.url);
writeFileSync(out, JSON.stringify({ meta, rows: smoothing }, null, 2) + '\n');
log(`\nwritten ${out.pathname}`);
