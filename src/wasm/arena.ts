import type { Kernels } from './loader.js';
import { GreenplanError } from '../core/errors.js';

/** Bump layout of one call's buffers inside the kernels' arena (8-byte aligned). */
export class Layout {
  private bytes = 0;
  private inputs: [number, Int32Array | Float64Array][] = [];
  /** Reserve `count` elements of `size` bytes; returns the offset from the arena base. */
  take(count: number, size: 1 | 4 | 8): number {
    const at = this.bytes;
    this.bytes += Math.ceil((count * size) / 8) * 8;
    return at;
  }
  /** Reserve room for `data` and copy it in when reserve() runs; returns the offset. */
  input(data: Int32Array | Float64Array): number {
    const at = this.take(data.length, data.BYTES_PER_ELEMENT as 4 | 8);
    this.inputs.push([at, data]);
    return at;
  }
  /** Grow the arena to fit and copy the inputs in; returns the base pointer. */
  reserve(k: Kernels, what: string): number {
    const base = k.reserve(this.bytes);
    if (base === 0) {
      throw new GreenplanError('out-of-memory', `${what}: needs ${(this.bytes / 2 ** 20).toFixed(0)} MiB of WebAssembly memory, over the 4 GiB limit`);
    }
    for (const [at, data] of this.inputs) {
      const View = data instanceof Int32Array ? Int32Array : Float64Array;
      new View(k.memory.buffer, base + at, data.length).set(data);
    }
    return base;
  }
}
