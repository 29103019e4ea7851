// Browser test page (built by vite in test/browser.test.ts, driven by Chromium):
// the package's browser entries, as a bundler sees them. Solves the instances the
// test hands over in the main thread (greenplan's browser condition) and in two Web
// Workers (greenplan/worker) sharing one compiled module, and reports everything
// on window.__results.
import { solve, trySolve, wasmUrl } from '../../dist/browser.js';
import { spawnSolver } from '../../dist/worker/browser.js';

declare global {
  interface Window { __instances: unknown[]; __results?: unknown; __error?: string }
}

async function run() {
  const instances = window.__instances;
  const main = [];
  for (const inst of instances) main.push(await solve(inst));
  const module = await WebAssembly.compileStreaming(fetch(wasmUrl));
  const a = spawnSolver();
  const b = spawnSolver();
  await Promise.all([a.init(module), b.init(module)]);
  const worker = await Promise.all(instances.map((inst, i) => (i % 2 ? b : a).solve(inst)));
  const bad = await a.solve({ problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] }).then(
    () => null,
    (e: { name: string; path: string; message: string }) => ({ name: e.name, path: e.path, message: e.message }),
  );
  const badMain = await trySolve({ problem: 'smoothing', scenarios: [{ demand: [1, -1] }] });
  await Promise.all([a.close(), b.close()]);
  return { main, worker, bad, badMain: badMain.ok ? null : { path: badMain.error.path, message: badMain.error.message } };
}

const out = document.getElementById('out')!;
const started = () => {
  run().then(
    (r) => { window.__results = r; out.textContent = 'done'; },
    (e) => { window.__error = String(e?.stack ?? e); out.textContent = window.__error; },
  );
};
// the test sets window.__instances, then dispatches 'greenplan-start'
window.addEventListener('greenplan-start', started);
