// Periodic predictor after Tencent Crane's EHPA "dsp" (docs/forecast.md, "dsp", where
// the reading of Crane's documentation is written out): per candidate period T (a day,
// a week) a window of the last N = k·T values (k = 3 days, 2 weeks at most), outliers
// outside [P0.1, P99.9] replaced by the previous value, the DFT of the window
// (Bluestein's chirp-z over a radix-2 FFT: any N), a significance threshold on the
// amplitudes (the 99th percentile of the largest amplitude of a white sequence of the same
// variance: |X_k|² ~ N σ² Exp(1), so P(max over N/2 bins < x) = (1 − e^{−x/Nσ²})^{N/2}),
// the period accepted when its bin k = N/T is significant and the circular
// autocorrelation at lag T is a peak; among accepted periods the one with the highest
// autocorrelation. Forecast ("fft" estimator): the window rebuilt from the mean plus the
// K largest significant components of period >= 1 hour (10 <= K <= 20), and its last
// period repeated forward.
// The chirp part of Bluestein's DFT depends on N only: dspChirp computes it once for callers
// that cache it (passed to dspFit per candidate; the same values as computed in place).
// A window whose length factors into 2, 3, 5 and 7 (every default season's window) takes a
// mixed-radix FFT of the real window instead (the N/2-point complex FFT of its even/odd
// pairs, then split; dspChirp then caches its twiddle table): the same DFT up to rounding
// (docs/forecast.md, "Speed", fourth round).
// Complexity: O(M log M) per candidate (Bluestein, M the power of two >= 2N − 1), or
// O(N · Σ radices) (mixed radix); the outlier quantiles O(N) expected (quickselect,
// assembly/forecast-conformal.ts); the rebuild O(T·K).
import { ld, st, ldi, sti } from "./mem";
import { selectF64 } from "./forecast-conformal";
import { OK, BAD_LENGTH } from "./abi";

/** The bit-reversal permutation of (re, im)[0..M), M a power of two (both FFTs' first step). */
@inline function bitReverse(re: usize, im: usize, M: i32): void {
  for (let i = 1, j = 0; i < M; i++) {
    let bit = M >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = ld(re, i); st(re, i, ld(re, j)); st(re, j, tr);
      const ti = ld(im, i); st(im, i, ld(im, j)); st(im, j, ti);
    }
  }
}

/** (re, im)[0..M) *= s (the inverse transforms' 1 / M). */
@inline function scaleBy(re: usize, im: usize, M: i32, s: f64): void {
  for (let i = 0; i < M; i++) { st(re, i, ld(re, i) * s); st(im, i, ld(im, i) * s); }
}

