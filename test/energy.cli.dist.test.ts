// The energy blocks through the built CLI (docs/energy.md): `greenplan solve` prints them as
// part of the solution, `greenplan check` rejects a tampered figure (exit 1) and bad energy
// input (exit 2, one line naming the JSON path); `greenplan schema` documents the fields.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/greenplan.js', import.meta.url));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
const example = (name: string) => fileURLToPath(new URL(`../examples/${name}.json`, import.meta.url));

describe('greenplan CLI: energy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'greenplan-energy-'));
  for (const name of ['smoothing', 'deployment', 'migration']) {
    it(`${name}: solve prints the energy block; check accepts it and rejects a tampered kWh`, () => {
      const solFile = join(dir, `${name}.sol.json`);
      const s = run(['solve', example(name), '--out', solFile]);
      expect(s.status, s.stderr).toBe(0);
      const sol = JSON.parse(readFileSync(solFile, 'utf8'));
      expect(sol.energy).toMatchObject({ kWh: expect.any(Number), kgCO2: expect.any(Number), params: expect.any(Object) });
      expect(sol.energy.baselines.length).toBeGreaterThan(0);
      expect(run(['check', example(name), solFile]).status).toBe(0);
      sol.energy.kWh *= 1.01;
      writeFileSync(solFile, JSON.stringify(sol));
      const k = run(['check', example(name), solFile]);
      expect(k.status).toBe(1);
      expect(k.stdout + k.stderr).toContain('energy.kWh');
    });
  }
  it('bad energy input: exit 2, one line naming the path, for solve and check alike', () => {
    const inst = { ...JSON.parse(readFileSync(example('deployment'), 'utf8')), energy: { pue: 0.8 } };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(inst));
    for (const args of [['solve', file], ['check', file, file]]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('energy.pue must be a number in 1..10');
    }
    const peak = run(['solve', '-'], JSON.stringify({ problem: 'smoothing', scenarios: [{ demand: [1] }], energy: { idleWatts: 300, peakWatts: 200 } }));
    expect(peak.status).toBe(2);
    expect(peak.stderr).toContain('energy.peakWatts');
  });
  it('greenplan schema documents the energy fields with their defaults', () => {
    const r = run(['schema', 'migration']);
    expect(r.status).toBe(0);
    const energy = JSON.parse(r.stdout).properties.energy;
    for (const k of ['hours', 'resource', 'idleWatts', 'peakWatts', 'pue', 'kgCO2PerKWh']) expect(energy.properties[k].description).toMatch(/default/);
  });
});
