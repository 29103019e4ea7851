// Real data for the autoscaling bench and real-data tests, read from ../shared/data (never
// bundled: the Alibaba sets are research-use only). Also the seeded per-pod observations
// generated for series that have none (the bench says so).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rng, normal } from './random.js';
import { suffOf, empiricalPrior, updateNig, predictiveQuantile } from '../../src/problems/autoscaling/posterior.js';

export const shared = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const hasShared = () => existsSync(shared + 'nab/nyc_taxi.csv');
const lines = (f: string) => readFileSync(shared + f, 'utf8').trim().split('\n');

export function nab(file: string): number[] {
  return lines(`nab/${file}.csv`).slice(1).map((r) => Number(r.split(',')[1]));
}

/** Azure Functions 2019: invocations per minute of the 200 most active functions (one day). */
export function azure(): { name: string; values: number[] }[] {
  return lines('azure-functions2019/invocations_per_minute_top200_wide.csv').slice(1).map((r) => {
    const c = r.split(',');
    return { name: c[0]!, values: c.slice(1).map(Number) };
  });
}

/** Bitbrains Rnd 2013-08: per VM, CPU % and network-in KB/s on the 300 s grid (NaN: missing). */
export function bitbrains(): { vm: string; cpu: Float64Array; net: Float64Array }[] {
  const rows = lines('bitbrains2013/bitbrains_rnd_2013-08_top36_vm_5min.csv').slice(1);
  const t0 = 1375308000;
  const T = 8640;
  const by = new Map<string, { vm: string; cpu: Float64Array; net: Float64Array }>();
  for (const r of rows) {
    const c = r.split(',');
    const k = Math.round((Number(c[0]) - t0) / 300);
    if (k < 0 || k >= T) continue;
    let v = by.get(c[1]!);
    if (!v) { v = { vm: c[1]!, cpu: new Float64Array(T).fill(NaN), net: new Float64Array(T).fill(NaN) }; by.set(c[1]!, v); }
    v.cpu[k] = Number(c[2]);
    v.net[k] = Number(c[3]);
  }
  return [...by.values()];
}

/** Alibaba 2018 machine usage: CPU % per machine, means on a 300 s grid (null: no sample). */
export function alibaba2018(): { name: string; values: (number | null)[] }[] {
  const rows = lines('alibaba2018/machine_usage.csv');
  const acc = new Map<string, Map<number, [number, number]>>();
  let tmin = Infinity, tmax = -Infinity;
  for (const r of rows) {
    const c = r.split(',');
    const t = Number(c[1]);
    const v = Number(c[2]);
    if (!Number.isFinite(t) || c[2] === '' || !Number.isFinite(v)) continue;
    tmin = Math.min(tmin, t); tmax = Math.max(tmax, t);
    let m = acc.get(c[0]!);
    if (!m) { m = new Map(); acc.set(c[0]!, m); }
    const k = Math.floor(t / 300);
    const e = m.get(k) ?? [0, 0];
    e[0] += v; e[1]++;
    m.set(k, e);
  }
  const k0 = Math.floor(tmin / 300), k1 = Math.floor(tmax / 300);
  return [...acc].map(([name, m]) => ({ name, values: Array.from({ length: k1 - k0 + 1 }, (_, i) => { const e = m.get(k0 + i); return e ? e[0] / e[1] : null; }) }));
}

/** Alibaba GenAI 2026: per pod, (GPU utilisation fraction, generative QPS; missing QPS = 0) by step. */
export function genaiPods(): { pod: string; util: number[]; qps: number[]; step: number[] }[] {
  const rows = lines('alibaba-genai2026/pod_metrics.csv').slice(1);
  const by = new Map<string, { pod: string; util: number[]; qps: number[]; step: number[] }>();
  for (const r of rows) {
    const c = r.split(',');
    if (c[4] === '') continue;
    let p = by.get(c[2]!);
    if (!p) { p = { pod: c[2]!, util: [], qps: [], step: [] }; by.set(c[2]!, p); }
    p.step.push(Number(c[1]));
    p.util.push(Number(c[4]) / 100);
    p.qps.push(c[3] === '' ? 0 : Number(c[3]));
  }
  return [...by.values()];
}

/** Alibaba DLRM 2025: instances alive per app every 5 minutes (31 days). */
export function dlrm(): { app: string; counts: number[] }[] {
  const rows = lines('alibaba-dlrm2025/instances_per_app_5min_wide.csv');
  const head = rows[0]!.split(',').slice(1);
  const cols = head.map((app) => ({ app, counts: [] as number[] }));
  for (const r of rows.slice(1)) r.split(',').slice(1).forEach((v, j) => cols[j]!.counts.push(Number(v)));
  return cols;
}

