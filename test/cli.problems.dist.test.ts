// The CLI per problem, through the built package (bin/greenplan.js imports dist/; the dist
// tier builds first, test/setup/build.ts): convert | solve | check pipelines and exit codes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/greenplan.js', import.meta.url));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
const excerpt = fileURLToPath(new URL('./fixtures/tianchi-excerpt/', import.meta.url));
const bundled = fileURLToPath(new URL('../data/roadef2012/', import.meta.url));

describe('greenplan CLI: deployment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'greenplan-deploy-'));
  it('convert tianchi | solve | check; exit 3 when infeasible; exit 2 on bad input', () => {
    const instFile = join(dir, 'inst.json');
    const c = run(['convert', 'tianchi', '--apps', excerpt + 'app_resources.csv', '--machines', excerpt + 'machine_resources.csv', '--deploy', excerpt + 'instance_deploy.csv', '--out', instFile]);
    expect(c.status, c.stderr).toBe(0);
    const solFile = join(dir, 'sol.json');
    const s = run(['solve', instFile, '--out', solFile]);
    expect(s.status, s.stderr).toBe(0);
    const k = run(['check', instFile, solFile]);
    expect(k.status).toBe(0);
    expect(k.stdout).toMatch(/^valid: objective \d+/);
    const inf = run(['solve', '-'], JSON.stringify({ problem: 'deployment', binCapacity: 10, items: [{ name: 'big', size: 100, maxParts: 3 }] }));
    expect(inf.status).toBe(3);
    expect(JSON.parse(inf.stdout)).toMatchObject({ status: 'infeasible', reason: expect.stringContaining('service "big"') });
    const bad = run(['solve', '-'], JSON.stringify({ problem: 'deployment', binCapacity: 10, items: [{ size: 1 }, { size: 2 }, { size: 3 }, { size: -1 }] }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('items[3].size must be a finite number > 0');
    const missing = run(['convert', 'tianchi', '--apps', join(dir, 'nope.csv'), '--machines', 'x', '--deploy', 'y']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the apps file');
    const wide = join(dir, 'deploy-wide.csv');
    writeFileSync(wide, `${readFileSync(excerpt + 'instance_deploy.csv', 'utf8').trimEnd()},extra\n`);
    const extra = run(['convert', 'tianchi', '--apps', excerpt + 'app_resources.csv', '--machines', excerpt + 'machine_resources.csv', '--deploy', wide]);
    expect(extra.status).toBe(2);
    expect(extra.stdout).toBe('');
    expect(extra.stderr).toBe(`greenplan: deploy file ${JSON.stringify(wide)} line 110: 4 columns, the format has 3 (inst_id, app_id, machine_id)\n`);
    const ex = new URL('../examples/deployment.json', import.meta.url).pathname;
    const exSol = run(['solve', ex, '--out', join(dir, 'ex.sol.json')]);
    expect(exSol.status, exSol.stderr).toBe(0);
    expect(run(['check', ex, join(dir, 'ex.sol.json')]).status).toBe(0);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ problem: 'deployment', status: 'feasible', newBins: 0, parts: 0, lowerBound: 0, items: [] }));
    expect(run(['check', instFile, join(dir, 'bad.json')]).status).toBe(1);
  });
});

describe('greenplan CLI: budgeted smoothing', () => {
  const inst = { problem: 'smoothing', budget: 40, scenarios: [{ name: 'a', demand: [1, 5, 1, 1, 5, 2, 0, 3] }, { name: 'b', weight: 2, demand: [0, 3, 0, 3, 0] }] };
  it('CLI: exit 3 on an infeasible budget (the result says why), exit 0 otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-budget-'));
    const file = join(dir, 'b.json');
    writeFileSync(file, JSON.stringify({ ...inst, budget: 20 }));
    const r = spawnSync(process.execPath, [bin, 'solve', file], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'infeasible', budget: 20, minimumResource: 24 });
    writeFileSync(file, JSON.stringify(inst));
    const ok = spawnSync(process.execPath, [bin, 'solve', file], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'optimal', budget: 40 });
  });
});

describe('greenplan CLI: migration (ROADEF converter)', () => {
  it('CLI: convert roadef | solve | check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenplan-roadef-'));
    const conv = spawnSync(process.execPath, [bin, 'convert', 'roadef', '--model', bundled + 'model_a1_1.txt', '--assignment', bundled + 'assignment_a1_1.txt', '--max-parallel', '4', '--alpha', '0.001'], { encoding: 'utf8' });
    expect(conv.status).toBe(0);
    const inst = JSON.parse(conv.stdout);
    expect(inst).toMatchObject({ problem: 'migration', maxParallel: 4, alpha: 0.001 });
    writeFileSync(join(dir, 'i.json'), conv.stdout);
    const sol = spawnSync(process.execPath, [bin, 'solve', join(dir, 'i.json'), '--out', join(dir, 's.json')], { encoding: 'utf8' });
    expect(sol.status).toBe(0);
    const chk = spawnSync(process.execPath, [bin, 'check', join(dir, 'i.json'), join(dir, 's.json')], { encoding: 'utf8' });
    expect(chk.status, chk.stdout + chk.stderr).toBe(0);
    expect(chk.stdout).toMatch(/^valid: objective/);
    const bad = spawnSync(process.execPath, [bin, 'convert', 'roadef', '--model', join(dir, 'none.txt'), '--assignment', join(dir, 'none.txt')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    const badP = spawnSync(process.execPath, [bin, 'convert', 'roadef', '--model', 'x', '--assignment', 'y', '--max-parallel', '0'], { encoding: 'utf8' });
    expect(badP.status).toBe(2);
    expect(badP.stderr).toContain('--max-parallel must be an integer >= 1');
  });
  it('CLI: an over-full current state exits 2 naming the machine and the resource', () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenplan-roadef-'));
    const inst = { problem: 'migration', resources: ['cpu', 'mem'], machines: [{ name: 'big', capacity: [4, 4] }], tasks: [{ name: 'a', demand: [3, 3], machine: 'big' }, { name: 'b', demand: [1, 2], machine: 'big' }] };
    writeFileSync(join(dir, 'o.json'), JSON.stringify(inst));
    const r = spawnSync(process.execPath, [bin, 'solve', join(dir, 'o.json')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('machines[0].capacity[1] is exceeded in the current state: the tasks on machine "big" demand 5 of resource "mem", capacity 4');
    const huge = { ...inst, tasks: [{ name: 'n', demand: [9, 9] }] };
    writeFileSync(join(dir, 'h.json'), JSON.stringify(huge));
    expect(spawnSync(process.execPath, [bin, 'solve', join(dir, 'h.json')], { encoding: 'utf8' }).status).toBe(3);
  });
});
