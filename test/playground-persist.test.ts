// The playground's kept edits (playground/src/persist.ts) on an in-memory localStorage: one
// saved edit per example (keyed by its id), which one was on screen last, the 2 MB cap over
// all of them (the oldest others removed first), the earlier single save moved, and storage
// that refuses never throwing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropEdit, editOf, forgetLast, loadEdit, saveEdit, SAVE_CAP } from '../playground/src/persist.js';

/** A Storage over a Map (what the page's localStorage offers persist.ts). */
class MemoryStorage {
  map = new Map<string, string>();
  refuse = false;
  get length() { return this.map.size; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) {
    if (this.refuse) throw new Error('QuotaExceededError');
    this.map.set(k, String(v));
  }
  removeItem(k: string) { this.map.delete(k); }
  clear() { this.map.clear(); }
}

let store: MemoryStorage;
let now = 1000;
const realNow = Date.now;
beforeEach(() => {
  store = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = store;
  Date.now = () => ++now;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
  Date.now = realNow;
});

describe('playground persist: one saved edit per example', () => {
  it('keeps each example\'s edit; the last one saved is what a reload brings back', () => {
    expect(saveEdit('{"problem":"knapsack","capacity":1}', { example: 'tianchi-60', label: 'Tianchi' })).toBe('saved');
    expect(saveEdit('{"problem":"smoothing"}', { example: 'examples/smoothing.json', label: 'Smoothing' })).toBe('saved');
    expect(editOf('tianchi-60')).toMatchObject({ text: '{"problem":"knapsack","capacity":1}', example: 'tianchi-60', label: 'Tianchi', problem: 'knapsack' });
    expect(editOf('examples/smoothing.json')?.text).toBe('{"problem":"smoothing"}');
    expect(loadEdit()?.example).toBe('examples/smoothing.json');
    // an example as loaded: its edit removed, the others kept; a reload shows it as loaded
    expect(saveEdit(null, { example: 'examples/smoothing.json', label: 'Smoothing' })).toBe('saved');
    expect(editOf('examples/smoothing.json')).toBeNull();
    expect(loadEdit()).toMatchObject({ text: null, example: 'examples/smoothing.json' });
    expect(editOf('tianchi-60')?.text).toBe('{"problem":"knapsack","capacity":1}');
    // an edit of no example (a file, typing) has its own slot ''
    saveEdit('{"problem":"forecast"}', { example: '', label: 'taxi.csv' });
    expect(loadEdit()).toMatchObject({ text: '{"problem":"forecast"}', example: '', label: 'taxi.csv' });
    dropEdit('');
    expect(loadEdit()).toBeNull();
    forgetLast();
    expect(loadEdit()).toBeNull();
    expect(editOf('tianchi-60')).not.toBeNull();
  });
  it('all the texts together stay within 2 MB: the oldest others go first; one text over it is not kept', () => {
    const big = (c: string) => `{"problem":"knapsack","pad":"${c.repeat(800_000)}"}`;
    saveEdit(big('a'), { example: 'a', label: 'A' });
    saveEdit(big('b'), { example: 'b', label: 'B' });
    saveEdit(big('c'), { example: 'c', label: 'C' }); // 2.4 MB in all: a, the oldest, goes
    expect([editOf('a'), editOf('b')?.example, editOf('c')?.example]).toEqual([null, 'b', 'c']);
    saveEdit(big('B'), { example: 'b', label: 'B' }); // b's own older text does not count
    expect([editOf('b')?.text?.length, editOf('c')?.example]).toEqual([big('B').length, 'c']);
    const total = [...store.map].filter(([k]) => k.includes('.edit.')).reduce((n, [, v]) => n + JSON.parse(v).text.length, 0);
    expect(total).toBeLessThanOrEqual(SAVE_CAP);
    expect(saveEdit('x'.repeat(SAVE_CAP + 1), { example: 'c', label: 'C' })).toBe('too-large');
    expect(editOf('c')).toBeNull(); // an older text of it is not brought back
    expect(loadEdit()).toBeNull();
    expect(editOf('b')).not.toBeNull();
  });
  it('storage that refuses or is missing never throws; unreadable entries are dropped; the earlier single save is moved', () => {
    saveEdit('{"problem":"knapsack"}', { example: 'x', label: 'X' });
    store.refuse = true;
    expect(saveEdit('{"problem":"knapsack","v":2}', { example: 'x', label: 'X' })).toBe('unavailable');
    expect(editOf('x')).toBeNull();
    store.refuse = false;
    store.map.set('greenplan.playground.edit.v2:y', 'not json');
    expect(editOf('y')).toBeNull();
    expect(store.map.has('greenplan.playground.edit.v2:y')).toBe(false);
    store.map.clear();
    store.map.set('greenplan.playground.edit.v1', JSON.stringify({ text: 'old', example: 'tianchi-60', label: 'T', problem: '', savedAt: 5 }));
    expect(loadEdit()).toMatchObject({ text: 'old', example: 'tianchi-60' });
    expect(store.map.has('greenplan.playground.edit.v1')).toBe(false);
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(saveEdit('t', { example: 'x', label: 'X' })).toBe('unavailable');
    expect([loadEdit(), editOf('x')]).toEqual([null, null]);
  });
});
