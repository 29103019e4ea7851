#!/usr/bin/env node
// greenplan CLI. Exit codes: 0 solved / valid, 1 check failed, 2 invalid input, 3 infeasible.
import { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import '../node.js';
import { solve, PROBLEMS } from '../solve.js';
import { problemOf } from '../problems/registry.js';
import { instanceSchema } from '../schema.js';
import { GreenplanError } from '../core/errors.js';
import { convertTianchi } from '../data/tianchi-deploy.js';
import { readRoadef } from '../data/roadef.js';
import { demo } from './demo.js';
import { registerConvertSeries } from './convert-series.js';
import { register as registerBatch } from './batch.js';
import { register as registerQueue } from './queue.js';

export const EXIT = { ok: 0, checkFailed: 1, invalid: 2, infeasible: 3, internal: 70 } as const;

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    throw new GreenplanError('invalid-input', `cannot read ${what} ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new GreenplanError('invalid-input', `${what} ${file === '-' ? '(stdin)' : file} is not valid JSON: ${(e as Error).message}`);
  }
}

function fail(e: unknown): never {
  if (e instanceof GreenplanError) {
    process.stderr.write(`greenplan: ${e.message}\n`);
    process.exit(e.code === 'invalid-input' ? EXIT.invalid : EXIT.internal);
  }
  process.stderr.write(`greenplan: internal error: ${(e as Error)?.stack ?? e}\n`);
  process.exit(EXIT.internal);
}

const program = new Command()
  .name('greenplan')
  .description('Exact capacity plans for cloud services: fewer machines, less energy.')
  .showHelpAfterError();

program
  .command('solve')
  .argument('<file>', 'instance JSON file, or - for stdin')
  .option('--out <file>', 'write the solution to this file instead of stdout')
  .description('solve an instance; exit 0 solved, 2 invalid input, 3 infeasible')
  .action(async (file: string, opts: { out?: string }) => {
    try {
      const solution = await solve(readJson(file, 'instance'));
      const text = JSON.stringify(solution) + '\n';
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
      process.exitCode = (solution as { status: string }).status === 'infeasible' ? EXIT.infeasible : EXIT.ok;
    } catch (e) {
      fail(e);
    }
  });

program
  .command('check')
  .argument('<instance>', 'instance JSON file')
  .argument('<solution>', 'solution JSON file')
  .description('verify a solution independently (feasibility, recomputed objective); exit 0 valid, 1 invalid')
  .action((instFile: string, solFile: string) => {
    try {
      const instance = readJson(instFile, 'instance') as { problem?: string };
      const solution = readJson(solFile, 'solution');
      const checker = problemOf(instance?.problem)?.check;
      if (!checker) throw new GreenplanError('invalid-input', `problem must be one of ${PROBLEMS.map((p) => `"${p}"`).join(', ')}`, 'problem');
      const report = checker(instance, solution);
      if (report.valid) process.stdout.write(`valid: objective ${report.objective}\n`);
      else process.stdout.write(`invalid: ${report.reason}\n`);
      process.exitCode = report.valid ? EXIT.ok : EXIT.checkFailed;
    } catch (e) {
      fail(e);
    }
  });

// `convert <format>`: a command group; each data format adds one subcommand.
const convert = program.command('convert').description('convert public data sets into greenplan instances (JSON on stdout or --out)');
convert
  .command('tianchi')
  .description('Alibaba Tianchi 2018 (apps, machines, placement) -> a deployment instance (README, "Deployment")')
  .requiredOption('--apps <file>', 'app_resources.csv')
  .requiredOption('--machines <file>', 'machine_resources.<set>.csv')
  .requiredOption('--deploy <file>', 'instance_deploy.<set>.csv')
  .option('--resource <cpu|mem>', 'resource to pack', 'cpu')
  .option('--redeploy-fraction <F>', 'share of the apps taken off their machines and redeployed (0..1)')
  .option('--seed <S>', 'seed of the draw of the redeployed apps', '1')
  .option('--bin-capacity <C>', 'capacity of a new machine (default: the largest machine)')
  .option('--out <file>', 'write the instance to this file instead of stdout')
  .action((opts: { apps: string; machines: string; deploy: string; resource: string; redeployFraction?: string; seed: string; binCapacity?: string; out?: string }) => {
    try {
      const num = (v: string | undefined, flag: string) => {
        if (v === undefined) return undefined;
        const x = Number(v);
        if (v.trim() === '' || !Number.isFinite(x)) throw new GreenplanError('invalid-input', `${flag} must be a number, not "${v}"`);
        return x;
      };
      const instance = convertTianchi({
        apps: opts.apps, machines: opts.machines, deploy: opts.deploy,
        resource: opts.resource as 'cpu' | 'mem',
        redeployFraction: num(opts.redeployFraction, '--redeploy-fraction'),
        seed: num(opts.seed, '--seed'),
        binCapacity: num(opts.binCapacity, '--bin-capacity'),
      });
      const text = JSON.stringify(instance) + '\n';
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    } catch (e) {
      fail(e);
    }
  });

convert
  .command('roadef')
  .description('Google ROADEF/EURO 2012 machine reassignment -> a migration instance')
  .requiredOption('--model <file>', 'model file (model_a1_1.txt)')
  .requiredOption('--assignment <file>', 'initial assignment file (assignment_a1_1.txt)')
  .option('--alpha <number>', 'cost of one move (default: 1 / (2 × the most processes on one machine), see the README)')
  .option('--max-parallel <n>', 'moves per round', '1')
  .option('--out <file>', 'write the instance to this file instead of stdout')
  .action((opts: { model: string; assignment: string; alpha?: string; maxParallel: string; out?: string }) => {
    try {
      const alpha = opts.alpha === undefined ? undefined : Number(opts.alpha);
      const maxParallel = Number(opts.maxParallel);
      if (alpha !== undefined && !(alpha >= 0 && Number.isFinite(alpha))) throw new GreenplanError('invalid-input', `--alpha must be a finite number >= 0, got "${opts.alpha}"`);
      if (!(Number.isInteger(maxParallel) && maxParallel >= 1)) throw new GreenplanError('invalid-input', `--max-parallel must be an integer >= 1, got "${opts.maxParallel}"`);
      let inst;
      try {
        inst = readRoadef(opts.model, opts.assignment, { alpha, maxParallel });
      } catch (e) {
        throw new GreenplanError('invalid-input', (e as Error).message);
      }
      const text = JSON.stringify(inst) + '\n';
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    } catch (e) {
      fail(e);
    }
  });

registerConvertSeries(convert, fail);

program
  .command('schema')
  .argument('[problem]', `one of ${PROBLEMS.join(', ')} (default: any instance)`)
  .description('print the JSON Schema of an instance (for editors and other languages)')
  .action((problem?: string) => {
    try {
      if (problem !== undefined && !(PROBLEMS as readonly string[]).includes(problem)) {
        throw new GreenplanError('invalid-input', `problem must be one of ${PROBLEMS.map((p) => `"${p}"`).join(', ')}`, 'problem');
      }
      process.stdout.write(JSON.stringify(instanceSchema(problem as (typeof PROBLEMS)[number] | undefined), null, 2) + '\n');
    } catch (e) {
      fail(e);
    }
  });

program
  .command('demo')
  .description('smoothing on bundled real Alibaba Tianchi demand')
  .action(async () => {
    try {
      await demo();
    } catch (e) {
      fail(e);
    }
  });

registerBatch(program);
registerQueue(program);

await program.parseAsync(process.argv);
