/**
 * The explorer's controls, derived from the config schema the CLI validates (`gameConfigSchema`,
 * the seed config's fields plus the game's): every property becomes a control, so a field added
 * to the schema appears in the page without touching it. A discriminated union such as `update`
 * becomes a choice of its `type` plus one control per field of its variants, shown only while a
 * variant that has it is chosen. The schema also gives each control its range and whether it is
 * required, so the page can say what is wrong with a value in plain words before the library
 * sees it. This file adds presentation only (labels, slider ranges, order, values to start from).
 */
import { z } from 'zod';
import { gameConfigSchema, scenarioConfigSchema, SOLVER_NAME_LIST } from '../../src/index.ts';

/**
 * How a control's text becomes a config value: a finite number, a whole number, one of a list of
 * names, free text, a schedule spec, or a YAML value (lists and maps such as `{min: -1, max: 1, count: 11}`).
 */
export type FieldKind = 'number' | 'integer' | 'choice' | 'text' | 'schedule' | 'value';

/**
 * Where a control sits: the schedule (in one of its two modes), the model, the base optimizer's
 * update rule, the solver, the rest of the game (objectives, policy, parameters), or the rest.
 */
export type FieldGroup = 'phases' | 'spec' | 'model' | 'update' | 'solver' | 'game' | 'scenario';

/** The shape a YAML control's value must have: a list, a map, or a list or {min, max, count}. */
export type ValueShape = 'list' | 'map' | 'points' | 'any';

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

/** The allowed range of a number, from the schema (`exclusive`: the bound itself is not allowed). */
export interface NumberBound {
  readonly value: number;
  readonly exclusive: boolean;
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
  readonly min?: NumberBound;
  readonly max?: NumberBound;
  /** The field must have a value (while it applies). */
  readonly required: boolean;
  readonly shape?: ValueShape;
  /** The text a field of a variant starts with when the variant is chosen and the field is empty. */
  readonly startValue?: string;
  /** The field does not apply while control `key` has text (the library refuses both). */
  readonly setInside?: { readonly key: string; readonly reason: string };
}

interface Presentation {
  label: string;
  slider?: SliderRange;
  hint?: string;
  /** Replaces the schema's choices (a field the schema types as any string). */
  choices?: readonly string[];
  /** What an empty control means, where the schema leaves it to the library. */
  defaultValue?: string;
  startValue?: string;
  setInside?: FieldSpec['setInside'];
  kind?: FieldKind;
}

