// Golden files (test/golden/): compared, never created by a test run. A missing golden
// fails; `npm run golden` (UPDATE_GOLDEN=1) writes them, to be reviewed and committed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const dir = new URL('../golden/', import.meta.url);

/** The stored `{ instance, solution }` of `name`, after checking it equals this run's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectGolden<I, S>(name: string, instance: I, solution: S): { instance: I; solution: any } {
  const file = new URL(name, dir);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, JSON.stringify({ instance, solution }, null, 1) + '\n');
  if (!existsSync(file)) throw new Error(`golden file test/golden/${name} is missing: run \`npm run golden\`, review it and commit it`);
  const golden = JSON.parse(readFileSync(file, 'utf8'));
  expect(golden.instance).toEqual(instance);
  expect(solution).toEqual(golden.solution);
  return golden;
}
