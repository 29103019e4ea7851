// Shared by the forecast and autoscaling views: a time axis in hours around the forecast
// origin, the history window a chart shows, interval bands for uPlot and colour helpers.
import type uPlot from 'uplot';

/** History values a chart shows before the forecast: four horizons (at least 96 steps), at most all. */
export const historyWindow = (n: number, H: number) => Math.min(n, Math.max(4 * H, 96));

/** x in hours, 0 = the first forecast step: `shown` history steps, then `H` forecast steps. */
export function timeAxis(shown: number, H: number, step: number): number[] {
  const x = new Array<number>(shown + H);
  for (let k = 0; k < shown + H; k++) x[k] = ((k - shown) * step) / 3600;
  return x;
}

/** Mean of the non-null values (0 when none). */
export function meanOf(v: ArrayLike<number | null>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) { const x = v[i]; if (x !== null && x !== undefined) { s += x; n++; } }
  return n ? s / n : 0;
}

/** A colour (#rgb or #rrggbb; anything else is returned as is) with an alpha. */
export function mix(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return color;
  let h = m[1]!;
  if (h.length === 3) h = h.split('').map((c) => c + c).join('');
  const n = parseInt(h, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** The lower and upper edges of an interval band (thin dashed lines; the band's fill is the chart's `bands`). */
export function bandSeries(label: string, stroke: string): [uPlot.Series, uPlot.Series] {
  return [
    { label: `${label} lower`, stroke, width: 1, dash: [4, 3] },
    { label: `${label} upper`, stroke, width: 1, dash: [4, 3] },
  ];
}
