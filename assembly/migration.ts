// Task migration, stage 1: the target assignment (which machines to keep, where each
// task goes), by consolidation.
//
// Problem (docs/migration.md).
// Tasks i with demand d_i ∈ R^R (R = 1..16 resources), machines j with capacity c_j and
// cost p_j, a current feasible assignment x (some tasks new: x_i = -1). Find y with
//   min Σ_{j used} p_j + α · #{i : y_i != x_i}
//   s.t. Σ_{i: y_i = j} d_i <= c_j (every resource), tasks of one group on distinct machines.
// (Stage 2, the ordered migration plan, is in src/migration/path.ts.)
//
// Algorithm (one call = one strategy; `mode` bits choose it, the host runs a portfolio
// and keeps the least objective):
//  1. New tasks, largest first (Σ_r w_r d_r / c̄_r), go to the open machine (one that
//     hosts a task) chosen by the fit rule; if none fits, the cheapest closed machine that
//     fits is opened; failing that, one task is ejected to make room.
//  2. Drain passes: open machines sorted by a key (bits 6-7: utilization Σ_r l_r/c_r;
//     load per unit cost; load + capacity per unit cost), smallest first. Draining j
//     moves each of its tasks (largest first) to another open machine chosen by the fit
//     rule (bits 0-1: 0 first fit; 1 the task's original machine if it fits, else the
//     best score; 2 the original machine, else first fit). The score (smaller wins) is
//     the weighted normalized residual Σ_r w_r (c-l-d)/c, or (bit 8) its squared L2 norm,
//     or (bit 9) minus the dot product of demand and residual (Panigrahy et al.,
//     "Heuristics for vector bin packing", 2011), or (bit 10) the spread of the
//     utilization vector after placement (balanced machines absorb more later). Weights
//     w_r are 1, or (bit 5) the squared overall utilization of resource r. A task that
//     fits nowhere may (bit 2) eject one task u from a machine k into a third machine l
//     (an ejection chain of length 2, under a global work budget). If a task is left,
//     or p_j <= α·(added moves), the attempt is undone from a move log. Passes repeat
//     (bit 3) while some machine closes, at most 8.
//  2a.(bit 11) Penalty local search: try to close open machines (emptiest first) by
//     emptying one onto the others even when they overflow, then removing the overload
//     by task moves and swaps (a tabu search; the usual way to lower a bin count in
//     bin packing); undone unless it succeeds and pays for its moves. Bit 12 starts the
//     call from the assignment passed in tgt instead of cur (the host polishes its best
//     target this way).
//  2b.(bit 15) Swap-in trials: open a closed machine (cheapest first, one per distinct
//     cost and capacity, at most 8) and drain the open machines into it; kept when the
//     machines closed cost more than it plus the extra moves (two expensive machines
//     out, one cheap in), else undone.
//  3. (bit 4) Return pass: a moved task whose original machine is still open and has
//     room goes back (fewer moves, shorter paths).
// Bits 16-30: a restart seed; when not 0 the drain order keys are multiplied by random
// factors in [1, 1.5) (the host runs a few perturbed restarts on small instances).
// Mode 0 is the plain baseline of the bench: emptiest first, first fit, one pass.
// Complexity: one drain attempt costs O(k·m·R) for k tasks on the machine (plus the
// bounded ejection work); a pass O(n·m·R); at most 8 passes and 8 swap-in trials; the
// local search is bounded by its work budget (2e7 to 2e8 inner steps, set in repairPhase;
// swaps try at most SWAP_SAMPLE = 12 tasks per partner machine when it holds more than
// SAMPLE_ABOVE = 48 (else all of them), so that a step costs
// O(k·WINDOW·SWAP_SAMPLE·R) also with hundreds of tasks per machine). Memory: O(n + m·R) scratch.
// Group checks use a stamp array over machines: marking the machines of a task's group
// costs O(|group|).
//
// Structure: all state of a call lives in one struct (MigState, at the start of the
// scratch memory: no module globals); migrationTarget runs named steps on it:
// initState (pointers, validation), fitWeights, startAssignment, placeNewTasks,
// drainPasses, repairPhase, swapInTrials, returnPass.
//
// Layout (arena pointers): demand f64[n·R], cap f64[m·R], cost f64[m], grp i32[n]
// (group id or -1), gStart i32[G+1] + gMem i32[n] (members of each group, CSR),
// cur i32[n] (current machine or -1), tgt i32[n] (output), scratch (bytes from
// migrationScratchBytes). Returns OK, BAD_LENGTH, BAD_VALUE or INFEASIBLE (a new task
// fits on no machine). Never aborts, never allocates.

import {
  OK, BAD_LENGTH, BAD_VALUE, INFEASIBLE, MIGRATE_FIT_MASK, MIGRATE_KEY_SHIFT, MIGRATE_SEED_SHIFT,
  MIGRATE_EJECT, MIGRATE_MULTI, MIGRATE_RETURN, MIGRATE_SCARCE, MIGRATE_REPAIR, MIGRATE_FROM_TGT,
  MIGRATE_SWAP_IN, MIGRATE_BALANCE, MIGRATE_DOT, MIGRATE_L2,
} from "./abi";
import { ld, st, ldi, sti } from "./mem";
import { sortIds } from "./sort";

// mode: fit rule, drain key and flags, all defined in assembly/abi.ts (MIGRATE_*)

