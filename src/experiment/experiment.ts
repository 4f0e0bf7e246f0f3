import type { ParsedConfig } from '../model/config.ts';
import { computeMetrics, type Metrics } from '../metrics/metrics.ts';
import { rollout } from '../rollout/rollout.ts';
import type { Trajectory } from '../rollout/trajectory.ts';
import type { Equilibrium } from '../solvers/equilibrium.ts';
import { getSolver } from '../solvers/registry.ts';

/** Everything one run produces: scenario → equilibrium → trajectory → metrics. */
export interface ExperimentResult {
  readonly config: ParsedConfig;
  readonly equilibrium: Equilibrium;
  readonly trajectory: Trajectory;
  readonly metrics: Metrics;
  /** Wall-clock time of the solve alone, in milliseconds. */
  readonly solveMilliseconds: number;
}

/** Solves the config's scenario (with `solver` if given, else the config's) and plays it out. */
export function runExperiment(config: ParsedConfig, solver: string = config.solver): ExperimentResult {
  const started = performance.now();
  const equilibrium = getSolver(solver).solve(config.scenario);
  const solveMilliseconds = performance.now() - started;
  const trajectory = rollout(config.scenario, equilibrium.coefficients);
  return { config, equilibrium, trajectory, metrics: computeMetrics(trajectory), solveMilliseconds };
}
