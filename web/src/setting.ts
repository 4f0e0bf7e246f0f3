/**
 * One setting of the explorer (a scenario plus the text of its controls) and its conversion to and
 * from a scenario config. The form turns text into values and says in plain words what text is
 * not a value of its field (not a number, out of the schema's range, a map where a list is due);
 * every check of what the values mean together is the library's (the worker's parseAnyConfig), so the page
 * accepts exactly what the CLI accepts.
 */
import YAML from 'yaml';
import { parseGameConfig, type GameConfig } from '../../src/index.ts';
import type { FieldSpec, NumberBound } from './fields.ts';
import { readNumber, readWholeNumber, type NumberReading } from './numberText.ts';
import { readScheduleSpec } from './scheduleText.ts';

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
    // Every config, a seed config too, is a game config: one parser gives every default.
    const { game } = parseGameConfig(config, config.name);
    // With its own parameters a game has no theta0, and a trained discount no discount (the library refuses both).
    const theta0 = config.parameters === undefined ? game.parameters[game.goal].initial : undefined;
    const discount = game.trainedDiscount === undefined ? game.discount : undefined;
    return { schedule: game.schedule, values: { theta0, discount, regularizer: config.regularizer ?? 0 } };
  } catch {
    return null;
  }
}

/**
 * The config the setting describes, or the issues of controls whose text is not a value of its
 * field (not a number, out of range, a fraction where a count is due, broken YAML, a required
 * field left empty). Empty optional controls are left out.
 */
export function settingToConfig(setting: Setting, fields: readonly FieldSpec[], name: string): { config: GameConfig; issues: FieldIssue[] } {
  const config: Record<string, unknown> = { ...structuredClone(setting.extra), name };
  const issues: FieldIssue[] = [];
  for (const f of fields) {
    if (!isFieldActive(f, setting)) continue;
    const text = (setting.values[f.key] ?? '').trim();
    if (text === '') {
      if (f.required) issues.push({ field: f.key, message: emptyMessage(f) });
      continue;
    }
    const reading = readField(text, f);
    if (reading.ok) setPath(config, f.key, reading.value);
    else issues.push({ field: f.key, message: reading.reason });
  }
  return { config: config as GameConfig, issues };
}

/**
 * The setting after control `key` changed to a union variant: each field of the new variant
 * that is empty starts at its start value (σ = 0.5 for REINFORCE, [16, 16] for an MLP), so a
 * choice never shows a missing field before anything is typed.
 */
export function withVariantStart(setting: Setting, key: string, fields: readonly FieldSpec[]): Setting {
  const values = { ...setting.values };
  for (const f of fields) {
    if (f.when?.key !== key || f.startValue === undefined || !isFieldActive(f, setting)) continue;
    if ((values[f.key] ?? '').trim() === '') values[f.key] = f.startValue;
  }
  return { ...setting, values };
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
  const items = [[rate, training], ['0', deployment]].filter(([, n]) => n.trim() !== '' && n.trim() !== '0').map(([r, n]) => `${r.trim() || '1'}x${n.trim()}`);
  return { ...setting, mode, values: items.length > 0 ? { ...setting.values, schedule: items.join(',') } : setting.values };
}

/** Whether a control counts in this schedule mode: the phase controls or the spec, not both. */
export function isActiveKey(key: string, mode: ScheduleMode): boolean {
  return mode === 'phases' ? key !== 'schedule' : !key.startsWith('schedule.');
}

/**
 * Whether a control counts in this setting: its schedule mode, its union variant is chosen, and
 * the control that sets it instead (Parameters for θ₀) is empty.
 */
export function isFieldActive(f: FieldSpec, setting: Setting): boolean {
  if (!isActiveKey(f.key, setting.mode)) return false;
  if (f.setInside && (setting.values[f.setInside.key] ?? '').trim() !== '') return false;
  return f.when === undefined || f.when.values.includes((setting.values[f.when.key] ?? '').trim());
}

