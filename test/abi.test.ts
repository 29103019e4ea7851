// The WebAssembly interface is defined once (assembly/abi.ts) and the host side is
// generated from it (scripts/gen-abi.mjs, docs/architecture.md).
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as abi from '../src/wasm/abi.js';

const root = join(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('ABI: one definition, generated host side', () => {
  it('src/wasm/abi.ts and src/wasm/kernels.ts are what the generator writes now', () => {
    // exit status 1 (an exception) when a generated file is stale
    execFileSync(process.execPath, [join(root, 'scripts/gen-abi.mjs'), '--check'], { cwd: root, stdio: 'pipe' });
  });
  it('the kernels define no status, mode or flag of their own (all in assembly/abi.ts)', () => {
    for (const f of tsFiles(join(root, 'assembly'))) {
      if (f.endsWith('abi.ts')) continue;
      const text = readFileSync(f, 'utf8');
      for (const name of Object.keys(abi)) {
        if (/^[A-Z][A-Z0-9_]+$/.test(name)) expect(text, `${f} redefines ${name}`).not.toMatch(new RegExp(`const ${name}\\b\\s*(:\\s*\\w+)?\\s*=\\s*\\d`));
      }
    }
  });
  it('the host compares kernel statuses by name, never by number', () => {
    for (const f of tsFiles(join(root, 'src'))) {
      if (f.endsWith(join('wasm', 'abi.ts'))) continue;
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/\b(status|st)\s*[!=]==?\s*\d/);
      expect(text, f).not.toMatch(/case \d+:/);
    }
  });
  it('the argument block layout matches asc (natural alignment, in field order)', () => {
    // offsets asc gives DeployPackArgs (checked once with offsetof<DeployPackArgs>(...))
    expect(abi.DEPLOY_PACK_ARGS_BYTES).toBe(108);
    const mem = new WebAssembly.Memory({ initial: 1 });
    abi.writeDeployPackArgs(mem, 0, {
      n: 1, order: 2, w: 3, kmin: 4, kmax: 5, kNew: 6, m: 7, res0: 8, nNew: 9, cap: 10.5, rule: 11, adapt: 12, eps: 13.5,
      res: 14, sorted: 15, seg: 16, segP: 17, tmp: 18, tpos: 19, outK: 20, outStart: 21, outBins: 22, partsCap: 23, info: 24,
    });
    const v = new DataView(mem.buffer);
    expect(v.getInt32(0, true)).toBe(1);
    expect(v.getInt32(32, true)).toBe(9);
    expect(v.getFloat64(40, true)).toBe(10.5);
    expect(v.getInt32(48, true)).toBe(11);
    expect(v.getFloat64(56, true)).toBe(13.5);
    expect(v.getUint32(64, true)).toBe(14);
    expect(v.getUint32(104, true)).toBe(24);
  });
});
