// Deployment: machines as bars filled by the parts of each service (the partly used
// machines that receive parts, then the new ones), new machines against the lower bound;
// "compare algorithms" runs every algorithm on the instance (in a worker) and tables new
// machines, parts and time.
import { DEPLOYMENT_ALGORITHMS } from 'greenplan';
import { chartBox, lineOpts, bars, palette, css, machineAxis, xTickLabels } from '../charts.js';
import { el, fmt, count, table, energyLine, setEnergy, energySummary, savedKpis, type ViewFactory } from './types.js';

const TOP = 10;
export const deploymentView: ViewFactory = (container, host) => {
  const info = el('p', { className: 'note' });
  const energy = energyLine();
  const box = chartBox(container, 'Machines receiving parts: load by service', 'deployment-machines');
  const compareBtn = el('button', { textContent: 'Compare algorithms' });
  const compareOut = el('div');
  container.prepend(info, energy);
  container.append(el('div', { className: 'controls' }, compareBtn), compareOut);
  let inst: any;
  let sol: any;
  let compareSeq = 0;

  container.addEventListener('aux-restarted', () => { compareSeq++; compareBtn.disabled = false; compareOut.replaceChildren(); });
  compareBtn.addEventListener('click', async () => {
    const my = ++compareSeq;
    compareBtn.disabled = true;
    const rows: (string | number)[][] = [['algorithm', 'status', 'new machines', 'lower bound', 'parts', 'kWh', 'kg CO2', 'ms']];
    const current = inst.algorithm ?? DEPLOYMENT_ALGORITHMS[0];
    let currentRow = -1;
    compareOut.replaceChildren(el('p', { className: 'note' }, 'running every algorithm in a worker…'));
    try {
      for (const a of DEPLOYMENT_ALGORITHMS) {
        const t0 = performance.now();
        const s: any = await host.aux().solve({ ...inst, algorithm: a });
        if (my !== compareSeq) return;
        if (a === current) currentRow = rows.length - 1;
        rows.push([a, s.status, s.newBins, s.lowerBound, s.parts, s.energy ? fmt(s.energy.kWh, 2) : '—', s.energy ? fmt(s.energy.kgCO2, 2) : '—', Math.round(performance.now() - t0)]);
      }
      compareOut.replaceChildren(el('h3', {}, 'Every algorithm on this instance (ms: round trip to the worker)'), table(rows, 50, currentRow));
    } catch (e) {
      compareOut.replaceChildren(el('p', { className: 'error' }, String((e as Error).message ?? e)));
    } finally {
      compareBtn.disabled = false;
    }
  });

  return {
    update(instance, solution) {
      inst = instance;
      sol = solution;
      compareSeq++;
      compareOut.replaceChildren();
      setEnergy(energy, energySummary(sol.energy));
      if (sol.status === 'infeasible') {
        info.textContent = `Infeasible: ${sol.reason ?? ''}`;
        info.classList.add('infeasible');
        info.dataset.testid = 'infeasible';
        box.el.hidden = true;
        return;
      }
      box.el.hidden = false;
      info.classList.remove('infeasible');
      delete info.dataset.testid;
      info.textContent = `${sol.algorithm}: ${count(sol.newBins, 'new machine')} (lower bound ${fmt(sol.lowerBound)}), ${count(sol.parts, 'part')}, status ${sol.status}`;
      const binCap = inst.binCapacity as number;
      const existing = new Map<string, number>(); // name -> used before
      (inst.bins ?? []).forEach((b: { name?: string; free: number }, i: number) => existing.set(b.name ?? `bin-${i}`, Math.max(0, binCap - b.free)));
      // machines that receive parts: partly used (instance order), then new-1..new-K
      const receiving = new Set<string>();
      for (const it of sol.items) for (const b of it.bins) receiving.add(b);
      const machines = [...existing.keys()].filter((b) => receiving.has(b));
      for (let k = 1; k <= sol.newBins; k++) machines.push(`new-${k}`);
      const index = new Map(machines.map((m, i) => [m, i]));
      const items = [...sol.items].sort((a: any, b: any) => b.partSize * b.parts - a.partSize * a.parts);
      const top = items.slice(0, TOP);
      const series: { label: string; values: number[] }[] = [{ label: 'used before', values: machines.map((m) => existing.get(m) ?? 0) }];
      for (const it of top) {
        const v = new Array(machines.length).fill(0);
        for (const b of it.bins) v[index.get(b)!] += it.partSize;
        series.push({ label: it.name, values: v });
      }
      if (items.length > TOP) {
        const v = new Array(machines.length).fill(0);
        for (const it of items.slice(TOP)) for (const b of it.bins) v[index.get(b)!] += it.partSize;
        series.push({ label: `${items.length - TOP} other services`, values: v });
      }
      // stacked bars: cumulative sums drawn from the top down, each covering the ones above it
      const cum: number[][] = [];
      series.forEach((s, k) => cum.push(s.values.map((v, i) => v + (k ? cum[k - 1]![i]! : 0))));
      const x = machines.map((_, i) => i);
      const c = palette();
      const colours = [css('--muted'), ...c];
      const order = series.map((_, k) => series.length - 1 - k);
      const opts = lineOpts('machine', 'load', order.map((k) => ({ label: series[k]!.label, fill: colours[k % colours.length], stroke: colours[k % colours.length], width: 0, points: { show: false }, paths: bars(0.85) })));
      const extra = machineAxis(opts, machines, box.el.clientWidth);
      opts.scales = { x: { time: false, range: [-0.5, Math.max(0.5, machines.length - 0.5)] }, y: { range: [0, binCap * 1.05] } };
      opts.legend = { live: false };
      // the tick labels as drawn, for the page's tests (test/playground.dist.test.ts: none overlap)
      opts.hooks = { ...opts.hooks, draw: [(u) => { box.el.dataset.xTicks = JSON.stringify(xTickLabels(u)); }] };
      box.set(opts, [x, ...order.map((k) => cum[k]!)] as any, 260 + extra);
    },
    kpis: (_inst, s) => s.status === 'infeasible' ? [] : [
      { label: 'new machines', value: s.newBins, better: 'lower', text: `${fmt(s.newBins)} (bound ${fmt(s.lowerBound)})` },
      { label: 'parts', value: s.parts, better: 'lower' },
      { label: 'lower bound', value: s.lowerBound },
      ...savedKpis(energySummary(s.energy), 'dedicated'),
    ],
    destroy: () => { box.destroy(); container.replaceChildren(); },
  };
};
