// The energy and CO2 blocks of every plan (docs/energy.md): figures worked by hand, the
// checkers rejecting tampered figures, bad `energy` input with JSON paths, the defaults
// (one set, equal in the model, the checkers, autoscaling and docs/energy.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { solve, check, trySolve, REGISTRY, ENERGY_DEFAULTS as AS_DEFAULTS } from '../src/node.js';
import { ENERGY_DEFAULTS, DEFAULT_HOURS, DEFAULT_STEP_SECONDS } from '../src/energy/model.js';
import { CHECK_ENERGY_DEFAULTS } from '../src/check/energy.js';

const close = (got: number, want: number) => expect(got).toBeCloseTo(want, 9);
const co2 = 0.6157;

/** The solution with one field changed (a deep copy). */
function tampered(s: any, change: (s: any) => void): any {
  const c = structuredClone(s);
  change(c);
  return c;
}

async function badPath(instance: unknown): Promise<string> {
  const r = await trySolve(instance);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.path;
}

describe('smoothing energy (hand-checked)', () => {
  it('unit "servers", 1 h steps: plan [1, 3, 1] against the peak 3', async () => {
    const s: any = await solve({ problem: 'smoothing', alpha: 0, scenarios: [{ demand: [0.5, 2.5, 1] }], energy: { unit: 'servers', step: 3600 } });
    expect(s.scenarios[0].plan).toEqual([1, 3, 1]);
    const e = s.energy;
    expect(e).toMatchObject({ unit: 'servers', step: 3600, steps: 3, hours: 3, serverHours: 5 });
    // Σ servers × idle + (peak − idle) × busy servers' worth: 180·5 + 270·(0.5 + 2.5 + 1) = 1,980 W·h, × PUE 1.3
    close(e.kWh, 2.574);
    close(e.kgCO2, 2.574 * co2);
    const [peak] = e.baselines;
    expect(peak.name).toBe('peak');
    expect(peak.serverHours).toBe(9);
    close(peak.kWh, ((180 * 9 + 270 * 4) * 1.3) / 1000); // 3.51
    close(peak.savedKWh, 3.51 - 2.574);
    close(peak.savedKgCO2, (3.51 - 2.574) * co2);
    expect(e.params).toEqual({ ...ENERGY_DEFAULTS });
    expect(check({ problem: 'smoothing', alpha: 0, scenarios: [{ demand: [0.5, 2.5, 1] }], energy: { unit: 'servers', step: 3600 } }, s).valid).toBe(true);
  });

  it('unit "cores" (default), 5-minute steps (default): 100 and 200 cores on 96-core servers', async () => {
    const inst = { problem: 'smoothing', alpha: 0, scenarios: [{ name: 'a', demand: [60, 120] }, { name: 'b', demand: [40, 80] }] };
    const s: any = await solve(inst);
    const e = s.energy;
    expect(e).toMatchObject({ unit: 'cores', step: 300, steps: 2 });
    // step 1: 100 cores → 2 servers, busy 100/96 of a server; step 2: 200 → 3 servers, 200/96
    const w = 2 * 180 + 270 * (100 / 96) + 3 * 180 + 270 * (200 / 96); // 1,743.75 W
    close(e.kWh, (w * 1.3 * (300 / 3600)) / 1000); // 0.18890625
    close(e.serverHours, 5 / 12);
    // peak: a at 120, b at 80 → 200 cores (3 servers) at both steps
    const wb = 3 * 180 + 270 * (100 / 96) + 3 * 180 + 270 * (200 / 96);
    close(e.baselines[0].kWh, (wb * 1.3 / 12) / 1000); // 0.20840625
    close(e.baselines[0].savedKWh, ((wb - w) * 1.3 / 12) / 1000);
    expect(check(inst, s).valid).toBe(true);
  });

  it('scenarios of different lengths, pods, a budget: the checker agrees; the peak baseline counts a scenario only while it runs', async () => {
    const inst = { problem: 'smoothing', budget: 60, scenarios: [{ demand: [3, 1, 4, 1, 5, 9, 2, 6] }, { demand: [2, 7, 1] }], energy: { unit: 'pods', podCores: 8, serverCores: 32, step: 900, idleWatts: 100, peakWatts: 300, pue: 1.1, kgCO2PerKWh: 0.4 } };
    const s: any = await solve(inst);
    expect(s.status).toBe('optimal');
    expect(check(inst, s).valid).toBe(true);
    expect(s.energy.steps).toBe(8);
    // steps 3..7: only the first scenario, peak 9 pods = 72 cores = 3 servers
    const e = s.energy;
    expect(e.baselines[0].serverHours).toBeCloseTo((3 * 4 /* 9 + 7 = 16 pods = 4 servers */ + 5 * 3) * 0.25, 9);
    expect(e.params).toEqual({ podCores: 8, serverCores: 32, idleWatts: 100, peakWatts: 300, pue: 1.1, kgCO2PerKWh: 0.4 });
    close(e.kgCO2, e.kWh * 0.4);
  });

  it('long and short scenarios together (past the 2^16-step blocks): solver and checker agree, in time linear in the steps', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const scenarios = [
      { name: 'long', demand: Array.from({ length: 150_000 }, (_, t) => 40 + 30 * Math.sin(t / 900) + 5 * rnd()) },
      { name: 'mid', demand: Array.from({ length: 70_000 }, () => 100 * rnd()) },
      ...Array.from({ length: 3000 }, (_, i) => ({ name: `s${i}`, demand: Array.from({ length: 1 + (i % 3) }, () => 10 * rnd()) })),
    ];
    const inst = { problem: 'smoothing', alpha: 2, scenarios, energy: { unit: 'pods', step: 60 } };
    const s: any = await solve(inst);
    expect(s.energy.steps).toBe(150_000);
    const r = check(inst, s);
    expect(r.valid, r.reason).toBe(true);
    expect(s.energy.baselines[0].savedKWh).toBeGreaterThan(0);
  });

  it('an infeasible budget has no energy block', async () => {
    const s: any = await solve({ problem: 'smoothing', budget: 1, scenarios: [{ demand: [3, 3] }] });
    expect(s.status).toBe('infeasible');
    expect(s.energy).toBeUndefined();
  });
});

