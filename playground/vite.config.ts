// The playground (issue 11): a static site built by Vite from this folder. greenplan is
// used as a package would be: 'greenplan' and 'greenplan/worker' resolve to the built
// browser entries in ../dist (so `npm run build` comes first; `npm start` does both).
// Relative asset paths (base './'): the site works from any static file server; the WASM
// is an asset fetched by URL.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export default defineConfig({
  root,
  base: './',
  resolve: {
    alias: [
      { find: /^greenplan$/, replacement: `${dist}browser.js` },
      { find: /^greenplan\/worker$/, replacement: `${dist}worker/browser.js` },
      { find: /^greenplan\/data\/(.*)$/, replacement: `${dist}data/$1` },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
    // the bundler's plugin-timing notes are noise in `npm start` and the tests
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
