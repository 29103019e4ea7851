// `greenplan schema [problem]`: the JSON Schema of an instance (for editors and other languages).
import type { Command } from 'commander';
import { PROBLEMS } from '../solve.js';
import type { ProblemName } from '../problems/registry.js';
import { instanceSchema } from '../schema.js';
import { fail, jsonText, writeOut } from './io.js';

export function register(program: Command): void {
  program
    .command('schema')
    .argument('[problem]', `one of ${PROBLEMS.join(', ')} (default: any instance)`)
    .option('--out <file>', 'write the schema to this file instead of stdout')
    .description('print the JSON Schema of an instance (for editors and other languages)')
    .action((problem: string | undefined, opts: { out?: string }) => {
      try {
        // an unknown name: instanceSchema's invalid-input error, one line, exit 2
        writeOut(jsonText(instanceSchema(problem as ProblemName | undefined), { pretty: true }), opts);
      } catch (e) {
        fail(e);
      }
    });
}
