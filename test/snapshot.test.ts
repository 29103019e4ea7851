// The input snapshot (src/core/snapshot.ts, docs/contract.md "Errors") against hostile
// library inputs: typed arrays whose own `slice` or Symbol.species would let the caller keep
// (and change after validation) the copy the solver reads; thrown values that cannot be
// turned into a string, a getter's own RangeError, a Proxy array reporting no array length. The answer is the one of a plain copy of the first values, or
// invalid-input naming the path; never an internal error or a non-greenplan exception.
import { describe, expect, it } from 'vitest';
import { solve, trySolve, check, GreenplanError } from '../src/node.js';
import { snapshot } from '../src/core/snapshot.js';

const base = () => ({ problem: 'smoothing', alpha: 1.5, scenarios: [{ name: 'c', demand: [3, 1, 4, 1, 5] as number[] | Float64Array }] });
const planOf = async (inst: unknown, after?: () => void) => {
  const p = solve(inst);
  after?.(); // the caller changes what it kept once solve() has validated its snapshot
  return Array.from(((await p) as { scenarios: { plan: ArrayLike<number> }[] }).scenarios[0]!.plan);
};

describe('snapshot: typed arrays are copied without running the caller\'s code', () => {
  it('an own `slice` cannot hand the solver an array the caller keeps', async () => {
    const want = await planOf(base());
    const d = Float64Array.from([3, 1, 4, 1, 5]);
    const kept = Float64Array.from(d);
    Object.defineProperty(d, 'slice', { value: () => kept });
    const inst = base();
    inst.scenarios[0]!.demand = d;
    expect(await planOf(inst, () => { kept[2] = 400; })).toEqual(want);
  });

  it('a Symbol.species constructor cannot keep the copy either', async () => {
    const want = await planOf(base());
    let kept: Float64Array | undefined;
    class Keep extends Float64Array {
      static override get [Symbol.species]() { return function make(n: number) { kept = new Float64Array(n); return kept; }; }
    }
    const inst = base();
    inst.scenarios[0]!.demand = Keep.from([3, 1, 4, 1, 5]);
    expect(await planOf(inst, () => { if (kept) kept[2] = 400; })).toEqual(want);
  });

  it('copies every kind of typed array as its own kind, with the intrinsic length (an own `length` ignored)', () => {
    for (const T of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array]) {
      const src = T.from([1, 2, 3]);
      Object.defineProperty(src, 'length', { get: () => 1e9 });
      const c = snapshot({ x: src }) as { x: unknown };
      expect(c.x, T.name).toBeInstanceOf(T);
      expect(Object.getPrototypeOf(c.x), T.name).toBe(T.prototype);
      expect(Array.from(c.x as ArrayLike<number>), T.name).toEqual([1, 2, 3]);
      expect(c.x).not.toBe(src);
    }
    for (const T of [BigInt64Array, BigUint64Array]) {
      const c = snapshot({ x: T.from([1n, 2n]) }) as { x: unknown };
      expect(c.x).toBeInstanceOf(T);
    }
  });

  it('BigInt typed arrays and BigInts are invalid-input naming the path', async () => {
    for (const demand of [BigInt64Array.from([3n, 1n]), BigUint64Array.from([3n, 1n]), [3n, 1] as unknown as number[]]) {
      const inst = base();
      inst.scenarios[0]!.demand = demand as unknown as number[];
      const r = await trySolve(inst);
      expect(r.ok).toBe(false);
      if (!r.ok) { expect(r.error.code).toBe('invalid-input'); expect(r.error.path).toMatch(/^scenarios\[0\]\.demand/); }
    }
  });
});

describe('snapshot: a getter that throws a value that cannot be printed', () => {
  const unprintable: [string, () => unknown][] = [
    ['a null-prototype object', () => Object.create(null)],
    ['an object whose toString throws', () => ({ toString() { throw new Error('no'); } })],
    ['an Error whose message getter throws', () => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw new Error('no'); } }); return e; }],
    ['a Proxy whose every trap throws', () => new Proxy({}, { get() { throw new Error('no'); }, getPrototypeOf() { throw new Error('no'); } })],
    ['a RangeError (not the engine\'s: the getter\'s own)', () => new RangeError('mine')],
  ];
  for (const [name, thrown] of unprintable) {
    it(`${name}: solve(), trySolve() and check() give invalid-input with the path`, async () => {
      const inst = base() as Record<string, any>;
      Object.defineProperty(inst.scenarios[0], 'demand', { enumerable: true, get() { throw thrown(); } });
      const r = await trySolve(inst);
      expect(r.ok).toBe(false);
      if (!r.ok) { expect(r.error.code).toBe('invalid-input'); expect(r.error.path).toBe('scenarios[0].demand'); }
      await expect(solve(inst)).rejects.toBeInstanceOf(GreenplanError);
      let err: unknown;
      try { check(inst, {}); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(GreenplanError);
      expect((err as GreenplanError).code).toBe('invalid-input');
      // the solution too: not valid, no exception
      const sol = {};
      Object.defineProperty(sol, 'problem', { enumerable: true, get() { throw thrown(); } });
      expect(check(base(), sol)).toMatchObject({ valid: false });
    });
  }

  it.each([[-1], [1.5], ['5'], [{ valueOf() { throw new Error('no'); } }]])('a Proxy array reporting the length %s is invalid-input with the path', async (length) => {
    const inst = base() as Record<string, any>;
    inst.scenarios[0].demand = new Proxy([3, 1, 4, 1, 5], { get: (t, k) => (k === 'length' ? length : Reflect.get(t, k)) });
    const r = await trySolve(inst);
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.code).toBe('invalid-input'); expect(r.error.path).toBe('scenarios[0].demand'); }
    let err: unknown;
    try { check(inst, {}); } catch (e) { err = e; }
    expect((err as GreenplanError).code).toBe('invalid-input');
  });
});
