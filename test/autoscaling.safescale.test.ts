// The replay's `safeScale` option (docs/autoscaling.md, "An optimistic bound"): forecast-safe's
// count of each step becomes ceil(multiplier × count + floor × u), within minPods..maxPods,
// u = the service's mean workload over its history ÷ the capacity of one pod at the target.
// Checked against that definition computed here from the unscaled run, the other policies
// unchanged, the identity (1, 0) byte-identical to no option, no look-ahead (perturbing the
// held-out workload from step t − 1 on never changes a forecast policy's pods of steps <= t),
// and bad input with its JSON path.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { solve, trySolve } from '../src/node.js';
import type { AutoscalingSolution } from '../src/problems/autoscaling/schema.js';
import { forecastPodsFixedUpTo } from './helpers/lookahead.js';

const example = JSON.parse(readFileSync(new URL('../examples/autoscaling.json', import.meta.url), 'utf8'));
const H = example.horizon as number;
const target = example.targetUtilization as number;

describe('safeScale: forecast-safe rescaled per data set', () => {
  for (const setting of [{}, { replanEvery: 1, nowcast: true, combine: 'joint', calibrate: 'lead' }, { replanEvery: 4, nowcast: true, combine: 'joint', calibrate: 'lead', topUp: true }]) {
    it(`equals ceil(m · count + a · mean pods) of the unscaled run, other policies unchanged (${JSON.stringify(setting)})`, async () => {
      const inst = { ...structuredClone(example), ...setting };
      const plain = (await solve(inst)) as AutoscalingSolution;
      const [m, a] = [0.7, 0.4];
      const scaled = (await solve({ ...inst, safeScale: { multiplier: m, floor: a } })) as AutoscalingSolution;
      let changed = 0;
      scaled.evaluation!.services.forEach((s, i) => {
        const svc = inst.services[i]!;
        const hist = (svc.workload as (number | null)[]).slice(0, svc.workload.length - H).filter((x): x is number => x !== null);
        const pp = plain.services[i]!.perPod;
        const u = hist.reduce((x, y) => x + y, 0) / hist.length / (pp.w * target + pp.b);
        const min = svc.minPods ?? 1, max = svc.maxPods ?? 1_000_000;
        const base = plain.evaluation!.services[i]!.pods['forecast-safe']!;
        if (!('topUp' in setting)) {
          // without top-up the replay's pods are the planned counts: exactly the definition
          const want = base.map((x) => Math.min(max, Math.max(min, Math.ceil(m * x + a * u - 1e-9 * Math.max(1, m * x + a * u)))));
          expect(s.pods['forecast-safe']).toEqual(want);
        }
        if (s.pods['forecast-safe']!.join() !== base.join()) changed++;
        for (const p of ['hpa', 'autopilot', 'static', 'forecast-saving', 'forecast-balanced', 'forecast-saving+hpa', 'forecast-balanced+guard', 'oracle']) {
          expect(s.pods[p], p).toEqual(plain.evaluation!.services[i]!.pods[p]);
        }
      });
      expect(changed).toBeGreaterThan(0);
      const pol = (sol: AutoscalingSolution, p: string) => sol.evaluation!.policies.find((x) => x.policy === p)!;
      expect(pol(scaled, 'hpa')).toEqual(pol(plain, 'hpa'));
      expect(pol(scaled, 'forecast-safe').podHours).not.toBe(pol(plain, 'forecast-safe').podHours);
    });
  }

  it('multiplier 1 and floor 0 leave the solution byte-identical to no option', async () => {
    const inst = { ...structuredClone(example), replanEvery: 1, nowcast: true, combine: 'joint', calibrate: 'lead' };
    const plain = await solve(inst);
    const ident = await solve({ ...inst, safeScale: { multiplier: 1, floor: 0 } });
    expect(JSON.stringify(ident)).toBe(JSON.stringify(plain));
  });

  for (const [replanEvery, topUp] of [[1, false], [4, true]] as const) {
    it(`no look-ahead (replanEvery ${replanEvery}${topUp ? ', topUp' : ''}): perturbing the held-out workload from step t − ${topUp ? 0 : 1} on leaves the forecast policies' pods of steps <= t unchanged`, async () => {
      const inst = { ...structuredClone(example), replanEvery, nowcast: true, combine: 'joint', calibrate: 'lead', topUp, safeScale: { multiplier: 0.8, floor: 0.5 } };
      const base = (await solve(inst)) as AutoscalingSolution;
      const from = topUp ? 0 : 1;
      for (const t of [3, 11, 20]) {
        const pert = structuredClone(inst);
        for (const s of pert.services) for (let j = s.workload.length - H + t - from; j < s.workload.length; j++) s.workload[j] = s.workload[j] === null ? null : s.workload[j] * 3 + 50;
        const sol = (await solve(pert)) as AutoscalingSolution;
        expect(forecastPodsFixedUpTo(base, sol, t)).toBe(true);
      }
    });
  }

  it.each([
    ['a negative multiplier', { multiplier: -1, floor: 0 }, 'safeScale.multiplier'],
    ['a floor above 100', { multiplier: 1, floor: 101 }, 'safeScale.floor'],
  ])('refuses %s with its JSON path', async (_n, safeScale, path) => {
    const r = await trySolve({ ...structuredClone(example), safeScale });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.code).toBe('invalid-input'); expect(r.error.path).toBe(path); }
  });
});
