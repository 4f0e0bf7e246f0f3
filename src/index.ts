// mesalab's public API: explicit re-exports grouped by folder (helpers stay private).

// model/
export { InputError, DivergenceError } from './model/inputError.ts';
export { linspace } from './model/linspace.ts';
export { parseScheduleSpec, checkSchedule, trainThenDeploy, MAX_EPISODES, type Schedule } from './model/schedule.ts';
export {
  linearScenario,
  defaultPrior,
  defaultCoefficientGrid,
  DEFAULT_THETA0,
  type LinearScenario,
  type LinearScenarioOptions,
} from './model/scenario.ts';
export { parseScenarioConfig, scenarioConfigSchema, type ScenarioConfig, type ParsedConfig } from './model/config.ts';

// solvers/
export type { Equilibrium, Solver, SolverName } from './solvers/equilibrium.ts';
export { solveReference, referenceSolver, REFERENCE_MAX_EPISODES } from './solvers/reference.ts';
export { solveGrid, gridSolver } from './solvers/grid.ts';
export { solveExact, exactSolver } from './solvers/exact.ts';
export { SOLVERS, SOLVER_NAMES, getSolver } from './solvers/registry.ts';
export { TIE_RELATIVE_TOLERANCE } from './solvers/tieRule.ts';

// rollout/ and metrics/
export { rollout } from './rollout/rollout.ts';
export { EPISODE_COLUMNS, type Trajectory } from './rollout/trajectory.ts';
export { computeMetrics, type Metrics } from './metrics/metrics.ts';

// report/
export { resultToJson, type ResultJson } from './report/resultJson.ts';
export { trajectoryToCsv } from './report/trajectoryCsv.ts';

// experiment/
export { runExperiment, type ExperimentResult } from './experiment/experiment.ts';

// scenarios/
export { BUILT_IN_SCENARIOS, getBuiltInScenario, type BuiltInScenario } from './scenarios/registry.ts';
export { seed1, seed2 } from './scenarios/seed.ts';
