#!/usr/bin/env node
// The CLI bundles (`npm run build` makes them), else tsc's modules. `greenplan solve`
// runs its own entry (solve-main: that one command, so a new process loads the solver and
// nothing else); every other command, and the help, the whole CLI (main).
import { fileURLToPath } from 'node:url';

const solveOnly = process.argv[2] === 'solve';
const bundle = new URL(solveOnly ? '../dist/cli/greenplan-solve.js' : '../dist/cli/greenplan.js', import.meta.url);
try {
  await import(bundle.href);
} catch (e) {
  // only a missing bundle falls back (not a module the bundle itself cannot find)
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes(`'${fileURLToPath(bundle)}'`)) throw e;
  await import(solveOnly ? '../dist/cli/solve-main.js' : '../dist/cli/main.js');
}
