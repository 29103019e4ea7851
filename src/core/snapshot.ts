// One read of the caller's input (docs/contract.md, "Errors"): solve(), trySolve() and check()
// validate and solve a copy taken once at entry, so that a getter or a Proxy that returns
// another value on a later read ("TOCTOU") cannot pass validation with one value and reach
// the solver with another. The copy keeps what JSON cannot carry and the solvers take
// (typed arrays, NaN, `undefined` fields, which validation then judges as before) and
// reads every property exactly once.
import { GreenplanError, ValidationError, quote, thrownText } from './errors.js';
import { JSON_MAX_ARRAY, JSON_MAX_DEPTH } from './json.js';

// The intrinsic typed-array getters and constructors, taken at load: a typed array is copied
// through them, so that nothing of the caller's runs (an own `slice` or `length`, a subclass's
// Symbol.species) and no copy is left in the caller's hands to change after validation.
const TypedArrayProto = Object.getPrototypeOf(Int8Array.prototype) as object;
const intrinsic = (k: PropertyKey) => Object.getOwnPropertyDescriptor(TypedArrayProto, k)!.get!;
const kindOf = intrinsic(Symbol.toStringTag) as (this: unknown) => string | undefined;
const lengthOf = intrinsic('length') as (this: unknown) => number;
const setFrom = (TypedArrayProto as { set: (this: unknown, src: unknown) => void }).set;
type TypedArrayCtor = new (n: number) => unknown;
const KINDS = new Map<string, TypedArrayCtor>(
  [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]
    .map((T) => [T.name, T as unknown as TypedArrayCtor]),
);

/** A fresh typed array of the intrinsic kind of `v` with its elements, or null when `v` is no typed array (a DataView). */
function copyTyped(v: ArrayBufferView): unknown {
  const T = KINDS.get(kindOf.call(v) ?? '');
  if (!T) return null;
  const out = new T(lengthOf.call(v));
  setFrom.call(out, v);
  return out;
}

/** A JSON path from its keys (`scenarios[0].demand`). */
function pathOf(keys: readonly (string | number)[]): string {
  let out = '';
  for (const k of keys) out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
  return out;
}

/**
 * A deep copy of `value` that reads each property once: plain arrays element by element,
 * typed arrays by one copy through the intrinsic methods (a fresh array of the same kind), any other object as its own enumerable string keys (a Proxy
 * through its traps; `__proto__` stays an own key); primitives and functions as they are.
 * A cycle, nesting deeper than JSON_MAX_DEPTH or a plain array longer than JSON_MAX_ARRAY
 * (the JSON reader's limits, src/core/json.ts) is a ValidationError naming the path; what
 * the input throws while it is read is invalid input ("the instance cannot be read", as
 * readInput() in src/core/validate.ts says it; `what` names the input).
 */
export function snapshot(value: unknown, what = 'the instance'): unknown {
  const keys: (string | number)[] = [];
  const open = new Set<object>();
  // every read of the caller's value goes through here: whatever it throws (any value, a
  // RangeError too) is invalid input at the path, described without running more of its code
  const unreadable = (e: unknown): ValidationError => {
    const at = pathOf(keys);
    const threw = `reading it threw ${quote(thrownText(e))}`;
    return at ? new ValidationError(at, `cannot be read: ${threw} (a getter or a Proxy of ${what})`) : new ValidationError('', `${what} cannot be read: ${threw} (a getter or a Proxy)`);
  };
  const read = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw unreadable(e);
    }
  };
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    // a DataView (never a valid value) is replaced by an empty one: no caller's object reaches validation
    if (ArrayBuffer.isView(v)) return copyTyped(v) ?? new DataView(new ArrayBuffer(0));
    if (open.has(v)) throw new ValidationError(pathOf(keys), 'refers to an enclosing value (a cycle): the input must be a tree of values');
    if (open.size >= JSON_MAX_DEPTH) throw new ValidationError(pathOf(keys), `is nested deeper than ${JSON_MAX_DEPTH} levels`);
    open.add(v);
    let out: unknown;
    if (read(() => Array.isArray(v))) {
      const n: unknown = read(() => (v as unknown[]).length);
      // only a Proxy can report a length that is no array length
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new ValidationError(pathOf(keys), `reports the length ${quote(thrownText(n))}, not an array length (a Proxy of ${what})`);
      if (n > JSON_MAX_ARRAY) throw new ValidationError(pathOf(keys), `has ${n} elements, more than ${JSON_MAX_ARRAY} (pass long series as Float64Array)`);
      // filled by push, not into new Array(n): a preallocated array is holey, and every later
      // read of a holey array of numbers is slower (each number boxed): 7 x on smoothing's
      // number[] path (docs/contract.md); no closure per element (the hot loop of long series)
      const a: unknown[] = [];
      for (let i = 0; i < n; i++) {
        keys.push(i);
        let x: unknown;
        try {
          x = (v as unknown[])[i];
        } catch (e) {
          throw unreadable(e);
        }
        a.push(typeof x === 'object' && x !== null ? copy(x) : x);
        keys.pop();
      }
      out = a;
    } else {
      const o: Record<string, unknown> = {};
      for (const k of read(() => Object.keys(v))) {
        keys.push(k);
        const x = copy(read(() => (v as Record<string, unknown>)[k]));
        if (k === '__proto__') Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
        else o[k] = x;
        keys.pop();
      }
      out = o;
    }
    open.delete(v);
    return out;
  };
  try {
    return copy(value);
  } catch (e) {
    // what the caller's code threw is a ValidationError already (read); a RangeError here is the engine's (memory)
    if (e instanceof GreenplanError || e instanceof RangeError) throw e;
    throw unreadable(e);
  }
}
