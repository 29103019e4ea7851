// Converter: Google ROADEF/EURO Challenge 2012 machine reassignment (model + initial
// assignment) -> a greenplan migration instance. Pure text, no file system (the playground
// runs it in the browser; ./roadef.ts reads the files).
//
// Model file (whitespace separated): R, then per resource `transient weight`; M, then per
// machine `neighborhood location capacity[R] safetyCapacity[R] moveCost[M]`; S services,
// per service `spreadMin nDeps dep...`; P processes, per process `service
// requirement[R] moveCost`; balance objectives; weights. Assignment file: one machine
// index per process.
// Mapping: resources r0..r{R-1}; machines m0.. with the hard capacities and cost 1;
// tasks p0.. with their requirements on their initial machine; the processes of one
// service (when it has two or more) form a group `s<k>` (the service conflict
// constraint). Neighborhoods, spread, dependencies, safety capacities and the soft
// costs of the challenge are not part of the migration problem and are dropped; the
// transient rule is applied to every resource (see the README, "Migration").
import type { MigrationInstance } from '../problems/migration/schema.js';

export interface RoadefOptions {
  /** cost of one move; default: roadefDefaultAlpha (scales with the instance) */
  alpha?: number;
  maxParallel?: number;
  /** instance name used in error messages */
  name?: string;
}

/** Convert the text of a model and an assignment file. Throws Error on malformed input. */
export function roadefToMigration(modelText: string, assignmentText: string, opts: RoadefOptions = {}): MigrationInstance {
  const tok = modelText.split(/\s+/).filter((s) => s.length > 0);
  let p = 0;
  const what = opts.name ?? 'model';
  const next = (field: string): number => {
    if (p >= tok.length) throw new Error(`${what}: ends early (expected ${field})`);
    const v = Number(tok[p++]);
    if (!Number.isFinite(v)) throw new Error(`${what}: token ${p} ("${tok[p - 1]}") is not a number (expected ${field})`);
    return v;
  };
  const R = next('number of resources');
  for (let r = 0; r < R; r++) {
    next('transient flag');
    next('load cost weight');
  }
  const M = next('number of machines');
  const machines: MigrationInstance['machines'] = [];
  for (let j = 0; j < M; j++) {
    next('neighborhood');
    next('location');
    const capacity: number[] = [];
    for (let r = 0; r < R; r++) capacity.push(next(`machine ${j} capacity`));
    for (let r = 0; r < R; r++) next('safety capacity');
    for (let k = 0; k < M; k++) next('machine move cost');
    machines.push({ name: `m${j}`, cost: 1, capacity });
  }
  const S = next('number of services');
  for (let s = 0; s < S; s++) {
    next('spreadMin');
    const deps = next('number of dependencies');
    for (let k = 0; k < deps; k++) next('dependency');
  }
  const P = next('number of processes');
  const service: number[] = [];
  const demand: number[][] = [];
  for (let i = 0; i < P; i++) {
    service.push(next(`process ${i} service`));
    const d: number[] = [];
    for (let r = 0; r < R; r++) d.push(next(`process ${i} requirement`));
    next('process move cost');
    demand.push(d);
  }
  const assign = assignmentText.split(/\s+/).filter((s) => s.length > 0).map(Number);
  if (assign.length !== P) throw new Error(`assignment: has ${assign.length} machine indices, the model ${P} processes`);
  const size = new Map<number, number>();
  for (const s of service) size.set(s, (size.get(s) ?? 0) + 1);
  const tasks: MigrationInstance['tasks'] = [];
  for (let i = 0; i < P; i++) {
    const j = assign[i]!;
    if (!Number.isInteger(j) || j < 0 || j >= M) throw new Error(`assignment: process ${i} is on machine ${assign[i]}, not in 0..${M - 1}`);
    const t: MigrationInstance['tasks'][number] = { name: `p${i}`, demand: demand[i]!, machine: `m${j}` };
    if (size.get(service[i]!)! >= 2) t.group = `s${service[i]}`;
    tasks.push(t);
  }
  const inst: MigrationInstance = {
    problem: 'migration',
    resources: Array.from({ length: R }, (_, r) => `r${r}`),
    alpha: opts.alpha ?? roadefDefaultAlpha(assign, M),
    maxParallel: opts.maxParallel ?? 1,
    machines,
    tasks,
  };
  return inst;
}

/**
 * The default α: 1 / (2 × the largest number of processes on one machine), rounded
 * to two significant digits (always below 1 / the most processes). Closing a machine
 * (cost 1) moves at least its tasks, so a fixed α such as 0.01 makes every closure of a
 * machine with 100 or more tasks a loss and the plan is empty; below 1 / the largest
 * tasks-per-machine even the fullest machine's closure pays for moving each of its tasks
 * once, and the factor 2 leaves room for the extra moves (ejections, swaps) a closure needs.
 */
export function roadefDefaultAlpha(assign: number[], machines: number): number {
  const count = new Array<number>(Math.max(1, machines)).fill(0);
  let most = 1;
  for (const j of assign) if (Number.isInteger(j) && j >= 0 && j < machines) most = Math.max(most, ++count[j]!);
  return Number((1 / (2 * most)).toPrecision(2));
}
