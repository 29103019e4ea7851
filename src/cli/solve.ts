// `greenplan solve <file|->`: any registered problem; the solution JSON on stdout or --out.
// bin/greenplan.js runs it from its own entry (solve-main.ts): a new process that solves
// loads neither the other commands nor the rest of the library's API.
import type { Command } from 'commander';
import v8 from 'node:v8';
import { statSync } from 'node:fs';
import '../wasm/node-source.js';
import { solveOwned } from '../solve.js';
import { progressLines } from './progress-lines.js';
import { UNSOLVED_STATUSES, type Status } from '../check/contract.js';
import { EXIT, fail, readJson, jsonText, writeOut, outputOptions, type OutOptions } from './io.js';

/** Input size from which `solve` compiles WebAssembly with TurboFan only (see below). */
const TURBOFAN_BYTES = 2 ** 20;
/** Young-generation growth factor for `solve` (V8's default is 2; see below). */
const SEMI_SPACE_GROWTH = 16;
const fileSize = (file: string): number => { try { return statSync(file).size; } catch { return 0; } };

/**
 * What `greenplan solve` does with a file, without the process settings: read, parse,
 * solve, print (stdout or --out); returns the exit code (0 solved, 3 no solution) and
 * throws on invalid input. `parsed(instance)` runs between parsing and solving. The bench
 * times this same call warm (bench/smoothing-kernel.ts, bench/cli-warm.mjs).
 */
export async function solveFile(file: string, opts: OutOptions, parsed?: (instance: unknown) => void): Promise<number> {
  const instance = readJson(file, 'instance');
  parsed?.(instance);
  // freshly parsed JSON: no second copy (solveOwned); a long solve's stages on stderr
  const progress = progressLines((s) => process.stderr.write(s));
  const solution = await solveOwned(instance, { onProgress: progress });
  progress.end();
  const text = jsonText(solution, opts);
  const status = (solution as { status: Status }).status;
  const code = UNSOLVED_STATUSES.includes(status) ? EXIT.infeasible : EXIT.ok;
  process.exitCode = code;
  writeOut(text, opts);
  return code;
}

export function register(program: Command): void {
  outputOptions(
    program
      .command('solve')
      .argument('<file>', 'instance JSON file, or - for stdin')
      .description('solve an instance (any problem); exit 0 solved, 2 invalid input, 3 no solution'),
  ).action(async (file: string, opts: OutOptions) => {
    // V8's young generation starts at 1 MiB and doubles at each scavenge that finds it too
    // small; JSON.parse of a long series holds every number (a heap object each, all alive
    // until the array is built) through those scavenges, each of which visits all of them
    // again: 7 scavenges and 83-94 ms of CPU to read and parse 10^6 values in a new
    // process, against 43-70 in a warm one whose young generation has grown already.
    // Growing it to its limit (16 MiB, V8's default maximum) at the first scavenge makes
    // it 52-56 (docs/smoothing.md, "Speed of a new process"). This process only, any input
    // size (stdin's is not known in advance; a small input never grows it).
    v8.setFlagsFromString(`--semi-space-growth-factor=${SEMI_SPACE_GROWTH}`);
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
    const tiers = (instance: unknown) => {
      const problem = (instance as { problem?: unknown } | null)?.problem;
      if (file !== '-' && problem !== 'migration' && process.env.GREENPLAN_LIFTOFF !== '1' && fileSize(file) >= TURBOFAN_BYTES) v8.setFlagsFromString('--no-liftoff');
    };
    try {
      await solveFile(file, opts, tiers);
    } catch (e) {
      fail(e);
    }
  });
}
