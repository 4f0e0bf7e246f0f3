/**
 * The trajectory chart: the library's seed figure of each result (overlaid in comparison mode),
 * sized to the page and thinned to what the pixels can show (see simplify.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentResult } from '../../src/experiment/experiment.ts';
import { seedFigureSpec } from '../../src/report/charts/seedFigure.ts';
import { overlaySpecs } from './overlay.ts';
import { m4Trajectory, simplifyLineSpec, type PlotSize } from './simplify.ts';

export interface FigureInput {
  /** Legend name of the result in comparison mode. */
  readonly label: string;
  readonly result: ExperimentResult;
}

const HEIGHT = 400;
// Room taken by the title, axes and legend, so the plot area is about width − 230 by height − 90.
const PLOT_MARGIN = { width: 230, height: 90 };

/** The chart of one result, or of two overlaid (the second dotted), `width` pixels wide. */
export function trajectoryFigureSpec(inputs: readonly FigureInput[], width: number): TopLevelSpec {
  const plot: PlotSize = { width: Math.max(100, width - PLOT_MARGIN.width), height: HEIGHT - PLOT_MARGIN.height };
  const specs = inputs.map(({ result }) => thinnedSeedFigure(result, plot));
  const spec =
    specs.length === 1
      ? specs[0]
      : overlaySpecs(specs[0], specs[1], [inputs[0].label, inputs[1].label], `${inputs[0].result.config.name} (A) vs ${inputs[1].result.config.name} (B)`);
  return { ...spec, width, height: HEIGHT, autosize: { type: 'fit', contains: 'padding' } } as TopLevelSpec;
}

function thinnedSeedFigure({ trajectory, config }: ExperimentResult, plot: PlotSize): TopLevelSpec {
  const shown = Math.min(config.plotWindow, trajectory.coefficient.length);
  // Beyond a few points per pixel column, M4 first, so the figure's rows stay few.
  const reduced = shown > 4 * plot.width ? m4Trajectory(trajectory, shown, plot.width) : null;
  const spec = reduced
    ? seedFigureSpec(reduced, { title: config.name, window: reduced.coefficient.length })
    : seedFigureSpec(trajectory, { title: config.name, window: config.plotWindow });
  return simplifyLineSpec(spec, plot);
}
