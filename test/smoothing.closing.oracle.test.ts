// Review fuzz of the smoothing kernel's fill step as a morphological closing
// (assembly/smoothing.ts closeOne: van Herk / Gil-Werman on two SIMD lanes, mirrored
// edges, lane 1 started from the forward pass; the monotone stack when 7m + 2 > T).
// solve() through the public registry API against two independent oracles:
//  - the TypeScript port of the monotone stack (test/helpers/smoothing-reference.ts);
//  - a naive closing written here from docs/smoothing.md "Filling as a closing"
//    (envelope, then min over windows of m steps of the max over the window, L mirrored
//    at both ends), O(T·m), sharing no code with either.
// Many seeds, T from 1 to a few thousand, T at and around the 7m + 2 limit, odd and even T,
// the lanes' meeting point, m = 1, 2, 3 and huge, maxStep on and off (also > 2^31),
// constant series, zeros, spikes at both ends, batches mixing lengths, repeated calls.
import { describe, expect, it } from 'vitest';
import { solve, smooth } from '../src/node.js';
import { kernels } from '../src/wasm/loader.js';
import { smoothReference } from './helpers/smoothing-reference.js';
import { mulberry32 } from './helpers/highs.js';

/** docs/smoothing.md, "Filling as a closing", written out naively. */
function naiveClosing(demand: ArrayLike<number>, maxStep: number | undefined, c: number): Float64Array {
  const T = demand.length;
  const L = Float64Array.from(demand, (x) => Math.ceil(x));
  if (maxStep !== undefined) {
    for (let t = 1; t < T; t++) L[t] = Math.max(L[t]!, L[t - 1]! - maxStep);
    for (let t = T - 2; t >= 0; t--) L[t] = Math.max(L[t]!, L[t + 1]! - maxStep);
  }
  const m = Math.ceil(2 * c);
  if (!(c > 0) || m <= 1 || T === 0) return L;
  // extended L: index i in [-(m-1), T-1+(m-1)], mirrored; beyond a mirror of the whole series, -inf
  const ext = (i: number): number => {
    if (i < 0) i = -1 - i;
    else if (i >= T) i = 2 * T - 1 - i;
    return i >= 0 && i < T ? L[i]! : -Infinity;
  };
  const h = new Float64Array(T);
  const dil = new Map<number, number>();
  const dilation = (s: number): number => {
    let v = dil.get(s);
    if (v === undefined) {
      v = -Infinity;
      for (let i = s; i < s + m; i++) v = Math.max(v, ext(i));
      dil.set(s, v);
    }
    return v;
  };
  for (let t = 0; t < T; t++) {
    let v = Infinity;
    for (let s = t - m + 1; s <= t; s++) v = Math.min(v, dilation(s));
    h[t] = v;
  }
  return h;
}

type Scen = { name?: string; demand: number[]; maxStep?: number; weight?: number };

function gen(rand: () => number, T: number, style: number): number[] {
  const top = 1 + Math.floor(rand() * 40);
  const out: number[] = [];
  let level = rand() * top;
  for (let t = 0; t < T; t++) {
    let x: number;
    switch (style) {
      case 0: x = rand() * top; break;
      case 1: x = Math.floor(rand() * (top + 1)); break;
      case 2: level = Math.min(top, Math.max(0, level + (rand() - 0.5) * 4)); x = rand() < 0.5 ? Math.round(level) : level; break;
      case 3: x = rand() < 0.1 ? rand() * top : Math.floor(rand() * 3); break;
      case 4: x = 7; break; // constant
      case 5: x = 0; break; // zeros
      case 6: x = t === 0 || t === T - 1 ? 1000 : Math.floor(rand() * 2); break; // spikes at both ends
      case 7: x = t === (T >> 1) || t === (T >> 1) - 1 ? 500 : rand() < 0.3 ? 3 : 0; break; // at the lanes' seam
      case 8: x = Math.floor(t / (1 + Math.floor(rand() * 0 + 5))) % 2 ? 9 : 1; break; // square wave of width 5
      case 9: x = t < T / 2 ? 1e12 * (t % 2) : 0.5; break; // huge values
      default: x = Math.abs(Math.sin(t / 17)) * top;
    }
    out.push(Math.round(x * 100) / 100);
  }
  return out;
}

const sums = (h: ArrayLike<number>): [number, number] => {
  let r = 0;
  let v = 0;
  for (let t = 0; t < h.length; t++) { r += h[t]!; if (t) v += Math.abs(h[t]! - h[t - 1]!); }
  return [r, v];
};

interface SolveOut { status: string; resource: number; variation: number; scenarios: { plan: number[] }[] }

async function compare(alpha: number, scenarios: Scen[], what: string, failures: string[], naive = true): Promise<void> {
  const sol = (await (solve as (i: unknown) => Promise<SolveOut>)({ problem: 'smoothing', alpha, scenarios })) as SolveOut;
  let resource = 0;
  let variation = 0;
  scenarios.forEach((s, i) => {
    const c = alpha * (s.weight ?? 1);
    const ref = smoothReference(s.demand, s.maxStep, c);
    const got = sol.scenarios[i]!.plan;
    const same = (a: ArrayLike<number>) => a.length === got.length && Array.from(a).every((x, t) => x === got[t]);
    if (!same(ref)) failures.push(`${what} scenario ${i}: plan != stack (T=${s.demand.length} c=${c} maxStep=${s.maxStep})`);
    // the naive closing costs O(T·m): only where the kernel may run the closing (m <= T)
    if (naive && Math.ceil(2 * c) <= s.demand.length && !same(naiveClosing(s.demand, s.maxStep, c))) failures.push(`${what} scenario ${i}: plan != naive closing`);
    const [r, v] = sums(ref);
    resource += r;
    variation += (s.weight ?? 1) * v;
  });
  if (sol.resource !== resource || sol.variation !== variation) failures.push(`${what}: sums ${sol.resource}/${sol.variation} != ${resource}/${variation}`);
}

