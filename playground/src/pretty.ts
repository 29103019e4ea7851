/** Pretty JSON with arrays of numbers (and nulls: missing values) kept on one line (demand series stay readable). */
export const pretty = (x: unknown) =>
  JSON.stringify(x, null, 2).replace(/\[\s*((?:-?[\d.eE+-]+|null)(?:,\s*(?:-?[\d.eE+-]+|null))*)\s*\]/g, (_m, body: string) => `[${body.split(/,\s*/).join(', ')}]`);

/** An example file's text as the editor shows it: a one-line JSON wider than an editor (a
 * generated file, e.g. examples/forecast.json: 1,225 characters) pretty printed, anything
 * else as written. */
export const readable = (text: string) => {
  if (text.trim().length <= 120 || /\n\s*\S/.test(text.trim())) return text;
  try { return pretty(JSON.parse(text)); } catch { return text; }
};
