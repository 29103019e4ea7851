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
// local search is bounded by its work budget (2e7 to 2e8 inner steps, set in migrationTarget). Memory: O(n + m·R) scratch.
// Group checks use a stamp array over machines: marking the machines of a task's group
// costs O(|group|).
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

// mode: fit rule, drain key and flags, all defined in assembly/abi.ts (MIGRATE_*)

// problem pointers and sizes (set per call; module globals keep signatures short)
let N: i32 = 0;
let M: i32 = 0;
let RR: i32 = 0;
let DEM: usize = 0;
let CAP: usize = 0;
let COST: usize = 0;
let GRP: usize = 0;
let GST: usize = 0;
let GMEM: usize = 0;
let CUR: usize = 0;
let TGT: usize = 0;
// scratch
let LOAD: usize = 0; // f64[m·R]
let INVC: usize = 0; // f64[m·R]  1/c (0 when c = 0)
let SIZE: usize = 0; // f64[n]    Σ_r d_r / c̄_r
let UTIL: usize = 0; // f64[m]    sort keys
let OPEN: usize = 0; // i32[m]    1 = may receive tasks (open), 0 = closed
let CNT: usize = 0; // i32[m]    tasks on the machine in the target
let HEAD: usize = 0; // i32[m]    task lists per machine (doubly linked)
let NXT: usize = 0; // i32[n]
let PRV: usize = 0; // i32[n]
let MARK: usize = 0; // i32[m]    group stamps
let LIST: usize = 0; // i32[n]    tasks of the machine being drained
let ORDER: usize = 0; // i32[m]
let LOGT: usize = 0; // i32[2n]  move log: task
let LOGF: usize = 0; // i32[2n]  move log: previous machine
let TABU: usize = 0; // i32[n]   repair: step until which a task may not move
let IMEAN: usize = 0; // f64[16]  1 / mean capacity per resource
let WEIGHT: usize = 0; // f64[16]  resource weights of the fit score (1, or scarcity)
let FLAGS: i32 = 0;
let rng: u32 = 0; // xorshift32 state (0: no perturbation)

/** Uniform in [0, 1) from the xorshift32 state. */
function nextRand(): f64 {
  let x = rng;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  rng = x;
  return <f64>x / 4294967296.0;
}
let logLen: i32 = 0;
let stampStep: i32 = 0; // repair: step counter for the tabu list
let nested: bool = false;
let stamp: i32 = 0;
let moved: i32 = 0; // #{i : tgt_i != cur_i}
let budget: f64 = 0; // remaining ejection work (inner-loop steps)

/** Scratch bytes migrationTarget needs for n tasks, m machines, R resources. */
export function migrationScratchBytes(n: i32, m: i32, R: i32): f64 {
  const mr = <f64>m * <f64>R;
  // LOAD, INVC; SIZE; UTIL; OPEN, CNT, HEAD, MARK, ORDER; NXT, PRV, LIST; LOGT, LOGF; IMEAN
  return mr * 16 + <f64>n * 8 + <f64>m * 8 + <f64>m * 20 + <f64>n * 12 + <f64>n * 16 + <f64>n * 4 + 256 + 64;
}

@inline function dem(t: i32, r: i32): f64 {
  return ld(DEM, t * RR + r);
}
@inline function cap(j: i32, r: i32): f64 {
  return ld(CAP, j * RR + r);
}
@inline function load(j: i32, r: i32): f64 {
  return ld(LOAD, j * RR + r);
}

function fits(t: i32, j: i32): bool {
  const bt = t * RR;
  const bj = j * RR;
  for (let r = 0; r < RR; r++) {
    if (ld(LOAD, bj + r) + ld(DEM, bt + r) > ld(CAP, bj + r)) return false;
  }
  return true;
}

