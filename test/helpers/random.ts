// Seeded random numbers for statistical tests: the project's mulberry32, Box–Muller
// normals, Marsaglia–Tsang gammas (independent of the code under test).
import { mulberry32 } from '../../src/core/rng.js';

/** The project's one seeded generator (src/core/rng.ts). */
export const rng = mulberry32;

export function normal(u: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) { const s = spare; spare = null; return s; }
    let a = 0;
    while (a === 0) a = u();
    const b = u();
    const r = Math.sqrt(-2 * Math.log(a));
    spare = r * Math.sin(2 * Math.PI * b);
    return r * Math.cos(2 * Math.PI * b);
  };
}

/** Gamma(shape k, scale 1). */
export function gamma(u: () => number, z: () => number, k: number): number {
  if (k < 1) return gamma(u, z, k + 1) * Math.pow(u(), 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do { x = z(); v = 1 + c * x; } while (v <= 0);
    v = v * v * v;
    const uu = u();
    if (uu < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(uu) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** InvGamma(a, b): b / Gamma(a, 1). */
export const invGamma = (u: () => number, z: () => number, a: number, b: number): number => b / gamma(u, z, a);
