// `npm run build:cli`: the CLI as one ES module, dist/cli/greenplan.js (bin/greenplan.js
// loads it), built from tsc's output (dist/cli/main.js) with esbuild. One file instead of
// ~320 modules (TypeBox alone is 266) cuts the CPU a new process spends before it solves
// by about a third (README, "Smoothing"; bench/results/smoothing.json).
// - npm dependencies other than TypeBox stay external (imported from node_modules as
//   before): commander, and what the batch/queue commands import lazily (piscina, bullmq,
//   ioredis, cli-progress) and which read their own files at run time.
// - `new URL('./x', import.meta.url)` in a module (a worker script, say) is rewritten
//   relative to the bundle's place, dist/cli/, so it names the same file as before.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const bundled = new Set(['@sinclair/typebox']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((d) => !bundled.has(d));
const outDir = resolve(root, 'dist/cli');

/** Module-relative URLs keep naming the same file from the bundle. */
const moduleUrls = {
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
};

await build({
  entryPoints: [resolve(root, 'dist/cli/main.js')],
  outfile: resolve(outDir, 'greenplan.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [...external, ...external.map((d) => `${d}/*`)],
  plugins: [moduleUrls],
  legalComments: 'inline',
  logLevel: 'warning',
});