/**
 * Seeded per-pod observations for a series without real ones: a per-service line
 * workloadPerPod = w·(u − u0) with idle utilisation u0 ~ U(0.02, 0.1), sized so that the
 * series' mean needs `pods` ~ U(8, 40) pods at the target, plus Gaussian noise (sd 5 % of
 * the capacity at the target); `n` observations at utilisations U(0.15, 0.85).
 */
export function generatedObservations(values: ArrayLike<number | null>, seed: number, target = 0.6, n = 30) {
  const u = rng(seed);
  const z = normal(u);
  let s = 0, k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null && Number.isFinite(values[i])) { s += values[i]!; k++; }
  const mean = k ? s / k : 1;
  const pods = 8 + 32 * u();
  const cap = Math.max(1e-6, mean) / pods;
  const u0 = 0.02 + 0.08 * u();
  const w = cap / (target - u0);
  const b = -w * u0;
  const obs = Array.from({ length: n }, () => {
    const x = 0.15 + 0.7 * u();
    return { utilization: x, workloadPerPod: Math.max(0, w * x + b + 0.05 * cap * z()) };
  });
  return { obs, w, b };
}

/** Held-out coverage of the empirical-Bayes per-pod model: per unit, fit on the first `train` share, predict the rest at each pair's utilisation. */
export function perPodCoverage(units: { x: ArrayLike<number>; y: ArrayLike<number> }[], train = 0.7, level = 0.9) {
  const fits = units.map((d) => {
    const n = Math.floor(d.x.length * train);
    return { x: Array.from(d.x).slice(0, n), y: Array.from(d.y).slice(0, n), tx: Array.from(d.x).slice(n), ty: Array.from(d.y).slice(n) };
  });
  const prior = empiricalPrior(fits.map((f) => suffOf(f.x, f.y)));
  if (!prior) return null;
  let hit = 0, total = 0, width = 0;
  const lo = (1 - level) / 2;
  for (const f of fits) {
    const post = updateNig(prior, suffOf(f.x, f.y), f.x, f.y);
    for (let i = 0; i < f.tx.length; i++) {
      const a = predictiveQuantile(post, f.tx[i]!, lo);
      const b = predictiveQuantile(post, f.tx[i]!, 1 - lo);
      width += b - a;
      if (f.ty[i]! >= a && f.ty[i]! <= b) hit++;
      total++;
    }
  }
  return { coverage: total ? hit / total : NaN, pairs: total, units: units.length, meanWidth: total ? width / total : NaN, prior: prior.kind };
}

/**
 * REAL per-pod pairs of a Bitbrains VM from steps from..to − 1 (its own history: the replay
 * must not fit on held-out steps): (CPU fraction, network-in KB/s). One VM is one "pod" of
 * its own service, so its network-in is the workload that pod carried at that utilisation.
 */
export function bitbrainsPairs(v: { cpu: Float64Array; net: Float64Array }, from: number, to: number): { utilization: number; workloadPerPod: number }[] {
  const out: { utilization: number; workloadPerPod: number }[] = [];
  for (let k = Math.max(0, from); k < Math.min(to, v.cpu.length); k++) {
    const c = v.cpu[k]!, n = v.net[k]!;
    if (Number.isFinite(c) && Number.isFinite(n) && c >= 0 && c <= 1000 && n >= 0) out.push({ utilization: c / 100, workloadPerPod: n });
  }
  return out;
}

/** Alibaba GenAI 2026: the service's generative QPS per 57 s step (gen_qps_total; one service). */
export function genaiService(): number[] {
  return lines('alibaba-genai2026/service_timeseries.csv').slice(1).map((r) => Number(r.split(',')[2]));
}

/** REAL per-pod pairs of the GenAI service from grid steps from..to − 1: (GPU utilisation fraction, generative QPS of that pod; no record = 0). */
export function genaiPairs(from: number, to: number): { utilization: number; workloadPerPod: number }[] {
  const out: { utilization: number; workloadPerPod: number }[] = [];
  for (const p of genaiPods()) for (let j = 0; j < p.step.length; j++) if (p.step[j]! >= from && p.step[j]! < to) out.push({ utilization: p.util[j]!, workloadPerPod: p.qps[j]! });
  return out;
}
