// Autoscaling (issue 13): per service, the workload's history with its forecast band (the
// 90 % interval and the quantile the plan uses), the pod plans (saving, plan, safe, and the
// plan before smoothing) and the per-pod capacity it rests on; with `evaluate`, every
// replayed policy's pods on the held-out steps (hpa, autopilot, static, forecast-*,
// oracle) and the per-policy table: pod-hours, RRC, under-provisioned share, actions, kWh,
// kg CO2 and the kWh / CO2 saved against static. The `risk` control re-solves (debounced
// by the page, whose sequence number drops the result of an older request).
import { chartBox, lineOpts, stepped, bars, palette, css, fontPx, textWidth, xTickLabels, type ChartBox } from '../charts.js';
import { el, fmt, count, table, type Kpi, type View, type ViewFactory } from './types.js';
import { historyWindow, mix, timeAxis } from './series-chart.js';

/**
 * The x axis of the saved-energy bars: every policy named under its bars in any width, level
 * when the names fit, else turned by 45°, else upright (90°: a name then needs one text
 * height of room, so ten policies fit at 390 px; a fixed 30° turn with one tick per policy
 * left uPlot no tick at all there). Returns the axis's height (the chart grows by it).
 */
function policyAxis(opts: ReturnType<typeof lineOpts>, names: string[], width: number): number {
  let widest = 0;
  let height = 12;
  const need = () => ({ level: Math.ceil(widest) + 12, turned: Math.ceil(height * Math.SQRT2) + 6, upright: Math.ceil(height) + 4 });
  const axis = opts.axes![0]!;
  axis.values = (_u, ticks) => ticks.map((t) => names[t] ?? '');
  axis.incrs = [1, 2, 5, 10];
  axis.space = (u, _i, _min, _max, plotDim) => {
    widest = Math.max(0, ...names.map((l) => textWidth(u, 0, l)));
    height = fontPx(u, 0);
    const n = need();
    const per = plotDim / (names.length + 0.2); // px per policy: the x range is [-0.6, n - 0.4]
    return n.level <= per ? n.level : n.turned <= per ? n.turned : n.upright;
  };
  axis.rotate = (_u, _values, _i, found) => { const n = need(); return found >= n.level ? 0 : found >= n.turned ? -45 : -90; };
  axis.size = (u) => {
    const r = (u.axes[0] as unknown as { _rotate?: number })._rotate ?? 0;
    return r === 0 ? 50 : r === -90 ? Math.ceil(widest) + 18 : Math.ceil((widest + height) * Math.SQRT1_2) + 18;
  };
  // the axis's height, estimated before drawing (~7 px a character of the 12 px axis font; the
  // plot beside two value axes of 64 and 56 px)
  const est = 7 * Math.max(0, ...names.map((l) => l.length)) + 12;
  const plot = width - 140;
  const per = plot / (names.length + 0.2);
  return est + 12 <= per ? 50 : 23 <= per ? Math.ceil((est + 12) * Math.SQRT1_2) + 18 : est + 18;
}

/** The named risks of the contract (issue 13). */
export const RISKS = [['saving', 0.5], ['balanced', 0.8], ['safe', 0.95]] as const;
const riskName = (q: number) => RISKS.find(([, v]) => Math.abs(v - q) < 1e-9)?.[0];
/** The replayed forecast policy of a plan at risk q (only the named risks are replayed). */
export const policyOfRisk = (q: number) => { const n = riskName(q); return n ? `forecast-${n}` : undefined; };
/** A risk as written into the instance: the name for the named quantiles, else the number. */
const riskField = (q: number) => riskName(q) ?? q;

interface PolicyRow { policy: string; podHours: number; rrc: number | null; underProvisioned: number; underProvisionedSteps: number; actions: number; kWh: number; kgCO2: number; overOracle: number }

const pct = (x: number, d = 1) => (Number.isFinite(x) ? `${fmt(100 * x, d)}%` : '—');

