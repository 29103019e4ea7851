// The CLI contract (issue 10, docs/contract.md) over a folder of hostile and mistaken inputs
// (test/helpers/hostile.ts: invalid instances through `solve` and `check` for every problem,
// infeasible instances, hostile names, limits, edge numbers, files, output, pipes, usage,
// malformed solutions). For each: the expected exit code, never a signal, a one-line
// stderr naming the JSON path, no stack trace, no raw control character, and every
// solution printed with exit 0 or 3 passes `greenplan check`. Time and memory are bounded
// as process limits (a JS heap cap and a generous kill timeout, RSS read from
// /usr/bin/time), never as timing thresholds.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileCases, type HostileCase } from './helpers/hostile.js';

/** The package under test (GREENPLAN_CLI_ROOT: another build, e.g. to count failures before a fix). */
const root = process.env.GREENPLAN_CLI_ROOT ?? new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/greenplan.js');
const dir = mkdtempSync(join(tmpdir(), 'greenplan-hostile-'));
/** JS heap cap of every run (MB) and the resident-set bound asserted (KB, WASM memory included). */
const HEAP_MB = 1024;
const RSS_KB = 3_000_000;
/** Generous kill timeouts (not speed assertions): a run killed here is a hang. */
const KILL_MS = 120_000;
const KILL_LARGE_MS = 600_000;
const HUGE = process.env.GREENPLAN_HOSTILE_HUGE !== '0';
const useTime = existsSync('/usr/bin/time');

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; rssKb: number }

function run(args: string[], opts: { stdin?: string | Buffer; closeAfter?: number; timeout?: number; env?: Record<string, string> } = {}): Promise<Run> {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const node = [`--max-old-space-size=${HEAP_MB}`, bin, ...args];
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...node]] : [process.execPath, node];
  return new Promise((resolve) => {
    const child = spawn(cmd, argv as string[], { cwd: root, env: { ...process.env, GREENPLAN_DEBUG: '', ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let got = 0;
    child.stdout.on('data', (b: Buffer) => {
      got += b.length;
      if (stdout.length < 50_000_000) stdout += b.toString('utf8');
      if (opts.closeAfter !== undefined && got >= opts.closeAfter) child.stdout.destroy();
    });
    child.stderr.on('data', (b: Buffer) => { if (stderr.length < 1_000_000) stderr += b.toString('utf8'); });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeout ?? KILL_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let rssKb = 0;
      if (useTime && existsSync(rssFile)) {
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        rssKb = Number(lines[lines.length - 1]) || 0;
        // /usr/bin/time reports a child's signal in its own output: keep ours
        if (lines.some((l) => /Command terminated by signal/.test(l))) signal = signal ?? 'SIGKILL';
        rmSync(rssFile, { force: true });
      }
      resolve({ code, signal, stdout, stderr, rssKb });
    });
  });
}

/** What every run must satisfy, whatever the case. */
function expectContract(c: HostileCase, r: Run) {
  const what = `${c.name}\nexit ${r.code} signal ${r.signal}\nstderr: ${r.stderr.slice(0, 2000)}`;
  expect(r.signal, what).toBeNull();
  const allowed = Array.isArray(c.exit) ? c.exit : [c.exit];
  expect(allowed, what).toContain(r.code);
  expect(r.stderr, what).not.toMatch(/^\s+at .*(\(|:\d+)/m); // no stack trace
  // eslint-disable-next-line no-control-regex
  expect(r.stderr, what).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/); // nothing raw but the final newline
  expect(r.stderr.length, what).toBeLessThanOrEqual(1000);
  if (r.code === 0 || r.code === 3 || r.code === 1) {
    // solved, no solution, or a check that failed: nothing on stderr, the verdict on stdout
    if (c.closeAfter === undefined) expect(r.stderr, what).toBe('');
    if (r.code === 1) expect(r.stdout.trimEnd().split('\n'), what).toHaveLength(1);
  } else {
    expect(r.stderr.trimEnd().split('\n'), what).toHaveLength(1);
    expect(r.stderr, what).toMatch(/^greenplan: /);
    if (c.message !== undefined) {
      if (typeof c.message === 'string') expect(r.stderr, what).toContain(c.message);
      else expect(r.stderr, what).toMatch(c.message);
    }
  }
  if (c.stdout !== undefined) {
    if (typeof c.stdout === 'string') expect(r.stdout, what).toContain(c.stdout);
    else expect(r.stdout, what).toMatch(c.stdout);
  }
  if (useTime) expect(r.rssKb, what).toBeLessThan(RSS_KB);
}

