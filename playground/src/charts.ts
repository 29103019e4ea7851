// Charts: uPlot (small, fast, canvas). A chart box has a title and a PNG export button;
// colours follow the light/dark theme (CSS variables read when the chart is made).
import uPlot from 'uplot';

export const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
// (no mid grey among them: "used before", the actual workload and the muted text are grey)
export const palette = () => [css('--c1'), css('--c2'), css('--c3'), css('--c4'), '#17becf', '#bcbd22', '#e377c2', '#8c564b', '#17a589', '#ff7f0e', '#aec7e8', '#98df8a'];

export interface ChartBox {
  el: HTMLElement;
  plot?: uPlot;
  set(opts: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData, height?: number): void;
  setData(data: uPlot.AlignedData): void;
  /** No chart (no data of its own yet): the frame and its title stay, no axes of earlier data. */
  clear(): void;
  destroy(): void;
}

function axes(xLabel: string, yLabel: string): uPlot.Axis[] {
  const stroke = css('--muted');
  const grid = { stroke: css('--grid'), width: 1 };
  return [
    { label: xLabel, stroke, grid, ticks: grid },
    { label: yLabel, stroke, grid, ticks: grid, size: 80 },
  ];
}

/** A titled chart container with a "PNG" button. */
export function chartBox(parent: HTMLElement, title: string, file: string): ChartBox {
  const el = document.createElement('div');
  el.className = 'chart';
  const head = document.createElement('div');
  head.className = 'chart-head';
  const h = document.createElement('h3');
  h.textContent = title;
  const png = document.createElement('button');
  png.textContent = 'PNG';
  png.title = `Download this chart as ${file}.png`;
  head.append(h, png);
  const body = document.createElement('div');
  el.append(head, body);
  parent.appendChild(el);
  let ro: ResizeObserver | undefined;
  const box: ChartBox = {
    el,
    set(opts, data, height = 240) {
      box.plot?.destroy();
      const width = Math.max(300, body.clientWidth || parent.clientWidth - 20);
      box.plot = new uPlot({ width, height, ...opts }, data, body);
      png.disabled = false;
      // the axes' labels (drawn on the canvas) for the page's tests and assistive reading
      el.dataset.xLabel = String(opts.axes?.[0]?.label ?? '');
      el.dataset.yLabel = String(opts.axes?.[1]?.label ?? '');
      ro?.disconnect();
      ro = new ResizeObserver(() => {
        const w = Math.max(300, body.clientWidth);
        if (box.plot && Math.abs(box.plot.width - w) > 2) box.plot.setSize({ width: w, height });
      });
      ro.observe(body);
    },
    setData(data) {
      box.plot?.setData(data);
    },
    clear() {
      ro?.disconnect();
      box.plot?.destroy();
      box.plot = undefined;
      png.disabled = true;
      delete el.dataset.xLabel;
      delete el.dataset.yLabel;
    },
    destroy() {
      ro?.disconnect();
      box.plot?.destroy();
      el.remove();
    },
  };
  png.addEventListener('click', () => { if (box.plot) exportPng(box.plot, title, file); });
  return box;
}

/** The chart (canvas, with its title and legend labels) as a PNG download. */
export function exportPng(u: uPlot, title: string, file: string): void {
  const src = u.ctx.canvas;
  const pad = 28 * devicePixelRatio;
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height + pad;
  const g = out.getContext('2d')!;
  g.fillStyle = css('--bg') || '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.fillStyle = css('--fg') || '#000';
  g.font = `${14 * devicePixelRatio}px system-ui, sans-serif`;
  const labels = u.series.slice(1).filter((s) => s.show !== false && s.label).map((s) => s.label).join(' · ');
  g.fillText(labels ? `${title} — ${labels}` : title, 8 * devicePixelRatio, 19 * devicePixelRatio);
  g.drawImage(src, 0, pad);
  out.toBlob((blob) => {
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${file}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }, 'image/png');
}

export function lineOpts(xLabel: string, yLabel: string, series: uPlot.Series[]): Omit<uPlot.Options, 'width' | 'height'> {
  return { scales: { x: { time: false } }, axes: axes(xLabel, yLabel), series: [{ label: xLabel }, ...series], cursor: { drag: { x: true, y: false } } };
}

export const stepped = () => uPlot.paths.stepped!({ align: 1 });
export const bars = (size = 0.8, align: -1 | 0 | 1 = 0) => uPlot.paths.bars!({ size: [size, 60], align });
/** Integer tick steps for an index axis (machines, rounds). */
export const INT_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
export { uPlot };

