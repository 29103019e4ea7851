// The independent checker (src/problems/autoscaling/check.ts with its own replay,
// check-replay.ts) on the autoscaling bench's real instances: every group and origin of
// bench/autoscaling.ts, solved with the bench's setting (top-up: the forecast rows' kWh and
// the reactive, static and oracle rows checked) and with hourly re-plans without the top-up
// (every row replayed), plus one tuned solve per group (tune.goal "safe" with adapt: hpa's
// backtest replayed). Prints each verdict and the time of solve and check; exits 1 on a
// rejection. Run: npx tsx bench/check-real.ts (needs ../shared).
import { solve, checkAutoscaling, type AutoscalingSolution } from '../src/node.js';
import { hasShared } from '../test/helpers/autoscaling-data.js';
import { groups, originServices, replan, SETTING } from './autoscaling.js';

if (!hasShared()) { console.log('../shared/data is absent: skipped'); process.exit(0); }
let ok = 0, bad = 0, solveMs = 0, checkMs = 0;
for (const g of groups()) {
  for (let k = 0; k < g.origins; k++) {
    const services = originServices(g, k);
    const base = { problem: 'autoscaling', step: g.step, horizon: g.horizon, services, evaluate: true, replanEvery: replan(g.step) } as const;
    const runs: [string, object][] = [['bench setting (top-up)', { ...base, ...SETTING }], ['hourly re-plans, no top-up', base]];
    if (k === 0) runs.push(['tune goal safe + adapt', { ...base, tune: { goal: 'safe', reactive: true, adapt: {} } }]);
    for (const [label, inst] of runs) {
      let t = performance.now();
      const sol = (await solve(inst)) as AutoscalingSolution;
      const s = performance.now() - t;
      t = performance.now();
      const r = checkAutoscaling(inst, sol);
      const c = performance.now() - t;
      solveMs += s; checkMs += c;
      if (r.valid) ok++; else bad++;
      console.log(`${g.name}, origin ${k}, ${label}: ${services.length} services, ${r.valid ? 'ACCEPTED' : `REJECTED: ${r.reason}`} (solve ${(s / 1000).toFixed(1)} s, check ${(c / 1000).toFixed(1)} s)`);
    }
  }
}
console.log(`\n${ok} accepted, ${bad} rejected; solve ${(solveMs / 1000).toFixed(0)} s, check ${(checkMs / 1000).toFixed(0)} s in all`);
process.exit(bad ? 1 : 0);
