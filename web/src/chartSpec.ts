/**
 * The trajectory chart of the explorer (Vega-Lite): θ, the coefficient a and the output y of
 * each run against the episode, the learning rate ℓ on a strip of its own below (so ℓ = 10⁹ does
 * not flatten the rest), training episodes shaded and a "deployment starts" marker where each
 * training stage ends. Hovering shows every value of the nearest episode; the episode chosen with
 * the scrubber is a dark rule (the `scrubbed` dataset, fed alone while scrubbing). In comparison mode setting B is drawn dotted on the same
 * axes. Lines are thinned to what the pixels show (simplify.ts); the hover points are at most one
 * per pixel column.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunView } from './protocol.ts';
import { LEARNING_RATE_LABEL, seriesLabel } from './seriesNames.ts';
import { thinLine, type AxisRange } from './simplify.ts';

export interface ChartRun {
  /** 'A' or 'B'. */
  readonly setting: string;
  /** Legend name of the run in comparison mode. */
  readonly label: string;
  readonly view: RunView;
}

export interface ChartLayout {
  /** Width of the whole chart in pixels. */
  readonly width: number;
  /** Height of the main panel's plot area. */
  readonly height: number;
  /** The episode chosen with the scrubber, drawn as a rule (none: null). */
  readonly scrubbed?: number | null;
}

/** Room for the y axis and its title left of the plot, and a little on the right. */
const Y_AXIS_ROOM = 64;
const STRIP_HEIGHT = 64;
export const CHART_FONT = 'DejaVu Sans';

// Okabe–Ito colours, one per role; a second parameter or coefficient takes the next of its list.
export const ROLE_COLOURS: Readonly<Record<string, readonly string[]>> = {
  goal: ['#0072B2'],
  parameter: ['#56B4E9', '#E69F00', '#F0E442'],
  coefficient: ['#D55E00', '#E69F00', '#882255'],
  slope: ['#D55E00'],
  output: ['#CC79A7'],
};
const LEARNING_RATE_COLOUR = '#009E73';
const DASHES = { solid: [1, 0], output: [6, 3], dotted: [2, 3] };

/** The plot area's width for a chart `width` pixels wide. */
export function plotWidth(width: number): number {
  return Math.max(120, Math.floor(width) - Y_AXIS_ROOM - 16);
}

