import { Validator } from '../core/validate.js';
import { ValidationError, GreenplanError, statusError } from '../core/errors.js';
import { kernels } from '../wasm/loader.js';
import { Layout } from '../wasm/arena.js';
import { KnapsackInstance, type KnapsackSolution } from './schema.js';

const validator: Validator<typeof KnapsackInstance> = new Validator(KnapsackInstance);
/** Memory budget of one DP call (reconstruction table plus scratch), in bytes. */
export const KNAPSACK_MAX_BYTES = 2 ** 28;
/** Largest value × capacity accepted: keeps every DP sum finite. */
const MAX_VALUE_TIMES_CAPACITY = 1e300;

/** Effective capacity: never more than the total size of all copies that fit. */
function effectiveCapacity(inst: KnapsackInstance): number {
  let total = 0;
  for (const it of inst.items) if (it.size <= inst.capacity) total += it.size * (it.copies ?? 1);
  return Math.min(inst.capacity, total);
}

/** Bytes of the DP call for this effective capacity, and the choice table's width. */
function dpPlan(inst: KnapsackInstance, C: number): { bytes: number; width: 2 | 4 } {
  let width: 2 | 4 = 2;
  for (const it of inst.items) if (Math.min(it.copies ?? 1, Math.floor(C / it.size)) > 65535) width = 4;
  const n = inst.items.length;
  const bytes = n * (C + 1) * width + (C + 1) * 20 + n * 24;
  return { bytes, width };
}

/** Validate a knapsack instance (throws ValidationError naming the JSON path). */
export function validateKnapsack(input: unknown): asserts input is KnapsackInstance {
  validator.assert(input);
  const inst = input as KnapsackInstance;
  const seen = new Map<string, number>();
  inst.items.forEach((it, i) => {
    const name = it.name ?? String(i);
    const prev = seen.get(name);
    if (prev !== undefined) throw new ValidationError(`items[${i}].name`, `duplicates items[${prev}].name ("${name}")`);
    seen.set(name, i);
    if (it.value * inst.capacity > MAX_VALUE_TIMES_CAPACITY) {
      throw new ValidationError(`items[${i}].value`, `is too large: value × capacity must stay below 1e300`);
    }
  });
  const C = effectiveCapacity(inst);
  const { bytes } = dpPlan(inst, C);
  if (bytes > KNAPSACK_MAX_BYTES) {
    throw new ValidationError(
      'capacity',
      `is too large for the exact DP with ${inst.items.length} items: it needs ${(bytes / 2 ** 20).toFixed(0)} MiB ` +
        `(an items × (capacity+1) table), over the ${KNAPSACK_MAX_BYTES / 2 ** 20} MiB budget; reduce the capacity or the number of items`,
    );
  }
}

/** Exact bounded knapsack (O(n·C) monotone-deque DP, in WebAssembly). Throws on invalid input. */
export async function knapsack(instance: KnapsackInstance): Promise<KnapsackSolution> {
  validateKnapsack(instance);
  const k = await kernels();
  const items = instance.items;
  const n = items.length;
  const C = effectiveCapacity(instance);
  const { width } = dpPlan(instance, C);

  const lay = new Layout();
  const oSize = lay.take(n, 4);
  const oCopies = lay.take(n, 4);
  const oCounts = lay.take(n, 4);
  const oValue = lay.take(n, 8);
  const oDp = lay.take(C + 1, 8);
  const oDqVal = lay.take(C + 1, 8);
  const oDqIdx = lay.take(C + 1, 4);
  const oChoice = lay.take(Math.ceil((n * (C + 1) * width) / 4), 4);
  const base = lay.reserve(k, 'knapsack');
  const buf = k.memory.buffer;
  const size = new Int32Array(buf, base + oSize, n);
  const copies = new Int32Array(buf, base + oCopies, n);
  const value = new Float64Array(buf, base + oValue, n);
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    size[i] = it.size;
    copies[i] = it.copies ?? 1;
    value[i] = it.value;
  }
  const status = k.knapsackDp(n, base + oSize, base + oValue, base + oCopies, C, base + oDp, base + oChoice, base + oDqIdx, base + oDqVal, base + oCounts, width);
  if (status === 5) throw new GreenplanError('internal', 'knapsack: a value sum overflowed (please report this bug)');
  if (status !== 0) throw statusError(status, 'knapsack');
  // copy out: never hand out views into WASM memory
  const counts = new Int32Array(k.memory.buffer, base + oCounts, n).slice();
  let total = 0;
  let used = 0;
  const take: { name: string; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    const c = counts[i]!;
    if (c <= 0) continue;
    const it = items[i]!;
    total += c * it.value;
    used += c * it.size;
    take.push({ name: it.name ?? String(i), count: c });
  }
  return { problem: 'knapsack', status: 'optimal', value: total, used, take, algorithm: 'dp-deque' };
}
