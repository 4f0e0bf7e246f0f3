import type { GameTrajectory } from '../rollout/gameTrajectory.ts';

/**
 * A game's trajectory as CSV: episode, each parameter (before the episode), each action
 * component, learningRate, output, baseLoss, mesaLoss; then a last row with the parameters after
 * the final update and the other fields empty.
 */
export function gameTrajectoryToCsv(t: GameTrajectory): string {
  const parameters = Object.keys(t.parameters);
  const actions = Object.keys(t.actions);
  const header = ['episode', ...parameters, ...actions, 'learningRate', 'output', 'baseLoss', 'mesaLoss'];
  const episodes = t.output.length;
  const lines = [header.join(',')];
  for (let n = 0; n < episodes; n++) {
    const cells = [n, ...parameters.map((p) => t.parameters[p][n]), ...actions.map((a) => t.actions[a][n]), t.learningRate[n], t.output[n], t.baseLoss[n], t.mesaLoss[n]];
    lines.push(cells.map(String).join(','));
  }
  lines.push([episodes, ...parameters.map((p) => t.parameters[p][episodes]), ...Array(actions.length + 4).fill('')].join(','));
  return lines.join('\n') + '\n';
}
