// Pure TypeScript port of assembly/smoothing.ts (smoothOne): the envelope L plus
// the lazy monotone stack of segments. Kept line-for-line close to the kernel so
// that the two can be compared; see docs/smoothing.md.
//
// smoothReference(demand, maxStep, coef) returns the plan h (integers >= demand)
// minimizing Σ h_t + coef · Σ |h_{t+1} - h_t| subject to |h_{t+1} - h_t| <= maxStep.

const UNIFORM = 0x40000000;
const START_MASK = 0x3fffffff;
const MAX_DEMAND = 1e12;

export function smoothReference(
  demand: ArrayLike<number>,
  maxStep: number | undefined,
  coef: number,
): Float64Array {
  const T = demand.length;
  const h = new Float64Array(T);
  if (T === 0) return h;
  if (!(coef >= 0) || coef === Infinity) throw new RangeError(`bad coef ${coef}`);
  const step = maxStep === undefined ? -1 : maxStep;
  if (maxStep !== undefined && !(Number.isInteger(maxStep) && maxStep >= 0)) {
    throw new RangeError(`bad maxStep ${maxStep}`);
  }
  const fill = (from: number, to: number, v: number): void => {
    for (let k = from; k < to; k++) h[k] = v;
  };

  // 1. envelope
  for (let t = 0; t < T; t++) {
    const x = demand[t];
    if (!(x >= 0 && x <= MAX_DEMAND)) throw new RangeError(`bad demand ${x} at ${t}`);
    h[t] = Math.ceil(x);
  }
  if (step >= 0) {
    for (let t = 1; t < T; t++) {
      const lo = h[t - 1] - step;
      if (h[t] < lo) h[t] = lo;
    }
    for (let t = T - 2; t >= 0; t--) {
      const lo = h[t + 1] - step;
      if (h[t] < lo) h[t] = lo;
    }
  }
  if (!(coef > 0)) return h;
  const inner = 2 * coef;
  const edge = coef;

  // 2-3. monotone stack of segments: levels strictly decreasing from bottom to top.
  const sLevel = new Float64Array(T);
  const sStart = new Int32Array(T);
  let sp = 0;
  for (let t = 0; t < T; t++) {
    const v = h[t];
    let cur = t;
    let curUniform = true;
    while (sp > 0 && sLevel[sp - 1] < v) {
      sp--;
      const sWord = sStart[sp];
      const sS = sWord & START_MASK;
      const sU = (sWord & UNIFORM) !== 0;
      const b = sLevel[sp];
      const width = cur - sS;
      if (sp > 0) {
        const pWord = sStart[sp - 1];
        const pS = pWord & START_MASK;
        const pU = (pWord & UNIFORM) !== 0;
        const p = sLevel[sp - 1];
        const accept = sU && width < inner;
        if (p <= v) {
          // the box's lower wall is P: S joins P
          if (accept) {
            if (!pU) fill(sS, cur, p);
          } else {
            if (sU) fill(sS, cur, b);
            if (pU) {
              fill(pS, sS, p);
              sStart[sp - 1] = pS;
            }
          }
        } else {
          // the lower wall is the new value: S joins the current segment
          if (accept) {
            cur = sS;
          } else {
            if (sU) fill(sS, cur, b);
            cur = sS;
            curUniform = false; // index t already holds v
          }
        }
      } else {
        // no left wall: an edge gap [0, cur) below v
        if (sU && width < edge) {
          cur = sS;
        } else {
          if (sU) fill(sS, cur, b);
          cur = sS;
          curUniform = false;
        }
      }
    }
    if (sp > 0 && sLevel[sp - 1] === v) {
      // equal level: the current segment joins the top one
      const tWord = sStart[sp - 1];
      const tU = (tWord & UNIFORM) !== 0;
      if (!(tU && curUniform)) {
        if (tU) fill(tWord & START_MASK, cur, v);
        if (curUniform) fill(cur, t + 1, v);
        sStart[sp - 1] = tWord & START_MASK;
      }
    } else {
      sStart[sp] = curUniform ? cur | UNIFORM : cur;
      sLevel[sp] = v;
      sp++;
    }
  }
  // right edge gaps: the top segment runs to T-1
  let end = T;
  while (sp > 1) {
    sp--;
    const sWord = sStart[sp];
    const sS = sWord & START_MASK;
    const sU = (sWord & UNIFORM) !== 0;
    const pWord = sStart[sp - 1];
    const pU = (pWord & UNIFORM) !== 0;
    const p = sLevel[sp - 1];
    if (sU && T - sS < edge) {
      if (!pU) fill(sS, end, p);
      // S joins P (raised to p); P's range now runs to T-1
    } else {
      if (sU) fill(sS, end, sLevel[sp]);
      end = sS;
      // every wider right-edge box is rejected too: flush what is left as it stands
      while (sp > 0) {
        sp--;
        const w = sStart[sp];
        const st0 = w & START_MASK;
        if ((w & UNIFORM) !== 0) fill(st0, end, sLevel[sp]);
        end = st0;
      }
      return h;
    }
  }
  if (sp === 1) {
    const w = sStart[0];
    if ((w & UNIFORM) !== 0) fill(w & START_MASK, end, sLevel[0]);
  }
  return h;
}
