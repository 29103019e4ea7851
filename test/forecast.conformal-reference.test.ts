// The conformal interval offsets (src/problems/forecast/conformal.ts `bands`, by the WASM
// kernel assembly/forecast-conformal.ts and by the TypeScript path) against the independent
// reference test/helpers/conformal-reference.ts (written from docs/forecast.md, exact
// rational ranks, full sort): every step of the horizon, on seeded random pools with ties,
// tiny and empty pools, widening over neighbours, and levels at the edges (ranks clamped
// to 1 or n).
import { describe, it, expect } from 'vitest';
import { rng } from './helpers/random.js';
import { conformalBandsRef, conformalPools, conformalRanks } from './helpers/conformal-reference.js';
import { bands, Cal } from '../src/problems/forecast/conformal.js';
import { kernels } from '../src/wasm/loader.js';
import '../src/node.js';

const LEVELS = [0.01, 0.1, 0.2, 0.5, 0.6, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999] as const;

interface Case { seed: number; count: number; nb: number; H: number; ties: boolean; levels: number[]; cal: Cal }

function randomCase(seed: number): Case {
  const u = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(u() * xs.length)]!;
  const nb = pick([1, 2, 3, 5, 8, 12, 24]);
  const H = nb + Math.floor(u() * pick([1, 10, 300]));
  // pool sizes: mostly small (1..80, where widening and rank clamping matter), some large
  const count = pick([0, 1, 2, 3, 5, 9, 19, 39, 59, 60, 61, 99, 119, 199, 799, 2999]);
  const ties = u() < 0.4;
  const empty = u() < 0.5 ? Math.floor(u() * nb) : -1;
  const err = new Float64Array(count);
  const bucket = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let b = Math.floor(u() * nb);
    if (b === empty && nb > 1) b = (b + 1) % nb;
    bucket[i] = b;
    err[i] = ties ? Math.round(u() * 6 - 3) + 0 : (u() - 0.3) * 10 * (1 + b);
  }
  const nl = 1 + Math.floor(u() * 5);
  const levels = Array.from({ length: nl }, () => pick(LEVELS));
  let abs = 0, sq = 0;
  for (const e of err) { abs += Math.abs(e); sq += e * e; }
  // the product's own calibration class (its bucketOf maps steps to buckets)
  const cal = new Cal(err, bucket, null, nb, H, count ? abs / count : NaN, count ? Math.sqrt(sq / count) : NaN, count, undefined);
  return { seed, count, nb, H, ties, levels, cal };
}

const N_CASES = 400;
const z = (x: number) => x + 0; // -0 → 0

describe('conformal bands = independent reference (docs/forecast.md), every step', () => {
  it(`${N_CASES} seeded random cases, WASM kernel and TypeScript path`, async () => {
    const k = await kernels();
    const bad: string[] = [];
    // where (n+1)(1∓L)/2 is a whole number the floating-point product can land just beside it
    // (60 × 0.05 = 2.9999999999999996): the product's ranks must still be the document's
    let compared = 0, ranksOnInteger = 0;
    for (let seed = 1; seed <= N_CASES; seed++) {
      const c = randomCase(seed);
      const ref = conformalBandsRef(c.cal.err, c.cal.bucket, c.nb, c.H, c.levels);
      const pools = conformalPools(c.cal.err, c.cal.bucket, c.nb);
      for (const [name, got] of [['wasm', bands(c.cal, c.H, c.levels, k)], ['ts', bands(c.cal, c.H, c.levels)]] as const) {
        for (let j = 0; j < c.levels.length; j++) {
          for (let h = 0; h < c.H; h++) {
            compared++;
            const gl = z(got.lo[j]![h]!), gh = z(got.hi[j]![h]!);
            if (gl === ref.lo[j]![h] && gh === ref.hi[j]![h]) continue;
            bad.push(`seed ${seed} ${name} n=${c.count} nb=${c.nb} H=${c.H} L=${c.levels[j]} h=${h}: [${gl}, ${gh}] vs ref [${ref.lo[j]![h]}, ${ref.hi[j]![h]}]`);
            break;
          }
        }
      }
      for (const pool of pools) for (const L of c.levels) if (pool.length) { const r = conformalRanks(pool.length, L); ranksOnInteger += Number(r.loOnInteger) + Number(r.hiOnInteger); }
    }
    console.log(`conformal reference: ${compared} (case, level, step) offsets compared, ${ranksOnInteger} ranks at a whole (n+1)(1∓L)/2`);
    expect(compared).toBeGreaterThan(50_000);
    expect(ranksOnInteger).toBeGreaterThan(20); // the boundary cases are exercised
    expect(bad.slice(0, 20), `${bad.length} mismatches`).toEqual([]);
  });

  it('the ranks of docs/forecast.md on hand-checked pools (reference self-check)', () => {
    // n = 59, L = 0.9: ⌊60·0.05⌋ = 3, ⌈60·0.95⌉ = 57; n = 19, L = 0.8: 2 and 18; n = 1: clamped to 1
    expect(conformalRanks(59, 0.9)).toMatchObject({ lo: 3, hi: 57, loOnInteger: true, hiOnInteger: true });
    expect(conformalRanks(19, 0.8)).toMatchObject({ lo: 2, hi: 18 });
    expect(conformalRanks(100, 0.8)).toMatchObject({ lo: 10, hi: 91, loOnInteger: false, hiOnInteger: false });
    expect(conformalRanks(1, 0.999)).toMatchObject({ lo: 1, hi: 1 });
    expect(conformalRanks(3, 0.01)).toMatchObject({ lo: 1, hi: 3 });
    const ref = conformalBandsRef([5, -1, 3, -4, 2], [0, 0, 1, 1, 1], 2, 4, [0.5]);
    // one pool of all five (widened: under 60), sorted -4 -1 2 3 5; ranks ⌊6·0.25⌋ = 1, ⌈6·0.75⌉ = 5
    expect(ref).toEqual({ lo: [[-4, -4, -4, -4]], hi: [[5, 5, 5, 5]] });
  });
});
