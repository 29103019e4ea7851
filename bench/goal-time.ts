// Time of a tune solve at a missCost against one with a goal (docs/autoscaling.md, "Tuning to a
// goal"), on one origin of a bench data set, in the tuned rows' setting; the two choices printed.
// GT_G selects the data set by name (default bitbrains), GT_K the origin (default 0), GT_N runs (3).
import { solve, type AutoscalingSolution } from '../src/node.js';
import { groups, originServices, TUNE_SETTING } from './autoscaling.js';

const g = groups().find((x) => x.name.toLowerCase().includes(process.env.GT_G ?? 'bitbrains'))!;
const k = Number(process.env.GT_K ?? 0), n = Number(process.env.GT_N ?? 3);
const base = { problem: 'autoscaling', step: g.step, horizon: g.horizon, services: originServices(g, k), evaluate: true, ...TUNE_SETTING };
for (const tune of [{ missCost: 79.433, reactive: true }, { goal: 'safe', reactive: true }, { missCost: 23.105 }, { goal: 'safe' }]) {
  const ms: number[] = [];
  let sol: AutoscalingSolution | undefined;
  for (let i = 0; i < n; i++) { const t0 = performance.now(); sol = (await solve({ ...base, tune })) as AutoscalingSolution; ms.push(performance.now() - t0); }
  ms.sort((a, b) => a - b);
  const tu = sol!.tuning!;
  console.log(`${g.name} origin ${k} ${JSON.stringify(tune)}: median ${(ms[Math.floor(n / 2)]! / 1000).toFixed(1)} s of ${n} (${ms.map((x) => (x / 1000).toFixed(1)).join(', ')}); missCost ${tu.missCost}${tu.goal ? `, goal met ${tu.goal.met}` : ''}, backtest ${tu.misses} misses, ${tu.podHours.toFixed(0)} pod-hours`);
}
