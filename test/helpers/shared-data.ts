// The full data sets beside the project (../shared/data, see docs/data.md), for the
// realdata tests and the bench only: shipped code (src/) never reads them. Callers skip
// with a printed notice when hasSharedData() is false.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppDemand } from '../../src/data/tianchi.js';

/** Directory of the full data sets beside the project (../shared/data/), if present. */
export const sharedDataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const hasSharedData = () => existsSync(sharedDataDir + 'tianchi2018/app_resources.csv');

/** Read the full Tianchi data: apps with their CPU curve and instance count in `set`. */
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

/** Directory of the ROADEF/EURO 2012 set A (../shared/data/roadef2012/A/). */
export const roadefDir = sharedDataDir + 'roadef2012/A/';
/** The ten instances of set A. */
export const ROADEF_A = ['a1_1', 'a1_2', 'a1_3', 'a1_4', 'a1_5', 'a2_1', 'a2_2', 'a2_3', 'a2_4', 'a2_5'] as const;
