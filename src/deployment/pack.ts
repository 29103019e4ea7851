// Marshalling of the packing kernel (assembly/deployment.ts deployPack).
import { GreenplanError, statusError } from '../core/errors.js';
import type { Kernels } from '../wasm/loader.js';
import { Layout } from '../wasm/arena.js';

export type Rule = 'first-fit' | 'best-fit' | 'worst-fit';
const RULE_CODE: Record<Rule, number> = { 'first-fit': 0, 'best-fit': 1, 'worst-fit': 2 };

/** A placement: item i has k[i] parts on bins[start[i] .. start[i]+k[i]-1]. */
export interface Placement {
  k: Int32Array;
  start: Int32Array;
  /** bin indices: < m a partly used machine, >= m the new machine (index - m) */
  bins: Int32Array;
  parts: number;
  /** number of distinct new machines that hold a part */
  newBins: number;
}

export interface PackInput {
  /** item order (indices) */
  order: Int32Array;
  w: Float64Array;
  kmin: Int32Array;
  kmax: Int32Array;
  /** adapt only: fewest parts that fit a new bin (0 = none) */
  kNew: Int32Array;
  /** residuals of the bins open from the start */
  res0: Float64Array;
  /** new bins: open from the start (adapt false) or openable (adapt true) */
  nNew: number;
  cap: number;
  rule: Rule;
  adapt: boolean;
  eps: number;
}

export type PackResult = { ok: true; placement: Placement } | { ok: false; item: number };

const OK = 0;
const INFEASIBLE = 4;
const TOO_LARGE = 5;

/** Run the kernel once; `{ ok: false, item }` when an item found no place. */
export function pack(k: Kernels, p: PackInput): PackResult {
  const n = p.w.length;
  const m = p.res0.length;
  const B = m + p.nNew;
  let segP = 1;
  while (segP < B) segP *= 2;
  let partsCap = 4 * n + 64;
  for (;;) {
    const lay = new Layout();
    const oOrder = lay.take(n, 4);
    const oKmin = lay.take(n, 4);
    const oKmax = lay.take(n, 4);
    const oKNew = lay.take(n, 4);
    const oW = lay.take(n, 8);
    const oRes0 = lay.take(m, 8);
    const oRes = lay.take(B, 8);
    const oSorted = lay.take(B, 4);
    const oSeg = lay.take(p.rule === 'first-fit' ? 2 * segP : 0, 8);
    const oK = lay.take(n, 4);
    const oStart = lay.take(n, 4);
    const oBins = lay.take(partsCap, 4);
    const oInfo = lay.take(4, 4);
    const base = lay.reserve(k, 'deployment');
    const buf = k.memory.buffer;
    new Int32Array(buf, base + oOrder, n).set(p.order);
    new Int32Array(buf, base + oKmin, n).set(p.kmin);
    new Int32Array(buf, base + oKmax, n).set(p.kmax);
    new Int32Array(buf, base + oKNew, n).set(p.kNew);
    new Float64Array(buf, base + oW, n).set(p.w);
    new Float64Array(buf, base + oRes0, m).set(p.res0);
    const status = k.deployPack(
      n, base + oOrder, base + oW, base + oKmin, base + oKmax, base + oKNew,
      m, base + oRes0, p.nNew, p.cap,
      RULE_CODE[p.rule], p.adapt ? 1 : 0, p.eps,
      base + oRes, base + oSorted, base + oSeg, segP,
      base + oK, base + oStart, base + oBins, partsCap, base + oInfo,
    );
    const mem = k.memory.buffer;
    const info = new Int32Array(mem, base + oInfo, 4).slice();
    if (status === TOO_LARGE) {
      if (partsCap >= 2 ** 28) throw new GreenplanError('out-of-memory', 'deployment: more than 2^28 parts');
      partsCap = Math.min(2 ** 28, partsCap * 4);
      continue;
    }
    if (status === INFEASIBLE) return { ok: false, item: info[0]! };
    if (status !== OK) throw statusError(status, 'deployment');
    const parts = info[1]!;
    return {
      ok: true,
      placement: {
        k: new Int32Array(mem, base + oK, n).slice(),
        start: new Int32Array(mem, base + oStart, n).slice(),
        bins: new Int32Array(mem, base + oBins, parts).slice(),
        parts,
        newBins: info[2]!,
      },
    };
  }
}
