import type { TopLevelSpec } from 'vega-lite';
import type { GameResult } from '../../experiment/gameExperiment.ts';
import { linePlotSpec } from './linePlot.ts';

/**
 * The figure of a game's run, the seed figure generalised: every parameter, every action
 * component, the learning rate and the output against episode, over the plot window. Pure.
 */
export function gameFigureSpec(result: GameResult): TopLevelSpec {
  const { config, equilibrium, trajectory: t } = result;
  const episodes = t.output.length;
  const window = config.plotWindow;
  const parameters = Object.keys(t.parameters);
  const actions = Object.keys(t.actions);
  const rows = Array.from({ length: window }, (_, n) => ({
    episode: n,
    ...Object.fromEntries(parameters.map((p) => [p, t.parameters[p][n]])),
    ...Object.fromEntries(actions.map((a) => [`action ${a}`, t.actions[a][n]])),
    'learning rate': t.learningRate[n],
    output: t.output[n],
  }));
  const shown = window < episodes ? ` (first ${window} shown)` : '';
  return linePlotSpec({
    rows,
    x: 'episode',
    series: [...parameters, ...actions.map((a) => `action ${a}`), 'learning rate', 'output'],
    title: `${config.name}: ${episodes} episodes${shown}, solver ${equilibrium.solver}`,
    xLabel: 'Episode',
    yLabel: 'Value',
  });
}
