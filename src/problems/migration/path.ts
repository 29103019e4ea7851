// Task migration, stage 2: an ordered plan from the current assignment to the target in
// which every step is feasible (docs/migration.md).
//
// Semantics: rounds of at most P moves, each task at most once per round; during a
// round a moving task holds its demand on both machines; after it, only on the
// destination, and no two tasks of a group share a machine.
//
// Method (event-driven list scheduling):
//  - Every pending move t: a -> b sits either in the ready queue or in waiting[b]
//    (it did not fit b). A round takes ready moves in queue order while they fit b
//    together with the moves already in the round (sources still hold their demand),
//    up to P. A move that does not fit goes to waiting[b]: b's load only grows until a
//    task leaves b, so it is re-queued exactly when a round moves a task out of b.
//    Cost O((moves + re-checks)·R).
//  - Deadlock (no ready move fits: a cycle of swaps): break it through spare capacity
//    (Entropy, BtrPlace): a task u that must leave a blocking machine b is parked on a
//    machine s where it fits now (preferring machines the target leaves empty), which
//    frees b; u later moves on from s (a task may move twice).
//  - Repair when no parking exists: a blocked move is re-targeted to another machine the
//    target uses where it fits now; failing that the remaining moves are dropped (their
//    tasks stay where they are: the reachable part is kept) and targetReached is false.
//    A new task whose move is dropped is placed by best fit on any machine that has room.
// All arithmetic is on the caller's typed arrays; nothing here is shared with the checker.

export interface PathInput {
  n: number;
  m: number;
  R: number;
  demand: Float64Array; // n·R
  capacity: Float64Array; // m·R
  grp: Int32Array; // n, -1 none
  cur: Int32Array; // n, -1 new
  tgt: Int32Array; // n
  maxParallel: number;
}

export interface PathResult {
  /** flat moves: task, from (-1 new), to */
  task: Int32Array;
  from: Int32Array;
  to: Int32Array;
  /** roundStart[k]..roundStart[k+1] are the moves of round k */
  roundStart: number[];
  pos: Int32Array;
  targetReached: boolean;
  /** moves added to break cycles (parking) */
  parked: number;
  /** moves re-targeted or dropped by the repair */
  repaired: number;
  /** a new task could not be placed at all */
  unplaced: number;
}

class IntVec {
  a: Int32Array;
  len = 0;
  constructor(cap = 16) {
    this.a = new Int32Array(cap);
  }
  push(v: number): void {
    if (this.len === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.len++] = v;
  }
}

/** The state of one planPath call; the steps are its methods. */
class PathPlanner {
  readonly n: number;
  readonly m: number;
  readonly R: number;
  readonly demand: Float64Array;
  readonly capacity: Float64Array;
  readonly grp: Int32Array;
  readonly P: number;
  /** the target (re-targets and drops change it) */
  readonly tgt: Int32Array;
  /** where each task is now */
  readonly pos: Int32Array;
  readonly load: Float64Array;
  /** tasks the target puts on each machine (for parking places and re-targets) */
  readonly tgtCount: Int32Array;
  /** group occupancy: key g·m + j -> count */
  readonly gcount = new Map<number, number>();
  readonly outT = new IntVec(1024);
  readonly outF = new IntVec(1024);
  readonly outTo = new IntVec(1024);
  readonly roundStart: number[] = [0];
  /** pending tasks in queue order; state 0 none, 1 queued, 2 waiting in waiting[tgt] */
  readonly queue: IntVec;
  qHead = 0;
  readonly state: Uint8Array;
  readonly waiting: (number[] | undefined)[];
  pending = 0;
  /** the round being built: its tasks, incoming demand per machine, groups per machine */
  readonly round: number[] = [];
  readonly add: Float64Array;
  readonly touched: number[] = [];
  readonly roundGroups = new Set<number>();
  parked = 0;
  repaired = 0;
  unplaced = 0;
  reached = true;
  readonly parkCount: Uint8Array;
  readonly parkLimit: number;

