// Test helpers for the smoothing problem (docs/smoothing.md): an exact MILP solved
// by HiGHS (CPLEX LP format), a brute force for tiny instances, a seeded random
// instance generator and an objective evaluator for plans.
import highsLoader from 'highs';

export interface SmoothingScenario {
  name: string;
  weight?: number;
  maxStep?: number;
  demand: number[];
}
export interface SmoothingInstance {
  problem: 'smoothing';
  alpha: number;
  scenarios: SmoothingScenario[];
}

// The package's types.d.ts is read as CommonJS under NodeNext, which hides the
// default export's call signature; type the small part we use by hand.
export interface Highs {
  solve(
    lp: string,
    options?: Record<string, unknown>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}
const loadHighs = highsLoader as unknown as () => Promise<Highs>;
let highsPromise: Promise<Highs> | undefined;
/** The HiGHS solver (WASM), loaded once for every oracle in test/helpers. */
export function getHighs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

/** A plain decimal for LP format (no exponent notation). */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`non-finite LP coefficient ${x}`);
  const s = String(x);
  if (!/e/i.test(s)) return s;
  // tiny or huge values: fixed notation (toFixed is exact enough for our ranges)
  return x.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * One LP-format objective or row: ` label: ` and the terms ("+ 3 x1"), 8 terms a line
 * (LP readers may limit line length), `tail` (" <= 10") after the last; terms not empty.
 */
export function lpRow(label: string, terms: string[], tail = ''): string[] {
  const out: string[] = [];
  for (let k = 0; k < terms.length; k += 8) out.push(' ' + terms.slice(k, k + 8).join(' '));
  out[0] = ` ${label}: ` + out[0]!.trimStart();
  out[out.length - 1] += tail;
  return out;
}

/** Optimal objective of the smoothing instance, by MILP (HiGHS). */
export async function smoothingMilp(instance: SmoothingInstance, opts: { timeLimit?: number } = {}): Promise<number> {
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const ints: string[] = [];
  let r = 0;
  instance.scenarios.forEach((sc, i) => {
    const T = sc.demand.length;
    if (T === 0) return;
    const c = instance.alpha * (sc.weight ?? 1);
    for (let t = 0; t < T; t++) {
      const h = `h_${i}_${t}`;
      obj.push(`+ ${h}`);
      bounds.push(` ${h} >= ${num(Math.ceil(sc.demand[t]))}`);
      ints.push(` ${h}`);
    }
    for (let t = 0; t + 1 < T; t++) {
      const a = `h_${i}_${t}`;
      const b = `h_${i}_${t + 1}`;
      if (c > 0) {
        const u = `u_${i}_${t}`;
        obj.push(`+ ${num(c)} ${u}`);
        rows.push(` r${r++}: ${u} - ${b} + ${a} >= 0`);
        rows.push(` r${r++}: ${u} + ${b} - ${a} >= 0`);
      }
      if (sc.maxStep !== undefined) {
        rows.push(` r${r++}: ${b} - ${a} <= ${num(sc.maxStep)}`);
        rows.push(` r${r++}: ${b} - ${a} >= ${num(-sc.maxStep)}`);
      }
    }
  });
  if (obj.length === 0) return 0; // every scenario is empty
  const firstVar = obj[0].slice(2);
  // Break long lines: LP readers may limit line length.
  const objLines: string[] = [];
  for (let k = 0; k < obj.length; k += 8) objLines.push(' ' + obj.slice(k, k + 8).join(' '));
  objLines[0] = ' obj: ' + objLines[0].trimStart().replace(/^\+ /, '');
  const lp = [
    'Minimize',
    ...objLines,
    'Subject To',
    // a model without rows: one trivially satisfied row keeps the reader happy
    ...(rows.length ? rows : [` r0: ${firstVar} >= 0`]),
    'Bounds',
    ...bounds,
    'General',
    ...ints,
    'End',
    '',
  ].join('\n');
  const highs = await getHighs();
  const sol = highs.solve(lp, {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 1e-9,
    ...(opts.timeLimit ? { time_limit: opts.timeLimit } : {}),
  });
  if (sol.Status !== 'Optimal') throw new Error(`HiGHS status ${sol.Status}\n${lp.slice(0, 2000)}`);
  return sol.ObjectiveValue;
}

function envelope(demand: number[], maxStep: number | undefined): number[] {
  const L = demand.map((x) => Math.ceil(x));
  if (maxStep !== undefined) {
    for (let t = 1; t < L.length; t++) L[t] = Math.max(L[t], L[t - 1] - maxStep);
    for (let t = L.length - 2; t >= 0; t--) L[t] = Math.max(L[t], L[t + 1] - maxStep);
  }
  return L;
}

