// The package in a real browser (Debian's Chromium, driven by playwright-core): vite
// bundles test/browser/ from the built dist/ entries (browser condition, the worker
// entry and greenplan.wasm as an asset), and the page must give the same solutions as
// Node, in the main thread and in two Web Workers sharing one compiled module, with
// errors revived as ValidationError with their JSON paths.
// Needs /usr/bin/chromium (.ci/run installs it); skips with a notice without it.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solve } from '../dist/node.js';

const CHROMIUM = '/usr/bin/chromium';
const have = existsSync(CHROMIUM);
if (!have) console.warn(`NOTICE: ${CHROMIUM} not found (apt-get install -y chromium): the browser test is skipped`);

const example = (name: string) => JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8'));

describe.skipIf(!have)('in Chromium (vite bundle of the browser entries)', () => {
  it('solves in the main thread and in Web Workers exactly as Node does', async () => {
    const { build, preview } = await import('vite');
    const { chromium } = await import('playwright-core');
    const root = new URL('./browser/', import.meta.url).pathname;
    const outDir = mkdtempSync(join(tmpdir(), 'greenplan-browser-'));
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' }, worker: { format: 'es' } });
    const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    const url = server.resolvedUrls!.local[0]!;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const instances = ['smoothing.json', 'smoothing-budget.json', 'knapsack.json', 'deployment.json', 'migration.json']
        .filter((f) => existsSync(new URL(`../examples/${f}`, import.meta.url)))
        .map(example)
        // the exact migration target needs the optional `highs` (Node only); in a browser
        // `auto` takes the heuristic target, so compare that one on both sides
        .map((inst) => (inst.problem === 'migration' ? { ...inst, target: 'heuristic' } : inst));
      const page = await browser.newPage();
      const logs: string[] = [];
      page.on('console', (m) => logs.push(m.text()));
      page.on('pageerror', (e) => logs.push(String(e)));
      await page.goto(url);
      await page.evaluate((inst) => {
        (window as unknown as { __instances: unknown[] }).__instances = inst;
        window.dispatchEvent(new Event('greenplan-start'));
      }, instances);
      await page.waitForFunction(() => (window as any).__results || (window as any).__error, undefined, { timeout: 60_000 });
      const error = await page.evaluate(() => (window as any).__error);
      expect(error, logs.join('\n')).toBeUndefined();
      const r = await page.evaluate(() => (window as any).__results);
      const expected = [];
      for (const inst of instances) expected.push(await solve(inst));
      expect(instances.length).toBe(5);
      expect(r.main).toEqual(expected);
      expect(r.worker).toEqual(expected);
      expect(r.bad).toEqual({ name: 'ValidationError', path: 'items[0].size', message: 'items[0].size must be an integer >= 1' });
      expect(r.badMain).toMatchObject({ path: 'scenarios[0].demand[1]' });
    } finally {
      await browser.close();
      await new Promise<void>((res) => server.httpServer.close(() => res()));
    }
  });
});