  constructor(inp: PathInput) {
    const { n, m, R, demand, capacity, grp, cur } = inp;
    this.n = n;
    this.m = m;
    this.R = R;
    this.demand = demand;
    this.capacity = capacity;
    this.grp = grp;
    this.P = Math.max(1, inp.maxParallel);
    this.tgt = inp.tgt.slice();
    this.pos = cur.slice();
    this.load = new Float64Array(m * R);
    for (let t = 0; t < n; t++) {
      const j = this.pos[t]!;
      if (j < 0) continue;
      for (let r = 0; r < R; r++) this.load[j * R + r] += demand[t * R + r]!;
    }
    this.tgtCount = new Int32Array(m);
    for (let t = 0; t < n; t++) if (this.tgt[t]! >= 0) this.tgtCount[this.tgt[t]!]++;
    for (let t = 0; t < n; t++) {
      const g = grp[t]!;
      if (g >= 0 && this.pos[t]! >= 0) this.gcount.set(this.gkey(g, this.pos[t]!), (this.gcount.get(this.gkey(g, this.pos[t]!)) ?? 0) + 1);
    }
    this.queue = new IntVec(Math.max(16, n));
    this.state = new Uint8Array(n);
    this.waiting = new Array(m);
    for (let t = 0; t < n; t++) {
      if (this.tgt[t] !== this.pos[t]) {
        this.pending++;
        this.queue.push(t);
        this.state[t] = 1;
      }
    }
    this.add = new Float64Array(m * R);
    this.parkCount = new Uint8Array(n);
    this.parkLimit = 2 * this.pending + 16;
  }

  gkey(g: number, j: number): number {
    return g * this.m + j;
  }

  groupFree(t: number, j: number): boolean {
    const g = this.grp[t]!;
    return g < 0 || !this.gcount.get(this.gkey(g, j));
  }

  /** Re-queue the moves waiting for machine j (a task has left it). */
  release(j: number): void {
    const w = this.waiting[j];
    if (!w || w.length === 0) return;
    for (const t of w) {
      if (this.state[t] === 2 && this.tgt[t] === j) {
        this.state[t] = 1;
        this.queue.push(t);
      }
    }
    this.waiting[j] = undefined;
  }

  wait(t: number): void {
    const b = this.tgt[t]!;
    (this.waiting[b] ??= []).push(t);
    this.state[t] = 2;
  }

  /** Does t fit b together with the round's incoming moves (sources still hold their demand)? */
  fitsRound(t: number, b: number): boolean {
    const { R, load, add, demand, capacity } = this;
    const bt = t * R;
    const bb = b * R;
    for (let r = 0; r < R; r++) if (load[bb + r]! + add[bb + r]! + demand[bt + r]! > capacity[bb + r]!) return false;
    return true;
  }

  fitsNow(t: number, b: number): boolean {
    const { R, load, demand, capacity } = this;
    const bt = t * R;
    const bb = b * R;
    for (let r = 0; r < R; r++) if (load[bb + r]! + demand[bt + r]! > capacity[bb + r]!) return false;
    return true;
  }

  /** Move t to b now (state, loads, groups, output). */
  execute(t: number, b: number): void {
    const { R, demand, load, gcount } = this;
    const a = this.pos[t]!;
    const g = this.grp[t]!;
    if (a >= 0) {
      for (let r = 0; r < R; r++) load[a * R + r] -= demand[t * R + r]!;
      if (g >= 0) gcount.set(this.gkey(g, a), gcount.get(this.gkey(g, a))! - 1);
    }
    for (let r = 0; r < R; r++) load[b * R + r] += demand[t * R + r]!;
    if (g >= 0) gcount.set(this.gkey(g, b), (gcount.get(this.gkey(g, b)) ?? 0) + 1);
    this.pos[t] = b;
    this.outT.push(t);
    this.outF.push(a);
    this.outTo.push(b);
  }

  closeRound(): void {
    this.roundStart.push(this.outT.len);
  }

