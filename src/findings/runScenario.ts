/**
 * How a finding measures: a built-in scenario (scenarios/findingScenarios.ts) with some fields set
 * by dotted path, run through the one pipeline — exactly what
 * `mesalab run NAME --set PATH=VALUE …` runs, so every number a finding reports can be reproduced
 * from the command line (reproduceCommand prints the command).
 */
import { runConfigs } from '../experiment/pipeline.ts';
import type { GameResult } from '../experiment/gameExperiment.ts';
import { flatGameMetrics, flatSeedMetrics, type FlatMetrics } from '../metrics/flatMetrics.ts';
import type { ScenarioConfig } from '../model/config.ts';
import { withOverrides, type JsonObject } from '../model/configPaths.ts';
import type { GameConfig } from '../model/gameConfig.ts';
import { seedAsGameTrajectory, type GameTrajectory } from '../rollout/gameTrajectory.ts';

/** Field values by dotted path, e.g. { discount: 0.9, 'schedule.training': 50 }. */
export type Settings = Readonly<Record<string, unknown>>;

export interface ScenarioRun {
  readonly metrics: FlatMetrics;
  readonly trajectory: GameTrajectory;
  /** The equilibrium's actions, row by row (episode n's component i at n·m + i). */
  readonly actions: Float64Array;
  readonly ties: readonly number[];
  /** The game run, when the scenario ran as a game (not on the seed pipeline). */
  readonly game?: GameResult;
}

/** Runs `base` with `settings` applied, as `mesalab run` would. */
export function runScenario(base: ScenarioConfig | GameConfig, settings: Settings = {}): ScenarioRun {
  const config = withOverrides(base as JsonObject, Object.keys(settings), Object.values(settings));
  const batch = runConfigs([{ config, defaultName: base.name ?? 'custom' }]);
  if (batch.kind === 'seed') {
    const [r] = batch.results;
    return { metrics: flatSeedMetrics(r.metrics), trajectory: seedAsGameTrajectory(r.trajectory), actions: r.equilibrium.coefficients, ties: r.equilibrium.ties };
  }
  const [r] = batch.results;
  return { metrics: flatGameMetrics(r.metrics), trajectory: r.trajectory, actions: r.equilibrium.actions, ties: r.equilibrium.ties, game: r };
}

/** A finite metric (a finding's number); a missing one is a bug in the finding, not a NaN on the page. */
export function metric(run: ScenarioRun, name: string): number {
  const value = run.metrics[name];
  if (typeof value !== 'number') throw new Error(`metric ${name} is ${String(value)}`);
  return value;
}

/** The command that reproduces runScenario(base, settings). */
export function reproduceCommand(base: ScenarioConfig | GameConfig, settings: Settings = {}): string {
  const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return ['mesalab run', base.name, ...Object.entries(settings).map(([path, v]) => `--set ${path}=${value(v)}`)].join(' ');
}
