#!/usr/bin/env node
// The CLI bundles (`npm run build` makes them), else tsc's modules. `greenplan solve`
// runs its own entry (solve-main: that one command, so a new process loads the solver and
// nothing else), and so does `greenplan batch` (batch-main); every other command, and the
// help, the whole CLI (main).
import { fileURLToPath } from 'node:url';

// `greenplan batch`: its own entry too (batch-main: the main thread of a batch solves nothing)
const entry = process.argv[2] === 'solve' || process.argv[2] === 'batch' ? process.argv[2] : undefined;
const bundle = new URL(entry ? `../dist/cli/greenplan-${entry}.js` : '../dist/cli/greenplan.js', import.meta.url);
try {
  await import(bundle.href);
} catch (e) {
  // only a missing bundle falls back (not a module the bundle itself cannot find)
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes(`'${fileURLToPath(bundle)}'`)) throw e;
  await import(entry ? `../dist/cli/${entry}-main.js` : '../dist/cli/main.js');
}