// Slider ranges are only the comfortable range to drag over; the text box takes any valid value.
// Start values of a variant's fields are the online-learning finding's (10 steps, σ = 0.5) and the
// neural finding's network (two layers of 16).
const PRESENTATION: Readonly<Record<string, Presentation>> = {
  'schedule.training': { label: 'Training episodes', slider: { min: 0, max: 200, step: 1 } },
  'schedule.deployment': { label: 'Deployment episodes', slider: { min: 0, max: 400, step: 1 } },
  'schedule.learningRate': { label: 'Learning rate ℓ', slider: { min: 0, max: 1.5, step: 0.01 } },
  schedule: { label: 'Learning rates', kind: 'schedule', hint: 'rate×episodes, comma-separated: 1x20,0x80 is 20 episodes at ℓ = 1, then 80 at ℓ = 0' },
  theta0: {
    label: 'Initial goal θ₀',
    slider: { min: -1, max: 1, step: 0.01 },
    setInside: { key: 'parameters', reason: 'set by Parameters (its initial values)' },
  },
  discount: { label: 'Discount γ', slider: { min: 0, max: 1, step: 0.01 }, setInside: { key: 'trainedDiscount', reason: 'set by Trained discount (its initial value)' } },
  regularizer: { label: 'Regularizer λ', slider: { min: 0, max: 1, step: 0.01 } },
  solver: {
    label: 'Solver',
    choices: SOLVER_NAME_LIST,
    defaultValue: 'grid for the seed model, else auto',
    hint: 'auto picks the most exact solver that can play the scenario; grid, exact and reference solve the seed model only',
  },
  prior: { label: 'Prior over θ', hint: 'a list such as [-1, 0, 1] or {min: -1, max: 1, count: 11}; empty: the default', setInside: { key: 'parameters', reason: 'set by Parameters (their priors)' } },
  coefficientGrid: { label: 'Coefficient grid', hint: 'a list or {min: -2, max: 2, count: 401}; empty: the default' },
  plotWindow: { label: 'Episodes shown', hint: 'how many of the first episodes the chart draws; empty: all' },
  tieRule: { label: 'Tie rule', hint: 'which of equally good actions an agent plays' },
  'update.type': {
    label: 'Update rule',
    defaultValue: 'gradient',
    hint: 'gradient: one step on the newest episode (the seed model); gradient-all: K steps on all past episodes; full: re-fit on all past episodes; reinforce: policy gradient with exploration noise σ',
  },
  'update.steps': { label: 'Steps on all past data', slider: { min: 1, max: 50, step: 1 }, startValue: '10' },
  'update.sigma': { label: 'Exploration noise σ', slider: { min: 0.05, max: 2, step: 0.05 }, startValue: '0.5' },
  'update.baseline': { label: 'Reward baseline' },
  'policy.type': { label: 'Policy', defaultValue: 'linear', hint: 'linear: y = a·θ; discrete: a from a finite set; mlp: a small neural network y = f(θ)' },
  'policy.inputs': { label: 'Policy inputs', hint: 'parameter names, e.g. [theta]; empty: the goal' },
  'policy.actions': { label: 'Allowed coefficients', hint: 'the coefficients a may take, e.g. [0, 0.5, 1]', startValue: '[0, 0.25, 0.5, 0.75, 1]' },
  'policy.hidden': { label: 'Hidden layers', hint: 'widths, e.g. [16, 16]', startValue: '[16, 16]' },
  'policy.activation': { label: 'Activation' },
  'policy.input': { label: 'Network input', hint: 'a parameter name; empty: the goal' },
  parameters: { label: 'Parameters', hint: '{name: {initial, prior}}, e.g. {theta: {initial: 0.8, prior: [-1, 1]}}; empty: θ alone (θ₀ and its prior above)' },
  goal: { label: 'Goal parameter', hint: 'empty: theta, or the first parameter' },
  baseObjective: { label: 'Base objective', hint: 'math in y and the parameters; empty: y^2 (+ λ·θ^2)' },
  believedObjective: { label: 'Believed objective', hint: 'what the agents think the trainer minimises; empty: the base objective' },
  frozen: { label: 'Frozen copies', hint: "{name: parameter}: constants holding a parameter's current value" },
  mesaCost: { label: 'Mesa cost', hint: 'math in y and goal; empty: (y - goal)^2' },
  seed: { label: 'Random seed', hint: 'of REINFORCE’s Monte Carlo runs' },
  runs: { label: 'Monte Carlo runs', hint: 'REINFORCE is played this many times; the chart shows the mean' },
  trainedDiscount: { label: 'Trained discount', hint: '{initial: 0.5}: γ starts at 0.5 and the base optimizer trains it' },
  deployment: { label: 'Uncertain deployment', hint: '{hazard: 0.05, shift: 2}: training ends with probability 0.05 after each episode; the observation shifts by 2 at deployment' },
  horizon: { label: 'Horizon', hint: 'stationary: training never ends; endless-deployment: deployment never ends' },
  corridor: { label: 'Corridor', hint: 'true: the corridor of Risks from Learned Optimization' },
};