  /** Try t in the round being built: added, or parked in waiting[tgt]. */
  tryAdd(t: number): void {
    this.state[t] = 0;
    if (this.pos[t] === this.tgt[t]) return;
    const b = this.tgt[t]!;
    const g = this.grp[t]!;
    if (this.fitsRound(t, b) && this.groupFree(t, b) && !(g >= 0 && this.roundGroups.has(this.gkey(g, b)))) {
      this.round.push(t);
      for (let r = 0; r < this.R; r++) this.add[b * this.R + r] += this.demand[t * this.R + r]!;
      this.touched.push(b);
      if (g >= 0) this.roundGroups.add(this.gkey(g, b));
    } else this.wait(t);
  }

  /** Step 1 of a round: critical moves first, out of machines other moves wait for (the next 32·P queued moves). */
  takeCritical(): void {
    if (this.P <= 1) return;
    const end = Math.min(this.queue.len, this.qHead + 32 * this.P);
    for (let q = this.qHead; q < end && this.round.length < this.P; q++) {
      const t = this.queue.a[q]!;
      if (this.state[t] !== 1) continue;
      const a = this.pos[t]!;
      if (a >= 0 && this.waiting[a] !== undefined && this.waiting[a]!.length > 0) this.tryAdd(t);
    }
  }

  /** Step 2 of a round: ready moves in queue order while they fit, up to P. */
  takeReady(): void {
    while (this.qHead < this.queue.len && this.round.length < this.P) {
      const t = this.queue.a[this.qHead++]!;
      if (this.state[t] !== 1) continue;
      this.tryAdd(t);
    }
    if (this.qHead > 4096 && this.qHead * 2 > this.queue.len) {
      this.queue.a.copyWithin(0, this.qHead, this.queue.len);
      this.queue.len -= this.qHead;
      this.qHead = 0;
    }
  }

  /** Step 3 of a round: execute its moves, close it, release the machines they left. */
  executeRound(): void {
    for (const b of this.touched) this.add.fill(0, b * this.R, b * this.R + this.R);
    this.touched.length = 0;
    this.roundGroups.clear();
    const sources: number[] = [];
    for (const t of this.round) {
      const a = this.pos[t]!;
      this.execute(t, this.tgt[t]!);
      this.pending--;
      if (a >= 0) sources.push(a);
    }
    this.closeRound();
    for (const a of sources) this.release(a);
  }

  /**
   * Deadlock: park a task that must leave a blocking machine b on a machine s where it
   * fits now (preferring: it lets a waiting move in; the target leaves s empty; room).
   */
  breakCycle(): boolean {
    const { n, m, R, pos, tgt, waiting, load, demand, capacity } = this;
    const leaving = new Map<number, number[]>();
    for (let t = 0; t < n; t++) {
      const a = pos[t]!;
      if (a >= 0 && tgt[t] !== a && waiting[a] && waiting[a]!.length > 0) {
        let l = leaving.get(a);
        if (!l) leaving.set(a, (l = []));
        l.push(t);
      }
    }
    let bestU = -1;
    let bestS = -1;
    let bestScore = -Infinity;
    for (const [b, us] of leaving) {
      const w = waiting[b]!;
      for (const u of us) {
        if (this.parkCount[u]! >= 2) continue;
        // does u leaving b let some waiting move in?
        let helps = false;
        for (let k = 0; k < w.length && k < 64; k++) {
          const v = w[k]!;
          if (tgt[v] !== b || pos[v] === b) continue;
          let ok = true;
          for (let r = 0; r < R; r++) {
            if (load[b * R + r]! - demand[u * R + r]! + demand[v * R + r]! > capacity[b * R + r]!) {
              ok = false;
              break;
            }
          }
          if (ok) {
            helps = true;
            break;
          }
        }
        for (let s = 0; s < m; s++) {
          if (s === b || s === pos[u] || !this.groupFree(u, s) || !this.fitsNow(u, s)) continue;
          let room = 0;
          for (let r = 0; r < R; r++) {
            const c = capacity[s * R + r]!;
            if (c > 0) room += (c - load[s * R + r]! - demand[u * R + r]!) / c;
          }
          const score = (helps ? 4 * R : 0) + (this.tgtCount[s] === 0 ? 2 * R : 0) + room;
          if (score > bestScore) {
            bestScore = score;
            bestU = u;
            bestS = s;
          }
        }
      }
      if (bestScore >= 6 * R - 1e-9 && bestU >= 0) break;
    }
    if (bestU < 0) return false;
    const b = pos[bestU]!;
    this.execute(bestU, bestS);
    this.closeRound();
    this.parked++;
    this.parkCount[bestU]++;
    // u stays pending (from its parking place); if it was waiting, requeue it. (Should
    // the parking place be its target after all, the move is done.)
    if (pos[bestU] === tgt[bestU]) {
      this.pending--;
      this.state[bestU] = 0;
    } else if (this.state[bestU] !== 1) {
      this.state[bestU] = 1;
      this.queue.push(bestU);
    }
    this.release(b);
    return true;
  }