export function trajectoryChartSpec(runs: readonly ChartRun[], layout: ChartLayout): TopLevelSpec {
  const width = plotWidth(layout.width);
  const window = Math.max(...runs.map((r) => r.view.window));
  const x: AxisRange = { lo: 0, hi: Math.max(1, window - 1), pixels: width };
  const labels = seriesLabels(runs);
  const compare = runs.length > 1;
  const lines = lineRows(runs, labels, x, layout.height);
  const hover = hoverRows(runs, labels, width / 2, x);
  // Shading and markers stay inside [0, window − 1], so the x scale's domain is the data's and
  // a new schedule needs no new dataflow.
  const training = runs.flatMap((r) => r.view.training.map(([start, end]) => ({ start: Math.max(0, start - 0.5), end: Math.min(end - 0.5, x.hi), setting: r.setting })));
  const boundaries = deploymentStarts(runs);
  const xEncoding = { field: 'episode', type: 'quantitative', title: null, scale: { nice: false, zero: false }, axis: { tickMinStep: 1, labelFlush: true } } as const;
  const shading = {
    data: { values: training },
    mark: { type: 'rect', color: '#8a8f98', clip: true },
    encoding: { x: { ...xEncoding, field: 'start' }, x2: { field: 'end' }, opacity: { condition: { test: "datum.setting === 'A'", value: 0.14 }, value: 0.07 } },
  };
  const markers = {
    data: { values: boundaries },
    layer: [
      { mark: { type: 'rule', color: '#444a52', strokeWidth: 1.5, strokeDash: [4, 3] } },
      { mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 4, color: '#2c3036', fontSize: 11 }, encoding: { text: { field: 'text' }, y: { value: 0 } } },
    ],
    encoding: { x: { ...xEncoding, field: 'at' } },
  };
  const colour = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: labels.map((l) => l.label), range: labels.map((l) => l.colour) },
    legend: { orient: 'bottom', direction: 'horizontal', columns: Math.max(1, Math.floor(width / 190)), symbolType: 'stroke', labelLimit: 260 },
  };
  const styleDomain = compare ? runs.map((r) => r.label) : ['line', 'output'];
  const dash = {
    field: 'style',
    type: 'nominal',
    title: null,
    scale: { domain: compare ? styleDomain : ['line', 'output'], range: compare ? [DASHES.solid, DASHES.dotted] : [DASHES.solid, DASHES.output] },
    legend: compare ? { orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolStrokeColor: '#555', labelLimit: 320 } : null,
  };
  const tooltip = [
    { field: 'episode', type: 'quantitative', title: 'episode' },
    ...(compare ? [{ field: 'setting', type: 'nominal', title: 'setting' }] : []),
    ...labels.map((l, i) => ({ field: `s${i}`, type: 'quantitative', title: l.label, format: '.4~g' })),
    { field: 'lr', type: 'quantitative', title: LEARNING_RATE_LABEL, format: '.4~g' },
  ];
  // One band per hover row, as wide as the gap to its neighbours: pointing anywhere above an
  // episode picks it, with no nearest-point search (a Voronoi diagram costs 60 ms per redraw).
  const hoverBands = {
    data: { name: 'hover' },
    mark: { type: 'rect', fill: '#000000', opacity: 0 },
    params: [{ name: 'hovered', select: { type: 'point', fields: ['episode', 'setting'], on: 'pointerover', clear: 'pointerout' } }],
    encoding: { x: { ...xEncoding, field: 'x0' }, x2: { field: 'x1' }, tooltip },
  };
  const hoverRules = [
    { data: { name: 'hover' }, transform: [{ filter: { param: 'hovered', empty: false } }], mark: { type: 'rule', color: '#9aa0a8', strokeWidth: 1 }, encoding: { x: xEncoding } },
    { data: { name: 'scrubbed' }, mark: { type: 'rule', color: '#1f2328', strokeWidth: 2 }, encoding: { x: xEncoding } },
  ];
  const main = {
    width,
    height: layout.height,
    layer: [
      shading,
      markers,
      {
        data: { values: lines.main },
        mark: { type: 'line', strokeWidth: 2.25, clip: true, interpolate: 'linear' },
        encoding: {
          x: xEncoding,
          y: { field: 'value', type: 'quantitative', title: 'θ, a, y', scale: { padding: 8, zero: false } },
          color: colour,
          strokeDash: dash,
          detail: { field: 'setting' },
        },
      },
      hoverBands,
      ...hoverRules,
    ],
  };
  const strip = {
    width,
    height: STRIP_HEIGHT,
    layer: [
      shading,
      {
        data: { values: lines.learningRate },
        mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after', clip: true, color: LEARNING_RATE_COLOUR },
        encoding: {
          x: { ...xEncoding, title: 'episode' },
          y: { field: 'value', type: 'quantitative', title: 'ℓ', scale: { zero: true, nice: true }, axis: { tickCount: 3 } },
          strokeDash: { field: 'style', type: 'nominal', legend: null, scale: { domain: compare ? styleDomain : ['line', 'output'], range: [DASHES.solid, DASHES.dotted] } },
        },
      },
      ...hoverRules,
    ],
  };
  const title = chartTitle(runs);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // Variables, so new text needs no new dataflow (chartView.ts).
    title: { text: { expr: 'titleText' }, subtitle: { expr: 'subtitleText' } },
    datasets: { hover, scrubbed: scrubbedRows(layout.scrubbed ?? null) },
    params: [
      { name: 'titleText', value: title.text },
      { name: 'subtitleText', value: title.subtitle },
    ],
    vconcat: [main, strip],
    spacing: 6,
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    config: {
      font: CHART_FONT,
      view: { stroke: '#d8dce1' },
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eceef1', domainColor: '#9aa0a8', tickColor: '#9aa0a8' },
      legend: { labelFontSize: 12 },
      title: { fontSize: 14, subtitleFontSize: 12, subtitleColor: '#555b63', anchor: 'start' },
    },
  } as unknown as TopLevelSpec;
}

/** The rows of the `scrubbed` dataset: the chosen episode, if any. */
export function scrubbedRows(episode: number | null): { episode: number }[] {
  return episode === null ? [] : [{ episode }];
}

