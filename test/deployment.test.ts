// Deployment (equally-split bin packing): the API, every algorithm under the
// independent checker, infeasible instances, the JSON-path validation, the checker
// rejecting corrupted solutions, the Tianchi converter on a bundled excerpt, and the CLI.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solve, deploy, checkDeployment, DEPLOYMENT_ALGORITHMS, ValidationError, GreenplanError, type DeploymentInstance, type DeploymentSolution } from '../src/node.js';
import { kernels } from '../src/wasm/loader.js';
import { convertTianchi } from '../src/data/tianchi-deploy.js';
import { reduceParts } from '../src/problems/deployment/pack.js';
import { mulberry32 } from './helpers/highs.js';

const example: DeploymentInstance = {
  problem: 'deployment', binCapacity: 92,
  bins: [{ name: 'machine_17', free: 31.5 }],
  items: [{ name: 'app_3283', size: 140.0, minParts: 2, maxParts: 64 }],
  algorithm: 'guess-and-pack:worst-fit',
};

/** A random instance of moderate size (the checker is the oracle here). */
function randomInstance(rand: () => number, n: number, m: number): DeploymentInstance {
  const C = 10 + Math.floor(rand() * 90);
  const bins = Array.from({ length: m }, (_, j) => ({ name: `m${j}`, free: Math.round(rand() * C * 100) / 100 }));
  const items = Array.from({ length: n }, (_, i) => {
    const size = Math.round((rand() < 0.2 ? rand() * 6 * C : rand() * C) * 1000) / 1000 + 0.001;
    const it: DeploymentInstance['items'][number] = { name: `app${i}`, size };
    if (rand() < 0.2) it.minParts = 1 + Math.floor(rand() * 3);
    if (rand() < 0.2) it.maxParts = Math.max(it.minParts ?? 2, Math.ceil(size / C) + Math.floor(rand() * 4));
    if (rand() < 0.5) it.parts = Math.max(it.minParts ?? 2, Math.min(it.maxParts ?? 99, Math.ceil(size / C) + Math.floor(rand() * 3)));
    return it;
  });
  return { problem: 'deployment', binCapacity: C, bins, items };
}

describe('deployment: the README example', () => {
  it('splits app_3283 over machine_17 and new machines; the checker agrees', async () => {
    const sol = (await solve(example)) as DeploymentSolution;
    expect(checkDeployment(example, sol)).toMatchObject({ valid: true });
    expect(sol).toMatchObject({ problem: 'deployment', algorithm: 'guess-and-pack:worst-fit', lowerBound: 2 });
    // 140 in parts of <= 92: two parts of 70 do not fit machine_17 (31.5); so 2 new machines,
    // or 5 parts of 28 with machine_17 and 4 new; the fewest machines with the fewest parts: 2 new, 2 parts
    expect(sol.newBins).toBe(2);
    expect(sol.parts).toBe(2);
    expect(sol.status).toBe('optimal');
    expect(sol.items).toEqual([{ name: 'app_3283', parts: 2, partSize: 70, bins: ['new-1', 'new-2'] }]);
  });
  it('uses the partly used machine when that saves a new one', async () => {
    const inst: DeploymentInstance = { problem: 'deployment', binCapacity: 92, bins: [{ name: 'machine_17', free: 31.5 }], items: [{ name: 'a', size: 120 }] };
    const sol = await deploy(inst);
    expect(checkDeployment(inst, sol).valid).toBe(true);
    // 120 > 92 + 31.5 is false: 4 parts of 30 need 4 machines: machine_17 + 3 new; 2 parts of 60 need 2 new
    expect(sol.newBins).toBe(2);
    const inst2: DeploymentInstance = { ...inst, bins: [{ name: 'x', free: 40 }, { name: 'y', free: 40 }], items: [{ name: 'a', size: 80 }] };
    const sol2 = await deploy(inst2);
    expect(sol2).toMatchObject({ newBins: 0, parts: 2, status: 'optimal' });
    expect(sol2.items[0]!.bins.sort()).toEqual(['x', 'y']);
  });
});

