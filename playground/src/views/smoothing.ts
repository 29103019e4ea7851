// Smoothing: demand against plan for the chosen service (services listed by saving), KPIs
// (reserved resource against peak provisioning and the envelope, changes, objective),
// sliders for alpha and budget that re-solve as they move (debounced by the page; stale
// results are dropped there), and the trade-off curve (resource against variation over a
// sweep of alpha, solved in a side worker) with the current point marked. The axes are in
// the units the instance's energy block states (step length, cores/pods/servers), else
// neutral (smoothingAxes in smoothing-model.ts).
import { chartBox, lineOpts, stepped, palette } from '../charts.js';
import { smoothingSummary, smoothingSeries, type SmoothingSummary } from './smoothing-model.js';
import { el, fmt, count, energyLine, setEnergy, savedKpis, type Kpi, type View, type ViewExtra, type ViewFactory } from './types.js';

const ALPHAS = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 1.5, 2, 3, 5, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1000];
const SWEEP = [0, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 1024];
/** The service menu lists the services saving most (a menu of thousands costs a long layout);
 * the search box finds any of them by name. */
const TOP_SERVICES = 50;
/** Above this many demand points the sweep waits for a click (it solves the instance 13 times). */
const SWEEP_AUTO_MAX = 300_000;

export const smoothingView: ViewFactory = (container, host) => {
  const controls = el('div', { className: 'controls' });
  const service = el('select', { ariaLabel: 'Service' });
  service.style.width = '24em'; // a fixed width: no measuring of a thousand options
  const alpha = el('input', { type: 'range', min: '0', max: String(ALPHAS.length - 1), step: '1', ariaLabel: 'alpha' });
  const alphaOut = el('output');
  const useBudget = el('input', { type: 'checkbox', ariaLabel: 'use a budget' });
  const budget = el('input', { type: 'range', min: '0', max: '1000', step: '1', ariaLabel: 'budget', disabled: true });
  const budgetOut = el('output');
  const find = el('input', { type: 'search', placeholder: 'find a service…', ariaLabel: 'Find a service by name' });
  const names = el('datalist', { id: `services-${Math.random().toString(36).slice(2)}` });
  find.setAttribute('list', names.id);
  const serviceLabel = el('label', {}, 'Service ', service);
  controls.append(
    serviceLabel,
    find, names,
    el('label', {}, 'α ', alpha, alphaOut),
    el('label', {}, useBudget, 'budget ', budget, budgetOut),
  );
  const info = el('p', { className: 'note' });
  const energy = energyLine();
  container.append(controls, info, energy);
  const plan = chartBox(container, 'Demand and plan', 'smoothing-plan');
  const curve = chartBox(container, 'Trade-off: resource against variation (sweep of α)', 'smoothing-tradeoff');
  curve.el.dataset.testid = 'smoothing-tradeoff';
  const sweepBtn = el('button', { textContent: 'Compute the trade-off curve (solves the instance 13 times)' });
  sweepBtn.hidden = true;
  curve.el.append(sweepBtn);

  let sum: SmoothingSummary | undefined;
  let series: (i: number) => Promise<{ demand: ArrayLike<number>; plan: ArrayLike<number> }> = async () => ({ demand: [], plan: [] });
  let order: number[] = [];
  let sweepKey = '';
  let sweep: { alpha: number; resource: number; variation: number }[] | null = null;
  let envelope: number | undefined;
  let chartAxes = ''; // the plan chart's axis labels, '' before it is made
  let curveAxes = '';
  let drawSeq = 0;
  let listed = ''; // the names in the search box's list

  const drawPlan = async () => {
    if (!sum || sum.status !== 'optimal') return;
    const my = ++drawSeq;
    const i = Number(service.value || order[0] || 0);
    const { demand, plan: p } = await series(i);
    if (my !== drawSeq) return;
    const ax = sum.axes;
    const x = Array.from({ length: demand.length }, (_, t) => t * ax.timeScale);
    const data: [number[], number[], number[]] = [x, Array.from(demand), Array.from(p)];
    if (chartAxes !== `${ax.time}|${ax.level}`) {
      // made anew when the instance's units change (the axes' labels are set when a chart is made)
      chartAxes = `${ax.time}|${ax.level}`;
      const c = palette();
      plan.set(lineOpts(ax.time, ax.level, [
        { label: 'demand', stroke: c[0], width: 1.5 },
        { label: 'plan', stroke: c[2], width: 2, paths: stepped() },
      ]), data);
    } else plan.setData(data);
    let tot = 0;
    let ch = 0;
    for (let t = 0; t < p.length; t++) { tot += p[t]!; if (t && p[t] !== p[t - 1]) ch++; }
    info.textContent = `${sum.names[i]}: plan ${fmt(tot)} vs peak ${fmt(sum.peaks[i]!)} (${count(ch, 'change')})`;
  };

  const drawCurve = () => {
    curve.el.dataset.points = String(sweep?.length ?? 0);
    if (!sweep) {
      // no sweep of this instance yet: an earlier instance's curve must not stand in for it,
      // nor its axes' ranges (emptied data kept them): no chart until this instance's curve
      if (curveAxes) curve.clear();
      curveAxes = '';
      return;
    }
    if (!sum) return;
    const ax = sum.axes;
    const pts = [...sweep].sort((a, b) => a.variation - b.variation);
    const cur = sum?.status === 'optimal' ? { x: sum.variation, y: sum.resource } : null;
    const xs = [...new Set([...pts.map((p) => p.variation), ...(cur ? [cur.x] : [])])].sort((a, b) => a - b);
    const yCurve = xs.map((x) => { const r = pts.find((p) => p.variation === x)?.resource; return r === undefined ? null : r * ax.totalScale; });
    const yCur = xs.map((x) => (cur && x === cur.x ? cur.y * ax.totalScale : null));
    const data = [xs, yCurve, yCur] as any;
    if (curveAxes !== `${ax.variation}|${ax.total}`) {
      curveAxes = `${ax.variation}|${ax.total}`;
      const c = palette();
      curve.set(lineOpts(ax.variation, ax.total, [
        { label: 'sweep of α', stroke: c[0], width: 1.5, spanGaps: true, points: { show: true, size: 5 } },
        { label: 'current', stroke: c[2], width: 0, points: { show: true, size: 11, fill: c[2] } },
      ]), data, 220);
    } else curve.setData(data);
  };

  const runSweep = async (key: string) => {
    const out: { alpha: number; resource: number; variation: number }[] = [];
    for (const a of SWEEP) {
      if (key !== sweepKey) return;
      let s: Record<string, number>;
      try {
        s = await host.solveVariant({ alpha: a, budget: undefined });
      } catch (e) {
        if (key !== sweepKey) return; // the instance changed (or the view closed) meanwhile: the variant may not be smoothing
        sweepBtn.hidden = false;
        sweepBtn.textContent = `The trade-off sweep failed (${(e as Error).message ?? e}): try again`;
        return;
      }
      if (key !== sweepKey) return; // the instance changed meanwhile
      out.push({ alpha: a, resource: s.resource!, variation: s.variation! });
    }
    sweep = out;
    envelope = out[0]!.resource;
    setBudgetRange();
    drawCurve();
    container.dispatchEvent(new CustomEvent('kpis-changed', { bubbles: true }));
  };

  const setBudgetRange = () => {
    const lo = envelope ?? (sum?.status === 'optimal' ? sum.resource : 0);
    budget.min = String(Math.floor(lo));
    budget.max = String(Math.max(Math.ceil(sum?.peakTotal ?? 0), Math.floor(lo) + 1));
    if (sum?.budget !== undefined) budget.value = String(sum.budget);
  };

  const syncControls = () => {
    const a = sum!.alpha ?? 1;
    let best = 0;
    ALPHAS.forEach((v, k) => { if (Math.abs(v - a) < Math.abs(ALPHAS[best]! - a)) best = k; });
    if (document.activeElement !== alpha) alpha.value = String(best);
    alphaOut.value = String(a);
    const hasBudget = sum!.budget !== undefined;
    useBudget.checked = hasBudget;
    budget.disabled = !hasBudget;
    alpha.disabled = hasBudget;
    budgetOut.value = hasBudget ? fmt(sum!.budget!) : '—';
    setBudgetRange();
  };

  alpha.addEventListener('input', () => {
    const a = ALPHAS[Number(alpha.value)]!;
    alphaOut.value = String(a);
    host.setFields({ alpha: a });
  });
  useBudget.addEventListener('change', () => {
    if (useBudget.checked) {
      const b = Math.round(sum?.status === 'optimal' ? sum.resource : Number(budget.max));
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
  service.addEventListener('change', () => void drawPlan());
  find.addEventListener('change', () => {
    const i = sum?.names.indexOf(find.value.trim()) ?? -1;
    if (i < 0) return;
    if (![...service.options].some((o) => o.value === String(i))) {
      service.append(el('option', { value: String(i), textContent: optionText(sum!, i) }));
    }
    service.value = String(i);
    void drawPlan();
  });
  // the side worker was restarted (Cancel): a pending sweep never ends, so redo it next time
  container.addEventListener('aux-restarted', () => { if (!sweep) sweepKey = ''; });
  sweepBtn.addEventListener('click', () => {
    sweepBtn.hidden = true;
    void runSweep(sweepKey);
  });

  /** A service's menu entry: its name and what its plan saves against peak provisioning. */
  const optionText = (s: SmoothingSummary, i: number) => `${s.names[i]} — saves ${fmt(s.savings[i]!)} (${fmt((100 * s.savings[i]!) / Math.max(1, s.peaks[i]!), 1)}%)`;

  const summaryOf = (instance: any, solution: any, extra: ViewExtra) => extra.smoothing?.summary ?? smoothingSummary(instance, solution);

  const view: View = {
    update(instance, solution, extra) {
      // the service on show, by name: kept across re-solves of the instance, not carried by
      // its index into another instance (where it is another service, or none)
      const shown = service.value === '' ? undefined : sum?.names[Number(service.value)];
      sum = summaryOf(instance, solution, extra);
      series = extra.smoothing?.series ?? (async (i) => smoothingSeries(instance, solution, i));
      syncControls();
      setEnergy(energy, sum.energy);
      // an infeasible instance has no plan: hide what belongs to an earlier solution (its
      // service menu, plan and trade-off curve), and say why, in the warning colour
      const infeasible = sum.status !== 'optimal';
      info.classList.toggle('infeasible', infeasible);
      if (infeasible) info.dataset.testid = 'infeasible'; else delete info.dataset.testid;
      for (const e of [plan.el, curve.el, serviceLabel, find]) e.hidden = infeasible;
      if (infeasible) {
        drawSeq++; // a plan still being fetched is not drawn
        order = [];
        service.replaceChildren();
        sweepKey = ''; // a sweep still running stops; a feasible instance starts its own
        sweep = null;
        envelope = undefined;
        // the solver's reason names the least resource already (and the KPI card shows it): said
        // once, added only to a reason that does not state it
        const least = sum.minimumResource;
        const said = least === undefined || (sum.reason ?? '').includes(String(least));
        info.textContent = `Infeasible: ${sum.reason}${said ? '' : ` (the least resource any plan needs is ${fmt(least)})`}`;
        return;
      }
      const s = sum;
      order = s.names.map((_, i) => i).sort((a, b) => s.savings[b]! - s.savings[a]!);
      // rebuilt on every solution: the savings in the entries are this plan's
      const top = order.slice(0, TOP_SERVICES);
      service.replaceChildren(...top.map((i) => el('option', { value: String(i), textContent: optionText(s, i) })));
      const keep = shown === undefined ? -1 : s.names.indexOf(shown);
      if (keep >= 0) {
        if (!top.includes(keep)) service.append(el('option', { value: String(keep), textContent: optionText(s, keep) }));
        service.value = String(keep);
      }
      const nameKey = s.names.join('\u0000');
      if (nameKey !== listed) {
        listed = nameKey;
        names.replaceChildren(...s.names.map((n) => el('option', { value: n })));
      }
      void drawPlan();
      if (s.key !== sweepKey) {
        sweepKey = s.key;
        sweep = null;
        envelope = undefined;
        sweepBtn.textContent = 'Compute the trade-off curve (solves the instance 13 times)';
        sweepBtn.hidden = s.points <= SWEEP_AUTO_MAX;
        if (s.points <= SWEEP_AUTO_MAX) void runSweep(s.key);
      }
      drawCurve();
    },
    kpis(instance, solution, extra) {
      const s = summaryOf(instance, solution, extra);
      if (s.status !== 'optimal') return [{ label: 'least resource', value: s.minimumResource ?? NaN }];
      const k: Kpi[] = [
        { label: 'resource', value: s.resource, better: 'lower', text: `${fmt(s.resource)} (${fmt((100 * s.resource) / Math.max(1, s.peakTotal), 1)}% of peak)` },
        { label: 'peak provisioning', value: s.peakTotal },
        // the envelope is the curve's α = 0 point: '…' while the curve is computed; a large
        // instance computes it only on request, so the figure says where it comes from (it
        // showed '…' for ever, as if loading)
        { label: 'vs envelope', value: envelope === undefined ? NaN : s.resource - envelope, text: envelope === undefined ? (sweepBtn.hidden ? '…' : 'with the curve') : `+${fmt(s.resource - envelope)} (${fmt((100 * (s.resource - envelope)) / Math.max(1, envelope), 2)}%)` },
        { label: 'changes', value: s.changes, better: 'lower' },
        { label: 'variation', value: s.variation, better: 'lower' },
        { label: 'objective', value: s.objective, better: 'lower' },
      ];
      k.push(...savedKpis(s.energy, 'peak'));
      return k;
    },
    destroy() {
      sweepKey = ''; // a sweep still running stops at its next step
      plan.destroy();
      curve.destroy();
      container.replaceChildren();
    },
  };
  return view;
};
