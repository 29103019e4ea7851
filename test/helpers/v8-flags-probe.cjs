// Preloaded (node --require) by test/batch.dist.test.ts: every v8.setFlagsFromString call of
// the process, written to stderr as one line each ("v8-flag <flag>"), then made as asked.
'use strict';
const v8 = require('node:v8');
const set = v8.setFlagsFromString.bind(v8);
v8.setFlagsFromString = (f) => {
  process.stderr.write(`v8-flag ${f}\n`);
  set(f);
};
