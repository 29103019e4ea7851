import { defineProblem } from '../types.js';
import { KnapsackInstance } from './schema.js';
import { knapsack as solveKnapsack, validateKnapsack } from './solve.js';
import { checkKnapsack } from './check.js';

export const knapsack = defineProblem({
  name: 'knapsack',
  title: 'exact bounded knapsack: the most value within a capacity',
  schema: KnapsackInstance,
  solve: (instance: KnapsackInstance) => solveKnapsack(instance),
  validate: validateKnapsack,
  check: checkKnapsack,
});
