/**
 * What the page draws of a solved run (in the worker): the plot window's episodes, all of them
 * when there are at most four per pixel column, else their M4 points (simplify.ts), and the
 * window's training runs for the shading. The page therefore receives a few thousand rows
 * whatever N is, and never blocks on a long trajectory.
 */
import type { DisplayTable, RunView } from './protocol.ts';
import type { SolvedRun } from './solvedRun.ts';
import { m4Indices } from './simplify.ts';

export function runView(run: SolvedRun, pixelColumns: number): RunView {
  const episodes = run.trajectory.output.length;
  const window = Math.min(run.plotWindow, episodes);
  return {
    name: run.name,
    solver: run.solver,
    note: run.note,
    episodes,
    window,
    series: run.series,
    table: displayTable(run, window, pixelColumns),
    training: trainingRuns(run.trajectory.learningRate, window),
    metrics: Object.entries(run.metrics),
    actionComponents: run.actionComponents,
    policy: run.policy,
    ties: run.ties,
    solveMilliseconds: run.solveMilliseconds,
  };
}

export function displayTable(run: SolvedRun, window: number, pixelColumns: number): DisplayTable {
  const { episode, learningRate } = run.trajectory;
  const columns = Math.max(1, Math.round(pixelColumns));
  if (window <= 4 * columns) {
    return { episode: episode.slice(0, window), learningRate: learningRate.slice(0, window), columns: run.columns.map((c) => c.slice(0, window)), complete: true };
  }
  const keep = m4Indices([learningRate, ...run.columns], window, columns);
  return { episode: pickAt(episode, keep), learningRate: pickAt(learningRate, keep), columns: run.columns.map((c) => pickAt(c, keep)), complete: false };
}

/** [first, last + 1) of each run of episodes with ℓ > 0 among the first `window`. */
export function trainingRuns(learningRate: ArrayLike<number>, window: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let n = 0; n < window; n++) {
    if (!(learningRate[n] > 0)) continue;
    const start = n;
    while (n < window && learningRate[n] > 0) n++;
    runs.push([start, n]);
  }
  return runs;
}

function pickAt(values: Float64Array, keep: readonly number[]): Float64Array {
  const picked = new Float64Array(keep.length);
  for (let i = 0; i < keep.length; i++) picked[i] = values[keep[i]];
  return picked;
}
