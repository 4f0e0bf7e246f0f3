/**
 * The explorer page: a thin shell over the library. The controls edit one or two settings; each
 * change re-solves them in the worker (latest input wins) and redraws the library's seed figure
 * and the metrics. The view lives in the URL.
 */
import './style.css';
import { BUILT_IN_SCENARIOS } from '../../src/scenarios/registry.ts';
import { ChartView } from './chartView.ts';
import { buildControls } from './controls.ts';
import { download, fileStem } from './download.ts';
import { describeFields } from './fields.ts';
import { trajectoryFigureSpec } from './figure.ts';
import { loadChartFont } from './font.ts';
import { renderMetricsTable, type MetricsColumn } from './metricsTable.ts';
import type { Run } from './protocol.ts';
import { episodeCount, resultJsonText, runName, runNote, trajectoryCsv } from './runView.ts';
import { Scenarios } from './scenarios.ts';
import { controlForError, settingToConfig, withMode, type Setting } from './setting.ts';
import { SolverClient } from './solverClient.ts';
import { setUpSweepPanel } from './sweepPanel.ts';
import { stateFromQuery, stateToQuery, type ExplorerState, type SettingId, type ViewTab } from './urlState.ts';

/**
 * What the end-to-end tests read: how many times the chart was drawn and how long it took. Each
 * redraw also fires a `mesalab:rendered` event on window.
 */
export interface ExplorerProbe {
  renders: number;
  /** Milliseconds from the input event to the finished redraw, for each redraw caused by input. */
  latencies: number[];
  /**
   * Where the last redraw's time went, in milliseconds: the worker round trip (of which `compute`
   * was running the configs, the rest messaging), building the chart spec, and vega.
   */
  phases: { solve: number; compute: number; spec: number; draw: number } | null;
}

declare global {
  interface Window {
    mesalabExplorer: ExplorerProbe;
  }
}

