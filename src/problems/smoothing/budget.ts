// Smoothing under a total budget (docs/smoothing.md, "Under a budget"):
//
//   minimize  Σ_i w_i Σ_t |h^i_{t+1} − h^i_t|   subject to  Σ_i Σ_t h^i_t <= B,
//             h^i_t >= d^i_t integer, |h^i_{t+1} − h^i_t| <= Δ_i.
//
// Exact, by reduction to bounded knapsack:
//  1. The envelope L^i (the pointwise smallest feasible plan; computed by the WASM
//     smoothing kernel with α = 0). Infeasible iff Σ L > B.
//  2. The gaps of L as boxes: a monotone stack over L with virtual walls at both ends
//     ("trapping rain water") emits every maximal box (extent [a, b], floor f,
//     height k): at each level f+1..f+k the run [a, b] is a gap. Filling one row of
//     it costs its width b−a+1 and removes two boundaries (inner gap: w_i·2 less
//     variation) or one (the box touches t = 0 or t = T−1: w_i).
//  3. Bounded knapsack over the boxes (size = width, value = 2w_i or w_i, copies =
//     height) with capacity B − Σ L: src/knapsack (exact, proximity or DP).
//  4. The knapsack ignores nesting (a row of a box needs every row of the boxes
//     inside it, below it). An exchange fixes that without loss: a row of a parent
//     taken while a descendant row is not is traded for that descendant row, which is
//     narrower (cheaper) and worth at least as much (a box inside an inner gap is
//     inner). Done bottom-up in one pass over the box tree; then
//     h_t = L_t + Σ_{boxes b ∋ t} x_b.
// Boxes are emitted children before parents, so the tree comes for free.
import { knapsackCounts } from '../knapsack/solve.js';
import { ValidationError } from '../../core/errors.js';

export interface Box {
  scenario: number;
  a: number; // first step of the gap
  b: number; // last step of the gap
  height: number; // rows (levels) of the box
  edge: boolean; // touches t = 0 or t = T−1
  children: number[]; // boxes directly nested inside, below this one
}

/**
 * Every box of the envelope L (integer levels) of one scenario, children before
 * parents. O(T).
 */
export function envelopeBoxes(L: ArrayLike<number>, scenario: number, out: Box[]): void {
  const T = L.length;
  if (T < 2) return;
  let top = -Infinity;
  for (let t = 0; t < T; t++) if (L[t]! > top) top = L[t]!;
  // virtual walls at t = −1 and t = T, as high as the highest level
  const at = (t: number) => (t < 0 || t >= T ? top : L[t]!);
  const stack: number[] = [-1];
  const orphans: number[] = []; // emitted boxes without a parent yet (indices into out)
  for (let t = 0; t <= T; t++) {
    const v = at(t);
    while (stack.length > 1 && at(stack[stack.length - 1]!) < v) {
      const mid = stack.pop()!;
      const left = stack[stack.length - 1]!;
      const height = Math.min(at(left), v) - at(mid);
      if (height <= 0) continue;
      const a = left + 1;
      const b = t - 1;
      if (a === 0 && b === T - 1) continue; // cannot happen (some L_t is the top); defensive
      const children: number[] = [];
      while (orphans.length > 0 && out[orphans[orphans.length - 1]!]!.a >= a) children.push(orphans.pop()!);
      out.push({ scenario, a, b, height, edge: a === 0 || b === T - 1, children });
      orphans.push(out.length - 1);
    }
    stack.push(t);
  }
}

/**
 * Rows x_b per box (knapsack counts) turned nesting-consistent by the exchange of
 * step 4: afterwards x_b > 0 implies every descendant is full. Never raises the
 * total width, never lowers the value. Boxes must be in emission order.
 */
