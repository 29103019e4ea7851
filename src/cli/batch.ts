// `greenplan batch <dir|file.jsonl|->`: many instances on all cores (src/batch/), results
// as JSONL (--out, resumable), progress and the summary on stderr.
// Exit codes: 0 all solved, 4 some not solved (the summary says how many and why),
// 2 the batch itself is malformed (unreadable input, bad options, repeated ids, an --out
// that is not a results file).
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { GreenplanError } from '../core/errors.js';
import { oneLine } from './io.js';
import { openSource, readRecorded, resultLine, ResultFile, type Recorded } from '../batch/jsonl.js';
import { runPool, emptyCounts, MAX_WORKERS, MAX_TIMER_MS, type PoolItem } from '../batch/pool.js';
import { ProgressView } from '../batch/progress.js';
import { BATCH_V8_FLAGS, SPARE_CORE_V8_FLAGS, applyV8Flags, batchV8Flags, parseV8Flags } from '../batch/v8-flags.js';
import { BATCH_STATUSES, isFailure, type BatchProgress, type BatchStatus } from '../batch/types.js';

export const BATCH_EXIT = { ok: 0, invalid: 2, failures: 4, interrupted: 130, internal: 70 } as const;

/** A whole number in min..max from an option, or GreenplanError('invalid-input'). */
export function intOption(v: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isInteger(x) || x < min) throw new GreenplanError('invalid-input', `${flag} must be an integer >= ${min}, not "${v}"`);
  if (x > max) throw new GreenplanError('invalid-input', `${flag} must be an integer in ${min}..${max}, not "${v}"`);
  return x;
}

/** Counts and the first failures of a batch, and the summary printed at the end. */
export class Tally {
  readonly byStatus = emptyCounts();
  done = 0;
  failed = 0;
  skipped = 0;
  checkFailed = 0;
  private freshFailed = 0;
  readonly failures: string[] = [];
  readonly t0 = performance.now();
  add(r: { id: string; status: BatchStatus; error?: { message: string }; check?: { valid: boolean; reason: string } }, skipped = false) {
    this.done++;
    this.byStatus[r.status]++;
    if (skipped) this.skipped++;
    if (r.check?.valid === false) this.checkFailed++;
    if (isFailure(r)) {
      this.failed++;
      if (!skipped) this.freshFailed++;
      if (this.failures.length < 20 && !skipped) {
        const why = r.check?.valid === false ? `check failed: ${r.check.reason}` : (r.error?.message ?? 'infeasible');
        // ids and messages come from the input: control characters escaped, each truncated
        this.failures.push(`  ${oneLine(r.id, 200)}: ${r.status}: ${oneLine(why, 900)}`);
      }
    }
  }
  progress(): BatchProgress {
    return { done: this.done, failed: this.failed, skipped: this.skipped, byStatus: { ...this.byStatus }, elapsedMs: performance.now() - this.t0 };
  }
  summary(what: string, extra = ''): string {
    const s = (performance.now() - this.t0) / 1000;
    const counts = BATCH_STATUSES.filter((st) => this.byStatus[st] || st === 'solved').map((st) => `${this.byStatus[st]} ${st}`).join(', ');
    const run = this.done - this.skipped;
    let out = `${what}: ${this.done} instances: ${counts}`;
    if (this.checkFailed) out += `, ${this.checkFailed} rejected by the checker`;
    if (this.skipped) out += ` (${this.skipped} recorded earlier, skipped)`;
    out += `; ${run} in ${s.toFixed(1)} s (${s > 0 ? (run / s).toFixed(1) : '-'}/s)${extra}\n`;
    if (this.failed) {
      out += `${this.failed} not solved${this.failures.length ? ':' : ''}\n${this.failures.join('\n')}${this.failures.length ? '\n' : ''}`;
      if (this.freshFailed > this.failures.length) out += `  ... and ${this.freshFailed - this.failures.length} more (see the results)\n`;
    }
    return out;
  }
}

/** Skip the ids already recorded (counted in the tally). */
export async function* skipRecorded(items: AsyncIterable<PoolItem>, recorded: Recorded, tally: Tally, onSkip: () => void): AsyncGenerator<PoolItem> {
  for await (const item of items) {
    const rec = recorded.get(item.id);
    if (!rec) {
      yield item;
      continue;
    }
    tally.add({ id: item.id, status: rec.status, check: rec.valid === false ? { valid: false, reason: 'recorded earlier' } : undefined }, true);
    onSkip();
  }
}

function exitOnError(e: unknown, what: string): void {
  if (e instanceof GreenplanError) {
    process.stderr.write(`greenplan ${what}: ${oneLine(e.message)}\n`);
    process.exitCode = e.code === 'invalid-input' ? BATCH_EXIT.invalid : BATCH_EXIT.internal;
    return;
  }
  // one line; the stack only with GREENPLAN_DEBUG=1 (docs/contract.md, "CLI")
  process.stderr.write(`greenplan ${what}: internal error: ${oneLine(String((e as Error)?.message ?? e))}\n`);
  if (process.env.GREENPLAN_DEBUG === '1' && (e as Error)?.stack) process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = BATCH_EXIT.internal;
}

