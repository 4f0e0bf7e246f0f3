/**
 * What a sweep will cost before it starts: the points left to run times the estimated seconds of
 * one point (experiment/cost.ts on the scenarios of a few sample points, plus the measured
 * ≈ 0.08 ms a point of parsing, metrics and writing the results), divided among the workers.
 */
import { estimateSolveSeconds } from '../experiment/cost.ts';
import { parseScenarioConfig } from '../model/config.ts';
import { withOverrides } from '../model/configPaths.ts';
import { pointValues } from './points.ts';
import type { Sweep } from './sweep.ts';

const PER_POINT_OVERHEAD = 8e-5;
const SAMPLES = 5;

/** Estimated wall-clock seconds to run `pending` points of `sweep` on `workers` threads, or undefined when unknown. */
export function estimateSweepSeconds(sweep: Sweep, pending: number, workers: number): number | undefined {
  if (pending === 0) return 0;
  const seconds: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const id = Math.round((s * (sweep.points - 1)) / (SAMPLES - 1));
    try {
      const config = parseScenarioConfig(withOverrides(sweep.base, sweep.paths, pointValues(sweep.axes, id)));
      const sc = config.scenario;
      const estimate = estimateSolveSeconds(config.solver, { episodes: sc.schedule.length, gridPoints: sc.coefficientGrid.length, priorPoints: sc.prior.length });
      if (estimate !== undefined) seconds.push(estimate);
    } catch {
      // an invalid point costs next to nothing: it is recorded with its error
    }
  }
  if (seconds.length === 0) return undefined;
  const perPoint = seconds.reduce((a, b) => a + b, 0) / seconds.length + PER_POINT_OVERHEAD;
  return (pending * perPoint) / Math.max(1, Math.min(workers, pending));
}
