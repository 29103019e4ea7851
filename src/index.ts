// greenplan public API (platform-neutral barrel; node.ts and browser.ts add the loader).
export { solve, trySolve, PROBLEMS, type Instance, type Solution, type SolveResult, type ProblemName } from './solve.js';
export { REGISTRY, problemOf } from './problems/registry.js';
export type { Problem, CheckReport } from './problems/types.js';
export { smooth, validateSmoothing, type SmoothOptions, type SmoothingInput } from './problems/smoothing/solve.js';
export { SmoothingInstance, SmoothingScenario, type SmoothingSolution, type SmoothingInfeasible } from './problems/smoothing/schema.js';
export { checkSmoothing } from './problems/smoothing/check.js';
export { knapsack, validateKnapsack, KNAPSACK_MAX_BYTES, type KnapsackOptions } from './problems/knapsack/solve.js';
export { KnapsackInstance, KnapsackItem, type KnapsackSolution, type KnapsackAlgorithm } from './problems/knapsack/schema.js';
export { checkKnapsack } from './problems/knapsack/check.js';
export { deploy, validateDeployment, DEPLOYMENT_MAX_OUTPUT_PARTS } from './problems/deployment/solve.js';
export { DeploymentInstance, DeploymentItem, DeploymentBin, DEPLOYMENT_ALGORITHMS, type DeploymentAlgorithm, type DeploymentSolution } from './problems/deployment/schema.js';
export { checkDeployment } from './problems/deployment/check.js';
export { migrate, validateMigration } from './problems/migration/solve.js';
export { MigrationInstance, MigrationMachine, MigrationTask, type MigrationSolution, type MigrationInfeasible, type MigrationMove } from './problems/migration/schema.js';
export { checkMigration } from './problems/migration/check.js';
export { GreenplanError, ValidationError, type ErrorCode } from './core/errors.js';
export { instanceSchema } from './schema.js';
export { init, setModuleSource } from './wasm/loader.js';
