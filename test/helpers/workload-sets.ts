// The real workload series beside the project (../shared/data, docs/data.md) used by the
// forecast realdata tests and bench (never bundled; data/nab/SOURCE.md: the bundled excerpt). Each set is turned into
// regular series with nulls for gaps (src/data/series-csv.ts).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSeriesCsv, resample } from '../../src/data/series-csv.js';

export const sharedData = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const hasWorkloadData = () => existsSync(sharedData + 'nab/nyc_taxi.csv');

export interface WorkloadSeries { set: string; name: string; step: number; values: (number | null)[] }

/** NAB workload series (all but the machine-temperature one), at their own steps. */
export function readNab(dir = sharedData + 'nab/'): WorkloadSeries[] {
  return readdirSync(dir).filter((f) => f.endsWith('.csv') && !f.startsWith('machine_temperature')).sort().map((f) => {
    const [s] = parseSeriesCsv(readFileSync(dir + f, 'utf8'), { name: f.replace(/\.csv$/, '') });
    return { set: 'nab', name: s!.name, step: s!.step, values: s!.values };
  });
}

/** Group rows of a long CSV by an id column: (time, value) per id, resampled to `step`. */
function longToSeries(set: string, text: string, idCol: number, tCol: number, vCol: number, step: number, skipHeader: boolean, minLen = 0): WorkloadSeries[] {
  const by = new Map<string, { t: number[]; v: (number | null)[] }>();
  const lines = text.split('\n');
  for (let i = skipHeader ? 1 : 0; i < lines.length; i++) {
    const c = lines[i]!.split(',');
    if (c.length <= Math.max(idCol, tCol, vCol)) continue;
    const t = Number(c[tCol]);
    const v = c[vCol]!.trim() === '' ? null : Number(c[vCol]);
    if (!Number.isFinite(t)) continue;
    let e = by.get(c[idCol]!);
    if (!e) by.set(c[idCol]!, (e = { t: [], v: [] }));
    e.t.push(t);
    e.v.push(v !== null && Number.isFinite(v) && v >= 0 ? v : null);
  }
  const out: WorkloadSeries[] = [];
  for (const [id, e] of [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const order = e.t.map((_, i) => i).sort((a, b) => e.t[a]! - e.t[b]!);
    const ts = order.map((i) => e.t[i]!);
    const start = Math.floor(ts[0]! / step) * step;
    const values = resample(ts, order.map((i) => e.v[i]!), step, start, ts[ts.length - 1]!);
    if (values.length >= minLen) out.push({ set, name: `${set}/${id}`, step, values });
  }
  return out;
}

/** Alibaba 2018 machine_usage: CPU utilisation per machine, resampled to 5 minutes. */
export const readAlibaba2018 = (dir = sharedData + 'alibaba2018/') =>
  longToSeries('alibaba2018', readFileSync(dir + 'machine_usage.csv', 'utf8'), 0, 1, 2, 300, false, 3 * 288);

/** Bitbrains GWA-T-12 Rnd: network received (KB/s) per VM, 5 minutes. */
export const readBitbrains = (dir = sharedData + 'bitbrains2013/') =>
  longToSeries('bitbrains2013', readFileSync(dir + 'bitbrains_rnd_2013-08_top36_vm_5min.csv', 'utf8'), 1, 0, 3, 300, true);

/** Azure Functions 2019: invocations per minute of the 200 most active functions (one day). */
export function readAzureFunctions(dir = sharedData + 'azure-functions2019/'): WorkloadSeries[] {
  const lines = readFileSync(dir + 'invocations_per_minute_top200_wide.csv', 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const c = l.split(',');
    return { set: 'azure-functions2019', name: `azure/${c[0]}`, step: 60, values: c.slice(1).map((x) => (x.trim() === '' ? null : Number(x))) };
  });
}

/** Alibaba GenAI 2026: the service's total generation requests per second, resampled to 1 minute. */
export function readGenai(dir = sharedData + 'alibaba-genai2026/'): WorkloadSeries[] {
  return longToSeries('alibaba-genai2026', readFileSync(dir + 'service_timeseries.csv', 'utf8').split('\n').map((l, i) => (i === 0 ? l : `svc,${l}`)).join('\n'), 0, 1, 3, 60, true);
}

/** Every workload set present (a set whose files are missing is left out). */
export function readWorkloadSets(): WorkloadSeries[] {
  const out: WorkloadSeries[] = [];
  const tryRead = (f: () => WorkloadSeries[]) => { try { out.push(...f()); } catch { /* set absent */ } };
  tryRead(readNab);
  tryRead(readAlibaba2018);
  tryRead(readBitbrains);
  tryRead(readAzureFunctions);
  tryRead(readGenai);
  return out;
}
