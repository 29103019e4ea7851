// `greenplan queue submit|worker|collect|status|clear`: the batch across machines on
// BullMQ/Redis (src/batch/queue.ts). Exit codes as `greenplan batch`: 0 all solved, 4 some
// not (or, for collect --no-wait, some still to solve), 2 malformed input or options.
import type { Command } from 'commander';
import { availableParallelism, hostname } from 'node:os';
import { GreenplanError } from '../core/errors.js';
import { openSource } from '../batch/jsonl.js';
import { MAX_WORKERS, MAX_TIMER_MS } from '../batch/pool.js';
import { submit, startWorker, collect, status, obliterate, type QueueTarget } from '../batch/queue.js';
import { BATCH_EXIT, intOption, Tally, V8_FLAGS_HELP, v8FlagsOption } from './batch.js';
import { applyV8Flags } from '../batch/v8-flags.js';
import { oneLine } from './io.js';

interface Conn { redis: string; name: string; prefix?: string }
const target = (o: Conn): QueueTarget => ({ redis: o.redis, name: o.name, prefix: o.prefix });

function report(e: unknown, what: string): void {
  if (e instanceof GreenplanError) {
    process.stderr.write(`greenplan queue ${what}: ${oneLine(e.message)}\n`);
    process.exitCode = e.code === 'invalid-input' || e.code === 'unavailable' ? BATCH_EXIT.invalid : BATCH_EXIT.internal;
  } else {
    process.stderr.write(`greenplan queue ${what}: ${oneLine(String((e as Error)?.message ?? e))}\n`);
    process.exitCode = BATCH_EXIT.internal;
  }
}

const withConn = (c: Command) =>
  c
    .requiredOption('--redis <url>', 'Redis URL: redis://[user:password@]host:port[/db], rediss:// for TLS')
    .requiredOption('--name <name>', 'queue name (one per batch)')
    .option('--prefix <prefix>', 'Redis key prefix (BullMQ\'s; default "bull")');