/** The x axis's tick labels as drawn (CSS px; x from the plot's left edge, the baseline shared
 * by all): text, width and height, and the angle and anchor uPlot draws them with. */
export interface TickLabel { text: string; x: number; w: number; h: number; rotate: number }

/** Text width in CSS px in an axis's font (its `font[0]` is scaled by the pixel ratio). */
export function textWidth(u: uPlot, axis: number, text: string): number {
  const ctx = (textWidth as { ctx?: CanvasRenderingContext2D }).ctx ??= document.createElement('canvas').getContext('2d')!;
  const font = (u.axes[axis] as unknown as { font: [string, number] }).font;
  ctx.font = font[0];
  return ctx.measureText(text).width / uPlot.pxRatio;
}

/** An axis's font size in CSS px. */
export const fontPx = (u: uPlot, axis: number) => (u.axes[axis] as unknown as { font: [string, number] }).font[1] / uPlot.pxRatio;

/** The x axis's tick labels as the last draw placed them (uPlot's own splits, values and angle). */
export function xTickLabels(u: uPlot): TickLabel[] {
  const a = u.axes[0] as unknown as { _splits?: number[]; _values?: (string | null)[]; _rotate?: number; font: [string, number] };
  const h = fontPx(u, 0);
  return (a._values ?? []).flatMap((v, i) => v == null || v === '' ? [] : [{ text: String(v), x: u.valToPos(a._splits![i]!, 'x'), w: textWidth(u, 0, String(v)), h, rotate: a._rotate ?? 0 }]);
}

// ---- machine names on an x axis (the deployment and migration charts)

/** Machine names longer than this are cut (with "…") on the axis; hovering a bar shows the full name. */
const MAX_LABEL = 14;
const shortName = (m: string) => [...m].length > MAX_LABEL ? `${[...m].slice(0, MAX_LABEL - 1).join('')}…` : m;
/** Turned machine names: 45° (readable, and a name needs only ~1.4 text heights of room). */
const TURN = -45;

/**
 * The x axis of machine names, legible in any width: level while every name fits under its
 * bar, else turned by 45° and thinned to every 2nd, 5th, … machine when even that does not
 * fit (uPlot picks the step from INT_INCRS and `space`); long names cut, the axis taller
 * for turned ones; the full name of the bar under the pointer as the chart's tooltip.
 */
export function machineAxis(opts: ReturnType<typeof lineOpts>, machines: string[], width: number): number {
  const labels = machines.map(shortName);
  const cut = labels.some((l, i) => l !== machines[i]);
  let widest = 0;
  let height = 12;
  let level = 0;
  const axis = opts.axes![0]!;
  axis.label = cut ? 'machine (hover: full name)' : 'machine';
  axis.values = (_u, ticks) => ticks.map((t) => labels[t] ?? '');
  axis.incrs = INT_INCRS;
  axis.space = (u, _i, _min, _max, plotDim) => {
    widest = Math.max(0, ...labels.map((l) => textWidth(u, 0, l)));
    height = fontPx(u, 0);
    level = Math.ceil(widest) + 12;
    // level when every machine's name fits; else the room a turned name needs (its height / sin 45°)
    return machines.length * level <= plotDim ? level : Math.ceil(height * Math.SQRT2) + 6;
  };
  axis.rotate = (_u, _values, _i, found) => (found >= level ? 0 : TURN);
  axis.size = (u) => ((u.axes[0] as unknown as { _rotate?: number })._rotate ? Math.ceil((widest + height) * Math.SQRT1_2) + 18 : 50);
  const tip = (u: uPlot) => { const i = u.cursor.idx; u.over.title = i != null && machines[i] !== undefined ? machines[i]! : ''; };
  opts.hooks = { ...opts.hooks, setCursor: [tip] };
  // the chart taller by what turned names take beyond a level axis (estimated at ~7 px a
  // character of the 12 px axis font; the plot area keeps about its height)
  const est = 7 * Math.max(0, ...labels.map((l) => [...l].length)) + 12;
  const turned = machines.length * est > width - 100;
  // a turned name starts at its tick and runs down to the right: room on the right for the
  // last one (it was cut off by the chart's edge)
  if (turned) opts.padding = [null, Math.ceil(est * Math.SQRT1_2), null, null];
  return turned ? Math.max(0, Math.ceil((est + 12) * Math.SQRT1_2) + 18 - 50) : 0;
}
