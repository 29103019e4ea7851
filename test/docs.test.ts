// The instances printed in README.md and docs/*.md are what a user copies first: each must
// solve as printed (no invalid-input), its solution must pass the independent checker, and
// where the text labels the next block plainly "Solution:", that block must be what solve()
// returns (every field it shows, `energy` aside: the text says solve() adds it).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { solve, check } from '../src/node.js';

const root = new URL('..', import.meta.url);
const files = ['README.md', ...readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

type Block = { file: string; line: number; value: Record<string, unknown>; before: string };
/** The ```json blocks that parse, with the text between the previous block and this one. */
function jsonBlocks(file: string): Block[] {
  const lines = readFileSync(new URL(file, root), 'utf8').split('\n');
  const out: Block[] = [];
  let start = -1, lang = '', text: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('```')) { if (start < 0) text.push(lines[i]!); continue; }
    if (start < 0) { start = i; lang = lines[i]!.slice(3).trim(); continue; }
    if (lang === 'json') {
      try {
        out.push({ file, line: start + 1, value: JSON.parse(lines.slice(start + 1, i).join('\n')), before: text.join('\n') });
      } catch { /* an excerpt ("energy": { … }), not a document */ }
    }
    start = -1; text = [];
  }
  return out;
}

const blocks = files.flatMap(jsonBlocks);
const instances = blocks.map((b, i) => ({ ...b, next: blocks[i + 1] })).filter((b) => typeof b.value.problem === 'string' && !('status' in b.value));

describe('the instances printed in README.md and docs/', () => {
  it('finds them (one per problem at least)', () => {
    expect(new Set(instances.map((b) => b.value.problem))).toEqual(new Set(['smoothing', 'knapsack', 'deployment', 'migration', 'forecast', 'autoscaling']));
  });
  for (const b of instances) {
    it(`${b.file}:${b.line} (${b.value.problem as string}) solves as printed and checks`, async () => {
      const solution = await solve(b.value as never) as unknown as Record<string, unknown>;
      expect(['optimal', 'feasible', 'ok', 'infeasible']).toContain(solution.status);
      expect((await check(b.value as never, solution as never)).valid).toBe(true);
      const shown = b.next;
      if (shown && shown.file === b.file && /Solution:\s*$/.test(shown.before) && shown.value.problem === b.value.problem) {
        const { energy: _, ...got } = solution;
        expect(got, `${shown.file}:${shown.line}`).toEqual(shown.value);
      }
    });
  }
});