let cases: HostileCase[] = [];
beforeAll(() => {
  cases = hostileCases(dir, { hugeArray: HUGE });
  // GREENPLAN_HOSTILE_FILTER=<regex>: run only matching cases (then the count floor is not asserted)
  if (process.env.GREENPLAN_HOSTILE_FILTER) cases = cases.filter((c) => new RegExp(process.env.GREENPLAN_HOSTILE_FILTER!).test(c.name));
  console.log(`hostile inputs: ${cases.length} cases in ${dir}${HUGE ? '' : ' (the 2^27-element array skipped: GREENPLAN_HOSTILE_HUGE=0)'}`);
});

/** Run all cases two at a time; returns failures as text (the test then lists them all). */
async function runAll(): Promise<{ failures: string[]; counts: Record<string, number> }> {
  const failures: string[] = [];
  const known: string[] = [];
  const counts: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const idx = next++;
      const c = cases[idx]!;
      const cls = c.name.split('/')[0]!;
      counts[cls] = (counts[cls] ?? 0) + 1;
      const r = await run(c.args, { stdin: c.stdin, closeAfter: c.closeAfter, timeout: c.large ? KILL_LARGE_MS : KILL_MS });
      try {
        expectContract(c, r);
        if (c.recheck && (r.code === 0 || r.code === 3)) {
          const inst = c.args[1]!;
          const sol = join(dir, `answer-${idx}.json`);
          writeFileSync(sol, r.stdout);
          const k = await run(['check', inst, sol], { timeout: c.large ? KILL_LARGE_MS : KILL_MS });
          expect(k.code, `${c.name}: check of greenplan's own answer\n${k.stdout.slice(0, 500)}${k.stderr.slice(0, 500)}`).toBe(0);
          expect(k.stdout).toMatch(/^valid/);
          rmSync(sol, { force: true });
        }
      } catch (e) {
        const text = `${c.name}: ${(e as Error).message.split('\n').slice(0, 6).join(' | ')}`;
        if (c.known) known.push(`${text} [known: ${c.known}]`);
        else failures.push(text);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  if (known.length) console.log(`known defects owned elsewhere (not asserted):\n${known.join('\n')}`);
  return { failures, counts };
}

describe('the CLI contract over hostile inputs', () => {
  it('at least 150 cases; every one keeps the contract', async () => {
    if (!process.env.GREENPLAN_HOSTILE_FILTER) expect(cases.length).toBeGreaterThanOrEqual(150);
    const { failures, counts } = await runAll();
    console.log('cases per class:', counts, `failures: ${failures.length}`);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 3_600_000);
  it('stdout that cannot be written (a full disk: /dev/full) is exit 2 naming stdout, not an internal error (was: exit 70, "please report this bug")', () => {
    if (!existsSync('/dev/full')) return;
    const good = join(dir, 'full-good.json');
    writeFileSync(good, JSON.stringify({ problem: 'knapsack', capacity: 10, items: [{ size: 3, value: 4 }] }));
    for (const args of [['solve', good], ['schema'], ['check', good, good]]) {
      const out = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env: { ...process.env, GREENPLAN_DEBUG: '' } });
      closeSync(out);
      expect(r.status, `${args[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^greenplan: cannot write to stdout: ENOSPC\n$/);
    }
  });
  it('GREENPLAN_DEBUG=1 adds the stack trace after the one-line message', async () => {
    const bad = join(dir, 'debug-bad.json');
    writeFileSync(bad, JSON.stringify({ problem: 'knapsack', capacity: -1, items: [] }));
    const plain = await run(['solve', bad]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/^greenplan: capacity must be an integer in 0\.\.2147483647\n$/);
    const debug = await run(['solve', bad], { env: { GREENPLAN_DEBUG: '1' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^greenplan: capacity must be an integer in 0\.\.2147483647\n/);
    expect(debug.stderr).toMatch(/^\s+at .*validate/m);
  });
});