export function register(program: Command): void {
  const queue = program.command('queue').description('the batch across machines on a BullMQ queue in Redis: submit, run workers anywhere, collect');

  withConn(queue.command('submit'))
    .argument('<input>', 'a folder of *.json instances, a JSONL file, or - for JSONL on stdin (as greenplan batch)')
    .description('add one job per instance (an id already in the queue is not added again)')
    .action(async (input: string, o: Conn) => {
      try {
        const source = openSource(input);
        const n = await submit(source.items, target(o));
        process.stderr.write(`queue ${o.name}: ${n} instances submitted from ${source.label}\n`);
      } catch (e) {
        report(e, 'submit');
      }
    });

  withConn(queue.command('worker'))
    .option('--concurrency <N>', 'solver threads, one job each (default: the number of cores); as many more jobs are fetched ahead')
    .option('--timeout-ms <T>', 'stop a solve after T ms (its thread is replaced) and record "timeout"')
    .option('--check', "run each problem's independent checker on its solution")
    .option('--lock-ms <ms>', 'a job whose worker is silent this long (killed, cut off) goes back to the queue', '30000')
    .option('--worker-name <name>', 'this worker\'s name (default host:pid)')
    .option('--exit-when-idle <ms>', 'stop after this long with nothing to do (default: run until SIGINT/SIGTERM)')
    .option('--v8-flags <flags>', V8_FLAGS_HELP)
    .description('solve jobs until stopped (SIGINT/SIGTERM: finish the jobs in hand, then exit)')
    .action(async (o: Conn & { concurrency?: string; timeoutMs?: string; check?: boolean; lockMs: string; workerName?: string; exitWhenIdle?: string; v8Flags?: string }) => {
      try {
        const concurrency = intOption(o.concurrency, '--concurrency', 1, MAX_WORKERS) ?? availableParallelism();
        const timeoutMs = intOption(o.timeoutMs, '--timeout-ms', 1, MAX_TIMER_MS);
        const lockMs = intOption(o.lockMs, '--lock-ms', 1000, MAX_TIMER_MS)!;
        const idleMs = intOption(o.exitWhenIdle, '--exit-when-idle', 1, MAX_TIMER_MS);
        const workerName = o.workerName ?? `${hostname()}:${process.pid}`;
        // as `greenplan batch` does, before the pool creates its threads (src/batch/v8-flags.ts)
        applyV8Flags(v8FlagsOption(o.v8Flags, concurrency));
        let jobs = 0;
        let lastJob = Date.now();
        const w = await startWorker(target(o), { concurrency, timeoutMs, check: o.check, lockMs, workerName, onJob: () => { jobs++; lastJob = Date.now(); } });
        process.stderr.write(`queue ${o.name}: worker ${workerName} ready (${concurrency} threads)\n`);
        const stop = () => {
          process.stderr.write(`queue ${o.name}: worker ${workerName} stopping after the jobs in hand\n`);
          void w.close();
          process.once('SIGINT', () => process.exit(BATCH_EXIT.interrupted)); // a second Ctrl+C: now
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const idle = idleMs ? setInterval(async () => {
          if (Date.now() - lastJob < idleMs) return;
          const c = await status(target(o)).catch(() => undefined);
          if (c && c.waiting + c.active + c.delayed + c.prioritized === 0) stop();
        }, Math.min(idleMs, 1000)) : undefined;
        await w.closed;
        clearInterval(idle);
        process.stderr.write(`queue ${o.name}: worker ${workerName} solved ${jobs} jobs\n`);
      } catch (e) {
        report(e, 'worker');
      }
    });

  withConn(queue.command('collect'))
    .requiredOption('--out <file>', 'append one result line per job (JSONL; ids already in the file are skipped)')
    .option('--no-wait', 'take the finished jobs and return (default: wait until none is left to solve)')
    .option('--remove', 'remove each job from Redis once its line is written')
    .option('--poll-ms <ms>', 'poll interval while waiting', '1000')
    .description('write the results of finished jobs, each once; exit 0 all solved, 4 some not (or some left with --no-wait)')
    .action(async (o: Conn & { out: string; wait: boolean; remove?: boolean; pollMs: string }) => {
      const ac = new AbortController();
      const onSignal = () => ac.abort(new GreenplanError('internal', 'interrupted'));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const tally = new Tally();
      try {
        const pollMs = intOption(o.pollMs, '--poll-ms', 1, MAX_TIMER_MS)!;
        const r = await collect(target(o), o.out, { wait: o.wait, remove: o.remove, pollMs, signal: ac.signal, onLine: (l) => tally.add(l) });
        const left = r.pending ? `; ${r.pending} still to solve` : '';
        process.stderr.write(tally.summary(`queue ${o.name}: collected`, `${left}; ${r.recorded.size} results in ${o.out}`));
        process.exitCode = tally.failed || r.pending ? BATCH_EXIT.failures : BATCH_EXIT.ok;
      } catch (e) {
        if (ac.signal.aborted) {
          process.stderr.write(tally.summary(`queue ${o.name}: collect interrupted`));
          process.exitCode = BATCH_EXIT.interrupted;
        } else report(e, 'collect');
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });

  withConn(queue.command('status'))
    .option('--json', 'print the counts as JSON')
    .description('jobs waiting, active, completed, failed, and the workers connected')
    .action(async (o: Conn & { json?: boolean }) => {
      try {
        const c = await status(target(o));
        process.stdout.write(o.json ? JSON.stringify(c) + '\n' : `queue ${o.name}: ${c.waiting + c.prioritized + c.delayed} waiting, ${c.active} active, ${c.completed} completed, ${c.failed} failed; ${c.workers} workers\n`);
      } catch (e) {
        report(e, 'status');
      }
    });

  withConn(queue.command('clear'))
    .description('remove the queue and all its jobs and results from Redis')
    .action(async (o: Conn) => {
      try {
        await obliterate(target(o));
      } catch (e) {
        report(e, 'clear');
      }
    });
}
