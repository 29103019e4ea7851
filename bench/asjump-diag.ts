// Measurement behind docs/autoscaling.md, "Are the jumps periodic?": in the bench's setting
// (joint, nowcast, calibrate "lead", topUp; real pairs for Bitbrains and GenAI), the misses of
// hpa, forecast-balanced and forecast-safe on the replayed steps, split by whether the step
// was phase-flagged (a jump at the same step of the hour or the day in >= 2 of the last 3
// periods, known at decision time) and whether it is a jump. ASJ_PHASE=1: with
// calibratePhase; --quick: two origins per data set. Needs the full data sets (docs/data.md).
import { solve, type AutoscalingSolution } from '../src/node.js';
import { nab, azure, bitbrains, alibaba2018, generatedObservations, bitbrainsPairs, genaiService, genaiPairs } from '../test/helpers/autoscaling-data.js';
import { phaseCategory, jumpSteps, Relation } from '../src/internals.js';
const nulls = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isFinite(x) ? x : null));
const quick = process.argv.includes('--quick');
type Ser = { name: string; values: (number | null)[]; pairs?: (a: number, b: number) => { utilization: number; workloadPerPod: number }[] };
const groups: { name: string; step: number; horizon: number; history: number; origins: number; series: () => Ser[] }[] = [
  { name: 'nab', step: 300, horizon: 288, history: 4032, origins: 5, series: () => ['elb_request_count_8c0756', 'ec2_network_in_257a54', 'ec2_network_in_5abac7'].map((f) => ({ name: f, values: nab(f) })) },
  { name: 'taxi', step: 1800, horizon: 48, history: 672, origins: 14, series: () => [{ name: 'nyc_taxi', values: nab('nyc_taxi') }] },
  { name: 'azure', step: 60, horizon: 240, history: 960, origins: 1, series: () => azure() },
  { name: 'bitbrains', step: 300, horizon: 288, history: 4032, origins: 4, series: () => bitbrains().map((v) => ({ name: `vm${v.vm}`, values: nulls(v.net), pairs: (a: number, b: number) => bitbrainsPairs(v, a, b) })) },
  { name: 'ali', step: 300, horizon: 288, history: 1440, origins: 3, series: () => alibaba2018() },
  { name: 'genai', step: 57, horizon: 240, history: 1201, origins: 1, series: () => [{ name: 'genai', values: genaiService() as (number | null)[], pairs: genaiPairs }] },
];
const POLS = ['hpa', 'forecast-balanced', 'forecast-safe'];
const LOOSE = [[3, 1, 0], [3, 1, 1], [7, 1, 1], [7, 2, 1]] as const;
const all = new Map<string, number>();
const inc = (m: Map<string, number>, k: string, v = 1) => m.set(k, (m.get(k) ?? 0) + v);
for (const g of groups.filter((g) => !process.env.AS2_G || g.name === process.env.AS2_G)) {
  const ser = g.series();
  const m = new Map<string, number>();
  const origins = quick ? Math.min(2, g.origins) : g.origins;
  for (let k = 0; k < origins; k++) {
    const services = ser.map((s, i) => {
      const end = s.values.length - k * g.horizon;
      const start = Math.max(0, end - g.horizon - g.history);
      return { name: s.name, workload: s.values.slice(start, end), observations: s.pairs ? s.pairs(start, end - g.horizon) : generatedObservations(s.values, 1000 * i + 7).obs };
    }).filter((s) => s.workload.length > g.horizon + 1 && s.workload.slice(0, s.workload.length - g.horizon).some((x) => x !== null));
    const sol = (await solve({ problem: 'autoscaling', step: g.step, horizon: g.horizon, services, evaluate: true, replanEvery: Math.max(1, Math.round(3600 / g.step)), combine: 'joint', nowcast: true, calibrate: 'lead', topUp: true, ...(process.env.ASJ_PHASE ? { calibratePhase: true } : {}), ...(process.env.ASJ_VOL ? { calibrateVolatility: true } : {}) })) as AutoscalingSolution;
    const periods = [3600, 86_400].map((sec) => ({ sec, P: Math.round(sec / g.step) })).filter(({ sec, P }) => P >= 3 && Math.abs(P * g.step - sec) <= g.step / 2).map(({ P }) => P);
    sol.evaluation!.services.forEach((sv, i) => {
      const pp = sol.services[i]!.perPod;
      const rel = new Relation(pp.w, pp.b, 0.6);
      const wl = services[i]!.workload;
      const H0 = wl.length - g.horizon;
      const J = jumpSteps({ actual: wl, history: [], relation: rel, minPods: 1, maxPods: 1e6 }, 0.9);
      const cat = phaseCategory(J, H0, wl.length, periods, 3, 2, 1);
      // looser rules (upper bound of what a phase rule could flag): k of n periods, phase within ± tol steps
      const loose = LOOSE.map(([n, k, tol]) => {
        const c = new Uint8Array(g.horizon);
        for (let t = 0; t < g.horizon; t++) for (const P of periods) { let cnt = 0; for (let j = 1; j <= n; j++) { let any = 0; for (let d = -tol; d <= tol; d++) { const u = H0 + t - j * P + d; if (u >= 0 && u <= H0 + t - 2 && J[u]) any = 1; } cnt += any; } if (cnt >= k) c[t] = 1; }
        return c;
      });
      for (let t = 0; t < g.horizon; t++) {
        const w = wl[H0 + t];
        if (w === null || w === undefined) continue;
        const key = `${cat[t] ? 'F' : 'u'}${J[H0 + t] ? 'J' : 'n'}`;
        inc(m, 'steps ' + key);
        loose.forEach((c, r) => { const lk = `loose ${LOOSE[r]!.join('/')}`; if (c[t]) inc(m, lk + ' flagged'); if (c[t] && J[H0 + t]) inc(m, lk + ' jumps'); if (c[t] && !cat[t] && J[H0 + t] && rel.util(w, sv.pods['forecast-balanced']![t]!) > 0.9 + 1e-9) inc(m, lk + ' balancedMissUJ'); });
        for (const p of POLS) { const pods = sv.pods[p]![t]!; inc(m, `${p} pods ${key}`, pods); if (rel.util(w, pods) > 0.9 + 1e-9) inc(m, `${p} miss ${key}`); }
      }
    });
    const measured = services.reduce((a, s) => a + s.workload.slice(-g.horizon).filter((x) => x !== null).length, 0);
    inc(m, 'measured', measured);
    inc(m, 'jumpSteps', sol.evaluation!.jumpSteps);
    for (const p of sol.evaluation!.policies) if (POLS.includes(p.policy)) { inc(m, `${p.policy} podHours`, p.podHours); inc(m, `${p.policy} under`, p.underProvisionedSteps); inc(m, `${p.policy} underJumps`, p.underProvisionedJumps); }
  }
  for (const [k, v] of m) inc(all, k, v);
  show(g.name, m);
}
show('ALL', all);
function show(n: string, m: Map<string, number>) {
  const K = ['FJ', 'Fn', 'uJ', 'un'];
  console.log(`\n== ${n} (F flagged, u not; J jump, n not): steps ${K.map((k) => `${k} ${m.get('steps ' + k) ?? 0}`).join(', ')}`);
  const h = m.get('hpa podHours')!;
  const steps = K.reduce((a, k) => a + (m.get('steps ' + k) ?? 0), 0);
  console.log(`looser rules (n/k/tol: flagged share of steps, jumps flagged, balanced's misses on unflagged jumps it would flag, of ${m.get('forecast-balanced miss uJ') ?? 0}): ` + LOOSE.map((l) => { const lk = `loose ${l.join('/')}`; return `${l.join('/')} ${(100 * (m.get(lk + ' flagged') ?? 0) / steps).toFixed(1)} %, ${m.get(lk + ' jumps') ?? 0}, ${m.get(lk + ' balancedMissUJ') ?? 0}`; }).join('; '));
  console.log(`exact (replay, ready pods): ${m.get('jumpSteps')} jump steps of ${m.get('measured')}; ` + POLS.map((p) => `${p} ${(m.get(p + ' podHours')! / h).toFixed(3)} / ${(100 * m.get(p + ' under')! / m.get('measured')!).toFixed(2)} % (${m.get(p + ' under')} misses, ${m.get(p + ' underJumps')} jumps)`).join('; '));
  console.log('split on requested pods (indicative; the replay measures on ready pods):');
  for (const p of POLS) console.log(`${p.padEnd(18)} RRC ${(m.get(p + ' podHours')! / h).toFixed(3)}  misses ${K.map((k) => `${k} ${m.get(`${p} miss ${k}`) ?? 0}`).join(', ')}  pods ${K.map((k) => `${k} ${Math.round(m.get(`${p} pods ${k}`) ?? 0)}`).join(', ')}`);
}
