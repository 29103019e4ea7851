// Energy and CO2 of a smoothing plan (docs/energy.md, "Smoothing"). The plan is capacity
// per step in `unit`s (cores, pods or servers); per step the units of every scenario are
// packed cluster-wide onto ceil(Σ plan × cores per unit / serverCores) servers at
// utilisation Σ demand × cores per unit / their cores: the work's dynamic power is the same
// for every plan, a plan saves by the servers it does not need. Baseline `peak`: each
// scenario held at its peak demand (rounded up) at every step. O(Σ steps): two reads of
// every value (measured: 3–4 ms CPU for 10^6 steps or 1,000 × 1,440, next to smooth()'s
// 12 ms, on the shared 2-core machine; npm run bench -- energy).
import type { EnergyHook } from '../types.js';
import { coreParams, validatePower, serversFor, figure, baseline, DEFAULT_STEP_SECONDS } from '../../energy/model.js';
import { readInput } from '../../core/validate.js';
import type { SmoothingEnergy as Block } from '../../energy/types.js';
import type { SmoothingInstance, SmoothingSolution, SmoothingInfeasible } from './schema.js';

type Plan = ArrayLike<number>;

// The loops over every step, each in a function of its own: in a new process (`greenplan
// solve` of one long series) V8 optimises each loop while it runs (on-stack replacement);
// inside one larger function the code optimised for the first loop met the next one
// without type feedback and was thrown away (a deoptimisation, then a second compile):
// 12 ms of CPU for 10^6 steps in a new process, 6 with one function per loop (2.3-3
// warm; docs/smoothing.md, "Speed of a new process").
// Same operations in the same order: the same figures to the bit.

/** Σ d; its largest value (at least 0) in peak[0]. */
function sumAndPeak(d: Plan, peak: Float64Array): number {
  let top = 0;
  let sum = 0;
  for (let t = 0, m = d.length; t < m; t++) {
    const x = d[t]!;
    sum += x;
    if (x > top) top = x;
  }
  peak[0] = top;
  return sum;
}

/** Σ over t < T with h[t] > 0 of the servers for h[t] units. */
function serverSteps(h: Plan, T: number, perUnit: number, sc: number): number {
  let steps = 0;
  for (let t = 0; t < T; t++) {
    const c = h[t]!;
    if (c > 0) steps += serversFor(c * perUnit, sc);
  }
  return steps;
}

/** block[t - t0] += h[t] for t0 <= t < m. */
function addInto(block: Float64Array, h: Plan, t0: number, m: number): void {
  for (let t = t0; t < m; t++) block[t - t0] += h[t]!;
}

/** The energy block of plans `plans[i]` for demands `demand[i]` (scenarios may differ in length). */
export function smoothingEnergy(instance: Pick<SmoothingInstance, 'energy'>, demand: readonly Plan[], plans: readonly Plan[]): Block {
  const e = instance.energy;
  const p = coreParams(e);
  const unit = e?.unit ?? 'cores';
  const step = e?.step ?? DEFAULT_STEP_SECONDS;
  const perUnit = unit === 'cores' ? 1 : unit === 'pods' ? p.podCores : p.serverCores;
  const n = demand.length;
  const sc = p.serverCores;
  // One pass over each demand series: its peak (rounded up: the baseline holds it) and its
  // total. The plan covers the demand (h >= d) and the servers cover the plan, so the
  // utilisation busy / (servers × serverCores) never exceeds 1 and the dynamic power,
  // (peak − idle) × Σ_t busy_t / serverCores, is the same for the plan and the baseline:
  // they differ by their servers' idle power only.
  let T = 0;
  let busy = 0;
  const peaks = new Float64Array(n);
  const scratch = new Float64Array(1);
  for (let i = 0; i < n; i++) {
    const d = demand[i]!;
    T = Math.max(T, d.length);
    busy += sumAndPeak(d, scratch);
    peaks[i] = Math.ceil(scratch[0]!);
  }
  // the plan's servers per step: ceil(Σ_i h[i][t] × cores per unit / serverCores); one
  // scenario read in place, several summed block by block (2^16 steps: memory stays small
  // whatever the lengths) over the scenarios still running (by decreasing length)
  const lengths = Array.from({ length: n }, (_, i) => i).sort((x, y) => demand[y]!.length - demand[x]!.length);
  let planSteps = 0;
  if (n === 1) {
    planSteps = serverSteps(plans[0]!, T, perUnit, sc);
  } else if (n > 1) {
    const B = Math.min(T, 1 << 16);
    const block = new Float64Array(B);
    let running = n;
    for (let t0 = 0; t0 < T; t0 += B) {
      const t1 = Math.min(T, t0 + B);
      block.fill(0);
      while (running > 0 && demand[lengths[running - 1]!]!.length <= t0) running--;
      for (let k = 0; k < running; k++) {
        const h = plans[lengths[k]!]!;
        addInto(block, h, t0, Math.min(t1, h.length));
      }
      planSteps += serverSteps(block, t1 - t0, perUnit, sc);
    }
  }
  // the peak baseline's: constant while the same scenarios run
  let units = 0;
  for (const i of lengths) units += peaks[i]!;
  let baseSteps = 0;
  let from = 0;
  for (let k = n - 1; k >= 0; k--) {
    const i = lengths[k]!;
    const to = demand[i]!.length;
    if (to > from && units > 0) baseSteps += (to - from) * serversFor(units * perUnit, sc);
    from = Math.max(from, to);
    units -= peaks[i]!;
  }
  const hours = step / 3600;
  const dynamic = (p.peakWatts - p.idleWatts) * ((busy * perUnit) / sc);
  const kWhOf = (serverSteps: number) => ((serverSteps * p.idleWatts + dynamic) * p.pue * hours) / 1000;
  const plan = { serverSteps: planSteps, kWh: kWhOf(planSteps) };
  const base = { serverSteps: baseSteps, kWh: kWhOf(baseSteps) };
  return {
    unit, step, steps: T, hours: T * hours, serverHours: plan.serverSteps * hours, ...figure(plan.kWh, p),
    baselines: [{ ...baseline('peak', 'every scenario held at its peak demand (rounded up) at every step', base.kWh, plan.kWh, p), serverHours: base.serverSteps * hours }],
    params: p,
  };
}

export const smoothingEnergyHook: EnergyHook<SmoothingInstance, SmoothingSolution | SmoothingInfeasible> = {
  validate: (instance) => readInput(() => validatePower((instance as { energy?: unknown } | null)?.energy)),
  apply(instance, solution) {
    if (solution.status !== 'optimal') return solution;
    const energy = smoothingEnergy(instance, instance.scenarios.map((s) => s.demand), solution.scenarios.map((s) => s.plan));
    return { ...solution, energy };
  },
};
