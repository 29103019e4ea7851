// Migration's own validation messages quote user-supplied names (docs/contract.md): control
// characters escaped, long names truncated, so that a message stays one bounded line.
import { describe, expect, it } from 'vitest';
import { trySolve } from '../src/node.js';

const huge = 'x'.repeat(1_000_000) + '\u0007';

describe('migration messages quote names', () => {
  it('an unknown machine name of 1 MB with a control character: one bounded, escaped line', async () => {
    const r = await trySolve({
      problem: 'migration', resources: ['cpu'],
      machines: [{ name: 'm1', capacity: [4] }],
      tasks: [{ name: 't1', demand: [1], machine: huge }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-input');
    expect(r.error.path).toBe('tasks[0].machine');
    expect(r.error.message.length).toBeLessThan(300);
    expect(r.error.message).not.toMatch(/[\u0000-\u001f]/);
    expect(r.error.message).toContain('characters)');
  });
  it('a group already on a machine names both with escapes', async () => {
    const r = await trySolve({
      problem: 'migration', resources: ['cpu'],
      machines: [{ name: 'a\nb', capacity: [4] }],
      tasks: [{ name: 't1', demand: [1], machine: 'a\nb', group: 'g\tx' }, { name: 't2', demand: [1], machine: 'a\nb', group: 'g\tx' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('"g\\tx"');
    expect(r.error.message).toContain('"a\\nb"');
    expect(r.error.message).not.toMatch(/[\u0000-\u001f]/);
  });
});
