// Stage-level entry points for the bench (bench/): what the public API does not expose but
// the bench measures (the kernels and a smoothing call laid out in them, an algorithm's
// run without the JSON solution, stage 1 of migration alone, its plain baseline, the
// exact target). Not a package export and not a stable API:
// the bench imports these from here and nowhere else inside src/ (test/architecture.test.ts),
// so solver files can be reorganised by keeping this one file compiling.
export { kernels, type Kernels } from './wasm/loader.js';
export { placeSmoothBatch, plainArray } from './problems/smoothing/solve.js';
export { solveFile } from './cli/solve.js';
export { runDeployment, deploymentSolution, type DeploymentRun } from './problems/deployment/solve.js';
export { migrationTarget, assignmentCost, targetObjective, PLAIN_MODE } from './problems/migration/solve.js';
export { exactTarget, buildClasses, DEFAULT_TIME_LIMIT_MS } from './problems/migration/exact.js';
export { phaseCategory } from './problems/autoscaling/calibration.js';
export { jumpSteps, plannedTrace } from './problems/autoscaling/replay.js';
export { Relation, podsFor } from './problems/autoscaling/relation.js';
export { replayHpa } from './problems/autoscaling/policies/hpa.js';
