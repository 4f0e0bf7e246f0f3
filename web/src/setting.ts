/**
 * One setting of the explorer (a scenario plus the text of its controls) and its conversion to and
 * from a scenario config. The form only turns text into values; every check of the values is the
 * library's (parseScenarioConfig or parseGameConfig), so the page accepts exactly what the CLI
 * accepts.
 */
import YAML from 'yaml';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { parseGameConfig, type GameConfig } from '../../src/model/gameConfig.ts';
import { usesGameFields } from '../../src/model/gameFields.ts';
import { InputError } from '../../src/errors/inputError.ts';
import { parseFiniteNumber } from '../../src/model/numbers.ts';
import type { FieldSpec } from './fields.ts';

/** The schedule as training/deployment phases or as a spec string such as "1x20,0x80". */
export type ScheduleMode = 'phases' | 'spec';

export interface Setting {
  /** Name of the built-in scenario the setting started from. */
  readonly scenario: string;
  /** Which of the built-in's configs (most have one). */
  readonly variant: number;
  readonly mode: ScheduleMode;
  /** The text of each control, by config path; empty text means the library's default. */
  readonly values: Readonly<Record<string, string>>;
  /**
   * Fields of the built-in config that have no control (the schema does not know them), passed
   * on unchanged, so the library rejects or uses them rather than the page silently dropping them.
   */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A problem with one control's input: `field` is a config path such as `schedule.training`. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** The controls filled from a built-in config (defaults resolved by the library). */
export function settingFromConfig(scenario: string, variant: number, config: GameConfig, fields: readonly FieldSpec[]): Setting {
  const parsed = resolveDefaults(config);
  const schedule = config.schedule as unknown;
  const isPhases = typeof schedule === 'object' && schedule !== null && !Array.isArray(schedule);
  const rates = parsed?.schedule ?? (Array.isArray(schedule) ? (schedule as number[]) : []);
  const phasesSource = (isPhases ? schedule : phasesOf(rates)) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const f of fields) {
    let value: unknown;
    if (f.group === 'phases') value = phasesSource[f.key.slice('schedule.'.length)] ?? f.defaultValue;
    else if (f.group === 'spec') value = typeof schedule === 'string' ? schedule : runLengthSpec(rates);
    else value = getPath(config, f.key) ?? parsed?.values[f.key];
    values[f.key] = formatValue(value);
  }
  const controlled = new Set(['name', 'description', ...fields.map((f) => f.key.split('.')[0])]);
  const extra = Object.fromEntries(Object.entries(config).filter(([key]) => !controlled.has(key)));
  return { scenario, variant, mode: isPhases ? 'phases' : 'spec', values, extra };
}

/**
 * The schedule and the values the library fills in when the config leaves them out, so sliders
 * start where the model does; null for a config the library rejects (its errors show on solving).
 * The solver stays empty unless the config names one: its default depends on the pipeline (grid
 * for the seed model, auto for games), so a switched update rule still finds a solver.
 */
function resolveDefaults(config: GameConfig): { schedule: ArrayLike<number>; values: Record<string, unknown> } | null {
  try {
    if (!usesGameFields(config)) {
      const { scenario } = parseScenarioConfig(config, config.name);
      return { schedule: scenario.schedule, values: { theta0: scenario.theta0, discount: scenario.discount, regularizer: scenario.regularizer } };
    }
    const { game } = parseGameConfig(config, config.name);
    // With its own parameters a game has no theta0 (the library refuses both).
    const theta0 = config.parameters === undefined ? game.parameters[game.goal].initial : undefined;
    // A trained discount starts at trainedDiscount.initial: the discount box stays empty (the library refuses both).
    const discount = game.trainedDiscount === undefined ? game.discount : undefined;
    return { schedule: game.schedule, values: { theta0, discount, regularizer: config.regularizer ?? 0 } };
  } catch {
    return null;
  }
}

/**
 * The config the setting describes, or the issues of controls whose text is not a value at all
 * (not a number, a fraction where a count is due, broken YAML). Empty controls are left out.
 */
