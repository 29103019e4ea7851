// multiscale: one regularised linear model over every series of an instance (ridge
// regression on per-origin scaled features, one weight vector per horizon bucket),
// after the seed's idea of long-term memory at several time scales plus the recent
// window (docs/forecast.md, "multiscale"; seed 004 §3.2). Features of origin o (values
// y[0:o) known) and step h (target t = o + h − 1), divided by the origin's scale
// the origin's scale s (below):
//   0 bias · 1 last value · 2..4 means of the last 3, 12, 48 values (the recent window)
//   5..7 the value at t's phase 1, 2, 3 days back (earliest ones before o; 3-point means)
//   8 mean of t's phase over 7 days back · 9, 10 t's phase 1 and 2 weeks back
//   11 last day's mean − the day before's · 12 the last value's phase one day back
// (unavailable seasonal features take the 12-value mean). Scale s: the origin's noise
// level (mean absolute day-on-day change over the last day, at least 1 % of the level), so
// the squared loss is in the units of MASE and noisy series do not dominate the global
// fit. Target y[t] / s, winsorised at ±10 noise units around feature 5 (spikes).
// Fit: X'X and X'y accumulated over sampled (origin, step) rows of every series, then
// (X'X + λI) w = X'y per bucket by Cholesky, λ = LAMBDA · rows. The model is relative:
// features and target are differences from the last value (relativeOrigin/Step), and the bias
// and last-value columns are zero (their weights come out 0), so the forecast is
// s · (last + w · x): equivariant to scale and to adding a constant.
// Complexity: O(R·F²) to accumulate R rows of F = 13 features, O(B·F³) to solve B
// buckets, O(H·F) per forecast path (msPaths: many origins of one history in one call, its
// 3-point means tabulated once in O(n)). No allocation: the caller passes every buffer.
import { ld, st, ldi } from "./mem";
import { OK, BAD_LENGTH } from "./abi";

export const MS_FEATURES: i32 = 13;
const F: i32 = 13;
const CLIP: f64 = 10.0;

/** Mean of y[a..b] clamped to [0, o − 1] (a <= b). */
@inline function meanRange(y: usize, a: i32, b: i32, o: i32): f64 {
  let lo = a < 0 ? 0 : a;
  let hi = b > o - 1 ? o - 1 : b;
  if (hi < lo) { lo = hi; }
  if (lo < 0) return 0;
  let s: f64 = 0;
  for (let i = lo; i <= hi; i++) s += ld(y, i);
  return s / <f64>(hi - lo + 1);
}

/**
 * Scale of origin o: the noise level, mean |y_i − y_{i−L}| over the last day (L = the
 * day when the history reaches a day further back, else 1; the last 24 values without a
 * season), at least 1 % of the last day's mean level (and > 0).
 */
export function msScale(y: usize, o: i32, m: i32): f64 {
  const D = m > 0 ? m : 24;
  const a = o - D < 1 ? 1 : o - D;
  const L = m > 0 && a - m >= 0 ? m : 1;
  let s: f64 = 0;
  let lvl: f64 = 0;
  let c = 0;
  for (let i = a; i < o; i++) {
    s += Math.abs(ld(y, i) - ld(y, i - L));
    lvl += ld(y, i);
    c++;
  }
  if (c == 0) { s = 0; lvl = ld(y, 0); c = 1; }
  s /= <f64>c;
  lvl /= <f64>c;
  const floor = 0.01 * lvl;
  if (s < floor) s = floor;
  return s > 1e-12 ? s : 1.0;
}

/** Features of origin o that do not depend on the step (0..4, 11, 12), scaled by s. */
function originFeatures(y: usize, o: i32, m: i32, s: f64, f: usize): void {
  const inv = 1.0 / s;
  st(f, 0, 1.0);
  st(f, 1, ld(y, o - 1) * inv);
  st(f, 2, meanRange(y, o - 3, o - 1, o) * inv);
  const m12 = meanRange(y, o - 12, o - 1, o) * inv;
  st(f, 3, m12);
  st(f, 4, meanRange(y, o - 48, o - 1, o) * inv);
  if (m > 0 && o > m) {
    st(f, 11, (meanRange(y, o - m, o - 1, o) - (o >= 2 * m ? meanRange(y, o - 2 * m, o - m - 1, o) : meanRange(y, o - m, o - 1, o))) * inv);
    st(f, 12, ld(y, o - 1 - m) * inv);
  } else {
    st(f, 11, 0);
    st(f, 12, m12);
  }
}

