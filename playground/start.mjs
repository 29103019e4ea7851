// `npm start`: build what is needed, then serve the built playground (a static site) and
// print its URL. The CLI demo is `npx greenplan demo`.
import { fileURLToPath } from 'node:url';
import { ensurePlayground } from './build.mjs';

await ensurePlayground();
const { preview } = await import('vite');
const port = Number(process.env.PORT ?? 4173);
const server = await preview({
  configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
  preview: { port, strictPort: false, host: process.env.HOST ?? '127.0.0.1', open: false },
});
console.log('\ngreenplan playground (the 60 Tianchi apps open solved; Ctrl+C stops):');
server.printUrls();
