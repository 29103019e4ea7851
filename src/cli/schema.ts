// `greenplan schema [problem]`: the JSON Schema of an instance (for editors and other languages).
import type { Command } from 'commander';
import { PROBLEMS } from '../solve.js';
import { problemOf, type ProblemName } from '../problems/registry.js';
import { instanceSchema } from '../schema.js';
import { quote } from '../core/errors.js';
import { fail, usage, jsonText, writeOut } from './io.js';

export function register(program: Command): void {
  program
    .command('schema')
    .argument('[problem]', `one of ${PROBLEMS.join(', ')} (default: any instance)`)
    .option('--out <file>', 'write the schema to this file instead of stdout')
    .description('print the JSON Schema of an instance (for editors and other languages)')
    .action((problem: string | undefined, opts: { out?: string }) => {
      try {
        if (problem !== undefined && !problemOf(problem)) {
          throw usage(`problem ${quote(problem)} is not one of ${PROBLEMS.map((p) => `"${p}"`).join(', ')}`, 'problem');
        }
        writeOut(jsonText(instanceSchema(problem as ProblemName | undefined), { pretty: true }), opts);
      } catch (e) {
        fail(e);
      }
    });
}
