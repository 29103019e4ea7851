// The published JSON Schema (`greenplan schema`, instanceSchema()) says what the
// validator enforces: a small independent JSON Schema checker (the keywords our
// schemas use) accepts every example and rejects the same bad instances the solver
// rejects.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { instanceSchema, trySolve, GreenplanError, ValidationError, PROBLEMS } from '../src/node.js';

type S = Record<string, any>;
/** A JSON Schema subset: type, const, enum, required, properties, additionalProperties, items, minimum/maximum, exclusiveMinimum, minLength, anyOf/oneOf, minItems/maxItems. */
function valid(s: S, v: unknown): boolean {
  const t = s.type;
  if (t === 'object' && (typeof v !== 'object' || v === null || Array.isArray(v))) return false;
  if (t === 'array' && !Array.isArray(v)) return false;
  if (t === 'string' && typeof v !== 'string') return false;
  if (t === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) return false;
  if (t === 'integer' && !Number.isInteger(v)) return false;
  if (t === 'boolean' && typeof v !== 'boolean') return false;
  if (t === 'null' && v !== null) return false;
  if ('const' in s && v !== s.const) return false;
  if (s.enum && !s.enum.includes(v)) return false;
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) return false;
    if (s.maximum !== undefined && v > s.maximum) return false;
    if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return false;
  }
  if (typeof v === 'string' && s.minLength !== undefined && v.length < s.minLength) return false;
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) return false;
    if (s.maxItems !== undefined && v.length > s.maxItems) return false;
    if (s.items && !v.every((x) => valid(s.items, x))) return false;
  }
  if (t === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of s.required ?? []) if (!(k in o)) return false;
    for (const [k, x] of Object.entries(o)) {
      if (s.properties?.[k]) { if (!valid(s.properties[k], x)) return false; }
      else if (s.additionalProperties === false) return false;
    }
  }
  if (s.anyOf && !s.anyOf.some((x: S) => valid(x, v))) return false;
  if (s.oneOf && s.oneOf.filter((x: S) => valid(x, v)).length !== 1) return false;
  return true;
}

const examplesDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8'))] as const);

describe('JSON Schema of instances', () => {
  const any = instanceSchema();
  it('is plain JSON with one schema per problem', () => {
    expect(JSON.parse(JSON.stringify(any))).toEqual(any);
    expect((any.oneOf as S[]).map((s) => s.properties.problem.const)).toEqual(['smoothing', 'knapsack', 'deployment', 'migration', 'forecast', 'autoscaling']);
  });
  it.each(examples)('accepts %s (and the solver solves it)', async (_f, inst) => {
    expect(valid(any, inst)).toBe(true);
    expect(valid(instanceSchema(inst.problem), inst)).toBe(true);
    expect((await trySolve(inst)).ok).toBe(true);
  });
  it('rejects what the validator rejects', async () => {
    const bad = [
      { problem: 'knapsack', capacity: -1, items: [] },
      { problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] },
      { problem: 'knapsack', capacity: 5, items: [{ size: 1, value: 1, copies: 1.5 }] },
      { problem: 'smoothing', scenarios: [{ demand: [1, -1] }] },
      { problem: 'smoothing', budget: -3, scenarios: [] },
      { problem: 'smoothing', scenarios: [], colour: 'red' },
      { problem: 'smoothen', scenarios: [] },
    ];
    for (const inst of bad) {
      expect(valid(any, inst), JSON.stringify(inst)).toBe(false);
      expect((await trySolve(inst)).ok, JSON.stringify(inst)).toBe(false);
    }
  });
});

describe('instanceSchema(unknown problem)', () => {
  it.each(['bogus', '__proto__', 'constructor', '', 42, null])('throws invalid-input naming the known problems for %j', (name) => {
    let err: unknown;
    try {
      instanceSchema(name as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toBeInstanceOf(GreenplanError);
    expect((err as GreenplanError).code).toBe('invalid-input');
    expect((err as GreenplanError).path).toBe('problem');
    for (const p of PROBLEMS) expect((err as Error).message).toContain(`"${p}"`);
  });
});
