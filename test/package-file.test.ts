// Files shipped with the package are found from dist/core/package-file.js's place (and
// from the CLI bundle's, at the same depth: test/package.dist.test.ts runs it packed).
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { packageFile, packageUrl } from '../src/core/package-file.js';
import { bundledAppsCsv } from '../src/data/tianchi.js';
import { wasmUrl } from '../src/node.js';

describe('packageFile', () => {
  it('finds the WASM binary and the bundled data at the package root', () => {
    expect(existsSync(packageFile('build/greenplan.wasm'))).toBe(true);
    expect(existsSync(packageFile('data/tianchi-apps.csv'))).toBe(true);
    expect(existsSync(packageFile('no/such/file'))).toBe(false);
    expect(packageUrl('build/greenplan.wasm').href).toBe(wasmUrl.href);
    expect(bundledAppsCsv).toBe(packageFile('data/tianchi-apps.csv'));
  });
});
