#!/usr/bin/env node
// greenplan CLI: one file per command (src/cli/<command>.ts exporting register(program)),
// one register line each below. The contract (docs/contract.md): exit codes in io.ts
// (EXIT, printed by --help), one escaped line on stderr, never a stack trace unless
// GREENPLAN_DEBUG=1. The program itself: program.ts; `solve` alone: solve-main.ts.
import '../node.js';
import { PROBLEMS } from '../solve.js';
import { fail, usage } from './io.js';
import { createProgram } from './program.js';
import { register as solve } from './solve.js';
import { register as check } from './check.js';
import { register as schema } from './schema.js';
import { register as convert, convertCommand } from './convert.js';
import { registerConvertSeries } from './convert-series.js';
import { register as demo } from './demo.js';
import { register as batch } from './batch.js';
import { register as queue } from './queue.js';

const program = createProgram().description(`Exact capacity plans for cloud services: fewer machines, less energy.\nProblems: ${PROBLEMS.join(', ')} (greenplan schema <problem>; examples/*.json).`);

solve(program);
check(program);
schema(program);
convert(program);
registerConvertSeries(convertCommand(program), fail);
demo(program);

batch(program);
queue(program);

if (process.argv.length <= 2) fail(usage(`a command is required: ${program.commands.map((c) => c.name()).join(', ')} (greenplan --help for usage)`));
await program.parseAsync(process.argv);
