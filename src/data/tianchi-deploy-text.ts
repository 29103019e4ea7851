// Converter: Alibaba Tianchi 2018 scheduling data -> a deployment instance
// (docs/deployment.md; data format: docs/data.md), from the texts of the three files: pure,
// no file system (the playground runs it in the browser; ./tianchi-deploy.ts reads the files).
//
// Items: the apps to deploy, one per app: size = (instances to deploy) × the peak of
// the app's per-instance curve (cpu or mem), rounded up to 1e-6; `parts` = that
// instance count (at least 2), the replica count SpreadWFD starts from.
// Bins: the machines that still hold placed instances: free = capacity − the peak over
// the day of the summed curves placed there, rounded down to 1e-6 and clipped at 0.
// binCapacity: the largest machine capacity of the resource (92 cores, 288 GB), or given.
// Default: the instances without a machine (prelim_b: 6,970 of 2,790 apps) are the items.
// With redeployFraction F: round(F × apps with instances) apps, drawn with a seeded
// shuffle, are also taken off their machines and redeployed (semi_a/semi_b are full
// placements: F = 1 redeploys every app onto new machines).
import { GreenplanError, quote } from '../core/errors.js';
import { mulberry32 } from '../core/rng.js';
import type { DeploymentInstance } from '../problems/deployment/schema.js';

export interface TianchiDeployTextOptions {
  /** the text of app_resources.csv */
  apps: string;
  /** the text of machine_resources.<set>.csv */
  machines: string;
  /** the text of instance_deploy.<set>.csv */
  deploy: string;
  resource?: 'cpu' | 'mem';
  /** share of the apps (with instances) to take off their machines, 0..1 */
  redeployFraction?: number;
  seed?: number;
  binCapacity?: number;
  /** the files' names for messages (`greenplan convert` passes the paths) */
  names?: { apps?: string; machines?: string; deploy?: string };
}

/** The columns of each file (docs/data.md): a row with more or fewer is an error. */
const COLUMNS = {
  apps: ['app_id', 'cpu curve', 'mem curve', 'disk', 'P', 'M', 'PM'],
  machines: ['machine_id', 'cpu', 'mem', 'disk', 'P', 'M', 'PM'],
  deploy: ['inst_id', 'app_id', 'machine_id'],
} as const;

/** The rows of one file split into their cells, checking the column count (lines counted from 1, blank lines skipped). */
function rows(opts: TianchiDeployTextOptions, file: keyof typeof COLUMNS): string[][] {
  const out: string[][] = [];
  const want = COLUMNS[file];
  const name = opts.names?.[file];
  opts[file].split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.split(',');
    if (f.length !== want.length) {
      throw new GreenplanError('invalid-input', `${file} file${name === undefined ? '' : ` ${quote(name, 200)}`} line ${i + 1}: ${f.length} columns, the format has ${want.length} (${want.join(', ')})`);
    }
    out.push(f);
  });
  return out;
}

const up6 = (x: number) => Math.ceil(x * 1e6 - 1e-6) / 1e6;
const down6 = (x: number) => Math.floor(x * 1e6 + 1e-6) / 1e6;

/** Convert the texts of the three files (no file system: the playground runs this in the browser). */
export function convertTianchiText(opts: TianchiDeployTextOptions): DeploymentInstance {
  const resource = opts.resource ?? 'cpu';
  if (resource !== 'cpu' && resource !== 'mem') throw new GreenplanError('invalid-input', `--resource must be cpu or mem, not ${resource}`, 'resource');
  const F = opts.redeployFraction ?? 0;
  if (!(F >= 0 && F <= 1)) throw new GreenplanError('invalid-input', `--redeploy-fraction must be a number in 0..1, not ${opts.redeployFraction}`, 'redeployFraction');
  if (opts.binCapacity !== undefined && !(opts.binCapacity > 0 && opts.binCapacity <= 1e12)) {
    throw new GreenplanError('invalid-input', `--bin-capacity must be a number in (0, 1e12], not ${opts.binCapacity}`, 'binCapacity');
  }
  const col = resource === 'cpu' ? 1 : 2;
  const curves = new Map<string, Float64Array>();
  for (const f of rows(opts, 'apps')) {
    const c = Float64Array.from(f[col]!.split('|'), Number);
    if (!c.length || c.some((x) => !Number.isFinite(x))) throw new GreenplanError('invalid-input', `apps file: bad ${resource} curve for ${f[0]}`);
    curves.set(f[0]!, c);
  }
  const capacity = new Map<string, number>();
  let largest = 0;
  for (const f of rows(opts, 'machines')) {
    const c = Number(f[col]);
    if (!(c > 0)) throw new GreenplanError('invalid-input', `machines file: bad ${resource} capacity for ${f[0]}`);
    capacity.set(f[0]!, c);
    largest = Math.max(largest, c);
  }
  const placed: { app: string; machine: string }[] = [];
  const unplaced = new Map<string, number>(); // app -> instances to deploy
  const appsWithInstances = new Set<string>();
  for (const [, app, machine] of rows(opts, 'deploy')) {
    if (!app || !curves.has(app)) throw new GreenplanError('invalid-input', `deploy file: unknown app ${app}`);
    appsWithInstances.add(app);
    if (machine && machine.trim()) {
      if (!capacity.has(machine.trim())) throw new GreenplanError('invalid-input', `deploy file: unknown machine ${machine}`);
      placed.push({ app, machine: machine.trim() });
    } else unplaced.set(app, (unplaced.get(app) ?? 0) + 1);
  }
  // apps taken off their machines
  const redeploy = new Set<string>();
  if (F > 0) {
    const all = [...appsWithInstances].sort();
    const rand = mulberry32(opts.seed ?? 1);
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    for (const a of all.slice(0, Math.round(F * all.length))) redeploy.add(a);
  }
  const load = new Map<string, Float64Array>();
  for (const { app, machine } of placed) {
    if (redeploy.has(app)) {
      unplaced.set(app, (unplaced.get(app) ?? 0) + 1);
      continue;
    }
    const c = curves.get(app)!;
    let l = load.get(machine);
    if (!l) load.set(machine, (l = new Float64Array(c.length)));
    for (let t = 0; t < c.length; t++) l[t] += c[t]!;
  }
  const peak = (c: Float64Array) => c.reduce((a, b) => Math.max(a, b), 0);
  const items = [...unplaced]
    .sort(([a], [b]) => appOrder(a, b))
    .map(([app, count]) => ({ name: app, size: up6(count * peak(curves.get(app)!)), parts: Math.max(2, count) }))
    .filter((it) => it.size > 0);
  const bins = [...load]
    .sort(([a], [b]) => appOrder(a, b))
    .map(([machine, l]) => ({ name: machine, free: Math.max(0, down6(capacity.get(machine)! - peak(l))) }));
  return { problem: 'deployment', binCapacity: opts.binCapacity ?? largest, bins, items };
}

/** app_12 before app_100: by the number after the last underscore, then by name. */
function appOrder(a: string, b: string): number {
  const na = Number(a.slice(a.lastIndexOf('_') + 1));
  const nb = Number(b.slice(b.lastIndexOf('_') + 1));
  return na - nb || (a < b ? -1 : a > b ? 1 : 0);
}
