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

/** A YAML flow value (what --set reads) for a setting's value. */
function flowValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(flowValue).join(', ')}]`;
  if (typeof v === 'object' && v !== null) return `{${Object.entries(v).map(([k, x]) => `${k}: ${flowValue(x)}`).join(', ')}}`;
  return String(v);
}

/** A shell word: single-quoted when it holds anything but letters, digits and ._,=:-. */
const shellWord = (text: string) => (/^[\w.,=:+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** The command line that reproduces runScenario(base, settings). */
export function reproduceCommand(base: { readonly name?: string }, settings: Settings = {}): string {
  return ['mesalab run', base.name ?? 'custom', ...Object.entries(settings).map(([path, v]) => `--set ${shellWord(`${path}=${flowValue(v)}`)}`)].join(' ');
}
