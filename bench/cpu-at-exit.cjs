// Preloaded into a child process by the bench (node --require): reports the process's
// CPU time (user + system, ms) on stderr when it exits.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`greenplan-cpu-ms ${(u.user + u.system) / 1e3}\n`);
});
