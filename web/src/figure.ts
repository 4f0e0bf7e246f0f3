/**
 * The trajectory chart: the library's figure of each run (overlaid in comparison mode), sized to
 * the page and thinned to what the pixels can show (see simplify.ts). Seed runs get the seed's
 * four-series figure; once a game is on screen every run is drawn as a game (the seed's θ and
 * coefficient as the parameter `theta` and the action `a`), so overlaid runs share one legend.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentResult } from '../../src/experiment/experiment.ts';
import { gameFigureSeries, gameTrajectoryFigureSpec } from '../../src/report/charts/gameFigure.ts';
import { SEED_FIGURE_SERIES, seedFigureColumns, seedFigureSpecOfPoints, type SeedFigurePoint } from '../../src/report/charts/seedFigure.ts';
import { overlaySpecs } from './overlay.ts';
import type { Run } from './protocol.ts';
import { asGameTrajectory, plotWindow, runName } from './runView.ts';
import { m4GameTrajectory, simplifyLineSpec, thinLine, type AxisRange, type PlotSize } from './simplify.ts';

export interface FigureInput {
  /** Legend name of the run in comparison mode. */
  readonly label: string;
  readonly run: Run;
}

const HEIGHT = 400;
// Room taken by the title, axes and legend, so the plot area is about width − 230 by height − 90.
const PLOT_MARGIN = { width: 230, height: 90 };

/** The chart of one run, or of two overlaid (the second dotted), `width` pixels wide. */
export function trajectoryFigureSpec(inputs: readonly FigureInput[], width: number): TopLevelSpec {
  const plot: PlotSize = { width: Math.max(100, width - PLOT_MARGIN.width), height: HEIGHT - PLOT_MARGIN.height };
  const seedRuns = inputs.flatMap(({ run }) => (run.kind === 'seed' ? [run.result] : []));
  const specs = seedRuns.length === inputs.length ? seedRuns.map((result) => thinnedSeedFigure(result, plot)) : thinnedGameFigures(inputs, plot);
  const spec =
    specs.length === 1
      ? specs[0]
      : overlaySpecs(specs[0], specs[1], [inputs[0].label, inputs[1].label], `${runName(inputs[0].run)} (A) vs ${runName(inputs[1].run)} (B)`);
  return { ...spec, width, height: HEIGHT, autosize: { type: 'fit', contains: 'padding' } } as TopLevelSpec;
}

/** The seed figure of the plot window, each series thinned on its own (thinLine) before any row is built. */
function thinnedSeedFigure({ trajectory, config }: ExperimentResult, plot: PlotSize): TopLevelSpec {
  const shown = Math.min(config.plotWindow, trajectory.coefficient.length);
  const columns = seedFigureColumns(trajectory);
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of Object.values(columns)) {
    for (let n = 0; n < shown; n++) {
      if (values[n] < lo) lo = values[n];
      if (values[n] > hi) hi = values[n];
    }
  }
  const x: AxisRange = { lo: 0, hi: Math.max(1, shown - 1), pixels: plot.width };
  const y: AxisRange = { lo, hi, pixels: plot.height };
  const points: SeedFigurePoint[] = [];
  for (const series of SEED_FIGURE_SERIES) {
    const values = columns[series];
    for (const n of thinLine(trajectory.episode, values, shown, x, y)) points.push({ episode: trajectory.episode[n], series, value: values[n] });
  }
  return seedFigureSpecOfPoints(points, { title: config.name });
}

/** Each run's game figure, every one with the series of all of them (in first-seen order). */
function thinnedGameFigures(inputs: readonly FigureInput[], plot: PlotSize): TopLevelSpec[] {
  const trajectories = inputs.map(({ run }) => asGameTrajectory(run));
  const series = [...new Set(trajectories.flatMap(gameFigureSeries))];
  return inputs.map(({ run }, i) => {
    const shown = plotWindow(run);
    const t = shown > 4 * plot.width ? m4GameTrajectory(trajectories[i], shown, plot.width) : trajectories[i];
    const window = t === trajectories[i] ? shown : t.output.length;
    return simplifyLineSpec(gameTrajectoryFigureSpec(t, { title: runName(run), window, series }), plot);
  });
}