/** meanRange(y, i − 1, i + 1, o) (msPaths reads the same sums from a table: mean3t). */
@inline function mean3(y: usize, i: i32, o: i32): f64 {
  return meanRange(y, i - 1, i + 1, o);
}

/** Features of step h at origin o (5..10), scaled by s; m12: feature 3 before relativeOrigin. */
function stepFeatures(y: usize, o: i32, h: i32, m: i32, w: i32, s: f64, m12: f64, f: usize): void {
  const inv = 1.0 / s;
  const t = o + h - 1;
  if (m > 0 && o > m) {
    const k0 = (h + m - 1) / m;
    let acc: f64 = 0;
    let cnt = 0;
    for (let k = k0; k < k0 + 7; k++) {
      const i = t - k * m;
      if (i < 1) { if (k < k0 + 3) st(f, 5 + k - k0, m12); continue; }
      const v = mean3(y, i, o) * inv;
      if (k < k0 + 3) st(f, 5 + k - k0, v);
      acc += v;
      cnt++;
    }
    st(f, 8, cnt > 0 ? acc / <f64>cnt : m12);
  } else {
    for (let j = 5; j <= 8; j++) st(f, j, m12);
  }
  if (w > 0 && o > w) {
    const k0 = (h + w - 1) / w;
    const i1 = t - k0 * w;
    const i2 = t - (k0 + 1) * w;
    st(f, 9, i1 >= 1 ? mean3(y, i1, o) * inv : ld(f, 8));
    st(f, 10, i2 >= 1 ? mean3(y, i2, o) * inv : ld(f, 9));
  } else {
    st(f, 9, ld(f, 8));
    st(f, 10, ld(f, 8));
  }
}

/**
 * Make the origin's features relative to the last value (translation equivariance: the
 * forecast is the last value plus a weighted sum of differences, so a constant history is
 * forecast exactly): level features minus f1; the bias and f1 itself zero.
 */
function relativeOrigin(f: usize, last: f64): void {
  st(f, 0, 0.0);
  st(f, 1, 0.0);
  for (let j = 2; j <= 4; j++) st(f, j, ld(f, j) - last);
  st(f, 12, ld(f, 12) - last);
}
/** The step's features (5..10) relative to the last value. */
function relativeStep(f: usize, last: f64): void {
  for (let j = 5; j <= 10; j++) st(f, j, ld(f, j) - last);
}

/** Bucket of step h (1-based) given edges[0..nb] (edges[b] = first step of bucket b). */
@inline function bucketOf(h: i32, nb: i32, edges: usize): i32 {
  let b = 0;
  while (b + 1 < nb && h >= ldi(edges, b + 1)) b++;
  return b;
}

/**
 * Accumulate the rows of one series fitted on y[0:cut): per bucket b, up to S rows with
 * steps h in [edges[b], edges[b+1]) and origins o in [lo, cut − h] (targets before cut).
 * XtX: nb·F·F, Xty: nb·F, cnt: nb f64. When rows != 0, also writes each row's features,
 * target and bucket (F + 2 f64 per row) there, and returns the rows written; else 0.
 * f: scratch of F f64.
 */
export function msAccumulate(y: usize, cut: i32, lo: i32, m: i32, w: i32, nb: i32, edges: usize, S: i32, XtX: usize, Xty: usize, cnt: usize, rows: usize, f: usize): i32 {
  if (lo < 1 || cut <= lo || nb < 1 || S < 1) return -BAD_LENGTH;
  let written = 0;
  for (let b = 0; b < nb; b++) {
    const h1 = ldi(edges, b), h2 = ldi(edges, b + 1); // steps h1 .. h2 − 1
    const width = h2 - h1;
    for (let j = 0; j < S; j++) {
      const h = h1 + <i32>((<i64>j * 7919) % <i64>width);
      const oMax = cut - h;
      if (oMax < lo) continue;
      const span = oMax - lo + 1;
      const o = oMax - <i32>((<i64>j * <i64>span) / <i64>S);
      if (o < lo) continue;
      const s = msScale(y, o, m);
      originFeatures(y, o, m, s, f);
      const last = ld(f, 1);
      stepFeatures(y, o, h, m, w, s, ld(f, 3), f);
      relativeOrigin(f, last);
      relativeStep(f, last);
      // target: change from the last value, winsorised at ±CLIP noise units around the
      // change to the value one day back (or to the 12-value mean)
      const ref = ld(f, 5);
      let target = ld(y, o + h - 1) / s - last;
      if (target > ref + CLIP) target = ref + CLIP;
      if (target < ref - CLIP) target = ref - CLIP;
      const A = XtX + (<usize>(b * F * F) << 3);
      const v = Xty + (<usize>(b * F) << 3);
      for (let p = 0; p < F; p++) {
        const fp = ld(f, p);
        st(v, p, ld(v, p) + fp * target);
        for (let q = p; q < F; q++) st(A, p * F + q, ld(A, p * F + q) + fp * ld(f, q));
      }
      st(cnt, b, ld(cnt, b) + 1.0);
      if (rows != 0) {
        const r = rows + (<usize>(written * (F + 2)) << 3);
        for (let p = 0; p < F; p++) st(r, p, ld(f, p));
        st(r, F, target);
        st(r, F + 1, <f64>b);
        written++;
      }
    }
  }
  return written;
}

