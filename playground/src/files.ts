// "Open file": an instance JSON, or the inputs of the converters, converted in the browser
// by the package's pure text converters (the same code as `greenplan convert`):
// - a demand CSV (one column per service, or `timestamp,value`) -> smoothing;
// - the bundled Tianchi excerpt format (`app,instances,cpu`) -> smoothing;
// - the Tianchi triple (app_resources, machine_resources, instance_deploy) -> deployment;
// - the ROADEF/EURO 2012 model + assignment -> migration.
import { demandCsvToSmoothing } from 'greenplan/data/demand-csv.js';
import { parseBundledApps, appDemand } from 'greenplan/data/tianchi-text.js';
import { convertTianchiText } from 'greenplan/data/tianchi-deploy-text.js';
import { roadefToMigration } from 'greenplan/data/roadef-text.js';

export interface Opened {
  /** what was read, for the status line */
  label: string;
  /** the instance as JSON text (a file that was JSON already is passed through untouched) */
  text?: string;
  /** or the converted instance itself (large conversions are not stringified up front) */
  instance?: Record<string, unknown>;
}

const base = (name: string) => name.replace(/\.[^.]*$/, '');
const firstLine = (t: string) => t.slice(0, 400).split('\n').find((l) => l.trim() && !l.startsWith('#')) ?? '';

/** Convert the texts of the opened files (pure: runs in the page's data worker). */
export function openTexts(files: { name: string; text: string }[]): Opened {
  if (files.length === 0) throw new Error('no file chosen');
  const texts = files.map((f) => f.text);
  if (files.length === 1) {
    const [f, t] = [files[0]!, texts[0]!];
    if (/^\s*[{[]/.test(t)) return { label: f.name, text: t };
    if (t.startsWith('#') || /^app,instances,cpu/.test(firstLine(t))) {
      const scenarios = parseBundledApps(t).map((a) => ({ name: a.app, demand: appDemand(a) }));
      return { label: `${f.name} (Tianchi apps → smoothing)`, instance: { problem: 'smoothing', alpha: 1, scenarios } };
    }
    return { label: `${f.name} (demand CSV → smoothing)`, instance: demandCsvToSmoothing(t, { name: base(f.name) }) as unknown as Record<string, unknown> };
  }
  if (files.length === 2) {
    // ROADEF: the assignment is the file named so, else the one with fewer tokens
    let [m, a] = [0, 1];
    const isAssign = (i: number) => /assign/i.test(files[i]!.name);
    if (isAssign(0) || (!isAssign(1) && texts[0]!.length < texts[1]!.length)) [m, a] = [1, 0];
    return { label: `${files[m]!.name} + ${files[a]!.name} (ROADEF → migration)`, instance: roadefToMigration(texts[m]!, texts[a]!, { name: files[m]!.name }) as unknown as Record<string, unknown> };
  }
  if (files.length === 3) {
    // Tianchi: apps lines hold curves (`|`), deploy lines start with an instance id, machines the rest
    const kind: string[] = texts.map((t) => {
      const l = firstLine(t);
      if (l.includes('|')) return 'apps';
      if (/^inst/.test(l) || l.split(',').length === 3) return 'deploy';
      return 'machines';
    });
    const index = (k: string) => {
      const i = kind.indexOf(k);
      if (i < 0 || kind.lastIndexOf(k) !== i) throw new Error('three files: expected the Tianchi app_resources, machine_resources and instance_deploy CSVs');
      return i;
    };
    const [a, m, d] = [index('apps'), index('machines'), index('deploy')];
    const names = { apps: files[a]!.name, machines: files[m]!.name, deploy: files[d]!.name };
    return { label: `${files.map((f) => f.name).join(' + ')} (Tianchi → deployment)`, instance: convertTianchiText({ apps: texts[a]!, machines: texts[m]!, deploy: texts[d]!, names }) as unknown as Record<string, unknown> };
  }
  throw new Error('open one instance JSON or CSV, two ROADEF files (model + assignment) or the three Tianchi CSVs');
}
