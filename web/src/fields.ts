/**
 * The explorer's controls, derived from the config schema the CLI validates (`gameConfigSchema`,
 * the seed config's fields plus the game's): every property becomes a control, so a field added
 * to the schema appears in the page without touching it. A discriminated union such as `update`
 * becomes a choice of its `type` plus one control per field of its variants, shown only while a
 * variant that has it is chosen. This file only adds presentation (labels, slider ranges, order).
 */
import { z } from 'zod';
import { gameConfigSchema } from '../../src/model/gameConfig.ts';
import { GAME_ONLY_FIELDS } from '../../src/model/gameFields.ts';
import { SOLVER_NAMES } from '../../src/solvers/registry.ts';

/**
 * How a control's text becomes a config value: a finite number, a whole number, one of a list of
 * names, free text, or a YAML value (lists and objects such as `{min: -1, max: 1, count: 11}`).
 */
export type FieldKind = 'number' | 'integer' | 'choice' | 'text' | 'value';

/**
 * Where a control sits: the schedule (in one of its two modes), the model, the base optimizer's
 * update rule, the solver, the rest of the game (objectives, policy, parameters), or the rest.
 */
export type FieldGroup = 'phases' | 'spec' | 'model' | 'update' | 'solver' | 'game' | 'scenario';

export interface SliderRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** The control counts only while the control `key` holds one of `values`. */
export interface FieldCondition {
  readonly key: string;
  readonly values: readonly string[];
}

export interface FieldSpec {
  /** The config path the control edits, e.g. `schedule.training` or `update.steps`. */
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly group: FieldGroup;
  /** The allowed names of a `choice` field. */
  readonly choices: readonly string[];
  /** The schema's default, shown when the control is empty. */
  readonly defaultValue?: unknown;
  readonly slider?: SliderRange;
  readonly hint?: string;
  /** For a field of one variant of a union: when it applies. */
  readonly when?: FieldCondition;
}

interface Presentation {
  label: string;
  slider?: SliderRange;
  hint?: string;
  /** Replaces the schema's choices (a field the schema types as any string). */
  choices?: readonly string[];
  /** What an empty control means, where the schema leaves it to the library. */
  defaultValue?: string;
}

// Slider ranges are only the comfortable range to drag over; the text box takes any valid value.
const PRESENTATION: Readonly<Record<string, Presentation>> = {
  'schedule.training': { label: 'Training episodes', slider: { min: 0, max: 200, step: 1 } },
  'schedule.deployment': { label: 'Deployment episodes', slider: { min: 0, max: 400, step: 1 } },
  'schedule.learningRate': { label: 'Learning rate ℓ', slider: { min: 0, max: 1.5, step: 0.01 } },
  schedule: { label: 'Schedule spec', hint: 'learning rates, e.g. 1x20,0x80 (20 at ℓ = 1, then 80 at ℓ = 0)' },
  theta0: { label: 'Initial goal θ₀', slider: { min: -1, max: 1, step: 0.01 } },
  discount: { label: 'Discount γ', slider: { min: 0, max: 1, step: 0.01 } },
  regularizer: { label: 'Regularizer λ', slider: { min: 0, max: 1, step: 0.01 } },
  solver: {
    label: 'Solver',
    choices: SOLVER_NAMES,
    defaultValue: 'grid for the seed model, else auto',
    hint: 'grid, exact and reference solve the seed model; the others solve games too (auto picks one)',
  },
  prior: { label: 'Prior over θ', hint: 'a list such as [-1, 0, 1] or {min: -1, max: 1, count: 11}; empty: the default' },
  coefficientGrid: { label: 'Coefficient grid', hint: 'a list or {min: -2, max: 2, count: 401}; empty: the default' },
  plotWindow: { label: 'Episodes shown', hint: 'leading episodes drawn in the chart; empty: all' },
  'update.type': {
    label: 'Update rule',
    defaultValue: 'gradient',
    hint: 'gradient: one step on the newest episode (the seed model); gradient-all: K steps on all past episodes; full: re-fit on all past episodes; reinforce: policy gradient with exploration noise σ',
  },
  'update.steps': { label: 'Steps on all past data', slider: { min: 1, max: 50, step: 1 } },
  'update.sigma': { label: 'Exploration noise σ', slider: { min: 0.05, max: 2, step: 0.05 } },
  'update.baseline': { label: 'Reward baseline' },
  'policy.type': { label: 'Policy', defaultValue: 'linear', hint: 'linear: y = a·θ; discrete: a from a finite set; mlp: a small neural network' },
  'policy.inputs': { label: 'Policy inputs', hint: 'parameter names, e.g. [theta]; empty: the goal' },
  'policy.actions': { label: 'Actions', hint: 'the allowed coefficients, e.g. [0, 0.5, 1]' },
  'policy.hidden': { label: 'Hidden layers', hint: 'widths, e.g. [16, 16]' },
  'policy.input': { label: 'Network input', hint: 'a parameter name; empty: the goal' },
  parameters: { label: 'Parameters', hint: '{name: {initial, prior}}, e.g. {theta: {initial: 0.8, prior: [-1, 1]}}; empty: θ alone' },
  goal: { label: 'Goal parameter', hint: 'empty: theta, or the first parameter' },
  baseObjective: { label: 'Base objective', hint: 'math in y and the parameters; empty: y^2 (+ λ·θ^2)' },
  believedObjective: { label: 'Believed objective', hint: 'what the agents think the trainer minimises; empty: the base objective' },
  frozen: { label: 'Frozen copies', hint: '{name: parameter}: constants holding a parameter\'s current value' },
  mesaCost: { label: 'Mesa cost', hint: 'math in y and goal; empty: (y - goal)^2' },
};

