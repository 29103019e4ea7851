// globalSetup of the dist tier: rebuild the kernels and dist/ if stale (never test a stale dist/).
import { ensureDist } from './fresh.js';

export default function setup(): void {
  ensureDist();
}
