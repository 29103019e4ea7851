// The greenplan WebAssembly module: one binary, every kernel.
export { arenaBase, reserve, memoryBytes } from "./arena";
export { smoothBatch } from "./smoothing";
export { knapsackTable, knapsackReconstruct, knapsackConcave, knapsackBinary, knapsackBinaryBack } from "./knapsack";
export { deployPack, deployReduce } from "./deployment";
export { migrationTarget, migrationScratchBytes } from "./migration";
export { etsFit, etsFit2, ets2Scratch, etsSse, etsStates, etsScratch } from "./forecast-ets";
export { dspFit, dspScratch, dspDft, dspChirp, dspChirpSize } from "./forecast-fft";
export { msAccumulate, msSolve, msPath, msPaths, msScale, MS_FEATURES } from "./forecast-ridge";
export { cfQuantiles, cfScratch } from "./forecast-conformal";
