// parseJson (src/cli/json.ts): the CLI's JSON.parse with a scanner for long number
// arrays. It must give JSON.parse's value number for number (Object.is), and JSON.parse's
// own error on invalid text.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseJson, FAST_MIN } from '../src/cli/json.js';

/** Deep equality with Object.is on numbers (-0 vs 0), own keys in the same order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
/** parseJson(text) is JSON.parse(text); returns how many arrays the scanner read. */
const expectSame = (text: string): number => {
  const want = JSON.parse(text);
  const stats = { fast: -1 };
  const got = parseJson(text, stats);
  if (!same(got, want)) expect(got).toEqual(want); // shows the difference
  expect(same(got, want)).toBe(true);
  return stats.fast;
};
const long = (tokens: string[]) => `[${tokens.join(',')}]`;
const repeat = (tok: string, n = FAST_MIN + 3) => long(Array.from({ length: n }, () => tok));

describe('parseJson', () => {
  it('reads long number arrays exactly as JSON.parse, in every number form', () => {
    const forms = ['0', '-0', '1', '-1', '12.34', '0.1', '0.30000000000000004', '1e3', '1E-3', '-2.5e+10', '1e22', '1e23', '1e-22', '1e-23',
      '9007199254740993', '123456789012345678', '0.000001234', '4.9e-324', '2e-324', '1.7976931348623157e308', '1e400', '-1e400', '1e-400',
      '123456789012345.6', '1234567890123456.7', '0.1234567890123456789', '100000000000000000000000', '5e-1', '0e5', '-0.0', '1.0000000000000002'];
    for (const f of forms) {
      expect(expectSame(repeat(f))).toBe(1);
      expect(expectSame(`{"problem":"smoothing","scenarios":[{"demand":${repeat(f)}}, {"demand":${repeat(f)}}]}`)).toBe(2);
    }
    expect(expectSame(long(forms.concat(forms, forms, forms, forms, forms, forms, forms, forms, forms)))).toBe(1);
  });

  it('matches JSON.parse on random doubles and random number texts (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: FAST_MIN, maxLength: FAST_MIN + 50 }), (xs) => {
      expect(expectSame(JSON.stringify({ demand: xs }))).toBe(1);
    }), { numRuns: 60 });
    const numText = fc.tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9][0-9]{0,20})$/), fc.option(fc.stringMatching(/^[0-9]{1,25}$/)), fc.option(fc.tuple(fc.constantFrom('e', 'E', 'e+', 'e-', 'E-'), fc.integer({ min: 0, max: 400 }))))
      .map(([neg, int, frac, exp]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `${exp[0]}${exp[1]}`}`);
    fc.assert(fc.property(fc.array(numText, { minLength: FAST_MIN, maxLength: FAST_MIN + 20 }), (toks) => {
      expect(expectSame(long(toks))).toBe(1);
    }), { numRuns: 60 });
  });

  it('keeps whitespace rules, nesting, strings and keys as JSON.parse does', () => {
    const xs = Array.from({ length: FAST_MIN + 1 }, (_, i) => i / 7);
    const spaced = `[ ${xs.map((x) => JSON.stringify(x)).join(' ,\n\t')} \r\n]`;
    expect(expectSame(`{"a": ${spaced}, "b": [${spaced}, ${spaced}], "c": [[1,2],[3]], "d": []}`)).toBe(3);
    // brackets and quotes inside strings are not arrays
    const inString = JSON.stringify(`x ${JSON.stringify(xs)} \\" [1,2] "`);
    expect(expectSame(`{"s": ${inString}, "t": ${JSON.stringify(xs)}, "u": "\\\\", "v": ${JSON.stringify(xs)}}`)).toBe(2);
    // an escaped quote does not end a string; an escaped backslash does not escape the quote
    expect(expectSame(`{"s": "\\" ${JSON.stringify(xs)} ", "t": ${JSON.stringify(xs)}}`)).toBe(1);
    expect(expectSame(`{"s": "\\\\", "t": ${JSON.stringify(xs)}, "u": "\\\\\\" ${JSON.stringify(xs)}"}`)).toBe(1);
    // short arrays, mixed arrays and arrays of non-numbers stay with JSON.parse
    expect(expectSame(`{"m": [${xs.join(',')}, "x"], "n": [${xs.join(',')}, null], "o": [1, 2, 3]}`)).toBe(0);
    // __proto__ stays an own data property (not the prototype)
    const text = `{"__proto__": ${JSON.stringify(xs)}, "x": {"__proto__": ${JSON.stringify(xs)}}}`;
    const got = parseJson(text) as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.hasOwn(got, '__proto__')).toBe(true);
    expect(expectSame(text)).toBe(2);
    // duplicate keys: the last wins, as in JSON.parse
    expectSame(`{"a": ${JSON.stringify(xs)}, "a": ${JSON.stringify(xs.map((x) => -x))}}`);
  });

  it('gives the returned arrays as plain number[] with double elements', () => {
    const v = parseJson(JSON.stringify({ d: Array.from({ length: 1000 }, (_, i) => i + 0.5) })) as { d: number[] };
    expect(Array.isArray(v.d)).toBe(true);
    expect(v.d.length).toBe(1000);
    v.d.push(1); // an ordinary, growable array
    expect(v.d.at(-1)).toBe(1);
  });

  it('throws exactly JSON.parse\'s error on invalid text', () => {
    const xs = JSON.stringify(Array.from({ length: FAST_MIN + 5 }, (_, i) => i * 1.5));
    const bad = [
      `{"a": ${xs}`, `{"a": ${xs},}`, `{${xs}: 1}`, `{"a": ${xs.replace('1.5', '01.5')}}`, `{"a": ${xs.replace('1.5', '1.')}}`,
      `{"a": ${xs.replace('1.5', '.5')}}`, `{"a": ${xs.replace('1.5', '1e')}}`, `{"a": ${xs.replace('1.5', '-')}}`, `{"a": ${xs.replace('1.5', '+1')}}`,
      `{"a": ${xs.replace(']', ',]')}}`, `${xs} ${xs}`, `{"a": ${xs}} x`, `[${xs}`, `{"a": ${xs.replace('1.5', 'NaN')}}`,
    ];
    for (const text of bad) {
      let want = '';
      try { JSON.parse(text); } catch (e) { want = (e as Error).message; }
      expect(want).not.toBe('');
      expect(() => parseJson(text)).toThrow(want);
    }
  });

  it('a user string that looks like its placeholder cannot confuse it', () => {
    const xs = JSON.stringify(Array.from({ length: FAST_MIN }, (_, i) => i));
    expect(expectSame(`{"a": "\\u0000greenplan-abc:0", "b": ${xs}}`)).toBe(1);
    expect(expectSame(`["\\u0000greenplan-", ${xs}]`)).toBe(1);
  });
});
