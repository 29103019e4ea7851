// greenplan public API (platform-neutral barrel; node.ts and browser.ts add the loader).
export { solve, trySolve, PROBLEMS, type Instance, type Solution, type SolveResult, type ProblemName } from './solve.js';
export { REGISTRY, problemOf } from './problems/registry.js';
export type { Problem, ProblemSpec, CheckReport } from './problems/types.js';
export { check } from './check.js';
export { STATUSES, SOLVED_STATUSES, UNSOLVED_STATUSES, withContract, type Status, type InfeasibleVerdict } from './check/contract.js';
// the per-problem solvers, validators and checkers, each reading its input once (src/problems/api.ts)
export {
  smooth, validateSmoothing, checkSmoothing, knapsack, validateKnapsack, checkKnapsack,
  deploy, validateDeployment, checkDeployment, migrate, validateMigration, checkMigration,
  forecast, validateForecast, checkForecast, solveAutoscaling, validateAutoscaling, checkAutoscaling,
} from './problems/api.js';
export { type SmoothOptions, type SmoothingInput } from './problems/smoothing/solve.js';
export { SmoothingInstance, SmoothingScenario, type SmoothingSolution, type SmoothingInfeasible } from './problems/smoothing/schema.js';
export { KNAPSACK_MAX_BYTES, type KnapsackOptions } from './problems/knapsack/solve.js';
export { KnapsackInstance, KnapsackItem, type KnapsackSolution, type KnapsackAlgorithm } from './problems/knapsack/schema.js';
export { DEPLOYMENT_MAX_OUTPUT_PARTS } from './problems/deployment/solve.js';
export { DeploymentInstance, DeploymentItem, DeploymentBin, DEPLOYMENT_ALGORITHMS, type DeploymentAlgorithm, type DeploymentSolution } from './problems/deployment/schema.js';
export { MigrationInstance, MigrationMachine, MigrationTask, type MigrationSolution, type MigrationInfeasible, type MigrationMove } from './problems/migration/schema.js';
export { FORECAST_MAX_VALUES } from './problems/forecast/solve.js';
export { ForecastInstance, ForecastSeries, FORECAST_METHODS, type ForecastMethod, type ForecastMethodChoice, type ForecastSolution, type ForecastSeriesResult, type ForecastInterval, type ForecastBacktest } from './problems/forecast/schema.js';
export { AutoscalingInstance, AutoscalingService, AutoscalingEnergy, type AutoscalingSolution, type AutoscalingServiceSolution, type AutoscalingEvaluation, type PolicyResult, type PerPod, type EnergyTotals } from './problems/autoscaling/schema.js';
export { ENERGY_DEFAULTS } from './problems/autoscaling/energy.js';
export { GreenplanError, ValidationError, ERROR_CODES, errorFromFields, type ErrorCode, type ErrorFields, type Issue } from './core/errors.js';
export { instanceSchema } from './schema.js';
export { init, setModuleSource } from './wasm/loader.js';
export type { SmoothingEnergy, DeploymentEnergy, MigrationEnergy, EnergyBaselineFigure } from './energy/types.js';
