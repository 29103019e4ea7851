// The dist tier's build check (test/setup/fresh.ts): the CLI bundles are rebuilt when their
// inputs (dist/ without the bundles) are newer than the oldest bundle. Every file that
// scripts/bundle-cli.mjs writes must be an output, never an input: else the bundles written
// after the first one make it look stale on every run (review).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLES, isBundle } from './setup/fresh.js';

const root = join(import.meta.dirname, '..');

describe('test setup: CLI bundle outputs', () => {
  it('every bundle written by scripts/bundle-cli.mjs is an output of the check, and nothing else is', () => {
    const script = readFileSync(join(root, 'scripts/bundle-cli.mjs'), 'utf8');
    const written = [...script.matchAll(/^await bundle\('[^']+', '([^']+)'\);$/gm)].map((m) => m[1]!);
    expect(written.length).toBeGreaterThanOrEqual(4);
    expect([...BUNDLES].sort()).toEqual([...written].sort());
    for (const f of written) expect(isBundle(join(root, f)), f).toBe(true);
    for (const f of ['dist/cli/main.js', 'dist/cli/solve-main.js', 'dist/batch/task.js', 'dist/node.js']) expect(isBundle(join(root, f)), f).toBe(false);
  });
});
