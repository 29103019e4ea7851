// Test tiers (docs/testing.md): a test file's tier is its name's last part before
// `.test.ts`: `*.oracle.test.ts` (HiGHS, brute force), `*.realdata.test.ts` (the data sets
// beside the project; skipped with a notice without them), `*.dist.test.ts` (the built
// package: browser, worker, packed tarball; built first by test/setup/build.ts), and
// every other file is `unit` (fast). `npm test` runs unit first, then the rest.
import { defineConfig } from 'vitest/config';

const TIERS = ['oracle', 'realdata', 'dist'] as const;
const common = { testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'unit', include: ['test/**/*.test.ts'], exclude: TIERS.map((t) => `test/**/*.${t}.test.ts`) } },
      ...TIERS.map((t) => ({ test: { ...common, name: t, include: [`test/**/*.${t}.test.ts`] } })),
    ],
  },
});
