// Files of the ROADEF/EURO 2012 set: read from disk, converted by the pure text converter
// in ./roadef-text.ts (which the playground also runs in the browser).
import { readFileSync } from 'node:fs';
import type { MigrationInstance } from '../problems/migration/schema.js';
import { roadefToMigration, type RoadefOptions } from './roadef-text.js';

export { roadefToMigration, roadefDefaultAlpha, type RoadefOptions } from './roadef-text.js';

/** Read and convert a model and an assignment file. */
export function readRoadef(modelFile: string, assignmentFile: string, opts: RoadefOptions = {}): MigrationInstance {
  return roadefToMigration(readFileSync(modelFile, 'utf8'), readFileSync(assignmentFile, 'utf8'), { name: modelFile, ...opts });
}