/** Partner machines per step of the penalty local search (all of them when there are fewer). */
const WINDOW: i32 = 48;
/** Swap partners tried per machine and step of the penalty local search, on machines with more than SAMPLE_ABOVE tasks (else all). */
const SWAP_SAMPLE: i32 = 12;
const SAMPLE_ABOVE: i32 = 48;

/** The state of one migrationTarget call (placed at the start of the scratch memory). */
@unmanaged class MigState {
  // problem sizes and the caller's arrays
  n: i32;
  m: i32;
  R: i32;
  flags: i32; // the mode
  dem: usize; // f64[n·R]
  cap: usize; // f64[m·R]
  cost: usize; // f64[m]
  grp: usize; // i32[n]
  gStart: usize; // i32[G+1]
  gMem: usize; // i32[..]
  cur: usize; // i32[n]
  tgt: usize; // i32[n]  the assignment being built
  // scratch arrays
  load: usize; // f64[m·R]
  invc: usize; // f64[m·R]  1/c (0 when c = 0)
  size: usize; // f64[n]    Σ_r w_r d_r / c̄_r
  util: usize; // f64[m]    sort keys
  open: usize; // i32[m]    1 open (may receive tasks), 2 being drained, 0 closed
  cnt: usize; // i32[m]    tasks on the machine
  head: usize; // i32[m]    task lists per machine (doubly linked)
  nxt: usize; // i32[n]
  prv: usize; // i32[n]
  mark: usize; // i32[m]    group stamps
  list: usize; // i32[n + WINDOW]  tasks of the machine being drained; the repair's swap starts
  order: usize; // i32[m]
  logT: usize; // i32[2n]  move log: task
  logF: usize; // i32[2n]  move log: previous machine
  tabu: usize; // i32[n]   repair: step until which a task may not move
  imean: usize; // f64[16]  1 / mean capacity per resource
  weight: usize; // f64[16]  resource weights of the fit score (1, or scarcity)
  // counters
  logLen: i32;
  stamp: i32;
  stampStep: i32; // repair: step counter for the tabu list
  moved: i32; // #{i : tgt_i != cur_i}
  nested: bool; // a swap-in trial may undo committed drains: keep the log
  rng: u32; // xorshift32 state of the drain-order perturbation (0: none)
  rng2: u32; // xorshift32 state of the repair
  budget: f64; // remaining ejection / local-search work (inner-loop steps)
  // the repair's current step: overload of the most overloaded machine, best move or swap
  pa: f64;
  bu: i32;
  bv: i32;
  bb: i32;
}

/** Bytes of MigState at the start of the scratch memory (rounded up to 16). */
const STATE_BYTES: usize = (offsetof<MigState>() + 15) & ~(<usize>15);

/** Scratch bytes migrationTarget needs for n tasks, m machines, R resources. */
export function migrationScratchBytes(n: i32, m: i32, R: i32): f64 {
  const mr = <f64>m * <f64>R;
  // state; LOAD, INVC; SIZE; UTIL; OPEN, CNT, HEAD, MARK, ORDER; NXT, PRV, LIST; LOGT, LOGF; TABU; IMEAN, WEIGHT
  return <f64>STATE_BYTES + <f64>WINDOW * 4 + mr * 16 + <f64>n * 8 + <f64>m * 8 + <f64>m * 20 + <f64>n * 12 + <f64>n * 16 + <f64>n * 4 + 256 + 64;
}

/** One xorshift32 step (13, 17, 5) of a nonzero state. */
@inline function xorshift32(x: u32): u32 {
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return x;
}

/** Uniform in [0, 1) from the drain-order xorshift32 state. */
function nextRand(S: MigState): f64 {
  S.rng = xorshift32(S.rng);
  return <f64>S.rng / 4294967296.0;
}

@inline function dem(S: MigState, t: i32, r: i32): f64 {
  return ld(S.dem, t * S.R + r);
}
@inline function cap(S: MigState, j: i32, r: i32): f64 {
  return ld(S.cap, j * S.R + r);
}
@inline function load(S: MigState, j: i32, r: i32): f64 {
  return ld(S.load, j * S.R + r);
}

function fits(S: MigState, t: i32, j: i32): bool {
  const bt = t * S.R;
  const bj = j * S.R;
  for (let r = 0; r < S.R; r++) {
    if (ld(S.load, bj + r) + ld(S.dem, bt + r) > ld(S.cap, bj + r)) return false;
  }
  return true;
}

