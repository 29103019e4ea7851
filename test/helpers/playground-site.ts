// The built playground for its dist test and its bench: playground/build.mjs rebuilds what is
// stale (kernels, dist/, the site), then a tiny static server serves playground/dist/.
import { ensurePlayground } from '../../playground/build.mjs';
import { serveStatic } from './static-server.js';

export async function servePlayground(log: (s: string) => void = () => {}) {
  const dir = await ensurePlayground({ log });
  return { dir, ...(await serveStatic(dir)) };
}