/** Metadata rather than model input: shown as text, never as a control. */
const METADATA = new Set(['name', 'description']);
const MODEL_FIELDS = new Set(['theta0', 'discount', 'regularizer']);
/** Fields only a game config has (the seed config's schema lacks them). */
const GAME_FIELDS = new Set(Object.keys(gameConfigSchema.shape).filter((key) => !(key in scenarioConfigSchema.shape)));

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  required?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Every control of the explorer, in display order. */
export function describeFields(): FieldSpec[] {
  const schema = z.toJSONSchema(gameConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields: FieldSpec[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (METADATA.has(key)) continue;
    if (key === 'schedule') fields.push(...scheduleFields(property));
    else if (isTaggedUnion(property)) fields.push(...unionFields(key, property));
    else fields.push(field(key, property, groupOf(key), false));
  }
  const order: FieldGroup[] = ['phases', 'spec', 'model', 'update', 'solver', 'game', 'scenario'];
  return fields.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

/** The schedule is a union: its object form gives the phase controls, its string form the spec. */
function scheduleFields(schedule: JsonSchema): FieldSpec[] {
  const variants = schedule.anyOf ?? [schedule];
  const phases = variants.find((v) => v.type === 'object');
  const required = new Set(phases?.required ?? []);
  const fields = Object.entries(phases?.properties ?? {}).map(([key, p]) => field(`schedule.${key}`, p, 'phases', required.has(key)));
  if (variants.some((v) => v.type === 'string')) fields.push(field('schedule', { type: 'string' }, 'spec', true));
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
  const fields = [field(`${key}.type`, { enum: tags }, group, false)];
  const seen = new Set<string>();
  for (const variant of variants) {
    for (const [name, property] of Object.entries(variant.properties ?? {})) {
      if (name === 'type' || seen.has(name)) continue;
      seen.add(name);
      const having = variants.filter((v) => v.properties?.[name] !== undefined);
      const values = having.map((v) => String(v.properties?.type?.const));
      // Required only if every variant that has it requires it (policy.inputs is optional everywhere).
      const required = having.every((v) => v.required?.includes(name) ?? false);
      fields.push({ ...field(`${key}.${name}`, property, group, required), when: { key: `${key}.type`, values } });
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

function field(key: string, property: JsonSchema, group: FieldGroup, required: boolean): FieldSpec {
  const presentation = PRESENTATION[key] ?? { label: humanize(key) };
  const choices = presentation.choices ?? (property.type === 'boolean' ? ['true', 'false'] : (property.enum ?? []).map(String));
  const kind = presentation.kind ?? (presentation.choices ? 'choice' : kindOf(property));
  return {
    key,
    label: presentation.label,
    kind,
    group,
    choices,
    defaultValue: presentation.defaultValue ?? property.default,
    slider: presentation.slider,
    hint: presentation.hint,
    required,
    ...bounds(property),
    ...(kind === 'value' ? { shape: shapeOf(property) } : {}),
    ...(presentation.startValue === undefined ? {} : { startValue: presentation.startValue }),
    ...(presentation.setInside ? { setInside: presentation.setInside } : {}),
  };
}

/** The schema's range of a number, leaving out the ±2⁵³ zod puts on every integer. */
function bounds(p: JsonSchema): Pick<FieldSpec, 'min' | 'max'> {
  const limit = (v: number | undefined) => v !== undefined && Math.abs(v) < Number.MAX_SAFE_INTEGER;
  const out: { min?: NumberBound; max?: NumberBound } = {};
  if (limit(p.exclusiveMinimum)) out.min = { value: p.exclusiveMinimum as number, exclusive: true };
  else if (limit(p.minimum)) out.min = { value: p.minimum as number, exclusive: false };
  if (limit(p.exclusiveMaximum)) out.max = { value: p.exclusiveMaximum as number, exclusive: true };
  else if (limit(p.maximum)) out.max = { value: p.maximum as number, exclusive: false };
  return out;
}

function shapeOf(p: JsonSchema): ValueShape {
  const types = (p.anyOf ?? [p]).map((v) => v.type);
  if (types.includes('array') && types.includes('object')) return 'points';
  if (types.includes('array')) return 'list';
  if (types.includes('object')) return 'map';
  return 'any';
}

function kindOf(property: JsonSchema): FieldKind {
  if (property.enum || property.type === 'boolean') return 'choice';
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
