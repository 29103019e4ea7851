import { defineProblem } from '../types.js';
import { SmoothingInstance } from './schema.js';
import { smooth, validateSmoothing } from './solve.js';
import { checkSmoothing } from './check.js';
import { smoothingEnergyHook } from './energy.js';

export const smoothing = defineProblem({
  name: 'smoothing',
  title: 'capacity plans that cover demand, cost little and change little (also under a budget)',
  schema: SmoothingInstance,
  solve: (instance: SmoothingInstance) => smooth(instance),
  validate: validateSmoothing,
  check: checkSmoothing,
  energy: smoothingEnergyHook,
});
