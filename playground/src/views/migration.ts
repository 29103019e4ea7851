// Migration: machines used before and after, utilisation per machine before and after
// (the most loaded resource), the rounds as a timeline, the move list.
import { chartBox, lineOpts, bars, INT_INCRS, palette, machineAxis, xTickLabels } from '../charts.js';
import { el, fmt, count, table, energyLine, setEnergy, energySummary, savedKpis, type ViewFactory } from './types.js';

interface Task { name: string; demand: number[]; machine?: string | null }
interface Machine { name: string; capacity: number[]; cost?: number }

/** Utilisation (max over resources of load / capacity) per machine for a task -> machine map. */
function utilisation(machines: Machine[], tasks: Task[], where: (t: Task) => string | null | undefined): number[] {
  const idx = new Map(machines.map((m, i) => [m.name, i]));
  const R = machines[0]?.capacity.length ?? 0;
  const load = machines.map(() => new Float64Array(R));
  for (const t of tasks) {
    const m = where(t);
    const i = m == null ? undefined : idx.get(m);
    if (i === undefined) continue;
    for (let r = 0; r < R; r++) load[i]![r]! += t.demand[r]!;
  }
  return machines.map((m, i) => {
    let u = 0;
    for (let r = 0; r < R; r++) if (m.capacity[r]! > 0) u = Math.max(u, load[i]![r]! / m.capacity[r]!);
    return Math.round(u * 1000) / 10;
  });
}

export const migrationView: ViewFactory = (container) => {
  const info = el('p', { className: 'note' });
  const energy = energyLine();
  container.append(info, energy);
  const util = chartBox(container, 'Utilisation per machine (most loaded resource, %)', 'migration-utilisation');
  const rounds = chartBox(container, 'Rounds: moves per round', 'migration-rounds');
  const moves = el('div');
  container.append(moves);
  const usedBefore = (inst: any) => new Set((inst.tasks as Task[]).map((t) => t.machine).filter((m) => m != null)).size;
  return {
    update(inst, sol) {
      setEnergy(energy, energySummary(sol.energy));
      if (sol.status === 'infeasible') {
        info.textContent = `Infeasible: ${sol.reason}`;
        info.classList.add('infeasible');
        info.dataset.testid = 'infeasible';
        util.el.hidden = rounds.el.hidden = true;
        moves.replaceChildren();
        return;
      }
      util.el.hidden = false;
      const assignment = new Map<string, string>(Object.entries(sol.assignment as Record<string, string>));
      info.classList.remove('infeasible');
      delete info.dataset.testid;
      info.textContent = `${count(usedBefore(inst), 'machine')} used before → ${fmt(sol.machinesUsed)} after, ${count(sol.moves, 'move')} in ${count(sol.rounds.length, 'round')}; target ${sol.targetMethod}${sol.targetReached ? '' : ' (not reached)'}${sol.targetNote ? ` · ${sol.targetNote}` : ''}`;
      const machines = inst.machines as Machine[];
      const before = utilisation(machines, inst.tasks, (t) => t.machine);
      const after = utilisation(machines, inst.tasks, (t) => assignment.get(t.name));
      const c = palette();
      const x = machines.map((_, i) => i);
      const o = lineOpts('machine', '%', [
        { label: 'before', fill: c[0], stroke: c[0], width: 0, points: { show: false }, paths: bars(0.45, -1) },
        { label: 'after', fill: c[1], stroke: c[1], width: 0, points: { show: false }, paths: bars(0.45, 1) },
      ]);
      // machine names legible in any width (level, or turned and thinned; they ran into each other)
      const extra = machineAxis(o, machines.map((m) => m.name), util.el.clientWidth);
      o.scales = { x: { time: false, range: [-0.5, Math.max(0.5, machines.length - 0.5)] }, y: { range: [0, 105] } };
      // the tick labels as drawn, for the page's tests (test/playground.dist.test.ts: none overlap)
      o.hooks = { ...o.hooks, draw: [(u) => { util.el.dataset.xTicks = JSON.stringify(xTickLabels(u)); }] };
      util.set(o, [x, before, after], 220 + extra);
      const r = sol.rounds as { task: string; from: string | null; to: string }[][];
      const ro = lineOpts('round', 'moves', [{ label: 'moves', fill: c[3], stroke: c[3], width: 0, points: { show: false }, paths: bars(0.8) }]);
      ro.axes![0]!.incrs = INT_INCRS;
      ro.scales = { x: { time: false, range: [0.5, Math.max(1.5, r.length + 0.5)] }, y: { range: [0, Math.max(1, ...r.map((m) => m.length)) * 1.1] } };
      // no move: no empty chart or table, a sentence
      rounds.el.hidden = r.length === 0;
      if (r.length === 0) {
        moves.replaceChildren(el('p', { className: 'note', textContent: 'No move: the tasks stay where they are (the target placement is the current one).' }));
        return;
      }
      rounds.set(ro, [r.map((_, i) => i + 1), r.map((m) => m.length)], 160);
      const rows: (string | number)[][] = [['round', 'task', 'from', 'to']];
      r.forEach((round, i) => round.forEach((m) => rows.push([i + 1, m.task, m.from ?? '(new)', m.to])));
      moves.replaceChildren(el('h3', {}, `Moves (${fmt(rows.length - 1)})`), table(rows, 500));
    },
    kpis: (inst, sol) => sol.status === 'infeasible' ? [] : [
      { label: 'machines', value: sol.machinesUsed, better: 'lower', text: `${fmt(usedBefore(inst))} → ${fmt(sol.machinesUsed)}` },
      { label: 'moves', value: sol.moves, better: 'lower' },
      { label: 'rounds', value: sol.rounds.length, better: 'lower' },
      { label: 'cost', value: sol.cost, better: 'lower' },
      { label: 'objective', value: sol.objective, better: 'lower' },
      ...savedKpis(energySummary(sol.energy), 'before'),
    ],
    destroy: () => { util.destroy(); rounds.destroy(); container.replaceChildren(); },
  };
};
