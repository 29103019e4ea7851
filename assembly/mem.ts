// Typed access to arena buffers by element index (no bounds checks: callers check
// lengths once, then these compile to plain loads and stores in hot loops).

/** f64 element i of the buffer at p. */
@inline export function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline export function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}
/** i32 element i of the buffer at p. */
@inline export function ldi(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}
@inline export function sti(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}
