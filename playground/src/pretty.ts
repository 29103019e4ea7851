/** Pretty JSON with arrays of numbers (and nulls: missing values) kept on one line (demand series stay readable). */
export const pretty = (x: unknown) =>
  JSON.stringify(x, null, 2).replace(/\[\s*((?:-?[\d.eE+-]+|null)(?:,\s*(?:-?[\d.eE+-]+|null))*)\s*\]/g, (_m, body: string) => `[${body.split(/,\s*/).join(', ')}]`);

/** An example file's text as the editor shows it: a long one-line JSON (a generated file) pretty
 * printed, anything else as written. */
export const readable = (text: string) => {
  if (text.length < 2000 || /\n\s*\S/.test(text.trim())) return text;
  try { return pretty(JSON.parse(text)); } catch { return text; }
};