/** Normalized residual of machine j after adding task t (smaller = tighter fit). */
function residual(t: i32, j: i32): f64 {
  const bt = t * RR;
  const bj = j * RR;
  let s: f64 = 0;
  if ((FLAGS & MIGRATE_BALANCE) != 0) {
    // balance: the spread of the machine's utilization vector after placing t, minus
    // its mean (full and even machines win; an even machine absorbs more tasks later)
    let mean: f64 = 0;
    for (let r = 0; r < RR; r++) mean += (ld(LOAD, bj + r) + ld(DEM, bt + r)) * ld(INVC, bj + r);
    mean /= <f64>RR;
    for (let r = 0; r < RR; r++) {
      const x = (ld(LOAD, bj + r) + ld(DEM, bt + r)) * ld(INVC, bj + r) - mean;
      s += x * x;
    }
    return s;
  }
  if ((FLAGS & MIGRATE_DOT) != 0) {
    // dot product (Panigrahy et al. 2011): the demand's alignment with the residual;
    // a task goes where its heavy resources have the most room (negated: smaller wins)
    for (let r = 0; r < RR; r++) {
      const ic = ld(INVC, bj + r);
      s -= ld(DEM, bt + r) * ic * (ld(CAP, bj + r) - ld(LOAD, bj + r)) * ic * ld(WEIGHT, r);
    }
    return s;
  }
  if ((FLAGS & MIGRATE_L2) != 0) {
    // norm-based greedy (Panigrahy et al. 2011): the squared L2 norm of the normalized
    // residual; small when the machine ends up full in every resource at once
    for (let r = 0; r < RR; r++) {
      const x = (ld(CAP, bj + r) - ld(LOAD, bj + r) - ld(DEM, bt + r)) * ld(INVC, bj + r);
      s += x * x * ld(WEIGHT, r);
    }
    return s;
  }
  for (let r = 0; r < RR; r++) {
    s += (ld(CAP, bj + r) - ld(LOAD, bj + r) - ld(DEM, bt + r)) * ld(INVC, bj + r) * ld(WEIGHT, r);
  }
  return s;
}

/** Stamp the machines that host another task of t's group (forbidden for t). */
function markGroup(t: i32): void {
  stamp++;
  const g = ldi(GRP, t);
  if (g < 0) return;
  const e = ldi(GST, g + 1);
  for (let k = ldi(GST, g); k < e; k++) {
    const u = ldi(GMEM, k);
    if (u == t) continue;
    const j = ldi(TGT, u);
    if (j >= 0) sti(MARK, j, stamp);
  }
}
@inline function forbidden(j: i32): bool {
  return ldi(MARK, j) == stamp;
}

function unlink(t: i32, j: i32): void {
  const p = ldi(PRV, t);
  const q = ldi(NXT, t);
  if (p >= 0) sti(NXT, p, q);
  else sti(HEAD, j, q);
  if (q >= 0) sti(PRV, q, p);
}
function link(t: i32, j: i32): void {
  const h = ldi(HEAD, j);
  sti(PRV, t, -1);
  sti(NXT, t, h);
  if (h >= 0) sti(PRV, h, t);
  sti(HEAD, j, t);
}

/** Move task t to machine j (t may be unplaced), updating loads, lists, counts, log. */
function moveTask(t: i32, j: i32, log: bool): void {
  const f = ldi(TGT, t);
  const c = ldi(CUR, t);
  if (f >= 0) {
    unlink(t, f);
    sti(CNT, f, ldi(CNT, f) - 1);
    for (let r = 0; r < RR; r++) st(LOAD, f * RR + r, load(f, r) - dem(t, r));
  }
  if (f != c) moved--;
  link(t, j);
  sti(CNT, j, ldi(CNT, j) + 1);
  for (let r = 0; r < RR; r++) st(LOAD, j * RR + r, load(j, r) + dem(t, r));
  sti(TGT, t, j);
  if (j != c) moved++;
  if (log) {
    sti(LOGT, logLen, t);
    sti(LOGF, logLen, f);
    logLen++;
  }
}

/** Undo logged moves back to log length `to` (only moves of placed tasks are logged). */
function undo(to: i32): void {
  while (logLen > to) {
    logLen--;
    moveTask(ldi(LOGT, logLen), ldi(LOGF, logLen), false);
  }
}