export function nestRows(boxes: Box[], x: number[]): void {
  // deficit[b] = unfilled rows in b's strict subtree
  const deficit = new Array<number>(boxes.length).fill(0);
  // Fill up to `want` rows in root's strict subtree, deepest first (post-order, an
  // explicit stack: chains of nested boxes can be as deep as T/2); returns rows placed.
  const fill = (root: number, want: number): number => {
    let placed = 0;
    const node: number[] = [root];
    const next: number[] = [0];
    const start: number[] = [0];
    while (node.length > 0) {
      const top = node.length - 1;
      const kids = boxes[node[top]!]!.children;
      if (placed < want && next[top]! < kids.length) {
        const c = kids[next[top]!]!;
        next[top] = next[top]! + 1;
        if (deficit[c]! > 0 || x[c]! < boxes[c]!.height) { node.push(c); next.push(0); start.push(placed); }
        continue;
      }
      const b = node.pop()!;
      next.pop();
      deficit[b] = deficit[b]! - (placed - start.pop()!);
      if (b !== root && deficit[b] === 0 && placed < want) {
        const m = Math.min(boxes[b]!.height - x[b]!, want - placed);
        x[b] = x[b]! + m;
        placed += m;
      }
    }
    return placed;
  };
  for (let b = 0; b < boxes.length; b++) {
    let d = 0;
    for (const c of boxes[b]!.children) d += deficit[c]! + (boxes[c]!.height - x[c]!);
    deficit[b] = d;
    if (x[b]! > 0 && d > 0) {
      const m = Math.min(x[b]!, d);
      const placed = fill(b, m);
      x[b] = x[b]! - placed;
    }
  }
}

export interface BudgetResult {
  /** Rows added per scenario on top of the envelope (plan = L + raise). */
  raise: Float64Array[];
  algorithm: 'dp-deque' | 'dp-concave' | 'proximity' | 'all-fit' | 'none';
  boxes: number;
}

/**
 * Spend at most `spare` (= B − Σ L, integer >= 0) resource units over the envelopes
 * `Ls` to remove the most weighted variation. Exact.
 */
export async function spendBudget(Ls: ArrayLike<number>[], weights: number[], spare: number): Promise<BudgetResult> {
  const boxes: Box[] = [];
  Ls.forEach((L, i) => envelopeBoxes(L, i, boxes));
  let totalSize = 0;
  for (const bx of boxes) totalSize += (bx.b - bx.a + 1) * bx.height;
  let x: number[];
  let algorithm: BudgetResult['algorithm'];
  if (boxes.length === 0) {
    x = [];
    algorithm = 'none';
  } else if (totalSize <= spare) {
    x = boxes.map((bx) => bx.height); // every gap filled: flat plans
    algorithm = 'all-fit';
  } else {
    // values scaled by the largest weight (same optimum; keeps 2·w finite for any weight)
    let wMax = 0;
    for (const w of weights) wMax = Math.max(wMax, w);
    const items = boxes.map((bx) => ({ size: bx.b - bx.a + 1, value: (bx.edge ? 1 : 2) * (weights[bx.scenario]! / wMax), copies: bx.height }));
    let solved: Awaited<ReturnType<typeof knapsackCounts>>;
    try {
      solved = await knapsackCounts(items, spare);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError('budget', `cannot be spent exactly on these ${boxes.length} gaps (widths up to ${items.reduce((m, i) => Math.max(m, i.size), 0)} steps): ${e.message.replace(/^capacity /, 'the knapsack ')}`);
    }
    x = solved.counts;
    algorithm = solved.algorithm;
    nestRows(boxes, x);
  }
  // h_t = L_t + Σ_{b ∋ t} x_b, by a difference array per scenario
  const raise = Ls.map((L) => new Float64Array(L.length + 1));
  boxes.forEach((bx, j) => {
    const r = raise[bx.scenario]!;
    r[bx.a] = r[bx.a]! + x[j]!;
    r[bx.b + 1] = r[bx.b + 1]! - x[j]!;
  });
  for (const r of raise) for (let t = 1; t < r.length; t++) r[t] = r[t]! + r[t - 1]!;
  return { raise: raise.map((r) => r.subarray(0, r.length - 1)), algorithm, boxes: boxes.length };
}