describe('deployment energy (hand-checked)', () => {
  const inst = { problem: 'deployment', binCapacity: 100, items: [{ name: 'a', size: 120 }, { name: 'b', size: 60 }] };
  it('2 new machines for 180 of load over a day; the lower bound; dedicated machines', async () => {
    const s: any = await solve(inst);
    expect(s.newBins).toBe(2);
    const e = s.energy;
    expect(e).toMatchObject({ hours: 24, newServers: 2, load: 180, serverHours: 48 });
    // (2·180 W + 270 W · 180/100) · 1.3 · 24 h = 26.3952 kWh
    close(e.kWh, ((2 * 180 + 270 * 1.8) * 1.3 * 24) / 1000);
    close(e.kgCO2, 26.3952 * co2);
    const [lb, ded] = e.baselines;
    expect(lb).toMatchObject({ name: 'lower-bound', newServers: 2 });
    close(lb.savedKWh, 0);
    // dedicated: a on max(2, ceil(1.2)) = 2, b on max(2, 1) = 2 → 4 machines: 2 more idle machines
    expect(ded).toMatchObject({ name: 'dedicated', newServers: 4 });
    close(ded.savedKWh, (2 * 180 * 1.3 * 24) / 1000); // 11.232
    expect(check(inst, s).valid).toBe(true);
  });
  it('dedicated: a service with a fixed number of parts takes that many machines', async () => {
    const i3 = { ...inst, items: [{ name: 'a', size: 120, parts: 3, minParts: 2, maxParts: 4 }, { name: 'b', size: 60 }] };
    const s: any = await solve(i3);
    expect(check(i3, s).valid).toBe(true);
    // a on max(3, ceil(1.2)) = 3, b on max(2, 1) = 2 → 5
    expect(s.energy.baselines[1]).toMatchObject({ name: 'dedicated', newServers: 5 });
  });
  it('partly used machines add only their load\'s dynamic power; hours and power are configurable', async () => {
    const i2 = { ...inst, bins: [{ name: 'old', free: 70 }], energy: { hours: 1, idleWatts: 200, peakWatts: 400, pue: 1 } };
    const s: any = await solve(i2);
    expect(check(i2, s).valid).toBe(true);
    const e = s.energy;
    close(e.kWh, (s.newBins * 200 + 200 * 1.8) / 1000);
    expect(e.hours).toBe(1);
  });
});

