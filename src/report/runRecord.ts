/**
 * One run in one shape, whichever contract the pipeline ran it under (experiment/pipeline.ts):
 * the trajectory as a game's (a seed-family run's θ is the parameter `theta`, its coefficient the
 * action `a`), the flat metrics record sweeps use, the equilibrium's actions and ties, and the
 * files the CLI writes. The findings (findings/runScenario.ts) and the explorer's worker read runs
 * through this; only the contract's own JSON and summary table still tell seed from game.
 */
import type { ExperimentResult } from '../experiment/experiment.ts';
import type { GameResult } from '../experiment/gameExperiment.ts';
import type { PipelineResults } from '../experiment/pipeline.ts';
import { flatGameMetrics, flatSeedMetrics, type FlatMetrics } from '../metrics/flatMetrics.ts';
import type { TieRuleName } from '../model/tieRuleName.ts';
import { seedAsGameTrajectory, type GameTrajectory } from '../rollout/gameTrajectory.ts';
import { gameResultToJson } from './gameResultJson.ts';
import { resultToJson } from './resultJson.ts';
import { trajectoryCsvChunks } from './trajectoryCsv.ts';

export interface RunRecord {
  readonly name: string;
  readonly solver: string;
  readonly trajectory: GameTrajectory;
  /** The parameter the mesa-objective scores against (the seed's θ). */
  readonly goal: string;
  readonly policy: 'linear' | 'mlp' | 'discrete';
  /** The base optimizer's update rule, and the number of seeded runs averaged under a stochastic one. */
  readonly update: string;
  readonly stochasticRuns?: number;
  readonly metrics: FlatMetrics;
  /** The equilibrium's actions, row by row (episode n's component i at n·m + i). */
  readonly actions: Float64Array;
  readonly actionNames: readonly string[];
  readonly ties: readonly number[];
  readonly tieRule: TieRuleName;
  /** Episodes the figure shows by default. */
  readonly plotWindow: number;
  readonly solveMilliseconds: number;
  /** The game run, when the run was a general game (an extension's own data lives there). */
  readonly game?: GameResult;
  /** trajectory.csv as the CLI writes it, in pieces (one layout for every run). */
  csvChunks(): Iterable<string>;
  /** result.json's object as the CLI writes it (its contract's `--json`), without provenance. */
  json(): object;
}

/** Every run of a pipeline batch as a record. */
export function runRecords(batch: PipelineResults): RunRecord[] {
  return batch.kind === 'seed' ? batch.results.map(seedRecord) : batch.results.map(gameRecord);
}

function seedRecord(result: ExperimentResult): RunRecord {
  const { config, equilibrium } = result;
  return {
    name: config.name,
    solver: equilibrium.solver,
    trajectory: seedAsGameTrajectory(result.trajectory),
    goal: 'theta',
    policy: 'linear',
    update: 'gradient',
    metrics: flatSeedMetrics(result.metrics),
    actions: equilibrium.coefficients,
    actionNames: ['a'],
    ties: equilibrium.ties,
    tieRule: equilibrium.tieRule,
    plotWindow: config.plotWindow,
    solveMilliseconds: result.solveMilliseconds,
    // The seed contract names the coefficient column `coefficient` (test/golden pins the files).
    csvChunks: () => trajectoryCsvChunks(seedAsGameTrajectory(result.trajectory, 'theta', 'coefficient')),
    json: () => resultToJson(result),
  };
}

function gameRecord(result: GameResult): RunRecord {
  const { config, equilibrium } = result;
  const { game } = config;
  return {
    name: config.name,
    solver: equilibrium.solver,
    trajectory: result.trajectory,
    goal: game.parameters[game.goal].name,
    policy: game.policy.type === 'mlp' ? 'mlp' : game.policy.discrete ? 'discrete' : 'linear',
    update: game.update.type,
    ...(result.stochastic ? { stochasticRuns: result.stochastic.runs } : {}),
    metrics: flatGameMetrics(result.metrics),
    actions: equilibrium.actions,
    actionNames: equilibrium.actionNames,
    ties: equilibrium.ties,
    tieRule: equilibrium.tieRule ?? 'smallest',
    plotWindow: config.plotWindow,
    solveMilliseconds: result.solveMilliseconds,
    game: result,
    csvChunks: () => trajectoryCsvChunks(result.trajectory),
    json: () => gameResultToJson(result),
  };
}
