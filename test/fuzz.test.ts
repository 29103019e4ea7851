// Bad input never crashes: random JSON values, and random mutations of every example
// (fields dropped, replaced by odd values, numbers pushed to extremes), go through
// trySolve; every outcome is a solution or a GreenplanError of code "invalid-input"
// with a JSON path that exists in the input (or '' for the whole input), never an
// internal error, an exception of another class or a hang.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { trySolve, check, solve, GreenplanError } from '../src/node.js';
import { BASE, setAt, edgeInstances } from './helpers/hostile.js';

const examplesDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8')));

const ODD = [null, true, -1, 0, 0.5, -0.0, 1e308, -1e308, 2 ** 31, 2 ** 53, '', 'x', [], {}, [null], { a: 1 }, 1e-300, 3];

/** The value at a path like items[0].size (or undefined when it does not exist). */
function at(value: unknown, path: string): unknown {
  if (path === '') return value;
  let cur: any = value;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[/^\d+$/.test(part) ? Number(part) : part];
  }
  return cur;
}

async function expectGraceful(inst: unknown) {
  const r = await trySolve(inst);
  if (r.ok) return 'solved';
  expect(r.error).toBeInstanceOf(GreenplanError);
  expect(r.error.code, `${r.error.message}\n${String(JSON.stringify(inst)).slice(0, 500)}`).toBe('invalid-input');
  // the path names a place in the input: the value there, or its parent object, exists
  const parent = /[.[]/.test(r.error.path) ? r.error.path.replace(/(\.[^.[\]]+|\[\d+\])$/, '') : '';
  expect(at(inst, r.error.path) !== undefined || at(inst, parent) !== undefined, r.error.path).toBe(true);
  return 'rejected';
}

/** Every path to a leaf or container in a JSON value. */
function paths(v: unknown, base = ''): string[] {
  const out = [base];
  if (Array.isArray(v)) v.slice(0, 6).forEach((x, i) => out.push(...paths(x, `${base}[${i}]`)));
  // keys that are not identifiers (forecast's coverage "0.8") are mutated through their parent
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (/^[A-Za-z_$][\w$]*$/.test(k)) out.push(...paths(x, base ? `${base}.${k}` : k));
  return out;
}

function mutate(inst: any, path: string, mode: number, odd: unknown): any {
  const copy = structuredClone(inst);
  if (path === '') return odd;
  const parts = path.match(/[^.[\]]+/g)!;
  let cur = copy;
  for (const p of parts.slice(0, -1)) cur = cur[/^\d+$/.test(p) ? Number(p) : p];
  const last = parts[parts.length - 1]!;
  const key = /^\d+$/.test(last) ? Number(last) : last;
  if (mode === 0) { if (Array.isArray(cur)) cur.splice(key as number, 1); else delete cur[key]; }
  else cur[key] = odd;
  return copy;
}

describe('bad input never crashes', () => {
  it('random JSON values (400 runs)', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (v) => { await expectGraceful(v); }), { numRuns: 400, seed: 7 });
  });
  it('random JSON objects with a known problem (400 runs)', async () => {
    const arb = fc.record({ problem: fc.constantFrom('smoothing', 'knapsack', 'deployment', 'migration', 'autoscaling') }).chain((h) =>
      fc.dictionary(fc.constantFrom('scenarios', 'items', 'bins', 'tasks', 'machines', 'resources', 'capacity', 'binCapacity', 'budget', 'alpha', 'services', 'energy', 'horizon', 'risk', 'evaluate'), fc.jsonValue()).map((d) => ({ ...d, ...h })));
    await fc.assert(fc.asyncProperty(arb, async (v) => { await expectGraceful(v); }), { numRuns: 400, seed: 8 });
  });
  it('every example, mutated at every path (dropped or given an odd value)', async () => {
    const outcomes = { solved: 0, rejected: 0 };
    for (const inst of examples) {
      for (const p of paths(inst)) {
        if (p === 'problem' || p === '') continue;
        for (let m = 0; m <= ODD.length; m++) {
          const v = mutate(inst, p, m === 0 ? 0 : 1, ODD[m - 1]);
          outcomes[await expectGraceful(v)]++;
        }
      }
    }
    console.log('mutated examples:', outcomes);
    expect(outcomes.rejected).toBeGreaterThan(100);
  });
});

