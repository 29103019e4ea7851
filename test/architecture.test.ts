// Architecture rules over the import graph (docs/architecture.md): checkers share no code
// with solvers, shipped code never reaches into the tests, the bench or the data beside the
// project, and the bench reuses test helpers (the one home of generators, oracles and the
// full-data readers, shared by tests and bench) but no test file and no solver internals.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const rel = (p: string) => relative(root, p).split('\\').join('/');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : /\.(ts|mts|mjs|js)$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports of a file (static, dynamic, re-exports; type-only imports included), resolved to files. */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => {
    const p = resolve(dirname(file), s);
    for (const c of [p, p.replace(/\.js$/, '.ts'), p + '.ts', join(p, 'index.ts')]) if (existsSync(c) && statSync(c).isFile()) return c;
    return p;
  });
}

/** Every file reachable from `file` by relative imports. */
function closure(file: string): Set<string> {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    stack.push(...importsOf(f));
  }
  return seen;
}

describe('architecture: the import graph', () => {
  it('the import parser sees static, dynamic, type-only and re-export imports (so the rules below can fail)', () => {
    const got = importsOf(join(root, 'src/problems/registry.ts')).map(rel);
    expect(got).toContain('src/problems/smoothing/index.ts');
    expect(importsOf(join(root, 'src/problems/smoothing/check.ts')).map(rel)).toContain('src/problems/types.ts');
    expect(importsOf(join(root, 'src/index.ts')).length).toBeGreaterThan(3);
  });

  it('checkers (src/problems/*/check.ts) reach only types, schemas and pure checker helpers, never solver code', () => {
    const problems = readdirSync(join(root, 'src/problems')).filter((d) => existsSync(join(root, 'src/problems', d, 'check.ts')));
    expect(problems.length).toBeGreaterThanOrEqual(4);
    // allowed: the shared types, any problem's schema (and the energy fields and block types
    // the schemas include: data, no computation), and files made for checkers (check*.ts)
    const allowed = (p: string) => /^src\/problems\/(types\.ts|[^/]+\/(schema|check[^/]*)\.ts)$/.test(p) || /^src\/check\//.test(p) || /^src\/energy\/(schema|types)\.ts$/.test(p);
    // the rule can fail: a problem's index.ts reaches its solver
    expect([...closure(join(root, 'src/problems/smoothing/index.ts'))].map(rel).filter((p) => !allowed(p))).toContain('src/problems/smoothing/solve.ts');
    // and the energy computation is solver side: the hook reaches src/energy/model.ts
    expect([...closure(join(root, 'src/problems/smoothing/index.ts'))].map(rel).filter((p) => !allowed(p))).toContain('src/energy/model.ts');
    for (const d of problems) {
      const reach = [...closure(join(root, 'src/problems', d, 'check.ts'))].map(rel);
      const bad = reach.filter((p) => !allowed(p));
      expect(bad, `src/problems/${d}/check.ts reaches solver code`).toEqual([]);
    }
  });

  it('src/ never imports test/, bench/ or anything outside src/, and never names ../shared', () => {
    for (const f of tsFiles(join(root, 'src'))) {
      for (const dep of importsOf(f)) {
        expect(rel(dep).startsWith('src/'), `${rel(f)} imports ${rel(dep)}`).toBe(true);
      }
      expect(readFileSync(f, 'utf8'), `${rel(f)} names the data beside the project`).not.toMatch(/\.\.\/shared\//);
    }
  });

  it('bench/ reaches src/ only through the public entry, src/internals.ts, the data converters and the RNG', () => {
    // (or the same entries as built, dist/*.js, for a child process that runs under plain node)
    const allowed = /^src\/(node|index|internals)\.ts$|^dist\/(node|index|internals)\.js$|^src\/data\/[^/]+\.ts$|^src\/core\/rng\.ts$|^bench\/|^test\/helpers\//;
    for (const f of tsFiles(join(root, 'bench'))) {
      for (const dep of importsOf(f).map(rel)) expect(dep, `${rel(f)} imports ${dep}`).toMatch(allowed);
    }
  });

  it('bench/ and test/helpers/ import no test file; test/helpers/ imports no bench code', () => {
    for (const f of [...tsFiles(join(root, 'bench')), ...tsFiles(join(root, 'test/helpers'))]) {
      for (const dep of importsOf(f).map(rel)) {
        expect(dep, `${rel(f)} imports ${dep}`).not.toMatch(/\.test\.ts$/);
        if (rel(f).startsWith('test/')) expect(dep, `${rel(f)} imports ${dep}`).not.toMatch(/^bench\//);
      }
    }
  });
});
