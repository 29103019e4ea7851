/** Pretty JSON with arrays of numbers kept on one line (demand series stay readable). */
export const pretty = (x: unknown) =>
  JSON.stringify(x, null, 2).replace(/\[\s*(-?[\d.eE+-]+(?:,\s*-?[\d.eE+-]+)*)\s*\]/g, (_m, body: string) => `[${body.split(/,\s*/).join(', ')}]`);
