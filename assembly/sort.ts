// The one sort of the kernels: in-place heapsort of i32 ids (O(n log n), no allocation,
// no recursion). The order is total, so the result does not depend on the algorithm:
// by an f64 key per id (key[id]; ascending, or descending with desc) with ties broken by
// the smaller id first; or, with key = 0, by the ids themselves, ascending.

import { ld, ldi, sti } from "./mem";

/** true when id a comes before id b in the order. */
@inline function precedes(key: usize, desc: bool, a: i32, b: i32): bool {
  if (key == 0) return a < b;
  const ka = ld(key, a);
  const kb = ld(key, b);
  if (ka != kb) return desc ? ka > kb : ka < kb;
  return a < b;
}

/** Sort ids[0..n) in place (see the header for the order). */
export function sortIds(ids: usize, n: i32, key: usize, desc: bool): void {
  // max-heap on "comes later" so that the root is the last in order
  for (let start = (n >> 1) - 1; start >= 0; start--) siftDown(ids, start, n, key, desc);
  for (let end = n - 1; end > 0; end--) {
    const a = ldi(ids, 0);
    sti(ids, 0, ldi(ids, end));
    sti(ids, end, a);
    siftDown(ids, 0, end, key, desc);
  }
}

function siftDown(ids: usize, start: i32, end: i32, key: usize, desc: bool): void {
  let root = start;
  while (true) {
    let child = 2 * root + 1;
    if (child >= end) break;
    const c1 = ldi(ids, child);
    if (child + 1 < end && precedes(key, desc, c1, ldi(ids, child + 1))) child++;
    const r = ldi(ids, root);
    const c = ldi(ids, child);
    if (precedes(key, desc, r, c)) {
      sti(ids, root, c);
      sti(ids, child, r);
      root = child;
    } else break;
  }
}
