// Readers for the Alibaba Tianchi 2018 scheduling data (app_resources.csv,
// instance_deploy.<set>.csv) and the bundled excerpt data/tianchi-apps.csv.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBundledApps, type AppDemand } from './tianchi-text.js';

export { parseBundledApps, appDemand, type AppDemand } from './tianchi-text.js';

/** Directory of the full data sets beside the project (../shared/data), if present. */
export const sharedDataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const hasSharedData = () => existsSync(sharedDataDir + 'tianchi2018/app_resources.csv');
/** The bundled excerpt shipped with the package. */
export const bundledAppsCsv = fileURLToPath(new URL('../../data/tianchi-apps.csv', import.meta.url));

/** Read the full data: apps with their CPU curve and instance count in `set`. */
export function readTianchiApps(dir = sharedDataDir + 'tianchi2018/', set = 'semi_a'): AppDemand[] {
  const counts = new Map<string, number>();
  for (const line of readFileSync(`${dir}instance_deploy.${set}.csv`, 'utf8').split('\n')) {
    const app = line.split(',')[1];
    if (app) counts.set(app, (counts.get(app) ?? 0) + 1);
  }
  const apps: AppDemand[] = [];
  for (const line of readFileSync(`${dir}app_resources.csv`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [app, cpu] = line.split(',');
    apps.push({ app: app!, instances: counts.get(app!) ?? 0, cpu: cpu!.split('|').map(Number) });
  }
  return apps;
}

/** Read the bundled excerpt (`app,instances,cpu curve joined by |`, '#' comments). */
export function readBundledApps(path = bundledAppsCsv): AppDemand[] {
  return parseBundledApps(readFileSync(path, 'utf8'));
}
