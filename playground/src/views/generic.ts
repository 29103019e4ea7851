// The generic view: any problem of the registry without its own view (its numbers as
// KPIs; the full solution is in the "Solution JSON" box).
import { numericKpis, el, type ViewFactory } from './types.js';

export const genericView: ViewFactory = (container) => {
  const p = el('p', { className: 'note' });
  container.append(p);
  return {
    update(_inst, sol) {
      const status = sol && typeof sol === 'object' && 'status' in sol ? ` (status: ${String(sol.status)})` : '';
      p.textContent = `No dedicated view for "${String(sol?.problem)}" yet${status}: its numbers are above, the full solution below.`;
      if (sol?.reason) p.textContent += ` ${sol.reason}`;
    },
    kpis: (_inst, sol) => numericKpis(sol),
    destroy: () => container.replaceChildren(),
  };
};
