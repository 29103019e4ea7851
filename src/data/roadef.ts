// Files of the ROADEF/EURO 2012 set: read from disk, converted by the pure text converter
// in ./roadef-text.ts (which the playground also uses in the browser).
import { readFileSync } from 'node:fs';
import { sharedDataDir } from './tianchi.js';
import { roadefToMigration, type RoadefOptions } from './roadef-text.js';
import type { MigrationInstance } from '../problems/migration/schema.js';

export { roadefToMigration, type RoadefOptions } from './roadef-text.js';

/** Read and convert a model and an assignment file. */
export function readRoadef(modelFile: string, assignmentFile: string, opts: RoadefOptions = {}): MigrationInstance {
  return roadefToMigration(readFileSync(modelFile, 'utf8'), readFileSync(assignmentFile, 'utf8'), { name: modelFile, ...opts });
}

/** Directory of the ROADEF/EURO 2012 set A beside the project (../shared/data/roadef2012/A/). */
export const roadefDir = sharedDataDir + 'roadef2012/A/';
/** The ten instances of set A. */
export const ROADEF_A = ['a1_1', 'a1_2', 'a1_3', 'a1_4', 'a1_5', 'a2_1', 'a2_2', 'a2_3', 'a2_4', 'a2_5'] as const;
