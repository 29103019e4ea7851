// Knapsack: the chosen items and the capacity used.
import { el, fmt, table, type ViewFactory } from './types.js';

export const knapsackView: ViewFactory = (container) => {
  const meter = el('p');
  const list = el('div');
  const energy = el('p', { className: 'note energy', textContent: 'No energy figure: a knapsack has no time, machines or unit (docs/energy.md); budgeted smoothing, which it solves, has one.' });
  energy.dataset.testid = 'energy';
  container.append(meter, energy, list);
  return {
    update(inst, sol) {
      const pct = inst.capacity > 0 ? (100 * sol.used) / inst.capacity : 0;
      const bar = el('span', { className: 'meter' }, el('span'));
      (bar.firstChild as HTMLElement).style.width = `${Math.min(100, pct)}%`;
      meter.replaceChildren(`Capacity used ${fmt(sol.used)} of ${fmt(inst.capacity)} (${fmt(pct, 1)}%) `, bar, ` · method ${sol.algorithm}`);
      const byName = new Map<string, { size: number; value: number; copies?: number }>();
      (inst.items as { name?: string; size: number; value: number; copies?: number }[]).forEach((it, i) => byName.set(it.name ?? String(i), it));
      const rows: (string | number)[][] = [['item', 'taken', 'of copies', 'size each', 'value each', 'size', 'value']];
      for (const t of sol.take as { name: string; count: number }[]) {
        const it = byName.get(t.name);
        rows.push([t.name, t.count, it?.copies ?? 1, it?.size ?? NaN, it?.value ?? NaN, (it?.size ?? NaN) * t.count, (it?.value ?? NaN) * t.count]);
      }
      list.replaceChildren(el('h3', {}, `Chosen items (${sol.take.length} of ${inst.items.length})`), table(rows));
    },
    kpis: (inst, sol) => [
      { label: 'value', value: sol.value, better: 'higher' },
      { label: 'used', value: sol.used, text: `${fmt(sol.used)} / ${fmt(inst.capacity)}` },
      { label: 'items taken', value: sol.take.length },
    ],
    destroy: () => container.replaceChildren(),
  };
};
