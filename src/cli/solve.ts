// `greenplan solve <file|->`: any registered problem; the solution JSON on stdout or --out.
import type { Command } from 'commander';
import v8 from 'node:v8';
import { statSync } from 'node:fs';
import { solve } from '../solve.js';
import { UNSOLVED_STATUSES, type Status } from '../check/contract.js';
import { EXIT, fail, readJson, jsonText, writeOut, outputOptions, type OutOptions } from './io.js';

/** Input size from which `solve` compiles WebAssembly with TurboFan only (see below). */
const TURBOFAN_BYTES = 2 ** 20;
const fileSize = (file: string): number => { try { return statSync(file).size; } catch { return 0; } };

export function register(program: Command): void {
  outputOptions(
    program
      .command('solve')
      .argument('<file>', 'instance JSON file, or - for stdin')
      .description('solve an instance (any problem); exit 0 solved, 2 invalid input, 3 no solution'),
  ).action(async (file: string, opts: OutOptions) => {
    // A large instance (a long series: one kernel call that may be long): WebAssembly
    // straight to the optimising compiler (TurboFan), for this process only (the library
    // never changes its host's flags), before the first kernel call compiles the module.
    // A WebAssembly call runs to its end in the tier it started in, so otherwise the call
    // runs in the baseline tier (Liftoff). Measured in a new process (README, "Smoothing"):
    // 10^6 smoothing steps (6.8 MB) cost 10 ms of CPU less (the kernel's call 11-13 ms
    // instead of 19-21, 2.4 warm), a tiny instance 7 ms more (the optimising compile): hence
    // the size threshold. GREENPLAN_LIFTOFF=1 keeps V8's default.
    // Not for migration: its exact path loads HiGHS (a 3.5 MB WebAssembly module), which
    // TurboFan alone compiles on its first solve in about 1.2 s more (measured, shared machine).
    try {
      const instance = readJson(file, 'instance');
      const problem = (instance as { problem?: unknown } | null)?.problem;
      if (file !== '-' && problem !== 'migration' && process.env.GREENPLAN_LIFTOFF !== '1' && fileSize(file) >= TURBOFAN_BYTES) v8.setFlagsFromString('--no-liftoff');
      const solution = await solve(instance);
      const text = jsonText(solution, opts);
      const status = (solution as { status: Status }).status;
      process.exitCode = UNSOLVED_STATUSES.includes(status) ? EXIT.infeasible : EXIT.ok;
      writeOut(text, opts);
    } catch (e) {
      fail(e);
    }
  });
}
