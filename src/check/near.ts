// A checker's recomputed figure against the solution's: equal within `tol` relative to the
// larger magnitude (at least 1), and both numbers (a string "54" would pass the arithmetic by
// coercion). For the checkers (src/problems/*/check.ts) only: shares nothing with a solver.

/** `near(a, b)`: |a − b| ≤ tol · max(1, |a|, |b|), a and b both numbers. */
export const nearWithin = (tol: number) => (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
