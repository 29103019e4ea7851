// Smoothing: demand against plan for the chosen service (services listed by saving), KPIs
// (reserved resource against peak provisioning and the envelope, changes, objective),
// sliders for alpha and budget that re-solve as they move (debounced by the page; stale
// results are dropped there), and the trade-off curve (resource against variation over a
// sweep of alpha, solved in a worker) with the current point marked.
import { chartBox, lineOpts, stepped, palette, type ChartBox } from '../charts.js';
import { el, fmt, type Kpi, type View, type ViewFactory } from './types.js';

const ALPHAS = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 1.5, 2, 3, 5, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1000];
const SWEEP = [0, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 1024];
/** Above this many demand points the sweep waits for a click (it solves the instance 13 times). */
const SWEEP_AUTO_MAX = 300_000;

const peakOf = (d: ArrayLike<number>) => { let m = 0; for (let i = 0; i < d.length; i++) if (d[i]! > m) m = d[i]!; return Math.ceil(m) * d.length; };
const sum = (d: ArrayLike<number>) => { let s = 0; for (let i = 0; i < d.length; i++) s += d[i]!; return s; };
const changes = (p: ArrayLike<number>) => { let c = 0; for (let i = 1; i < p.length; i++) if (p[i] !== p[i - 1]) c++; return c; };

