/**
 * The one pipeline: a scenario config (seed or general) → solver → equilibrium → rollout →
 * metrics. A seed-family config (no game-only field) asked for a seed solver (grid, exact,
 * reference; grid when it names none) keeps the seed's result and JSON contract; everything else
 * runs as a general game. The CLI's run and solve, sweeps and the browser explorer all run configs
 * through here, so the same config gives the same run everywhere.
 */
import { flatGameMetrics, flatSeedMetrics, gameMetricNames, type FlatMetrics } from '../metrics/flatMetrics.ts';
import { SEED_METRIC_NAMES } from '../metrics/metrics.ts';
import { parseScenarioConfig, type ParsedConfig } from '../model/config.ts';
import { usesGameFields } from '../model/gameFields.ts';
import { parseGameConfig, type ParsedGameConfig } from '../model/gameConfig.ts';
import { checkSolverName, getSolver, isSolverName } from '../solvers/registry.ts';
import { runExperiment, type ExperimentResult } from './experiment.ts';
import { runGame, type GameResult, type RunGameOptions } from './gameExperiment.ts';
import { metricsWithSolver } from './seedRun.ts';
import { gameSizeOf, gameSolverName, justSolve, sizeOf, type SolveWrapper } from './solveSize.ts';

/** `solver` overrides the config's own solver (the CLI's --solver). */
export function runsOnSeedPipeline(config: unknown, solver?: string): boolean {
  if (usesGameFields(config)) return false;
  const requested = solver ?? (config as { solver?: unknown } | null)?.solver ?? 'grid';
  return typeof requested === 'string' && isSolverName(requested);
}

/** One config to run, as data, with the name it takes if it names none itself. */
export interface ConfigSource {
  readonly config: unknown;
  readonly defaultName: string;
}

/** The results of one batch of configs: all on the seed pipeline, or all as games. */
export type PipelineResults = { readonly kind: 'seed'; readonly results: ExperimentResult[] } | { readonly kind: 'game'; readonly results: GameResult[] };

/**
 * Runs every config with `solver` (else each config's own). A batch runs on the seed pipeline
 * only when all of its configs can, so the configs of one built-in share one contract.
 */
export function runConfigs(sources: readonly ConfigSource[], solver?: string, options: RunGameOptions = {}, wrap: SolveWrapper = justSolve): PipelineResults {
  if (solver !== undefined) checkSolverName(solver, '--solver');
  if (sources.every(({ config }) => runsOnSeedPipeline(config, solver))) {
    return {
      kind: 'seed',
      results: sources.map(({ config, defaultName }) => {
        const parsed = parseScenarioConfig(config, defaultName);
        return wrap(parsed.name, () => ({ solver: solver ?? parsed.solver, size: sizeOf(parsed) }), () => runExperiment(parsed, solver));
      }),
    };
  }
  return {
    kind: 'game',
    results: sources.map(({ config, defaultName }) => {
      const parsed = parseGameConfig(config, defaultName);
      const name = solver ?? parsed.solver;
      return wrap(parsed.name, () => ({ solver: gameSolverName(name, parsed.game), size: gameSizeOf(parsed.game) }), () => runGame(parsed, name, options));
    }),
  };
}

/** A validated config and the pipeline it runs on. */
export type ParsedAny = { readonly kind: 'seed'; readonly parsed: ParsedConfig } | { readonly kind: 'game'; readonly parsed: ParsedGameConfig };

/** Validates a config as runConfigs would run it alone, without solving; errors name the field. */
export function parseAnyConfig(config: unknown, defaultName = 'custom', solver?: string): ParsedAny {
  if (solver !== undefined) checkSolverName(solver);
  if (runsOnSeedPipeline(config, solver)) return { kind: 'seed', parsed: parseScenarioConfig(config, defaultName) };
  const parsed = parseGameConfig(config, defaultName);
  checkSolverName(solver ?? parsed.solver);
  return { kind: 'game', parsed };
}

/** The names runToFlatMetrics will record for this config. */
export function metricNames(config: ParsedAny): string[] {
  return config.kind === 'seed' ? [...SEED_METRIC_NAMES] : gameMetricNames(config.parsed.game);
}

/** Solves and plays out one config (its own solver unless `solver` is given); the flat metrics record. */
export function runToFlatMetrics(config: unknown, defaultName: string, solver?: string, options: RunGameOptions = {}): FlatMetrics {
  if (solver !== undefined) checkSolverName(solver, '--solver');
  if (runsOnSeedPipeline(config, solver)) {
    // runConfigs's seed run without the trajectory it would build and drop (planMetrics.ts).
    const parsed = parseScenarioConfig(config, defaultName);
    return flatSeedMetrics(metricsWithSolver(parsed, getSolver(solver ?? parsed.solver)));
  }
  const parsed = parseGameConfig(config, defaultName);
  return flatGameMetrics(runGame(parsed, solver ?? parsed.solver, options).metrics);
}
