// The CLI contract: exit codes 0 solved, 1 check failed, 2 invalid input; messages name the JSON path.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, copyFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/greenplan.js', import.meta.url).pathname;
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'greenplan-cli-'));
const file = (name: string, value: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};
const example = { problem: 'smoothing', alpha: 1.5, scenarios: [{ name: 'checkout', weight: 1, maxStep: 2, demand: [3, 1, 4, 1, 5] }] };

describe('greenplan solve', () => {
  it('prints the README example solution and exits 0', () => {
    const r = run(['solve', file('ex.json', example)]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      problem: 'smoothing', status: 'optimal', objective: 22, resource: 19, variation: 2,
      scenarios: [{ name: 'checkout', plan: [3, 3, 4, 4, 5] }],
      energy: expect.objectContaining({ unit: 'cores', steps: 5, baselines: [expect.objectContaining({ name: 'peak' })] }),
    });
  });
  it('reads stdin with - and writes --out', () => {
    const out = join(dir, 'out.json');
    const r = run(['solve', '-', '--out', out], JSON.stringify(example));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).objective).toBe(22);
  });
  it.each([
    [{ problem: 'smoothing', scenarios: [{ demand: [1, -1] }] }, 'scenarios[0].demand[1] must be a finite number >= 0'],
    [{ problem: 'smoothing', scenarios: [{ demand: [1], maxStep: 0.5 }] }, 'scenarios[0].maxStep must be an integer >= 0'],
    [{ problem: 'smoothing', scenarios: [{ demand: [1], maxStep: -1 }] }, 'scenarios[0].maxStep must be an integer >= 0'],
    [{ problem: 'smoothing', alpha: -0.1, scenarios: [] }, 'alpha must be a finite number >= 0'],
    [{ problem: 'smoothing', scenarios: [{ weight: 0, demand: [] }] }, 'scenarios[0].weight must be a finite number > 0'],
    [{ problem: 'smoothing', scenarios: [{ name: 'a', demand: [] }, { name: 'a', demand: [] }] }, 'scenarios[1].name duplicates scenarios[0].name'],
    [{ problem: 'smoothing', scenarios: [{ demand: [], colour: 'red' }] }, 'scenarios[0].colour is not a known field'],
    [{ problem: 'smoothing', scenarios: [{ demand: ['1'] }] }, 'scenarios[0].demand[0] must be a finite number >= 0'],
    [{ problem: 'smoothing' }, 'scenarios is required'],
    [{ problem: 'smoothen', scenarios: [] }, 'problem must be one of "smoothing"'],
    [[1, 2], 'the instance must be a JSON object'],
    [{ problem: 'smoothing', budget: -5, scenarios: [] }, 'budget must be a finite number >= 0'],
    [{ problem: 'knapsack', capacity: 5, items: [{ size: 0, value: 1 }] }, 'items[0].size must be an integer >= 1'],
    [{ problem: 'knapsack', capacity: 5, items: [{ size: 1, value: 2 }, { size: 1, value: -1 }] }, 'items[1].value must be a finite number >= 0'],
    [{ problem: 'knapsack', capacity: 5, items: [{ size: 1, value: 1, copies: 2.5 }] }, 'items[0].copies must be an integer >= 1'],
    [{ problem: 'knapsack', capacity: 2147483648, items: [] }, 'capacity must be an integer in 0..2147483647'],
  ])('exits 2 on invalid input %j', (instance, message) => {
    const r = run(['solve', file('bad.json', instance)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
  it('exits 2 on malformed JSON, NaN and Infinity literals', () => {
    for (const text of ['{"problem": "smoothing",', '{"problem":"smoothing","scenarios":[{"demand":[NaN]}]}', '{"problem":"smoothing","scenarios":[{"demand":[Infinity]}]}']) {
      const r = run(['solve', '-'], text);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/not valid JSON/);
    }
  });
  it('exits 2 when the file does not exist', () => {
    const r = run(['solve', join(dir, 'missing.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read instance/);
  });
});

describe('greenplan check', () => {
  it('accepts the solver output (exit 0) and rejects a tampered plan (exit 1) with the reason', () => {
    const inst = file('i.json', example);
    const sol = run(['solve', inst]).stdout;
    const ok = run(['check', inst, file('s.json', sol)]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('valid: objective 22');
    const bad = JSON.parse(sol);
    bad.scenarios[0].plan[1] = 0;
    const r = run(['check', inst, file('bad-s.json', bad)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('scenarios[0].plan[1] = 0 is below demand 1');
    const wrongObjective = { ...JSON.parse(sol), objective: 21 };
    const r2 = run(['check', inst, file('bad-o.json', wrongObjective)]);
    expect(r2.status).toBe(1);
    expect(r2.stdout).toContain('objective is 21, recomputed 22');
  });
});

describe('greenplan check (knapsack)', () => {
  it('accepts the solver output and rejects too many copies', () => {
    const inst = file('k.json', { problem: 'knapsack', capacity: 10, items: [{ name: 'a', size: 1, value: 6, copies: 4 }, { name: 'b', size: 2, value: 10, copies: 4 }] });
    const sol = run(['solve', inst]).stdout;
    expect(JSON.parse(sol)).toMatchObject({ value: 54, used: 10, take: [{ name: 'a', count: 4 }, { name: 'b', count: 3 }] });
    const ok = run(['check', inst, file('ks.json', sol)]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('valid: objective 54');
    const bad = { ...JSON.parse(sol), take: [{ name: 'a', count: 5 }], used: 5, value: 30 };
    const r = run(['check', inst, file('kbad.json', bad)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('take[0].count = 5 exceeds the 4 copies of "a"');
  });
  it('exits 2 on a bad knapsack instance with the JSON path', () => {
    const r = run(['solve', file('kb.json', { problem: 'knapsack', capacity: 3, items: [{ size: 0, value: 1 }] })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('items[0].size must be an integer >= 1');
  });
});

describe('greenplan schema', () => {
  it('exits 2 with one line naming the known problems on an unknown name', () => {
    for (const name of ['bogus', '__proto__']) {
      const r = run(['schema', name]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`greenplan: problem "${name}" is not one of "smoothing", "knapsack", "deployment", "migration", "forecast", "autoscaling"\n`);
    }
  });
});

describe('greenplan demo', () => {
  it('runs on the bundled Tianchi excerpt and reports the savings', () => {
    const r = run(['demo']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('peak-provisioned');
    expect(r.stdout).toMatch(/greenplan α=4 .* -\d+\.\d%/);
    // kWh per plan and the CO2 saved against the peak-provisioned plan: the tightest plan saves the most
    const kg = (label: RegExp) => Number(r.stdout.split('\n').find((l) => label.test(l))!.trim().split(/\s+/).pop());
    expect(r.stdout).toContain('kg CO2 saved');
    expect(kg(/α=0 \(tightest\)/)).toBeGreaterThan(kg(/α=16/));
    expect(kg(/α=16/)).toBeGreaterThan(0);
  });
});

describe('greenplan solve on long series (the one-file CLI bundle)', () => {
  it('prints what solve() gives on JSON.parse of the same file', async () => {
    const { solve } = await import('../src/node.js');
    const demand = Array.from({ length: 20000 }, (_, t) => Math.round((50 + 30 * Math.sin(t / 40) + ((t * 7919) % 13)) * 1000) / 1000);
    const inst = { problem: 'smoothing', alpha: 3, scenarios: [{ name: 'a', maxStep: 4, demand }, { name: 'b', weight: 2, demand: demand.map((x) => x / 3) }] };
    const p = file('long.json', JSON.stringify(inst, null, 1));
    const r = run(['solve', p]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(JSON.stringify(await solve(JSON.parse(readFileSync(p, 'utf8')))) + '\n');
  });
});

describe('greenplan solve through its own entry (dist/cli/greenplan-solve.js)', () => {
  it('prints, writes and exits as the whole CLI does', () => {
    const whole = new URL('../dist/cli/greenplan.js', import.meta.url).pathname;
    const ok = file('entry.json', example);
    const bad = file('entry-bad.json', { ...example, alpha: -1 });
    for (const args of [['solve', '--help'], ['solve'], ['solve', ok], ['solve', ok, '--pretty'], ['solve', bad], ['solve', join(dir, 'none.json')], ['solve', ok, '--bogus'], ['solve', ok, 'extra']]) {
      const a = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      const b = spawnSync(process.execPath, [whole, ...args], { encoding: 'utf8' });
      expect({ args, out: a.stdout, err: a.stderr, status: a.status }).toEqual({ args, out: b.stdout, err: b.stderr, status: b.status });
    }
  });
});

describe('greenplan batch through its own entry (dist/cli/greenplan-batch.js)', () => {
  it('prints, writes and exits as the whole CLI does', () => {
    const whole = new URL('../dist/cli/greenplan.js', import.meta.url).pathname;
    const jsonl = join(dir, 'entry-batch.jsonl');
    writeFileSync(jsonl, `${JSON.stringify(example)}\n${JSON.stringify({ ...example, alpha: -1 })}\nnot json\n`);
    const cases = [['batch', '--help'], ['batch'], ['batch', jsonl, '--workers', '1', '--no-progress'], ['batch', jsonl, '--workers', '0'], ['batch', join(dir, 'none.jsonl')], ['batch', jsonl, '--v8-flags', '--single-threaded'], ['batch', jsonl, '--bogus']];
    for (const args of cases) {
      const a = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      const b = spawnSync(process.execPath, [whole, ...args], { encoding: 'utf8' });
      // the summary gives the run's own time and rate
      const norm = (s: string) => s.replace(/ in [\d.]+ s \([\d.]+\/s\)/g, ' in T s (R/s)').split('\n').map((l) => l.replace(/"ms":[\d.]+/g, '"ms":0')).sort().join('\n');
      expect({ args, out: norm(a.stdout), err: norm(a.stderr), status: a.status }).toEqual({ args, out: norm(b.stdout), err: norm(b.stderr), status: b.status });
    }
  });
});

describe('bin/greenplan.js', () => {
  // a package layout whose dist/ links to the real one, with or without the bundles (the
  // whole CLI's, `solve`'s and `batch`'s own, all given the same text)
  const bundles = ['greenplan.js', 'greenplan-solve.js', 'greenplan-batch.js'];
  const layout = (bundle?: string) => {
    const root = mkdtempSync(join(tmpdir(), 'greenplan-bin-'));
    const real = new URL('../', import.meta.url).pathname;
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    copyFileSync(bin, join(root, 'bin', 'greenplan.js'));
    for (const f of readdirSync(join(real, 'dist'))) if (f !== 'cli') symlinkSync(join(real, 'dist', f), join(root, 'dist', f));
    for (const f of readdirSync(join(real, 'dist', 'cli'))) if (!bundles.includes(f)) symlinkSync(join(real, 'dist', 'cli', f), join(root, 'dist', 'cli', f));
    if (bundle !== undefined) for (const f of bundles) writeFileSync(join(root, 'dist', 'cli', f), bundle);
    return join(root, 'bin', 'greenplan.js');
  };
  const example = new URL('../examples/smoothing.json', import.meta.url).pathname;
  it('runs tsc\'s modules when the bundle is absent', () => {
    const r = spawnSync(process.execPath, [layout(), 'solve', example], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).objective).toBe(22);
  });
  it('runs tsc\'s modules for every command when the bundles are absent', () => {
    const r = spawnSync(process.execPath, [layout(), 'schema', 'smoothing'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).properties.problem).toBeDefined();
  });
  it('runs tsc\'s batch entry when its bundle is absent', () => {
    const jsonl = join(dir, 'bin-batch.jsonl');
    writeFileSync(jsonl, `${readFileSync(example, 'utf8').replace(/\s*\n\s*/g, ' ')}\n`);
    const r = spawnSync(process.execPath, [layout(), 'batch', jsonl, '--workers', '1', '--no-progress'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const line = JSON.parse(r.stdout.trim()) as { id: string; status: string; solution: { objective: number } };
    expect([line.id, line.status, line.solution.objective]).toEqual(['1', 'solved', 22]);
  });
  it('does not hide a module the bundle itself cannot find', () => {
    for (const args of [['solve', example], ['schema', 'smoothing'], ['batch', example]]) {
      const r = spawnSync(process.execPath, [layout("import 'greenplan-no-such-package';\n"), ...args], { encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('greenplan-no-such-package');
    }
  });
});