export const smoothingView: ViewFactory = (container, host) => {
  const controls = el('div', { className: 'controls' });
  const service = el('select', { ariaLabel: 'Service' });
  const alpha = el('input', { type: 'range', min: '0', max: String(ALPHAS.length - 1), step: '1', ariaLabel: 'alpha' });
  const alphaOut = el('output');
  const useBudget = el('input', { type: 'checkbox', ariaLabel: 'use a budget' });
  const budget = el('input', { type: 'range', min: '0', max: '1000', step: '1', ariaLabel: 'budget', disabled: true });
  const budgetOut = el('output');
  controls.append(
    el('label', {}, 'Service ', service),
    el('label', {}, 'α ', alpha, alphaOut),
    el('label', {}, useBudget, 'budget ', budget, budgetOut),
  );
  const info = el('p', { className: 'note' });
  container.append(controls, info);
  const plan = chartBox(container, 'Demand and plan', 'smoothing-plan');
  const curve = chartBox(container, 'Trade-off: resource against variation (sweep of α)', 'smoothing-tradeoff');
  const sweepBtn = el('button', { textContent: 'Compute the trade-off curve' });
  sweepBtn.hidden = true;
  curve.el.append(sweepBtn);

  let inst: any;
  let sol: any;
  let order: number[] = [];
  let sweepKey = '';
  let sweep: { alpha: number; resource: number; variation: number }[] | null = null;
  let envelope: number | undefined;
  let peakTotal = 0;
  let chartMade = false;
  let curveMade = false;

  const drawPlan = () => {
    if (!sol || sol.status !== 'optimal') return;
    const i = Number(service.value || order[0] || 0);
    const d = inst.scenarios[i].demand as number[];
    const p = sol.scenarios[i].plan as number[];
    const x = Array.from({ length: d.length }, (_, t) => t);
    const data: [number[], number[], number[]] = [x, Array.from(d), Array.from(p)];
    if (!chartMade) {
      const c = palette();
      plan.set(lineOpts('step', 'resource', [
        { label: 'demand', stroke: c[0], width: 1.5 },
        { label: 'plan', stroke: c[2], width: 2, paths: stepped() },
      ]), data);
      chartMade = true;
    } else plan.setData(data);
    const ps = sol.scenarios[i];
    info.textContent = `${ps.name}: plan ${fmt(sum(p))} vs peak ${fmt(peakOf(d))} (${changes(p)} changes)`;
  };

  const drawCurve = () => {
    if (!sweep) return;
    const pts = [...sweep].sort((a, b) => a.variation - b.variation);
    const cur = sol?.status === 'optimal' ? { x: sol.variation, y: sol.resource } : null;
    const xs = [...new Set([...pts.map((p) => p.variation), ...(cur ? [cur.x] : [])])].sort((a, b) => a - b);
    const yCurve = xs.map((x) => pts.find((p) => p.variation === x)?.resource ?? null);
    const yCur = xs.map((x) => (cur && x === cur.x ? cur.y : null));
    const data = [xs, yCurve, yCur] as any;
    if (!curveMade) {
      const c = palette();
      curve.set({
        ...lineOpts('variation', 'resource', [
          { label: 'sweep of α', stroke: c[0], width: 1.5, spanGaps: true, points: { show: true, size: 5 } },
          { label: 'current', stroke: c[2], width: 0, points: { show: true, size: 11, fill: c[2] } },
        ]),
      }, data, 220);
      curveMade = true;
    } else curve.setData(data);
  };

  const runSweep = async (key: string, base: any) => {
    const slot = host.aux();
    const out: { alpha: number; resource: number; variation: number }[] = [];
    for (const a of SWEEP) {
      const { budget: _b, ...rest } = base;
      const s: any = await slot.solve({ ...rest, alpha: a });
      if (key !== sweepKey) return; // the instance changed meanwhile
      out.push({ alpha: a, resource: s.resource, variation: s.variation });
    }
    sweep = out;
    envelope = out[0]!.resource;
    setBudgetRange();
    drawCurve();
    refreshKpis();
  };

  let refreshKpis = () => {};
  const setBudgetRange = () => {
    const lo = envelope ?? (sol?.status === 'optimal' ? sol.resource : 0);
    budget.min = String(Math.floor(lo));
    budget.max = String(Math.max(Math.ceil(peakTotal), Math.floor(lo) + 1));
    if (typeof inst?.budget === 'number') budget.value = String(inst.budget);
  };

  const syncControls = () => {
    const a = typeof inst.alpha === 'number' ? inst.alpha : 1;
    let best = 0;
    ALPHAS.forEach((v, k) => { if (Math.abs(v - a) < Math.abs(ALPHAS[best]! - a)) best = k; });
    if (document.activeElement !== alpha) alpha.value = String(best);
    alphaOut.value = String(a);
    const hasBudget = typeof inst.budget === 'number';
    useBudget.checked = hasBudget;
    budget.disabled = !hasBudget;
    alpha.disabled = hasBudget;
    budgetOut.value = hasBudget ? fmt(inst.budget) : '—';
    setBudgetRange();
  };

  alpha.addEventListener('input', () => {
    const a = ALPHAS[Number(alpha.value)]!;
    alphaOut.value = String(a);
    host.setFields({ alpha: a });
  });
  useBudget.addEventListener('change', () => {
    if (useBudget.checked) {
      const b = Math.round(sol?.status === 'optimal' ? sol.resource : Number(budget.max));
      budget.disabled = false;
      budget.value = String(b);
      budgetOut.value = fmt(b);
      host.setFields({ budget: b });
    } else {
      budget.disabled = true;
      budgetOut.value = '—';
      host.setFields({ budget: undefined });
    }
  });
  budget.addEventListener('input', () => {
    budgetOut.value = fmt(Number(budget.value));
    host.setFields({ budget: Number(budget.value) });
  });
  service.addEventListener('change', drawPlan);
  sweepBtn.addEventListener('click', () => {
    sweepBtn.hidden = true;
    const base = { ...inst };
    void runSweep(sweepKey, base);
  });

  const view: View = {
    update(instance, solution) {
      inst = instance;
      sol = solution;
      const sc = inst.scenarios as { name?: string; demand: number[]; weight?: number; maxStep?: number }[];
      let points = 0;
      let keyAcc = 0;
      peakTotal = 0;
      sc.forEach((s, i) => { points += s.demand.length; peakTotal += peakOf(s.demand); keyAcc += sum(s.demand) * (i + 1) + (s.maxStep ?? -1) * 7 + (s.weight ?? 1) * 13; });
      syncControls();
      if (sol.status !== 'optimal') {
        info.textContent = `Infeasible: ${sol.reason} (the least resource any plan needs is ${fmt(sol.minimumResource)})`;
        return;
      }
      // services by saving against peak provisioning
      const names = sol.scenarios.map((s: any) => s.name);
      const savings = sc.map((s, i) => peakOf(s.demand) - sum(sol.scenarios[i].plan));
      const prevOrder = order.join();
      order = sc.map((_, i) => i).sort((a, b) => savings[b]! - savings[a]!);
      if (order.join() !== prevOrder || service.options.length !== sc.length) {
        const keep = service.value;
        service.replaceChildren(...order.map((i) => el('option', { value: String(i), textContent: `${names[i]} — saves ${fmt(savings[i]!)} (${fmt((100 * savings[i]!) / Math.max(1, peakOf(sc[i]!.demand)), 1)}%)` })));
        if (keep && Number(keep) < sc.length) service.value = keep;
      }
      drawPlan();
      const key = `${sc.length}:${points}:${keyAcc}`;
      if (key !== sweepKey) {
        sweepKey = key;
        sweep = null;
        envelope = undefined;
        if (points <= SWEEP_AUTO_MAX) void runSweep(key, { ...inst });
        else sweepBtn.hidden = false;
      }
      drawCurve();
    },
    kpis(instance, solution) {
      if (solution.status !== 'optimal') return [{ label: 'least resource', value: solution.minimumResource }];
      let peak = 0;
      for (const s of instance.scenarios) peak += peakOf(s.demand);
      let ch = 0;
      for (const s of solution.scenarios) ch += changes(s.plan);
      const k: Kpi[] = [
        { label: 'resource', value: solution.resource, better: 'lower', text: `${fmt(solution.resource)} (${fmt((100 * solution.resource) / Math.max(1, peak), 1)}% of peak)` },
        { label: 'peak provisioning', value: peak },
        { label: 'vs envelope', value: envelope ?? NaN, text: envelope === undefined ? '…' : `+${fmt(solution.resource - envelope)} (${fmt((100 * (solution.resource - envelope)) / Math.max(1, envelope), 2)}%)` },
        { label: 'changes', value: ch, better: 'lower' },
        { label: 'variation', value: solution.variation, better: 'lower' },
        { label: 'objective', value: solution.objective, better: 'lower' },
      ];
      return k;
    },
    destroy() {
      plan.destroy();
      curve.destroy();
      container.replaceChildren();
    },
  };
  refreshKpis = () => container.dispatchEvent(new CustomEvent('kpis-changed', { bubbles: true }));
  return view;
};
