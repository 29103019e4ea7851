#!/usr/bin/env node
// `greenplan solve …` alone (bin/greenplan.js runs this entry when the first argument is
// `solve`): the same program as main.ts with that one command registered, so a new process
// that solves loads the solver and nothing else (the other commands, the library's API,
// their Node modules: about 10 ms of CPU less per run, docs/smoothing.md,
// "Speed of a new process").
// `greenplan solve --help` and every error print what main.ts's program prints.
import { createProgram } from './program.js';
import { register as solve } from './solve.js';

const program = createProgram();
solve(program);
await program.parseAsync(process.argv);