/** check() of a (possibly malformed) solution: a report, never a throw, one bounded line. */
function expectReport(inst: unknown, sol: unknown): boolean {
  const r = check(inst, sol);
  expect(typeof r.valid).toBe('boolean');
  expect(typeof r.reason).toBe('string');
  expect(r.reason.length, r.reason.slice(0, 300)).toBeLessThan(2000);
  return r.valid;
}

describe('check never crashes on a malformed solution', () => {
  it('every example\'s solution, mutated at every path (dropped or given an odd value)', async () => {
    const outcomes = { valid: 0, invalid: 0 };
    for (const inst of examples) {
      const sol = await solve(inst);
      expect(expectReport(inst, sol)).toBe(true);
      for (const p of paths(sol)) {
        if (p === '') continue;
        for (let m = 0; m <= ODD.length; m++) {
          const v = mutate(sol, p, m === 0 ? 0 : 1, ODD[m - 1]);
          outcomes[expectReport(inst, v) ? 'valid' : 'invalid']++;
        }
      }
    }
    console.log('mutated solutions:', outcomes);
    expect(outcomes.invalid).toBeGreaterThan(500);
  });
  it('random JSON solutions for every example (300 runs each)', () => {
    for (const inst of examples) {
      fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.record({ problem: fc.constant(inst.problem), status: fc.constantFrom('optimal', 'feasible', 'ok', 'infeasible', 'timeout'), reason: fc.string() }).chain((h) => fc.dictionary(fc.constantFrom('items', 'take', 'scenarios', 'rounds', 'assignment', 'newBins', 'parts', 'objective', 'minimumResource'), fc.jsonValue()).map((d) => ({ ...d, ...h })))), (sol) => {
        expectReport(inst, sol);
      }), { numRuns: 300, seed: 9 });
    }
  });
});

describe('names: every user-supplied name is safe as a key and in a message', () => {
  const NAMES: [string, string][] = [['__proto__', '__proto__'], ['constructor', 'constructor'], ['toString', 'toString'], ['valueOf', 'valueOf'], ['empty', ''],
    ['control characters', '\u0000\u0007\u001b[2J\r\n\u2028'], ['10 MB', 'n'.repeat(10_000_000)]];
  // [problem, path of the name, other path that must carry the same name]
  const NAMED: [string, string, string?][] = [['smoothing', 'scenarios[0].name'], ['knapsack', 'items[0].name'], ['deployment', 'items[0].name'], ['deployment', 'bins[0].name'],
    ['migration', 'machines[0].name', 'tasks[0].machine'], ['migration', 'tasks[0].name'], ['migration', 'tasks[3].name'], ['migration', 'tasks[0].group', 'tasks[1].group'], ['migration', 'resources[0]']];
  it.each(NAMED)('%s %s: solved and re-checked, or refused in one short line', async (problem, path, twin) => {
    for (const [label, name] of NAMES) {
      let inst = setAt(BASE[problem], path, name);
      if (twin) inst = setAt(inst, twin, name);
      const r = await trySolve(inst);
      if (r.ok) {
        const report = check(inst, r.solution);
        expect(report.valid, `${label}: ${report.reason.slice(0, 300)}`).toBe(true);
      } else {
        expect(r.error.code, `${label}: ${r.error.message.slice(0, 300)}`).toBe('invalid-input');
        expect(r.error.message.length, label).toBeLessThan(1000);
        // eslint-disable-next-line no-control-regex
        expect(r.error.message, label).not.toMatch(/[\u0000-\u001f]/);
        expect(label).toBe('empty'); // only the empty name is refused (names are non-empty strings)
      }
    }
  });
  it('duplicates of hostile names are reported with both paths, escaped and truncated', async () => {
    for (const [label, name] of NAMES.filter(([l]) => l !== 'empty')) {
      const inst = setAt(setAt(BASE.knapsack, 'items[0].name', name), 'items[1].name', name);
      const r = await trySolve(inst);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.message, label).toMatch(/^items\[1\]\.name duplicates items\[0\]\.name/);
      expect(r.error.message.length, label).toBeLessThan(200);
      // eslint-disable-next-line no-control-regex
      expect(r.error.message, label).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});

/** The path of the first number that is not finite (NaN, ±Infinity: JSON would print null), or null. */
function nonFinite(v: unknown, path = ''): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : `${path} = ${v}`;
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const r = nonFinite(x, `${path}.${k}`);
      if (r) return r;
    }
  }
  return null;
}

