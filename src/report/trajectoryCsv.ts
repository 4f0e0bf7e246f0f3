import type { GameTrajectory } from '../rollout/gameTrajectory.ts';

/** Rows per piece of a streamed CSV. */
const ROWS = 8192;

/**
 * Every run's trajectory as CSV, one layout for all: episode, each parameter (before the
 * episode), each action component, learningRate, output, baseLoss, mesaLoss; then a last row with
 * the parameters after the final update (θ_N) and the other fields empty. A seed-family run is
 * the game with parameter `theta` and action `coefficient` (writeRunOutputs.ts). Numbers are
 * written in full precision (JavaScript's shortest round-trip form).
 */
export function trajectoryToCsv(t: GameTrajectory): string {
  return [...trajectoryCsvChunks(t)].join('');
}

/** The same text in pieces of ROWS rows, for streaming a long trajectory to a file. */
export function* trajectoryCsvChunks(t: GameTrajectory): Generator<string> {
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
