// The demand CSV converter (src/data/demand-csv.ts): both shapes, time columns dropped,
// errors naming row and column.
import { describe, expect, it } from 'vitest';
import { demandCsvToSmoothing } from '../src/data/demand-csv.js';
import { solve } from '../src/node.js';

describe('demandCsvToSmoothing', () => {
  it('reads one column per service, dropping a timestamp column', () => {
    const inst = demandCsvToSmoothing('timestamp,web,db\n2024-01-01 00:00,3,1\n2024-01-01 00:05,4.5,2\n\n2024-01-01 00:10,1,0\n', { alpha: 2 });
    expect(inst).toEqual({ problem: 'smoothing', alpha: 2, scenarios: [{ name: 'web', demand: [3, 4.5, 1] }, { name: 'db', demand: [1, 2, 0] }] });
  });
  it('reads columns without a time column, and quoted cells, CRLF', () => {
    const inst = demandCsvToSmoothing('"a,1",b\r\n1,2\r\n3,"4"\r\n');
    expect(inst.scenarios).toEqual([{ name: 'a,1', demand: [1, 3] }, { name: 'b', demand: [2, 4] }]);
    expect(inst.alpha).toBe(1);
  });
  it('reads timestamp,value as one named service, and the result solves', async () => {
    const inst = demandCsvToSmoothing('timestamp,value\n2014-02-14 14:30:00,0.132\n2014-02-14 14:35:00,0.134\n', { name: 'ec2' });
    expect(inst.scenarios).toEqual([{ name: 'ec2', demand: [0.132, 0.134] }]);
    const sol = await solve(inst);
    expect(sol.status).toBe('optimal');
  });
  it('names row and column of a bad cell, and refuses files without header or rows', () => {
    expect(() => demandCsvToSmoothing('a,b\n1,2\n3,x\n')).toThrow('row 3, column "b": "x" is not a number');
    expect(() => demandCsvToSmoothing('a,b\n1,2\n3\n')).toThrow('row 3: 1 cells, the header has 2');
    expect(() => demandCsvToSmoothing('1,2\n3,4\n')).toThrow(/header row/);
    expect(() => demandCsvToSmoothing('a,b\n')).toThrow(/no data rows/);
    expect(() => demandCsvToSmoothing('a,a\n1,2\n')).toThrow(/appears twice/);
    expect(() => demandCsvToSmoothing('')).toThrow(/empty/);
  });
});
