/**
 * Trajectories thinned for a figure. A figure of 10⁶ episodes cannot show more than a few
 * thousand x positions, and vega holds one object per drawn point (gigabytes at N = 10⁶), so
 * past FIGURE_EPISODES the window is cut into buckets and each bucket keeps its first and last
 * episode and, for every series, the episodes of its least and greatest value (M4): the drawn
 * lines keep every extreme, so the figure looks the same. Shorter windows are drawn whole, as before.
 */
import type { GameTrajectory } from '../../rollout/gameTrajectory.ts';
import type { Trajectory } from '../../rollout/trajectory.ts';

/** Windows up to this many episodes are drawn point for point. */
export const FIGURE_EPISODES = 4000;
const BUCKETS = 1000;

/** The episodes to draw of the first `window` rows of `columns` (all of them when few). */
export function figureIndices(columns: readonly Float64Array[], window: number): Uint32Array | undefined {
  if (window <= FIGURE_EPISODES) return undefined;
  const keep = new Uint8Array(window);
  for (let b = 0; b < BUCKETS; b++) {
    const lo = Math.floor((b * window) / BUCKETS);
    const hi = Math.floor(((b + 1) * window) / BUCKETS);
    if (hi <= lo) continue;
    keep[lo] = 1;
    keep[hi - 1] = 1;
    for (const column of columns) {
      let min = lo;
      let max = lo;
      for (let n = lo + 1; n < hi; n++) {
        if (column[n] < column[min]) min = n;
        if (column[n] > column[max]) max = n;
      }
      keep[min] = 1;
      keep[max] = 1;
    }
  }
  const indices: number[] = [];
  for (let n = 0; n < window; n++) if (keep[n]) indices.push(n);
  return Uint32Array.from(indices);
}

const pick = (column: Float64Array, indices: Uint32Array) => Float64Array.from(indices, (n) => column[n]);

/** The seed trajectory's first `window` episodes as drawn, and the new window (its length). */
export function thinSeedTrajectory(t: Trajectory, window: number): { trajectory: Trajectory; window: number } {
  const indices = figureIndices([t.theta, t.coefficient, t.learningRate, t.output], window);
  if (indices === undefined) return { trajectory: t, window };
  const trajectory: Trajectory = {
    episode: pick(t.episode, indices),
    theta: pick(t.theta, indices),
    coefficient: pick(t.coefficient, indices),
    learningRate: pick(t.learningRate, indices),
    output: pick(t.output, indices),
    baseLoss: pick(t.baseLoss, indices),
    mesaLoss: pick(t.mesaLoss, indices),
  };
  return { trajectory, window: indices.length };
}

/** The same for a game's trajectory. */
export function thinGameTrajectory(t: GameTrajectory, window: number): { trajectory: GameTrajectory; window: number } {
  const series = [...Object.values(t.parameters), ...Object.values(t.actions), t.learningRate, t.output];
  const indices = figureIndices(series, window);
  if (indices === undefined) return { trajectory: t, window };
  const map = (record: Readonly<Record<string, Float64Array>>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, pick(v, indices)]));
  const trajectory: GameTrajectory = {
    episode: pick(t.episode, indices),
    learningRate: pick(t.learningRate, indices),
    output: pick(t.output, indices),
    baseLoss: pick(t.baseLoss, indices),
    mesaLoss: pick(t.mesaLoss, indices),
    parameters: map(t.parameters),
    actions: map(t.actions),
  };
  return { trajectory, window: indices.length };
}
