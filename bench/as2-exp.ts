// Experiments behind docs/autoscaling.md, "Why the forecast policies lose to HPA": RRC / under-provisioned per data set; env AS2_JOINT=1 (combine joint), AS2_NC=1 (nowcast), AS2_ALPHA, AS2_REPLAN, AS2_G (one group); --quick: two origins. Needs ../shared.
import { solve, type AutoscalingSolution } from '../src/node.js';
import { nab, azure, bitbrains, alibaba2018, generatedObservations } from '../test/helpers/autoscaling-data.js';
const nulls = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isFinite(x) ? x : null));
const replan = (step: number) => Math.max(1, Math.round(3600 / step));
const quick = process.argv.includes('--quick');
const groups = [
  { name: 'nab', step: 300, horizon: 288, history: 4032, origins: 5, series: () => ['elb_request_count_8c0756', 'ec2_network_in_257a54', 'ec2_network_in_5abac7'].map((f) => ({ name: f, values: nab(f) })) },
  { name: 'taxi', step: 1800, horizon: 48, history: 672, origins: 14, series: () => [{ name: 'nyc_taxi', values: nab('nyc_taxi') }] },
  { name: 'azure', step: 60, horizon: 240, history: 960, origins: 1, series: () => azure() },
  { name: 'bitbrains', step: 300, horizon: 288, history: 4032, origins: 4, series: () => bitbrains().map((v) => ({ name: `vm${v.vm}`, values: nulls(v.net) })) },
  { name: 'ali', step: 300, horizon: 288, history: 1440, origins: 3, series: () => alibaba2018() },
];
const tot = new Map<string, { ph: number; under: number; meas: number }>();
for (const g of groups.filter((g) => !process.env.AS2_G || g.name === process.env.AS2_G)) {
  const ser = g.series();
  const origins = quick ? Math.min(2, g.origins) : g.origins;
  const acc = new Map<string, { ph: number; under: number; meas: number }>();
  for (let k = 0; k < origins; k++) {
    const services = ser.map((s, i) => {
      const end = s.values.length - k * g.horizon;
      const values = s.values.slice(Math.max(0, end - g.horizon - g.history), end);
      return { name: s.name, workload: values, observations: generatedObservations(s.values, 1000 * i + 7).obs };
    }).filter((s) => s.workload.length > g.horizon + 1 && s.workload.slice(0, s.workload.length - g.horizon).some((x) => x !== null));
    const sol = (await solve({ problem: 'autoscaling', step: g.step, horizon: g.horizon, services, evaluate: true, ...(process.env.AS2_NC ? { nowcast: true } : {}), ...(process.env.AS2_ALPHA ? { alpha: Number(process.env.AS2_ALPHA) } : {}), ...(process.env.AS2_JOINT === '1' ? { combine: 'joint' as const } : {}), replanEvery: process.env.AS2_REPLAN ? Number(process.env.AS2_REPLAN) : replan(g.step) })) as AutoscalingSolution;
    const measured = services.reduce((m, s) => m + s.workload.slice(-g.horizon).filter((x) => x !== null).length, 0);
    for (const p of sol.evaluation!.policies) for (const m of [acc, tot]) {
      const a = m.get(p.policy) ?? { ph: 0, under: 0, meas: 0 }; a.ph += p.podHours; a.under += p.underProvisionedSteps; a.meas += measured; m.set(p.policy, a);
    }
  }
  show(g.name, acc);
}
show('ALL', tot);
function show(n: string, acc: Map<string, { ph: number; under: number; meas: number }>) {
  const h = acc.get('hpa')!;
  console.log(n + ': ' + [...acc].filter(([p]) => p !== 'autopilot' && p !== 'static' && p !== 'forecast-safe').map(([p, a]) => `${p} ${(a.ph / h.ph).toFixed(3)}/${(100 * a.under / a.meas).toFixed(1)}`).join('  '));
}
