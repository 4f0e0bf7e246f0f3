/**
 * How a finding measures: a built-in scenario (scenarios/findingScenarios.ts) with some fields set
 * by dotted path, run through the one pipeline — exactly what
 * `mesalab run NAME --set PATH=VALUE …` runs, so every number a finding reports can be reproduced
 * from the command line (reproduceCommand prints the command).
 */
import { runConfigs } from '../experiment/pipeline.ts';
import type { ScenarioConfig } from '../model/config.ts';
import { withOverrides, type JsonObject } from '../model/configPaths.ts';
import type { GameConfig } from '../model/gameConfig.ts';
import { runRecords, type RunRecord } from '../report/runRecord.ts';

/** Field values by dotted path, e.g. { discount: 0.9, 'schedule.training': 50 }. */
export type Settings = Readonly<Record<string, unknown>>;

/** A finding's run: the pipeline's one record of it (report/runRecord.ts). */
export type ScenarioRun = RunRecord;

/** Runs `base` with `settings` applied, as `mesalab run` would. */
export function runScenario(base: ScenarioConfig | GameConfig, settings: Settings = {}): ScenarioRun {
  const config = withOverrides(base as JsonObject, Object.keys(settings), Object.values(settings));
  return runRecords(runConfigs([{ config, defaultName: base.name ?? 'custom' }]))[0];
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
