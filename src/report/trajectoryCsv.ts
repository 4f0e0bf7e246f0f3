import { EPISODE_COLUMNS, type Trajectory } from '../rollout/trajectory.ts';

/** Rows per piece of a streamed CSV. */
const ROWS = 8192;

/**
 * The trajectory as CSV, one row per episode (θ is θ_n before the episode) plus a last row
 * holding θ_N after the final update, its other fields empty. Numbers are written in full
 * precision (JavaScript's shortest round-trip form).
 */
export function trajectoryToCsv(t: Trajectory): string {
  return [...trajectoryCsvChunks(t)].join('');
}

/** The same text in pieces of ROWS rows, for streaming a long trajectory to a file. */
export function* trajectoryCsvChunks(t: Trajectory): Generator<string> {
  const episodes = t.coefficient.length;
  const columns = EPISODE_COLUMNS.map((column) => t[column]);
  let text = EPISODE_COLUMNS.join(',') + '\n';
  for (let n = 0; n < episodes; n++) {
    let row = String(columns[0][n]);
    for (let c = 1; c < columns.length; c++) row += ',' + String(columns[c][n]);
    text += row + '\n';
    if ((n + 1) % ROWS === 0) {
      yield text;
      text = '';
    }
  }
  yield text + [String(episodes), String(t.theta[episodes]), '', '', '', '', ''].join(',') + '\n';
}
