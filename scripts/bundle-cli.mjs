// `npm run build:cli`: the CLI as one ES module, dist/cli/greenplan.js (bin/greenplan.js
// loads it). Built from tsc's output (dist/cli/main.js) with esbuild. One file instead of
// ~320 modules (TypeBox alone is 266) roughly halves the CPU a new process spends
// before it solves (README, "Smoothing"). It sits two levels below the package root,
// like dist/core/package-file.js, so build/greenplan.wasm and data/ resolve the same way.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/cli/greenplan.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // commander is CommonJS and require()s node builtins: give the bundle a require.
  banner: { js: "import { createRequire as __greenplanRequire } from 'node:module';\nconst require = __greenplanRequire(import.meta.url);" },
  legalComments: 'inline',
  logLevel: 'warning',
});
