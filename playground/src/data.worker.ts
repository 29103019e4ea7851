// The page's data worker (no solving here: that is greenplan/worker's job): keeps large
// JSON work off the main thread, so the page stays responsive with instances of millions
// of numbers. Parsing hands smoothing demand series back as transferred Float64Arrays
// (the solver takes them as they are, and they cross to the solver worker as one copy);
// stringifying turns typed arrays back into JSON arrays.
import { expose, transfer } from 'comlink';

function typedDemand(inst: any): { inst: any; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  if (inst && inst.problem === 'smoothing' && Array.isArray(inst.scenarios)) {
    for (const s of inst.scenarios) {
      if (s && Array.isArray(s.demand) && s.demand.every((x: unknown) => typeof x === 'number')) {
        const a = Float64Array.from(s.demand as number[]);
        s.demand = a;
        buffers.push(a.buffer);
      }
    }
  }
  return { inst, buffers };
}

const replacer = (_k: string, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v);

export const dataApi = {
  /** Parse JSON text (throws SyntaxError as the main thread would). */
  parse(text: string) {
    const { inst, buffers } = typedDemand(JSON.parse(text));
    return transfer(inst, buffers);
  },
  /** JSON text of a value (typed arrays as arrays); `pretty`: 2-space indent. */
  stringify(value: unknown, pretty = false): string {
    return JSON.stringify(value, replacer, pretty ? 2 : undefined);
  },
};
export type DataApi = typeof dataApi;
expose(dataApi);
