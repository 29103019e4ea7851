// The `greenplan` program every CLI entry starts from (main.ts: every command;
// solve-main.ts: `solve` alone): name, version, exit codes in the help, one-line errors.
import { Command, type CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT, EXIT_HELP, fail, oneLine, quietPipes } from './io.js';
import { packageUrl } from '../core/package-file.js';

/** The program without commands; also sets up the process (pipes, uncaught errors: fail). */
export function createProgram(): Command {
  quietPipes();
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  const { version } = JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { version: string };
  return new Command()
    .name('greenplan')
    .version(version, '-V, --version', 'print the version')
    .addHelpText('after', `\n${EXIT_HELP}\n`)
    .configureOutput({ outputError: (str, write) => write(`greenplan: ${oneLine(str.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' '))} (greenplan --help for usage)\n`) })
    .exitOverride((err: CommanderError) => process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.invalid));
}