/**
 * Solve (X'X + λI) w = X'y per bucket (λ = lambda · rows of the bucket) by
 * Cholesky; W: nb·F out. The upper triangles of XtX are read (and left unchanged).
 * A bucket without rows copies the previous bucket's weights (bucket 0: zeros).
 * scratch: F·F + F f64. Returns OK, or BAD_LENGTH when a system is not positive definite
 * even after a jitter (absolute, then relative to the largest diagonal entry: up to 1 × it).
 */
export function msSolve(nb: i32, lambda: f64, XtX: usize, Xty: usize, cnt: usize, W: usize, scratch: usize): i32 {
  const L = scratch;
  const z = scratch + (<usize>(F * F) << 3);
  for (let b = 0; b < nb; b++) {
    const out = W + (<usize>(b * F) << 3);
    const n = ld(cnt, b);
    if (n < 1) {
      for (let p = 0; p < F; p++) st(out, p, b > 0 ? ld(W, (b - 1) * F + p) : 0.0);
      continue;
    }
    const A = XtX + (<usize>(b * F * F) << 3);
    const v = Xty + (<usize>(b * F) << 3);
    // jitter: none, then 1e-6·n and 1e-3·n, then relative to the largest diagonal entry (a
    // history spanning 1e-8..1e9 scales some rows' features to ~1e17: an absolute jitter is
    // lost in the rounding of X'X, and the factorisation failed on user input)
    let dmax: f64 = 0;
    for (let i = 0; i < F; i++) dmax = Math.max(dmax, Math.abs(ld(A, i * F + i)));
    let ok = false;
    for (let attempt = 0; attempt < 6 && !ok; attempt++) {
      const jitter = attempt == 0 ? 0.0 : attempt < 3 ? Math.pow(10.0, <f64>(attempt * 3 - 9)) * n : Math.pow(10.0, <f64>(attempt * 3 - 15)) * dmax;
      ok = true;
      for (let i = 0; i < F && ok; i++) {
        for (let j = 0; j <= i; j++) {
          let s = ld(A, j * F + i); // upper triangle: A[j][i], j <= i
          if (i == j) s += lambda * n + jitter;
          for (let k = 0; k < j; k++) s -= ld(L, i * F + k) * ld(L, j * F + k);
          if (i == j) {
            if (!(s > 0)) { ok = false; break; }
            st(L, i * F + i, Math.sqrt(s));
          } else {
            st(L, i * F + j, s / ld(L, j * F + j));
          }
        }
      }
    }
    if (!ok) return BAD_LENGTH;
    for (let i = 0; i < F; i++) {
      let s = ld(v, i);
      for (let k = 0; k < i; k++) s -= ld(L, i * F + k) * ld(z, k);
      st(z, i, s / ld(L, i * F + i));
    }
    for (let i = F - 1; i >= 0; i--) {
      let s = ld(z, i);
      for (let k = i + 1; k < F; k++) s -= ld(L, k * F + i) * ld(out, k);
      st(out, i, s / ld(L, i * F + i));
    }
  }
  return OK;
}

/** Forecast steps 1..H from origin o with weights W (nb·F): out[h − 1] = s · w_b(h) · x(o, h). f: scratch F. */
export function msPath(y: usize, o: i32, H: i32, m: i32, w: i32, nb: i32, edges: usize, W: usize, out: usize, f: usize): i32 {
  if (o < 1 || H < 1) return BAD_LENGTH;
  const s = msScale(y, o, m);
  originFeatures(y, o, m, s, f);
  const last = ld(f, 1);
  const m12 = ld(f, 3);
  relativeOrigin(f, last);
  for (let h = 1; h <= H; h++) {
    stepFeatures(y, o, h, m, w, s, m12, f);
    relativeStep(f, last);
    const wb = W + (<usize>(bucketOf(h, nb, edges) * F) << 3);
    let acc: f64 = 0;
    for (let p = 0; p < F; p++) acc += ld(wb, p) * ld(f, p);
    st(out, h - 1, (last + acc) * s);
  }
  return OK;
}

