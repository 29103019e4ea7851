// A straightforward reference of damped additive Holt-Winters (independent of
// assembly/forecast-ets.ts): plain arrays, the textbook recursions (Hyndman &
// Athanasopoulos, FPP3 §8.3, §8.6), the same initialisation rule written out directly.
export interface HwParams { alpha: number; beta: number; gamma: number; phi: number }

export function hwRun(y: number[], start: number, cut: number, m: number, p: HwParams) {
  const w = y.slice(start, cut);
  let level: number;
  let trend: number;
  const seasonal: number[] = []; // seasonal[t] for window index t
  let first: number;
  if (m > 0) {
    const mean1 = w.slice(0, m).reduce((a, b) => a + b, 0) / m;
    const mean2 = w.slice(m, 2 * m).reduce((a, b) => a + b, 0) / m;
    level = mean1;
    trend = (mean2 - mean1) / m;
    for (let i = 0; i < m; i++) seasonal[i] = w[i]! - mean1;
    first = m;
  } else {
    level = w[0]!;
    trend = 0;
    first = 1;
  }
  let sse = 0;
  for (let t = first; t < w.length; t++) {
    const s = m > 0 ? seasonal[t - m]! : 0;
    const fc = level + p.phi * trend + s;
    sse += (w[t]! - fc) ** 2;
    const newLevel = p.alpha * (w[t]! - s) + (1 - p.alpha) * (level + p.phi * trend);
    const newTrend = p.beta * (newLevel - level) + (1 - p.beta) * p.phi * trend;
    if (m > 0) seasonal[t] = p.gamma * (w[t]! - level - p.phi * trend) + (1 - p.gamma) * s;
    level = newLevel;
    trend = newTrend;
  }
  /** h-step forecasts from the end of the window. */
  const forecast = (H: number) => {
    const out: number[] = [];
    for (let h = 1; h <= H; h++) {
      let damp = 0;
      for (let j = 1; j <= h; j++) damp += p.phi ** j;
      const s = m > 0 ? seasonal[w.length - m + ((h - 1) % m)]! : 0;
      out.push(level + damp * trend + s);
    }
    return out;
  };
  return { sse, forecast };
}
