// Build what the playground needs, only when it is out of date: the WASM kernels (assembly/
// -> build/greenplan.wasm), the TypeScript (src/ -> dist/) and the site (playground/ ->
// playground/dist/). Used by `npm start`, `npm run build:playground`, the playground
// test and bench (so they never run a stale build).
//   node playground/build.mjs [--force | --lib]   (--force: rebuild the site even if up to date;
//   --lib: only the WASM and dist/, what the dev server needs)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const p = (...s) => join(root, ...s);

/** Newest modification time under `paths` (files or folders, recursively). */
function newest(...paths) {
  let t = 0;
  const walk = (f) => {
    if (!existsSync(f)) return;
    const s = statSync(f);
    if (s.isDirectory()) { for (const e of readdirSync(f)) if (e !== 'node_modules' && e !== 'dist') walk(join(f, e)); }
    else t = Math.max(t, s.mtimeMs);
  };
  paths.forEach(walk);
  return t;
}
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
const run = (script, log) => {
  log(`greenplan playground: npm run ${script}`);
  execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
};

/** Build what is stale (the site always with force). Returns the site folder. */
export async function ensurePlayground({ force = false, site: buildSite = true, log = (s) => console.log(s) } = {}) {
  if (mtime(p('build/greenplan.wasm')) < newest(p('assembly'), p('asconfig.json'))) run('build:wasm', log);
  if (mtime(p('dist/browser.js')) < newest(p('src'), p('tsconfig.json'))) run('build:ts', log);
  if (!buildSite) return p('playground/dist/');
  const site = p('playground/dist/index.html');
  const inputs = newest(p('playground/src'), p('playground/index.html'), p('playground/vite.config.ts'), p('dist'), p('build/greenplan.wasm'), p('examples'), p('data'), p('test/fixtures/tianchi-excerpt'));
  if (force || mtime(site) < inputs) {
    log('greenplan playground: vite build');
    const { build } = await import('vite');
    await build({ configFile: p('playground/vite.config.ts'), logLevel: 'warn' });
  }
  return p('playground/dist/');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensurePlayground({ force: process.argv.includes('--force'), site: !process.argv.includes('--lib') });
}
