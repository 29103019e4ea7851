// The example menu, grouped by the registry's problems (PROBLEMS): every examples/*.json
// (found at build time, so a new problem's example shows up by itself), the bundled real
// data converted in the browser by the package's pure text converters, and for a problem
// without any example a skeleton to start from.
import { PROBLEMS, problemOf } from 'greenplan';
import { parseBundledApps, appDemand } from 'greenplan/data/tianchi-text.js';
import { convertTianchiText } from 'greenplan/data/tianchi-deploy-text.js';
import { roadefToMigration } from 'greenplan/data/roadef-text.js';
import { parseSeriesCsv } from 'greenplan/data/series-csv.js';
import { mulberry32 } from '../../dist/core/rng.js';
import { pretty, readable } from './pretty.js';

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
/** The Tianchi curves' step (98 points a day) and machines (92 cores): energy per day on them (docs/energy.md). */
const TIANCHI_ENERGY = { step: 881.63, serverCores: 92 };

/** A bundled NAB excerpt (data/nab/, MIT licence) as a regular series. */
async function nabSeries(file: 'nyc_taxi' | 'elb_request_count_8c0756' | 'ec2_cpu_utilization_825cc2', name: string) {
  const csv = {
    nyc_taxi: () => import('../../data/nab/nyc_taxi.csv?raw'),
    elb_request_count_8c0756: () => import('../../data/nab/elb_request_count_8c0756.csv?raw'),
    ec2_cpu_utilization_825cc2: () => import('../../data/nab/ec2_cpu_utilization_825cc2.csv?raw'),
  }[file];
  const [s] = parseSeriesCsv((await csv()).default, { name });
  return s!;
}

/**
 * Per-pod observations generated from a linear relation with Gaussian noise, seeded (NAB has
 * no per-pod data; the autoscaling bench does the same where no real pairs exist): about
 * `pods` pods carry the mean workload at the target utilisation 0.6.
 */
function generatedObservations(values: readonly (number | null)[], seed: number, pods = 20, n = 24) {
  const r = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const obs = values.filter((v): v is number => v !== null);
  const mean = obs.reduce((a, b) => a + b, 0) / Math.max(1, obs.length);
  const cap = Math.max(1e-6, mean) / pods;
  const u0 = 0.05;
  const w = cap / (0.6 - u0);
  return Array.from({ length: n }, () => {
    const u = 0.15 + 0.7 * r();
    return { utilization: Math.round(u * 1000) / 1000, workloadPerPod: Math.round(Math.max(0, w * (u - u0) + 0.05 * cap * gauss()) * 100) / 100 };
  });
}

const bundled: Example[] = [
  {
    id: 'nab-taxi-forecast', problem: 'forecast', label: 'NAB nyc_taxi: three weeks at 30 min → one day, auto',
    load: async () => {
      const s = await nabSeries('nyc_taxi', 'nyc_taxi');
      return pretty({ problem: 'forecast', step: s.step, horizon: Math.round(86400 / s.step), levels: [0.8, 0.95], method: 'auto', series: [{ name: s.name, values: s.values }] });
    },
  },
  {
    id: 'nab-aws-forecast', problem: 'forecast', label: 'NAB AWS: ELB requests and EC2 CPU at 5 min → one day, auto',
    load: async () => {
      const [elb, ec2] = await Promise.all([nabSeries('elb_request_count_8c0756', 'elb-requests'), nabSeries('ec2_cpu_utilization_825cc2', 'ec2-cpu')]);
      return pretty({ problem: 'forecast', step: 300, horizon: 288, levels: [0.8, 0.95], method: 'auto', series: [elb, ec2].map((s) => ({ name: s.name, values: s.values })) });
    },
  },
  {
    id: 'nab-elb-autoscaling', problem: 'autoscaling', label: 'NAB ELB requests: a week at 5 min → one-day plan, every policy replayed (per-pod data generated, seeded)',
    load: async () => {
      const s = await nabSeries('elb_request_count_8c0756', 'elb-requests');
      return pretty({
        problem: 'autoscaling', step: 300, horizon: 288, targetUtilization: 0.6, risk: 'balanced',
        services: [{ name: s.name, workload: s.values, observations: generatedObservations(s.values, 13), minPods: 2, maxPods: 400 }],
        evaluate: true,
      });
    },
  },
  {
    id: TIANCHI_DEFAULT, problem: 'smoothing', label: 'Tianchi 2018: 60 apps, one day (α = 4)',
    load: async () => pretty({ problem: 'smoothing', alpha: 4, scenarios: await tianchiScenarios(), energy: TIANCHI_ENERGY }),
  },
  {
    id: 'tianchi-60-budget', problem: 'smoothing', label: 'Tianchi 2018: 60 apps, budget = tightest + 2%',
    load: async () => {
      const scenarios = await tianchiScenarios();
      // without maxStep the tightest plan is the demand rounded up, step by step
      const tightest = scenarios.reduce((s, sc) => s + sc.demand.reduce((a, d) => a + Math.ceil(d), 0), 0);
      return pretty({ problem: 'smoothing', budget: Math.round(tightest * 1.02), scenarios, energy: TIANCHI_ENERGY });
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
    out.push({ id: `examples/${file}`, label: `examples/${file}`, problem, load: async () => readable(text) });
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
