// `greenplan check <instance> <solution>`: the independent checker of the instance's problem
// under the result contract (docs/contract.md). The instance is validated first (exit 2 with
// the JSON path); then exit 0 valid, 1 not valid (the reason on stdout).
import type { Command } from 'commander';
import { checkOwned } from '../check.js';
import { EXIT, fail, readJson, oneLine, usage } from './io.js';

export function register(program: Command): void {
  program
    .command('check')
    .argument('<instance>', 'instance JSON file (or - for stdin)')
    .argument('<solution>', 'solution JSON file (or - for stdin)')
    .description('verify a solution independently (feasibility, recomputed objective, infeasible claims); exit 0 valid, 1 not valid, 2 invalid instance')
    .action((instFile: string, solFile: string) => {
      try {
        // stdin is read once: the second "-" would read nothing ("not valid JSON")
        if (instFile === '-' && solFile === '-') throw usage('only one of <instance> and <solution> can be - (stdin is read once)');
        const instance = readJson(instFile, 'instance');
        const solution = readJson(solFile, 'solution');
        const report = checkOwned(instance, solution); // freshly parsed JSON: no second copy of the instance
        const line = !report.valid
          ? `invalid: ${report.reason}`
          : report.status === 'infeasible' || report.status === 'timeout'
            ? `valid: ${report.reason}`
            : `valid: objective ${report.objective}`;
        process.exitCode = report.valid ? EXIT.ok : EXIT.checkFailed;
        process.stdout.write(`${oneLine(line)}\n`);
      } catch (e) {
        fail(e);
      }
    });
}
