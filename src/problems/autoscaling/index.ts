import { defineProblem } from '../types.js';
import type { SolveOptions } from '../../core/progress.js';
import { AutoscalingInstance } from './schema.js';
import { solveAutoscaling, validateAutoscaling } from './solve.js';
import { checkAutoscaling } from './check.js';

export const autoscaling = defineProblem({
  name: 'autoscaling',
  title: 'forecast-driven pod ranges (saving..safe) with a Bayesian per-pod capacity, kWh and CO2, replayed against HPA',
  schema: AutoscalingInstance,
  validate: validateAutoscaling,
  solve: (instance: AutoscalingInstance, options?: SolveOptions) => solveAutoscaling(instance, options),
  check: checkAutoscaling,
});
