/** Build what is stale (the site always with force). Returns the site folder. */
export function ensurePlayground(opts?: { force?: boolean; site?: boolean; log?: (s: string) => void }): Promise<string>;