/** "seed-1: first 30 of 100 episodes", or both settings' names in comparison mode. */
export function chartTitle(runs: readonly ChartRun[]): { text: string; subtitle: string } {
  const text = runs.length > 1 ? runs.map((r) => `${r.setting}: ${r.view.name}`).join('  vs  ') : runs[0].view.name;
  const subtitle = runs.map((r) => `${runs.length > 1 ? `${r.setting}: ` : ''}${windowText(r.view)}`).join(' · ');
  return { text, subtitle };
}

/** "100 episodes", or "first 30 of 100 episodes" when the chart is windowed. */
export function windowText(view: Pick<RunView, 'window' | 'episodes'>): string {
  return view.window < view.episodes ? `first ${view.window} of ${view.episodes} episodes shown` : `all ${view.episodes} episodes shown`;
}

interface SeriesLabel {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

/** The series of every run, by key in first-seen order, with their colours. */
function seriesLabels(runs: readonly ChartRun[]): SeriesLabel[] {
  const used: Record<string, number> = {};
  const seen = new Map<string, SeriesLabel>();
  for (const { view } of runs) {
    for (const s of view.series) {
      if (seen.has(s.key)) continue;
      const role = s.goal ? 'goal' : s.role;
      const palette = ROLE_COLOURS[role];
      const colour = palette[(used[role] ?? 0) % palette.length];
      used[role] = (used[role] ?? 0) + 1;
      seen.set(s.key, { key: s.key, label: seriesLabel(s), colour });
    }
  }
  return [...seen.values()];
}

/** Each series of each run thinned to its visible points; ℓ on its own. */
function lineRows(runs: readonly ChartRun[], labels: readonly SeriesLabel[], x: AxisRange, height: number) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { view } of runs) {
    for (const column of view.table.columns) {
      for (const v of column) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  const y: AxisRange = { lo, hi, pixels: height };
  const main: object[] = [];
  const learningRate: object[] = [];
  const compare = runs.length > 1;
  for (const { view, setting, label } of runs) {
    const { episode, columns } = view.table;
    view.series.forEach((s, i) => {
      const name = labels.find((l) => l.key === s.key)?.label ?? s.key;
      const style = compare ? label : s.role === 'output' ? 'output' : 'line';
      for (const n of thinLine(episode, columns[i], episode.length, x, y)) main.push({ episode: episode[n], series: name, value: columns[i][n], style, setting });
    });
    const rates = view.table.learningRate;
    const rateRange: AxisRange = { lo: Math.min(0, ...rates), hi: Math.max(0, ...rates), pixels: STRIP_HEIGHT };
    for (const n of thinLine(episode, rates, episode.length, x, rateRange)) learningRate.push({ episode: episode[n], value: rates[n], style: compare ? label : 'line', setting });
  }
  return { main, learningRate };
}

/**
 * At most one row per pixel column per run, with every series' value, for hover and the
 * scrubber; each with the band [x0, x1) of episodes it stands for (halfway to its neighbours).
 */
function hoverRows(runs: readonly ChartRun[], labels: readonly SeriesLabel[], pixels: number, x: AxisRange): object[] {
  const rows: object[] = [];
  for (const { view, setting } of runs) {
    const { episode, columns, learningRate } = view.table;
    const index = labels.map((l) => view.series.findIndex((s) => s.key === l.key));
    const step = Math.max(1, episode.length / pixels);
    const picked: number[] = [];
    for (let k = 0; k < episode.length; k = Math.max(k + 1, Math.round(k + step))) picked.push(k);
    picked.forEach((n, i) => {
      const before = i > 0 ? (episode[picked[i - 1]] + episode[n]) / 2 : x.lo;
      const after = i < picked.length - 1 ? (episode[n] + episode[picked[i + 1]]) / 2 : x.hi;
      const row: Record<string, number | string | null> = { episode: episode[n], x0: before, x1: after, setting, lr: learningRate[n] };
      index.forEach((j, s) => (row[`s${s}`] = j < 0 ? null : columns[j][n]));
      rows.push(row);
    });
  }
  return rows;
}

/** Where each training stage ends inside the window: the first is "deployment starts". */
function deploymentStarts(runs: readonly ChartRun[]): { at: number; text: string }[] {
  const marks = new Map<number, string>();
  for (const { view } of runs) {
    for (const [, end] of view.training) {
      if (end < view.window && !marks.has(end)) marks.set(end, marks.size === 0 ? 'deployment starts' : 'deployment');
    }
  }
  return [...marks].map(([end, text]) => ({ at: end - 0.5, text }));
}
