// `greenplan convert <format>`: a command group; each data format adds one subcommand
// (here tianchi and roadef; other formats register theirs with convertCommand(program)).
import type { Command } from 'commander';
import { GreenplanError, quote } from '../core/errors.js';
import { convertTianchi } from '../data/tianchi-deploy.js';
import { readRoadef } from '../data/roadef.js';
import { MigrationInstance } from '../problems/migration/schema.js';
import { validateDeployment } from '../problems/deployment/solve.js';
import { validateMigration } from '../problems/migration/dense.js';
import { fail, usage, jsonText, writeOut, outputOptions, type OutOptions } from './io.js';

/** The `convert` group (created by register()); formats add subcommands to it. */
export function convertCommand(program: Command): Command {
  const found = program.commands.find((c) => c.name() === 'convert');
  if (!found) throw new Error('greenplan: register the convert command before its formats');
  return found;
}

/** A number option, or a usage error naming the flag. */
export function numberOption(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw usage(`${flag} must be a number, not ${quote(v)}`);
  return x;
}

export function register(program: Command): void {
  const convert = program
    .command('convert')
    .description('convert public data sets into greenplan instances (JSON on stdout or --out)')
    .action(() => fail(usage(`convert needs a format: ${convert.commands.map((c) => c.name()).join(', ')} (greenplan convert --help)`)));

  outputOptions(
    convert
      .command('tianchi')
      .description('Alibaba Tianchi 2018 (apps, machines, placement) -> a deployment instance (README, "Deployment")')
      .requiredOption('--apps <file>', 'app_resources.csv')
      .requiredOption('--machines <file>', 'machine_resources.<set>.csv')
      .requiredOption('--deploy <file>', 'instance_deploy.<set>.csv')
      .option('--resource <cpu|mem>', 'resource to pack', 'cpu')
      .option('--redeploy-fraction <F>', 'share of the apps taken off their machines and redeployed (0..1)')
      .option('--seed <S>', 'seed of the draw of the redeployed apps', '1')
      .option('--bin-capacity <C>', 'capacity of a new machine (default: the largest machine)'),
    'the instance',
  ).action((opts: { apps: string; machines: string; deploy: string; resource: string; redeployFraction?: string; seed: string; binCapacity?: string } & OutOptions) => {
    try {
      const instance = convertTianchi({
        apps: opts.apps, machines: opts.machines, deploy: opts.deploy,
        resource: opts.resource as 'cpu' | 'mem',
        redeployFraction: numberOption(opts.redeployFraction, '--redeploy-fraction'),
        seed: numberOption(opts.seed, '--seed'),
        binCapacity: numberOption(opts.binCapacity, '--bin-capacity'),
      });
      validateDeployment(instance); // the instance written must be one `solve` takes
      writeOut(jsonText(instance, opts), opts);
    } catch (e) {
      fail(e);
    }
  });

  outputOptions(
    convert
      .command('roadef')
      .description('Google ROADEF/EURO 2012 machine reassignment -> a migration instance')
      .requiredOption('--model <file>', 'model file (model_a1_1.txt)')
      .requiredOption('--assignment <file>', 'initial assignment file (assignment_a1_1.txt)')
      .option('--alpha <number>', 'cost of one move (default: 1 / (2 × the most processes on one machine), see the README)')
      .option('--max-parallel <n>', 'moves per round', '1'),
    'the instance',
  ).action((opts: { model: string; assignment: string; alpha?: string; maxParallel: string } & OutOptions) => {
    try {
      const alpha = opts.alpha === undefined ? undefined : Number(opts.alpha);
      const maxParallel = Number(opts.maxParallel);
      if (alpha !== undefined && !(alpha >= 0 && Number.isFinite(alpha))) throw usage(`--alpha must be a finite number >= 0, not ${quote(opts.alpha)}`);
      if (!(Number.isInteger(maxParallel) && maxParallel >= 1)) throw usage(`--max-parallel must be an integer >= 1, not ${quote(opts.maxParallel)}`);
      // within the migration schema's bounds: the instance written must be one `solve` takes
      const { alpha: aSchema, maxParallel: pSchema } = MigrationInstance.properties as unknown as Record<string, { maximum: number }>;
      if (alpha !== undefined && alpha > aSchema!.maximum) throw usage(`--alpha must be at most ${aSchema!.maximum} (the migration schema's bound), not ${quote(opts.alpha)}`);
      if (maxParallel > pSchema!.maximum) throw usage(`--max-parallel must be at most ${pSchema!.maximum} (the migration schema's bound), not ${quote(opts.maxParallel)}`);
      let inst;
      try {
        inst = readRoadef(opts.model, opts.assignment, { alpha, maxParallel });
      } catch (e) {
        if (e instanceof GreenplanError) throw e;
        throw usage((e as Error).message);
      }
      validateMigration(inst); // the instance written must be one `solve` takes
      writeOut(jsonText(inst, opts), opts);
    } catch (e) {
      fail(e);
    }
  });
}