/** Optimal objective by exhaustive enumeration (tiny instances only: T <= 5, demand <= 4). */
export function smoothingBruteForce(instance: SmoothingInstance): number {
  let total = 0;
  for (const sc of instance.scenarios) {
    const T = sc.demand.length;
    if (T === 0) continue;
    const c = instance.alpha * (sc.weight ?? 1);
    const lo = sc.demand.map((x) => Math.ceil(x));
    const hi = Math.max(...envelope(sc.demand, sc.maxStep));
    const h = new Array<number>(T).fill(0);
    let best = Infinity;
    const rec = (t: number, cost: number): void => {
      if (t === T) {
        if (cost < best) best = cost;
        return;
      }
      for (let v = lo[t]; v <= hi; v++) {
        let add = v;
        if (t > 0) {
          const dv = Math.abs(v - h[t - 1]);
          if (sc.maxStep !== undefined && dv > sc.maxStep) continue;
          add += c * dv;
        }
        h[t] = v;
        rec(t + 1, cost + add);
      }
    };
    rec(0, 0);
    if (!Number.isFinite(best)) throw new Error('brute force found no feasible plan');
    total += best;
  }
  return total;
}

/** The project's seeded generator (src/core/rng.ts), re-exported for the tests. */
export { mulberry32 } from '../../src/core/rng.js';

const ALPHAS = [0, 0.25, 0.5, 1, 1.5, 3, 7.3];
const WEIGHTS = [0.5, 1, 2, 3.7];

export interface GenOptions {
  maxT: number; // T drawn from 0..maxT
  maxDemand: number; // demand values in [0, maxDemand]
}

/** A random smoothing instance: 1-3 scenarios, fractional/integer demand, optional maxStep 0..3. */
export function randomSmoothingInstance(rand: () => number, opts: GenOptions): SmoothingInstance {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const n = int(1, 3);
  const scenarios: SmoothingScenario[] = [];
  for (let i = 0; i < n; i++) {
    const T = int(0, opts.maxT);
    const style = int(0, 3);
    const demand: number[] = [];
    let level = rand() * opts.maxDemand;
    for (let t = 0; t < T; t++) {
      let x: number;
      if (style === 0) x = rand() * opts.maxDemand; // fractional, noisy
      else if (style === 1) x = int(0, opts.maxDemand); // integer, noisy
      else if (style === 2) {
        // random walk (plateaus and valleys)
        level = Math.min(opts.maxDemand, Math.max(0, level + (rand() - 0.5) * 3));
        x = rand() < 0.5 ? Math.round(level) : level;
      } else x = rand() < 0.3 ? rand() * opts.maxDemand : Math.floor(rand() * 2); // spikes
      demand.push(Math.round(x * 1000) / 1000);
    }
    const sc: SmoothingScenario = { name: `s${i}`, demand };
    if (rand() < 0.75) sc.weight = pick(WEIGHTS);
    if (rand() < 0.5) sc.maxStep = int(0, 3);
    scenarios.push(sc);
  }
  return { problem: 'smoothing', alpha: pick(ALPHAS), scenarios };
}

/**
 * Objective of given plans, after checking feasibility (integer, h >= d, steps within
 * maxStep). Throws with a description when a plan is infeasible.
 */
export function planObjective(instance: SmoothingInstance, plans: ArrayLike<number>[]): number {
  if (plans.length !== instance.scenarios.length) throw new Error('plan count mismatch');
  let total = 0;
  instance.scenarios.forEach((sc, i) => {
    const h = plans[i];
    const T = sc.demand.length;
    if (h.length !== T) throw new Error(`scenario ${i}: plan length ${h.length} != ${T}`);
    const c = instance.alpha * (sc.weight ?? 1);
    let res = 0;
    let varn = 0;
    for (let t = 0; t < T; t++) {
      if (!Number.isInteger(h[t])) throw new Error(`scenario ${i}: h[${t}]=${h[t]} not integer`);
      if (h[t] < sc.demand[t]) throw new Error(`scenario ${i}: h[${t}]=${h[t]} < d=${sc.demand[t]}`);
      res += h[t];
      if (t > 0) {
        const dv = Math.abs(h[t] - h[t - 1]);
        if (sc.maxStep !== undefined && dv > sc.maxStep) {
          throw new Error(`scenario ${i}: step ${dv} at ${t} > maxStep ${sc.maxStep}`);
        }
        varn += dv;
      }
    }
    total += res + c * varn;
  });
  return total;
}

export function relClose(a: number, b: number, tol = 1e-6): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}
