// The interface between the kernels and the host, defined once: status codes, modes,
// flags and argument blocks. The host side (src/wasm/abi.ts) is generated from this
// file by scripts/gen-abi.mjs on every `npm run build:wasm`; never redefine one of
// these numbers in src/. Syntax the generator understands: `export const NAME: i32 = EXPR;`
// (EXPR: integers, earlier names, | << >> + - * and parentheses) and `@unmanaged export
// class Name { field: i32 | f64 | usize; ... }` (an argument block the host writes into
// the arena; fields laid out in order with natural alignment, as asc does).
// See docs/architecture.md.

// ---- status codes returned by every kernel -----------------------------------------
// Kernels never abort on user input: the TypeScript boundary validates first, and a
// kernel that still finds bad input returns one of these codes instead of trapping.

/** Success. */
export const OK: i32 = 0;
/** A length, offset or count is inconsistent (negative, out of order). */
export const BAD_LENGTH: i32 = 1;
/** A numeric input is out of its domain (NaN, negative, too large). */
export const BAD_VALUE: i32 = 2;
/** The arena could not grow to the requested size. */
export const OUT_OF_MEMORY: i32 = 3;
/** The instance has no feasible solution. */
export const INFEASIBLE: i32 = 4;
/** A capacity or intermediate result exceeds what the kernel can represent (deployPack: the parts do not fit partsCap). */
export const TOO_LARGE: i32 = 5;

// ---- knapsack DP modes (assembly/knapsack.ts) ---------------------------------------

/** dp[w]: best value with total size <= w (values >= 0). */
export const KNAPSACK_AT_MOST: i32 = 0;
/** dp[w]: best value with total size exactly w (-Infinity when unreachable). */
export const KNAPSACK_EXACT: i32 = 1;
/** dp already holds a previous pass's values: no initialisation. */
export const KNAPSACK_CONTINUE: i32 = 2;

// ---- deployment packing rules (assembly/deployment.ts) -----------------------------

export const DEPLOY_FIRST_FIT: i32 = 0;
export const DEPLOY_BEST_FIT: i32 = 1;
export const DEPLOY_WORST_FIT: i32 = 2;

/**
 * Argument block of deployPack (see assembly/deployment.ts for the meaning of each
 * field). Pointers are arena addresses.
 */
@unmanaged export class DeployPackArgs {
  /** items */
  n: i32;
  /** i32[n] item order */
  order: usize;
  /** f64[n] item sizes */
  w: usize;
  /** i32[n] fewest parts */
  kmin: usize;
  /** i32[n] most parts */
  kmax: usize;
  /** i32[n] (adapt only) fewest parts that fit a new bin, 0 = none */
  kNew: usize;
  /** bins open from the start */
  m: i32;
  /** f64[m] their residuals */
  res0: usize;
  /** new bins */
  nNew: i32;
  /** capacity of a new bin */
  cap: f64;
  /** DEPLOY_FIRST_FIT, DEPLOY_BEST_FIT or DEPLOY_WORST_FIT */
  rule: i32;
  /** 0: all new bins open from the start; 1: open them on demand */
  adapt: i32;
  /** fit tolerance */
  eps: f64;
  /** scratch f64[B] (B = m + nNew) */
  res: usize;
  /** scratch i32[B] */
  sorted: usize;
  /** scratch f64[2·segP] (First Fit only) */
  seg: usize;
  /** power of two >= B (First Fit only) */
  segP: i32;
  /** scratch i32[B] */
  tmp: usize;
  /** scratch i32[B] */
  tpos: usize;
  /** out i32[n] parts per item */
  outK: usize;
  /** out i32[n] first slot of each item in outBins */
  outStart: usize;
  /** out i32[partsCap] bins of the parts */
  outBins: usize;
  /** room of outBins */
  partsCap: i32;
  /** out i32[4]: failed item or -1, parts, new bins opened or used, open bins at the end */
  info: usize;
}

// ---- migration target modes (assembly/migration.ts) --------------------------------
// A mode is a fit rule (bits 0-1) | a drain order key (bits 6-7) | flags | a restart
// seed << MIGRATE_SEED_SHIFT (bits 16-30, 0 = no perturbation).

/** Fit rule: first fit. With the drain key 0 and no flags: the plain baseline (mode 0). */
export const MIGRATE_FIRST_FIT: i32 = 0;
/** Fit rule: the task's original machine if it fits, else the best score. */
export const MIGRATE_BEST_FIT: i32 = 1;
/** Fit rule: the task's original machine if it fits, else first fit. */
export const MIGRATE_ORIGIN_FIRST_FIT: i32 = 2;
/** Mask of the fit rule bits. */
export const MIGRATE_FIT_MASK: i32 = 3;
/** Ejection chains of length 2 when a task fits nowhere. */
export const MIGRATE_EJECT: i32 = 4;
/** Repeat drain passes while machines close (at most 8). */
export const MIGRATE_MULTI: i32 = 8;
/** Return pass: moved tasks go back to their original machine when it has room. */
export const MIGRATE_RETURN: i32 = 16;
/** Weight resources by their overall utilization in the fit score. */
export const MIGRATE_SCARCE: i32 = 32;
/** Drain order key shift (bits 6-7): 0 utilization, 1 load per cost, 2 load + capacity per cost. */
export const MIGRATE_KEY_SHIFT: i32 = 6;
/** Drain order: load per unit cost. */
export const MIGRATE_BY_LOAD: i32 = 1 << MIGRATE_KEY_SHIFT;
/** Drain order: load + capacity per unit cost. */
export const MIGRATE_BY_LOAD_CAP: i32 = 2 << MIGRATE_KEY_SHIFT;
/** Fit score: squared L2 norm of the residual instead of its sum. */
export const MIGRATE_L2: i32 = 256;
/** Fit score: minus the dot product of demand and residual (overrides MIGRATE_L2). */
export const MIGRATE_DOT: i32 = 512;
/** Fit score: spread of the utilization vector after placement (overrides MIGRATE_DOT, MIGRATE_L2). */
export const MIGRATE_BALANCE: i32 = 1024;
/** Penalty local search: close machines by moves and swaps. */
export const MIGRATE_REPAIR: i32 = 2048;
/** Start from the assignment passed in tgt (polish) instead of cur. */
export const MIGRATE_FROM_TGT: i32 = 4096;
/** Swap-in trials: open a cheap closed machine to close others. */
export const MIGRATE_SWAP_IN: i32 = 32768;
/** Restart seed shift (bits 16-30). */
export const MIGRATE_SEED_SHIFT: i32 = 16;
