// mesalab's public API: explicit re-exports grouped by folder (helpers stay private).

// model/
export { InputError, DivergenceError } from './errors/inputError.ts';
export { linspace } from './numerics/linspace.ts';
export { ownsBuffer } from './numerics/float64Slab.ts';
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
export { parseExpression, differentiate, quadraticForm, compileExpression, type Expression } from './model/expression.ts';
export { actionNames, type Game, type Parameter, type Policy, type UpdateRule, type FrozenCopy } from './model/game.ts';
export { parseGameConfig, gameConfigSchema, type GameConfig, type ParsedGameConfig } from './model/gameConfig.ts';
export { compileGame, gradientStep, policyOutput } from './model/gameFunctions.ts';
export { mlpForward } from './model/policies/mlp.ts';
export { EXTENSION_FIELDS, type ExtensionField, type GameExtensions, type TrainedDiscountSetting, type DeploymentSetting, type HorizonSetting } from './model/extensions.ts';
export { TIE_RULES, type TieRuleName } from './model/tieRuleName.ts';

// solvers/
export type { Equilibrium, Solver, SolverName } from './solvers/equilibrium.ts';
export { solveReference, referenceSolver, REFERENCE_MAX_EPISODES } from './solvers/reference/reference.ts';
export { solveGrid, gridSolver, type GridSolveOptions } from './solvers/grid/grid.ts';
export { solveExact, exactSolver } from './solvers/exact/exact.ts';
export { SOLVERS, SOLVER_NAMES, LINEAR_SOLVERS, LINEAR_SOLVER_NAMES, chooseSolver, getSolver } from './solvers/registry.ts';
// The same names without loading a solver (for help texts and pickers; registry.ts checks they agree).
export { SOLVER_NAME_LIST } from './solvers/solverNames.ts';
export { TIE_RELATIVE_TOLERANCE } from './solvers/tieRule.ts';
export type { GameSolver, GameEquilibrium, GameOutcome } from './solvers/gameSolver.ts';
export { solveLq, lqSolver } from './solvers/lq/lq.ts';
export { solveDp, dpSolver, dpGameSolver, dpExpectedCost, dpMeanTrajectory, type DpOptions, type DpEquilibrium } from './solvers/dp/dp.ts';
export { solveNeural, neuralSolver, type NeuralOptions, type NeuralEquilibrium } from './solvers/neural/neural.ts';
export { historySolver } from './solvers/history/historySolver.ts';
export { solveHistory, type HistoryOptions, type HistorySolution } from './solvers/history/historyDp.ts';
export { solveFullReoptimisation, type FullReoptimisationSolution } from './solvers/history/fullReoptimisation.ts';
export { stationaryEquilibria, stationaryMoments, trainingThenEndlessDeployment } from './solvers/infiniteHorizon/stationary.ts';
export { solveCorridor, deceptiveValue, type CorridorGame, type CorridorSolution } from './solvers/corridor/corridor.ts';
// The extensions' registered solvers (each plays the scenarios that set its field).
export { infiniteHorizonSolver } from './solvers/infiniteHorizon/infiniteHorizonSolver.ts';
export { trainedDiscountSolver } from './solvers/trainedDiscount/trainedDiscountSolver.ts';
export { uncertainDeploymentSolver } from './solvers/uncertainDeployment/uncertainDeploymentSolver.ts';
export { corridorSolver } from './solvers/corridor/corridorSolver.ts';
export { gaussHermite } from './numerics/quadrature.ts';
export { asLinearScenario } from './solvers/seedAdapters.ts';

// rollout/ and metrics/
export { rollout } from './rollout/rollout.ts';
export { EPISODE_COLUMNS, type Trajectory } from './rollout/trajectory.ts';
export { computeMetrics, type Metrics } from './metrics/metrics.ts';
export { rolloutGame } from './rollout/gameRollout.ts';
export { rolloutStochastic, type StochasticRollout, type StochasticRolloutOptions, type SeriesSummary } from './rollout/stochasticRollout.ts';
export { rolloutHistory, type HistoryRule } from './rollout/historyRollout.ts';
export { seedAsGameTrajectory, type GameTrajectory } from './rollout/gameTrajectory.ts';
export { computeGameMetrics, type GameMetrics } from './metrics/gameMetrics.ts';

// report/
export { resultToJson, type ResultJson } from './report/resultJson.ts';
export { trajectoryToCsv } from './report/trajectoryCsv.ts';
export { runRecords, type RunRecord } from './report/runRecord.ts';
export { gameResultToJson, type GameResultJson } from './report/gameResultJson.ts';
export { summaryTable, gameSummaryTable, formatNumber } from './report/summaryTable.ts';
export type { FigureSpec } from './report/charts/figureSpec.ts';
// The figures are in `mesalab/report` (src/report/index.ts): their spec builders (typed with
// vega-lite's types, so this entry's declarations need no vega-lite, an optional peer dependency)
// and renderSvg, svgToPng, writeRunOutputs, writeGameOutputs and writeFindings, which load the
// figure stack. Sweeps are in `mesalab/sweep`.

// experiment/: the one pipeline (config → solver → equilibrium → rollout → metrics). runConfigs
// routes each batch to the seed family's contract (runExperiment) or the general game's (runGame).
export { runConfigs, parseAnyConfig, runToFlatMetrics, metricNames, type ConfigSource, type PipelineResults, type ParsedAny } from './experiment/pipeline.ts';
export { runExperiment, type ExperimentResult } from './experiment/experiment.ts';
export { runGame, type GameResult, type RunGameOptions } from './experiment/gameExperiment.ts';
export { flatGameMetrics, flatSeedMetrics, type FlatMetrics } from './metrics/flatMetrics.ts';
export { estimateSolveSeconds, formatDuration, type SolveSize } from './experiment/cost.ts';
export type { SolveWrapper, SolveDescription } from './experiment/solveSize.ts';

// findings/
export { FINDINGS, getFinding } from './findings/registry.ts';
export type { Finding, FindingReport, FindingFigure, FindingTable, Reproduction } from './findings/finding.ts';
// The findings' names and questions without the findings (light: the explorer's picker uses them).
export { FINDING_NAMES, type FindingName } from './findings/names.ts';
export { FINDING_QUESTIONS } from './findings/questions.ts';
export { runScenario, reproduceCommand, type ScenarioRun, type Settings } from './findings/runScenario.ts';

// scenarios/
export { BUILT_IN_SCENARIOS, SEED_FAMILY_SCENARIOS, getBuiltInScenario, type BuiltInScenario, type SeedFamilyScenario } from './scenarios/registry.ts';
export { seed1, seed2 } from './scenarios/seed.ts';
