/**
 * The form: one control per field of the config schema (see fields.ts), grouped into fieldsets,
 * numbers with a slider beside the text box. It only reports text; turning text into a config and
 * checking it is setting.ts's and the library's job.
 */
import type { FieldGroup, FieldSpec } from './fields.ts';
import { isFieldActive, type ScheduleMode, type Setting } from './setting.ts';

export interface ControlsEvents {
  /** A control's text changed (typing, dragging or picking). */
  onValue(key: string, text: string): void;
  onMode(mode: ScheduleMode): void;
}

export interface Controls {
  /** Every key an error can be shown at: the fields and the schedule as a whole. */
  readonly errorKeys: readonly string[];
  /** Shows the setting's values (and its schedule mode). */
  fill(setting: Setting): void;
  /** Shows each message under its control (by key); clears the others. */
  showErrors(errors: ReadonlyMap<string, string>): void;
}

const GROUP_TITLES: Readonly<Record<Exclude<FieldGroup, 'spec'>, string>> = {
  phases: 'Schedule',
  model: 'Model',
  update: 'Base optimizer',
  solver: 'Solver',
  game: 'Game: policy and objectives',
  scenario: 'More fields',
};

/** Groups of fields most runs leave empty: drawn lighter, below the main ones. */
const SECONDARY_GROUPS = new Set<FieldGroup>(['game', 'scenario']);

export function buildControls(container: HTMLElement, fields: readonly FieldSpec[], events: ControlsEvents): Controls {
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const conditional = new Map<FieldSpec, HTMLElement>();
  const sliders = new Map<string, HTMLInputElement>();
  const errors = new Map<string, HTMLElement[]>();
  const addError = (key: string, element: HTMLElement) => errors.set(key, [...(errors.get(key) ?? []), element]);

  const schedule = fieldset(GROUP_TITLES.phases);
  const modeSwitch = segmented('Schedule as', [['phases', 'Phases'], ['spec', 'Spec']], (mode) => events.onMode(mode as ScheduleMode));
  const phases = div('phases');
  const spec = div('spec');
  const scheduleError = errorSlot('schedule');
  addError('schedule', scheduleError);
  schedule.append(modeSwitch.element, phases, spec, scheduleError);
  const groups = new Map<FieldGroup, HTMLElement>([['phases', phases], ['spec', spec]]);
  container.append(schedule);

  for (const f of fields) {
    let parent = groups.get(f.group);
    if (!parent) {
      parent = fieldset(GROUP_TITLES[f.group as Exclude<FieldGroup, 'spec'>]);
      if (SECONDARY_GROUPS.has(f.group)) parent.classList.add('secondary');
      container.append(parent);
      groups.set(f.group, parent);
    }
    const control = buildField(f, events);
    inputs.set(f.key, control.input);
    if (control.slider) sliders.set(f.key, control.slider);
    addError(f.key, control.error);
    if (f.when) conditional.set(f, control.element);
    parent.append(control.element);
  }

  return {
    errorKeys: [...errors.keys()],
    fill(setting) {
      modeSwitch.select(setting.mode);
      phases.hidden = setting.mode !== 'phases';
      spec.hidden = setting.mode !== 'spec';
      for (const [f, element] of conditional) element.hidden = !isFieldActive(f, setting);
      for (const [key, input] of inputs) {
        const text = setting.values[key] ?? '';
        if (input.value !== text) input.value = text;
        const slider = sliders.get(key);
        if (slider) syncSlider(slider, text);
      }
    },
    showErrors(messages) {
      for (const [key, slots] of errors) {
        const message = messages.get(key) ?? '';
        // `schedule` has a slot for the whole schedule and one on the spec control: the spec's when shown.
        const shown = [...slots].reverse().find((slot) => !slot.parentElement?.closest('[hidden]'));
        for (const slot of slots) {
          const text = slot === shown ? message : '';
          slot.textContent = text;
          slot.hidden = text === '';
          slot.closest('.field')?.classList.toggle('invalid', text !== '');
        }
      }
    },
  };
}

interface FieldControl {
  element: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  slider?: HTMLInputElement;
  error: HTMLElement;
}

function buildField(f: FieldSpec, events: ControlsEvents): FieldControl {
  const element = div('field');
  element.dataset.field = f.key;
  const id = `field-${f.key.replace(/\W/g, '-')}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = f.label;
  const row = div('field-inputs');
  const input = f.kind === 'choice' ? select(f.choices, f.defaultValue) : textInput(f);
  input.id = id;
  input.dataset.key = f.key;
  let slider: HTMLInputElement | undefined;
  if (f.slider) {
    slider = document.createElement('input');
    slider.type = 'range';
    slider.min = String(f.slider.min);
    slider.max = String(f.slider.max);
    slider.step = String(f.slider.step);
    slider.dataset.key = f.key;
    slider.dataset.baseMax = slider.max;
    slider.setAttribute('aria-label', `${f.label} slider`);
    const s = slider;
    s.addEventListener('input', () => {
      input.value = s.value;
      events.onValue(f.key, s.value);
    });
    row.append(slider);
  }
  input.addEventListener(f.kind === 'choice' ? 'change' : 'input', () => {
    if (slider) syncSlider(slider, input.value);
    events.onValue(f.key, input.value);
  });
  row.append(input);
  const error = errorSlot(f.key);
  element.append(label, row);
  if (f.hint) element.append(hint(f.hint));
  element.append(error);
  return { element, input, slider, error };
}

/** Moves the slider to the text's value, widening its range when the value lies beyond it. */
function syncSlider(slider: HTMLInputElement, text: string): void {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return;
  const baseMax = Number(slider.dataset.baseMax);
  slider.max = String(Math.max(baseMax, value));
  slider.value = text;
}

function textInput(f: FieldSpec): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'text';
  input.spellcheck = false;
  input.autocomplete = 'off';
  if (f.kind === 'number' || f.kind === 'integer') {
    input.inputMode = f.kind === 'integer' ? 'numeric' : 'decimal';
    input.classList.add('number');
  }
  input.placeholder = f.defaultValue === undefined ? 'default' : String(f.defaultValue);
  return input;
}

/** The choices; with a default, first an empty option naming it (the config then leaves the field out). */
function select(choices: readonly string[], defaultValue: unknown): HTMLSelectElement {
  const element = document.createElement('select');
  if (defaultValue !== undefined) element.append(new Option(`${String(defaultValue)} (default)`, ''));
  for (const choice of choices) element.append(new Option(choice, choice));
  return element;
}

function segmented(label: string, options: readonly (readonly [string, string])[], onPick: (value: string) => void) {
  const element = div('segmented');
  element.setAttribute('role', 'radiogroup');
  element.setAttribute('aria-label', label);
  const buttons = options.map(([value, text]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.dataset.value = value;
    button.setAttribute('role', 'radio');
    button.addEventListener('click', () => onPick(value));
    element.append(button);
    return button;
  });
  const pick = (value: string) => {
    for (const b of buttons) b.setAttribute('aria-checked', String(b.dataset.value === value));
  };
  return { element, select: pick };
}

function fieldset(title: string): HTMLFieldSetElement {
  const element = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = title;
  element.append(legend);
  return element;
}

function errorSlot(key: string): HTMLElement {
  const element = document.createElement('p');
  element.className = 'field-error';
  element.dataset.errorFor = key;
  element.setAttribute('role', 'alert');
  element.hidden = true;
  return element;
}

function hint(text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = 'hint';
  element.textContent = text;
  return element;
}

function div(className: string): HTMLDivElement {
  const element = document.createElement('div');
  element.className = className;
  return element;
}
