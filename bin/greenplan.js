#!/usr/bin/env node
// The CLI bundle (one file; `npm run build` makes it), else tsc's modules.
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/greenplan.js', import.meta.url);
try {
  await import(bundle.href);
} catch (e) {
  // only a missing bundle falls back (not a module the bundle itself cannot find)
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes(`'${fileURLToPath(bundle)}'`)) throw e;
  await import('../dist/cli/main.js');
}
