// Binary pieces (assembly/knapsack.ts knapsackBinary / knapsackBinaryBack): the 0/1
// passes give the same DP values as the monotone-deque kernel, in every mode, with
// negative values and pieces larger than the window; the walk back recovers counts of
// exactly the DP's value and size. Then the proximity method, which uses them on large
// windows, against the plain DP over the capacity (dp-deque) on instances whose
// windows are large enough (s_max² >= 16,384), with tables and without (divide and
// conquer under a small memory budget).
import { describe, expect, it } from 'vitest';
import { knapsack, checkKnapsack } from '../src/node.js';
import { kernels } from '../src/wasm/loader.js';
import { KNAPSACK_AT_MOST, KNAPSACK_EXACT, OK } from '../src/wasm/abi.js';
import { mulberry32 } from '../src/core/rng.js';

describe('knapsackBinary = knapsackTable (DP values) and its walk back', () => {
  it('agrees on 300 random item lists in both modes', async () => {
    const k = await kernels();
    const rand = mulberry32(4242);
    const failures: string[] = [];
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 8);
      const C = Math.floor(rand() * 400);
      const mode = rand() < 0.5 ? KNAPSACK_AT_MOST : KNAPSACK_EXACT;
      const size = Array.from({ length: n }, () => 1 + Math.floor(rand() * 60));
      const value = Array.from({ length: n }, () => (mode === KNAPSACK_EXACT && rand() < 0.4 ? -1 : 1) * Math.floor(rand() * 100));
      // copies as the host passes them: at most max(1, C / size)
      const copies = size.map((s) => Math.max(1, Math.min(1 + Math.floor(rand() * 40), Math.floor(C / s))));
      const base = k.reserve(n * 32 + (C + 1) * (8 * 3 + 4) + 64 * n * (C + 1) + 1024);
      const buf = k.memory.buffer;
      let at = base;
      const take = (bytes: number) => { const p = at; at += Math.ceil(bytes / 8) * 8; return p; };
      const pS = take(4 * n), pC = take(4 * n), pV = take(8 * n), pCnt = take(4 * n);
      const dp1 = take(8 * (C + 1)), dp2 = take(8 * (C + 1)), dqV = take(8 * (C + 1)), dqI = take(4 * (C + 1));
      const choice = take(32 * n * (C + 1));
      new Int32Array(buf, pS, n).set(size);
      new Int32Array(buf, pC, n).set(copies);
      new Float64Array(buf, pV, n).set(value);
      expect(k.knapsackTable({ n, sizes: pS, values: pV, copies: pC, capacity: C, dp: dp1, choice: 0, dequeIdx: dqI, dequeVal: dqV, choiceWidth: 0, mode })).toBe(OK);
      expect(k.knapsackBinary({ n, sizes: pS, values: pV, copies: pC, capacity: C, dp: dp2, choice, record: 1, mode })).toBe(OK);
      const a = new Float64Array(k.memory.buffer, dp1, C + 1);
      const b = new Float64Array(k.memory.buffer, dp2, C + 1);
      for (let w = 0; w <= C; w++) if (a[w] !== b[w]) { failures.push(`#${trial} w=${w}: deque ${a[w]} binary ${b[w]}`); break; }
      // walk back from a reachable size: counts within copies, of exactly that value and size
      let start = C;
      while (start > 0 && b[start] === -Infinity) start--;
      expect(k.knapsackBinaryBack({ n, sizes: pS, copies: pC, capacity: C, choice, start, counts: pCnt })).toBe(OK);
      const cnt = Array.from(new Int32Array(k.memory.buffer, pCnt, n));
      let used = 0;
      let val = 0;
      cnt.forEach((c, j) => { used += c * size[j]!; val += c * value[j]!; if (c < 0 || c > copies[j]!) failures.push(`#${trial}: count ${c} of ${copies[j]}`); });
      if (mode === KNAPSACK_EXACT ? used !== start : used > start) failures.push(`#${trial}: used ${used} for ${start}`);
      if (val !== b[start]) failures.push(`#${trial}: walk back value ${val} != dp ${b[start]}`);
    }
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  });
});

describe('proximity with binary pieces = the DP over the capacity', () => {
  it('on 24 instances with windows over 16,384 (tables, and divide and conquer)', async () => {
    const rand = mulberry32(777);
    const failures: string[] = [];
    for (let trial = 0; trial < 24; trial++) {
      const n = 20 + Math.floor(rand() * 40);
      const sMax = 130 + Math.floor(rand() * 200);
      const family = trial % 3;
      const items = Array.from({ length: n }, (_, i) => {
        const size = 1 + Math.floor(rand() * sMax);
        const value = family === 0 ? Math.floor(rand() * 10 * sMax) : family === 1 ? size + Math.floor(sMax / 10) : Math.max(1, size + Math.floor((rand() - 0.5) * sMax / 5));
        return { name: `i${i}`, size, value, copies: 1 + Math.floor(rand() * 6) };
      });
      const total = items.reduce((a, it) => a + it.size * it.copies, 0);
      const inst = { problem: 'knapsack' as const, capacity: Math.floor(total * (0.2 + rand() * 0.5)), items };
      const ref = await knapsack(inst, { algorithm: 'dp-deque' });
      for (const maxBytes of [undefined, 2 ** 21]) {
        const sol = await knapsack(inst, { algorithm: 'proximity', maxBytes });
        const rep = checkKnapsack(inst, sol);
        if (!rep.valid) failures.push(`#${trial} (${maxBytes}): checker: ${rep.reason}`);
        if (Math.abs(sol.value - ref.value) > 1e-9 * Math.max(1, ref.value)) failures.push(`#${trial} (${maxBytes}): proximity ${sol.value} != dp ${ref.value}`);
      }
    }
    expect(failures.slice(0, 3), `${failures.length} failures`).toEqual([]);
  });
});