export function settingToConfig(setting: Setting, fields: readonly FieldSpec[], name: string): { config: GameConfig; issues: FieldIssue[] } {
  const config: Record<string, unknown> = { ...structuredClone(setting.extra), name };
  const issues: FieldIssue[] = [];
  for (const f of fields) {
    if (!isFieldActive(f, setting)) continue;
    const text = (setting.values[f.key] ?? '').trim();
    if (text === '') continue;
    try {
      setPath(config, f.key, parseText(text, f));
    } catch (error) {
      issues.push({ field: f.key, message: ownMessage(error) });
    }
  }
  return { config: config as GameConfig, issues };
}

/**
 * The setting with its schedule shown the other way. Going to the spec writes the phases out
 * ("1x20,0x80"); going back keeps the phase controls as they were, since a spec may have more
 * than two phases.
 */
export function withMode(setting: Setting, mode: ScheduleMode): Setting {
  if (mode === setting.mode) return setting;
  if (mode === 'phases') return { ...setting, mode };
  const { 'schedule.training': training = '', 'schedule.deployment': deployment = '0', 'schedule.learningRate': rate = '1' } = setting.values;
  const items = [[rate, training], ['0', deployment]].filter(([, n]) => n.trim() !== '' && n.trim() !== '0').map(([r, n]) => `${r.trim()}x${n.trim()}`);
  return { ...setting, mode, values: items.length > 0 ? { ...setting.values, schedule: items.join(',') } : setting.values };
}

/** Whether a control counts in this schedule mode: the phase controls or the spec, not both. */
export function isActiveKey(key: string, mode: ScheduleMode): boolean {
  return mode === 'phases' ? key !== 'schedule' : !key.startsWith('schedule.');
}

/** Whether a control counts in this setting: its schedule mode, and its union variant is chosen. */
export function isFieldActive(f: FieldSpec, setting: Setting): boolean {
  if (!isActiveKey(f.key, setting.mode)) return false;
  return f.when === undefined || f.when.values.includes((setting.values[f.when.key] ?? '').trim());
}

/** Text to a value of the field's kind; throws InputError naming the field. */
function parseText(text: string, f: FieldSpec): unknown {
  switch (f.kind) {
    case 'number':
      return parseFiniteNumber(text, f.key);
    case 'integer': {
      const value = parseFiniteNumber(text, f.key);
      if (!Number.isInteger(value)) throw new InputError(f.key, `must be a whole number, got ${text}`);
      return value;
    }
    case 'choice':
    case 'text':
      return text;
    case 'value':
      try {
        return YAML.parse(text) as unknown;
      } catch {
        throw new InputError(f.key, 'is not valid YAML; write e.g. [-1, 0, 1] or {min: -1, max: 1, count: 11}');
      }
  }
}

/** An error's message without the `field: ` prefix InputError puts in front. */
export function ownMessage(error: unknown): string {
  if (error instanceof InputError) return error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The control that shows an error about `field`: the longest of `keys` that `field` starts with,
 * cutting at `.`, `[` or a space (`prior[2]` → `prior`, `schedule item 2 ("0xq")` → `schedule`).
 */
export function controlForError(field: string, keys: readonly string[]): string | null {
  let path = field;
  for (;;) {
    if (keys.includes(path)) return path;
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['), path.lastIndexOf(' '));
    if (cut <= 0) return null;
    path = path.slice(0, cut);
  }
}

/** `[1, 1, 0]` → `"1x2,0"`: the shortest spec of a schedule, for the spec control. */
export function runLengthSpec(rates: ArrayLike<number>): string {
  const items: string[] = [];
  for (let i = 0; i < rates.length; ) {
    let j = i;
    while (j < rates.length && rates[j] === rates[i]) j++;
    items.push(j - i === 1 ? String(rates[i]) : `${rates[i]}x${j - i}`);
    i = j;
  }
  return items.join(',');
}

/** Phase controls for a schedule given as a list: its training and deployment episode counts. */
function phasesOf(rates: ArrayLike<number>): { training: number; deployment: number; learningRate: number } {
  let training = 0;
  let learningRate = 1;
  for (let i = 0; i < rates.length; i++) {
    if (rates[i] > 0) {
      if (training === 0) learningRate = rates[i];
      training++;
    }
  }
  return { training, deployment: rates.length - training, learningRate };
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  return YAML.stringify(value, { collectionStyle: 'flow' }).trim();
}

function getPath(object: unknown, path: string): unknown {
  let value = object;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = object;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts[parts.length - 1]] = value;
}
