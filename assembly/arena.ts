// Arena: one preallocated scratch region above the static data.
//
// Kernels allocate nothing: the host (src/wasm/) computes the bytes a call needs,
// calls `reserve(bytes)` once, lays its input, output and scratch buffers out from
// the returned base, and passes the pointers to a kernel. Memory only grows when a
// call needs more than any call before it, so repeated calls never grow it.
// Complexity: O(1), plus the cost of memory.grow when it grows.

@inline const PAGE: usize = 65536;
@inline const MAX_PAGES: i32 = 65536; // 4 GiB: the wasm32 limit

/** First usable byte of the arena (16-byte aligned). */
export function arenaBase(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/**
 * Make sure `bytes` bytes are available from arenaBase(); returns the base, or 0
 * when the memory cannot grow that far (the host turns 0 into an error).
 * `bytes` is a f64 so that requests beyond 4 GiB are refused, not wrapped.
 */
export function reserve(bytes: f64): usize {
  const base = arenaBase();
  const end = <f64>base + bytes;
  if (!(bytes >= 0) || end > <f64>MAX_PAGES * <f64>PAGE) return 0;
  const needPages = <i32>Math.ceil(end / <f64>PAGE);
  const havePages = memory.size();
  if (needPages > havePages) {
    if (memory.grow(needPages - havePages) < 0) return 0;
  }
  return base;
}

/** Current memory size in bytes (for tests that check memory does not grow). */
export function memoryBytes(): f64 {
  return <f64>memory.size() * <f64>PAGE;
}