interface Problem {
  readonly field: string | null;
  readonly message: string;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const SETTING_LABEL: Readonly<Record<SettingId, string>> = { a: 'A', b: 'B' };

const fields = describeFields();
const scenarios = new Scenarios(BUILT_IN_SCENARIOS, fields);
/** Controls that decide which other controls apply (a union's `type`): the form is redrawn when they change. */
const conditionKeys = new Set(fields.flatMap((f) => (f.when ? [f.when.key] : [])));
const client = new SolverClient();
const chartElement = byId<HTMLDivElement>('chart');
const chart = new ChartView(chartElement);
const probe: ExplorerProbe = { renders: 0, latencies: [], phases: null };
window.mesalabExplorer = probe;

let state: ExplorerState = stateFromQuery(location.search, scenarios.defaults, scenarios.first);
let problems: Record<SettingId, Problem[]> = { a: [], b: [] };
/** The results on screen, one per setting. */
type Column = MetricsColumn & { readonly id: SettingId };
let columns: Column[] = [];

const controls = buildControls(byId('controls'), fields, {
  onValue: (key, text) => edit((s) => ({ ...s, values: { ...s.values, [key]: text } }), conditionKeys.has(key)),
  onMode: (mode) => edit((s) => withMode(s, mode), true),
});

// ---- State changes -------------------------------------------------------------------------

function current(): Setting {
  return state.editing === 'b' && state.b ? state.b : state.a;
}

/** Applies a change to the setting being edited; `refill` redraws the controls from it. */
function edit(change: (s: Setting) => Setting, refill = false): void {
  markInput();
  const next = change(current());
  state = state.editing === 'b' && state.b ? { ...state, b: next } : { ...state, a: next };
  if (refill) showSetting();
  saveUrlSoon();
  requestUpdate();
}

function setState(next: ExplorerState, resolve: boolean): void {
  state = next;
  showSetting();
  saveUrlSoon();
  if (resolve) {
    markInput();
    requestUpdate();
  }
}

// ---- Solving and drawing (latest input wins) ---------------------------------------------------

let pendingInputAt: number | null = null;
let running = false;
let dirty = false;

function markInput(): void {
  pendingInputAt ??= performance.now();
}

/** A solve older than this is abandoned when new input arrives (a restarted worker costs less). */
const STALE_SOLVE_MS = 250;

function requestUpdate(): void {
  dirty = true;
  if (!running) void runUpdates();
  else if (client.busyFor() > STALE_SOLVE_MS) client.cancel();
}

async function runUpdates(): Promise<void> {
  running = true;
  try {
    while (dirty) {
      dirty = false;
      const inputAt = pendingInputAt;
      pendingInputAt = null;
      await update(inputAt).catch((error: unknown) => {
        problems = { a: [{ field: null, message: `unexpected error: ${error instanceof Error ? error.message : String(error)}` }], b: [] };
        showProblems();
      });
    }
  } finally {
    running = false;
  }
}

async function update(inputAt: number | null): Promise<void> {
  const ids: SettingId[] = state.b ? ['a', 'b'] : ['a'];
  const settings = ids.map((id) => (id === 'b' && state.b ? state.b : state.a));
  const prepared = settings.map((s) => settingToConfig(s, fields, scenarios.configName(s)));
  const next: Record<SettingId, Problem[]> = { a: [], b: [] };
  ids.forEach((id, i) => next[id].push(...prepared[i].issues));
  // Configs whose text parsed still go to the worker, so all their errors show at once.
  const toSolve = prepared.map((p, i) => ({ p, i })).filter(({ p }) => p.issues.length === 0);
  const solveStarted = performance.now();
  const slow = setTimeout(() => (byId('status').textContent = 'Solving…'), STALE_SOLVE_MS);
  const outcomes = await client.solve(toSolve.map(({ p }) => p.config));
  clearTimeout(slow);
  const solvedAt = performance.now();
  // A newer input is waiting: leave the screen as it is and solve that one.
  if (outcomes.some((o) => !o.ok && o.failure.kind === 'cancelled')) return;
  const runs: (Run | null)[] = ids.map(() => null);
  outcomes.forEach((outcome, k) => {
    const i = toSolve[k].i;
    if (outcome.ok) runs[i] = outcome.run;
    else next[ids[i]].push(outcome.failure);
  });
  problems = next;
  if (runs.some((r) => r === null)) {
    showProblems();
    return;
  }
  const solved = runs as Run[];
  columns = ids.map((id, i): Column => {
    const name = runName(solved[i]);
    return { id, label: ids.length > 1 ? `${SETTING_LABEL[id]} · ${name}` : name, run: solved[i] };
  });
  const times = await draw();
  const compute = outcomes.reduce((sum, o) => sum + (o.ok ? o.milliseconds : 0), 0);
  probe.phases = { solve: solvedAt - solveStarted, compute, ...times };
  showProblems();
  probe.renders++;
  chartElement.dataset.renderCount = String(probe.renders);
  const latency = inputAt === null ? null : performance.now() - inputAt;
  if (latency !== null) probe.latencies.push(latency);
  showStatus(latency);
  window.dispatchEvent(new CustomEvent('mesalab:rendered', { detail: { latency } }));
}

/** Draws the results on screen; returns the milliseconds spent on the spec and in vega. */
async function draw(): Promise<{ spec: number; draw: number }> {
  const started = performance.now();
  const spec = trajectoryFigureSpec(columns, Math.max(360, Math.floor(chartElement.clientWidth)));
  const specDone = performance.now();
  await chart.show(spec);
  renderMetricsTable(byId('metrics'), columns);
  return { spec: specDone - started, draw: performance.now() - specDone };
}

// ---- Showing state -----------------------------------------------------------------------------

function showSetting(): void {
  const setting = current();
  const scenario = byId<HTMLSelectElement>('scenario');
  scenario.value = setting.scenario;
  const variants = scenarios.variants(setting.scenario);
  const variant = byId<HTMLSelectElement>('variant');
  variant.replaceChildren(...variants.map((name, i) => new Option(name, String(i))));
  variant.value = String(setting.variant);
  byId('variant-row').hidden = variants.length < 2;
  byId('scenario-description').textContent = scenarios.description(setting.scenario, setting.variant);
  byId<HTMLInputElement>('compare').checked = state.b !== null;
  byId('setting-tabs').hidden = state.b === null;
  for (const tab of document.querySelectorAll<HTMLButtonElement>('#setting-tabs [data-setting]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.setting === state.editing));
  }
  for (const tab of document.querySelectorAll<HTMLButtonElement>('.view-tabs [data-view]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.view === state.view));
  }
  byId('trajectory-view').hidden = state.view !== 'trajectory';
  byId('sweep-view').hidden = state.view !== 'sweep';
  controls.fill(setting);
  showProblems();
}

/** Each problem under its control (for the setting being edited) and a summary over the chart. */
function showProblems(): void {
  const atControls = new Map<string, string>();
  const general: string[] = [];
  for (const p of problems[state.editing]) {
    const key = p.field === null ? null : controlForError(p.field, controls.errorKeys);
    if (key !== null) {
      if (!atControls.has(key)) atControls.set(key, p.message);
    } else general.push(p.field && p.field !== 'config' ? `${p.field}: ${p.message}` : p.message);
  }
  controls.showErrors(atControls);
  const configError = byId('config-error');
  configError.textContent = general.join('\n');
  configError.hidden = general.length === 0;
  for (const tab of document.querySelectorAll<HTMLButtonElement>('#setting-tabs [data-setting]')) {
    tab.classList.toggle('has-error', problems[tab.dataset.setting as SettingId].length > 0);
  }
  const summary = (['a', 'b'] as const)
    .filter((id) => problems[id].length > 0)
    .map((id) => `${state.b ? `Setting ${SETTING_LABEL[id]}: ` : ''}${describeProblem(problems[id][0])}`);
  const banner = byId('chart-error');
  banner.textContent = summary.length > 0 ? `${summary.join(' · ')} — the chart shows the last valid result.` : '';
  banner.hidden = summary.length === 0;
  chartElement.classList.toggle('stale', summary.length > 0);
  byId('metrics').classList.toggle('stale', summary.length > 0);
}

function describeProblem(p: Problem): string {
  const label = p.field === null ? null : fields.find((f) => f.key === controlForError(p.field ?? '', controls.errorKeys))?.label;
  return label ? `${label} ${p.message}` : p.message;
}

function showStatus(latency: number | null): void {
  const parts = columns.map(({ id, run }) => {
    const who = columns.length > 1 ? `${SETTING_LABEL[id]}: ` : '';
    return `${who}N = ${episodeCount(run)}, ${runNote(run)}`;
  });
  // Timings only after input: the first view (and its screenshot in docs/) stays the same from run to run.
  if (latency !== null) parts.push(`solved and redrawn in ${latency.toFixed(1)} ms`);
  byId('status').textContent = parts.join(' · ');
}

// ---- URL -------------------------------------------------------------------------------------

let urlTimer: ReturnType<typeof setTimeout> | undefined;

/** Writes the state to the URL after input pauses (browsers throttle frequent history calls). */
function saveUrlSoon(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(saveUrl, 250);
}

function saveUrl(): void {
  clearTimeout(urlTimer);
  history.replaceState(null, '', `${location.pathname}?${stateToQuery(state, scenarios.defaults)}`);
}

// ---- Wiring ----------------------------------------------------------------------------------

function wire(): void {
  const scenario = byId<HTMLSelectElement>('scenario');
  scenario.replaceChildren(...scenarios.names().map((name) => new Option(name, name)));
  scenario.addEventListener('change', () => edit(() => scenarios.setting(scenario.value, 0), true));
  const variant = byId<HTMLSelectElement>('variant');
  variant.addEventListener('change', () => edit((s) => scenarios.setting(s.scenario, Number(variant.value)), true));
  byId('reset').addEventListener('click', () => edit((s) => scenarios.setting(s.scenario, s.variant), true));
  const compare = byId<HTMLInputElement>('compare');
  compare.addEventListener('change', () => {
    setState(compare.checked ? { ...state, b: { ...state.a }, editing: 'b' } : { ...state, b: null, editing: 'a' }, true);
  });
  for (const tab of document.querySelectorAll<HTMLButtonElement>('#setting-tabs [data-setting]')) {
    tab.addEventListener('click', () => setState({ ...state, editing: tab.dataset.setting as SettingId }, false));
  }
  for (const tab of document.querySelectorAll<HTMLButtonElement>('.view-tabs [data-view]')) {
    tab.addEventListener('click', () => setState({ ...state, view: tab.dataset.view as ViewTab }, false));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-export]')) {
    button.addEventListener('click', () => {
      exportAs(button.dataset.export ?? '').catch((error: unknown) => {
        byId('status').textContent = `Export failed: ${error instanceof Error ? error.message : String(error)}`;
      });
    });
  }
  const share = byId<HTMLButtonElement>('share');
  share.addEventListener('click', () => {
    saveUrl();
    navigator.clipboard.writeText(location.href).then(
      () => flash(share, 'Link copied'),
      () => flash(share, 'Copy the address bar'),
    );
  });
  let lastWidth = chartElement.clientWidth;
  new ResizeObserver(() => {
    if (chartElement.clientWidth === 0 || Math.abs(chartElement.clientWidth - lastWidth) < 2 || columns.length === 0) return;
    lastWidth = chartElement.clientWidth;
    // Through the update loop, so a redraw never overlaps one in progress.
    requestUpdate();
  }).observe(chartElement);
  setUpSweepPanel({
    file: byId('sweep-file'),
    x: byId('sweep-x'),
    y: byId('sweep-y'),
    value: byId('sweep-value'),
    notice: byId('sweep-notice'),
    chart: byId('heatmap'),
    exportSvg: byId('heatmap-svg'),
    exportPng: byId('heatmap-png'),
  }, {
    preferredAxes: () => state.sweep,
    onAxes: (axes) => {
      state = { ...state, sweep: axes };
      saveUrlSoon();
    },
  });
}

/** Chart as SVG or PNG; the edited setting's data as the CLI's CSV or JSON. */
async function exportAs(kind: string): Promise<void> {
  if (columns.length === 0) return;
  const column = columns.find((c) => c.id === state.editing) ?? columns[0];
  const chartStem = fileStem(columns.map((c) => runName(c.run)).join('-vs-'));
  const dataStem = fileStem(runName(column.run));
  if (kind === 'svg') download(`${chartStem}.svg`, await chart.toSvg(), 'image/svg+xml');
  if (kind === 'png') download(`${chartStem}.png`, await chart.toPng(2));
  if (kind === 'csv') download(`${dataStem}.csv`, trajectoryCsv(column.run), 'text/csv');
  if (kind === 'json') download(`${dataStem}.json`, resultJsonText(column.run), 'application/json');
}

function flash(button: HTMLButtonElement, text: string): void {
  const original = button.textContent;
  button.textContent = text;
  setTimeout(() => (button.textContent = original), 1500);
}

wire();
showSetting();
// Charts use the figures' font; draw with the fallback if it cannot load.
loadChartFont().then(requestUpdate, requestUpdate);
