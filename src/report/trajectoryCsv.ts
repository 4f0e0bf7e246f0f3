import { EPISODE_COLUMNS, type Trajectory } from '../rollout/trajectory.ts';

/**
 * The trajectory as CSV, one row per episode (θ is θ_n before the episode) plus a last row
 * holding θ_N after the final update, its other fields empty. Numbers are written in full
 * precision (JavaScript's shortest round-trip form).
 */
export function trajectoryToCsv(t: Trajectory): string {
  const lines = [EPISODE_COLUMNS.join(',')];
  const episodes = t.coefficient.length;
  for (let n = 0; n < episodes; n++) {
    lines.push(EPISODE_COLUMNS.map((column) => String(t[column][n])).join(','));
  }
  lines.push([String(episodes), String(t.theta[episodes]), '', '', '', '', ''].join(','));
  return lines.join('\n') + '\n';
}
