// Status codes returned by every kernel. Kernels never abort on user input:
// the TypeScript boundary validates first, and a kernel that still finds bad
// input returns one of these codes instead of trapping.
export const OK: i32 = 0;
/** A length, offset or count is inconsistent (negative, out of order). */
export const BAD_LENGTH: i32 = 1;
/** A numeric input is out of its domain (NaN, negative, too large). */
export const BAD_VALUE: i32 = 2;
/** The arena could not grow to the requested size. */
export const OUT_OF_MEMORY: i32 = 3;
/** The instance has no feasible solution. */
export const INFEASIBLE: i32 = 4;
/** A capacity or intermediate result exceeds what the kernel can represent. */
export const TOO_LARGE: i32 = 5;
