import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentResult } from '../../experiment/experiment.ts';
import { seedFigureSpec } from './seedFigure.ts';
import { thinSeedTrajectory } from './thinTrajectory.ts';

/**
 * The figure of one run: the seed figure over the config's plot window, titled with the scenario,
 * the number of episodes and the solver, and the scenario's description beneath. Pure, like
 * seedFigureSpec, so the explorer can show the same figure as `mesalab run`.
 */
export function runFigureSpec(result: ExperimentResult): TopLevelSpec {
  const { config, equilibrium, trajectory } = result;
  const episodes = trajectory.coefficient.length;
  const shown = config.plotWindow < episodes ? ` (first ${config.plotWindow} shown)` : '';
  const drawn = thinSeedTrajectory(trajectory, Math.min(config.plotWindow, episodes));
  return seedFigureSpec(drawn.trajectory, {
    title: `${config.name}: ${episodes} episodes${shown}, solver ${equilibrium.solver}`,
    subtitle: config.description || undefined,
    window: drawn.window,
  });
}
