// The bundled excerpt data/tianchi-apps.csv of the Alibaba Tianchi 2018 scheduling data
// (docs/data.md); the full sets are read by test/helpers/shared-data.ts (tests, bench).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface AppDemand {
  app: string;
  instances: number;
  /** per-instance CPU cores over one day, 98 points (about every 15 minutes) */
  cpu: number[];
}

/** The bundled excerpt shipped with the package. */
export const bundledAppsCsv = fileURLToPath(new URL('../../data/tianchi-apps.csv', import.meta.url));

/** Read the bundled excerpt (`app,instances,cpu curve joined by |`, '#' comments). */
export function readBundledApps(path = bundledAppsCsv): AppDemand[] {
  const apps: AppDemand[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#') || line.startsWith('app,')) continue;
    const [app, instances, cpu] = line.split(',');
    apps.push({ app: app!, instances: Number(instances), cpu: cpu!.split('|').map(Number) });
  }
  return apps;
}

/** Demand of an app in cores: per-instance curve times the instance count. */
export function appDemand(a: AppDemand): number[] {
  return a.cpu.map((x) => Math.round(x * a.instances * 1e6) / 1e6);
}
