import type { GameTrajectory } from '../rollout/gameTrajectory.ts';

/** Rows per piece of a streamed CSV. */
const ROWS = 8192;

/**
 * A game's trajectory as CSV: episode, each parameter (before the episode), each action
 * component, learningRate, output, baseLoss, mesaLoss; then a last row with the parameters after
 * the final update and the other fields empty.
 */
export function gameTrajectoryToCsv(t: GameTrajectory): string {
  return [...gameTrajectoryCsvChunks(t)].join('');
}

/** The same text in pieces of ROWS rows, for streaming a long trajectory to a file. */
export function* gameTrajectoryCsvChunks(t: GameTrajectory): Generator<string> {
  const parameters = Object.keys(t.parameters);
  const actions = Object.keys(t.actions);
  const header = ['episode', ...parameters, ...actions, 'learningRate', 'output', 'baseLoss', 'mesaLoss'];
  const columns = [...parameters.map((p) => t.parameters[p]), ...actions.map((a) => t.actions[a]), t.learningRate, t.output, t.baseLoss, t.mesaLoss];
  const episodes = t.output.length;
  let text = header.join(',') + '\n';
  for (let n = 0; n < episodes; n++) {
    let row = String(n);
    for (const column of columns) row += ',' + String(column[n]);
    text += row + '\n';
    if ((n + 1) % ROWS === 0) {
      yield text;
      text = '';
    }
  }
  yield text + [episodes, ...parameters.map((p) => t.parameters[p][episodes]), ...Array(actions.length + 4).fill('')].join(',') + '\n';
}