/**
 * msPath from each of the count origins at origins[0..count) (i32) of a history of n
 * values, row after row into out (count·H f64). The 3-point means of the history are
 * tabulated once in m3 (n f64: the same sums as computed per feature). Returns OK or
 * BAD_LENGTH (an origin outside [1, n]).
 */
export function msPaths(y: usize, n: i32, origins: usize, count: i32, H: i32, m: i32, w: i32, nb: i32, edges: usize, W: usize, out: usize, f: usize, m3: usize): i32 {
  if (n < 1 || H < 1 || count < 0) return BAD_LENGTH;
  for (let i = 1; i + 1 < n; i++) {
    let s: f64 = 0;
    s += ld(y, i - 1);
    s += ld(y, i);
    s += ld(y, i + 1);
    st(m3, i, s / 3.0);
  }
  for (let r = 0; r < count; r++) {
    const o = ldi(origins, r);
    if (o < 1 || o > n) return BAD_LENGTH;
    pathTabulated(y, o, H, m, w, nb, edges, W, out + (<usize>(r * H) << 3), f, m3);
  }
  return OK;
}

/** mean3 from the table m3 (the three values before o), else computed: the same sums. */
@inline function mean3t(y: usize, m3: usize, i: i32, o: i32): f64 {
  return i >= 1 && i <= o - 2 ? ld(m3, i) : meanRange(y, i - 1, i + 1, o);
}

/**
 * msPath with the 3-point means read from m3 and the step's features kept in locals: the
 * same operations in the same order as originFeatures, stepFeatures, relativeStep and the
 * weighted sum (its first five terms, which depend on the origin and bucket only, summed
 * once per bucket), so the same values bit for bit (test/forecast.rolled.test.ts).
 */