describe('migration energy (hand-checked)', () => {
  const inst = {
    problem: 'migration', resources: ['mem', 'cpu'], alpha: 0.01, maxParallel: 2,
    machines: ['m1', 'm2', 'm3'].map((name) => ({ name, capacity: [10, 10] })),
    tasks: [{ name: 'a', demand: [1, 4], machine: 'm1' }, { name: 'b', demand: [1, 3], machine: 'm2' }, { name: 'c', demand: [1, 2], machine: 'm3' }],
  };
  it('3 machines at 40, 30, 20 % cpu become 1 at 90 %: the freed machines save 2 × idle a day', async () => {
    const s: any = await solve(inst);
    expect(s.machinesUsed).toBe(1);
    const e = s.energy;
    expect(e).toMatchObject({ hours: 24, resource: 'cpu', servers: 1, serverHours: 24 });
    close(e.kWh, ((180 + 270 * 0.9) * 1.3 * 24) / 1000); // 13.1976
    const [before] = e.baselines;
    expect(before).toMatchObject({ name: 'before', servers: 3 });
    close(before.kWh, ((3 * 180 + 270 * 0.9) * 1.3 * 24) / 1000); // 24.4296
    close(before.savedKWh, 11.232);
    close(before.savedKgCO2, 11.232 * co2);
    expect(check(inst, s).valid).toBe(true);
  });
  it('energy.resource picks the resource that drives power (mem: 10 %, 10 %, 10 % → 30 %)', async () => {
    const i2 = { ...inst, energy: { resource: 'mem' } };
    const s: any = await solve(i2);
    close(s.energy.kWh, ((180 + 270 * 0.3) * 1.3 * 24) / 1000);
    expect(check(i2, s).valid).toBe(true);
  });
});

describe('the checkers reject a tampered energy figure', () => {
  const cases: [string, any][] = [
    ['smoothing', JSON.parse(readFileSync('examples/smoothing.json', 'utf8'))],
    ['smoothing-budget', JSON.parse(readFileSync('examples/smoothing-budget.json', 'utf8'))],
    ['deployment', JSON.parse(readFileSync('examples/deployment.json', 'utf8'))],
    ['migration', JSON.parse(readFileSync('examples/migration.json', 'utf8'))],
  ];
  for (const [name, inst] of cases) {
    it(name, async () => {
      const s: any = await solve(inst);
      expect(s.energy).toBeDefined();
      expect(check(inst, s).valid).toBe(true);
      for (const [what, change, reason] of [
        ['kWh', (x: any) => { x.energy.kWh *= 1.001; }, /energy\.kWh/],
        ['kgCO2', (x: any) => { x.energy.kgCO2 += 1; }, /energy\.kgCO2/],
        ['a baseline', (x: any) => { x.energy.baselines[0].savedKWh += 0.5; }, /energy\.baselines\[0\]\.savedKWh/],
        ['a baseline name', (x: any) => { x.energy.baselines[0].name = 'other'; }, /energy\.baselines\[0\]\.name/],
        ['a parameter', (x: any) => { x.energy.params.pue = 1.1; }, /energy\.params\.pue/],
        ['the period', (x: any) => { if ('hours' in x.energy) x.energy.hours *= 2; }, /energy\.hours/],
        ['no baselines', (x: any) => { x.energy.baselines = []; }, /energy\.baselines/],
      ] as const) {
        const r = check(inst, tampered(s, change));
        expect(r.valid, what).toBe(false);
        expect(r.reason, what).toMatch(reason);
      }
      // a saving near 0 is the difference of two large figures: its rounding is relative to them
      const e = s.energy;
      const scale = Math.max(e.kWh, ...e.baselines.map((b: any) => b.kWh));
      expect(check(inst, tampered(s, (x) => { x.energy.baselines[0].savedKWh += 1e-10 * scale; })).valid).toBe(true);
      expect(check(inst, tampered(s, (x) => { x.energy.baselines[0].savedKWh += 1e-7 * scale; })).valid).toBe(false);
      // the block is a report: a solution without it is still a valid plan
      expect(check(inst, tampered(s, (x) => { delete x.energy; })).valid).toBe(true);
      // the checker uses the instance's energy parameters, not the solution's
      expect(check({ ...inst, energy: { pue: 1.5 } }, s).valid).toBe(false);
    });
  }
});

describe('tiny figures are checked as strictly as large ones (a relative tolerance)', () => {
  it('a deployment over 1e-10 hours: zeroed figures are rejected', async () => {
    const inst = { ...JSON.parse(readFileSync('examples/deployment.json', 'utf8')), energy: { hours: 1e-10 } };
    const s: any = await solve(inst);
    expect(s.energy.kWh).toBeGreaterThan(0);
    expect(s.energy.kWh).toBeLessThan(1e-6);
    expect(check(inst, s).valid).toBe(true);
    const zero = tampered(s, (x) => { x.energy.kWh = 0; x.energy.kgCO2 = 0; });
    expect(check(inst, zero).valid).toBe(false);
    expect(check(inst, tampered(s, (x) => { x.energy.kWh *= 1 + 1e-6; })).valid).toBe(false);
  });
});