/** In-place iterative radix-2 FFT of (re, im), length M a power of two; inverse when inv. */
function fft(re: usize, im: usize, M: i32, inv: bool): void {
  bitReverse(re, im, M);
  for (let len = 2; len <= M; len <<= 1) {
    const ang = (inv ? 2.0 : -2.0) * Math.PI / <f64>len;
    const wr = Math.cos(ang), wi = Math.sin(ang);
    const half = len >> 1;
    for (let i = 0; i < M; i += len) {
      let cr: f64 = 1.0, ci: f64 = 0.0;
      for (let k = 0; k < half; k++) {
        const a = i + k, b = a + half;
        const xr = ld(re, b) * cr - ld(im, b) * ci;
        const xi = ld(re, b) * ci + ld(im, b) * cr;
        st(re, b, ld(re, a) - xr); st(im, b, ld(im, a) - xi);
        st(re, a, ld(re, a) + xr); st(im, a, ld(im, a) + xi);
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
  if (inv) scaleBy(re, im, M, 1.0 / <f64>M);
}

/**
 * The twiddle factors fft uses for length M, into twr, twi [0..M−1): the stage of half-length
 * h at [h − 1, 2h − 1), entry k = (1, 0)·w^k by the same recurrence fft runs per block
 * (w = (cos, sin)(−2π/2h)), so fftTable gives fft's values bit for bit; the inverse takes the
 * conjugates (the recurrence with conj(w) yields exactly the conjugates: negation is exact).
 */
function twiddles(M: i32, twr: usize, twi: usize): void {
  for (let len = 2; len <= M; len <<= 1) {
    const ang = -2.0 * Math.PI / <f64>len;
    const wr = Math.cos(ang), wi = Math.sin(ang);
    const half = len >> 1;
    let cr: f64 = 1.0, ci: f64 = 0.0;
    for (let k = 0; k < half; k++) {
      st(twr, half - 1 + k, cr);
      st(twi, half - 1 + k, ci);
      const nr = cr * wr - ci * wi;
      ci = cr * wi + ci * wr;
      cr = nr;
    }
  }
}

/**
 * fft with the twiddle factors read from a table (twiddles(M)) instead of the recurrence
 * run per block: the butterflies no longer wait on the twiddle chain; the same values.
 */
function fftTable(re: usize, im: usize, M: i32, inv: bool, twr: usize, twi: usize): void {
  bitReverse(re, im, M);
  // stage half = 1 (twiddle (1, 0), or its conjugate (1, −0) for the inverse): scalar
  const c1 = inv ? 0.0 - ld(twi, 0) : ld(twi, 0);
  const r1 = ld(twr, 0);
  for (let a = 0; a + 1 < M; a += 2) {
    const b = a + 1;
    const rb = ld(re, b), ib = ld(im, b), ra = ld(re, a), ia = ld(im, a);
    const xr = rb * r1 - ib * c1;
    const xi = rb * c1 + ib * r1;
    st(re, b, ra - xr); st(im, b, ia - xi);
    st(re, a, ra + xr); st(im, a, ia + xi);
  }
  // stages half >= 2: two butterflies per f64x2 lane pair (k, k + 1), the same IEEE
  // operations lane by lane as the scalar form (WebAssembly has no fused multiply-add
  // here), so the same values bit for bit (docs/forecast.md, "Speed")
  const zero = f64x2.splat(0.0);
  for (let len = 4; len <= M; len <<= 1) {
    const half = len >> 1;
    const tr0 = twr + (<usize>(half - 1) << 3);
    const ti0 = twi + (<usize>(half - 1) << 3);
    for (let i = 0; i < M; i += len) {
      const pa = re + (<usize>i << 3), qa = im + (<usize>i << 3);
      const pb = pa + (<usize>half << 3), qb = qa + (<usize>half << 3);
      for (let k = 0; k < half; k += 2) {
        const o = <usize>k << 3;
        const cr = v128.load(tr0 + o);
        const ti = v128.load(ti0 + o);
        const ci = inv ? f64x2.sub(zero, ti) : ti;
        const rb = v128.load(pb + o), ib = v128.load(qb + o), ra = v128.load(pa + o), ia = v128.load(qa + o);
        const xr = f64x2.sub(f64x2.mul(rb, cr), f64x2.mul(ib, ci));
        const xi = f64x2.add(f64x2.mul(rb, ci), f64x2.mul(ib, cr));
        v128.store(pb + o, f64x2.sub(ra, xr)); v128.store(qb + o, f64x2.sub(ia, xi));
        v128.store(pa + o, f64x2.add(ra, xr)); v128.store(qa + o, f64x2.add(ia, xi));
      }
    }
  }
  if (inv) scaleBy(re, im, M, 1.0 / <f64>M);
}

/**
 * True when N > 1 factors into 2, 3, 5 and 7 only (the windows of the default seasons: a day
 * or a week times 2 or 3 at 1, 5, 30 or 60 minutes): their DFT is the mixed-radix FFT below
 * (O(N · Σ radices)) instead of Bluestein's (two power-of-two FFTs of M >= 2N − 1).
 */
@inline function smallFactors(N: i32): bool {
  if (N < 2) return false;
  let n = N;
  while (n % 2 == 0) n /= 2;
  while (n % 3 == 0) n /= 3;
  while (n % 5 == 0) n /= 5;
  while (n % 7 == 0) n /= 7;
  return n == 1;
}

/** The radix of the next stage for a sub-transform of length n (smallFactors): 4 first, then 2, 3, 5, 7. */
@inline function radixOf(n: i32): i32 {
  return n % 4 == 0 ? 4 : n % 2 == 0 ? 2 : n % 3 == 0 ? 3 : n % 5 == 0 ? 5 : 7;
}

/** W_N^j = (cos, −sin)(2π j / N) for j < N, into twr, twi (the mixed-radix FFT's table). */
function mixedTable(N: i32, twr: usize, twi: usize): void {
  for (let j = 0; j < N; j++) {
    const ang = 2.0 * Math.PI * <f64>j / <f64>N;
    st(twr, j, Math.cos(ang));
    st(twi, j, -Math.sin(ang));
  }
}

/**
 * Mixed-radix decimation-in-time DFT (recursive, out of place): the DFT of the n values
 * z_j = x[j·stride] (c = 1: real) or x[2j·stride] + i x[2j·stride + 1] (c = 2: complex pairs),
 * j < n, into (or, oi)[0..n); n >= 2. N: the table's length, a multiple of n (twiddles
 * W_n^e = W_N^{e·N/n}). Split n = p·m (p = radixOf(n)): the m-point DFTs Y_q of the p
 * decimated sequences, then X[k + m·s] = Σ_q (W_n^{qk} Y_q[k]) W_p^{qs}, in place (positions
 * k + m·q). tmp: 2·7 f64.
 */
function mixedFft(x: usize, stride: i32, c: i32, or: usize, oi: usize, n: i32, N: i32, twr: usize, twi: usize, tmp: usize): void {
  const p = radixOf(n);
  const m = n / p;
  if (m == 1) {
    if (c == 1) for (let q = 0; q < p; q++) { st(or, q, ld(x, q * stride)); st(oi, q, 0.0); }
    else for (let q = 0; q < p; q++) { st(or, q, ld(x, 2 * q * stride)); st(oi, q, ld(x, 2 * q * stride + 1)); }
  } else {
    for (let q = 0; q < p; q++) mixedFft(x + (<usize>(c * q * stride) << 3), stride * p, c, or + (<usize>(q * m) << 3), oi + (<usize>(q * m) << 3), m, N, twr, twi, tmp);
  }
  const ts = N / n; // W_n^e = W_N^{e·ts}
  const tp = N / p; // W_p^e = W_N^{e·tp}
  for (let k = 0; k < m; k++) {
    // t_q = W_n^{qk} Y_q[k] (q·k < n: no reduction)
    for (let q = 0; q < p; q++) {
      const a = q * m + k;
      const yr = ld(or, a), yi = ld(oi, a);
      if (q == 0 || k == 0) { st(tmp, 2 * q, yr); st(tmp, 2 * q + 1, yi); continue; }
      const e = q * k * ts;
      const wr = ld(twr, e), wi = ld(twi, e);
      st(tmp, 2 * q, yr * wr - yi * wi);
      st(tmp, 2 * q + 1, yr * wi + yi * wr);
    }
    if (p == 2) {
      const ar = ld(tmp, 0), ai = ld(tmp, 1), br = ld(tmp, 2), bi = ld(tmp, 3);
      st(or, k, ar + br); st(oi, k, ai + bi);
      st(or, k + m, ar - br); st(oi, k + m, ai - bi);
    } else if (p == 4) {
      // W_4 = −i: X0 = a + b + c + d, X1 = a − i b − c + i d, X2 = a − b + c − d, X3 = a + i b − c − i d
      const ar = ld(tmp, 0), ai = ld(tmp, 1), br = ld(tmp, 2), bi = ld(tmp, 3);
      const cr = ld(tmp, 4), ci = ld(tmp, 5), dr = ld(tmp, 6), di = ld(tmp, 7);
      const s0r = ar + cr, s0i = ai + ci, d0r = ar - cr, d0i = ai - ci;
      const s1r = br + dr, s1i = bi + di, d1r = br - dr, d1i = bi - di;
      st(or, k, s0r + s1r); st(oi, k, s0i + s1i);
      st(or, k + m, d0r + d1i); st(oi, k + m, d0i - d1r);
      st(or, k + 2 * m, s0r - s1r); st(oi, k + 2 * m, s0i - s1i);
      st(or, k + 3 * m, d0r - d1i); st(oi, k + 3 * m, d0i + d1r);
    } else {
      for (let u = 0; u < p; u++) {
        let sr = ld(tmp, 0), si = ld(tmp, 1);
        let r = 0; // (q·u) mod p, advanced by u per q (no division)
        for (let q = 1; q < p; q++) {
          r += u;
          if (r >= p) r -= p;
          const e = r * tp;
          const wr = ld(twr, e), wi = ld(twi, e);
          const tr = ld(tmp, 2 * q), ti = ld(tmp, 2 * q + 1);
          sr += tr * wr - ti * wi;
          si += tr * wi + ti * wr;
        }
        st(or, k + u * m, sr); st(oi, k + u * m, si);
      }
    }
  }
}

/**
 * DFT of the N real values x[0..N) (smallFactors(N)) into (xr, xi)[0..N) with the table of
 * mixedTable(N). Even N >= 4: the N/2-point complex DFT Z of z_j = x[2j] + i x[2j+1], then
 * X_k = E_k + W_N^k O_k with E_k = (Z_k + conj Z_{N/2−k}) / 2, O_k = (Z_k − conj Z_{N/2−k}) / 2i
 * (k < N/2), X_{N/2} = Re Z_0 − Im Z_0, X_{N−k} = conj X_k: half the work of a complex DFT.
 */
function realFft(x: usize, N: i32, xr: usize, xi: usize, twr: usize, twi: usize, tmp: usize): void {
  if (N < 4 || (N & 1) != 0) { mixedFft(x, 1, 1, xr, xi, N, N, twr, twi, tmp); return; }
  const h = N >> 1;
  mixedFft(x, 1, 2, xr, xi, h, N, twr, twi, tmp);
  const z0r = ld(xr, 0), z0i = ld(xi, 0);
  st(xr, 0, z0r + z0i); st(xi, 0, 0.0);
  st(xr, h, z0r - z0i); st(xi, h, 0.0);
  for (let k = 1; k + k <= h; k++) {
    const j = h - k;
    const ar = ld(xr, k), ai = ld(xi, k), br = ld(xr, j), bi = ld(xi, j);
    // X_k from Z_k = a, Z_j = b
    const er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
    const orr = 0.5 * (ai + bi), oii = -0.5 * (ar - br);
    const wr = ld(twr, k), wi = ld(twi, k);
    const xkr = er + (wr * orr - wi * oii), xki = ei + (wr * oii + wi * orr);
    // X_j from Z_j = b, Z_k = a (the same with the roles swapped)
    const fr = 0.5 * (br + ar), fi = 0.5 * (bi - ai);
    const pr = 0.5 * (bi + ai), pi = -0.5 * (br - ar);
    const vr = ld(twr, j), vi = ld(twi, j);
    const xjr = fr + (vr * pr - vi * pi), xji = fi + (vr * pi + vi * pr);
    st(xr, k, xkr); st(xi, k, xki);
    st(xr, j, xjr); st(xi, j, xji);
  }
  for (let k = 1; k < h; k++) { st(xr, N - k, ld(xr, k)); st(xi, N - k, -ld(xi, k)); }
}

/** Smallest power of two >= x. */
@inline function pow2(x: i32): i32 {
  let m = 1;
  while (m < x) m <<= 1;
  return m;
}

/** Scratch f64 dspFit needs for windows of at most N values. */
export function dspScratch(N: i32): i32 {
  return 4 * pow2(2 * N - 1) + 5 * N;
}

/**
 * DFT of x[0..N) into (xr, xi)[0..N) by Bluestein: X_k = w_k Σ_n (x_n w_n) conj(w_{k−n}),
 * w_n = e^{−iπ n²/N}. Scratch: ar, ai, br, bi of length M.
 */
/**
 * f64 slots of a chirp block for N (dspChirp): the spectrum of the chirp (2M), its cos and
 * sin (2N), the FFT's twiddle factors for M (2(M − 1): twiddles()).
 */
export function dspChirpSize(N: i32): i32 {
  // a length with small factors only caches the mixed-radix FFT's table (2N)
  return N < 1 ? 0 : smallFactors(N) ? 2 * N : 4 * pow2(2 * N - 1) - 2 + 2 * N;
}

/**
 * The part of Bluestein's DFT that depends on N only, into out (dspChirpSize(N) f64):
 * FFT of b_n = conj(w_n) (re M, im M), then cos and sin of π n²/N (N each), then the FFT's
 * twiddle factors for M (re M − 1, im M − 1; twiddles()). The same
 * values dft computes in place: callers that transform many windows of N values cache it.
 * Scratch: none (out holds the transform).
 */
export function dspChirp(N: i32, out: usize): i32 {
  if (N < 1) return BAD_LENGTH;
  if (smallFactors(N)) { mixedTable(N, out, out + (<usize>N << 3)); return OK; }
  const M = pow2(2 * N - 1);
  const br = out;
  const bi = out + (<usize>M << 3);
  const cc = bi + (<usize>M << 3);
  const cs = cc + (<usize>N << 3);
  for (let i = 0; i < M; i++) { st(br, i, 0); st(bi, i, 0); }
  const N2 = <i64>(2 * N);
  for (let n = 0; n < N; n++) {
    const q = <f64>((<i64>n * <i64>n) % N2);
    const ang = Math.PI * q / <f64>N;
    const c = Math.cos(ang), s = Math.sin(ang);
    st(cc, n, c); st(cs, n, s);
    st(br, n, c); st(bi, n, s);
    if (n > 0) { st(br, M - n, c); st(bi, M - n, s); }
  }
  fft(br, bi, M, false);
  twiddles(M, cs + (<usize>N << 3), cs + (<usize>(N + M - 1) << 3));
  return OK;
}

/** Bluestein's DFT with a cached chirp block (dspChirp): the same values as dft. */
function dftChirp(x: usize, N: i32, xr: usize, xi: usize, ar: usize, ai: usize, chirp: usize): void {
  if (smallFactors(N)) { realFft(x, N, xr, xi, chirp, chirp + (<usize>N << 3), ar); return; }
  const M = pow2(2 * N - 1);
  const br = chirp;
  const bi = chirp + (<usize>M << 3);
  const cc = bi + (<usize>M << 3);
  const cs = cc + (<usize>N << 3);
  const twr = cs + (<usize>N << 3);
  const twi = twr + (<usize>(M - 1) << 3);
  for (let i = 0; i < M; i++) { st(ar, i, 0); st(ai, i, 0); }
  for (let n = 0; n < N; n++) {
    const c = ld(cc, n), s = ld(cs, n);
    st(ar, n, ld(x, n) * c); st(ai, n, -ld(x, n) * s);
  }
  fftTable(ar, ai, M, false, twr, twi);
  for (let i = 0; i < M; i++) {
    const r = ld(ar, i) * ld(br, i) - ld(ai, i) * ld(bi, i);
    const m = ld(ar, i) * ld(bi, i) + ld(ai, i) * ld(br, i);
    st(ar, i, r); st(ai, i, m);
  }
  fftTable(ar, ai, M, true, twr, twi);
  for (let k = 0; k < N; k++) {
    const c = ld(cc, k), s = -ld(cs, k);
    st(xr, k, ld(ar, k) * c - ld(ai, k) * s);
    st(xi, k, ld(ar, k) * s + ld(ai, k) * c);
  }
}

function dft(x: usize, N: i32, xr: usize, xi: usize, ar: usize, ai: usize, br: usize, bi: usize): void {
  if (smallFactors(N)) {
    // the table where dftChirp's cached block would hold it (br, bi: M >= N each), the same values
    mixedTable(N, br, bi);
    realFft(x, N, xr, xi, br, bi, ar);
    return;
  }
  const M = pow2(2 * N - 1);
  for (let i = 0; i < M; i++) { st(ar, i, 0); st(ai, i, 0); st(br, i, 0); st(bi, i, 0); }
  const N2 = <i64>(2 * N);
  for (let n = 0; n < N; n++) {
    const q = <f64>((<i64>n * <i64>n) % N2);
    const ang = Math.PI * q / <f64>N;
    const c = Math.cos(ang), s = Math.sin(ang);
    // w_n = c − i s ; a_n = x_n w_n ; b_n = conj(w_n) = c + i s
    st(ar, n, ld(x, n) * c); st(ai, n, -ld(x, n) * s);
    st(br, n, c); st(bi, n, s);
    if (n > 0) { st(br, M - n, c); st(bi, M - n, s); }
  }
  fft(ar, ai, M, false);
  fft(br, bi, M, false);
  for (let i = 0; i < M; i++) {
    const r = ld(ar, i) * ld(br, i) - ld(ai, i) * ld(bi, i);
    const m = ld(ar, i) * ld(bi, i) + ld(ai, i) * ld(br, i);
    st(ar, i, r); st(ai, i, m);
  }
  fft(ar, ai, M, true);
  for (let k = 0; k < N; k++) {
    const q = <f64>((<i64>k * <i64>k) % N2);
    const ang = Math.PI * q / <f64>N;
    const c = Math.cos(ang), s = -Math.sin(ang);
    st(xr, k, ld(ar, k) * c - ld(ai, k) * s);
    st(xi, k, ld(ar, k) * s + ld(ai, k) * c);
  }
}

/** Circular autocorrelation of w[0..N) (mean mu, sum of squares ss) at lag L. */
@inline function acf(w: usize, N: i32, mu: f64, ss: f64, L: i32): f64 {
  let s: f64 = 0;
  for (let i = 0; i < N; i++) {
    let j = i + L;
    if (j >= N) j -= N;
    s += (ld(w, i) - mu) * (ld(w, j) - mu);
  }
  return ss > 0 ? s / ss : 0;
}

/**
 * Fit on y[0:cut). Candidates: nc periods candT[c] with windows candN[c] (multiples,
 * candN[c] <= cut). stepSec: seconds per step (components of period < 1 hour dropped).
 * chirps: 0, or the address of nc i32 addresses, each 0 or a chirp block for candN[c]
 * (dspChirp: the DFT then reuses it; same values).
 * Writes the profile (last period of the rebuilt window) to profile[0..T) and
 * info = [chosen candidate or −1, components kept, autocorrelation at T, mean] (f64).
 */
export function dspFit(y: usize, cut: i32, nc: i32, candT: usize, candN: usize, stepSec: f64, profile: usize, info: usize, scratch: usize, chirps: usize): i32 {
  let Nmax = 0;
  for (let c = 0; c < nc; c++) {
    const T = ldi(candT, c), N = ldi(candN, c);
    if (T < 2 || N < 2 * T || N > cut || N % T != 0) return BAD_LENGTH;
    if (N > Nmax) Nmax = N;
  }
  st(info, 0, -1); st(info, 1, 0); st(info, 2, 0); st(info, 3, 0);
  if (nc == 0) return OK;
  const M = pow2(2 * Nmax - 1);
  const ar = scratch;
  const ai = ar + (<usize>M << 3);
  const br = ai + (<usize>M << 3);
  const bi = br + (<usize>M << 3);
  const w = bi + (<usize>M << 3);
  const srt = w + (<usize>Nmax << 3);
  const xr = srt + (<usize>Nmax << 3);
  const xi = xr + (<usize>Nmax << 3);
  const ids = xi + (<usize>Nmax << 3);
  let best = -1;
  let bestR: f64 = -2;
  let lastDft = -1; // the candidate whose window and DFT are in (w, xr, xi)
  let lastMu: f64 = 0, lastSs: f64 = 0;
  let saved = -1;
  let savedMu: f64 = 0, savedSs: f64 = 0;
  for (let c = 0; c < nc; c++) {
    const T = ldi(candT, c), N = ldi(candN, c);
    prepare(y, cut, N, w, srt, ids);
    const mu = ld(srt, 0), ss = ld(srt, 1);
    if (!(ss > 0)) continue;
    const rT = acf(w, N, mu, ss, T);
    // a peak: above the autocorrelation a twelfth of a period to either side
    const d = T / 12 > 1 ? T / 12 : 1;
    if (!(rT > acf(w, N, mu, ss, T - d) && rT > acf(w, N, mu, ss, T + d < N ? T + d : N - 1))) continue;
    for (let i = 0; i < N; i++) st(srt, i, ld(w, i) - mu);
    const ch = chirps != 0 ? <usize>ldi(chirps, c) : 0;
    if (ch != 0) dftChirp(srt, N, xr, xi, ar, ai, ch);
    else dft(srt, N, xr, xi, ar, ai, br, bi);
    lastDft = c; lastMu = mu; lastSs = ss;
    const k = N / T;
    const amp2 = ld(xr, k) * ld(xr, k) + ld(xi, k) * ld(xi, k);
    if (!(amp2 > threshold2(N, ss))) continue;
    if (rT > bestR) {
      bestR = rT; best = c;
      // with cached chirps (br, bi unused by the DFT) keep the best candidate's DFT there, so a
      // later candidate that loses does not force the best one's DFT again (the same values)
      if (ch != 0 && c + 1 < nc) {
        memory.copy(br, xr, <usize>N << 3);
        memory.copy(bi, xi, <usize>N << 3);
        savedMu = mu; savedSs = ss; saved = c;
      }
    }
  }
  if (best < 0) return OK;
  const T = ldi(candT, best), N = ldi(candN, best);
  let mu = lastMu, ss = lastSs;
  if (lastDft != best && saved == best) {
    memory.copy(xr, br, <usize>N << 3);
    memory.copy(xi, bi, <usize>N << 3);
    mu = savedMu; ss = savedSs;
  } else if (lastDft != best) {
    prepare(y, cut, N, w, srt, ids);
    mu = ld(srt, 0); ss = ld(srt, 1);
    for (let i = 0; i < N; i++) st(srt, i, ld(w, i) - mu);
    const chb = chirps != 0 ? <usize>ldi(chirps, best) : 0;
    if (chb != 0) dftChirp(srt, N, xr, xi, ar, ai, chb);
    else dft(srt, N, xr, xi, ar, ai, br, bi);
  }
  // keep the K largest significant components of period >= 1 hour (k <= N·step/3600), 10 <= K <= 20
  const thr = threshold2(N, ss);
  let kMax = <i32>Math.floor(<f64>N * stepSec / 3600.0);
  if (kMax > N / 2) kMax = N / 2;
  // amplitudes into ar[1..kMax], selection marks in ai
  for (let k = 1; k <= kMax; k++) { st(ar, k, ld(xr, k) * ld(xr, k) + ld(xi, k) * ld(xi, k)); st(ai, k, 0); }
  let kept = 0;
  for (; kept < 20; kept++) {
    let arg = -1;
    let big: f64 = -1;
    for (let k = 1; k <= kMax; k++) if (ld(ai, k) == 0 && ld(ar, k) > big) { big = ld(ar, k); arg = k; }
    if (arg < 0 || (kept >= 10 && !(big > thr))) break;
    st(ai, arg, 1);
  }
  // cos and sin of 2π q / N for q in [0, N) (br, bi are free after the DFT; M >= N): the
  // rebuild needs T · kept of them, the table N (the same values as computed in place)
  const useTable = <i64>T * <i64>kept > <i64>N;
  if (useTable) {
    for (let q = 0; q < N; q++) {
      const ang = 2.0 * Math.PI * <f64>q / <f64>N;
      st(br, q, Math.cos(ang)); st(bi, q, Math.sin(ang));
    }
  }
  // the kept bins in ascending order (the sum below adds them in that order), in ids
  let nk = 0;
  for (let k = 1; k <= kMax; k++) if (ld(ai, k) != 0) { sti(ids, nk, k); nk++; }
  // q_u = (k_u · t) mod N for t = N − T + j, kept per bin and advanced by k_u per step (no
  // 64-bit division per term; the same integers), as i32 in ar (free once the bins are listed:
  // ar and ai hold 2M >= 16 f64, nk <= 20 i32)
  for (let u = 0; u < nk; u++) sti(ar, u, <i32>((<i64>ldi(ids, u) * <i64>(N - T)) % <i64>N));
  for (let j = 0; j < T; j++) {
    let v = mu;
    for (let u = 0; u < nk; u++) {
      const k = ldi(ids, u);
      const q = ldi(ar, u);
      let qn = q + k;
      if (qn >= N) qn -= N;
      sti(ar, u, qn);
      let c: f64, s: f64;
      if (useTable) { c = ld(br, q); s = ld(bi, q); }
      else { const ang = 2.0 * Math.PI * <f64>q / <f64>N; c = Math.cos(ang); s = Math.sin(ang); }
      // real signal: X_k e^{iθ} + conj(X_k) e^{−iθ} = 2 (Re X_k cos θ − Im X_k sin θ); the Nyquist bin once
      const f = 2 * k == N ? 1.0 : 2.0;
      v += f * (ld(xr, k) * c - ld(xi, k) * s) / <f64>N;
    }
    st(profile, j, v);
  }
  st(info, 0, <f64>best); st(info, 1, <f64>kept); st(info, 2, bestR); st(info, 3, mu);
  return OK;
}

/** Squared-amplitude threshold: P99 of the largest of N/2 bins of white noise of variance ss/N. */
@inline function threshold2(N: i32, ss: f64): f64 {
  const bins = <f64>(N / 2);
  return ss * -Math.log(1.0 - Math.pow(0.99, 1.0 / bins));
}

/**
 * Window w[0..N) = y[cut−N:cut) with outliers outside [P0.1, P99.9] replaced by the
 * previous (cleaned) value; srt[0] = mean, srt[1] = Σ (w − mean)² afterwards (srt: N f64
 * ids: 64 f64 of scratch for the ranks near the ends).
 */
function prepare(y: usize, cut: i32, N: i32, w: usize, srt: usize, ids: usize): void {
  // the two order statistics by quickselect (the same values as a full sort: O(N) expected)
  for (let i = 0; i < N; i++) st(srt, i, ld(y, cut - N + i));
  const kl = <i32>Math.floor(0.001 * <f64>(N - 1));
  const kh = <i32>Math.ceil(0.999 * <f64>(N - 1));
  // ranks near the ends (k < 32 from either end: the 5-minute windows' 0th..4th) by one
  // pass keeping the k + 1 extreme values sorted (ids: 64 f64), else quickselect
  let lo: f64, hi: f64;
  if (kl < 32 && N - 1 - kh < 32 && N >= 64) {
    const nl = kl + 1, nh = N - kh; // keep the nl smallest (ascending) and the nh largest (descending)
    const bl = ids, bh = ids + (<usize>32 << 3);
    for (let i = 0; i < nl; i++) st(bl, i, Infinity);
    for (let i = 0; i < nh; i++) st(bh, i, -Infinity);
    for (let i = 0; i < N; i++) {
      const v = ld(srt, i);
      if (v < ld(bl, nl - 1)) {
        let p = nl - 1;
        while (p > 0 && ld(bl, p - 1) > v) { st(bl, p, ld(bl, p - 1)); p--; }
        st(bl, p, v);
      }
      if (v > ld(bh, nh - 1)) {
        let p = nh - 1;
        while (p > 0 && ld(bh, p - 1) < v) { st(bh, p, ld(bh, p - 1)); p--; }
        st(bh, p, v);
      }
    }
    lo = ld(bl, nl - 1);
    hi = ld(bh, nh - 1);
  } else {
    lo = selectF64(srt, kl, N, 0);
    hi = selectF64(srt, kh, N, kl < kh ? kl + 1 : kh);
  }
  let prev = ld(y, cut - N);
  if (prev < lo) prev = lo;
  if (prev > hi) prev = hi;
  let s: f64 = 0;
  for (let i = 0; i < N; i++) {
    let v = ld(y, cut - N + i);
    if (v < lo || v > hi) v = prev;
    st(w, i, v);
    prev = v;
    s += v;
  }
  const mu = s / <f64>N;
  let ss: f64 = 0;
  for (let i = 0; i < N; i++) { const d = ld(w, i) - mu; ss += d * d; }
  st(srt, 0, mu);
  st(srt, 1, ss);
}

/** Plain DFT through the Bluestein path (for tests): x[0..N) -> (xr, xi). */
export function dspDft(x: usize, N: i32, xr: usize, xi: usize, scratch: usize): i32 {
  if (N < 1) return BAD_LENGTH;
  const M = pow2(2 * N - 1);
  const ar = scratch;
  const ai = ar + (<usize>M << 3);
  const br = ai + (<usize>M << 3);
  const bi = br + (<usize>M << 3);
  dft(x, N, xr, xi, ar, ai, br, bi);
  return OK;
}
