/**
 * The explorer page: a thin shell over the library. The controls edit one or two settings; each
 * change re-solves them in the worker (the newest input wins: a stale slow solve is cancelled)
 * and redraws the chart and the metrics. The view lives in the URL.
 */
// First: starts the worker and vega's load before the rest of the page is evaluated.
import { client, scriptStart, vegaLoaded } from './earlyStart.ts';
import './style.css';
import { BUILT_IN_SCENARIOS, getBuiltInScenario, type GameConfig } from '../../src/index.ts';
import { ChartView } from './chartView.ts';
import { plotWidth, scrubbedRows, trajectoryChartSpec, type ChartRun } from './chartSpec.ts';
import { buildControls } from './controls.ts';
import { download, fileStem } from './download.ts';
import { EpisodeScrubber } from './episodeScrubber.ts';
import { explain, renderExplanation } from './explain.ts';
import { describeFields } from './fields.ts';
import { loadChartFont } from './font.ts';
import { renderMetricsTable, type MetricsColumn } from './metricsTable.ts';
import { placeProblems, type Problem } from './problems.ts';
import { SolveProgress } from './progress.ts';
import type { ExportFormat, RunView } from './protocol.ts';
import { Scenarios } from './scenarios.ts';
import { setPath, settingFromConfig, settingToConfig, withMode, withVariantStart, type Setting } from './setting.ts';
import { setUpSweepPanel, type SweepMeta } from './sweepPanel.ts';
import { tabList } from './tabs.ts';
import { tooltipHandler } from './tooltip.ts';
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
  /** performance.now() when the first chart was drawn. */
  firstChart: number | null;
  /**
   * The way to the first chart, in milliseconds after navigation start: the page's script
   * starts, vega is loaded, the worker's first answer arrives.
   */
  startup: { script: number; vega: number | null; firstSolve: number | null };
  /** The episode whose policy chart was drawn last, and how many times it was drawn. */
  policy: { episode: number | null; renders: number };
}