/** Shell sort of idx[0..k) by key[idx] ascending (keys f64 at keyPtr indexed by value). */
function sortBy(idx: usize, k: i32, keyPtr: usize, desc: bool): void {
  let gap = 1;
  while (gap < k / 3) gap = gap * 3 + 1;
  while (gap >= 1) {
    for (let i = gap; i < k; i++) {
      const v = ldi(idx, i);
      const kv = ld(keyPtr, v);
      let j = i;
      while (j >= gap) {
        const w = ldi(idx, j - gap);
        const kw = ld(keyPtr, w);
        if (desc ? kw >= kv : kw <= kv) break;
        sti(idx, j, w);
        j -= gap;
      }
      sti(idx, j, v);
    }
    gap = (gap - 1) / 3;
  }
}

/** Best open machine for t other than `skip`, or -1. rule 0: first fit; 1: the original
 * machine if it fits, else best fit; 2: the original machine, else first fit. */
function bestFit(t: i32, skip: i32, rule: i32): i32 {
  markGroup(t);
  const firstFit = rule == 0 || rule == 2;
  const c = ldi(CUR, t);
  if ((rule == 1 || rule == 2) && c >= 0 && c != skip && ldi(OPEN, c) == 1 && !forbidden(c) && fits(t, c)) return c;
  let best: i32 = -1;
  let bestS: f64 = Infinity;
  for (let j = 0; j < M; j++) {
    if (j == skip || ldi(OPEN, j) != 1 || forbidden(j)) continue;
    if (!fits(t, j)) continue;
    if (firstFit) return j;
    const s = residual(t, j);
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
function ejectFor(t: i32, skip: i32): bool {
  markGroup(t);
  let tStamp = stamp;
  for (let k = 0; k < M; k++) {
    if (k == skip || ldi(OPEN, k) != 1 || ldi(MARK, k) == tStamp) continue;
    if (budget <= 0) return false;
    budget -= <f64>ldi(CNT, k);
    // does removing some u from k let t fit?
    for (let u = ldi(HEAD, k); u >= 0; u = ldi(NXT, u)) {
      let ok = true;
      for (let r = 0; r < RR; r++) {
        if (load(k, r) - dem(u, r) + dem(t, r) > cap(k, r)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // u must go to a third machine l (not skip, not k)
      budget -= <f64>M;
      markGroup(u);
      let best: i32 = -1;
      let bestS: f64 = Infinity;
      for (let l = 0; l < M; l++) {
        if (l == k || l == skip || ldi(OPEN, l) != 1 || forbidden(l)) continue;
        if (!fits(u, l)) continue;
        const s = residual(u, l);
        if (s < bestS) {
          bestS = s;
          best = l;
        }
      }
      if (best >= 0) {
        moveTask(u, best, true);
        moveTask(t, k, true);
        return true;
      }
      // restore t's group marks for the next candidates
      markGroup(t);
      tStamp = stamp;
    }
  }
  return false;
}

/** Try to drain machine j; true (and j closed) on success, else everything undone. */
function drain(j: i32, alpha: f64, mode: i32): bool {
  let k: i32 = 0;
  for (let u = ldi(HEAD, j); u >= 0; u = ldi(NXT, u)) {
    sti(LIST, k, u);
    k++;
  }
  if (k == 0) {
    sti(OPEN, j, 0);
    return true;
  }
  sortBy(LIST, k, SIZE, true);
  const mark0 = logLen;
  const moved0 = moved;
  sti(OPEN, j, 2); // draining: receives nothing
  for (let i = 0; i < k; i++) {
    const t = ldi(LIST, i);
    if (ldi(TGT, t) != j) continue; // already moved by an ejection (cannot happen: u != t)
    const b = bestFit(t, j, mode & MIGRATE_FIT_MASK);
    if (b >= 0) {
      moveTask(t, b, true);
      continue;
    }
    if ((mode & MIGRATE_EJECT) != 0 && budget > 0 && ejectFor(t, j)) continue;
    undo(mark0);
    sti(OPEN, j, 1);
    return false;
  }
  // worth it? closing saves p_j, the extra moves cost α each
  const extra = <f64>(moved - moved0);
  if (ld(COST, j) <= alpha * extra) {
    undo(mark0);
    sti(OPEN, j, 1);
    return false;
  }
  sti(OPEN, j, 0);
  if (!nested) logLen = mark0; // committed: forget the log (unless a swap-in trial may undo it)
  return true;
}


const WINDOW: i32 = 48;
let rng2: u32 = 0x9e3779b9; // repair's own xorshift32 state (deterministic per call)
function repairRand(): f64 {
  let x = rng2;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  rng2 = x;
  return <f64>x / 4294967296.0;
}

/** Normalized overload of machine j: Σ_r max(0, l_r − c_r) / c_r (with d added, u removed). */
function penaltyWith(j: i32, add: i32, rem: i32): f64 {
  const bj = j * RR;
  let p: f64 = 0;
  for (let r = 0; r < RR; r++) {
    let l = ld(LOAD, bj + r);
    if (add >= 0) l += dem(add, r);
    if (rem >= 0) l -= dem(rem, r);
    const c = ld(CAP, bj + r);
    if (l > c) p += c > 0 ? (l - c) / c : 1e9 * (l - c);
  }
  return p;
}

/** May t sit on machine j when `except` (a task leaving j) is ignored? */
function groupOkExcept(t: i32, j: i32, except: i32): bool {
  const g = ldi(GRP, t);
  if (g < 0) return true;
  const e = ldi(GST, g + 1);
  for (let k = ldi(GST, g); k < e; k++) {
    const w = ldi(GMEM, k);
    if (w != t && w != except && ldi(TGT, w) == j) return false;
  }
  return true;
}

/**
 * Penalty local search (the standard bin-count reduction of bin packing): empty machine
 * j by placing its tasks where they add the least overload (capacity may be exceeded,
 * groups may not), then remove the overload by the best task move or swap out of the
 * most overloaded machine (best over the neighbourhood, partners in a window of 48
 * machines when there are more, applied even when it does not improve; a short tabu
 * list against undoing it; at most maxSteps steps). Succeeds when no machine is
 * overloaded; the caller undoes the log otherwise. Work is charged to the budget.
 */
function penaltyClose(j: i32, maxSteps: i32): bool {
  sti(OPEN, j, 2);
  // 1. evict every task of j to the machine where it adds the least overload
  while (ldi(HEAD, j) >= 0) {
    const t = ldi(HEAD, j);
    let best: i32 = -1;
    let bestD: f64 = Infinity;
    for (let k = 0; k < M; k++) {
      if (ldi(OPEN, k) != 1 || !groupOkExcept(t, k, -1)) continue;
      const d = penaltyWith(k, t, -1) - penaltyWith(k, -1, -1);
      // ties: the tightest fit
      const sc = d * 1e6 + residual(t, k) * 1e-6;
      if (sc < bestD) {
        bestD = sc;
        best = k;
      }
    }
    budget -= <f64>M;
    if (best < 0) return false;
    moveTask(t, best, true);
  }
  // 2. local search on the overload
  let step: i32 = 0;
  const base = stampStep;
  while (step < maxSteps) {
    if (budget <= 0 || logLen + 2 > 2 * N) return false;
    step++;
    stampStep++;
    // the most overloaded machine
    let a: i32 = -1;
    let pa: f64 = 0;
    for (let k = 0; k < M; k++) {
      if (ldi(OPEN, k) != 1) continue;
      const p = penaltyWith(k, -1, -1);
      if (p > pa) {
        pa = p;
        a = k;
      }
    }
    if (a < 0) return true; // no overload left
    budget -= <f64>M * <f64>RR;
    let bestD: f64 = Infinity;
    let bu: i32 = -1;
    let bv: i32 = -1;
    let bb: i32 = -1;
    // partners: every machine when there are few, else a window of WINDOW machines from a
    // random offset (a new window every step)
    const span = M <= WINDOW ? M : WINDOW;
    const off = M <= WINDOW ? 0 : <i32>(repairRand() * <f64>M);
    for (let u = ldi(HEAD, a); u >= 0; u = ldi(NXT, u)) {
      if (ldi(TABU, u) > stampStep) continue;
      const pau = penaltyWith(a, -1, u);
      for (let w = 0; w < span; w++) {
        let b = off + w;
        if (b >= M) b -= M;
        if (b == a || ldi(OPEN, b) != 1) continue;
        const pb = penaltyWith(b, -1, -1);
        // move u: a -> b
        if (groupOkExcept(u, b, -1)) {
          const d = pau + penaltyWith(b, u, -1) - pa - pb;
          if (d < bestD) {
            bestD = d;
            bu = u;
            bv = -1;
            bb = b;
          }
        }
        // swap u with v on b
        for (let v = ldi(HEAD, b); v >= 0; v = ldi(NXT, v)) {
          if (ldi(TABU, v) > stampStep) continue;
          budget -= <f64>RR;
          // overload after the swap
          let pa2: f64 = 0;
          let pb2: f64 = 0;
          const ba = a * RR;
          const bbb = b * RR;
          for (let r = 0; r < RR; r++) {
            const du = dem(u, r);
            const dv = dem(v, r);
            const la = ld(LOAD, ba + r) - du + dv;
            const ca = ld(CAP, ba + r);
            if (la > ca) pa2 += ca > 0 ? (la - ca) / ca : 1e9 * (la - ca);
            const lb = ld(LOAD, bbb + r) - dv + du;
            const cb = ld(CAP, bbb + r);
            if (lb > cb) pb2 += cb > 0 ? (lb - cb) / cb : 1e9 * (lb - cb);
          }
          const d = pa2 + pb2 - pa - pb;
          if (d < bestD && ldi(GRP, u) != ldi(GRP, v) && groupOkExcept(u, b, v) && groupOkExcept(v, a, u)) {
            bestD = d;
            bu = u;
            bv = v;
            bb = b;
          }
        }
      }
    }
    if (bu < 0) return false;
    // apply (also when not improving: the tabu list keeps the search moving)
    moveTask(bu, bb, true);
    sti(TABU, bu, stampStep + 7);
    if (bv >= 0) {
      moveTask(bv, a, true);
      sti(TABU, bv, stampStep + 7);
    }
  }
  stampStep = base + maxSteps;
  return false;
}

/** Try to close machine j by penaltyClose; undone unless it pays for its moves. */
function repairClose(j: i32, alpha: f64, maxSteps: i32): bool {
  const mark0 = logLen;
  const moved0 = moved;
  if (penaltyClose(j, maxSteps) && ld(COST, j) > alpha * <f64>(moved - moved0)) {
    sti(OPEN, j, 0);
    logLen = mark0;
    return true;
  }
  undo(mark0);
  sti(OPEN, j, 1);
  return false;
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
  rng = <u32>(mode >>> MIGRATE_SEED_SHIFT) * 2654435761; // bits 16-30: restart seed
  FLAGS = mode;
  if (!(alpha >= 0 && alpha < Infinity)) return BAD_VALUE;
  N = n; M = m; RR = R;
  DEM = demand; CAP = capacity; COST = cost; GRP = grp; GST = gStart; GMEM = gMem; CUR = cur; TGT = tgt;
  let p = scratch;
  const mr = <usize>m * <usize>R;
  LOAD = p; p += mr << 3;
  INVC = p; p += mr << 3;
  SIZE = p; p += <usize>n << 3;
  UTIL = p; p += <usize>m << 3;
  OPEN = p; p += <usize>m << 2;
  CNT = p; p += <usize>m << 2;
  HEAD = p; p += <usize>m << 2;
  MARK = p; p += <usize>m << 2;
  ORDER = p; p += <usize>m << 2;
  NXT = p; p += <usize>n << 2;
  PRV = p; p += <usize>n << 2;
  LIST = p; p += <usize>n << 2;
  LOGT = p; p += <usize>n << 3;
  LOGF = p; p += <usize>n << 3;
  TABU = p; p += <usize>n << 2;
  IMEAN = p; p += 128;
  WEIGHT = p; p += 128;
  logLen = 0;
  stamp = 0;
  moved = 0;

  // validate what the kernel relies on
  for (let i = 0; i < n; i++) {
    const c = ldi(cur, i);
    if (c < -1 || c >= m) return BAD_VALUE;
    const g = ldi(grp, i);
    if (g < -1 || g >= G) return BAD_VALUE;
    for (let r = 0; r < R; r++) if (!(ld(demand, i * R + r) >= 0 && ld(demand, i * R + r) < Infinity)) return BAD_VALUE;
  }
  if (ldi(gStart, 0) != 0 || ldi(gStart, G) > n) return BAD_LENGTH;
  for (let g = 0; g < G; g++) {
    if (ldi(gStart, g + 1) < ldi(gStart, g)) return BAD_LENGTH;
  }
  for (let k = 0; k < ldi(gStart, G); k++) {
    const u = ldi(gMem, k);
    if (u < 0 || u >= n) return BAD_VALUE;
  }
  for (let j = 0; j < m; j++) {
    if (!(ld(cost, j) >= 0 && ld(cost, j) < Infinity)) return BAD_VALUE;
    for (let r = 0; r < R; r++) {
      const c = cap(j, r);
      if (!(c >= 0 && c < Infinity)) return BAD_VALUE;
      st(INVC, j * R + r, c > 0 ? 1.0 / c : 0.0);
      st(LOAD, j * R + r, 0.0);
    }
    sti(OPEN, j, 0);
    sti(CNT, j, 0);
    sti(HEAD, j, -1);
    sti(MARK, j, 0);
  }
  // mean capacity per resource, for task sizes
  for (let r = 0; r < R; r++) {
    let s: f64 = 0;
    for (let j = 0; j < m; j++) s += cap(j, r);
    const mean = m > 0 ? s / <f64>m : 0;
    st(IMEAN, r, mean > 0 ? 1.0 / mean : 0.0);
  }
  // fit-score weights: 1, or each resource's squared overall utilization (Σd / Σc)²
  // (scarce resources count more), normalized to mean 1
  let wsum: f64 = 0;
  for (let r = 0; r < R; r++) {
    let w: f64 = 1;
    if ((mode & MIGRATE_SCARCE) != 0) {
      let sd: f64 = 0;
      let sc: f64 = 0;
      for (let i = 0; i < n; i++) sd += dem(i, r);
      for (let j = 0; j < m; j++) sc += cap(j, r);
      w = sc > 0 ? sd / sc : 0;
      w = w * w;
    }
    st(WEIGHT, r, w);
    wsum += w;
  }
  for (let r = 0; r < R; r++) st(WEIGHT, r, wsum > 0 ? ld(WEIGHT, r) * <f64>R / wsum : 1.0);
  for (let i = 0; i < n; i++) {
    let s: f64 = 0;
    for (let r = 0; r < R; r++) s += dem(i, r) * ld(IMEAN, r) * ld(WEIGHT, r);
    st(SIZE, i, s);
  }
  // start state: the current assignment, or (MIGRATE_FROM_TGT) the assignment passed in tgt
  // (a feasible target of an earlier call, to be polished; moves still count from cur)
  const fromTgt = (mode & MIGRATE_FROM_TGT) != 0;
  for (let i = 0; i < n; i++) {
    const a = fromTgt ? ldi(tgt, i) : ldi(cur, i);
    if (a < -1 || a >= m) return BAD_VALUE;
    sti(LOGF, i, a);
  }
  for (let i = 0; i < n; i++) {
    sti(TGT, i, -1);
    sti(TABU, i, 0);
    sti(PRV, i, -1);
    sti(NXT, i, -1);
  }
  for (let i = 0; i < n; i++) {
    const c = ldi(LOGF, i);
    if (c >= 0) {
      moveTask(i, c, false);
      sti(OPEN, c, 1);
    }
  }
  moved = 0;
  budget = 400.0 * <f64>n * <f64>R + 1e6;

  // 1. new tasks, largest first
  let k: i32 = 0;
  for (let i = 0; i < n; i++) {
    if (ldi(TGT, i) < 0) {
      sti(LIST, k, i);
      k++;
    }
  }
  sortBy(LIST, k, SIZE, true);
  for (let q = 0; q < k; q++) {
    const t = ldi(LIST, q);
    let b = bestFit(t, -1, mode & MIGRATE_FIT_MASK);
    if (b < 0) {
      // open the cheapest closed machine that fits (ties: the roomiest)
      markGroup(t);
      let bestC: f64 = Infinity;
      let bestS: f64 = -Infinity;
      for (let j = 0; j < m; j++) {
        if (ldi(OPEN, j) != 0 || forbidden(j) || !fits(t, j)) continue;
        const c = ld(cost, j);
        const s = residual(t, j);
        if (c < bestC || (c == bestC && s > bestS)) {
          bestC = c;
          bestS = s;
          b = j;
        }
      }
      if (b < 0) {
        // make room by ejecting one task to a third machine (open machines only)
        if (ejectFor(t, -1)) {
          logLen = 0;
          continue;
        }
        return INFEASIBLE;
      }
      sti(OPEN, b, 1);
    }
    moveTask(t, b, false);
  }
  moved = 0;
  for (let i = 0; i < n; i++) if (ldi(TGT, i) != ldi(cur, i)) moved++;

  // 2. drain passes
  const passes = (mode & MIGRATE_MULTI) != 0 ? 8 : 1;
  for (let pass = 0; pass < passes; pass++) {
    let closed = 0;
    let cand = 0;
    for (let j = 0; j < m; j++) {
      if (ldi(OPEN, j) != 1) continue;
      // drain order key (bits 6-7 of mode): 0 utilization Σ_r l/c; 1 absolute load
      // Σ_r w_r l_r / c̄_r per unit cost; 2 (load + capacity) per unit cost (small,
      // lightly loaded, expensive machines first)
      const key = (mode >> MIGRATE_KEY_SHIFT) & 3;
      let u: f64 = 0;
      const c = ld(cost, j);
      if (key == 0) {
        for (let r = 0; r < R; r++) u += load(j, r) * ld(INVC, j * R + r);
      } else {
        for (let r = 0; r < R; r++) {
          u += load(j, r) * ld(IMEAN, r) * ld(WEIGHT, r);
          if (key == 2) u += cap(j, r) * ld(IMEAN, r) * ld(WEIGHT, r);
        }
        u = c > 0 ? u / c : Infinity;
      }
      if (rng != 0) u *= 1.0 + 0.5 * nextRand(); // restarts: perturbed drain orders
      st(UTIL, j, u);
      sti(ORDER, cand, j);
      cand++;
    }
    sortBy(ORDER, cand, UTIL, false);
    for (let q = 0; q < cand; q++) {
      const j = ldi(ORDER, q);
      if (ldi(OPEN, j) != 1) continue;
      if (drain(j, alpha, mode)) closed++;
    }
    if (closed == 0) break;
  }

  // 2a. (MIGRATE_REPAIR) penalty local search: try to close the open machines, emptiest first
  // (by load per unit cost), each with at most 60 + 6·(its tasks) steps (repairClose's
  // maxSteps below); stop after 8 failures in a row or when the work budget is spent.
  if ((mode & MIGRATE_REPAIR) != 0) {
    let cand = 0;
    for (let j = 0; j < m; j++) {
      if (ldi(OPEN, j) != 1) continue;
      let u: f64 = 0;
      for (let r = 0; r < R; r++) u += load(j, r) * ld(IMEAN, r);
      const c = ld(cost, j);
      st(UTIL, j, c > 0 ? u / c : Infinity);
      sti(ORDER, cand, j);
      cand++;
    }
    sortBy(ORDER, cand, UTIL, false);
    stampStep = 0;
    // about 0.1-2 s of search: 2e5 per task up to 1,000 tasks, then 2e11 / n (at least 3e7)
    const nf = <f64>n;
    budget = max(budget, n < 1000 ? max(2e7, 2e5 * nf) : max(3e7, min(2e8, 2e11 / nf)));
    rng2 = 0x9e3779b9;
    let fails = 0;
    for (let q = 0; q < cand && fails < 8 && budget > 0; q++) {
      const j = ldi(ORDER, q);
      if (ldi(OPEN, j) != 1) continue;
      if (repairClose(j, alpha, 60 + 6 * ldi(CNT, j))) fails = 0;
      else fails++;
    }
  }

  // 2b. swap-in trials: open a closed machine c (cheapest first, one per distinct
  // cost/capacity) and drain the open machines into it; kept when the machines closed
  // cost more than c plus the extra moves, else undone. Catches "two expensive machines
  // out, one cheap machine in", which draining alone never does.
  if ((mode & MIGRATE_SWAP_IN) != 0) {
    let cand = 0;
    for (let c = 0; c < m; c++) {
      if (ldi(OPEN, c) != 0) continue;
      // skip a machine identical (cost, capacity) to an earlier candidate
      let dup = false;
      for (let q = 0; q < cand && !dup; q++) {
        const o = ldi(ORDER, q);
        if (ld(cost, o) != ld(cost, c)) continue;
        let same = true;
        for (let r = 0; r < R; r++) if (cap(o, r) != cap(c, r)) { same = false; break; }
        dup = same;
      }
      if (!dup && cand < 8) {
        sti(ORDER, cand, c);
        cand++;
      }
    }
    // (ORDER[0..cand) holds the candidates; the drain order of each trial goes after them)
    for (let q = 0; q < cand; q++) {
      const c = ldi(ORDER, q);
      if (ldi(OPEN, c) != 0) continue;
      nested = true;
      logLen = 0;
      const moved0 = moved;
      sti(OPEN, c, 1);
      let saved: f64 = 0;
      let nOpen = 0;
      for (let j = 0; j < m; j++) {
        if (ldi(OPEN, j) != 1 || j == c) continue;
        let u: f64 = 0;
        for (let r = 0; r < R; r++) u += load(j, r) * ld(IMEAN, r);
        const cj = ld(cost, j);
        st(UTIL, j, cj > 0 ? u / cj : Infinity);
        sti(ORDER, cand + nOpen, j);
        nOpen++;
      }
      sortBy(ORDER + (<usize>cand << 2), nOpen, UTIL, false);
      for (let k = 0; k < nOpen; k++) {
        const j = ldi(ORDER, cand + k);
        if (ldi(OPEN, j) != 1) continue;
        if (logLen + 2 * ldi(CNT, j) > 2 * n) break; // the log holds 2n entries
        if (drain(j, alpha, mode)) saved += ld(cost, j);
      }
      nested = false;
      if (saved > ld(cost, c) + alpha * <f64>(moved - moved0) + 1e-12) {
        logLen = 0; // keep
      } else {
        undo(0);
        // reopen the machines closed in the trial (they host their tasks again)
        for (let j = 0; j < m; j++) if (ldi(OPEN, j) == 0 && ldi(CNT, j) > 0) sti(OPEN, j, 1);
        sti(OPEN, c, 0);
      }
    }
  }

  // 3. return pass: back to the original machine when it is open and has room
  if ((mode & MIGRATE_RETURN) != 0) {
    for (let i = 0; i < n; i++) {
      const c = ldi(cur, i);
      if (c < 0 || ldi(TGT, i) == c || ldi(OPEN, c) != 1) continue;
      markGroup(i);
      if (forbidden(c) || !fits(i, c)) continue;
      moveTask(i, c, false);
    }
  }
  return OK;
}
