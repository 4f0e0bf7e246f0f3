import { DivergenceError } from '../errors/inputError.ts';
import type { Schedule } from '../model/schedule.ts';
import { historyStep, reoptimisationStep, type HistoryData } from '../model/updates/historyUpdate.ts';
import { emptyTrajectory, type Trajectory } from './trajectory.ts';

/** How θ is updated: K gradient steps on the newest or all data, or full re-optimisation. */
export type HistoryRule = { readonly kind: 'steps'; readonly data: HistoryData; readonly steps: number } | { readonly kind: 'full' };

/**
 * Plays coefficients from θ₀ under a history rule (historyUpdate.ts), as a seed trajectory:
 * y_n = a_n·θ_n, base loss y_n², mesa loss (y_n − θ_n)². Throws DivergenceError when θ overflows.
 */
export function rolloutHistory(schedule: Schedule, coefficients: Float64Array, rule: HistoryRule, theta0: number): Trajectory {
  const episodes = schedule.length;
  const t = emptyTrajectory(schedule, coefficients);
  let theta = theta0;
  let s = 0;
  for (let n = 0; n < episodes; n++) {
    const a = coefficients[n];
    t.theta[n] = theta;
    t.output[n] = a * theta;
    t.baseLoss[n] = t.output[n] ** 2;
    t.mesaLoss[n] = (t.output[n] - theta) ** 2;
    const next = rule.kind === 'full' ? reoptimisationStep(a, s, schedule[n]) : historyStep(a, s, schedule[n], rule.steps, rule.data);
    theta *= next.f;
    s = next.s;
    if (!Number.isFinite(theta) || !Number.isFinite(t.baseLoss[n])) throw new DivergenceError(n, 'θ');
  }
  t.theta[episodes] = theta;
  return t;
}
