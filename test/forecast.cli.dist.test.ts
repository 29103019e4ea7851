// CLI: `greenplan convert series` (timestamp,value and one column per service) then
// `greenplan solve` and `greenplan check` on the result; bad CSV exits 2.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertSeriesCsv } from '../src/cli/convert-series.js';

const bin = new URL('../bin/greenplan.js', import.meta.url).pathname;
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'greenplan-forecast-cli-'));
const taxi = new URL('../data/nab/nyc_taxi.csv', import.meta.url).pathname;

describe('greenplan convert series', () => {
  it('bundled NAB excerpt -> instance -> solve -> check (exit codes 0)', () => {
    const inst = join(dir, 'taxi.json');
    const sol = join(dir, 'taxi.sol.json');
    const c = run(['convert', 'series', taxi, '--horizon', '48', '--out', inst]);
    expect(c.status, c.stderr).toBe(0);
    const i = JSON.parse(readFileSync(inst, 'utf8'));
    expect(i).toMatchObject({ problem: 'forecast', step: 1800, horizon: 48, method: 'auto' });
    expect(i.series[0].name).toBe('nyc_taxi');
    expect(i.series[0].values).toHaveLength(1008);
    const s = run(['solve', inst, '--out', sol]);
    expect(s.status, s.stderr).toBe(0);
    const k = run(['check', inst, sol]);
    expect(k.stdout).toMatch(/^valid/);
    expect(k.status).toBe(0);
    const bad = JSON.parse(readFileSync(sol, 'utf8'));
    bad.series[0].intervals[0].lower[3] = bad.series[0].mean[3] + 1;
    writeFileSync(sol, JSON.stringify(bad));
    const k2 = run(['check', inst, sol]);
    expect(k2.status).toBe(1);
    expect(k2.stdout).toMatch(/lower .* <= mean/);
  });
  it('one column per service, gaps become null, dates or Unix seconds', () => {
    const csv = 'time,web,db\n0,1,10\n60,2,\n180,4,40\n';
    const inst = convertSeriesCsv(csv, { horizon: '2' });
    expect(inst.step).toBe(60);
    expect(inst.series).toEqual([{ name: 'web', values: [1, 2, null, 4] }, { name: 'db', values: [10, null, null, 40] }]);
    const iso = convertSeriesCsv('timestamp,value\n2014-07-01 00:00:00,5\n2014-07-01 00:30:00,7\n', { name: 'x' });
    expect(iso.step).toBe(1800);
    expect(iso.series).toEqual([{ name: 'x', values: [5, 7] }]);
  });
  it('bad CSV exits 2 with the line', () => {
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'timestamp,value\n2014-07-01 00:00:00,5\nyesterday,7\n');
    const r = run(['convert', 'series', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/line 3: timestamp "yesterday"/);
    writeFileSync(f, 'timestamp,value\n0,5\n60,-7\n');
    expect(run(['convert', 'series', f]).stderr).toMatch(/line 3.*not a number >= 0/);
    writeFileSync(f, 'timestamp,value\n0,5\n60,7,1\n');
    const extra = run(['convert', 'series', f]);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toBe(`greenplan: ${JSON.stringify(f)} line 3: 3 cells, the header has 2\n`);
  });
  it('bad options, a missing file and an unwritable --out exit 2 with one line, no stack', () => {
    const f = join(dir, 'ok.csv');
    writeFileSync(f, 'timestamp,value\n0,5\n60,7\n120,6\n');
    const cases: [string[], RegExp][] = [
      [['convert', 'series', f, '--levels', '0.8,x'], /--levels .*"x"/],
      [['convert', 'series', f, '--levels', '0.8,1'], /--levels/],
      [['convert', 'series', f, '--horizon', '0'], /--horizon must be an integer >= 1/],
      [['convert', 'series', join(dir, 'missing.csv')], /cannot read .*ENOENT/],
      [['convert', 'series', f, '--out', join(dir, 'no-such-dir', 'x.json')], /cannot write --out .*ENOENT/],
      [['convert', 'series', f, '--out', dir], /cannot write --out .*EISDIR/],
    ];
    for (const [args, msg] of cases) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // timestamps spanning 1e12 s at a 1 s step: refused before any allocation, one line, exit 2
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, 'timestamp,value\n0,5\n1000000000000,7\n');
    const w = run(['convert', 'series', wide, '--step', '1']);
    expect(w.status).toBe(2);
    expect(w.stderr).toMatch(/^greenplan: the timestamps span \d+ s: .*larger --step/);
    const pretty = run(['convert', 'series', f, '--pretty']);
    expect(pretty.status).toBe(0);
    expect(pretty.stdout).toContain('\n  "problem": "forecast"');
  });
});