/** kWh and kg CO2 a policy saves against `static` in the replay (positive: saves), and the share of static's. */
export function savedVsStatic(policies: readonly PolicyRow[], policy: string): { kWh: number; kgCO2: number; share: number } | undefined {
  const st = policies.find((p) => p.policy === 'static');
  const p = policies.find((x) => x.policy === policy);
  if (!st || !p) return undefined;
  return { kWh: st.kWh - p.kWh, kgCO2: st.kgCO2 - p.kgCO2, share: st.kWh > 0 ? (st.kWh - p.kWh) / st.kWh : NaN };
}

export const autoscalingView: ViewFactory = (container, host) => {
  const controls = el('div', { className: 'controls' });
  const pick = el('select', { ariaLabel: 'Service' });
  pick.dataset.testid = 'autoscaling-service';
  pick.style.width = '24em';
  const preset = el('select', { ariaLabel: 'Risk preset' });
  for (const [n, q] of RISKS) preset.append(new Option(`${n} (q = ${q})`, String(q)));
  preset.append(new Option('custom', ''));
  const risk = el('input', { type: 'range', min: '0.5', max: '0.99', step: '0.01', ariaLabel: 'risk (quantile q of the plan)' });
  risk.dataset.testid = 'autoscaling-risk';
  const riskOut = el('output');
  const evaluate = el('input', { type: 'checkbox', ariaLabel: 'replay every policy (evaluate)' });
  evaluate.dataset.testid = 'autoscaling-evaluate';
  controls.append(
    el('label', {}, 'Service ', pick),
    el('label', { title: 'pods = ceil(F_q / c_(1−q)): the forecast\'s q-quantile over the per-pod capacity\'s (1−q)-quantile' }, 'risk ', preset, risk, riskOut),
    el('label', { title: 'Replay every policy on the last horizon steps of the history' }, evaluate, 'replay policies (evaluate)'),
  );
  const info = el('div', { className: 'note fc-info' });
  info.dataset.testid = 'autoscaling-info';
  container.append(controls, info);
  const load: ChartBox = chartBox(container, 'Workload: history, forecast mean, 90 % band and the plan\'s quantile', 'autoscaling-workload');
  const plans: ChartBox = chartBox(container, 'Pods over the plan\'s horizon', 'autoscaling-pods');
  const replay: ChartBox = chartBox(container, 'Replay on the held-out steps: pods per policy (right axis: actual workload; click a legend entry to show or hide a policy)', 'autoscaling-replay');
  replay.el.dataset.testid = 'autoscaling-replay';
  const saved: ChartBox = chartBox(container, 'Replay, all services: energy saved against static, per policy (kWh, left; kg CO2, right)', 'autoscaling-saved');
  saved.el.dataset.testid = 'autoscaling-saved';
  const tableBox = el('div');
  tableBox.dataset.testid = 'autoscaling-policies';
  container.append(tableBox);

  let inst: any;
  let sol: any;

  const syncRisk = (q: number) => {
    if (document.activeElement !== risk) risk.value = String(q);
    riskOut.value = `q = ${fmt(q, 3)}`;
    const n = riskName(q);
    preset.value = n ? String(q) : '';
  };
  const setRisk = (q: number) => {
    syncRisk(q);
    host.setFields({ risk: riskField(q) });
  };
  risk.addEventListener('input', () => setRisk(Number(risk.value)));
  preset.addEventListener('change', () => { if (preset.value) { risk.value = preset.value; setRisk(Number(preset.value)); } });
  evaluate.addEventListener('change', () => host.setFields({ evaluate: evaluate.checked ? true : undefined }));
  pick.addEventListener('change', () => drawService());

  const drawService = () => {
    const i = Number(pick.value || 0);
    const s = sol.services[i];
    if (!s) return;
    const hist = (inst.services[i]?.workload ?? []) as (number | null)[];
    const step = Number(sol.step ?? 300);
    const H = s.pods.plan.length as number;
    const c = palette();
    // 1. workload: history tail, forecast mean, 90 % band, the plan's quantile
    const shown = historyWindow(hist.length, H);
    const x = timeAxis(shown, H, step);
    const nul = (k: number) => new Array(k).fill(null);
    const data = [
      x,
      [...hist.slice(hist.length - shown), ...nul(H)],
      [...nul(shown), ...s.forecast.mean],
      [...nul(shown), ...s.forecast.upper],
      [...nul(shown), ...s.forecast.lower],
      [...nul(shown), ...s.forecast.planQuantile],
    ];
    const o = lineOpts('hours (0 = plan start)', 'workload', [
      { label: 'history', stroke: c[0], width: 1.5 },
      { label: `forecast mean (${s.forecast.method})`, stroke: c[2], width: 2 },
      { label: '95 % quantile', stroke: mix(c[2]!, 0.5), width: 1, dash: [4, 3] },
      { label: '5 % quantile', stroke: mix(c[2]!, 0.5), width: 1, dash: [4, 3] },
      { label: `q = ${fmt(sol.risk, 3)} (plan)`, stroke: c[3], width: 1.5 },
    ]);
    o.bands = [{ series: [3, 4], fill: mix(c[2]!, 0.18) }];
    load.set(o, data as any, 240);
    // 2. the pod plans over the horizon
    const hx = Array.from({ length: H }, (_, t) => (t * step) / 3600);
    const po = lineOpts('hours (0 = plan start)', 'pods', [
      { label: 'saving (q = 0.5)', stroke: c[1], width: 1.5, paths: stepped(), points: { show: false } },
      { label: `plan (q = ${fmt(sol.risk, 3)}, smoothed)`, stroke: c[3], width: 2.5, paths: stepped(), points: { show: false } },
      { label: 'safe (q = 0.95)', stroke: c[2], width: 1.5, paths: stepped(), points: { show: false } },
      { label: 'plan before smoothing', stroke: css('--muted'), width: 1, dash: [3, 3], paths: stepped(), points: { show: false } },
    ]);
    plans.set(po, [hx, s.pods.saving, s.pods.plan, s.pods.safe, s.pods.unsmoothed], 220);
    // 3. the replay of every policy on the held-out steps
    const ev = sol.evaluation;
    const rs = ev?.services?.[i];
    replay.el.hidden = !rs;
    if (rs) {
      const policies: string[] = ev.policies.map((p: PolicyRow) => p.policy);
      const N = rs.actual.length;
      const rx = Array.from({ length: N }, (_, t) => ((t - N) * step) / 3600);
      const colours = [...c, '#17becf', '#bcbd22', '#e377c2', '#8c564b', '#ff7f0e'];
      // a dozen step lines on one chart read as a tangle: shown at first are the reactive
      // baseline (hpa), static, the plan's own forecast policy and the oracle; the legend shows the others
      const mine = policyOfRisk(sol.risk);
      const first = new Set(['hpa', 'static', 'oracle', mine ?? 'forecast-balanced']);
      const series = policies.map((p, k) => (p === 'oracle'
        ? { label: 'oracle', stroke: css('--fg'), width: 2.5, dash: [6, 3], paths: stepped(), points: { show: false } }
        : { label: p, show: first.has(p), stroke: colours[k % colours.length], width: p === mine ? 2.5 : 1.3, paths: stepped(), points: { show: false } }));
      const ro = lineOpts(`hours (0 = end of history; ${count(N, 'held-out step')})`, 'pods', [
        ...series,
        { label: 'actual workload', stroke: mix(css('--muted') || '#888888', 0.7), width: 1, scale: 'w', points: { show: false } },
      ]);
      ro.axes!.push({ scale: 'w', side: 1, stroke: css('--muted'), grid: { show: false }, size: 70 });
      replay.set(ro, [rx, ...policies.map((p) => rs.pods[p] ?? []), rs.actual] as any, 260);
    }
    const pp = s.perPod;
    info.replaceChildren(
      el('div', {}, el('b', {}, s.name), ` · forecast ${s.forecast.method} · per pod at the target utilisation ${fmt(inst.targetUtilization ?? sol.targetUtilization)}: ${fmt(pp.mean, 1)} (90 %: ${fmt(pp.lower, 1)}–${fmt(pp.upper, 1)}; the plan uses ${fmt(pp.planQuantile, 1)}), from ${pp.source === 'pooled' ? 'the pooled prior' : count(pp.observations, 'observation')}; fitted ${fmt(pp.w, 2)} · u ${pp.b < 0 ? '−' : '+'} ${fmt(Math.abs(pp.b), 2)}`),
      el('div', {}, `plan: ${count(sum(s.pods.plan), 'pod-step')}, peak ${count(Math.max(0, ...s.pods.plan), 'pod')} (saving ${fmt(sum(s.pods.saving))}, safe ${fmt(sum(s.pods.safe))})`),
      ...(s.notes ?? []).map((n: string) => el('div', { className: 'fallback' }, `note: ${n}`)),
    );
  };

  /** Bars: what each replayed policy saves against static (kWh and kg CO2, all services). */
  const drawSaved = () => {
    const ev = sol.evaluation;
    saved.el.hidden = !ev;
    if (!ev) return;
    const rows = (ev.policies as PolicyRow[]).filter((p) => p.policy !== 'static').map((p) => ({ policy: p.policy, ...savedVsStatic(ev.policies, p.policy)! }));
    const names = rows.map((r) => r.policy);
    const kwh = rows.map((r) => r.kWh);
    const co2 = rows.map((r) => r.kgCO2);
    saved.el.dataset.series = JSON.stringify({ policies: names, kWh: kwh, kgCO2: co2 });
    const c = palette();
    const range = (v: number[]): [number, number] => { const lo = Math.min(0, ...v); const hi = Math.max(0, ...v); const pad = 0.08 * Math.max(1e-9, hi - lo); return [lo < 0 ? lo - pad : 0, hi + pad]; };
    const o = lineOpts('policy', 'kWh saved vs static', [
      { label: 'kWh saved vs static', fill: c[1], stroke: c[1], width: 0, points: { show: false }, paths: bars(0.38, -1), fillTo: 0 },
      { label: 'kg CO2 saved vs static', scale: 'co2', fill: mix(c[0]!, 0.75), stroke: c[0], width: 0, points: { show: false }, paths: bars(0.38, 1), fillTo: 0 },
    ]);
    const extra = policyAxis(o, names, saved.el.clientWidth);
    o.axes![1]!.size = 64; // narrower value axes than the other charts' (80): room for ten policies at 390 px
    o.axes!.push({ scale: 'co2', side: 1, label: 'kg CO2 saved', stroke: css('--muted'), grid: { show: false }, size: 56 });
    o.scales = { x: { time: false, range: [-0.6, Math.max(0.6, names.length - 0.4)] }, y: { range: range(kwh) }, co2: { range: range(co2) } };
    o.legend = { live: false };
    // the tick labels as drawn, for the page's tests (test/playground.dist.test.ts: every policy named, none overlap)
    o.hooks = { ...o.hooks, draw: [(u) => { saved.el.dataset.xTicks = JSON.stringify(xTickLabels(u)); }] };
    saved.set(o, [names.map((_, i) => i), kwh, co2] as any, 210 + extra);
  };

  const drawTable = () => {
    const ev = sol.evaluation;
    const T = sol.totals;
    const head = el('p', {}, `Plan at q = ${fmt(sol.risk, 3)}, all services: ${fmt(T.podHours, 1)} pod-hours, ${fmt(T.serverHours, 1)} server-hours, ${fmt(T.kWh, 2)} kWh, ${fmt(T.kgCO2, 2)} kg CO2 (${fmt(sol.energy.kgCO2PerKWh, 4)} kg/kWh, PUE ${fmt(sol.energy.pue, 2)}).`);
    if (!ev) {
      tableBox.replaceChildren(head, el('p', { className: 'note' }, 'Tick "replay policies" to replay hpa, autopilot, static, the forecast plans and the oracle on the last horizon steps of the history.'));
      return;
    }
    const mine = policyOfRisk(sol.risk);
    const rows: (string | number)[][] = [['policy', 'pod-hours', 'RRC', 'vs oracle', 'under-prov.', 'actions', 'kWh', 'kg CO2', 'kWh saved vs static', 'CO2 saved vs static']];
    let cur = -1;
    ev.policies.forEach((p: PolicyRow, k: number) => {
      const sv = savedVsStatic(ev.policies, p.policy)!;
      if (p.policy === mine) cur = k;
      rows.push([p.policy, fmt(p.podHours, 1), p.rrc === null ? '—' : fmt(p.rrc, 3), p.policy === 'oracle' ? '—' : `${p.overOracle >= 0 ? '+' : ''}${pct(p.overOracle)}`,
        `${pct(p.underProvisioned)} (${fmt(p.underProvisionedSteps)})`, p.actions, fmt(p.kWh, 2), fmt(p.kgCO2, 2),
        p.policy === 'static' ? '—' : `${fmt(sv.kWh, 2)} (${pct(sv.share)})`, p.policy === 'static' ? '—' : `${fmt(sv.kgCO2, 2)} kg`]);
    });
    tableBox.replaceChildren(head,
      el('h3', {}, `Replay on the ${count(ev.heldOutSteps, 'held-out step')} (RRC = pod-hours / hpa's; under-provisioned: realised utilisation above ${fmt(inst.maxUtilization ?? 0.9)})`),
      table(rows, 50, cur));
  };

  const view: View = {
    update(instance, solution) {
      const keep = sol && pick.value !== '' ? sol.services[Number(pick.value)]?.name : undefined;
      inst = instance;
      sol = solution;
      syncRisk(sol.risk);
      evaluate.checked = Boolean(inst.evaluate);
      // services by the plan's pod-hours, largest first
      const size = sol.services.map((s: any) => sum(s.pods.plan));
      const order = sol.services.map((_: unknown, i: number) => i).sort((a: number, b: number) => size[b] - size[a]);
      pick.replaceChildren(...order.map((i: number) => new Option(`${sol.services[i].name} — ${count(size[i], 'pod-step')}, peak ${fmt(Math.max(0, ...sol.services[i].pods.plan))}`, String(i))));
      const k = keep === undefined ? -1 : sol.services.findIndex((s: any) => s.name === keep);
      pick.value = String(k >= 0 ? k : order[0] ?? 0);
      drawService();
      drawSaved();
      drawTable();
    },
    kpis(_instance, solution) {
      const T = solution.totals;
      const k: Kpi[] = [
        { label: 'risk q', value: solution.risk, text: fmt(solution.risk, 3) },
        { label: 'pod-hours', value: T.podHours, better: 'lower', text: fmt(T.podHours, 1) },
        { label: 'server-hours', value: T.serverHours, better: 'lower', text: fmt(T.serverHours, 1) },
        { label: 'kWh', value: T.kWh, better: 'lower', text: fmt(T.kWh, 2) },
        { label: 'kg CO2', value: T.kgCO2, better: 'lower', text: fmt(T.kgCO2, 2) },
      ];
      const ev = solution.evaluation;
      const mine = policyOfRisk(solution.risk);
      const p = ev?.policies.find((x: PolicyRow) => x.policy === mine);
      if (p) {
        const sv = savedVsStatic(ev.policies, mine!)!;
        k.push(
          { label: 'replay RRC', value: p.rrc ?? NaN, better: 'lower', text: `${p.rrc === null ? '—' : fmt(p.rrc, 3)} (${mine})` },
          { label: 'replay under-provisioned', value: 100 * p.underProvisioned, better: 'lower', text: pct(p.underProvisioned) },
          { label: 'replay kWh saved vs static', value: sv.kWh, better: 'higher', text: `${fmt(sv.kWh, 2)} (${pct(sv.share)})` },
          { label: 'replay kg CO2 saved vs static', value: sv.kgCO2, better: 'higher', text: fmt(sv.kgCO2, 2) },
        );
      }
      return k;
    },
    destroy() {
      load.destroy();
      plans.destroy();
      replay.destroy();
      saved.destroy();
      container.replaceChildren();
    },
  };
  return view;
};

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
