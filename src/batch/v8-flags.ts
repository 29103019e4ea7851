// V8 flags that `greenplan batch` (the CLI only; never solveMany() or anything else of the
// library, which must not change the flags of its host's process) sets before it starts
// its pool. V8's flags are per process: set in the main thread before piscina creates the
// worker threads, they hold in every worker's isolate too (measured: with
// --no-concurrent-recompilation the helper threads' CPU falls from ~1.7 to ~0.4 s and the
// workers' rises by as much; docs/batch.md). Only flags that are safe to change while
// V8 runs are used: flipping the marking flags (--no-concurrent-marking,
// --no-parallel-marking, --single-threaded-gc) at run time trips V8's own checks
// (a fatal error), so they are never set here.
import v8 from 'node:v8';

/** V8's default interrupt budget (bytes of bytecode a function runs between tiering checks; Node 20, V8 11.3). */
export const V8_DEFAULT_INTERRUPT_BUDGET = 67584;

/**
 * Compile hot JavaScript on the thread that runs it, not on V8's helper threads: with
 * workers = cores the helpers only compete with the workers for the same cores, and the
 * run costs 2.5-4 % less CPU (docs/batch.md: the worker no longer runs unoptimised code
 * while its optimised code is compiled elsewhere). Inline less per optimised function
 * (230 bytes of bytecode in all instead of 920): each worker's isolate compiles the same
 * hot code again, and smaller compilations cost 5 % less CPU per 1,000 mixed instances
 * (2.6 % per 3,000: a saving on the warm-up, the steady state no slower). And optimise
 * only what runs 16 times longer than V8's default before it asks (the interrupt budget):
 * a batch is short next to what V8's default assumes, and in a mix of six problems most
 * functions V8 optimises run warm, not hot; each isolate compiled them again, for code
 * that ran a few times before the batch moved on (16-22 % less CPU per 1,000 mixed
 * instances with 2 workers, 11-14 % per 3,000; docs/batch.md).
 */
export const BATCH_V8_FLAGS: readonly string[] = ['--no-concurrent-recompilation', '--max-inlined-bytecode-size-cumulative=230', `--interrupt-budget=${16 * V8_DEFAULT_INTERRUPT_BUDGET}`];

/**
 * With a core to spare: only a larger interrupt budget (8 times V8's default). The
 * compilations it saves ran on the idle core (V8's helper threads), so the worker thread is
 * no slower with it nor faster within the noise (2.79 against 2.76 CPU s per 1,000 mixed
 * instances, medians of 6 runs each, ±5 % between runs), but the run costs a sixth less CPU
 * in all (4.0-4.2 against 4.6-5.1 s), which helps whenever the machine is not idle: the
 * best one-worker configuration measured on this machine, the baseline of the bench's
 * speed-up.
 */
export const SPARE_CORE_V8_FLAGS: readonly string[] = [`--interrupt-budget=${8 * V8_DEFAULT_INTERRUPT_BUDGET}`];

/**
 * The default of `greenplan batch` and `greenplan queue worker`: BATCH_V8_FLAGS when the
 * workers take every core, else SPARE_CORE_V8_FLAGS (with a core to spare, V8's helper
 * threads compile on it for free while the workers go on: one worker on 2 cores is faster
 * in wall time with concurrent recompilation).
 */
export function batchV8Flags(workers: number, cores: number): string[] {
  return workers >= cores ? [...BATCH_V8_FLAGS] : [...SPARE_CORE_V8_FLAGS];
}

/** Flags safe to set at run time (the CLI refuses others: see the header). */
const SAFE = /^--(no-)?(concurrent-recompilation|parallel-scavenge|concurrent-sweeping|parallel-compaction|parallel-pointer-update)$|^--(min|max)-semi-space-size=\d+$|^--max-inlined-bytecode-size(-cumulative)?=\d+$|^--interrupt-budget=\d+$/;

/** The largest value accepted for a numeric flag (semi-space sizes in MB, inlining budgets in bytes); the interrupt budget (bytes of bytecode run) up to 2^30. */
const MAX_FLAG_VALUE = 4096;
const MAX_INTERRUPT_BUDGET = 2 ** 30;

/** Parse `--v8-flags` ("" = none): space- or comma-separated flags, each one of the safe ones. */
export function parseV8Flags(list: string): string[] {
  const flags = list.split(/[\s,]+/).filter(Boolean);
  for (const f of flags) {
    if (!SAFE.test(f)) throw new RangeError(`--v8-flags: "${f}" is not one of the flags safe to set at run time (--[no-]concurrent-recompilation, --[no-]parallel-scavenge, --[no-]concurrent-sweeping, --[no-]parallel-compaction, --[no-]parallel-pointer-update, --min-semi-space-size=N, --max-semi-space-size=N, --max-inlined-bytecode-size=N, --max-inlined-bytecode-size-cumulative=N, --interrupt-budget=N)`);
    // numbers in a range V8 accepts (out of range, V8 prints an error and ignores the flag)
    const n = /=(\d+)$/.exec(f);
    const max = f.startsWith('--interrupt-budget=') ? MAX_INTERRUPT_BUDGET : MAX_FLAG_VALUE;
    if (n && !(Number(n[1]) >= 1 && Number(n[1]) <= max)) throw new RangeError(`--v8-flags: "${f}": the value must be an integer from 1 to ${max}`);
  }
  return flags;
}

/** Set the flags in this process (before any worker thread exists). */
export function applyV8Flags(flags: readonly string[]): void {
  for (const f of flags) v8.setFlagsFromString(f);
}