/** Metadata rather than model input: shown as text, never as a control. */
const METADATA = new Set(['name', 'description']);
const MODEL_FIELDS = new Set(['theta0', 'discount', 'regularizer']);
const GAME_FIELDS = new Set<string>(GAME_ONLY_FIELDS);

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  default?: unknown;
}

/** Every control of the explorer, in display order. */
export function describeFields(): FieldSpec[] {
  const schema = z.toJSONSchema(gameConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields: FieldSpec[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (METADATA.has(key)) continue;
    if (key === 'schedule') fields.push(...scheduleFields(property));
    else if (isTaggedUnion(property)) fields.push(...unionFields(key, property));
    else fields.push(field(key, property, groupOf(key)));
  }
  const order: FieldGroup[] = ['phases', 'spec', 'model', 'update', 'solver', 'game', 'scenario'];
  return fields.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

/** The schedule is a union: its object form gives the phase controls, its string form the spec. */
function scheduleFields(schedule: JsonSchema): FieldSpec[] {
  const variants = schedule.anyOf ?? [schedule];
  const phases = variants.find((v) => v.type === 'object');
  const fields = Object.entries(phases?.properties ?? {}).map(([key, p]) => field(`schedule.${key}`, p, 'phases'));
  if (variants.some((v) => v.type === 'string')) fields.push(field('schedule', { type: 'string' }, 'spec'));
  return fields;
}

/** A union of objects told apart by a constant `type`, such as `update` or `policy`. */
function isTaggedUnion(property: JsonSchema): boolean {
  const variants = property.oneOf ?? property.anyOf;
  return variants !== undefined && variants.length > 1 && variants.every((v) => v.type === 'object' && v.properties?.type?.const !== undefined);
}

/** `<key>.type` as a choice, then each other field of the variants, shown for the variants that have it. */
function unionFields(key: string, union: JsonSchema): FieldSpec[] {
  const variants = union.oneOf ?? union.anyOf ?? [];
  const group = groupOf(key);
  const tags = variants.map((v) => String(v.properties?.type?.const));
  const fields = [field(`${key}.type`, { enum: tags }, group)];
  const seen = new Set<string>();
  for (const variant of variants) {
    for (const [name, property] of Object.entries(variant.properties ?? {})) {
      if (name === 'type' || seen.has(name)) continue;
      seen.add(name);
      const values = variants.filter((v) => v.properties?.[name] !== undefined).map((v) => String(v.properties?.type?.const));
      fields.push({ ...field(`${key}.${name}`, property, group), when: { key: `${key}.type`, values } });
    }
  }
  return fields;
}

function groupOf(key: string): FieldGroup {
  if (MODEL_FIELDS.has(key)) return 'model';
  if (key === 'update') return 'update';
  if (key === 'solver') return 'solver';
  return GAME_FIELDS.has(key) ? 'game' : 'scenario';
}

function field(key: string, property: JsonSchema, group: FieldGroup): FieldSpec {
  const presentation = PRESENTATION[key] ?? { label: humanize(key) };
  const choices = presentation.choices ?? (property.enum ?? []).map(String);
  return {
    key,
    label: presentation.label,
    kind: presentation.choices ? 'choice' : kindOf(property),
    group,
    choices,
    defaultValue: presentation.defaultValue ?? property.default,
    slider: presentation.slider,
    hint: presentation.hint,
  };
}

function kindOf(property: JsonSchema): FieldKind {
  if (property.enum) return 'choice';
  if (property.type === 'number') return 'number';
  if (property.type === 'integer') return 'integer';
  if (property.type === 'string') return 'text';
  return 'value';
}

/** `coefficientGrid` → `Coefficient grid`. */
export function humanize(key: string): string {
  const last = key.split('.').pop() ?? key;
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