/** Normalized residual of machine j after adding task t (smaller = tighter fit). */
function residual(S: MigState, t: i32, j: i32): f64 {
  const bt = t * S.R;
  const bj = j * S.R;
  let s: f64 = 0;
  if ((S.flags & MIGRATE_BALANCE) != 0) {
    // balance: the spread of the machine's utilization vector after placing t, minus
    // its mean (full and even machines win; an even machine absorbs more tasks later)
    let mean: f64 = 0;
    for (let r = 0; r < S.R; r++) mean += (ld(S.load, bj + r) + ld(S.dem, bt + r)) * ld(S.invc, bj + r);
    mean /= <f64>S.R;
    for (let r = 0; r < S.R; r++) {
      const x = (ld(S.load, bj + r) + ld(S.dem, bt + r)) * ld(S.invc, bj + r) - mean;
      s += x * x;
    }
    return s;
  }
  if ((S.flags & MIGRATE_DOT) != 0) {
    // dot product (Panigrahy et al. 2011): the demand's alignment with the residual;
    // a task goes where its heavy resources have the most room (negated: smaller wins)
    for (let r = 0; r < S.R; r++) {
      const ic = ld(S.invc, bj + r);
      s -= ld(S.dem, bt + r) * ic * (ld(S.cap, bj + r) - ld(S.load, bj + r)) * ic * ld(S.weight, r);
    }
    return s;
  }
  if ((S.flags & MIGRATE_L2) != 0) {
    // norm-based greedy (Panigrahy et al. 2011): the squared L2 norm of the normalized
    // residual; small when the machine ends up full in every resource at once
    for (let r = 0; r < S.R; r++) {
      const x = (ld(S.cap, bj + r) - ld(S.load, bj + r) - ld(S.dem, bt + r)) * ld(S.invc, bj + r);
      s += x * x * ld(S.weight, r);
    }
    return s;
  }
  for (let r = 0; r < S.R; r++) {
    s += (ld(S.cap, bj + r) - ld(S.load, bj + r) - ld(S.dem, bt + r)) * ld(S.invc, bj + r) * ld(S.weight, r);
  }
  return s;
}

/** Stamp the machines that host another task of t's group (forbidden for t). */
function markGroup(S: MigState, t: i32): void {
  S.stamp++;
  const g = ldi(S.grp, t);
  if (g < 0) return;
  const e = ldi(S.gStart, g + 1);
  for (let k = ldi(S.gStart, g); k < e; k++) {
    const u = ldi(S.gMem, k);
    if (u == t) continue;
    const j = ldi(S.tgt, u);
    if (j >= 0) sti(S.mark, j, S.stamp);
  }
}
@inline function forbidden(S: MigState, j: i32): bool {
  return ldi(S.mark, j) == S.stamp;
}

function unlink(S: MigState, t: i32, j: i32): void {
  const p = ldi(S.prv, t);
  const q = ldi(S.nxt, t);
  if (p >= 0) sti(S.nxt, p, q);
  else sti(S.head, j, q);
  if (q >= 0) sti(S.prv, q, p);
}
function link(S: MigState, t: i32, j: i32): void {
  const h = ldi(S.head, j);
  sti(S.prv, t, -1);
  sti(S.nxt, t, h);
  if (h >= 0) sti(S.prv, h, t);
  sti(S.head, j, t);
}

/** Move task t to machine j (t may be unplaced), updating loads, lists, counts, log. */
function moveTask(S: MigState, t: i32, j: i32, log: bool): void {
  const f = ldi(S.tgt, t);
  const c = ldi(S.cur, t);
  if (f >= 0) {
    unlink(S, t, f);
    sti(S.cnt, f, ldi(S.cnt, f) - 1);
    for (let r = 0; r < S.R; r++) st(S.load, f * S.R + r, load(S, f, r) - dem(S, t, r));
  }
  if (f != c) S.moved--;
  link(S, t, j);
  sti(S.cnt, j, ldi(S.cnt, j) + 1);
  for (let r = 0; r < S.R; r++) st(S.load, j * S.R + r, load(S, j, r) + dem(S, t, r));
  sti(S.tgt, t, j);
  if (j != c) S.moved++;
  if (log) {
    sti(S.logT, S.logLen, t);
    sti(S.logF, S.logLen, f);
    S.logLen++;
  }
}

/** Undo logged moves back to log length `to` (only moves of placed tasks are logged). */
function undo(S: MigState, to: i32): void {
  while (S.logLen > to) {
    S.logLen--;
    moveTask(S, ldi(S.logT, S.logLen), ldi(S.logF, S.logLen), false);
  }
}

/** Best open machine for t other than `skip`, or -1. rule 0: first fit; 1: the original
 * machine if it fits, else best fit; 2: the original machine, else first fit. */
function bestFit(S: MigState, t: i32, skip: i32, rule: i32): i32 {
  markGroup(S, t);
  const firstFit = rule == 0 || rule == 2;
  const c = ldi(S.cur, t);
  if ((rule == 1 || rule == 2) && c >= 0 && c != skip && ldi(S.open, c) == 1 && !forbidden(S, c) && fits(S, t, c)) return c;
  let best: i32 = -1;
  let bestS: f64 = Infinity;
  for (let j = 0; j < S.m; j++) {
    if (j == skip || ldi(S.open, j) != 1 || forbidden(S, j)) continue;
    if (!fits(S, t, j)) continue;
    if (firstFit) return j;
    const s = residual(S, t, j);
    if (s < bestS) {
      bestS = s;
      best = j;
    }
  }
  return best;
}

/**
 * Make room for t (being drained off `skip`) by ejecting one task u from a machine k
 * to a third machine l; performs both logged moves and returns true on success.
 */
