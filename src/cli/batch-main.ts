#!/usr/bin/env node
// `greenplan batch …` alone (bin/greenplan.js runs this entry when the first argument is
// `batch`): the same program as main.ts with that one command registered. The main thread
// of a batch solves nothing (its pool's threads do, src/batch/task.ts): it loads the
// kernels' module source, the batch command and commander, not the solvers, the other
// commands or TypeBox, so the pool's threads start sooner (docs/batch.md, "Fifth pass").
// `greenplan batch --help` and every error print what main.ts's program prints.
import '../wasm/node-source.js';
import { createProgram } from './program.js';
import { register as batch } from './batch.js';

const program = createProgram();
batch(program);
await program.parseAsync(process.argv);
