/**
 * The whole view in the query string, so a link reproduces it: setting A's scenario, schedule mode
 * and every control (`scenario=seed-1&schedule.training=40&theta0=0.8…`), setting B's with a `b.`
 * prefix when comparing, which setting and tab are open, and the sweep heatmap's keys
 * (`sweep.x`, `sweep.y`, `sweep.value`; a results file of the user's is local and is opened
 * again, a built-in example is named by `sweep.example`).
 * Missing keys take the scenario's own values; unknown keys are ignored.
 */
import { isActiveKey, type ScheduleMode, type Setting } from './setting.ts';
import type { SweepAxes } from './sweepFile.ts';

export type SettingId = 'a' | 'b';
export type ViewTab = 'trajectory' | 'sweep';

export interface ExplorerState {
  readonly a: Setting;
  /** The setting overlaid in comparison mode, or null. */
  readonly b: Setting | null;
  /** The setting the controls edit. */
  readonly editing: SettingId;
  readonly view: ViewTab;
  /** The sweep heatmap's keys, as far as chosen, and the built-in example shown, if one is. */
  readonly sweep: SweepKeys;
}

export type SweepKeys = Partial<SweepAxes> & { readonly example?: string };

const SWEEP_KEYS = ['example', 'x', 'y', 'value'] as const;

/** The controls of a built-in scenario's config, or null when there is no such scenario. */
export type SettingDefaults = (scenario: string, variant: number) => Setting | null;

const PREFIX: Readonly<Record<SettingId, string>> = { a: '', b: 'b.' };

export function stateToQuery(state: ExplorerState, defaults: SettingDefaults): string {
  const params = new URLSearchParams();
  writeSetting(params, PREFIX.a, state.a, defaults);
  if (state.b) writeSetting(params, PREFIX.b, state.b, defaults);
  if (state.b && state.editing === 'b') params.set('edit', 'b');
  if (state.view !== 'trajectory') params.set('view', state.view);
  for (const key of SWEEP_KEYS) {
    const value = state.sweep[key];
    if (value) params.set(`sweep.${key}`, value);
  }
  return params.toString();
}

/** The state a query describes; unknown scenarios fall back to `fallback`. */
export function stateFromQuery(query: string, defaults: SettingDefaults, fallback: string): ExplorerState {
  const params = new URLSearchParams(query);
  const a = readSetting(params, PREFIX.a, defaults, fallback);
  const b = params.has(`${PREFIX.b}scenario`) ? readSetting(params, PREFIX.b, defaults, fallback) : null;
  return {
    a,
    b,
    editing: b && params.get('edit') === 'b' ? 'b' : 'a',
    view: params.get('view') === 'sweep' ? 'sweep' : 'trajectory',
    sweep: Object.fromEntries(SWEEP_KEYS.flatMap((key) => (params.get(`sweep.${key}`) ? [[key, params.get(`sweep.${key}`)]] : []))),
  };
}

function writeSetting(params: URLSearchParams, prefix: string, setting: Setting, defaults: SettingDefaults): void {
  params.set(`${prefix}scenario`, setting.scenario);
  if (setting.variant !== 0) params.set(`${prefix}variant`, String(setting.variant));
  params.set(`${prefix}mode`, setting.mode);
  const base = defaults(setting.scenario, setting.variant);
  for (const [key, value] of Object.entries(setting.values)) {
    if (!isActiveKey(key, setting.mode)) continue;
    // An empty control is written only when the scenario's own value is not empty.
    if (value !== '' || (base?.values[key] ?? '') !== '') params.set(`${prefix}${key}`, value);
  }
}

function readSetting(params: URLSearchParams, prefix: string, defaults: SettingDefaults, fallback: string): Setting {
  const scenario = params.get(`${prefix}scenario`) ?? fallback;
  const variant = Number(params.get(`${prefix}variant`) ?? '0');
  const base = defaults(scenario, Number.isInteger(variant) ? variant : 0) ?? defaults(scenario, 0) ?? defaults(fallback, 0);
  if (!base) throw new Error(`no built-in scenario "${fallback}" to fall back to`);
  const mode = params.get(`${prefix}mode`);
  const values: Record<string, string> = { ...base.values };
  for (const key of Object.keys(values)) {
    const value = params.get(`${prefix}${key}`);
    if (value !== null) values[key] = value;
  }
  return { ...base, mode: isScheduleMode(mode) ? mode : base.mode, values };
}

function isScheduleMode(mode: string | null): mode is ScheduleMode {
  return mode === 'phases' || mode === 'spec';
}
