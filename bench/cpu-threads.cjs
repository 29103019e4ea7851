// Preloaded into `greenplan batch` by the batch bench (node --require): when the process
// exits, one line on stderr with its wall time since start and its CPU seconds (user +
// system, every thread, exited ones included), split by thread on Linux
// (/proc/self/task/<tid>/schedstat, nanoseconds on a CPU):
//   main     the main thread (reads the input, hands out tasks, writes the results);
//   helpers  every other thread alive at exit: V8's platform threads (concurrent
//            TurboFan compilation of hot JavaScript, concurrent/parallel GC, WebAssembly
//            compilation) and libuv's pool;
//   workers  the rest: the pool's worker threads (terminated before exit; solving, parsing,
//            serialising, their own share of GC).
'use strict';
const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  const fs = require('node:fs');
  const onCpu = (tid) => {
    try {
      return Number(fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
    } catch {
      return NaN;
    }
  };
  process.on('exit', () => {
    const u = process.cpuUsage();
    const cpu = (u.user + u.system) / 1e6;
    const out = { wall: performance.now() / 1000, cpu };
    const main = onCpu(process.pid);
    if (Number.isFinite(main)) {
      let helpers = 0;
      for (const tid of fs.readdirSync('/proc/self/task')) if (Number(tid) !== process.pid) helpers += onCpu(tid) || 0;
      Object.assign(out, { main, helpers, workers: Math.max(0, cpu - main - helpers) });
    }
    process.stderr.write(`greenplan-threads ${JSON.stringify(out)}\n`);
  });
}
