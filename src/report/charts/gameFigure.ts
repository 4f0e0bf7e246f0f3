import type { TopLevelSpec } from 'vega-lite';
import type { PortableGameResult } from '../../experiment/portableGameResult.ts';
import type { GameTrajectory } from '../../rollout/gameTrajectory.ts';
import { linePlotSpec } from './linePlot.ts';
import { thinGameTrajectory } from './thinTrajectory.ts';

/**
 * The figure of a game's run (a GameResult, or its portable form), the seed figure generalised:
 * every parameter, every action component, the learning rate and the output against episode,
 * over the plot window. Pure.
 */
export function gameFigureSpec(result: Pick<PortableGameResult, 'config' | 'equilibrium' | 'trajectory'>): TopLevelSpec {
  const { config, equilibrium, trajectory } = result;
  const episodes = trajectory.output.length;
  const shown = config.plotWindow < episodes ? ` (first ${config.plotWindow} shown)` : '';
  const drawn = thinGameTrajectory(trajectory, Math.min(config.plotWindow, episodes));
  return gameTrajectoryFigureSpec(drawn.trajectory, {
    title: `${config.name}: ${episodes} episodes${shown}, solver ${equilibrium.solver}`,
    window: drawn.window,
  });
}

export interface GameTrajectoryFigureOptions {
  readonly title: string;
  /** Number of leading rows drawn. Default: all of them. */
  readonly window?: number;
  /**
   * The series drawn, in legend order (default gameFigureSeries(t)); a series the trajectory
   * lacks is in the legend without a line, so two runs' figures can share one legend.
   */
  readonly series?: readonly string[];
}

/** Every parameter, every action component (`action a`), the learning rate and the output. */
export function gameFigureSeries(t: GameTrajectory): string[] {
  return [...Object.keys(t.parameters), ...Object.keys(t.actions).map((a) => `action ${a}`), 'learning rate', 'output'];
}

/**
 * The same figure of any game trajectory, e.g. one thinned to the episodes a screen can show:
 * the x value of row n is the trajectory's own episode number, not n.
 */
export function gameTrajectoryFigureSpec(t: GameTrajectory, options: GameTrajectoryFigureOptions): TopLevelSpec {
  const window = Math.min(options.window ?? t.output.length, t.output.length);
  const parameters = Object.keys(t.parameters);
  const actions = Object.keys(t.actions);
  const rows = Array.from({ length: window }, (_, n) => ({
    episode: t.episode[n],
    ...Object.fromEntries(parameters.map((p) => [p, t.parameters[p][n]])),
    ...Object.fromEntries(actions.map((a) => [`action ${a}`, t.actions[a][n]])),
    'learning rate': t.learningRate[n],
    output: t.output[n],
  }));
  return linePlotSpec({
    rows,
    x: 'episode',
    series: options.series ?? gameFigureSeries(t),
    title: options.title,
    xLabel: 'Episode',
    yLabel: 'Value',
  });
}
