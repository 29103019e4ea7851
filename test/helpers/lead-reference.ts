// Independent reference for the short-lead conformal quantiles of docs/autoscaling.md
// ("Short-lead calibration", "Are the jumps periodic?" step 2, "Volatility-normalised
// calibration"), written from the document alone: no imports from src/, no sorted sliding
// windows, no floating-point ranks. Each decision rebuilds its window from scratch (O(N · W)
// per decision: slow, and obviously what the document says).
//
// Definition. Step i is decided with the steps measured by then, u ≤ i − 1 − lag; its
// prediction is p(i); an error is e(u) = actual(u) − p(u) for every measured u (actual not
// null, p finite). The window of a decision is the last W errors measured by then (of its
// phase category, when categories are given and that category has at least minCategory
// errors; else of all steps). With n errors in it and q a plain decimal, the conformal q
// quantile is the ⌈(n + 1) q⌉-th smallest (clamped to [1, n]), the rank computed exactly.
// Scales: additive (errors as they are), relative (each error divided by its own step's level
// max(p(u), floor); the quantile multiplied by the decision's level max(p(i), floor)),
// volatility (each error divided by its own step's volatility, the mean |error| of the last m
// errors measured when that step was decided, at least floor; multiplied by the decision's
// volatility). "auto" takes relative when |q_rel| · (mean level of the window) < |q_add|, and
// volatility (when m > 0) when |q_vol| · (mean volatility of the window) is below both. The
// quantile is max(0, p(i) + offset). Fewer than minErrors errors in the pooled window (when it
// is the one used): NaN, counted as uncalibrated.

export interface LeadRefOptions { window: number; lag: number; floor: number; scale: 'additive' | 'relative' | 'auto'; minErrors: number; category?: ArrayLike<number>; minCategoryErrors?: number; volatility?: number }

/** The 1-based conformal rank ⌈(n + 1) q⌉ for a plain decimal q in (0, 1), exactly, clamped to [1, n]. */
export function leadRank(n: number, q: number): number {
  const m = /^0\.(\d+)$/.exec(String(q));
  if (!m) throw new Error(`q ${q}: the reference takes plain decimals 0.x`);
  const num = BigInt(m[1]!), den = 10n ** BigInt(m[1]!.length);
  const r = Number((BigInt(n + 1) * num + den - 1n) / den);
  return Math.min(n, Math.max(1, r));
}

const isErr = (a: number | null | undefined, p: number) => a !== null && a !== undefined && Number.isFinite(p);

/** Volatility of every step: mean |error| of the last m errors measured when it is decided, at least floor. */
export function refVolatility(point: ArrayLike<number>, actual: ArrayLike<number | null>, m: number, lag: number, floor: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < point.length; i++) {
    const errs: number[] = [];
    for (let u = 0; u <= i - 1 - lag; u++) if (isErr(actual[u], point[u]!)) errs.push(Math.abs(actual[u]! - point[u]!));
    const last = errs.slice(Math.max(0, errs.length - m));
    out.push(last.length ? Math.max(floor, last.reduce((s, x) => s + x, 0) / last.length) : floor);
  }
  return out;
}

export interface LeadRefResult { quantiles: Map<number, number[]>; uncalibrated: number; relative: Map<number, number>; volatile: Map<number, number> }

export function refLeadQuantiles(point: ArrayLike<number>, actual: ArrayLike<number | null>, start: number, qs: number[], o: LeadRefOptions): LeadRefResult {
  const N = point.length;
  const m = Math.max(0, Math.floor(o.volatility ?? 0));
  const vol = m ? refVolatility(point, actual, m, o.lag, o.floor) : null;
  const quantiles = new Map(qs.map((q) => [q, [] as number[]]));
  const relative = new Map(qs.map((q) => [q, 0])), volatile = new Map(qs.map((q) => [q, 0]));
  let uncalibrated = 0;
  const level = (u: number) => Math.max(point[u]!, o.floor);
  for (let i = start; i < N; i++) {
    const measured: number[] = [];
    for (let u = 0; u <= i - 1 - o.lag; u++) if (isErr(actual[u], point[u]!)) measured.push(u);
    const lastW = (us: number[]) => us.slice(Math.max(0, us.length - Math.max(1, o.window)));
    const pooled = lastW(measured);
    let win = pooled;
    if (o.category) {
      const c = o.category[i] ? 1 : 0;
      const own = lastW(measured.filter((u) => (o.category![u] ? 1 : 0) === c));
      if (own.length >= (o.minCategoryErrors ?? o.minErrors)) win = own;
    }
    if (win === pooled && win.length < o.minErrors) { uncalibrated++; for (const q of qs) quantiles.get(q)!.push(NaN); continue; }
    const n = win.length;
    const e = (u: number) => actual[u]! - point[u]!;
    const kth = (xs: number[], q: number) => xs.slice().sort((a, b) => a - b)[leadRank(n, q) - 1]!;
    const meanLevel = win.reduce((s, u) => s + level(u), 0) / n;
    for (const q of qs) {
      const qa = kth(win.map(e), q);
      const qr = kth(win.map((u) => e(u) / level(u)), q);
      let useRel = o.scale === 'relative' || (o.scale === 'auto' && Math.abs(qr) * meanLevel < Math.abs(qa));
      let off = useRel ? qr * level(i) : qa;
      if (vol && o.scale === 'auto') {
        const qv = kth(win.map((u) => e(u) / vol[u]!), q);
        const meanVol = win.reduce((s, u) => s + vol[u]!, 0) / n;
        if (Math.abs(qv) * meanVol < Math.min(Math.abs(qa), Math.abs(qr) * meanLevel)) { useRel = false; off = qv * vol[i]!; volatile.set(q, volatile.get(q)! + 1); }
      }
      if (useRel) relative.set(q, relative.get(q)! + 1);
      quantiles.get(q)!.push(Math.max(0, point[i]! + off));
    }
  }
  return { quantiles, uncalibrated, relative, volatile };
}
