// Knapsack, step 1: the items that can matter, identical types merged, and the
// state of one solve (one struct, no module state: every step takes it).
import type { Kernels } from '../../wasm/loader.js';

/**
 * The items that can matter: size <= capacity and value > 0 (others are never taken),
 * with identical (size, value) items merged into one type (copies summed).
 */
export interface Prepared {
  members: number[][]; // instance indices merged into each prepared item
  size: number[];
  value: number[];
  copies: number[];
  C: number; // effective capacity: min(capacity, total size of the kept copies)
}

/** A plain item list for the internal entry (no names, no schema limits on capacity). */
export interface RawItem { size: number; value: number; copies: number }

export function prepare(items: readonly RawItem[], capacity: number): Prepared {
  const p: Prepared = { members: [], size: [], value: [], copies: [], C: 0 };
  const key = new Map<string, number>();
  let total = 0;
  // a plain loop, not a callback made per call (docs/batch.md, "Fourth pass")
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.size > capacity || it.value <= 0) continue;
    // never more copies than fit: keeps every count below 2^31 when capacity is
    const copies = Math.min(it.copies, Math.floor(capacity / it.size));
    total += it.size * copies;
    const kk = `${it.size}/${it.value}`;
    const at = key.get(kk);
    if (at !== undefined && p.copies[at]! + copies <= 2147483647) {
      p.members[at]!.push(i);
      p.copies[at] = p.copies[at]! + copies;
      continue;
    }
    key.set(kk, p.size.length);
    p.members.push([i]);
    p.size.push(it.size);
    p.value.push(it.value);
    p.copies.push(copies);
  }
  p.C = Math.min(capacity, total);
  return p;
}


/** One solve: the kernels, the prepared items and the memory budget of this call. */
export interface Solve {
  k: Kernels;
  p: Prepared;
  /** Memory budget of the solve (reconstruction tables plus scratch), in bytes. */
  maxBytes: number;
}
