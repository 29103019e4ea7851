// `greenplan solve <file|->`: any registered problem; the solution JSON on stdout or --out.
import type { Command } from 'commander';
import { solve } from '../solve.js';
import { UNSOLVED_STATUSES, type Status } from '../check/contract.js';
import { EXIT, fail, readJson, jsonText, writeOut, outputOptions, type OutOptions } from './io.js';

export function register(program: Command): void {
  outputOptions(
    program
      .command('solve')
      .argument('<file>', 'instance JSON file, or - for stdin')
      .description('solve an instance (any problem); exit 0 solved, 2 invalid input, 3 no solution'),
  ).action(async (file: string, opts: OutOptions) => {
    try {
      const solution = await solve(readJson(file, 'instance'));
      const text = jsonText(solution, opts);
      const status = (solution as { status: Status }).status;
      process.exitCode = UNSOLVED_STATUSES.includes(status) ? EXIT.infeasible : EXIT.ok;
      writeOut(text, opts);
    } catch (e) {
      fail(e);
    }
  });
}
