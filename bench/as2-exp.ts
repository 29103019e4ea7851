// Experiments behind docs/autoscaling.md (also "Short-lead calibration, top-up and what still misses"; AS2_CAL=lead|lead-additive|lead-relative short-lead calibration, AS2_TOP=1 topUp, AS2_REAL=1 real per-pod pairs for Bitbrains and a GenAI group; prints misses split into jumps and the rest), "Why the forecast policies lose to HPA": RRC / under-provisioned per data set; env AS2_JOINT=1 (combine joint), AS2_NC=1 (nowcast), AS2_ALPHA, AS2_REPLAN, AS2_G (one group); --quick: two origins. Needs the full data sets (docs/data.md).
import { solve, type AutoscalingSolution } from '../src/node.js';
import { nab, azure, bitbrains, alibaba2018, generatedObservations, bitbrainsPairs, genaiService, genaiPairs } from '../test/helpers/autoscaling-data.js';
const REAL = process.env.AS2_REAL === '1';
const bb = bitbrains();
const nulls = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isFinite(x) ? x : null));
const replan = (step: number) => Math.max(1, Math.round(3600 / step));
const quick = process.argv.includes('--quick');
const groups = [
  { name: 'nab', step: 300, horizon: 288, history: 4032, origins: 5, series: () => ['elb_request_count_8c0756', 'ec2_network_in_257a54', 'ec2_network_in_5abac7'].map((f) => ({ name: f, values: nab(f) })) },
  { name: 'taxi', step: 1800, horizon: 48, history: 672, origins: 14, series: () => [{ name: 'nyc_taxi', values: nab('nyc_taxi') }] },
  { name: 'azure', step: 60, horizon: 240, history: 960, origins: 1, series: () => azure() },
  { name: 'bitbrains', step: 300, horizon: 288, history: 4032, origins: 4, series: () => bb.map((v) => ({ name: `vm${v.vm}`, values: nulls(v.net), pairs: (a: number, b: number) => bitbrainsPairs(v, a, b) })) },
  { name: 'ali', step: 300, horizon: 288, history: 1440, origins: 3, series: () => alibaba2018() },
  ...(REAL ? [{ name: 'genai', step: 57, horizon: 240, history: 1201, origins: 1, series: () => [{ name: 'genai', values: genaiService() as (number | null)[], pairs: genaiPairs }] }] : []),
];
const tot = new Map<string, { ph: number; under: number; meas: number }>();
const DIAG = ['hpa', 'forecast-saving', 'forecast-balanced', 'forecast-safe', 'forecast-saving+hpa'];
const jumps = new Map<string, { jump: number; other: number; jumps: number }>();

for (const g of groups.filter((g) => !process.env.AS2_G || g.name === process.env.AS2_G)) {
  const ser = g.series();
  const origins = quick ? Math.min(2, g.origins) : g.origins;
  const acc = new Map<string, { ph: number; under: number; meas: number }>();
  for (let k = 0; k < origins; k++) {
    const services = ser.map((s, i) => {
      const end = s.values.length - k * g.horizon;
      const values = s.values.slice(Math.max(0, end - g.horizon - g.history), end);
      const start = Math.max(0, end - g.horizon - g.history);
      const pairs = (s as { pairs?: (a: number, b: number) => { utilization: number; workloadPerPod: number }[] }).pairs;
      return { name: s.name, workload: values, observations: REAL && pairs ? pairs(start, end - g.horizon) : generatedObservations(s.values, 1000 * i + 7).obs };
    }).filter((s) => s.workload.length > g.horizon + 1 && s.workload.slice(0, s.workload.length - g.horizon).some((x) => x !== null));
    const sol = (await solve({ problem: 'autoscaling', step: g.step, horizon: g.horizon, services, evaluate: true, ...(process.env.AS2_NC ? { nowcast: true } : {}), ...(process.env.AS2_ALPHA ? { alpha: Number(process.env.AS2_ALPHA) } : {}), ...(process.env.AS2_JOINT === '1' ? { combine: 'joint' as const } : {}), ...(process.env.AS2_TOP ? { topUp: true } : {}), ...(process.env.AS2_PHASE ? { calibratePhase: true } : {}), ...(process.env.AS2_CAL ? { calibrate: process.env.AS2_CAL as 'lead' } : {}), replanEvery: process.env.AS2_REPLAN ? Number(process.env.AS2_REPLAN) : replan(g.step) })) as AutoscalingSolution;
    const measured = services.reduce((m, s) => m + s.workload.slice(-g.horizon).filter((x) => x !== null).length, 0);
    // misses split into one-step jumps (steps a one-step-late oracle misses: the pods that ran the previous step at 60 % would run them above 90 %) and the rest
    sol.evaluation!.services.forEach((sv, i) => {
      const pp = sol.services[i]!.perPod;
      const pre = services[i]!.workload[services[i]!.workload.length - g.horizon - 1] ?? null;
      for (const m of [jumps]) {
        for (let t = 0; t < sv.actual.length; t++) {
          const w = sv.actual[t], w0 = t ? sv.actual[t - 1] : pre;
          if (w === null || w0 === null || w0 === undefined) continue;
          // a "jump": the pods that ran the previous step at the target would run this one above 0.9 (a one-step-late oracle misses it)
          const prevPods = Math.max(1, Math.ceil(w0 / (pp.w * 0.6 + pp.b) - 1e-9));
          const jump = (w / prevPods - pp.b) / pp.w > 0.9;
          for (const pol of DIAG) {
            const c = (m.get(g.name + '|' + pol) ?? { jump: 0, other: 0, jumps: 0 });
            if (pol === 'hpa' && jump) c.jumps++;
            const u = (w / sv.pods[pol]![t]! - pp.b) / pp.w;
            if (u > 0.9) { if (jump) c.jump++; else c.other++; }
            m.set(g.name + '|' + pol, c);
          }
        }
      }
    });
    for (const p of sol.evaluation!.policies) for (const m of [acc, tot]) {
      const a = m.get(p.policy) ?? { ph: 0, under: 0, meas: 0 }; a.ph += p.podHours; a.under += p.underProvisionedSteps; a.meas += measured; m.set(p.policy, a);
    }
  }
  show(g.name, acc);
}
show('ALL', tot);
// the pods arrays are rounded to 1e-3 in the solution: the split is indicative (approximate at the 0.9 boundary)
const sum = new Map<string, { jump: number; other: number; jumps: number }>();
for (const [k, v] of jumps) { console.log(`misses ${k}: jumps ${v.jump}, other ${v.other}${k.endsWith('|hpa') ? `; jump steps in the data ${v.jumps}` : ''}`); const p = k.split('|')[1]!; const a = sum.get(p) ?? { jump: 0, other: 0, jumps: 0 }; a.jump += v.jump; a.other += v.other; a.jumps += v.jumps; sum.set(p, a); }
for (const [p, v] of sum) console.log(`misses ALL|${p}: jumps ${v.jump}, other ${v.other}${p === 'hpa' ? `; jump steps in the data ${v.jumps}` : ''}`);
function show(n: string, acc: Map<string, { ph: number; under: number; meas: number }>) {
  const h = acc.get('hpa')!;
  console.log(n + ': ' + [...acc].filter(([p]) => p !== 'autopilot' && p !== 'static').map(([p, a]) => `${p} ${(a.ph / h.ph).toFixed(3)}/${(100 * a.under / a.meas).toFixed(1)}`).join('  '));
}