describe('bad energy input is rejected with its JSON path (solve and check alike)', () => {
  const sm = { problem: 'smoothing', scenarios: [{ demand: [1, 2] }] };
  const dp = { problem: 'deployment', binCapacity: 10, items: [{ size: 5 }] };
  const mg = { problem: 'migration', resources: ['cpu'], machines: [{ name: 'm', capacity: [4] }], tasks: [{ name: 't', demand: [1], machine: 'm' }] };
  const bad: [any, any, string][] = [
    [sm, { pue: 0.9 }, 'energy.pue'],
    [sm, { pue: 11 }, 'energy.pue'],
    [sm, { unit: 'gpus' }, 'energy.unit'],
    [sm, { step: 0 }, 'energy.step'],
    [sm, { serverCores: 0 }, 'energy.serverCores'],
    [sm, { podCores: -2 }, 'energy.podCores'],
    [sm, { kgCO2PerKWh: -0.1 }, 'energy.kgCO2PerKWh'],
    [sm, { idleWatts: Number.NaN }, 'energy.idleWatts'],
    [sm, { watts: 3 }, 'energy.watts'],
    [sm, { peakWatts: 100 }, 'energy.peakWatts'], // below the default idle 180
    [sm, { idleWatts: 500 }, 'energy.idleWatts'], // above the default peak 450
    [sm, 'green', 'energy'],
    [dp, { hours: 0 }, 'energy.hours'],
    [dp, { unit: 'cores' }, 'energy.unit'],
    [dp, { pue: 0.5 }, 'energy.pue'],
    [mg, { resource: 'disk' }, 'energy.resource'],
    [mg, { hours: -1 }, 'energy.hours'],
    [mg, { idleWatts: 300, peakWatts: 200 }, 'energy.peakWatts'],
  ];
  for (const [inst, energy, path] of bad) {
    it(`${inst.problem}: ${JSON.stringify(energy)} → ${path}`, async () => {
      const i = { ...inst, energy };
      expect(await badPath(i)).toBe(path);
      expect(() => check(i, {})).toThrow(expect.objectContaining({ path }));
    });
  }
  it('knapsack and forecast have no energy block: `energy` is an unknown field there (docs/energy.md says why)', async () => {
    expect(await badPath({ problem: 'knapsack', capacity: 3, items: [{ size: 1, value: 1 }], energy: {} })).toBe('energy');
    const k: any = await solve({ problem: 'knapsack', capacity: 3, items: [{ size: 1, value: 1 }] });
    expect(k.energy).toBeUndefined();
  });
});

describe('defaults: one set, documented', () => {
  it('the model, the checkers and autoscaling share the same defaults', () => {
    expect(CHECK_ENERGY_DEFAULTS).toEqual({ ...ENERGY_DEFAULTS, hours: DEFAULT_HOURS, step: DEFAULT_STEP_SECONDS });
    expect(AS_DEFAULTS).toEqual({ ...ENERGY_DEFAULTS });
    expect(DEFAULT_HOURS).toBe(24);
    expect(DEFAULT_STEP_SECONDS).toBe(300);
  });
  it('the carbon factor is the seed\'s 947 t for 1,538,000 kWh', () => {
    expect(Math.round((947_000 / 1_538_000) * 1e4) / 1e4).toBe(ENERGY_DEFAULTS.kgCO2PerKWh);
  });
  it('docs/energy.md lists every default with its value, and the schemas state them', () => {
    const doc = readFileSync('docs/energy.md', 'utf8');
    for (const [k, v] of Object.entries({ ...ENERGY_DEFAULTS, hours: DEFAULT_HOURS, step: DEFAULT_STEP_SECONDS, unit: '"cores"', resource: '"cpu"' })) {
      expect(doc, k).toMatch(new RegExp(`\\| \`${k}\` \\| ${String(v).replace('.', '\\.')} `));
    }
    const props = (p: keyof typeof REGISTRY) => (REGISTRY[p].schema as any).properties.energy.anyOf?.[0]?.properties ?? (REGISTRY[p].schema as any).properties.energy.properties;
    for (const p of ['smoothing', 'deployment', 'migration'] as const) {
      for (const [k, f] of Object.entries<any>(props(p))) expect(f.description, `${p}.energy.${k}`).toMatch(/default/);
    }
  });
  it('an empty energy block gives the defaults; every solved plan of these problems has one', async () => {
    const a: any = await solve({ problem: 'deployment', binCapacity: 10, items: [{ size: 5 }], energy: {} });
    const b: any = await solve({ problem: 'deployment', binCapacity: 10, items: [{ size: 5 }] });
    expect(a.energy).toEqual(b.energy);
    expect(b.energy.params).toEqual({ idleWatts: 180, peakWatts: 450, pue: 1.3, kgCO2PerKWh: 0.6157 });
  });
});