function ejectFor(S: MigState, t: i32, skip: i32): bool {
  markGroup(S, t);
  let tStamp = S.stamp;
  for (let k = 0; k < S.m; k++) {
    if (k == skip || ldi(S.open, k) != 1 || ldi(S.mark, k) == tStamp) continue;
    if (S.budget <= 0) return false;
    S.budget -= <f64>ldi(S.cnt, k);
    // does removing some u from k let t fit?
    for (let u = ldi(S.head, k); u >= 0; u = ldi(S.nxt, u)) {
      let ok = true;
      for (let r = 0; r < S.R; r++) {
        if (load(S, k, r) - dem(S, u, r) + dem(S, t, r) > cap(S, k, r)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // u must go to a third machine l (not skip, not k)
      S.budget -= <f64>S.m;
      markGroup(S, u);
      let best: i32 = -1;
      let bestS: f64 = Infinity;
      for (let l = 0; l < S.m; l++) {
        if (l == k || l == skip || ldi(S.open, l) != 1 || forbidden(S, l)) continue;
        if (!fits(S, u, l)) continue;
        const s = residual(S, u, l);
        if (s < bestS) {
          bestS = s;
          best = l;
        }
      }
      if (best >= 0) {
        moveTask(S, u, best, true);
        moveTask(S, t, k, true);
        return true;
      }
      // restore t's group marks for the next candidates
      markGroup(S, t);
      tStamp = S.stamp;
    }
  }
  return false;
}

/** Try to drain machine j; true (and j closed) on success, else everything undone. */
function drain(S: MigState, j: i32, alpha: f64, mode: i32): bool {
  let k: i32 = 0;
  for (let u = ldi(S.head, j); u >= 0; u = ldi(S.nxt, u)) {
    sti(S.list, k, u);
    k++;
  }
  if (k == 0) {
    sti(S.open, j, 0);
    return true;
  }
  sortIds(S.list, k, S.size, true);
  const mark0 = S.logLen;
  const moved0 = S.moved;
  sti(S.open, j, 2); // draining: receives nothing
  for (let i = 0; i < k; i++) {
    const t = ldi(S.list, i);
    if (ldi(S.tgt, t) != j) continue; // already moved by an ejection (cannot happen: u != t)
    const b = bestFit(S, t, j, mode & MIGRATE_FIT_MASK);
    if (b >= 0) {
      moveTask(S, t, b, true);
      continue;
    }
    if ((mode & MIGRATE_EJECT) != 0 && S.budget > 0 && ejectFor(S, t, j)) continue;
    undo(S, mark0);
    sti(S.open, j, 1);
    return false;
  }
  // worth it? closing saves p_j, the extra moves cost α each
  const extra = <f64>(S.moved - moved0);
  if (ld(S.cost, j) <= alpha * extra) {
    undo(S, mark0);
    sti(S.open, j, 1);
    return false;
  }
  sti(S.open, j, 0);
  if (!S.nested) S.logLen = mark0; // committed: forget the log (unless a swap-in trial may undo it)
  return true;
}


/** Uniform in [0, 1) from the repair's own xorshift32 state (deterministic per call). */
function repairRand(S: MigState): f64 {
  S.rng2 = xorshift32(S.rng2);
  return <f64>S.rng2 / 4294967296.0;
}

/** Normalized overload of machine j: Σ_r max(0, l_r − c_r) / c_r (with d added, u removed). */
function penaltyWith(S: MigState, j: i32, add: i32, rem: i32): f64 {
  const bj = j * S.R;
  let p: f64 = 0;
  for (let r = 0; r < S.R; r++) {
    let l = ld(S.load, bj + r);
    if (add >= 0) l += dem(S, add, r);
    if (rem >= 0) l -= dem(S, rem, r);
    const c = ld(S.cap, bj + r);
    if (l > c) p += c > 0 ? (l - c) / c : 1e9 * (l - c);
  }
  return p;
}

/** May t sit on machine j when `except` (a task leaving j) is ignored? */
function groupOkExcept(S: MigState, t: i32, j: i32, except: i32): bool {
  const g = ldi(S.grp, t);
  if (g < 0) return true;
  const e = ldi(S.gStart, g + 1);
  for (let k = ldi(S.gStart, g); k < e; k++) {
    const w = ldi(S.gMem, k);
    if (w != t && w != except && ldi(S.tgt, w) == j) return false;
  }
  return true;
}

/** Step 1 of penaltyClose: evict every task of j to the machine where it adds the least overload (ties: the tightest fit). */
function evictAll(S: MigState, j: i32): bool {
  while (ldi(S.head, j) >= 0) {
    const t = ldi(S.head, j);
    let best: i32 = -1;
    let bestD: f64 = Infinity;
    for (let k = 0; k < S.m; k++) {
      if (ldi(S.open, k) != 1 || !groupOkExcept(S, t, k, -1)) continue;
      const d = penaltyWith(S, k, t, -1) - penaltyWith(S, k, -1, -1);
      const sc = d * 1e6 + residual(S, t, k) * 1e-6;
      if (sc < bestD) {
        bestD = sc;
        best = k;
      }
    }
    S.budget -= <f64>S.m;
    if (best < 0) return false;
    moveTask(S, t, best, true);
  }
  return true;
}

/** The most overloaded open machine (S.pa its overload), or -1 when none is overloaded. */
function mostOverloaded(S: MigState): i32 {
  let a: i32 = -1;
  let pa: f64 = 0;
  for (let k = 0; k < S.m; k++) {
    if (ldi(S.open, k) != 1) continue;
    const p = penaltyWith(S, k, -1, -1);
    if (p > pa) {
      pa = p;
      a = k;
    }
  }
  S.pa = pa;
  S.budget -= <f64>S.m * <f64>S.R;
  return a;
}

/**
 * The first swap partner on each machine of the window into S.list (free during the
 * repair): its head, or on machines with many tasks a rotating position (another sample
 * each step).
 */
function swapStarts(S: MigState, off: i32, span: i32): void {
  for (let w = 0; w < span; w++) {
    let b = off + w;
    if (b >= S.m) b -= S.m;
    let v = ldi(S.head, b);
    const c = ldi(S.cnt, b);
    if (c > SAMPLE_ABOVE) {
      let skip = (S.stampStep * 7 + w) % c;
      while (skip > 0 && v >= 0) {
        v = ldi(S.nxt, v);
        skip--;
      }
    }
    sti(S.list, w, v);
  }
}

/** Overload of machines a and b after swapping u (on a) and v (on b). */
function swapPenalty(S: MigState, a: i32, b: i32, u: i32, v: i32): f64 {
  let p: f64 = 0;
  const ba = a * S.R;
  const bb = b * S.R;
  for (let r = 0; r < S.R; r++) {
    const du = dem(S, u, r);
    const dv = dem(S, v, r);
    const la = ld(S.load, ba + r) - du + dv;
    const ca = ld(S.cap, ba + r);
    if (la > ca) p += ca > 0 ? (la - ca) / ca : 1e9 * (la - ca);
    const lb = ld(S.load, bb + r) - dv + du;
    const cb = ld(S.cap, bb + r);
    if (lb > cb) p += cb > 0 ? (lb - cb) / cb : 1e9 * (lb - cb);
  }
  return p;
}

/**
 * The best move of a task u off machine a (to b), or swap (u with v on b), over the
 * window of partner machines (every machine when there are few, else WINDOW machines from
 * a random offset, a new window every step); at most SWAP_SAMPLE swap partners per
 * machine. Result in S.bu, S.bv (-1: a move), S.bb; S.bu = -1 when nothing is allowed.
 */
function bestNeighbour(S: MigState, a: i32): void {
  const pa = S.pa;
  let bestD: f64 = Infinity;
  S.bu = -1;
  S.bv = -1;
  S.bb = -1;
  const span = S.m <= WINDOW ? S.m : WINDOW;
  const off = S.m <= WINDOW ? 0 : <i32>(repairRand(S) * <f64>S.m);
  swapStarts(S, off, span);
  for (let u = ldi(S.head, a); u >= 0; u = ldi(S.nxt, u)) {
    if (ldi(S.tabu, u) > S.stampStep) continue;
    const pau = penaltyWith(S, a, -1, u);
    const gu = ldi(S.grp, u);
    for (let w = 0; w < span; w++) {
      let b = off + w;
      if (b >= S.m) b -= S.m;
      if (b == a || ldi(S.open, b) != 1) continue;
      const pb = penaltyWith(S, b, -1, -1);
      // move u: a -> b
      if (groupOkExcept(S, u, b, -1)) {
        const d = pau + penaltyWith(S, b, u, -1) - pa - pb;
        if (d < bestD) {
          bestD = d;
          S.bu = u;
          S.bv = -1;
          S.bb = b;
        }
      }
      // swap u with v on b
      const limit = ldi(S.cnt, b) > SAMPLE_ABOVE ? SWAP_SAMPLE : SAMPLE_ABOVE;
      let tries = 0;
      for (let v = ldi(S.list, w); v >= 0 && tries < limit; v = ldi(S.nxt, v)) {
        if (ldi(S.tabu, v) > S.stampStep) continue;
        tries++;
        S.budget -= <f64>S.R;
        const d = swapPenalty(S, a, b, u, v) - pa - pb;
        // (two tasks of one group trade places to no effect: skipped)
        if (d < bestD && (gu < 0 || gu != ldi(S.grp, v)) && groupOkExcept(S, u, b, v) && groupOkExcept(S, v, a, u)) {
          bestD = d;
          S.bu = u;
          S.bv = v;
          S.bb = b;
        }
      }
    }
  }
}

/**
 * Penalty local search (the standard bin-count reduction of bin packing): empty machine
 * j by placing its tasks where they add the least overload (capacity may be exceeded,
 * groups may not), then remove the overload by the best task move or swap out of the
 * most overloaded machine (best over the neighbourhood, partners in a window of 48
 * machines when there are more, applied even when it does not improve; a short tabu
 * list against undoing it; at most maxSteps steps). Succeeds when no machine is
 * overloaded; the caller undoes the log otherwise. Work is charged to the S.budget.
 */
function penaltyClose(S: MigState, j: i32, maxSteps: i32): bool {
  sti(S.open, j, 2);
  if (!evictAll(S, j)) return false;
  let step: i32 = 0;
  const base = S.stampStep;
  while (step < maxSteps) {
    if (S.budget <= 0 || S.logLen + 2 > 2 * S.n) return false;
    step++;
    S.stampStep++;
    const a = mostOverloaded(S);
    if (a < 0) return true; // no overload left
    bestNeighbour(S, a);
    if (S.bu < 0) return false;
    // apply (also when not improving: the tabu list keeps the search moving)
    moveTask(S, S.bu, S.bb, true);
    sti(S.tabu, S.bu, S.stampStep + 7);
    if (S.bv >= 0) {
      moveTask(S, S.bv, a, true);
      sti(S.tabu, S.bv, S.stampStep + 7);
    }
  }
  S.stampStep = base + maxSteps;
  return false;
}

/** Try to close machine j by penaltyClose; undone unless it pays for its moves. */
function repairClose(S: MigState, j: i32, alpha: f64, maxSteps: i32): bool {
  const mark0 = S.logLen;
  const moved0 = S.moved;
  if (penaltyClose(S, j, maxSteps) && ld(S.cost, j) > alpha * <f64>(S.moved - moved0)) {
    sti(S.open, j, 0);
    S.logLen = mark0;
    return true;
  }
  undo(S, mark0);
  sti(S.open, j, 1);
  return false;
}

/**
 * Step 0: lay the scratch arrays out, reset them, and validate what the kernel relies on
 * (machine and group indices in range, finite non-negative demands, capacities, costs).
 */
function initState(S: MigState, scratch: usize, G: i32): i32 {
  const n = S.n;
  const m = S.m;
  const R = S.R;
  let p = scratch + STATE_BYTES;
  const mr = <usize>m * <usize>R;
  S.load = p; p += mr << 3;
  S.invc = p; p += mr << 3;
  S.size = p; p += <usize>n << 3;
  S.util = p; p += <usize>m << 3;
  S.open = p; p += <usize>m << 2;
  S.cnt = p; p += <usize>m << 2;
  S.head = p; p += <usize>m << 2;
  S.mark = p; p += <usize>m << 2;
  S.order = p; p += <usize>m << 2;
  S.nxt = p; p += <usize>n << 2;
  S.prv = p; p += <usize>n << 2;
  S.list = p; p += (<usize>n + <usize>WINDOW) << 2; // n, and the repair's WINDOW swap starts
  S.logT = p; p += <usize>n << 3;
  S.logF = p; p += <usize>n << 3;
  S.tabu = p; p += <usize>n << 2;
  S.imean = p; p += 128;
  S.weight = p; p += 128;
  S.logLen = 0;
  S.stamp = 0;
  S.stampStep = 0;
  S.moved = 0;
  S.nested = false;
  S.rng = <u32>(S.flags >>> MIGRATE_SEED_SHIFT) * 2654435761; // bits 16-30: restart seed
  S.rng2 = 0x9e3779b9;
  S.budget = 0;
  for (let i = 0; i < n; i++) {
    const c = ldi(S.cur, i);
    if (c < -1 || c >= m) return BAD_VALUE;
    const g = ldi(S.grp, i);
    if (g < -1 || g >= G) return BAD_VALUE;
    for (let r = 0; r < R; r++) if (!(ld(S.dem, i * R + r) >= 0 && ld(S.dem, i * R + r) < Infinity)) return BAD_VALUE;
  }
  if (ldi(S.gStart, 0) != 0 || ldi(S.gStart, G) > n) return BAD_LENGTH;
  for (let g = 0; g < G; g++) {
    if (ldi(S.gStart, g + 1) < ldi(S.gStart, g)) return BAD_LENGTH;
  }
  for (let k = 0; k < ldi(S.gStart, G); k++) {
    const u = ldi(S.gMem, k);
    if (u < 0 || u >= n) return BAD_VALUE;
  }
  for (let j = 0; j < m; j++) {
    if (!(ld(S.cost, j) >= 0 && ld(S.cost, j) < Infinity)) return BAD_VALUE;
    for (let r = 0; r < R; r++) {
      const c = cap(S, j, r);
      if (!(c >= 0 && c < Infinity)) return BAD_VALUE;
      st(S.invc, j * R + r, c > 0 ? 1.0 / c : 0.0);
      st(S.load, j * R + r, 0.0);
    }
    sti(S.open, j, 0);
    sti(S.cnt, j, 0);
    sti(S.head, j, -1);
    sti(S.mark, j, 0);
  }
  return OK;
}

/**
 * Step 1: 1 / mean capacity per resource, the fit-score weights (1, or each resource's
 * squared overall utilization (Σd / Σc)², scarce resources counting more, normalized to
 * mean 1) and the task sizes Σ_r w_r d_r / c̄_r.
 */
function fitWeights(S: MigState): void {
  const n = S.n;
  const m = S.m;
  const R = S.R;
  for (let r = 0; r < R; r++) {
    let t: f64 = 0;
    for (let j = 0; j < m; j++) t += cap(S, j, r);
    const mean = m > 0 ? t / <f64>m : 0;
    st(S.imean, r, mean > 0 ? 1.0 / mean : 0.0);
  }
  let wsum: f64 = 0;
  for (let r = 0; r < R; r++) {
    let w: f64 = 1;
    if ((S.flags & MIGRATE_SCARCE) != 0) {
      let sd: f64 = 0;
      let sc: f64 = 0;
      for (let i = 0; i < n; i++) sd += dem(S, i, r);
      for (let j = 0; j < m; j++) sc += cap(S, j, r);
      w = sc > 0 ? sd / sc : 0;
      w = w * w;
    }
    st(S.weight, r, w);
    wsum += w;
  }
  for (let r = 0; r < R; r++) st(S.weight, r, wsum > 0 ? ld(S.weight, r) * <f64>R / wsum : 1.0);
  for (let i = 0; i < n; i++) {
    let z: f64 = 0;
    for (let r = 0; r < R; r++) z += dem(S, i, r) * ld(S.imean, r) * ld(S.weight, r);
    st(S.size, i, z);
  }
}

/**
 * Step 2: the start state: the current assignment, or (MIGRATE_FROM_TGT) the assignment
 * passed in tgt (a feasible target of an earlier call, to be polished; moves still count
 * from cur). Machines hosting a task are open.
 */
function startAssignment(S: MigState): i32 {
  const n = S.n;
  const fromTgt = (S.flags & MIGRATE_FROM_TGT) != 0;
  for (let i = 0; i < n; i++) {
    const a = fromTgt ? ldi(S.tgt, i) : ldi(S.cur, i);
    if (a < -1 || a >= S.m) return BAD_VALUE;
    sti(S.logF, i, a);
  }
  for (let i = 0; i < n; i++) {
    sti(S.tgt, i, -1);
    sti(S.tabu, i, 0);
    sti(S.prv, i, -1);
    sti(S.nxt, i, -1);
  }
  for (let i = 0; i < n; i++) {
    const c = ldi(S.logF, i);
    if (c >= 0) {
      moveTask(S, i, c, false);
      sti(S.open, c, 1);
    }
  }
  S.moved = 0;
  S.budget = 400.0 * <f64>n * <f64>S.R + 1e6;
  return OK;
}

/**
 * Step 3: new tasks, largest first, to the open machine the fit rule picks; else the
 * cheapest closed machine that fits (ties: the roomiest) is opened; else one task is
 * ejected to a third machine. INFEASIBLE when none of these places the task.
 */
function placeNewTasks(S: MigState): i32 {
  const n = S.n;
  const m = S.m;
  let k: i32 = 0;
  for (let i = 0; i < n; i++) {
    if (ldi(S.tgt, i) < 0) {
      sti(S.list, k, i);
      k++;
    }
  }
  sortIds(S.list, k, S.size, true);
  for (let q = 0; q < k; q++) {
    const t = ldi(S.list, q);
    let b = bestFit(S, t, -1, S.flags & MIGRATE_FIT_MASK);
    if (b < 0) {
      markGroup(S, t);
      let bestC: f64 = Infinity;
      let bestS: f64 = -Infinity;
      for (let j = 0; j < m; j++) {
        if (ldi(S.open, j) != 0 || forbidden(S, j) || !fits(S, t, j)) continue;
        const c = ld(S.cost, j);
        const z = residual(S, t, j);
        if (c < bestC || (c == bestC && z > bestS)) {
          bestC = c;
          bestS = z;
          b = j;
        }
      }
      if (b < 0) {
        // make room by ejecting one task to a third machine (open machines only)
        if (ejectFor(S, t, -1)) {
          S.logLen = 0;
          continue;
        }
        return INFEASIBLE;
      }
      sti(S.open, b, 1);
    }
    moveTask(S, t, b, false);
  }
  S.moved = 0;
  for (let i = 0; i < n; i++) if (ldi(S.tgt, i) != ldi(S.cur, i)) S.moved++;
  return OK;
}

/**
 * Drain order key of open machine j (bits 6-7 of the mode): 0 utilization Σ_r l/c;
 * 1 absolute load Σ_r w_r l_r / c̄_r per unit cost; 2 (load + capacity) per unit cost
 * (small, lightly loaded, expensive machines first); perturbed on restarts.
 */
function drainKey(S: MigState, j: i32): f64 {
  const R = S.R;
  const key = (S.flags >> MIGRATE_KEY_SHIFT) & 3;
  let u: f64 = 0;
  const c = ld(S.cost, j);
  if (key == 0) {
    for (let r = 0; r < R; r++) u += load(S, j, r) * ld(S.invc, j * R + r);
  } else {
    for (let r = 0; r < R; r++) {
      u += load(S, j, r) * ld(S.imean, r) * ld(S.weight, r);
      if (key == 2) u += cap(S, j, r) * ld(S.imean, r) * ld(S.weight, r);
    }
    u = c > 0 ? u / c : Infinity;
  }
  if (S.rng != 0) u *= 1.0 + 0.5 * nextRand(S); // restarts: perturbed drain orders
  return u;
}

/** Step 4: drain passes (smallest key first), repeated (MIGRATE_MULTI) while machines close, at most 8. */
function drainPasses(S: MigState, alpha: f64): void {
  const passes = (S.flags & MIGRATE_MULTI) != 0 ? 8 : 1;
  for (let pass = 0; pass < passes; pass++) {
    let closed = 0;
    let cand = 0;
    for (let j = 0; j < S.m; j++) {
      if (ldi(S.open, j) != 1) continue;
      st(S.util, j, drainKey(S, j));
      sti(S.order, cand, j);
      cand++;
    }
    sortIds(S.order, cand, S.util, false);
    for (let q = 0; q < cand; q++) {
      const j = ldi(S.order, q);
      if (ldi(S.open, j) != 1) continue;
      if (drain(S, j, alpha, S.flags)) closed++;
    }
    if (closed == 0) break;
  }
}

/** Open machines into S.order by load per unit cost (emptiest first); returns their count. */
function openByLoadPerCost(S: MigState, skip: i32, at: i32): i32 {
  let cand = 0;
  for (let j = 0; j < S.m; j++) {
    if (ldi(S.open, j) != 1 || j == skip) continue;
    let u: f64 = 0;
    for (let r = 0; r < S.R; r++) u += load(S, j, r) * ld(S.imean, r);
    const c = ld(S.cost, j);
    st(S.util, j, c > 0 ? u / c : Infinity);
    sti(S.order, at + cand, j);
    cand++;
  }
  sortIds(S.order + (<usize>at << 2), cand, S.util, false);
  return cand;
}

/**
 * Step 5 (MIGRATE_REPAIR): penalty local search: try to close the open machines,
 * emptiest first (by load per unit cost), each with at most 60 + 6·(its tasks) steps;
 * stop after 8 failures in a row or when the work budget is spent (about 0.1-2 s:
 * 2e5 per task up to 1,000 tasks, then the larger of min(2e8, 2e11 / n) and
 * min(1.5e8, 3e3·n), at least 3e7: large clusters get more steps, which now cost less).
 */
function repairPhase(S: MigState, alpha: f64): void {
  const cand = openByLoadPerCost(S, -1, 0);
  S.stampStep = 0;
  const nf = <f64>S.n;
  S.budget = max(S.budget, S.n < 1000 ? max(2e7, 2e5 * nf) : max(3e7, max(min(2e8, 2e11 / nf), min(1.5e8, 3e3 * nf))));
  S.rng2 = 0x9e3779b9;
  let fails = 0;
  for (let q = 0; q < cand && fails < 8 && S.budget > 0; q++) {
    const j = ldi(S.order, q);
    if (ldi(S.open, j) != 1) continue;
    if (repairClose(S, j, alpha, 60 + 6 * ldi(S.cnt, j))) fails = 0;
    else fails++;
  }
}

/** Is closed machine c identical (cost, capacity) to one of the first `cand` in S.order? */
function sameAsCandidate(S: MigState, c: i32, cand: i32): bool {
  for (let q = 0; q < cand; q++) {
    const o = ldi(S.order, q);
    if (ld(S.cost, o) != ld(S.cost, c)) continue;
    let same = true;
    for (let r = 0; r < S.R; r++) if (cap(S, o, r) != cap(S, c, r)) { same = false; break; }
    if (same) return true;
  }
  return false;
}

/**
 * Step 6 (MIGRATE_SWAP_IN): swap-in trials: open a closed machine c (cheapest first,
 * one per distinct cost/capacity, at most 8) and drain the open machines into it; kept
 * when the machines closed cost more than c plus the extra moves, else undone. Catches
 * "two expensive machines out, one cheap machine in", which draining alone never does.
 */
function swapInTrials(S: MigState, alpha: f64): void {
  const m = S.m;
  let cand = 0;
  for (let c = 0; c < m && cand < 8; c++) {
    if (ldi(S.open, c) != 0 || sameAsCandidate(S, c, cand)) continue;
    sti(S.order, cand, c);
    cand++;
  }
  // (S.order[0..cand) holds the candidates; the drain order of each trial goes after them)
  for (let q = 0; q < cand; q++) {
    const c = ldi(S.order, q);
    if (ldi(S.open, c) != 0) continue;
    S.nested = true;
    S.logLen = 0;
    const moved0 = S.moved;
    sti(S.open, c, 1);
    let saved: f64 = 0;
    const nOpen = openByLoadPerCost(S, c, cand);
    for (let k = 0; k < nOpen; k++) {
      const j = ldi(S.order, cand + k);
      if (ldi(S.open, j) != 1) continue;
      if (S.logLen + 2 * ldi(S.cnt, j) > 2 * S.n) break; // the log holds 2n entries
      if (drain(S, j, alpha, S.flags)) saved += ld(S.cost, j);
    }
    S.nested = false;
    if (saved > ld(S.cost, c) + alpha * <f64>(S.moved - moved0) + 1e-12) {
      S.logLen = 0; // keep
    } else {
      undo(S, 0);
      // reopen the machines closed in the trial (they host their tasks again)
      for (let j = 0; j < m; j++) if (ldi(S.open, j) == 0 && ldi(S.cnt, j) > 0) sti(S.open, j, 1);
      sti(S.open, c, 0);
    }
  }
}

/** Step 7 (MIGRATE_RETURN): a moved task goes back to its original machine when that is open and has room. */
function returnPass(S: MigState): void {
  for (let i = 0; i < S.n; i++) {
    const c = ldi(S.cur, i);
    if (c < 0 || ldi(S.tgt, i) == c || ldi(S.open, c) != 1) continue;
    markGroup(S, i);
    if (forbidden(S, c) || !fits(S, i, c)) continue;
    moveTask(S, i, c, false);
  }
}

export function migrationTarget(
  n: i32, m: i32, R: i32,
  demand: usize, capacity: usize, cost: usize,
  grp: usize, gStart: usize, gMem: usize, G: i32,
  cur: usize, tgt: usize,
  alpha: f64, mode: i32, scratch: usize,
): i32 {
  if (n < 0 || m < 0 || R < 1 || R > 16 || G < 0) return BAD_LENGTH;
  if (mode < 0) return BAD_VALUE;
  if (!(alpha >= 0 && alpha < Infinity)) return BAD_VALUE;
  const S = changetype<MigState>(scratch);
  S.n = n; S.m = m; S.R = R; S.flags = mode;
  S.dem = demand; S.cap = capacity; S.cost = cost; S.grp = grp; S.gStart = gStart; S.gMem = gMem; S.cur = cur; S.tgt = tgt;
  let status = initState(S, scratch, G);
  if (status != OK) return status;
  fitWeights(S);
  status = startAssignment(S);
  if (status != OK) return status;
  status = placeNewTasks(S);
  if (status != OK) return status;
  drainPasses(S, alpha);
  if ((mode & MIGRATE_REPAIR) != 0) repairPhase(S, alpha);
  if ((mode & MIGRATE_SWAP_IN) != 0) swapInTrials(S, alpha);
  if ((mode & MIGRATE_RETURN) != 0) returnPass(S);
  return OK;
}