/** Whether a control is shown: as isFieldActive, but a control set inside another stays (disabled). */
export function isFieldShown(f: FieldSpec, setting: Setting): boolean {
  if (!isActiveKey(f.key, setting.mode)) return false;
  return f.when === undefined || f.when.values.includes((setting.values[f.when.key] ?? '').trim());
}

type Reading = { ok: true; value: unknown } | { ok: false; reason: string };

/** Text to a value of the field's kind and range; the reason in plain words otherwise. */
export function readField(text: string, f: FieldSpec): Reading {
  switch (f.kind) {
    case 'number':
      return inRange(readNumber(text), f);
    case 'integer':
      return inRange(readWholeNumber(text), f);
    case 'schedule': {
      const reading = readScheduleSpec(text);
      return reading.ok ? { ok: true, value: reading.spec } : reading;
    }
    case 'choice':
      if (f.choices.includes(text)) return { ok: true, value: text === 'true' ? true : text === 'false' ? false : text };
      return { ok: false, reason: `must be one of ${f.choices.join(', ')}` };
    case 'text':
      return { ok: true, value: text };
    case 'value':
      return readYaml(text, f);
  }
}

function inRange(reading: NumberReading, f: FieldSpec): Reading {
  if (!reading.ok) return reading;
  const { value } = reading;
  const below = (b: NumberBound) => (b.exclusive ? value <= b.value : value < b.value);
  const above = (b: NumberBound) => (b.exclusive ? value >= b.value : value > b.value);
  if (f.min && below(f.min)) return { ok: false, reason: `must be ${f.min.exclusive ? 'more than' : 'at least'} ${f.min.value}, not ${value}` };
  if (f.max && above(f.max)) return { ok: false, reason: `must be ${f.max.exclusive ? 'less than' : 'at most'} ${f.max.value}, not ${value}` };
  return { ok: true, value };
}

const SHAPE_WORDS = {
  list: 'a list in brackets',
  map: 'a map in braces',
  points: 'a list such as [-1, 0, 1] or {min: -1, max: 1, count: 11}',
  any: 'a value',
} as const;

function readYaml(text: string, f: FieldSpec): Reading {
  let value: unknown;
  try {
    value = YAML.parse(text) as unknown;
  } catch {
    return { ok: false, reason: `cannot be read: write ${SHAPE_WORDS[f.shape ?? 'any']}${example(f)}` };
  }
  const isList = Array.isArray(value);
  const isMap = typeof value === 'object' && value !== null && !isList;
  const fits = f.shape === 'list' ? isList : f.shape === 'map' ? isMap : f.shape === 'points' ? isList || isMap : true;
  return fits ? { ok: true, value } : { ok: false, reason: `must be ${SHAPE_WORDS[f.shape ?? 'any']}${example(f)}` };
}

/** ", e.g. [16, 16]": the field's start value or the example its hint gives. */
function example(f: FieldSpec): string {
  if (f.shape === 'points') return '';
  const fromHint = /e\.g\. ([[{].*?[\]}])(?:;|$| \()/.exec(f.hint ?? '')?.[1] ?? /^([[{].*?[\]}]):/.exec(f.hint ?? '')?.[1];
  const shown = f.startValue ?? fromHint;
  return shown ? `, e.g. ${shown}` : '';
}

function emptyMessage(f: FieldSpec): string {
  if (f.kind === 'schedule') return 'is empty; give at least one episode, e.g. 1x20,0x80';
  const what = f.kind === 'integer' ? 'a whole number' : f.kind === 'number' ? 'a number' : 'a value';
  return `is empty; it needs ${what}${f.startValue ? `, e.g. ${f.startValue}` : ''}`;
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

/** Writes `value` at the dotted `path` of `object`, making the maps on the way. */
export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = object;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts[parts.length - 1]] = value;
}
