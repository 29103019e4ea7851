// The example menu, grouped by the registry's problems (PROBLEMS): every examples/*.json
// (found at build time, so a new problem's example shows up by itself), the bundled real
// data converted in the browser by the package's pure text converters, and for a problem
// without any example a skeleton to start from.
import { PROBLEMS, problemOf } from 'greenplan';
import { parseBundledApps, appDemand } from 'greenplan/data/tianchi-text.js';
import { convertTianchiText } from 'greenplan/data/tianchi-deploy-text.js';
import { roadefToMigration } from 'greenplan/data/roadef-text.js';
import { pretty } from './pretty.js';

export interface Example {
  id: string;
  label: string;
  problem: string;
  /** the instance text (pretty JSON) */
  load(): Promise<string>;
}

const files = import.meta.glob('../../examples/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

async function tianchiScenarios() {
  const csv = (await import('../../data/tianchi-apps.csv?raw')).default;
  return parseBundledApps(csv).map((a) => ({ name: a.app, demand: appDemand(a) }));
}

export const TIANCHI_DEFAULT = 'tianchi-60';

const bundled: Example[] = [
  {
    id: TIANCHI_DEFAULT, problem: 'smoothing', label: 'Tianchi 2018: 60 apps, one day (α = 4)',
    load: async () => pretty({ problem: 'smoothing', alpha: 4, scenarios: await tianchiScenarios() }),
  },
  {
    id: 'tianchi-60-budget', problem: 'smoothing', label: 'Tianchi 2018: 60 apps, budget = tightest + 2%',
    load: async () => {
      const scenarios = await tianchiScenarios();
      // without maxStep the tightest plan is the demand rounded up, step by step
      const tightest = scenarios.reduce((s, sc) => s + sc.demand.reduce((a, d) => a + Math.ceil(d), 0), 0);
      return pretty({ problem: 'smoothing', budget: Math.round(tightest * 1.02), scenarios });
    },
  },
  {
    id: 'tianchi-deployment', problem: 'deployment', label: 'Tianchi 2018 excerpt: deploy the unplaced apps',
    load: async () => {
      const [apps, machines, deploy] = await Promise.all([
        import('../../test/fixtures/tianchi-excerpt/app_resources.csv?raw'),
        import('../../test/fixtures/tianchi-excerpt/machine_resources.csv?raw'),
        import('../../test/fixtures/tianchi-excerpt/instance_deploy.csv?raw'),
      ]);
      return pretty(convertTianchiText({ apps: apps.default, machines: machines.default, deploy: deploy.default }));
    },
  },
  {
    id: 'roadef-a1_1', problem: 'migration', label: 'ROADEF/EURO 2012 a1_1 (machine reassignment)',
    load: async () => {
      const [model, assignment] = await Promise.all([
        import('../../data/roadef2012/model_a1_1.txt?raw'),
        import('../../data/roadef2012/assignment_a1_1.txt?raw'),
      ]);
      return pretty(roadefToMigration(model.default, assignment.default, { name: 'a1_1' }));
    },
  },
];

function fromFiles(): Example[] {
  const out: Example[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    let problem = '';
    try { problem = String(JSON.parse(text).problem ?? ''); } catch { continue; }
    const file = path.slice(path.lastIndexOf('/') + 1);
    out.push({ id: `examples/${file}`, label: `examples/${file}`, problem, load: async () => text });
  }
  return out;
}

/** All examples, in registry order; problems without one get a skeleton. */
export function examples(): Example[] {
  const all = [...fromFiles(), ...bundled];
  const out: Example[] = [];
  for (const p of PROBLEMS) {
    const mine = all.filter((e) => e.problem === p);
    if (mine.length) out.push(...mine);
    else out.push({ id: `skeleton-${p}`, problem: p, label: `new ${p} instance (skeleton)`, load: async () => pretty({ problem: p }) });
  }
  out.push(...all.filter((e) => !(PROBLEMS as readonly string[]).includes(e.problem)));
  return out;
}

/** Fill a <select> with the examples, one <optgroup> per problem (its registry title). */
export function fillMenu(select: HTMLSelectElement, list: Example[]): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  select.replaceChildren(new Option('— choose an example —', ''));
  for (const e of list) {
    let g = groups.get(e.problem);
    if (!g) {
      g = document.createElement('optgroup');
      const def = problemOf(e.problem);
      g.label = def?.title ? `${e.problem}: ${def.title}` : e.problem;
      groups.set(e.problem, g);
      select.append(g);
    }
    g.append(new Option(e.label, e.id));
  }
}