describe('deployment: every algorithm, checked', () => {
  it('random instances (n <= 60, m <= 30): valid, never below the lower bound', async () => {
    const rand = mulberry32(77);
    let runs = 0;
    for (let q = 0; q < 40; q++) {
      const inst = randomInstance(rand, 1 + Math.floor(rand() * 60), Math.floor(rand() * 30));
      for (const algorithm of DEPLOYMENT_ALGORITHMS) {
        const sol = await deploy({ ...inst, algorithm });
        if (sol.status === 'infeasible') {
          expect(sol.reason, algorithm).toMatch(/service "app\d+"/);
          continue;
        }
        const rep = checkDeployment(inst, sol);
        expect(rep.valid, `${algorithm}: ${rep.reason}\n${JSON.stringify(inst)}`).toBe(true);
        expect(sol.newBins).toBeGreaterThanOrEqual(sol.lowerBound);
        if (algorithm === 'spread-wfd') {
          // the given part counts are kept
          sol.items.forEach((p, i) => inst.items[i]!.parts !== undefined && expect(p.parts).toBe(inst.items[i]!.parts));
        }
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(200);
  });
  it('no items, only partly used machines, minParts 1, huge sizes', async () => {
    const empty = await deploy({ problem: 'deployment', binCapacity: 5, items: [] });
    expect(empty).toMatchObject({ status: 'optimal', newBins: 0, parts: 0, lowerBound: 0, items: [] });
    const one: DeploymentInstance = { problem: 'deployment', binCapacity: 5, bins: [{ free: 3 }], items: [{ size: 2.5, minParts: 1 }] };
    const s1 = await deploy(one);
    expect(s1).toMatchObject({ status: 'optimal', newBins: 0, parts: 1, items: [{ name: '0', parts: 1, partSize: 2.5, bins: ['bin-0'] }] });
    const huge: DeploymentInstance = { problem: 'deployment', binCapacity: 1e12, items: [{ size: 1e12 }, { size: 3e11, minParts: 3 }] };
    const s2 = await deploy(huge);
    expect(checkDeployment(huge, s2).valid).toBe(true);
    // volume 1.3 machines, but the second service needs 3 distinct machines
    expect(s2).toMatchObject({ newBins: 3, lowerBound: 3, status: 'optimal' });
  });
  it('instances needing billions of parts (and machines) are refused at validation, not a hang', async () => {
    for (const algorithm of DEPLOYMENT_ALGORITHMS) {
      const err = await deploy({ problem: 'deployment', binCapacity: 0.001, items: [{ size: 1e6 }, { size: 2e6 }], algorithm }).then(() => undefined, (e) => e);
      expect(err, algorithm).toBeInstanceOf(GreenplanError);
      expect(err.code).toBe('invalid-input');
      expect(err.path).toBe('items[0].size');
      expect(err.message).toContain('needs at least 1000000000 parts');
    }
  });
  it('merge-and-split cuts every service into the same parts on the same machines', async () => {
    const inst: DeploymentInstance = { problem: 'deployment', binCapacity: 10, bins: [{ name: 'a', free: 8 }], items: [{ size: 9 }, { size: 12 }, { size: 3 }], algorithm: 'merge-and-split' };
    const sol = await deploy(inst);
    expect(checkDeployment(inst, sol).valid).toBe(true);
    // W = 24: k = 2 puts 12 on each machine (over 10), k = 3 puts 8: a + 2 new
    expect(sol.newBins).toBe(2);
    for (const p of sol.items) expect([...p.bins].sort()).toEqual(['a', 'new-1', 'new-2']);
    expect(sol.items.map((p) => p.parts)).toEqual([3, 3, 3]);
  });
  it('part reduction: fewer parts on the machines already used, never more', async () => {
    const k = await kernels();
    // item 0 (size 8) in 4 parts on new machines 0..3 (index m = 1 up), item 1 (size 9) in 3 parts on the partly used machine and new 0, 1
    const placement = { k: Int32Array.of(4, 3), start: Int32Array.of(0, 4), bins: Int32Array.of(1, 2, 3, 4, 0, 1, 2), parts: 7, newBins: 4 };
    const r = reduceParts(k, placement, Int32Array.of(1, 0), Float64Array.of(8, 9), Int32Array.of(2, 2), Float64Array.of(3), 10, 1e-9);
    // item 1 first: rooms 10 - 2 = 8 on new 0, 1 (after its own parts are given back: 10, 10): 2 parts of 4.5 on new 0, 1;
    // item 0: rooms 10, 10 on new 2, 3 (its own), 5.5 on new 0, 1: 2 parts of 4 on new 2, 3
    expect(Array.from(r.k)).toEqual([2, 2]);
    expect(r.parts).toBe(4);
    expect(r.newBins).toBe(4);
    for (let i = 0; i < 2; i++) expect(new Set(r.bins.slice(r.start[i]!, r.start[i]! + r.k[i]!)).size).toBe(r.k[i]);
    // loads within capacity
    const load = new Map<number, number>();
    [8, 9].forEach((w, i) => { for (let t = 0; t < r.k[i]!; t++) { const b = r.bins[r.start[i]! + t]!; load.set(b, (load.get(b) ?? 0) + w / r.k[i]!); } });
    for (const [b, l] of load) expect(l).toBeLessThanOrEqual(b === 0 ? 3 : 10);
    // already minimal: unchanged counts
    const same = reduceParts(k, r, Int32Array.of(0, 1), Float64Array.of(8, 9), Int32Array.of(2, 2), Float64Array.of(3), 10, 1e-9);
    expect(Array.from(same.k)).toEqual([2, 2]);
  });
  it('services cut into hundreds of parts (tens of thousands of machines) stay valid and within 5 % + 2 of the bound', async () => {
    const rand = mulberry32(99);
    const inst: DeploymentInstance = {
      problem: 'deployment', binCapacity: 1,
      bins: Array.from({ length: 50 }, (_, j) => ({ name: `m${j}`, free: Math.round(rand() * 100) / 100 })),
      items: Array.from({ length: 40 }, (_, i) => ({ name: `s${i}`, size: 200 + Math.round(rand() * 30000) / 100 })),
    };
    for (const algorithm of ['guess-and-pack:worst-fit', 'guess-and-pack:first-fit', 'guess-and-pack:best-fit', 'pack-and-adapt:worst-fit'] as const) {
      const sol = await deploy({ ...inst, algorithm });
      const rep = checkDeployment(inst, sol);
      expect(rep.valid, `${algorithm}: ${rep.reason}`).toBe(true);
      expect(sol.newBins).toBeLessThanOrEqual(Math.floor(1.05 * sol.lowerBound) + 2);
    }
  });
  it('repeated calls do not grow the WebAssembly memory', async () => {
    const rand = mulberry32(5);
    const inst = randomInstance(rand, 500, 200);
    await deploy(inst);
    const k = await kernels();
    const before = k.memoryBytes();
    for (let q = 0; q < 30; q++) await deploy(inst);
    expect(k.memoryBytes()).toBe(before);
  });
});

describe('deployment: infeasible instances name the service', () => {
  it('maxParts too small for the capacities', async () => {
    const inst = { problem: 'deployment', binCapacity: 10, bins: [{ name: 'old', free: 30 }], items: [{ name: 'ok', size: 5 }, { name: 'web', size: 100, maxParts: 3 }] };
    const sol = (await solve(inst)) as DeploymentSolution;
    expect(sol.status).toBe('infeasible');
    expect(sol.reason).toContain('service "web" (items[1]');
    // the checker proves the claim independently (docs/contract.md), and refutes a false one
    expect(checkDeployment(inst, sol)).toMatchObject({ valid: true, status: 'infeasible', proved: true });
    const roomy = { ...inst, bins: [{ name: 'a', free: 40 }, { name: 'b', free: 40 }, { name: 'c', free: 40 }] };
    expect(checkDeployment({ ...inst, items: [{ name: 'ok', size: 5 }] }, { ...sol }).reason).toContain('every service fits on new machines');
    expect(checkDeployment(roomy, sol)).toMatchObject({ valid: true, proved: false });
  });
  it('the partly used machines can hold it when they are large enough', async () => {
    const inst: DeploymentInstance = { problem: 'deployment', binCapacity: 10, bins: [{ name: 'a', free: 40 }, { name: 'b', free: 40 }, { name: 'c', free: 40 }], items: [{ name: 'web', size: 100, maxParts: 3 }] };
    const sol = await deploy(inst);
    expect(sol).toMatchObject({ newBins: 0, parts: 3 });
    expect(checkDeployment(inst, sol).valid).toBe(true);
  });
  it('spread-wfd with given parts that fit nowhere', async () => {
    const sol = await deploy({ problem: 'deployment', binCapacity: 10, items: [{ name: 'db', size: 30, parts: 2 }], algorithm: 'spread-wfd' });
    expect(sol.status).toBe('infeasible');
    expect(sol.reason).toContain('service "db"');
  });
});

describe('deployment: invalid input names the JSON path', () => {
  const base = (over: object) => ({ problem: 'deployment', binCapacity: 10, bins: [{ name: 'a', free: 1 }], items: [{ size: 1 }, { size: 2 }, { size: 3 }, { size: 4 }], ...over });
  it.each([
    [base({ items: [{ size: 1 }, { size: 2 }, { size: 3 }, { size: -4 }] }), 'items[3].size', 'items[3].size must be a finite number > 0'],
    [base({ items: [{ size: 0 }] }), 'items[0].size', 'must be a finite number > 0'],
    [base({ items: [{ size: 1, minParts: 0 }] }), 'items[0].minParts', 'items[0].minParts must be an integer >= 1'],
    [base({ items: [{ size: 1, maxParts: 2.5 }] }), 'items[0].maxParts', 'must be an integer >= 1'],
    [base({ items: [{ size: 1, minParts: 3, maxParts: 2 }] }), 'items[0].maxParts', 'items[0].maxParts must be >= minParts (3)'],
    [base({ items: [{ size: 1, parts: 1 }] }), 'items[0].parts', 'items[0].parts must be within minParts..maxParts (2..unbounded)'],
    [base({ items: [{ name: 'x', size: 1 }, { name: 'x', size: 1 }] }), 'items[1].name', 'items[1].name duplicates items[0].name'],
    [base({ items: [{ size: 1, colour: 'red' }] }), 'items[0].colour', 'is not a known field'],
    [base({ bins: [{ name: 'a', free: -1 }] }), 'bins[0].free', 'bins[0].free must be a finite number >= 0'],
    [base({ bins: [{ name: 'a', free: 1 }, { name: 'a', free: 2 }] }), 'bins[1].name', 'bins[1].name duplicates bins[0].name'],
    [base({ bins: [{ name: 'new-3', free: 1 }] }), 'bins[0].name', 'is reserved for new machines'],
    [base({ binCapacity: 0 }), 'binCapacity', 'binCapacity must be a finite number > 0'],
    [base({ algorithm: 'best-guess' }), 'algorithm', 'algorithm must be one of "guess-and-pack:worst-fit"'],
    [{ problem: 'deployment', items: [] }, 'binCapacity', 'binCapacity is required'],
  ])('%j -> %s', async (inst, path, message) => {
    const err = await solve(inst).then(() => undefined, (e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe(path);
    expect(err.message).toContain(message);
  });
});

describe('deployment checker', () => {
  const inst: DeploymentInstance = { problem: 'deployment', binCapacity: 10, bins: [{ name: 'a', free: 4 }], items: [{ name: 'x', size: 12 }, { name: 'y', size: 10 }] };
  it('accepts the solver output and rejects corrupted copies', async () => {
    const good = await deploy(inst);
    expect(checkDeployment(inst, good)).toMatchObject({ valid: true, objective: good.newBins });
    const tamper = (f: (s: any) => void) => {
      const s = structuredClone(good) as any;
      f(s);
      return checkDeployment(inst, s).reason;
    };
    expect(tamper((s) => { s.items[0].bins[1] = s.items[0].bins[0]; })).toContain('two parts on machine');
    expect(tamper((s) => { s.items[0].bins[0] = 'zz'; })).toContain('neither a bin of the instance');
    expect(tamper((s) => { s.items[1].parts = 1; s.items[1].partSize = 8; s.items[1].bins = s.items[1].bins.slice(0, 1); })).toContain('is not an integer in 2..');
    expect(tamper((s) => { s.items[0].partSize = 1; })).toContain('partSize');
    expect(tamper((s) => { s.parts += 1; })).toContain('recomputed');
    expect(tamper((s) => { s.newBins += 1; })).toContain(`new machine "new-${good.newBins + 1}" holds no part`);
    expect(tamper((s) => { s.items[0].bins.pop(); })).toContain('lists 1 machines for 2 parts');
    expect(tamper((s) => { s.items.pop(); })).toContain('solution has 1 items');
    expect(tamper((s) => { s.items[0].name = 'q'; })).toContain('items[0].name is "q"');
    expect(tamper((s) => { s.lowerBound = s.newBins + 1; })).toContain('above newBins');
    const hand = (x: [number, string[]], y: [number, string[]]) => ({
      ...good, newBins: 2, parts: x[0] + y[0], status: 'feasible', lowerBound: 2,
      items: [{ name: 'x', parts: x[0], partSize: 12 / x[0], bins: x[1] }, { name: 'y', parts: y[0], partSize: 10 / y[0], bins: y[1] }],
    });
    expect(checkDeployment(inst, hand([3, ['a', 'new-1', 'new-2']], [2, ['new-1', 'new-2']]))).toMatchObject({ valid: true, objective: 2 });
    expect(checkDeployment(inst, hand([2, ['new-1', 'new-2']], [2, ['new-1', 'new-2']])).reason).toContain('machine "new-1" holds 11, over its capacity 10');
    expect(checkDeployment(inst, hand([2, ['a', 'new-2']], [2, ['new-1', 'new-2']])).reason).toContain('machine "a" holds 6, over its capacity 4');
    expect(checkDeployment(inst, { ...hand([3, ['a', 'new-1', 'new-2']], [2, ['new-1', 'new-2']]), status: 'optimal', lowerBound: 1 }).reason).toContain('status "optimal"');
  });
});

const excerpt = new URL('./fixtures/tianchi-excerpt/', import.meta.url).pathname;

/** An independent reading of the excerpt: the items and bins the converter must give. */
function expectedFromCsv(dir: string) {
  const curves = new Map(readFileSync(dir + 'app_resources.csv', 'utf8').trim().split('\n').map((l) => {
    const f = l.split(',');
    return [f[0]!, f[1]!.split('|').map(Number)] as const;
  }));
  const cap = new Map(readFileSync(dir + 'machine_resources.csv', 'utf8').trim().split('\n').map((l) => [l.split(',')[0]!, Number(l.split(',')[1])] as const));
  const unplaced = new Map<string, number>();
  const onMachine = new Map<string, string[]>();
  for (const l of readFileSync(dir + 'instance_deploy.csv', 'utf8').trim().split('\n')) {
    const [, app, machine] = l.split(',');
    if (machine) onMachine.set(machine, [...(onMachine.get(machine) ?? []), app!]);
    else unplaced.set(app!, (unplaced.get(app!) ?? 0) + 1);
  }
  const items = new Map([...unplaced].map(([a, c]) => [a, c * Math.max(...curves.get(a)!)]));
  const free = new Map([...onMachine].map(([mach, apps]) => {
    let peak = 0;
    for (let t = 0; t < 98; t++) peak = Math.max(peak, apps.reduce((s, a) => s + curves.get(a)![t]!, 0));
    return [mach, cap.get(mach)! - peak];
  }));
  return { items, free, unplaced };
}

describe('Tianchi converter (bundled prelim_b excerpt: 5 machines, 10 apps to deploy)', () => {
  const files = { apps: excerpt + 'app_resources.csv', machines: excerpt + 'machine_resources.csv', deploy: excerpt + 'instance_deploy.csv' };
  it('items = unplaced instances × peak, bins = free capacity after the peak load', async () => {
    const inst = convertTianchi(files);
    const exp = expectedFromCsv(excerpt);
    expect(inst.binCapacity).toBe(92);
    expect(inst.items.length).toBe(exp.items.size);
    expect(inst.bins!.length).toBe(exp.free.size);
    for (const it of inst.items) {
      expect(it.size).toBeCloseTo(exp.items.get(it.name!)!, 5);
      expect(it.parts).toBe(Math.max(2, exp.unplaced.get(it.name!)!));
    }
    for (const b of inst.bins!) expect(b.free).toBeCloseTo(Math.max(0, exp.free.get(b.name!)!), 5);
    const sol = await deploy(inst);
    expect(checkDeployment(inst, sol).valid).toBe(true);
  });
  it('redeploy-fraction 1 takes every app off; the draw is seeded; mem uses the memory columns', () => {
    const all = convertTianchi({ ...files, redeployFraction: 1 });
    expect(all.bins).toEqual([]);
    const exp = expectedFromCsv(excerpt);
    const apps = new Set(readFileSync(files.deploy, 'utf8').trim().split('\n').map((l) => l.split(',')[1]));
    expect(all.items.length).toBe(apps.size);
    const a = convertTianchi({ ...files, redeployFraction: 0.5, seed: 3 });
    const b = convertTianchi({ ...files, redeployFraction: 0.5, seed: 3 });
    const c = convertTianchi({ ...files, redeployFraction: 0.5, seed: 4 });
    expect(a).toEqual(b);
    expect(a.items.map((i) => i.name)).not.toEqual(c.items.map((i) => i.name));
    expect(a.items.length).toBeGreaterThan(exp.items.size);
    const mem = convertTianchi({ ...files, resource: 'mem' });
    expect(mem.binCapacity).toBe(288);
    expect(() => convertTianchi({ ...files, redeployFraction: 2 })).toThrow(/--redeploy-fraction/);
  });
  it('a row with more (or fewer) columns than the format defines is invalid-input naming the file, line and count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenplan-tianchi-'));
    const copy = (name: 'apps' | 'machines' | 'deploy', edit: (lines: string[]) => void) => {
      const lines = readFileSync(files[name], 'utf8').split('\n');
      edit(lines);
      const p = join(mkdtempSync(join(dir, 'case-')), `${name}.csv`);
      writeFileSync(p, lines.join('\n'));
      return { ...files, [name]: p };
    };
    const cases: [ReturnType<typeof copy>, RegExp][] = [
      [copy('apps', (l) => { l[2] += ',extra'; }), /apps file ".*apps\.csv" line 3: 8 columns, the format has 7 \(app_id, cpu curve, mem curve, disk, P, M, PM\)/],
      [copy('machines', (l) => { l[0] += ',1'; }), /machines file ".*machines\.csv" line 1: 8 columns, the format has 7 \(machine_id, cpu, mem, disk, P, M, PM\)/],
      [copy('deploy', (l) => { l[4] += ',x'; }), /deploy file ".*deploy\.csv" line 5: 4 columns, the format has 3 \(inst_id, app_id, machine_id\)/],
      [copy('machines', (l) => { l.splice(1, 0, ''); l[3] = l[3]!.split(',').slice(0, 6).join(','); }), /machines file ".*machines\.csv" line 4: 6 columns, the format has 7/],
    ];
    for (const [f, message] of cases) {
      let err: unknown;
      try {
        convertTianchi(f);
      } catch (e) {
        err = e;
      }
      expect(err, String(message)).toBeInstanceOf(GreenplanError);
      expect((err as GreenplanError).code).toBe('invalid-input');
      expect((err as Error).message).toMatch(message);
    }
  });
});