function pathTabulated(y: usize, o: i32, H: i32, m: i32, w: i32, nb: i32, edges: usize, W: usize, out: usize, f: usize, m3: usize): void {
  const s = msScale(y, o, m);
  originFeatures(y, o, m, s, f);
  const last = ld(f, 1);
  const m12 = ld(f, 3);
  relativeOrigin(f, last);
  const f0 = ld(f, 0), f1 = ld(f, 1), f2 = ld(f, 2), f3 = ld(f, 3), f4 = ld(f, 4), f11 = ld(f, 11), f12 = ld(f, 12);
  const inv = 1.0 / s;
  const seasonal = m > 0 && o > m;
  const weekly = w > 0 && o > w;
  let b = -1;
  let wb: usize = 0;
  let pre: f64 = 0;
  // k0 = (h + m − 1) / m and kw = (h + w − 1) / w kept incrementally (no division per step):
  // they grow by one after each step h that is a multiple of m (of w)
  let k0 = 1, r0 = 0, kw = 1, rw = 0;
  const vinv = f64x2.splat(inv);
  const vlast = f64x2.splat(last);
  const v7 = f64x2.splat(7.0);
  for (let h = 1; h <= H; h++) {
    // the bucket of h (steps increase: the edges are passed in order)
    let nbk = b < 0 ? 0 : b;
    while (nbk + 1 < nb && h >= ldi(edges, nbk + 1)) nbk++;
    if (nbk != b) {
      b = nbk;
      wb = W + (<usize>(b * F) << 3);
      let a: f64 = 0;
      a += ld(wb, 0) * f0;
      a += ld(wb, 1) * f1;
      a += ld(wb, 2) * f2;
      a += ld(wb, 3) * f3;
      a += ld(wb, 4) * f4;
      pre = a;
    }
    const t = o + h - 1;
    // steps h and h + 1 side by side in the two f64x2 lanes (docs/forecast.md, "Speed", fifth
    // round) when they share k0, kw and the bucket and every 3-point mean they read comes from
    // the table: lane by lane the operations below, in the same order (the same values)
    if (seasonal && h < H && r0 + 1 < m && (b + 1 >= nb || h + 1 < ldi(edges, b + 1))
      && t - (k0 + 6) * m >= 1 && t + 1 - k0 * m <= o - 2) {
      let wmode = 0; // 0: no weekly features (g9 = g10 = g8); 1: g9 only (g10 = g9); 2: both
      if (weekly) {
        if (rw + 1 >= w) wmode = -1;
        else {
          const i1 = t - kw * w, i2 = i1 - w;
          if (i1 >= 1 && i1 + 1 <= o - 2) wmode = i2 >= 1 ? 2 : i2 + 1 < 1 ? 1 : -1;
          else if (i1 + 1 < 1) wmode = 0;
          else wmode = -1;
        }
      }
      if (wmode >= 0) {
        let acc2 = f64x2.splat(0.0);
        let i = t - k0 * m;
        const a5 = f64x2.mul(v128.load(m3 + (<usize>i << 3)), vinv);
        acc2 = f64x2.add(acc2, a5);
        i -= m;
        const a6 = f64x2.mul(v128.load(m3 + (<usize>i << 3)), vinv);
        acc2 = f64x2.add(acc2, a6);
        i -= m;
        const a7 = f64x2.mul(v128.load(m3 + (<usize>i << 3)), vinv);
        acc2 = f64x2.add(acc2, a7);
        for (let q = 3; q < 7; q++) {
          i -= m;
          acc2 = f64x2.add(acc2, f64x2.mul(v128.load(m3 + (<usize>i << 3)), vinv));
        }
        const a8 = f64x2.div(acc2, v7);
        let a9 = a8, a10 = a8;
        if (wmode >= 1) {
          const i1 = t - kw * w;
          a9 = f64x2.mul(v128.load(m3 + (<usize>i1 << 3)), vinv);
          a10 = wmode == 2 ? f64x2.mul(v128.load(m3 + (<usize>(i1 - w) << 3)), vinv) : a9;
        }
        let s2 = f64x2.splat(pre);
        s2 = f64x2.add(s2, f64x2.mul(f64x2.splat(ld(wb, 5)), f64x2.sub(a5, vlast)));
        s2 = f64x2.add(s2, f64x2.mul(f64x2.splat(ld(wb, 6)), f64x2.sub(a6, vlast)));
        s2 = f64x2.add(s2, f64x2.mul(f64x2.splat(ld(wb, 7)), f64x2.sub(a7, vlast)));
        s2 = f64x2.add(s2, f64x2.mul(f64x2.splat(ld(wb, 8)), f64x2.sub(a8, vlast)));
        s2 = f64x2.add(s2, f64x2.mul(f64x2.splat(ld(wb, 9)), f64x2.sub(a9, vlast)));
        s2 = f64x2.add(s2, f64x2.mul(f64x2.splat(ld(wb, 10)), f64x2.sub(a10, vlast)));
        s2 = f64x2.add(s2, f64x2.splat(ld(wb, 11) * f11));
        s2 = f64x2.add(s2, f64x2.splat(ld(wb, 12) * f12));
        v128.store(out + (<usize>(h - 1) << 3), f64x2.mul(f64x2.add(vlast, s2), f64x2.splat(s)));
        if (++r0 == m) { r0 = 0; k0++; }
        if (++rw == w) { rw = 0; kw++; }
        if (++r0 == m) { r0 = 0; k0++; }
        if (++rw == w) { rw = 0; kw++; }
        h++;
        continue;
      }
    }
    let g5: f64 = m12, g6: f64 = m12, g7: f64 = m12, g8: f64 = m12;
    if (seasonal) {
      let acc: f64 = 0;
      let cnt = 0;
      for (let k = k0; k < k0 + 7; k++) {
        const i = t - k * m;
        if (i < 1) continue; // g5..g7 keep m12
        const v = mean3t(y, m3, i, o) * inv;
        if (k == k0) g5 = v;
        else if (k == k0 + 1) g6 = v;
        else if (k == k0 + 2) g7 = v;
        acc += v;
        cnt++;
      }
      g8 = cnt > 0 ? acc / <f64>cnt : m12;
    }
    let g9: f64 = g8, g10: f64 = g8;
    if (weekly) {
      const i1 = t - kw * w;
      const i2 = t - (kw + 1) * w;
      g9 = i1 >= 1 ? mean3t(y, m3, i1, o) * inv : g8;
      g10 = i2 >= 1 ? mean3t(y, m3, i2, o) * inv : g9;
    }
    if (++r0 == m) { r0 = 0; k0++; }
    if (++rw == w) { rw = 0; kw++; }
    let acc = pre;
    acc += ld(wb, 5) * (g5 - last);
    acc += ld(wb, 6) * (g6 - last);
    acc += ld(wb, 7) * (g7 - last);
    acc += ld(wb, 8) * (g8 - last);
    acc += ld(wb, 9) * (g9 - last);
    acc += ld(wb, 10) * (g10 - last);
    acc += ld(wb, 11) * f11;
    acc += ld(wb, 12) * f12;
    st(out, h - 1, (last + acc) * s);
  }
}
