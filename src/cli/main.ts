#!/usr/bin/env node
// greenplan CLI: one file per command (src/cli/<command>.ts exporting register(program)),
// one register line each below. The contract (docs/contract.md): exit codes in io.ts
// (EXIT, printed by --help), one escaped line on stderr, never a stack trace unless
// GREENPLAN_DEBUG=1.
import { Command, type CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import '../node.js';
import { PROBLEMS } from '../solve.js';
import { EXIT, EXIT_HELP, fail, oneLine, quietPipes, usage } from './io.js';
import { register as solve } from './solve.js';
import { register as check } from './check.js';
import { register as schema } from './schema.js';
import { register as convert, convertCommand } from './convert.js';
import { registerConvertSeries } from './convert-series.js';
import { register as demo } from './demo.js';
import { register as batch } from './batch.js';
import { register as queue } from './queue.js';
import { packageUrl } from '../core/package-file.js';

quietPipes();
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const { version } = JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { version: string };

const program = new Command()
  .name('greenplan')
  .description(`Exact capacity plans for cloud services: fewer machines, less energy.\nProblems: ${PROBLEMS.join(', ')} (greenplan schema <problem>; examples/*.json).`)
  .version(version, '-V, --version', 'print the version')
  .addHelpText('after', `\n${EXIT_HELP}\n`)
  .configureOutput({ outputError: (str, write) => write(`greenplan: ${oneLine(str.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' '))} (greenplan --help for usage)\n`) })
  .exitOverride((err: CommanderError) => process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.invalid));

solve(program);
check(program);
schema(program);
convert(program);
registerConvertSeries(convertCommand(program), fail);
demo(program);

batch(program);
queue(program);

if (process.argv.length <= 2) fail(usage(`a command is required: ${program.commands.map((c) => c.name()).join(', ')} (greenplan --help for usage)`));
await program.parseAsync(process.argv);
