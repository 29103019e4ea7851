// The greenplan WebAssembly module: one binary, every kernel.
export { arenaBase, reserve, memoryBytes } from "./arena";
export { smoothBatch } from "./smoothing";
export { knapsackTable, knapsackReconstruct, knapsackConcave, knapsackBinary, knapsackBinaryBack } from "./knapsack";
export { deployPack, deployReduce } from "./deployment";
export { migrationTarget, migrationScratchBytes } from "./migration";
