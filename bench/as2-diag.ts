// Diagnosis (docs/autoscaling.md, "Why the forecast policies lose to HPA"): under-provisioned steps split into one-step jumps (> 1.5x the previous step) and persistent ones; AS2_NC=1 turns the nowcast on. Needs ../shared.
import { solve, type AutoscalingSolution } from '../src/node.js';
import { nab, bitbrains, generatedObservations } from '../test/helpers/autoscaling-data.js';
const nulls = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isFinite(x) ? x : null));
const sets = { nab: ['elb_request_count_8c0756', 'ec2_network_in_257a54', 'ec2_network_in_5abac7'].map((f) => ({ name: f, values: nab(f) })), bitbrains: bitbrains().map((v) => ({ name: `vm${v.vm}`, values: nulls(v.net) })) };
for (const [gname, ser] of Object.entries(sets)) {
  const cnt: Record<string, { jump: number; persist: number }> = {};
  for (let k = 0; k < 2; k++) {
    const services = ser.map((s, i) => { const end = s.values.length - k * 288; return { name: s.name, workload: s.values.slice(Math.max(0, end - 288 - 4032), end), observations: generatedObservations(s.values, 1000 * i + 7).obs }; }).filter((s) => s.workload.slice(0, -288).some((x) => x !== null));
    const sol = (await solve({ problem: 'autoscaling', step: 300, horizon: 288, services, evaluate: true, replanEvery: 12, combine: 'joint', nowcast: process.env.AS2_NC === '1' })) as AutoscalingSolution;
    sol.evaluation!.services.forEach((s, i) => {
      const pp = sol.services[i]!.perPod;
      for (const pol of ['hpa', 'forecast-balanced', 'forecast-saving+hpa']) {
        const c = (cnt[pol] ??= { jump: 0, persist: 0 });
        const pods = s.pods[pol]!;
        for (let t = 1; t < s.actual.length; t++) {
          const w = s.actual[t], w0 = s.actual[t - 1];
          if (w === null || w0 === null) continue;
          const u = (w / pods[t]! - pp.b) / pp.w;
          if (u > 0.9) { if (w > 1.5 * w0) c.jump++; else c.persist++; }
        }
      }
    });
  }
  console.log(gname, JSON.stringify(cnt));
}