describe('valid instances at the limits: solved, finite, and the checker agrees (test/helpers/hostile.ts edgeInstances)', () => {
  it.each(edgeInstances())('%s', async (_name, inst) => {
    const r = await trySolve(inst);
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (!r.ok) return;
    expect(nonFinite(r.solution)).toBeNull();
    const report = check(inst, r.solution);
    expect(report.valid, report.reason).toBe(true);
    // a plan that uses capacity switches servers on (was: 0 servers for tiny pods)
    const sol = r.solution as any;
    if (sol.totals?.podHours > 0) expect(sol.totals.serverHours).toBeGreaterThan(0);
    if (sol.problem === 'smoothing' && sol.resource > 0) expect(sol.energy.serverHours).toBeGreaterThan(0);
  });
});

describe('regressions found by the fuzzing above', () => {
  it('deployment: the lower bound holds when capacities are orders of magnitude apart (was: 2 new machines claimed optimal where 1 suffices: maxLoad stopped at cap - eps < 0 on a small machine)', async () => {
    // b1 (0.2 free) takes one part of each service exactly (0.1 + 0.2/3 + 0.1/3): one new machine suffices
    const inst = { problem: 'deployment', binCapacity: 1e12, bins: [{ name: 'b0', free: 1e12 }, { name: 'b1', free: 0.2 }], items: [{ name: 's0', size: 0.2, minParts: 2, maxParts: 3 }, { name: 's1', size: 0.2, minParts: 3, maxParts: 6 }, { name: 's2', size: 0.1, minParts: 3, maxParts: 4 }] };
    for (const algorithm of ['guess-and-pack:worst-fit', 'guess-and-pack:first-fit', 'merge-and-split', 'pack-and-adapt:first-fit']) {
      const sol = (await solve({ ...inst, algorithm })) as any;
      expect(sol.lowerBound, algorithm).toBeLessThanOrEqual(1);
      if (sol.status === 'optimal') expect(sol.newBins, algorithm).toBe(1);
      expect(check({ ...inst, algorithm }, sol).valid, algorithm).toBe(true);
    }
    // the same instance at unit scale always had the bound 1
    expect(((await solve({ ...inst, binCapacity: 1, bins: [{ name: 'b0', free: 1 }, { name: 'b1', free: 0.2 }] })) as any).lowerBound).toBe(1);
  });
  it('a deployment service needing 2^31/92 parts is refused at validation (was: "Map maximum size exceeded" after 80 s)', async () => {
    const r = await trySolve({ problem: 'deployment', binCapacity: 92, items: [{ name: 'a', size: 10 }, { name: 'b', size: 2 ** 31 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('items[1].size');
      expect(r.error.message).toMatch(/needs at least 23342214 parts \(no machine holds more than 92\)/);
    }
  });
  it('budgeted smoothing with a weight of 1e308 is solved (was: internal error, kernel status 2 on 2·w = Infinity)', async () => {
    const inst = { problem: 'smoothing', budget: 40, scenarios: [{ demand: [1, 5, 1, 1, 5, 2, 0, 3] }, { weight: 1e308, demand: [0, 3, 0, 3, 0] }] };
    const r = await trySolve(inst);
    expect(r.ok).toBe(true);
    // the heavy scenario is flattened first: its variation is worth everything
    if (r.ok && r.solution.problem === 'smoothing' && r.solution.status === 'optimal') expect(r.solution.scenarios[1]!.plan).toEqual([3, 3, 3, 3, 3]);
  });
});
