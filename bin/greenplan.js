#!/usr/bin/env node
// The CLI bundle (one file; `npm run build` makes it), else tsc's modules.
try {
  await import('../dist/cli/greenplan.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('greenplan.js')) throw e;
  await import('../dist/cli/main.js');
}
