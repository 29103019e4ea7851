// Test tiers (docs/testing.md): a test file's tier is its name's last part before
// `.test.ts`: `*.oracle.test.ts` (HiGHS, brute force), `*.realdata.test.ts` (the data sets
// beside the project; skipped with a notice without them), `*.dist.test.ts` (the built
// package: browser, worker, CLI, packed tarball; test/setup/build.ts rebuilds dist/ first
// when a source is newer), and every other file is `unit` (fast). Every tier rebuilds the
// kernels first when assembly/ changed (test/setup/wasm.ts). `npm test` runs unit first,
// then the rest.
import { defineConfig } from 'vitest/config';

const TIERS = ['oracle', 'realdata', 'dist'] as const;
const SETUP = { wasm: './test/setup/wasm.ts', dist: './test/setup/build.ts' };
const common = { testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'unit', include: ['test/**/*.test.ts'], exclude: TIERS.map((t) => `test/**/*.${t}.test.ts`), globalSetup: [SETUP.wasm] } },
      ...TIERS.map((t) => ({ test: { ...common, name: t, include: [`test/**/*.${t}.test.ts`], globalSetup: [t === 'dist' ? SETUP.dist : SETUP.wasm] } })),
    ],
  },
});
