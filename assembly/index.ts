// The greenplan WebAssembly module: one binary, every kernel.
export { arenaBase, reserve, memoryBytes } from "./arena";
export { smoothBatch } from "./smoothing";
export { knapsackDp } from "./knapsack";
export { migrationTarget, migrationScratchBytes } from "./migration";
