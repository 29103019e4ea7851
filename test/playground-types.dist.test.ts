// The playground is bundled by Vite (esbuild), which strips types without checking them:
// a type error there reaches the page unseen (one did: a call to a method the chart box
// did not have yet). This test type-checks it against the built package's declarations
// (dist/*.d.ts, paths in playground/tsconfig.json), as `npm run build:playground` would
// not. In the dist tier: its setup builds dist/ first.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('type checks', () => {
  it('the playground type-checks (tsc --noEmit -p playground/tsconfig.json)', () => {
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', 'playground/tsconfig.json'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(out).toBe('');
  }, 120_000);
});
