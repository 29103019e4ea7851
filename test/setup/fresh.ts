// Builds before a test tier when its inputs are newer than its outputs, so that no test
// runs against a stale build (docs/testing.md): `wasm` (build/greenplan.wasm and the
// generated src/wasm/*.ts, from assembly/) for every tier, `all` (plus dist/, from src/)
// for the dist tier, whose tests import the built package.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function newest(dir: string, skip?: (p: string) => boolean): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (skip?.(p)) continue;
    t = Math.max(t, e.isDirectory() ? newest(p, skip) : statSync(p).mtimeMs);
  }
  return t;
}

function oldest(files: string[]): number {
  return Math.min(...files.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
}

function npmRun(script: string): void {
  console.log(`test setup: npm run ${script} (sources newer than the build)`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
}

export function ensureWasm(): void {
  const inputs = Math.max(newest(join(root, 'assembly')), statSync(join(root, 'scripts/gen-abi.mjs')).mtimeMs);
  // asc rewrites the binary on every build; the generator rewrites its files only when they change
  const generated = [join(root, 'src/wasm/abi.ts'), join(root, 'src/wasm/kernels.ts')];
  if (inputs > oldest([join(root, 'build/greenplan.wasm')]) || !generated.every((f) => existsSync(f))) npmRun('build:wasm');
}

export function ensureDist(): void {
  ensureWasm();
  const inputs = Math.max(newest(join(root, 'src')), statSync(join(root, 'tsconfig.json')).mtimeMs, statSync(join(root, 'build/greenplan.wasm')).mtimeMs);
  const dist = join(root, 'dist');
  const outputs = existsSync(dist) ? [join(dist, 'index.js'), join(dist, 'node.js'), join(dist, 'browser.js'), join(dist, 'cli/main.js')] : [];
  // oldest output vs newest input; any missing output counts as stale
  if (outputs.length === 0 || inputs > oldest(outputs)) npmRun('build:ts');
  // the CLI bundles (bin/greenplan.js runs them) and the batch thread's, from dist/ (without
  // them: a bundle written after another is not its input) and their build script
  const bundleInputs = Math.max(newest(dist, isBundle), statSync(join(root, 'scripts/bundle-cli.mjs')).mtimeMs);
  if (bundleInputs > oldest(BUNDLES.map((f) => join(root, f)))) npmRun('build:cli');
}

/** The files scripts/bundle-cli.mjs writes (test/setup-fresh.test.ts checks the list against it). */
export const BUNDLES: readonly string[] = ['dist/cli/greenplan.js', 'dist/cli/greenplan-solve.js', 'dist/cli/greenplan-batch.js', 'dist/batch/task.bundle.js'];
const bundlePaths = new Set(BUNDLES.map((f) => join(root, f)));
/** Whether `p` (an absolute path) is one of BUNDLES. */
export const isBundle = (p: string): boolean => bundlePaths.has(join(p));
