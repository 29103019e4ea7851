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

export function planPath(inp: PathInput): PathResult {
  const { n, m, R, demand, capacity, grp, cur, maxParallel } = inp;
  const tgt = inp.tgt.slice();
  const P = Math.max(1, maxParallel);
  const pos = cur.slice();
  const load = new Float64Array(m * R);
  for (let t = 0; t < n; t++) {
    const j = pos[t]!;
    if (j < 0) continue;
    for (let r = 0; r < R; r++) load[j * R + r] += demand[t * R + r]!;
  }
  // machines the target uses (for the choice of parking places and re-targets)
  const tgtCount = new Int32Array(m);
  for (let t = 0; t < n; t++) if (tgt[t]! >= 0) tgtCount[tgt[t]!]++;
  // group occupancy: key g·m + j -> count
  const gcount = new Map<number, number>();
  const gkey = (g: number, j: number) => g * m + j;
  for (let t = 0; t < n; t++) {
    const g = grp[t]!;
    if (g >= 0 && pos[t]! >= 0) gcount.set(gkey(g, pos[t]!), (gcount.get(gkey(g, pos[t]!)) ?? 0) + 1);
  }
  const groupFree = (t: number, j: number) => {
    const g = grp[t]!;
    return g < 0 || !gcount.get(gkey(g, j));
  };

  const outT = new IntVec(1024);
  const outF = new IntVec(1024);
  const outTo = new IntVec(1024);
  const roundStart: number[] = [0];

  // queue of pending tasks, waiting lists per destination
  const queue = new IntVec(Math.max(16, n));
  let qHead = 0;
  const state = new Uint8Array(n); // 0 none, 1 queued, 2 waiting
  const waiting: (number[] | undefined)[] = new Array(m);
  let pending = 0;
  for (let t = 0; t < n; t++) {
    if (tgt[t] !== pos[t]) {
      pending++;
      queue.push(t);
      state[t] = 1;
    }
  }
  const release = (j: number) => {
    const w = waiting[j];
    if (!w || w.length === 0) return;
    for (const t of w) {
      if (state[t] === 2 && tgt[t] === j) {
        state[t] = 1;
        queue.push(t);
      }
    }
    waiting[j] = undefined;
  };
  const wait = (t: number) => {
    const b = tgt[t]!;
    (waiting[b] ??= []).push(t);
    state[t] = 2;
  };

  // per-round incoming demand
  const add = new Float64Array(m * R);
  const touched: number[] = [];
  const roundGroups = new Set<number>();
  const fitsRound = (t: number, b: number) => {
    const bt = t * R;
    const bb = b * R;
    for (let r = 0; r < R; r++) if (load[bb + r]! + add[bb + r]! + demand[bt + r]! > capacity[bb + r]!) return false;
    return true;
  };
  const fitsNow = (t: number, b: number) => {
    const bt = t * R;
    const bb = b * R;
    for (let r = 0; r < R; r++) if (load[bb + r]! + demand[bt + r]! > capacity[bb + r]!) return false;
    return true;
  };
  const execute = (t: number, b: number) => {
    const a = pos[t]!;
    const g = grp[t]!;
    if (a >= 0) {
      for (let r = 0; r < R; r++) load[a * R + r] -= demand[t * R + r]!;
      if (g >= 0) gcount.set(gkey(g, a), gcount.get(gkey(g, a))! - 1);
    }
    for (let r = 0; r < R; r++) load[b * R + r] += demand[t * R + r]!;
    if (g >= 0) gcount.set(gkey(g, b), (gcount.get(gkey(g, b)) ?? 0) + 1);
    pos[t] = b;
    outT.push(t);
    outF.push(a);
    outTo.push(b);
  };
  const closeRound = () => roundStart.push(outT.len);

  let parked = 0;
  let repaired = 0;
  let unplaced = 0;
  let reached = true;
  const parkCount = new Uint8Array(n);
  const parkLimit = 2 * pending + 16;
  const round: number[] = [];

  // try t in the round being built: added, or parked in waiting[tgt]
  const tryAdd = (t: number) => {
    state[t] = 0;
    if (pos[t] === tgt[t]) return;
    const b = tgt[t]!;
    const g = grp[t]!;
    if (fitsRound(t, b) && groupFree(t, b) && !(g >= 0 && roundGroups.has(gkey(g, b)))) {
      round.push(t);
      for (let r = 0; r < R; r++) add[b * R + r] += demand[t * R + r]!;
      touched.push(b);
      if (g >= 0) roundGroups.add(gkey(g, b));
    } else wait(t);
  };
  const window = 32 * P;
  while (pending > 0) {
    round.length = 0;
    // critical moves first: a ready move out of a machine that other moves wait for
    // (looking at the next 32·P queued moves)
    if (P > 1) {
      const end = Math.min(queue.len, qHead + window);
      for (let q = qHead; q < end && round.length < P; q++) {
        const t = queue.a[q]!;
        if (state[t] !== 1) continue;
        const a = pos[t]!;
        if (a >= 0 && waiting[a] !== undefined && waiting[a]!.length > 0) tryAdd(t);
      }
    }
    while (qHead < queue.len && round.length < P) {
      const t = queue.a[qHead++]!;
      if (state[t] !== 1) continue;
      tryAdd(t);
    }
    if (qHead > 4096 && qHead * 2 > queue.len) {
      queue.a.copyWithin(0, qHead, queue.len);
      queue.len -= qHead;
      qHead = 0;
    }
    if (round.length > 0) {
      for (const b of touched) add.fill(0, b * R, b * R + R);
      touched.length = 0;
      roundGroups.clear();
      const sources: number[] = [];
      for (const t of round) {
        const a = pos[t]!;
        execute(t, tgt[t]!);
        pending--;
        if (a >= 0) sources.push(a);
      }
      closeRound();
      for (const a of sources) release(a);
      continue;
    }
    // deadlock: every pending move waits
    if (parked < parkLimit && breakCycle()) continue;
    if (retarget()) continue;
    // drop the rest: the reachable part is kept
    reached = false;
    for (let t = 0; t < n; t++) {
      if (pos[t] === tgt[t]) continue;
      repaired++;
      tgt[t] = pos[t]!;
      if (pos[t]! >= 0) continue;
      // a new task must still be placed: best fit on any machine with room now
      let best = -1;
      let bestS = Infinity;
      for (let j = 0; j < m; j++) {
        if (!groupFree(t, j) || !fitsNow(t, j)) continue;
        let s = 0;
        for (let r = 0; r < R; r++) {
          const c = capacity[j * R + r]!;
          if (c > 0) s += (c - load[j * R + r]! - demand[t * R + r]!) / c;
        }
        if (tgtCount[j] === 0) s += R; // prefer machines that stay in use
        if (s < bestS) {
          bestS = s;
          best = j;
        }
      }
      if (best < 0) {
        unplaced++;
        continue;
      }
      execute(t, best);
      tgt[t] = best;
      closeRound();
    }
    pending = 0;
  }

  function breakCycle(): boolean {
    // blocked destinations, and the tasks that still have to leave them
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
        if (parkCount[u]! >= 2) continue;
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
          if (s === b || s === pos[u] || !groupFree(u, s) || !fitsNow(u, s)) continue;
          // prefer: it helps; the target leaves s empty; room left on s
          let room = 0;
          for (let r = 0; r < R; r++) {
            const c = capacity[s * R + r]!;
            if (c > 0) room += (c - load[s * R + r]! - demand[u * R + r]!) / c;
          }
          const score = (helps ? 4 * R : 0) + (tgtCount[s] === 0 ? 2 * R : 0) + room;
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
    execute(bestU, bestS);
    closeRound();
    parked++;
    parkCount[bestU]++;
    // u stays pending (from its parking place); if it was waiting, requeue it. (Should
    // the parking place be its target after all, the move is done.)
    if (pos[bestU] === tgt[bestU]) {
      pending--;
      state[bestU] = 0;
    } else if (state[bestU] !== 1) {
      state[bestU] = 1;
      queue.push(bestU);
    }
    release(b);
    return true;
  }

  function retarget(): boolean {
    // a waiting move goes to another machine the target uses, where it fits now
    for (let b = 0; b < m; b++) {
      const w = waiting[b];
      if (!w) continue;
      for (const t of w) {
        if (state[t] !== 2 || tgt[t] !== b) continue;
        for (let c = 0; c < m; c++) {
          if (c === b || c === pos[t] || tgtCount[c] === 0 || !groupFree(t, c) || !fitsNow(t, c)) continue;
          tgtCount[b]--;
          tgtCount[c]++;
          tgt[t] = c;
          state[t] = 1;
          queue.push(t);
          repaired++;
          reached = false;
          return true;
        }
      }
    }
    return false;
  }

  return {
    task: outT.a.slice(0, outT.len),
    from: outF.a.slice(0, outF.len),
    to: outTo.a.slice(0, outTo.len),
    roundStart,
    pos,
    targetReached: reached && unplaced === 0,
    parked,
    repaired,
    unplaced,
  };
}
