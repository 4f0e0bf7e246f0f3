/**
 * The seed post's figure: θ, the coefficient a_n, the learning rate ℓ_n and the model output
 * y_n = a_n·θ_n against the episode number. A pure function to plain JSON: the browser explorer
 * imports it and renders the same spec with vega in the page.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Trajectory } from '../../rollout/trajectory.ts';
import { chartConfig } from './theme.ts';

/** Legend names of the four series, in legend order. */
export const SEED_FIGURE_SERIES = ['mesa objective θ', 'coefficient', 'learning rate', 'model output (a·θ)'] as const;

export type SeedFigureSeries = (typeof SEED_FIGURE_SERIES)[number];

/** One point of the figure, in the long form Vega-Lite colours by `series`. */
export interface SeedFigurePoint {
  episode: number;
  series: SeedFigureSeries;
  value: number;
}

export interface SeedFigureOptions {
  title: string;
  /** A second line under the title, e.g. the scenario's description. Default: none. */
  subtitle?: string;
  /** Number of leading episodes drawn. Default: all of them; larger values are clipped to N. */
  window?: number;
}

// Colour-blind-safe hues (Okabe–Ito), one per series, in SEED_FIGURE_SERIES order. The output
// is dashed because in deployment it equals θ and would otherwise hide θ's line.
const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
const SERIES_DASHES = [[1, 0], [1, 0], [1, 0], [7, 4]];

export function seedFigureSpec(trajectory: Trajectory, options: SeedFigureOptions): TopLevelSpec {
  return seedFigureSpecOfPoints(seedFigurePoints(trajectory, options.window), options);
}

/** The same figure of given points, e.g. a selection of them thinned for the screen (`window` unused). */
export function seedFigureSpecOfPoints(points: readonly SeedFigurePoint[], options: SeedFigureOptions): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: 640,
    height: 320,
    config: chartConfig(),
    data: { values: [...points] },
    mark: { type: 'line', strokeWidth: 2.5 },
    encoding: {
      // The axis ends at the last episode shown; the y padding keeps lines at 0 and 1 off the frame.
      x: { field: 'episode', type: 'quantitative', title: 'Episode', scale: { nice: false }, axis: { tickMinStep: 1 } },
      y: { field: 'value', type: 'quantitative', title: 'Value', scale: { padding: 8 } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: [...SEED_FIGURE_SERIES], range: SERIES_COLOURS },
      },
      // Same field and title as the colour, so vega-lite merges both into one legend.
      strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: [...SEED_FIGURE_SERIES], range: SERIES_DASHES } },
    },
  };
}

/** The four series over the first `window` episodes; θ is θ_n, the value before episode n. */
export function seedFigurePoints(t: Trajectory, window = t.coefficient.length): SeedFigurePoint[] {
  if (!(window >= 0)) throw new RangeError(`seedFigureSpec: window must be a non-negative number, got ${window}`);
  const shown = Math.min(Math.floor(window), t.coefficient.length);
  const columns = seedFigureColumns(t);
  const points: SeedFigurePoint[] = [];
  for (const series of SEED_FIGURE_SERIES) {
    for (let n = 0; n < shown; n++) points.push({ episode: t.episode[n], series, value: columns[series][n] });
  }
  return points;
}

/** The trajectory column behind each series (θ's has one entry more than the figure uses). */
export function seedFigureColumns(t: Trajectory): Record<SeedFigureSeries, Float64Array> {
  return { 'mesa objective θ': t.theta, coefficient: t.coefficient, 'learning rate': t.learningRate, 'model output (a·θ)': t.output };
}
