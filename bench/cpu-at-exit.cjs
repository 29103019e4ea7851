// Preloaded into a child process by the bench (node --require): reports the process's
// CPU time (user + system, ms; then each alone: system time is mostly the kernel's work
// on first touches of memory, page faults) on stderr when it exits.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`greenplan-cpu-ms ${(u.user + u.system) / 1e3} user ${u.user / 1e3} system ${u.system / 1e3}\n`);
});
