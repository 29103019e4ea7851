// multiscale: one regularised linear model over every series of an instance (ridge
// regression on per-origin scaled features, one weight vector per horizon bucket),
// after the seed's idea of long-term memory at several time scales plus the recent
// window (docs/forecast.md, "multiscale"; seed 004 §3.2). Features of origin o (values
// y[0:o) known) and step h (target t = o + h − 1), divided by the origin's scale
// s = mean of y over the last day (or the last 24 values without a season):
//   0 bias · 1 last value · 2..4 means of the last 3, 12, 48 values (the recent window)
//   5..7 the value at t's phase 1, 2, 3 days back (earliest ones before o; 3-point means)
//   8 mean of t's phase over 7 days back · 9, 10 t's phase 1 and 2 weeks back
//   11 last day's mean − the day before's · 12 the last value's phase one day back
// (unavailable seasonal features take the 12-value mean). Target y[t] / s, clipped at 50.
// Fit: X'X and X'y accumulated over sampled (origin, step) rows of every series, then
// (X'X + λ·diag(0,1,…,1)) w = X'y per bucket by Cholesky, λ = LAMBDA · rows.
// Complexity: O(R·F²) to accumulate R rows of F = 13 features, O(B·F³) to solve B
// buckets, O(H·F) per forecast path. No allocation: the caller passes every buffer.
import { ld, st, ldi } from "./mem";
import { OK, BAD_LENGTH } from "./status";

export const MS_FEATURES: i32 = 13;
const F: i32 = 13;
const CLIP: f64 = 50.0;

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

/** Scale of origin o: mean of the last day (m) or of the last 24 values; 1 when 0. */
export function msScale(y: usize, o: i32, m: i32): f64 {
  const L = m > 0 ? m : 24;
  const s = meanRange(y, o - L, o - 1, o);
  return s > 1e-12 ? s : 1.0;
}

/** Features of (o, h) into f[0..F), scaled by s. m: day (0: none); w: week (0: none). */
function features(y: usize, o: i32, h: i32, m: i32, w: i32, s: f64, f: usize): void {
  const inv = 1.0 / s;
  const t = o + h - 1;
  st(f, 0, 1.0);
  const last = ld(y, o - 1) * inv;
  st(f, 1, last);
  st(f, 2, meanRange(y, o - 3, o - 1, o) * inv);
  const m12 = meanRange(y, o - 12, o - 1, o) * inv;
  st(f, 3, m12);
  st(f, 4, meanRange(y, o - 48, o - 1, o) * inv);
  if (m > 0 && o > m) {
    const k0 = (h + m - 1) / m;
    let acc: f64 = 0;
    let cnt = 0;
    for (let k = k0; k < k0 + 7; k++) {
      const i = t - k * m;
      const v = i >= 1 ? meanRange(y, i - 1, i + 1, o) * inv : -1.0;
      if (k < k0 + 3) st(f, 5 + k - k0, v >= 0 ? v : m12);
      if (v >= 0) { acc += v; cnt++; }
    }
    st(f, 8, cnt > 0 ? acc / <f64>cnt : m12);
    st(f, 11, (meanRange(y, o - m, o - 1, o) - (o >= 2 * m ? meanRange(y, o - 2 * m, o - m - 1, o) : meanRange(y, o - m, o - 1, o))) * inv);
    st(f, 12, ld(y, o - 1 - m) * inv);
  } else {
    for (let j = 5; j <= 8; j++) st(f, j, m12);
    st(f, 11, 0);
    st(f, 12, m12);
  }
  if (w > 0 && o > w) {
    const k0 = (h + w - 1) / w;
    const i1 = t - k0 * w;
    const i2 = t - (k0 + 1) * w;
    st(f, 9, i1 >= 1 ? meanRange(y, i1 - 1, i1 + 1, o) * inv : ld(f, 8));
    st(f, 10, i2 >= 1 ? meanRange(y, i2 - 1, i2 + 1, o) * inv : ld(f, 9));
  } else {
    st(f, 9, ld(f, 8));
    st(f, 10, ld(f, 8));
  }
  for (let j = 1; j < F; j++) {
    const v = ld(f, j);
    if (v > CLIP) st(f, j, CLIP);
    else if (v < -CLIP) st(f, j, -CLIP);
  }
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
      features(y, o, h, m, w, s, f);
      let target = ld(y, o + h - 1) / s;
      if (target > CLIP) target = CLIP;
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
 * Solve (X'X + λ·diag(0,1,…,1)) w = X'y per bucket (λ = lambda · rows of the bucket) by
 * Cholesky; W: nb·F out. The upper triangles of XtX are read (and left unchanged).
 * A bucket without rows copies the previous bucket's weights (bucket 0: zeros).
 * scratch: F·F + F f64. Returns OK, or BAD_LENGTH when a system is not positive definite
 * even after a jitter.
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
    let ok = false;
    for (let attempt = 0; attempt < 3 && !ok; attempt++) {
      const jitter = attempt == 0 ? 0.0 : Math.pow(10.0, <f64>(attempt * 3 - 9)) * n;
      ok = true;
      for (let i = 0; i < F && ok; i++) {
        for (let j = 0; j <= i; j++) {
          let s = ld(A, j * F + i); // upper triangle: A[j][i], j <= i
          if (i == j) s += (i > 0 ? lambda * n : 0.0) + jitter;
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
  for (let h = 1; h <= H; h++) {
    features(y, o, h, m, w, s, f);
    const wb = W + (<usize>(bucketOf(h, nb, edges) * F) << 3);
    let acc: f64 = 0;
    for (let p = 0; p < F; p++) acc += ld(wb, p) * ld(f, p);
    st(out, h - 1, acc * s);
  }
  return OK;
}
