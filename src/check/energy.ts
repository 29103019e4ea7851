// Independent recomputation of the `energy` blocks (docs/energy.md) for the checkers. It
// shares no code with src/energy/ or the problems' energy.ts: it has its own copy of the
// defaults (test/energy.test.ts asserts they equal the model's and docs/energy.md's) and
// computes each figure its own way (step by step over the scenarios, machine by machine
// from the placement). Each function returns the first mismatch, or undefined when the
// solution's block agrees (or has none: the block is a report, not part of the plan).

export const CHECK_ENERGY_DEFAULTS = { podCores: 2, serverCores: 96, idleWatts: 180, peakWatts: 450, pue: 1.3, kgCO2PerKWh: 0.6157, hours: 24, step: 300 };
const TOL = 1e-9;
/**
 * Within TOL of the larger of the two and `scale` (the block's largest figure: savings are
 * differences of figures, their rounding is relative to those). Purely relative: a block of
 * tiny figures (a deployment over 1e-10 h) is checked as strictly as one of large figures.
 */
const near = (a: unknown, b: number, scale: number) => typeof a === 'number' && Math.abs(a - b) <= TOL * Math.max(Math.abs(a), Math.abs(b), scale) + Number.MIN_VALUE;

interface Power { idleWatts: number; peakWatts: number; pue: number; kgCO2PerKWh: number }
const power = (e: any): Power => ({
  idleWatts: e?.idleWatts ?? CHECK_ENERGY_DEFAULTS.idleWatts,
  peakWatts: e?.peakWatts ?? CHECK_ENERGY_DEFAULTS.peakWatts,
  pue: e?.pue ?? CHECK_ENERGY_DEFAULTS.pue,
  kgCO2PerKWh: e?.kgCO2PerKWh ?? CHECK_ENERGY_DEFAULTS.kgCO2PerKWh,
});
/** Watts of one machine at utilisation u, at the meter (× PUE). */
const watts = (u: number, p: Power) => (p.idleWatts + (p.peakWatts - p.idleWatts) * u) * p.pue;

/** The largest kWh or kg CO2 of a recomputed block (the scale of its rounding). */
function scaleOf(want: any): number {
  let m = Math.max(Math.abs(want.kWh), Math.abs(want.kgCO2));
  for (const b of want.baselines ?? []) m = Math.max(m, Math.abs(b.kWh), Math.abs(b.kgCO2));
  return m;
}

/** Compare every field of `want` with the solution's block (numbers with a relative tolerance, see near()). */
function compare(got: any, want: Record<string, unknown>, path: string, scale = scaleOf(want)): string | undefined {
  for (const [k, w] of Object.entries(want)) {
    const g = got?.[k];
    const at = `${path}.${k}`;
    if (typeof w === 'number') {
      if (!near(g, w, scale)) return `${at} is ${g}, recomputed ${w}`;
    } else if (Array.isArray(w)) {
      if (!Array.isArray(g) || g.length !== w.length) return `${at} has ${Array.isArray(g) ? g.length : 'no'} entries, expected ${w.length}`;
      for (let i = 0; i < w.length; i++) {
        const r = compare(g[i], w[i] as Record<string, unknown>, `${at}[${i}]`, scale);
        if (r) return r;
      }
    } else if (w !== null && typeof w === 'object') {
      const r = compare(g, w as Record<string, unknown>, at, scale);
      if (r) return r;
    } else if (g !== w) return `${at} is ${JSON.stringify(g)}, expected ${JSON.stringify(w)}`;
  }
  return undefined;
}

const withCO2 = (kWh: number, p: Power) => ({ kWh, kgCO2: kWh * p.kgCO2PerKWh });
const against = (name: string, base: number, plan: number, p: Power) =>
  ({ name, kWh: base, kgCO2: base * p.kgCO2PerKWh, savedKWh: base - plan, savedKgCO2: (base - plan) * p.kgCO2PerKWh });

