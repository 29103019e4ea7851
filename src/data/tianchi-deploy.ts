// Converter: Alibaba Tianchi 2018 scheduling data files -> a deployment instance
// (docs/deployment.md; data format: docs/data.md): reads the three files and converts their
// texts with ./tianchi-deploy-text.ts (which the playground also runs in the browser).
import { readFileSync } from 'node:fs';
import { GreenplanError } from '../core/errors.js';
import type { DeploymentInstance } from '../problems/deployment/schema.js';
import { convertTianchiText, type TianchiDeployTextOptions } from './tianchi-deploy-text.js';

export { convertTianchiText, type TianchiDeployTextOptions } from './tianchi-deploy-text.js';

/** The same options with file paths in place of texts (messages name the paths). */
export type TianchiDeployOptions = Omit<TianchiDeployTextOptions, 'names'>;

function read(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new GreenplanError('invalid-input', `cannot read the ${what} file ${path}: ${(e as Error).message}`);
  }
}

export function convertTianchi(opts: TianchiDeployOptions): DeploymentInstance {
  return convertTianchiText({
    ...opts,
    apps: read(opts.apps, 'apps'), machines: read(opts.machines, 'machines'), deploy: read(opts.deploy, 'deploy'),
    names: { apps: opts.apps, machines: opts.machines, deploy: opts.deploy },
  });
}
