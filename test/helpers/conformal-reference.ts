// Independent reference for the conformal interval offsets of docs/forecast.md ("Intervals"),
// written from the document alone: it shares no code with src/ (no imports at all) and uses
// none of the product's methods (no counting sort, no quickselect, no floating-point ranks).
//
// Definition (docs/forecast.md): the signed errors are pooled in nb horizon buckets, step h
// (0-based, h < H) belonging to bucket ⌊h·nb/H⌋; a bucket's pool is widened over its
// neighbours (one more on each side per round, within [0, nb)) until it holds at least 60
// errors or spans every bucket; with n errors in the pool, level L takes the order
// statistics of ranks ⌊(n+1)(1−L)/2⌋ and ⌈(n+1)(1+L)/2⌉ (1-based, clamped to [1, n]),
// then lower <= 0 <= upper (the offsets are added to the mean). An empty pool gives 0, 0.
//
// The ranks are computed in exact rational arithmetic (BigInt) from the level's decimal
// digits, so a rank whose real value is an integer is not moved by rounding.

export const REF_MIN_POOL = 60;

/** L as an exact fraction num/den from its shortest decimal representation (0 < L < 1). */
export function decimalFraction(L: number): { num: bigint; den: bigint } {
  const s = String(L);
  const m = /^0\.(\d+)$/.exec(s);
  if (!m) throw new Error(`level ${s}: only plain decimals 0.x are supported by the reference`);
  const digits = m[1]!;
  return { num: BigInt(digits), den: 10n ** BigInt(digits.length) };
}

const floorDiv = (a: bigint, b: bigint): bigint => a / b; // a, b >= 0
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/**
 * The 1-based ranks of level L in a pool of n >= 1 errors, exactly as the document writes
 * them, clamped to [1, n]; loOnInteger / hiOnInteger: (n+1)(1−L)/2, resp. (n+1)(1+L)/2, is
 * an integer (where a floating-point evaluation of the floor / ceil may land one rank off).
 */
export function conformalRanks(n: number, L: number): { lo: number; hi: number; loOnInteger: boolean; hiOnInteger: boolean } {
  const { num, den } = decimalFraction(L);
  const N = BigInt(n + 1);
  const lo = Number(floorDiv(N * (den - num), 2n * den));
  const hi = Number(ceilDiv(N * (den + num), 2n * den));
  const clamp = (r: number) => Math.min(n, Math.max(1, r));
  return { lo: clamp(lo), hi: clamp(hi), loOnInteger: (N * (den - num)) % (2n * den) === 0n, hiOnInteger: (N * (den + num)) % (2n * den) === 0n };
}

/** The sorted widened pool of every bucket. */
export function conformalPools(err: ArrayLike<number>, bucket: ArrayLike<number>, nb: number): number[][] {
  const counts = new Array<number>(nb).fill(0);
  for (let i = 0; i < bucket.length; i++) counts[bucket[i]!]!++;
  const pools: number[][] = [];
  for (let b = 0; b < nb; b++) {
    const [a, z] = widenedRange(counts, b);
    const pool: number[] = [];
    for (let i = 0; i < err.length; i++) if (bucket[i]! >= a && bucket[i]! <= z) pool.push(err[i]!);
    pools.push(pool.sort((x, y) => x - y));
  }
  return pools;
}

/** The widened bucket range [a, z] of bucket b, from per-bucket counts. */
export function widenedRange(counts: readonly number[], b: number, minPool = REF_MIN_POOL): [number, number] {
  const nb = counts.length;
  let a = b;
  let z = b;
  const size = () => { let s = 0; for (let i = a; i <= z; i++) s += counts[i]!; return s; };
  while (size() < minPool && (a > 0 || z < nb - 1)) {
    if (a > 0) a--;
    if (z < nb - 1) z++;
  }
  return [a, z];
}

/**
 * Offsets lo[level][h], hi[level][h] for every step h < H, from the errors `err` with buckets
 * `bucket` (each in [0, nb)). Plain arrays; -0 is returned as 0.
 */
export function conformalBandsRef(err: ArrayLike<number>, bucket: ArrayLike<number>, nb: number, H: number, levels: readonly number[]): { lo: number[][]; hi: number[][] } {
  const perBucket: { lo: number[]; hi: number[] }[] = [];
  for (const pool of conformalPools(err, bucket, nb)) {
    const n = pool.length;
    const lo: number[] = [];
    const hi: number[] = [];
    for (const L of levels) {
      if (n === 0) { lo.push(0); hi.push(0); continue; }
      const r = conformalRanks(n, L);
      lo.push(Math.min(0, pool[r.lo - 1]!) + 0);
      hi.push(Math.max(0, pool[r.hi - 1]!) + 0);
    }
    perBucket.push({ lo, hi });
  }
  const lo = levels.map(() => new Array<number>(H).fill(0));
  const hi = levels.map(() => new Array<number>(H).fill(0));
  for (let h = 0; h < H; h++) {
    const b = Math.floor((h * nb) / H);
    levels.forEach((_, j) => { lo[j]![h] = perBucket[b]!.lo[j]!; hi[j]![h] = perBucket[b]!.hi[j]!; });
  }
  return { lo, hi };
}
