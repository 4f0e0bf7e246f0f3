/**
 * The form: one control per field of the config schema (see fields.ts), grouped into collapsible
 * sections, numbers with a slider beside the text box. It only reports text; turning text into a
 * config and checking it is setting.ts's and the library's job. Each input is described by its
 * hint and its error (aria-describedby) and marked aria-invalid while its error shows; errors are
 * announced once, by the page's live region, not by each slot.
 */
import type { FieldGroup, FieldSpec } from './fields.ts';
import { isFieldActive, isFieldShown, type ScheduleMode, type Setting } from './setting.ts';

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
  /** Whether the control of `key` is in the form now (its group may be closed). */
  isShown(key: string): boolean;
  /** Opens the group holding `key`, e.g. to show an error there. */
  reveal(key: string): void;
  /** Closes every group but `group` (a phone's first view). */
  collapseAllBut(group: FieldGroup): void;
}

const GROUP_TITLES: Readonly<Record<Exclude<FieldGroup, 'spec'>, string>> = {
  phases: 'Schedule',
  model: 'Model',
  update: 'Base optimizer',
  solver: 'Solver',
  game: 'Game: policy and objectives',
  scenario: 'More fields',
};

/** Groups of fields most runs leave alone: closed at first, below the main ones. */
const SECONDARY_GROUPS = new Set<FieldGroup>(['game', 'scenario']);

export function buildControls(container: HTMLElement, fields: readonly FieldSpec[], events: ControlsEvents): Controls {
  const built = new Map<string, FieldControl>();
  const errors = new Map<string, HTMLElement[]>();
  const addError = (key: string, element: HTMLElement) => errors.set(key, [...(errors.get(key) ?? []), element]);

  const schedule = group(GROUP_TITLES.phases, 'phases', true);
  const modeSwitch = segmented('Schedule as', [['phases', 'Training then deployment'], ['spec', 'Learning rates']], (mode) => events.onMode(mode as ScheduleMode));
  const phases = div('phases');
  const spec = div('spec');
  const scheduleError = errorSlot('schedule');
  addError('schedule', scheduleError);
  schedule.body.append(modeSwitch.element, phases, spec, scheduleError);
  const groups = new Map<FieldGroup, HTMLElement>([['phases', phases], ['spec', spec]]);
  container.append(schedule.element);

  for (const f of fields) {
    let parent = groups.get(f.group);
    if (!parent) {
      const g = group(GROUP_TITLES[f.group as Exclude<FieldGroup, 'spec'>], f.group, !SECONDARY_GROUPS.has(f.group));
      if (SECONDARY_GROUPS.has(f.group)) g.element.classList.add('secondary');
      container.append(g.element);
      parent = g.body;
      groups.set(f.group, parent);
    }
    const control = buildField(f, events);
    built.set(f.key, control);
    addError(f.key, control.error);
    parent.append(control.element);
  }

  /** The slot that shows `key`'s error: the spec control's for the schedule when it shows. */
  const slotFor = (key: string): HTMLElement | undefined => [...(errors.get(key) ?? [])].reverse().find((slot) => !slot.parentElement?.closest('[hidden]'));

  return {
    errorKeys: [...errors.keys()],
    fill(setting) {
      modeSwitch.select(setting.mode);
      phases.hidden = setting.mode !== 'phases';
      spec.hidden = setting.mode !== 'spec';
      for (const [key, control] of built) {
        control.element.hidden = !isFieldShown(control.field, setting);
        const inactive = !isFieldActive(control.field, setting) && !control.element.hidden;
        control.input.disabled = inactive;
        if (control.slider) control.slider.disabled = inactive;
        control.note.textContent = inactive && control.field.setInside ? control.field.setInside.reason : '';
        control.note.hidden = control.note.textContent === '';
        const text = setting.values[key] ?? '';
        if (control.input.value !== text) control.input.value = text;
        if (control.slider) syncSlider(control.slider, text);
      }
    },
    showErrors(messages) {
      for (const [key, slots] of errors) {
        const message = messages.get(key) ?? '';
        const shown = slotFor(key);
        for (const slot of slots) {
          const text = slot === shown ? message : '';
          slot.textContent = text;
          slot.hidden = text === '';
        }
        const control = built.get(key);
        if (control) {
          control.element.classList.toggle('invalid', message !== '');
          control.input.setAttribute('aria-invalid', String(message !== ''));
        }
        if (key === 'schedule') schedule.body.classList.toggle('invalid', message !== '');
      }
    },
    isShown(key) {
      // A control in a closed group counts: reveal() opens the group to show its error.
      const element = built.get(key)?.element ?? schedule.element;
      return !element.closest('[hidden]');
    },
    collapseAllBut(open) {
      for (const details of container.querySelectorAll<HTMLDetailsElement>('details.group')) details.open = details.dataset.group === open;
    },
    reveal(key) {
      const details = (built.get(key)?.element ?? schedule.element).closest('details');
      if (details) details.open = true;
    },
  };
}

