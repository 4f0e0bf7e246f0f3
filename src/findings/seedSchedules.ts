import { computeMetrics, type Metrics } from '../metrics/metrics.ts';
import type { LinearScenario } from '../model/scenario.ts';
import { rollout } from '../rollout/rollout.ts';
import { solveExact } from '../solvers/exact/exact.ts';

/** The seed's two schedules, as the findings label them. */
export const SEED_SCHEDULES = [
  { label: 'seed-1 (20 train + 80 deploy)', spec: '1x20,0x80', training: 20 },
  { label: 'seed-2 (100 train)', spec: '1x100', training: 100 },
] as const;

/** The metrics of a seed-family scenario's exact equilibrium (continuous coefficients). */
export function exactMetrics(scenario: LinearScenario): Metrics {
  return computeMetrics(rollout(scenario, solveExact(scenario).coefficients));
}