describe('smoothing closing kernel: fuzz against the monotone stack and a naive closing', () => {
  it('oracles agree with each other (the naive closing is the stack, sanity)', () => {
    const rand = mulberry32(7);
    for (let k = 0; k < 300; k++) {
      const T = 1 + Math.floor(rand() * 60);
      const d = gen(rand, T, k % 11);
      const c = [0.5, 0.75, 1, 1.5, 2.25, 5, 40][k % 7]!;
      const ms = k % 3 === 0 ? undefined : k % 4;
      expect(Array.from(naiveClosing(d, ms, c)), `k=${k}`).toEqual(Array.from(smoothReference(d, ms, c)));
    }
  });

  it('random instances: T 1..4000, m = 1, 2, 3, random, at the 7m+2 limit and over it, huge; maxStep on/off; batches', async () => {
    const rand = mulberry32(20261130);
    const failures: string[] = [];
    for (let k = 0; k < 700; k++) {
      const n = 1 + Math.floor(rand() * 3);
      const scenarios: Scen[] = [];
      const Tbig = k % 25 === 0 ? 4000 : k % 5 === 0 ? 800 : 120;
      const T0 = 1 + Math.floor(rand() * Tbig);
      const mLimit = Math.max(1, Math.floor((T0 - 2) / 7));
      const mPick = [1, 2, 3, mLimit, mLimit + 1, mLimit - 1, 2 + Math.floor(rand() * mLimit), 1e6][Math.floor(rand() * 8)]!;
      const mm = Math.max(1, mPick);
      // c with ceil(2c) = mm: exactly mm/2 (ties) or a little below
      const alpha = rand() < 0.5 ? mm / 2 : mm / 2 - 0.49 * rand();
      for (let i = 0; i < n; i++) {
        const T = i === 0 ? T0 : 1 + Math.floor(rand() * Tbig);
        const s: Scen = { demand: gen(rand, T, Math.floor(rand() * 11)) };
        const r = rand();
        if (r < 0.3) s.maxStep = Math.floor(rand() * 4);
        else if (r < 0.4) s.maxStep = 2 ** 31 + Math.floor(rand() * 3);
        else if (r < 0.5) s.maxStep = 50 + Math.floor(rand() * 1000);
        if (rand() < 0.2) s.weight = 2;
        scenarios.push(s);
      }
      await compare(alpha, scenarios, `#${k} alpha=${alpha}`, failures, Tbig < 4000 || mm < 50);
    }
    expect(failures.slice(0, 5), `${failures.length} failures`).toEqual([]);
  });

  it('every T from 1 to 260 at m = the 7m+2 limit, one over and m = 2, 3; odd and even; a seam spike', async () => {
    const rand = mulberry32(99);
    const failures: string[] = [];
    for (let T = 1; T <= 260; T++) {
      const mLimit = Math.floor((T - 2) / 7);
      for (const m of new Set([2, 3, mLimit, mLimit + 1].filter((x) => x >= 2))) {
        for (const maxStep of [undefined, 0, 1, 2]) {
          const demand = gen(rand, T, T % 2 ? 7 : Math.floor(rand() * 11));
          await compare(m / 2, [{ demand, maxStep }], `T=${T} m=${m} maxStep=${maxStep}`, failures);
        }
      }
    }
    expect(failures.slice(0, 5), `${failures.length} failures`).toEqual([]);
  });

  it('repeated calls alternating long and short series: no stale state, memory flat', async () => {
    const k = await kernels();
    const rand = mulberry32(5);
    const failures: string[] = [];
    const big = Float64Array.from({ length: 200_000 }, (_, t) => (t * 7919) % 13 + (t % 1000 === 0 ? 300 : 0));
    const bigRef = smoothReference(big, 2, 3);
    let bytes = -1;
    for (let round = 0; round < 6; round++) {
      const sol = await smooth({ problem: 'smoothing', alpha: 3, scenarios: [{ demand: big, maxStep: 2 }] }, { plans: 'float64' });
      if (!sol.scenarios[0]!.plan.every((x, t) => x === bigRef[t])) failures.push(`round ${round}: long plan differs`);
      if (bytes < 0) bytes = k.memory.buffer.byteLength;
      else if (k.memory.buffer.byteLength !== bytes) failures.push(`round ${round}: memory grew ${bytes} -> ${k.memory.buffer.byteLength}`);
      const T = 20 + Math.floor(rand() * 40);
      await compare(1.5, [{ demand: gen(rand, T, round % 11) }, { demand: gen(rand, T + 1, 3), maxStep: 1 }], `round ${round} short`, failures);
    }
    expect(failures).toEqual([]);
  });
});
