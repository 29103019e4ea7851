// The bundled excerpt data/tianchi-apps.csv of the Alibaba Tianchi 2018 scheduling data
// (docs/data.md); the full sets are read by test/helpers/shared-data.ts (tests, bench).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBundledApps, type AppDemand } from './tianchi-text.js';

export { parseBundledApps, appDemand, type AppDemand } from './tianchi-text.js';

/** The bundled excerpt shipped with the package. */
export const bundledAppsCsv = fileURLToPath(new URL('../../data/tianchi-apps.csv', import.meta.url));

/** Read the bundled excerpt (`app,instances,cpu curve joined by |`, '#' comments). */
export function readBundledApps(path = bundledAppsCsv): AppDemand[] {
  return parseBundledApps(readFileSync(path, 'utf8'));
}
