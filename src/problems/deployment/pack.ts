// Marshalling of the packing kernel (assembly/deployment.ts deployPack).
import { GreenplanError, statusError } from '../../core/errors.js';
import type { Kernels } from '../../wasm/loader.js';
import { Layout } from '../../wasm/arena.js';
import {
  OK, INFEASIBLE, TOO_LARGE, DEPLOY_FIRST_FIT, DEPLOY_BEST_FIT, DEPLOY_WORST_FIT, DEPLOY_PACK_ARGS_BYTES, writeDeployPackArgs,
} from '../../wasm/abi.js';

export type Rule = 'first-fit' | 'best-fit' | 'worst-fit';
const RULE_CODE: Record<Rule, number> = { 'first-fit': DEPLOY_FIRST_FIT, 'best-fit': DEPLOY_BEST_FIT, 'worst-fit': DEPLOY_WORST_FIT };

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

/** Run the kernel once; `{ ok: false, item }` when an item found no place. */
/** Most machines (partly used + new) one packing may handle (the kernel's i32 indices, the arena). */
export const DEPLOYMENT_MAX_MACHINES = 2 ** 26;
/** Most parts a solution may list (the JSON output names a machine per part). */
export const DEPLOYMENT_MAX_OUTPUT_PARTS = 2 ** 24;

/** A placement over DEPLOYMENT_MAX_OUTPUT_PARTS parts, refused before it is built (exit 2, not an internal error). */
export function tooManyParts(algorithm: string, parts: number): GreenplanError {
  return new GreenplanError('out-of-memory', `deployment: ${algorithm} cuts the services into ${parts} parts, over the ${DEPLOYMENT_MAX_OUTPUT_PARTS} a solution may list (set maxParts, or choose another algorithm)`, 'algorithm');
}

/** The error for instances that need more machines than DEPLOYMENT_MAX_MACHINES. */
export function tooManyMachines(count: number): GreenplanError {
  return new GreenplanError('out-of-memory', `deployment: the instance needs up to ${count} machines, over the ${DEPLOYMENT_MAX_MACHINES} the solver handles`);
}

export function pack(k: Kernels, p: PackInput): PackResult {
  const n = p.w.length;
  const m = p.res0.length;
  const B = m + p.nNew;
  if (B > DEPLOYMENT_MAX_MACHINES) throw tooManyMachines(B);
  let segP = 1;
  while (segP < B) segP *= 2;
  let partsCap = 4 * n + 64;
  for (;;) {
    const lay = new Layout();
    const oOrder = lay.input(p.order);
    const oKmin = lay.input(p.kmin);
    const oKmax = lay.input(p.kmax);
    const oKNew = lay.input(p.kNew);
    const oW = lay.input(p.w);
    const oRes0 = lay.input(p.res0);
    const oRes = lay.take(B, 8);
    const oSorted = lay.take(B, 4);
    const oSeg = lay.take(p.rule === 'first-fit' ? 2 * segP : 0, 8);
    const oTmp = lay.take(B, 4);
    const oTpos = lay.take(B, 4);
    const oK = lay.take(n, 4);
    const oStart = lay.take(n, 4);
    const oBins = lay.take(partsCap, 4);
    const oInfo = lay.take(4, 4);
    const oArgs = lay.take(DEPLOY_PACK_ARGS_BYTES, 1);
    const base = lay.reserve(k, 'deployment');
    writeDeployPackArgs(k.memory, base + oArgs, {
      n, order: base + oOrder, w: base + oW, kmin: base + oKmin, kmax: base + oKmax, kNew: base + oKNew,
      m, res0: base + oRes0, nNew: p.nNew, cap: p.cap, rule: RULE_CODE[p.rule], adapt: p.adapt ? 1 : 0, eps: p.eps,
      res: base + oRes, sorted: base + oSorted, seg: base + oSeg, segP, tmp: base + oTmp, tpos: base + oTpos,
      outK: base + oK, outStart: base + oStart, outBins: base + oBins, partsCap, info: base + oInfo,
    });
    const status = k.deployPack(base + oArgs);
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

/**
 * Fewer parts on the same machines (kernel deployReduce): every item, in `order`, is
 * re-placed Worst Fit with the fewest parts (>= kmin) that fit the rooms the others
 * leave, on the partly used machines and the new machines the placement already uses.
 * Never more parts per item, never another machine.
 */
export function reduceParts(k: Kernels, p: Placement, order: Int32Array, w: Float64Array, kmin: Int32Array, free: Float64Array, cap: number, eps: number): Placement {
  const n = w.length;
  const m = free.length;
  // compact numbering: partly used machines keep j, used new machines follow
  const compact = new Map<number, number>();
  const back: number[] = [];
  for (let j = 0; j < m; j++) back.push(j);
  const res0: number[] = Array.from(free);
  for (let q = 0; q < p.bins.length; q++) {
    const b = p.bins[q]!;
    if (b >= m && !compact.has(b)) {
      compact.set(b, back.length);
      back.push(b);
      res0.push(cap);
    }
  }
  const B = back.length;
  const bins = new Int32Array(p.bins.length);
  for (let i = 0; i < n; i++) {
    const s = w[i]! / p.k[i]!;
    for (let t = 0; t < p.k[i]!; t++) {
      const q = p.start[i]! + t;
      const b = p.bins[q]!;
      const c = b < m ? b : compact.get(b)!;
      bins[q] = c;
      res0[c] = res0[c]! - s;
    }
  }
  // scratch for the kernel: residuals, their order and two index buffers, B each
  const lay = new Layout();
  const [oRes, oSorted, oTmp, oTpos] = [lay.take(B, 8), lay.take(B, 4), lay.take(B, 4), lay.take(B, 4)];
  const oOrder = lay.input(order);
  const oW = lay.input(w);
  const oKmin = lay.input(kmin);
  const oRes0 = lay.input(Float64Array.from(res0));
  const oK = lay.input(p.k);
  const oStart = lay.input(p.start);
  const oBins = lay.input(bins);
  const base = lay.reserve(k, 'deployment');
  const status = k.deployReduce({
    n, order: base + oOrder, w: base + oW, kmin: base + oKmin, m: B, res0: base + oRes0, eps,
    res: base + oRes, sorted: base + oSorted, tmp: base + oTmp, tpos: base + oTpos, outK: base + oK, outStart: base + oStart, outBins: base + oBins,
  });
  if (status !== OK) throw statusError(status, 'deployment (part reduction)');
  const mem = k.memory.buffer;
  const kNew = new Int32Array(mem, base + oK, n).slice();
  const slots = new Int32Array(mem, base + oBins, bins.length);
  let parts = 0;
  for (let i = 0; i < n; i++) parts += kNew[i]!;
  const start = new Int32Array(n);
  const out = new Int32Array(parts);
  const used = new Set<number>();
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    for (let t = 0; t < kNew[i]!; t++) {
      const b = back[slots[p.start[i]! + t]!]!;
      out[at++] = b;
      if (b >= m) used.add(b);
    }
  }
  return { k: kNew, start, bins: out, parts, newBins: used.size };
}
