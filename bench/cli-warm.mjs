// The warm side of the bench's `greenplan solve` figure (bench/smoothing-kernel.ts, coldCli):
// in a process of its own, the CLI's own call (src/cli/solve.ts solveFile, as built in
// dist/: read, parse, solve, print to --out; no process settings) run once to warm up,
// then `reps` times. Plain node runs it, as it runs the bin.
// Prints one JSON line: the medians of CPU ms (process.cpuUsage: every thread, as the cold
// figure of a new process is), of wall ms and of system CPU ms alone over those runs.
//   node bench/cli-warm.mjs <instance.json> <out.json> <reps>
import { solveFile } from '../dist/internals.js';

const [file, out, repsArg] = process.argv.slice(2);
const reps = Number(repsArg);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const run = () => solveFile(file, { out });
if ((await run()) !== 0) throw new Error('greenplan solve: not solved');
const cpu = [];
const wall = [];
const sys = [];
for (let r = 0; r < reps; r++) {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  await run();
  wall.push(performance.now() - w0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1e3);
  sys.push(c.system / 1e3);
}
process.stdout.write(`${JSON.stringify({ cpu: median(cpu), wall: median(wall), sys: median(sys), cpuRuns: cpu, wallRuns: wall })}\n`);
