/**
 * The explorer's controls, derived from the scenario config schema the CLI validates: every
 * property of `scenarioConfigSchema` becomes a control, so a field added to the schema appears in
 * the page without touching it. This file only adds presentation (labels, slider ranges, order).
 */
import { z } from 'zod';
import { scenarioConfigSchema } from '../../src/model/config.ts';

/**
 * How a control's text becomes a config value: a finite number, a whole number, one of a list of
 * names, free text, or a YAML value (lists and objects such as `{min: -1, max: 1, count: 11}`).
 */
export type FieldKind = 'number' | 'integer' | 'choice' | 'text' | 'value';

/** Where a control sits: the schedule (in one of its two modes), the model, or the rest. */
export type FieldGroup = 'phases' | 'spec' | 'model' | 'solver' | 'scenario';

export interface SliderRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export interface FieldSpec {
  /** The config path the control edits, e.g. `schedule.training` or `theta0`. */
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
}

interface Presentation {
  label: string;
  slider?: SliderRange;
  hint?: string;
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
  solver: { label: 'Solver' },
  prior: { label: 'Prior over θ', hint: 'a list such as [-1, 0, 1] or {min: -1, max: 1, count: 11}; empty: the default' },
  coefficientGrid: { label: 'Coefficient grid', hint: 'a list or {min: -2, max: 2, count: 401}; empty: the default' },
  plotWindow: { label: 'Episodes shown', hint: 'leading episodes drawn in the chart; empty: all' },
};

/** Metadata rather than model input: shown as text, never as a control. */
const METADATA = new Set(['name', 'description']);
const MODEL_FIELDS = new Set(['theta0', 'discount', 'regularizer']);

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  default?: unknown;
}

/** Every control of the explorer, in display order. */
export function describeFields(): FieldSpec[] {
  const schema = z.toJSONSchema(scenarioConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields: FieldSpec[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (METADATA.has(key)) continue;
    if (key === 'schedule') fields.push(...scheduleFields(property));
    else fields.push(field(key, property, groupOf(key)));
  }
  const order: FieldGroup[] = ['phases', 'spec', 'model', 'solver', 'scenario'];
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

function groupOf(key: string): FieldGroup {
  if (MODEL_FIELDS.has(key)) return 'model';
  return key === 'solver' ? 'solver' : 'scenario';
}

function field(key: string, property: JsonSchema, group: FieldGroup): FieldSpec {
  const presentation = PRESENTATION[key] ?? { label: humanize(key) };
  return {
    key,
    label: presentation.label,
    kind: kindOf(property),
    group,
    choices: (property.enum ?? []).map(String),
    defaultValue: property.default,
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
