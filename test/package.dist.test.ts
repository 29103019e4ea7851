// The published package: what `npm pack` ships, and that the packed tarball works when installed.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, symlinkSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

describe('npm package', () => {
  it('ships the WASM binary, the compiled API, the CLI and the bundled data, and no tests', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
    for (const f of ['build/greenplan.wasm', 'dist/node.js', 'dist/browser.js', 'dist/index.d.ts', 'dist/worker/node.js', 'dist/worker/browser.js', 'dist/worker/serve-browser.js', 'bin/greenplan.js', 'dist/cli/greenplan.js', 'dist/cli/greenplan-solve.js', 'dist/cli/greenplan-batch.js', 'data/tianchi-apps.csv', 'package.json', 'README.md']) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('assembly/') || f.startsWith('node_modules/'))).toBe(false);
    // the packed README's and docs' links resolve inside the package (docs/*.md ship; the
    // screenshot does not: an image, not a reference)
    const linked = (md: string) => [...readFileSync(join(root, md), 'utf8').matchAll(/(?<!!)\[[^\]]*\]\(([^)#\s]+)[^)]*\)/g)]
      .map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l)).map((l) => posix.normalize(posix.join(posix.dirname(md), l)));
    for (const md of files.filter((f) => f.endsWith('.md') && !f.startsWith('data/'))) {
      for (const target of linked(md)) expect(files.some((f) => f === target || f.startsWith(target.replace(/\/?$/, '/'))), `${md} links ${target}`).toBe(true);
    }
    expect(files).toContain('docs/README.md');
    // no bench, playground or research data (the Alibaba 2025/2026 sets must never ship)
    expect(files.filter((f) => /^(bench|playground|scripts|src)\//.test(f) || /dlrm|genai|alibaba-/i.test(f))).toEqual([]);
  });
  it('the packed tarball installs and solves through its exports and its bin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenplan-pack-'));
    const tgz = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
    // resolve the runtime dependencies from this checkout instead of the network
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', join(app, 'node_modules')]);
    symlinkSync(join(dir, 'package'), join(app, 'node_modules', 'greenplan'));
    execFileSync('mkdir', ['-p', join(dir, 'package', 'node_modules')]);
    for (const dep of ['@sinclair', 'commander', 'comlink']) symlinkSync(join(root, 'node_modules', dep), join(dir, 'package', 'node_modules', dep));
    writeFileSync(join(app, 'main.mjs'), `import { solve } from 'greenplan';
const s = await solve({ problem: 'smoothing', alpha: 1.5, scenarios: [{ name: 'checkout', maxStep: 2, demand: [3, 1, 4, 1, 5] }] });
console.log(s.objective);`);
    const r = spawnSync(process.execPath, [join(app, 'main.mjs')], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('22');
    // the worker export: a solver in a worker thread of the installed package
    writeFileSync(join(app, 'worker.mjs'), `import { spawnSolver } from 'greenplan/worker';
const solver = spawnSolver();
const s = await solver.solve({ problem: 'knapsack', capacity: 10, items: [{ size: 1, value: 6, copies: 4 }, { size: 2, value: 10, copies: 4 }] });
console.log(s.value);
await solver.close();`);
    const w = spawnSync(process.execPath, [join(app, 'worker.mjs')], { cwd: app, encoding: 'utf8' });
    expect(w.stderr).toBe('');
    expect(w.stdout.trim()).toBe('54');
    // README's wrapSolver: the caller starts the worker itself (here with resourceLimits) on
    // the exported serve-node entry, and wraps it with comlink's Node adapter
    symlinkSync(join(root, 'node_modules', 'comlink'), join(app, 'node_modules', 'comlink'));
    writeFileSync(join(app, 'wrap.mjs'), `import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { wrapSolver } from 'greenplan/worker';
const worker = new Worker(new URL(import.meta.resolve('greenplan/worker/serve-node')), { resourceLimits: { maxOldGenerationSizeMb: 256 } });
const solver = wrapSolver(nodeEndpoint(worker), () => worker.terminate());
const s = await solver.solve({ problem: 'knapsack', capacity: 10, items: [{ size: 1, value: 6, copies: 4 }, { size: 2, value: 10, copies: 4 }] });
console.log(s.value, import.meta.resolve('greenplan/worker/serve-browser').endsWith('/dist/worker/serve-browser.js'));
await solver.close();`);
    const wr = spawnSync(process.execPath, [join(app, 'wrap.mjs')], { cwd: app, encoding: 'utf8' });
    expect(wr.stderr).toBe('');
    expect(wr.stdout.trim()).toBe('54 true');
    // every documented entry point resolves: the WASM binary by its export
    const wasm = spawnSync(process.execPath, ['--input-type=module', '-e', `import { fileURLToPath } from 'node:url'; console.log(fileURLToPath(import.meta.resolve('greenplan/greenplan.wasm')));`], { cwd: app, encoding: 'utf8' });
    expect(wasm.stderr).toBe('');
    expect(existsSync(wasm.stdout.trim())).toBe(true);
    // the types a TypeScript consumer gets: README's Node-only solveMany from 'greenplan'
    // under each moduleResolution a Node project uses (nodenext, and bundler, which applies
    // no "node" condition: the fallback types must describe the fallback dist/node.js)
    writeFileSync(join(app, 'consumer.mts'), `import { solve, solveMany, type Solution } from 'greenplan';
import { spawnSolver } from 'greenplan/worker';
const s: Solution = await solve({ problem: 'smoothing', scenarios: [{ demand: [1, 2] }] });
for await (const r of solveMany([{ problem: 'smoothing' as const, scenarios: [{ demand: [1, 2] }] }], { workers: 1, onProgress: (p) => console.log(p.done) })) console.log(r.status);
await spawnSolver().close();`);
    writeFileSync(join(app, 'browser.mts'), `import { solve, wasmUrl } from 'greenplan';
console.log(wasmUrl.href, (await solve({ problem: 'knapsack', capacity: 1, items: [] })).status);`);
    const tsc = (files: string[], ...opts: string[]) => spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--types', 'node', '--typeRoots', join(root, 'node_modules', '@types'), ...opts, ...files], { cwd: app, encoding: 'utf8' });
    for (const opts of [['--module', 'nodenext', '--moduleResolution', 'nodenext'], ['--module', 'esnext', '--moduleResolution', 'bundler']]) {
      const t = tsc(['consumer.mts'], ...opts);
      expect(t.stdout + t.stderr, opts.join(' ')).toBe('');
    }
    const tb = tsc(['browser.mts'], '--module', 'esnext', '--moduleResolution', 'bundler', '--customConditions', 'browser', '--lib', 'es2022,dom');
    expect(tb.stdout + tb.stderr).toBe('');
    const cli = spawnSync(process.execPath, [join(dir, 'package', 'bin', 'greenplan.js'), 'solve', join(dir, 'package', 'examples', 'smoothing.json')], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).objective).toBe(22);
    // the bin runs the one-file bundles (dist/cli/greenplan-solve.js for solve,
    // dist/cli/greenplan.js for the rest), which find the WASM and the bundled data from
    // their own place: the demo reads data/, solve reads build/
    const demo = spawnSync(process.execPath, [join(dir, 'package', 'bin', 'greenplan.js'), 'demo'], { encoding: 'utf8' });
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/capacity plans for \d+ Alibaba services/);
  });
});
