/**
 * What the page shows of a run, for both pipelines: its name, size, solver, metrics and exports.
 * Seed runs keep the seed's names and contracts; a game's metrics are flattened per component
 * (`firstAction.a`), with the linear policy's components named as the seed names them, so a seed
 * run and a game run of the same model line up row by row in the comparison table.
 */
import { resultToJson } from '../../src/report/resultJson.ts';
import { gameResultToJson } from '../../src/report/gameResultJson.ts';
import { gameTrajectoryToCsv } from '../../src/report/gameTrajectoryCsv.ts';
import { trajectoryToCsv } from '../../src/report/trajectoryCsv.ts';
import { seedAsGameTrajectory, type GameTrajectory } from '../../src/rollout/gameTrajectory.ts';
import type { Run } from './protocol.ts';

export const runName = (run: Run): string => run.result.config.name;

export function episodeCount(run: Run): number {
  return run.kind === 'seed' ? run.result.config.scenario.schedule.length : run.result.config.game.schedule.length;
}

/** How many leading episodes the chart shows (the config's plotWindow). */
export function plotWindow(run: Run): number {
  return Math.min(run.result.config.plotWindow, episodeCount(run));
}

/** A short line on how the run was made, e.g. "exact solver" or "dp solver, mean of 1000 runs". */
export function runNote(run: Run): string {
  const solver = `${run.result.equilibrium.solver} solver`;
  if (run.kind === 'game' && run.result.stochastic) return `${solver}, ${run.result.config.game.update.type}: mean of ${run.result.stochastic.runs} seeded runs`;
  return run.kind === 'game' ? `${solver}, ${run.result.config.game.update.type} update` : solver;
}

/** The trajectory as a game's: θ is the parameter `theta`, the coefficient the action `a`. */
export function asGameTrajectory(run: Run): GameTrajectory {
  return run.kind === 'game' ? run.result.trajectory : seedAsGameTrajectory(run.result.trajectory);
}

/** Per-component metrics shown for at most this many components (an MLP has hundreds of weights). */
export const MAX_COMPONENTS_SHOWN = 6;

/** Game metrics of one linear coefficient `a` and of θ, under the seed's names. */
const SEED_NAMES: Readonly<Record<string, string>> = {
  'firstAction.a': 'firstCoefficient',
  'meanTrainingAction.a': 'meanTrainingCoefficient',
  'finalParameters.theta': 'finalTheta',
};

/** The run's metrics as [key, value] rows, in the library's order. */
export function metricEntries(run: Run): [string, number | null][] {
  if (run.kind === 'seed') return Object.entries(run.result.metrics) as [string, number | null][];
  const rows: [string, number | null][] = [];
  for (const [key, value] of Object.entries(run.result.metrics) as [string, unknown][]) {
    if (typeof value === 'number' || value === null) {
      rows.push([key, value]);
      continue;
    }
    const components = Object.entries(value as Record<string, number | null>);
    for (const [name, x] of components.slice(0, MAX_COMPONENTS_SHOWN)) {
      const flat = `${key}.${name}`;
      rows.push([SEED_NAMES[flat] ?? flat, x]);
    }
  }
  return rows;
}

/** The trajectory as the CLI writes trajectory.csv for this run. */
export function trajectoryCsv(run: Run): string {
  return run.kind === 'seed' ? trajectoryToCsv(run.result.trajectory) : gameTrajectoryToCsv(run.result.trajectory);
}

/** The run as the CLI writes result.json (and prints with --json). */
export function resultJsonText(run: Run): string {
  const json = run.kind === 'seed' ? resultToJson(run.result) : gameResultToJson(run.result);
  return `${JSON.stringify(json, null, 2)}\n`;
}
