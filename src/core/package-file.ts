// Files shipped with the package (build/greenplan.wasm, data/...), found from this
// module's own place: dist/core/package-file.js, two levels below the package root.
// The one-file CLI bundle (dist/cli/greenplan.js, scripts/bundle-cli.mjs) sits at the
// same depth, so the same relative path holds there too (test/package-file.test.ts, test/package.dist.test.ts).
import { fileURLToPath } from 'node:url';

/** URL of `rel` (e.g. 'build/greenplan.wasm') inside the installed package. */
export const packageUrl = (rel: string): URL => new URL(`../../${rel}`, import.meta.url);
/** File path of `rel` inside the installed package. */
export const packageFile = (rel: string): string => fileURLToPath(packageUrl(rel));
