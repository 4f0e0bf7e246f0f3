/**
 * One seed-family run with a given solver: scenario → equilibrium → trajectory → metrics.
 * experiment.ts looks the solver up by name in the registry (which loads every solver); the CLI's
 * seed `solve` passes the one solver it loaded, so its start-up loads no other.
 */
import type { ParsedConfig } from '../model/parsedConfig.ts';
import { computeMetrics, type Metrics } from '../metrics/metrics.ts';
import { planMetrics } from '../metrics/planMetrics.ts';
import { rollout } from '../rollout/rollout.ts';
import type { Trajectory } from '../rollout/trajectory.ts';
import type { Equilibrium, Solver } from '../solvers/equilibrium.ts';
import type { SolveSize } from './cost.ts';

/** Everything one run produces: scenario → equilibrium → trajectory → metrics. */
export interface ExperimentResult {
  readonly config: ParsedConfig;
  readonly equilibrium: Equilibrium;
  readonly trajectory: Trajectory;
  readonly metrics: Metrics;
  /** Wall-clock time of the solve alone, in milliseconds. */
  readonly solveMilliseconds: number;
}

/** Solves the config's scenario with `solver` and plays it out. */
export function runWithSolver(config: ParsedConfig, solver: Solver): ExperimentResult {
  const started = performance.now();
  const equilibrium = solver.solve(config.scenario);
  const solveMilliseconds = performance.now() - started;
  const trajectory = rollout(config.scenario, equilibrium.coefficients);
  return { config, equilibrium, trajectory, metrics: computeMetrics(trajectory), solveMilliseconds };
}

/** The metrics of that run without its trajectory (a sweep point): the same numbers, no columns. */
export function metricsWithSolver(config: ParsedConfig, solver: Solver): Metrics {
  return planMetrics(config.scenario, solver.solve(config.scenario).coefficients);
}

/** The size of a seed-family config's solve, for its cost estimate. */
export function sizeOf(config: ParsedConfig): SolveSize {
  const s = config.scenario;
  return { episodes: s.schedule.length, gridPoints: s.coefficientGrid.length, priorPoints: s.prior.length };
}
