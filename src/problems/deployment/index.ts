import { defineProblem } from '../types.js';
import { DeploymentInstance } from './schema.js';
import { deploy, validateDeployment } from './solve.js';
import { checkDeployment } from './check.js';
import { deploymentEnergyHook } from './energy.js';

export const deployment = defineProblem({
  name: 'deployment',
  title: 'services split into equal containers over partly used and new machines, fewest new machines',
  schema: DeploymentInstance,
  solve: (instance: DeploymentInstance) => deploy(instance),
  validate: validateDeployment,
  check: checkDeployment,
  energy: deploymentEnergyHook,
});
