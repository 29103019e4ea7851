// Measurement behind docs/autoscaling.md, "Are the jumps periodic?": per data set, the jump
// steps (a one-step-late oracle misses them: the pods that ran the previous step at the
// target would run them above maxUtilization) and how many of them a phase rule
// "a jump happened at this phase (± tol steps) in at least k of the last n periods" would
// have flagged, with the share of steps it flags. Periods: an hour and a day at the native
// step. Capacity: the seeded generated line (as the bench) or, for Bitbrains, the least
// squares fit of the VM's own pairs. Uses only past periods (no look-ahead).
import { nab, azure, bitbrains, alibaba2018, generatedObservations, genaiService } from '../test/helpers/autoscaling-data.js';

type S = { name: string; values: (number | null)[]; cap: number; b: number; w: number };
const nulls = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isFinite(x) ? x : null));
function gen(name: string, values: (number | null)[], seed: number): S {
  const g = generatedObservations(values, seed);
  return { name, values, w: g.w, b: g.b, cap: g.w * 0.6 + g.b };
}
function ols(v: { cpu: Float64Array; net: Float64Array }, name: string): S {
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let k = 0; k < v.cpu.length; k++) { const x = v.cpu[k]! / 100, y = v.net[k]!; if (!Number.isFinite(x) || !Number.isFinite(y)) continue; n++; sx += x; sy += y; sxx += x * x; sxy += x * y; }
  const w = (n * sxy - sx * sy) / (n * sxx - sx * sx), b = (sy - w * sx) / n;
  return { name, values: nulls(v.net), w, b, cap: Math.max(1e-9, w * 0.6 + b) };
}
const groups: { name: string; step: number; held: number; series: S[] }[] = [
  { name: 'nab', held: 1440, step: 300, series: ['elb_request_count_8c0756', 'ec2_network_in_257a54', 'ec2_network_in_5abac7'].map((f, i) => gen(f, nab(f), 1000 * i + 7)) },
  { name: 'taxi', held: 672, step: 1800, series: [gen('nyc_taxi', nab('nyc_taxi'), 7)] },
  { name: 'azure', held: 240, step: 60, series: azure().map((s, i) => gen(s.name, s.values, 1000 * i + 7)) },
  { name: 'bitbrains', held: 1152, step: 300, series: bitbrains().map((v) => ols(v, v.vm)) },
  { name: 'ali', held: 864, step: 300, series: alibaba2018().map((s, i) => gen(s.name, s.values, 1000 * i + 7)) },
  { name: 'genai', held: 240, step: 57, series: [gen('genai', genaiService(), 7)] },
];
function jumps(s: S): Uint8Array {
  const J = new Uint8Array(s.values.length);
  for (let t = 1; t < s.values.length; t++) {
    const w = s.values[t], w0 = s.values[t - 1];
    if (w === null || w0 === null) continue;
    const prev = Math.max(1, Math.ceil(w0 / s.cap - 1e-9));
    if ((w / prev - s.b) / s.w > 0.9) J[t] = 1;
  }
  return J;
}
/** Workload bursts (no capacity needed): actual(u) > ratio · max(actual(u − 1), floor), ratio = maxUtilization / target = 1.5. */
function bursts(s: S): Uint8Array {
  let m = 0, c = 0; for (const x of s.values) if (x !== null) { m += x; c++; }
  const floor = 0.05 * (c ? m / c : 0);
  const B = new Uint8Array(s.values.length);
  for (let t = 1; t < s.values.length; t++) { const w = s.values[t], w0 = s.values[t - 1]; if (w !== null && w0 !== null && w > 1.5 * Math.max(w0, floor)) B[t] = 1; }
  return B;
}
const only = process.env.G;
for (const g of groups.filter((g) => !only || g.name === only)) {
  const Js = g.series.map(jumps);
  const Bs = g.series.map(bursts);
  const end = (s: S) => s.values.length - g.held; // history only: the bench's held-out days are not used
  const total = Js.reduce((m, J, i) => m + J.subarray(0, end(g.series[i]!)).reduce((a, b) => a + b, 0), 0);
  console.log(`\n== ${g.name}: ${g.series.length} series, history only (last ${g.held} steps excluded), ${total} jumps`);
  const periods = [['hour', 3600], ['day', 86400]] as const;
  const Ps = periods.map(([, sec]) => Math.round(sec / g.step)).filter((P, k) => P >= 3 && Math.abs(P * g.step - periods[k]![1]) <= g.step / 2);
  for (const which of [[Ps[0]], [Ps[1]], Ps]) {
    const PP = which.filter((x): x is number => x !== undefined);
    if (!PP.length || PP.length !== which.length) continue;
    for (const n of [3, 5, 7]) for (const k of [1, 2, 3]) for (const src of ['jump', 'burst']) {
      if (k > n) continue;
      let hit = 0, flagged = 0, J0 = 0, evalSteps = 0;
      g.series.forEach((s, i) => {
        const J = Js[i]!, F = src === 'jump' ? J : Bs[i]!;
        const from = Math.max(...PP) * n + 1;
        for (let t = from; t < end(s); t++) {
          if (s.values[t] === null) continue;
          let fl = false;
          for (const P of PP) { let c = 0; for (let j = 1; j <= n; j++) if (F[t - j * P]) c++; if (c >= k) fl = true; }
          evalSteps++;
          if (J[t]) J0++;
          if (fl) { flagged++; if (J[t]) hit++; }
        }
      });
      if (!J0) continue;
      console.log(`P=${PP.join('+').padEnd(8)} n=${n} k=${k} ${src.padEnd(5)}: recall ${(100 * hit / J0).toFixed(1).padStart(5)} % of ${J0} jumps, flags ${(100 * flagged / evalSteps).toFixed(2).padStart(5)} % of steps, precision ${(100 * hit / Math.max(1, flagged)).toFixed(1).padStart(5)} % (base ${(100 * J0 / evalSteps).toFixed(2)} %)`);
    }
  }
}