  /** Repair: a waiting move goes to another machine the target uses, where it fits now. */
  retarget(): boolean {
    const { m, waiting, tgt, pos } = this;
    for (let b = 0; b < m; b++) {
      const w = waiting[b];
      if (!w) continue;
      for (const t of w) {
        if (this.state[t] !== 2 || tgt[t] !== b) continue;
        for (let c = 0; c < m; c++) {
          if (c === b || c === pos[t] || this.tgtCount[c] === 0 || !this.groupFree(t, c) || !this.fitsNow(t, c)) continue;
          this.tgtCount[b]--;
          this.tgtCount[c]++;
          tgt[t] = c;
          this.state[t] = 1;
          this.queue.push(t);
          this.repaired++;
          this.reached = false;
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Last resort: drop the remaining moves (the reachable part is kept); a new task is
   * still placed, by best fit on any machine with room now (machines that stay in use first).
   */
  dropRest(): void {
    const { n, m, R, pos, tgt, load, demand, capacity } = this;
    this.reached = false;
    for (let t = 0; t < n; t++) {
      if (pos[t] === tgt[t]) continue;
      this.repaired++;
      tgt[t] = pos[t]!;
      if (pos[t]! >= 0) continue;
      let best = -1;
      let bestS = Infinity;
      for (let j = 0; j < m; j++) {
        if (!this.groupFree(t, j) || !this.fitsNow(t, j)) continue;
        let s = 0;
        for (let r = 0; r < R; r++) {
          const c = capacity[j * R + r]!;
          if (c > 0) s += (c - load[j * R + r]! - demand[t * R + r]!) / c;
        }
        if (this.tgtCount[j] === 0) s += R; // prefer machines that stay in use
        if (s < bestS) {
          bestS = s;
          best = j;
        }
      }
      if (best < 0) {
        this.unplaced++;
        continue;
      }
      this.execute(t, best);
      tgt[t] = best;
      this.closeRound();
    }
    this.pending = 0;
  }

  /** The main loop: rounds while moves are pending; on deadlock park, re-target, or drop. */
  run(): PathResult {
    while (this.pending > 0) {
      this.round.length = 0;
      this.takeCritical();
      this.takeReady();
      if (this.round.length > 0) {
        this.executeRound();
        continue;
      }
      if (this.parked < this.parkLimit && this.breakCycle()) continue;
      if (this.retarget()) continue;
      this.dropRest();
    }
    return {
      task: this.outT.a.slice(0, this.outT.len),
      from: this.outF.a.slice(0, this.outF.len),
      to: this.outTo.a.slice(0, this.outTo.len),
      roundStart: this.roundStart,
      pos: this.pos,
      targetReached: this.reached && this.unplaced === 0,
      parked: this.parked,
      repaired: this.repaired,
      unplaced: this.unplaced,
    };
  }
}

/** Stage 2: an ordered plan of feasible rounds from inp.cur to inp.tgt (see the header). */
export function planPath(inp: PathInput): PathResult {
  return new PathPlanner(inp).run();
}