declare global {
  interface Window {
    mesalabExplorer: ExplorerProbe;
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const SETTING_LABEL: Readonly<Record<SettingId, string>> = { a: 'A', b: 'B' };
const CHART_HEIGHT = 300;

const fields = describeFields();
const scenarios = new Scenarios(BUILT_IN_SCENARIOS, fields);
/** Controls that decide which other controls apply (a union's `type`): the form is redrawn when they change. */
const conditionKeys = new Set(fields.flatMap((f) => [...(f.when ? [f.when.key] : []), ...(f.setInside ? [f.setInside.key] : [])]));
const chartElement = byId<HTMLDivElement>('chart');
const chart = new ChartView(chartElement, tooltipHandler(byId('chart-frame')));
const probe: ExplorerProbe = { renders: 0, latencies: [], phases: null, firstChart: null, startup: { script: scriptStart, vega: null, firstSolve: null }, policy: { episode: null, renders: 0 } };
void vegaLoaded.then((at) => (probe.startup.vega = at), () => undefined);
window.mesalabExplorer = probe;

let state: ExplorerState = stateFromQuery(location.search, scenarios.defaults, scenarios.first);
let problems: Record<SettingId, Problem[]> = { a: [], b: [] };
/** The control each setting's user touched last: problems of the whole scenario show there. */
const touched: Record<SettingId, string | null> = { a: null, b: null };
/** The results on screen, one per setting. */
type Column = MetricsColumn & { readonly id: SettingId };
let columns: Column[] = [];
/** The worker's id of the solve on screen: its exports name it. */
let shownSolve = -1;
/** Set while setting A is a sweep point opened from the heatmap: which point. */
let pointNote: string | null = null;

const controls = buildControls(byId('controls'), fields, {
  onValue: (key, text) => {
    touched[state.editing] = key;
    edit((s) => {
      const next = { ...s, values: { ...s.values, [key]: text } };
      return conditionKeys.has(key) ? withVariantStart(next, key, fields) : next;
    }, conditionKeys.has(key));
  },
  onMode: (mode) => edit((s) => withMode(s, mode), true),
});

const settingTabs = tabList(byId('setting-tabs'), (tab) => setState({ ...state, editing: tab.dataset.setting as SettingId }, false));
const viewTabs = tabList(byId('view-tabs'), (tab) => setState({ ...state, view: tab.dataset.view as ViewTab }, false));

const progress = new SolveProgress({ box: byId('progress'), text: byId('progress-text'), bar: byId('progress-bar'), cancel: byId('progress-cancel') }, () => {
  client.cancel();
  byId('status').textContent = 'Cancelled. Change any input to solve again.';
});

/** The edited setting's column on screen: the scrubber and the exports show its run. */
function shownIndex(): number {
  return Math.max(0, columns.findIndex((c) => c.id === state.editing));
}

const scrubber = new EpisodeScrubber(
  { slider: byId('episode'), play: byId('episode-play'), values: byId('episode-values'), frame: byId('policy-frame'), chart: byId('policy-chart') },
  {
    fetch: (episode) => client.episode(shownSolve, shownIndex(), episode),
    onEpisode: (episode) => void chart.data('scrubbed', scrubbedRows(episode)),
    onDrawn: (episode) => {
      probe.policy.episode = episode;
      probe.policy.renders++;
      window.dispatchEvent(new CustomEvent('mesalab:policy', { detail: { episode } }));
    },
  },
);

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

// ---- Solving and drawing (the newest input wins) ------------------------------------------------

let pendingInputAt: number | null = null;
let running = false;
let dirty = false;

function markInput(): void {
  pendingInputAt ??= performance.now();
}

/**
 * A solve older than this is abandoned when new input arrives: a fresh worker starts in about
 * the time a fast solve takes, and a slow one would keep the newest input waiting.
 */
const STALE_SOLVE_MS = 150;

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
  const { id: solveId, outcomes } = await client.solve(
    toSolve.map(({ p }) => p.config),
    plotWidth(chartWidth()),
    {
      // The library's verdict on the newest input shows at once, before any slow solve ends.
      onChecked: (failures) => {
        if (dirty) return;
        const checked: Record<SettingId, Problem[]> = { a: [...next.a], b: [...next.b] };
        failures.forEach((failure, k) => failure && checked[ids[toSolve[k].i]].push(failure));
        problems = checked;
        showProblems();
        if (failures.some((f) => f === null)) byId('status').textContent = 'Solving…';
      },
      onStarted: (start) => progress.start(start),
    },
  );
  progress.stop();
  const solvedAt = performance.now();
  probe.startup.firstSolve ??= solvedAt;
  // A newer input is waiting: leave the screen as it is and solve that one.
  if (outcomes.some((o) => !o.ok && o.failure.kind === 'cancelled')) return;
  const runs: (RunView | null)[] = ids.map(() => null);
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
  const solved = runs as RunView[];
  shownSolve = solveId;
  columns = ids.map((id, i): Column => ({ id, label: ids.length > 1 ? `${SETTING_LABEL[id]} · ${solved[i].name}` : solved[i].name, run: solved[i] }));
  const times = await draw();
  const compute = outcomes.reduce((sum, o) => sum + (o.ok ? o.milliseconds : 0), 0);
  probe.phases = { solve: solvedAt - solveStarted, compute, ...times };
  showProblems();
  probe.renders++;
  probe.firstChart ??= performance.now();
  chartElement.dataset.renderCount = String(probe.renders);
  const latency = inputAt === null ? null : performance.now() - inputAt;
  if (latency !== null) probe.latencies.push(latency);
  showStatus(latency);
  window.dispatchEvent(new CustomEvent('mesalab:rendered', { detail: { latency } }));
}

function chartWidth(): number {
  return Math.max(280, Math.floor(chartElement.clientWidth));
}

/** Draws the results on screen; returns the milliseconds spent on the spec and in vega. */
async function draw(): Promise<{ spec: number; draw: number }> {
  const started = performance.now();
  const runs: ChartRun[] = columns.map((c) => ({ setting: SETTING_LABEL[c.id], label: c.label, view: c.run }));
  const shown = columns[shownIndex()];
  const spec = trajectoryChartSpec(runs, { width: chartWidth(), height: CHART_HEIGHT, scrubbed: scrubber.episodeFor(shown.run) });
  const specDone = performance.now();
  await chart.show(spec);
  // After the trajectory: the policy chart's own vega work never delays it.
  scrubber.show(shown.run, columns.length > 1 ? shown.label : shown.run.name);
  renderMetricsTable(byId('metrics'), columns);
  const setting = shown.id === 'b' && state.b ? state.b : state.a;
  renderExplanation(byId('explain'), explain(scenarios.section(setting.scenario), shown.run));
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
  byId('scenario-description').textContent = pointNote ?? scenarios.description(setting.scenario, setting.variant);
  byId('question').textContent = scenarios.section(setting.scenario).question;
  byId<HTMLInputElement>('compare').checked = state.b !== null;
  byId('setting-tabs').hidden = state.b === null;
  settingTabs.show((tab) => tab.dataset.setting === state.editing);
  viewTabs.show((tab) => tab.dataset.view === state.view);
  byId('trajectory-view').hidden = state.view !== 'trajectory';
  byId('sweep-view').hidden = state.view !== 'sweep';
  controls.fill(setting);
  showProblems();
}

const controlLookup = {
  keys: controls.errorKeys,
  isShown: (key: string) => controls.isShown(key),
  label: (key: string) => (key === 'schedule' && current().mode === 'phases' ? 'Schedule' : (fields.find((f) => f.key === key)?.label ?? key)),
};

let announced = '';

/** Each problem at its control (for the setting being edited), a summary over the chart, one announcement. */
function showProblems(): void {
  const placed = placeProblems(problems[state.editing], touched[state.editing], controlLookup);
  for (const key of placed.atControls.keys()) controls.reveal(key);
  controls.showErrors(placed.atControls);
  const configError = byId('config-error');
  configError.textContent = placed.general.join('\n');
  configError.hidden = placed.general.length === 0;
  for (const tab of document.querySelectorAll<HTMLButtonElement>('#setting-tabs [data-setting]')) {
    tab.classList.toggle('has-error', problems[tab.dataset.setting as SettingId].length > 0);
  }
  const summary = (['a', 'b'] as const)
    .filter((id) => problems[id].length > 0)
    .map((id) => {
      const lines = id === state.editing ? placed.summary : placeProblems(problems[id], touched[id], controlLookup).summary;
      return `${state.b ? `Setting ${SETTING_LABEL[id]}: ` : ''}${lines[0] ?? ''}`;
    });
  const banner = byId('chart-error');
  banner.textContent = summary.length > 0 ? `${summary.join(' · ')} — the chart shows the last valid result.` : '';
  banner.hidden = summary.length === 0;
  chartElement.classList.toggle('stale', summary.length > 0);
  byId('metrics').classList.toggle('stale', summary.length > 0);
  const text = summary.join('. ');
  if (text !== announced) {
    announced = text;
    byId('live').textContent = text;
  }
}

function showStatus(latency: number | null): void {
  const parts = columns.map(({ id, run }) => {
    const who = columns.length > 1 ? `${SETTING_LABEL[id]}: ` : '';
    return `${who}N = ${run.episodes}, ${run.note}`;
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
  // Grouped as on the findings page, each group titled as its section there.
  scenario.replaceChildren(
    ...scenarios.groups().map(({ section, names }) => {
      const group = document.createElement('optgroup');
      group.label = section.title;
      group.append(...names.map((name) => new Option(name, name)));
      return group;
    }),
  );
  scenario.addEventListener('change', () => {
    touched[state.editing] = null;
    pointNote = null;
    edit(() => scenarios.setting(scenario.value, 0), true);
  });
  const variant = byId<HTMLSelectElement>('variant');
  variant.addEventListener('change', () => edit((s) => scenarios.setting(s.scenario, Number(variant.value)), true));
  byId('reset').addEventListener('click', () => edit((s) => scenarios.setting(s.scenario, s.variant), true));
  const compare = byId<HTMLInputElement>('compare');
  compare.addEventListener('change', () => {
    setState(compare.checked ? { ...state, b: { ...state.a }, editing: 'b' } : { ...state, b: null, editing: 'a' }, true);
  });
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
  const sweep = setUpSweepPanel(
    {
      example: byId('sweep-example'),
      openExample: byId('sweep-open-example'),
      file: byId('sweep-file'),
      x: byId('sweep-x'),
      y: byId('sweep-y'),
      value: byId('sweep-value'),
      notice: byId('sweep-notice'),
      frame: byId('heatmap-frame'),
      chart: byId('heatmap'),
      exportSvg: byId('heatmap-svg'),
      exportPng: byId('heatmap-png'),
    },
    {
      linkKeys: () => state.sweep,
      onKeys: (keys) => {
        state = { ...state, sweep: keys };
        saveUrlSoon();
      },
      onOpenPoint: openSweepPoint,
    },
  );
  let lastWidth = chartElement.clientWidth;
  new ResizeObserver(() => {
    sweep.resize();
    if (chartElement.clientWidth === 0 || Math.abs(chartElement.clientWidth - lastWidth) < 2 || columns.length === 0) return;
    lastWidth = chartElement.clientWidth;
    // Through the update loop, so a redraw never overlaps one in progress.
    requestUpdate();
  }).observe(byId('content'));
}

/**
 * A heatmap cell's point as setting A: the sweep's base config (from its sweep.json; without
 * one, setting A's config) with the point's values written in, and the sweep's solver.
 */
function openSweepPoint(params: Record<string, number>, meta: SweepMeta | null, name: string): void {
  const builtIn = typeof meta?.base === 'string' ? scenarios.names().find((n) => n === meta.base) : undefined;
  const base = meta === null ? settingToConfig(state.a, fields, scenarios.configName(state.a)).config : builtIn ? getBuiltInScenario(builtIn).configs[0] : (meta.base as GameConfig);
  const config = structuredClone(base) as Record<string, unknown>;
  delete config.name;
  delete config.description;
  for (const [path, value] of Object.entries(params)) setPath(config, path, value);
  if (meta?.solver) config.solver = meta.solver;
  const host = builtIn ?? (meta === null ? state.a.scenario : scenarios.first);
  const values = Object.entries(params).map(([path, value]) => `${path} = ${value}`).join(', ');
  pointNote = `A point of the sweep ${name}: ${values}${meta === null ? ' (its other values are setting A’s: open the sweep’s sweep.json with its results for the sweep’s own)' : ''}`;
  touched.a = null;
  setState({ ...state, a: settingFromConfig(host, 0, config as GameConfig, fields), b: null, editing: 'a', view: 'trajectory' }, true);
}

/** Chart as SVG or PNG; the edited setting's data as the CLI's CSV or JSON (written by the worker). */
async function exportAs(kind: string): Promise<void> {
  if (columns.length === 0) return;
  const index = shownIndex();
  const chartStem = fileStem(columns.map((c) => c.run.name).join('-vs-'));
  const dataStem = fileStem(columns[index].run.name);
  if (kind === 'svg') download(`${chartStem}.svg`, await chart.toSvg(), 'image/svg+xml');
  if (kind === 'png') download(`${chartStem}.png`, await chart.toPng(2));
  if (kind === 'csv' || kind === 'json') {
    const text = await client.exportRun(shownSolve, index, kind as ExportFormat);
    download(`${dataStem}.${kind}`, text, kind === 'csv' ? 'text/csv' : 'application/json');
  }
}

function flash(button: HTMLButtonElement, text: string): void {
  const original = button.textContent;
  button.textContent = text;
  setTimeout(() => (button.textContent = original), 1500);
}

wire();
// On a phone the chart comes first and the control groups start closed but the schedule's.
if (matchMedia('(max-width: 700px)').matches) controls.collapseAllBut('phases');
showSetting();
requestUpdate();
// The charts' font loads after the first chart, which is then drawn again in it.
window.addEventListener('mesalab:rendered', () => void loadChartFont().then(redrawIfIdle, () => undefined), { once: true });

function redrawIfIdle(): void {
  if (!running && columns.length > 0) void draw();
}
