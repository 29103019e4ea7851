// What the smoothing view shows, computed from an instance and its solution: pure, so it
// runs on the main thread for small instances and in the data worker for large ones.
import { energySummary, type EnergySummary } from './types.js';
export interface SmoothingSummary {
  status: 'optimal' | 'infeasible';
  reason?: string;
  minimumResource?: number;
  alpha?: number;
  budget?: number;
  names: string[];
  /** peak provisioning − plan total, per service */
  savings: number[];
  /** ceil(max demand) × steps, per service */
  peaks: number[];
  peakTotal: number;
  resource: number;
  variation: number;
  objective: number;
  changes: number;
  /** demand points in all */
  points: number;
  /** changes when the series (not alpha/budget) change: the trade-off sweep is redone */
  key: string;
  /** the solution's energy block, summarised (docs/energy.md) */
  energy?: EnergySummary;
  /** the charts' axes, in the units the instance gives */
  axes: SmoothingAxes;
}

/**
 * The charts' axis labels in the units the instance states, and nothing more: its `energy`
 * block may say how long a step lasts (`step`, seconds) and what one unit of demand is
 * (`unit`: cores, pods of `podCores` cores, servers of `serverCores` cores). Where it says
 * neither, the labels stay neutral (steps, the demand's own unit): the energy model's
 * defaults (300 s, cores) are what its figures assume, not what the data says. Short
 * enough for a 390 px window (a unit is the demand's own where none is named).
 */
export interface SmoothingAxes {
  /** plan chart, x: step t is drawn at t × timeScale */
  time: string;
  timeScale: number;
  /** plan chart, y: demand and plan */
  level: string;
  /** trade-off chart, x: the plan's weighted variation */
  variation: string;
  /** trade-off chart, y: the plan's total (Σ plan) × totalScale */
  total: string;
  totalScale: number;
}

/** A step span up to this long is drawn in minutes, a longer one in hours. */
const MINUTES_UP_TO_S = 3 * 3600;

export function smoothingAxes(inst: any, steps: number): SmoothingAxes {
  const e = inst?.energy !== null && typeof inst?.energy === 'object' ? inst.energy : {};
  const step = typeof e.step === 'number' && e.step > 0 ? e.step as number : undefined;
  const unit = e.unit === 'cores' || e.unit === 'pods' || e.unit === 'servers' ? e.unit as 'cores' | 'pods' | 'servers' : undefined;
  const cores = unit === 'pods' ? e.podCores : unit === 'servers' ? e.serverCores : undefined;
  const units = unit ? (typeof cores === 'number' ? `${unit} (${cores} ${cores === 1 ? 'core' : 'cores'} each)` : unit) : undefined;
  const one = unit ? unit.slice(0, -1) : undefined; // core, pod, server
  const minutes = step !== undefined && steps * step <= MINUTES_UP_TO_S;
  const time = step === undefined ? 'time steps (0 = first)' : `${minutes ? 'minutes' : 'hours'} (0 = plan start)`;
  const timeScale = step === undefined ? 1 : step / (minutes ? 60 : 3600);
  return {
    time,
    timeScale,
    level: units ?? 'resource units (as given)',
    variation: `${unit ?? 'units'} changed (weighted Σ |Δ|)`,
    total: step !== undefined
      ? `reserved ${one ?? 'unit'}-hours`
      : `reserved ${one ?? 'unit'}-steps`,
    totalScale: step !== undefined ? step / 3600 : 1,
  };
}

const peakOf = (d: ArrayLike<number>) => { let m = 0; for (let i = 0; i < d.length; i++) if (d[i]! > m) m = d[i]!; return Math.ceil(m) * d.length; };
const sum = (d: ArrayLike<number>) => { let s = 0; for (let i = 0; i < d.length; i++) s += d[i]!; return s; };
export const changesOf = (p: ArrayLike<number>) => { let c = 0; for (let i = 1; i < p.length; i++) if (p[i] !== p[i - 1]) c++; return c; };

export function smoothingSummary(inst: any, sol: any): SmoothingSummary {
  const sc = inst.scenarios as { name?: string; demand: number[]; weight?: number; maxStep?: number }[];
  const peaks = sc.map((s) => peakOf(s.demand));
  let points = 0;
  let keyAcc = 0;
  let longest = 0;
  sc.forEach((s, i) => { points += s.demand.length; longest = Math.max(longest, s.demand.length); keyAcc += sum(s.demand) * (i + 1) + (s.maxStep ?? -1) * 7 + (s.weight ?? 1) * 13; });
  const base = {
    alpha: typeof inst.alpha === 'number' ? inst.alpha : undefined,
    budget: typeof inst.budget === 'number' ? inst.budget : undefined,
    peaks, peakTotal: peaks.reduce((a, b) => a + b, 0), points, key: `${sc.length}:${points}:${keyAcc}`,
    axes: smoothingAxes(inst, longest),
  };
  if (sol.status !== 'optimal') {
    return { ...base, status: 'infeasible', reason: sol.reason, minimumResource: sol.minimumResource, names: sc.map((s, i) => s.name ?? String(i)), savings: [], resource: NaN, variation: NaN, objective: NaN, changes: NaN };
  }
  let changes = 0;
  const savings = sol.scenarios.map((s: { plan: number[] }, i: number) => { changes += changesOf(s.plan); return peaks[i]! - sum(s.plan); });
  return {
    ...base, status: 'optimal', names: sol.scenarios.map((s: { name: string }) => s.name), savings,
    resource: sol.resource, variation: sol.variation, objective: sol.objective, changes, energy: energySummary(sol.energy),
  };
}

export function smoothingSeries(inst: any, sol: any, i: number): { demand: number[]; plan: number[] } {
  return { demand: Array.from(inst.scenarios[i].demand as number[]), plan: sol.status === 'optimal' ? Array.from(sol.scenarios[i].plan as number[]) : [] };
}
