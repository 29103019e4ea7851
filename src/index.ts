// greenplan public API (platform-neutral barrel; node.ts and browser.ts add the loader).
export { solve, trySolve, PROBLEMS, type Instance, type Solution, type SolveResult } from './solve.js';
export { smooth, validateSmoothing, type SmoothOptions, type SmoothingInput } from './smoothing/solve.js';
export { SmoothingInstance, SmoothingScenario, type SmoothingSolution, type SmoothingInfeasible } from './smoothing/schema.js';
export { checkSmoothing, type CheckReport } from './check/smoothing.js';
export { knapsack, validateKnapsack, KNAPSACK_MAX_BYTES, type KnapsackOptions } from './knapsack/solve.js';
export { KnapsackInstance, KnapsackItem, type KnapsackSolution, type KnapsackAlgorithm } from './knapsack/schema.js';
export { checkKnapsack } from './check/knapsack.js';
export { deploy, validateDeployment, DEPLOYMENT_MAX_OUTPUT_PARTS } from './deployment/solve.js';
export { DeploymentInstance, DeploymentItem, DeploymentBin, DEPLOYMENT_ALGORITHMS, type DeploymentAlgorithm, type DeploymentSolution } from './deployment/schema.js';
export { checkDeployment } from './check/deployment.js';
export { migrate, validateMigration } from './migration/solve.js';
export { MigrationInstance, MigrationMachine, MigrationTask, type MigrationSolution, type MigrationInfeasible, type MigrationMove } from './migration/schema.js';
export { checkMigration } from './check/migration.js';
export { GreenplanError, ValidationError, type ErrorCode } from './core/errors.js';
export { instanceSchema } from './schema.js';
export { init, setModuleSource } from './wasm/loader.js';
