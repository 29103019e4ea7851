import { defineProblem } from '../types.js';
import { MigrationInstance } from './schema.js';
import { migrate, validateMigration } from './solve.js';
import { checkMigration } from './check.js';
import { migrationEnergyHook } from './energy.js';

export const migration = defineProblem({
  name: 'migration',
  title: 'free machines with a move plan whose every step fits',
  schema: MigrationInstance,
  solve: (instance: MigrationInstance) => migrate(instance),
  validate: (instance: unknown) => { validateMigration(instance); },
  check: checkMigration,
  energy: migrationEnergyHook,
});
