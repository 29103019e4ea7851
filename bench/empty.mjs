// An empty ES module: what `node` costs before it runs any code of ours (the bench's floor
// for a new `greenplan solve` process, bench/smoothing-kernel.ts, coldCli).