/** Write lines to stdout, waiting when the pipe is full. */
async function writeStdout(line: string, signal: AbortSignal) {
  if (signal.aborted) return;
  if (!process.stdout.write(line + '\n')) {
    await new Promise<void>((resolve) => {
      const done = () => {
        process.stdout.off('drain', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      process.stdout.once('drain', done);
      signal.addEventListener('abort', done);
    });
  }
}

/** The help of `--v8-flags` (batch and queue worker). */
export const V8_FLAGS_HELP = `V8 flags set before the pool starts (default "${BATCH_V8_FLAGS.join(' ')}" when the workers take every core, else "${SPARE_CORE_V8_FLAGS.join(' ')}"; "" for none; only flags safe at run time)`;

/** The V8 flags of a pool of `workers` threads: `--v8-flags` as given, else the default (src/batch/v8-flags.ts); GreenplanError('invalid-input') for a flag not allowed. */
export function v8FlagsOption(given: string | undefined, workers: number): string[] {
  try {
    return given === undefined ? batchV8Flags(workers, availableParallelism()) : parseV8Flags(given);
  } catch (e) {
    throw new GreenplanError('invalid-input', (e as Error).message);
  }
}

interface BatchOpts { out?: string; workers?: string; check?: boolean; timeoutMs?: string; progressInterval: string; progress: boolean; v8Flags?: string }

export async function batchCommand(input: string, opts: BatchOpts): Promise<void> {
  let file: ResultFile | undefined;
  const ac = new AbortController();
  const onSignal = () => ac.abort(new GreenplanError('internal', 'interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // results on stdout into a pipe that closes (| head): stop as if interrupted
  const onStdoutError = () => ac.abort(new GreenplanError('internal', 'stdout closed'));
  if (!opts.out) process.stdout.on('error', onStdoutError);
  const tally = new Tally();
  let view: ProgressView | undefined;
  try {
    const workers = intOption(opts.workers, '--workers', 1, MAX_WORKERS) ?? availableParallelism();
    const timeoutMs = intOption(opts.timeoutMs, '--timeout-ms', 1, MAX_TIMER_MS);
    const intervalMs = intOption(opts.progressInterval, '--progress-interval', 1, MAX_TIMER_MS)!;
    // before the pool creates its threads: V8's flags are per process (src/batch/v8-flags.ts)
    applyV8Flags(v8FlagsOption(opts.v8Flags, workers));
    const source = openSource(input);
    const recorded = opts.out ? await readRecorded(opts.out) : new Map();
    file = opts.out ? new ResultFile(opts.out) : undefined;
    view = opts.progress ? new ProgressView(process.stderr, source.total, intervalMs) : undefined;
    const items = skipRecorded(source.items, recorded, tally, () => view?.update(tally.progress()));
    for await (const r of runPool(items, { workers, timeoutMs, check: opts.check, raw: true, signal: ac.signal })) {
      const line = resultLine(r);
      if (file) file.write(line);
      else await writeStdout(line, ac.signal);
      tally.add(r);
      view?.update(tally.progress());
    }
    await view?.stop();
    view = undefined;
    process.stderr.write(tally.summary('batch', `, ${workers} worker${workers > 1 ? 's' : ''}`));
    process.exitCode = tally.failed ? BATCH_EXIT.failures : BATCH_EXIT.ok;
  } catch (e) {
    await view?.stop();
    if (ac.signal.aborted) {
      process.stderr.write(tally.summary('batch interrupted') + (opts.out ? `the results so far are in ${opts.out}; run the same command again to resume\n` : ''));
      process.exitCode = BATCH_EXIT.interrupted;
    } else {
      if (tally.done) process.stderr.write(tally.summary('batch stopped'));
      exitOnError(e, 'batch');
    }
  } finally {
    file?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export function register(program: Command): void {
  program
    .command('batch')
    .argument('<input>', 'a folder of *.json instances, a JSONL file (one instance, or {"id","instance"}, per line), or - for JSONL on stdin')
    .option('--out <file>', 'append the results (JSONL) to this file; re-running skips the ids it already holds (default: stdout)')
    .option('--workers <N>', 'worker threads (default: the number of cores)')
    .option('--check', "run each problem's independent checker on its solution")
    .option('--timeout-ms <T>', 'stop a solve after T ms (its worker is replaced) and record "timeout"')
    .option('--progress-interval <ms>', 'interval of the progress lines when stderr is not a terminal', '5000')
    .option('--no-progress', 'no progress on stderr (the summary still is)')
    .option('--v8-flags <flags>', V8_FLAGS_HELP)
    .description('solve many instances on all cores; one JSONL result line per instance {id, status, ms, solution|error}; exit 0 all solved, 4 some not, 2 malformed batch')
    .action(batchCommand);
}
