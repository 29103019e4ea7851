// The replay's no-look-ahead check shared by the autoscaling tests: after the held-out
// workload was perturbed from some step on, the forecast policies' pods of steps <= t
// must be those of the unperturbed run (docs/autoscaling.md, "Replay").
import { expect } from 'vitest';
import type { AutoscalingSolution } from '../../src/problems/autoscaling/schema.js';

export const FORECAST_POLICIES = ['forecast-saving', 'forecast-balanced', 'forecast-safe'] as const;

/**
 * Asserts that every service's forecast-policy pods of steps 0..t are equal in `sol` and
 * `base`; returns whether any later step differs (so that a test can also check the
 * perturbation was seen at all).
 */
export function forecastPodsFixedUpTo(base: AutoscalingSolution, sol: AutoscalingSolution, t: number, label = ''): boolean {
  let changedLater = false;
  sol.evaluation!.services.forEach((s, i) => {
    const b = base.evaluation!.services[i]!;
    for (const p of FORECAST_POLICIES) {
      expect(s.pods[p]!.slice(0, t + 1), `${label} ${p} t=${t}`).toEqual(b.pods[p]!.slice(0, t + 1));
      if (s.pods[p]!.slice(t + 1).join() !== b.pods[p]!.slice(t + 1).join()) changedLater = true;
    }
  });
  return changedLater;
}
