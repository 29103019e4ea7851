// Instances for the batch and queue tests: every example of the repository (examples/*.json,
// one per problem kind at least: the test fails if a problem of the registry has none), a
// seeded knapsack heavy enough to be caught in the middle of its solve, and a redis-server
// of the test's own on a free port.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const examplesDir = new URL('../../examples/', import.meta.url).pathname;

/** Every examples/*.json, by file name. */
export function examples(): Map<string, { problem: string }> {
  const m = new Map<string, { problem: string }>();
  for (const f of readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort()) m.set(f, JSON.parse(readFileSync(join(examplesDir, f), 'utf8')));
  return m;
}

/** A knapsack that takes a while (n·C steps of dp-deque: ~0.5 s for n = 1000, C = 1e5 on a 2020 core). */
export function heavyKnapsack(seed: number, n = 1000, capacity = 100_000) {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const items = Array.from({ length: n }, () => ({ size: 1 + Math.floor(rnd() * 1000), value: Math.round(rnd() * 1000) / 10 }));
  return { problem: 'knapsack', capacity, items, algorithm: 'dp-deque' };
}

/** A knapsack no machine solves in under a minute (n·C = 4e9 steps). */
export const endlessKnapsack = () => heavyKnapsack(7, 20_000, 200_000);

/** A folder holding these instances (name -> value, or raw text). */
export function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'greenplan-batch-'));
  for (const [name, v] of Object.entries(files)) writeFileSync(join(dir, name), typeof v === 'string' ? v : JSON.stringify(v));
  return dir;
}

export const bin = new URL('../../bin/greenplan.js', import.meta.url).pathname;

/** Parse a results file (every line must be complete JSON). */
export const readLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export const hasRedis = () => spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;

/** A redis-server of our own (no persistence) on a free port; stop() ends it. */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const proc: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Ready to accept connections')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    }),
  };
}
