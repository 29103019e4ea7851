// `npm run build:cli`: the CLI as one ES module, dist/cli/greenplan.js (bin/greenplan.js
// loads it), built from tsc's output (dist/cli/main.js) with esbuild. One file instead of
// ~320 modules (TypeBox alone is 266) cuts the CPU a new process spends before it solves
// by about a third (README, "Smoothing"; bench/results/smoothing.json).
// - `greenplan solve` has its own one-file entry, dist/cli/greenplan-solve.js (from
//   dist/cli/solve-main.js: that command alone), which the bin runs for it: without the
//   other commands and the library's API (and the Node modules they import, zlib, streams,
//   worker threads) a new process that solves starts about 10 ms of CPU sooner
//   (docs/smoothing.md, "Speed of a new process"). `greenplan batch` likewise,
//   dist/cli/greenplan-batch.js (from dist/cli/batch-main.js): its main thread solves
//   nothing, so it loads no solver (docs/batch.md, "Fifth pass").
// - TypeBox and commander are bundled (commander through a `require` made by
//   createRequire: it is CommonJS; loading it from node_modules cost a new process about
//   7 ms of CPU, resolution and its module wrapper included). The other npm dependencies
//   stay external (imported from node_modules as before): what the batch/queue commands
//   import lazily (piscina, bullmq, ioredis, cli-progress), which read their own files at
//   run time, and the optional HiGHS.
// - `new URL('./x', import.meta.url)` in a module (a worker script, say) is rewritten
//   relative to the bundle's place, dist/cli/, so it names the same file as before.
// - The batch pool's thread script (dist/batch/task.js) is bundled the same way, into
//   dist/batch/task.bundle.js, which the pool starts when it is there (src/batch/pool.ts):
//   a thread then loads one module instead of ~320 (about 100 ms less CPU per thread,
//   bench/results/batch.json).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const bundled = new Set(['@sinclair/typebox', 'commander']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((d) => !bundled.has(d));

/** Module-relative URLs keep naming the same file from a bundle written to outDir. */
const moduleUrls = (outDir) => ({
  name: 'module-relative-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const contents = text.replace(/new URL\((['"])(\.{1,2}\/[^'"]+)\1,\s*import\.meta\.url\)/g, (_, q, rel) => {
        let p = relative(outDir, resolve(dirname(args.path), rel)).split('\\').join('/');
        if (!p.startsWith('.')) p = `./${p}`;
        return `new URL(${q}${p}${q}, import.meta.url)`;
      });
      return { contents, loader: 'js' };
    });
  },
});

const bundle = (entry, outfile) =>
  build({
    entryPoints: [resolve(root, entry)],
    outfile: resolve(root, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...external, ...external.map((d) => `${d}/*`)],
    plugins: [moduleUrls(dirname(resolve(root, outfile)))],
    legalComments: 'inline',
    logLevel: 'warning',
    // for the CommonJS modules bundled (commander's `require('node:events')`, …)
    banner: { js: "import { createRequire as __greenplanRequire } from 'node:module';\nconst require = __greenplanRequire(import.meta.url);" },
  });

await bundle('dist/cli/main.js', 'dist/cli/greenplan.js');
await bundle('dist/cli/solve-main.js', 'dist/cli/greenplan-solve.js');
await bundle('dist/cli/batch-main.js', 'dist/cli/greenplan-batch.js');
await bundle('dist/batch/task.js', 'dist/batch/task.bundle.js');
