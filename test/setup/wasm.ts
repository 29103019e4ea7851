// globalSetup of the unit, oracle and realdata tiers: rebuild the kernels if stale.
import { ensureWasm } from './fresh.js';

export default function setup(): void {
  ensureWasm();
}