interface FieldControl {
  field: FieldSpec;
  element: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  slider?: HTMLInputElement;
  error: HTMLElement;
  /** Why the control does not apply now (e.g. θ₀ is set by Parameters). */
  note: HTMLElement;
}

function buildField(f: FieldSpec, events: ControlsEvents): FieldControl {
  const element = div('field');
  element.dataset.field = f.key;
  const id = controlId(f.key);
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
  const note = paragraph('hint note', '');
  note.hidden = true;
  element.append(label, row, note);
  const described = [note.id = `${id}-note`];
  if (f.hint) {
    const hint = paragraph('hint', f.hint);
    hint.id = `${id}-hint`;
    described.push(hint.id);
    element.append(hint);
  }
  element.append(error);
  described.push(error.id);
  input.setAttribute('aria-describedby', described.join(' '));
  slider?.setAttribute('aria-describedby', described.join(' '));
  return { field: f, element, input, slider, error, note };
}

/** The id of the control of config path `key`. */
export function controlId(key: string): string {
  return `field-${key.replace(/\W/g, '-')}`;
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
    // Text, not type=number: the box takes 1e7 and 10 000 as typed, and says what it cannot read.
    input.inputMode = f.kind === 'integer' ? 'numeric' : 'decimal';
    input.classList.add('number');
  }
  input.placeholder = f.defaultValue === undefined ? (f.required ? 'required' : 'default') : String(f.defaultValue);
  return input;
}

/** The choices; with a default, first an empty option naming it (the config then leaves the field out). */
function select(choices: readonly string[], defaultValue: unknown): HTMLSelectElement {
  const element = document.createElement('select');
  element.append(new Option(defaultValue === undefined ? '(not set)' : `${String(defaultValue)} (default)`, ''));
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
    for (const b of buttons) {
      b.setAttribute('aria-checked', String(b.dataset.value === value));
      b.tabIndex = b.dataset.value === value ? 0 : -1;
    }
  };
  // Radio-group keys: arrows move the choice.
  element.addEventListener('keydown', (event) => {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
    event.preventDefault();
    const at = buttons.findIndex((b) => b.getAttribute('aria-checked') === 'true');
    const next = buttons[(at + (event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? buttons.length - 1 : 1)) % buttons.length];
    next.focus();
    onPick(next.dataset.value ?? '');
  });
  return { element, select: pick };
}

/** A collapsible group of controls (a fieldset inside a details element). */
function group(title: string, name: string, open: boolean): { element: HTMLDetailsElement; body: HTMLFieldSetElement } {
  const element = document.createElement('details');
  element.className = 'group';
  element.dataset.group = name;
  element.open = open;
  const summary = document.createElement('summary');
  summary.textContent = title;
  const body = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.className = 'visually-hidden';
  legend.textContent = title;
  body.append(legend);
  element.append(summary, body);
  return { element, body };
}

let slots = 0;

function errorSlot(key: string): HTMLElement {
  const element = paragraph('field-error', '');
  element.dataset.errorFor = key;
  element.id = `error-${key.replace(/\W/g, '-')}-${slots++}`;
  element.hidden = true;
  return element;
}

function paragraph(className: string, text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}

function div(className: string): HTMLDivElement {
  const element = document.createElement('div');
  element.className = className;
  return element;
}
