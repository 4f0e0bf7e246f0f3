/** The CLI options every command that runs a scenario shares: `--set PATH=VALUE` (repeatable), `--seed`, `--runs`. */
import type { Command } from 'commander';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { parseSetting, withSettings, type Setting } from '../model/configPaths.ts';
import type { ConfigSource } from '../experiment/pipeline.ts';
import type { RunGameOptions } from '../experiment/gameExperiment.ts';
import { InputError } from '../errors/inputError.ts';
import { DEFAULT_RUNS, MAX_RUNS } from '../model/monteCarloRuns.ts';

// YAML loads on the first --set, not when the commands are registered.
const yaml = () => createRequire(import.meta.url)('yaml') as typeof Yaml;

export interface ScenarioOptions {
  set?: string[];
  seed?: string;
  runs?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds --set, --seed and --runs to a command. */
export function scenarioOptions(command: Command): Command {
  return command
    .option('--set <path=value>', 'override any scenario field by its dotted path, e.g. discount=0.9, update.steps=10 (repeatable)', collect)
    .option('--seed <n>', 'seed of the stochastic runs (REINFORCE), a whole number ≥ 0 (default 0)')
    .option('--runs <n>', `number of seeded stochastic runs, 1 to ${MAX_RUNS} (default ${DEFAULT_RUNS})`);
}

function parseYamlValue(text: string): unknown {
  const unreadable = () => new InputError('--set', `cannot read the value "${text}"; give a number, a word, or YAML such as [1, 2] or {type: gradient}`);
  try {
    // Warnings (an unresolved tag such as !!float) are errors too, never printed beside one.
    const doc = yaml().parseDocument(text, { strict: true, prettyErrors: false, logLevel: 'silent' });
    if (doc.errors.length > 0 || doc.warnings.length > 0) throw unreadable();
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    throw unreadable();
  }
}

/** The configs with every --set applied. */
export function applySettings(sources: readonly ConfigSource[], options: ScenarioOptions): ConfigSource[] {
  const settings: Setting[] = (options.set ?? []).map((text) => parseSetting(text, '--set', parseYamlValue));
  return sources.map((s) => ({ ...s, config: withSettings(s.config, settings) }));
}

function wholeNumber(text: string | undefined, field: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new InputError(field, `must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

/** The Monte Carlo settings of --seed and --runs. */
export function monteCarloOptions(options: ScenarioOptions): RunGameOptions {
  return { seed: wholeNumber(options.seed, '--seed', 0, 2 ** 32 - 1), runs: wholeNumber(options.runs, '--runs', 1, MAX_RUNS) };
}