/** Smoothing: per step, the plans' units packed onto servers, at the servers' utilisation by the demand; baseline: every scenario at its peak. */
export function checkSmoothingEnergy(instance: any, solution: any): string | undefined {
  const got = solution?.energy;
  if (got === undefined) return undefined;
  const e = instance?.energy;
  const p = power(e);
  const podCores = e?.podCores ?? CHECK_ENERGY_DEFAULTS.podCores;
  const serverCores = e?.serverCores ?? CHECK_ENERGY_DEFAULTS.serverCores;
  const unit = e?.unit ?? 'cores';
  const step = e?.step ?? CHECK_ENERGY_DEFAULTS.step;
  const perUnit = unit === 'servers' ? serverCores : unit === 'pods' ? podCores : 1;
  const scen: any[] = instance.scenarios ?? [];
  const plans: ArrayLike<number>[] = (solution.scenarios ?? []).map((s: any) => s.plan);
  const peaks = scen.map((s) => { let m = 0; for (const x of s.demand) m = Math.max(m, x); return Math.ceil(m); });
  // step by step over the scenarios still running (sorted by decreasing length: a prefix)
  const order = scen.map((_, i) => i).sort((x, y) => scen[y].demand.length - scen[x].demand.length);
  const T = order.length ? scen[order[0]!].demand.length : 0;
  const h = step / 3600;
  let kWh = 0;
  let baseKWh = 0;
  let servers = 0;
  let baseServers = 0;
  let running = order.length;
  for (let t = 0; t < T; t++) {
    while (running > 0 && scen[order[running - 1]!].demand.length <= t) running--;
    let units = 0;
    let peak = 0;
    let busy = 0;
    for (let k = 0; k < running; k++) {
      const i = order[k]!;
      units += plans[i]![t]!;
      peak += peaks[i]!;
      busy += scen[i].demand[t];
    }
    // servers for a positive load: at least one (tiny pods on a large server still switch it on)
    const n = units > 0 ? Math.max(1, Math.ceil((units * perUnit) / serverCores - TOL)) : 0;
    const nb = peak > 0 ? Math.max(1, Math.ceil((peak * perUnit) / serverCores - TOL)) : 0;
    if (units > 0) kWh += (n * watts(Math.min(1, (busy * perUnit) / (n * serverCores)), p) * h) / 1000;
    if (peak > 0) baseKWh += (nb * watts(Math.min(1, (busy * perUnit) / (nb * serverCores)), p) * h) / 1000;
    if (units > 0) servers += n;
    if (peak > 0) baseServers += nb;
  }
  return compare(got, {
    unit, step, steps: T, hours: T * h, serverHours: servers * h, ...withCO2(kWh, p),
    baselines: [{ ...against('peak', baseKWh, kWh, p), serverHours: baseServers * h }],
    params: { podCores, serverCores, ...p },
  }, 'energy');
}

/** Deployment: machine by machine from the placement: new machines idle + dynamic, partly used machines the dynamic power of what they receive. */
export function checkDeploymentEnergy(instance: any, solution: any): string | undefined {
  const got = solution?.energy;
  if (got === undefined) return undefined;
  const e = instance?.energy;
  const p = power(e);
  const hours = e?.hours ?? CHECK_ENERGY_DEFAULTS.hours;
  const C: number = instance.binCapacity;
  const items: any[] = instance.items ?? [];
  const load = new Map<string, number>();
  for (const it of solution.items ?? []) for (const b of it.bins ?? []) load.set(b, (load.get(b) ?? 0) + it.partSize);
  const newBins: number = solution.newBins;
  const dyn = (l: number) => ((p.peakWatts - p.idleWatts) * (l / C) * p.pue * hours) / 1000;
  let kWh = 0;
  let total = 0;
  for (const [b, l] of load) {
    total += l;
    kWh += dyn(l);
    if (/^new-\d+$/.test(b) && Number(b.slice(4)) <= newBins) kWh += (p.idleWatts * p.pue * hours) / 1000;
  }
  const idle = (n: number) => (n * p.idleWatts * p.pue * hours) / 1000;
  const dedicated = items.reduce((s, it) => s + Math.max(it.parts ?? it.minParts ?? 2, Math.ceil(it.size / C - TOL)), 0);
  const lb: number = solution.lowerBound;
  return compare(got, {
    hours, newServers: newBins, load: total, serverHours: newBins * hours, ...withCO2(kWh, p),
    baselines: [
      { ...against('lower-bound', idle(lb) + dyn(total), kWh, p), newServers: lb },
      { ...against('dedicated', idle(dedicated) + dyn(total), kWh, p), newServers: dedicated },
    ],
    params: p,
  }, 'energy');
}

/** Migration: machines in use before (current assignment) and after (`assignment`), each at its utilisation of the power resource. */
export function checkMigrationEnergy(instance: any, solution: any): string | undefined {
  const got = solution?.energy;
  if (got === undefined) return undefined;
  const e = instance?.energy;
  const p = power(e);
  const hours = e?.hours ?? CHECK_ENERGY_DEFAULTS.hours;
  const resources: string[] = instance.resources ?? [];
  let r = e?.resource !== undefined ? resources.indexOf(e.resource) : resources.findIndex((x) => x.toLowerCase() === 'cpu');
  if (e?.resource === undefined && r < 0) r = 0;
  if (r < 0) return `energy.resource ${JSON.stringify(e.resource)} is not a resource of the instance`;
  const cap = new Map<string, number>();
  for (const m of instance.machines ?? []) cap.set(m.name, m.capacity[r]);
  const state = (where: (t: any) => string | null | undefined) => {
    const load = new Map<string, number>();
    for (const t of instance.tasks ?? []) {
      const m = where(t);
      if (m == null || !cap.has(m)) continue;
      load.set(m, (load.get(m) ?? 0) + t.demand[r]);
    }
    let kWh = 0;
    for (const [m, l] of load) {
      const c = cap.get(m)!;
      kWh += (watts(c > 0 ? Math.min(1, l / c) : 0, p) * hours) / 1000;
    }
    return { kWh, servers: load.size };
  };
  const a = solution.assignment ?? {};
  const before = state((t) => t.machine);
  const after = state((t) => (Object.hasOwn(a, t.name) ? a[t.name] : undefined));
  return compare(got, {
    hours, resource: resources[r], servers: after.servers, serverHours: after.servers * hours, ...withCO2(after.kWh, p),
    baselines: [{ ...against('before', before.kWh, after.kWh, p), servers: before.servers }],
    params: p,
  }, 'energy');
}
