// The per-problem public entries of the library (src/index.ts): each problem's solver,
// validator and checker, reading its input (a checker: the solution too) once, into the
// snapshot solve(), trySolve() and check() take (src/core/snapshot.ts, docs/contract.md
// "Errors"). The problems' folders and the registry keep the functions that take a snapshot
// (or a value of greenplan's own): solve() and check() copy once, not twice.
import { onSnapshot } from '../core/snapshot.js';
import * as smoothing from './smoothing/solve.js';
import { checkSmoothing as checkSmoothingOf } from './smoothing/check.js';
import * as knapsackSolve from './knapsack/solve.js';
import { checkKnapsack as checkKnapsackOf } from './knapsack/check.js';
import * as deployment from './deployment/solve.js';
import { checkDeployment as checkDeploymentOf } from './deployment/check.js';
import * as migration from './migration/solve.js';
import { checkMigration as checkMigrationOf } from './migration/check.js';
import * as forecastSolve from './forecast/solve.js';
import { checkForecast as checkForecastOf } from './forecast/check.js';
import * as autoscaling from './autoscaling/solve.js';
import { checkAutoscaling as checkAutoscalingOf } from './autoscaling/check.js';

// (explicit types: a validator stays an assertion function for TypeScript callers)
export const smooth: typeof smoothing.smooth = onSnapshot.solver(smoothing.smooth);
export const validateSmoothing: typeof smoothing.validateSmoothing = onSnapshot.validator(smoothing.validateSmoothing);
export const checkSmoothing: typeof checkSmoothingOf = onSnapshot.checker(checkSmoothingOf);
export const knapsack: typeof knapsackSolve.knapsack = onSnapshot.solver(knapsackSolve.knapsack);
export const validateKnapsack: typeof knapsackSolve.validateKnapsack = onSnapshot.validator(knapsackSolve.validateKnapsack);
export const checkKnapsack: typeof checkKnapsackOf = onSnapshot.checker(checkKnapsackOf);
export const deploy: typeof deployment.deploy = onSnapshot.solver(deployment.deploy);
export const validateDeployment: typeof deployment.validateDeployment = onSnapshot.validator(deployment.validateDeployment);
export const checkDeployment: typeof checkDeploymentOf = onSnapshot.checker(checkDeploymentOf);
export const migrate: typeof migration.migrate = onSnapshot.solver(migration.migrate);
export const validateMigration: typeof migration.validateMigration = onSnapshot.validator(migration.validateMigration);
export const checkMigration: typeof checkMigrationOf = onSnapshot.checker(checkMigrationOf);
export const forecast: typeof forecastSolve.forecast = onSnapshot.solver(forecastSolve.forecast);
export const validateForecast: typeof forecastSolve.validateForecast = onSnapshot.validator(forecastSolve.validateForecast);
export const checkForecast: typeof checkForecastOf = onSnapshot.checker(checkForecastOf);
export const solveAutoscaling: typeof autoscaling.solveAutoscaling = onSnapshot.solver(autoscaling.solveAutoscaling);
export const validateAutoscaling: typeof autoscaling.validateAutoscaling = onSnapshot.validator(autoscaling.validateAutoscaling);
export const checkAutoscaling: typeof checkAutoscalingOf = onSnapshot.checker(checkAutoscalingOf);
