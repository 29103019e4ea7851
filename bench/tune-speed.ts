// Time of one tune solve on the bench's 1,000-service speed instance (bench/autoscaling.ts,
// speedServices: 1,000 × 4,032 five-minute values, a 288-step plan, no evaluate), for the
// figures of docs/autoscaling.md ("Reactive family (`reactive`)", "Tuning to a goal"). Opt-in
// work, not part of `npm run bench` (minutes per run). Needs ../shared.
//   TS_TUNE='{"goal":"safe","reactive":true}' npx tsx bench/tune-speed.ts   (default {"missCost":23.105,"reactive":true})
import { loadavg } from 'node:os';
import { solve, type AutoscalingSolution } from '../src/node.js';
import { speedServices } from './autoscaling.js';
import { hasShared } from '../test/helpers/autoscaling-data.js';

if (!hasShared()) { console.log('../shared/data is absent: the speed instance needs the real series (skipped)'); process.exit(0); }
const services = speedServices();
const tune = JSON.parse(process.env.TS_TUNE ?? '{"missCost":23.105,"reactive":true}');
const c0 = process.cpuUsage(), t0 = performance.now();
const sol = (await solve({ problem: 'autoscaling', step: 300, horizon: 288, services, tune })) as AutoscalingSolution;
const c = process.cpuUsage(c0);
console.log(`tune ${JSON.stringify(tune)}: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((c.user + c.system) / 1e6).toFixed(1)} s CPU (load ${loadavg()[0]!.toFixed(1)}); tuning ${JSON.stringify(sol.tuning)}`);
