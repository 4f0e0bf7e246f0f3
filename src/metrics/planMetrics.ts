/**
 * The metrics of a plan without its trajectory: the rollout of rollout.ts and computeMetrics
 * fused into one pass that keeps running sums instead of seven columns. For sweeps, which need
 * the summary numbers of thousands of runs and none of their columns (allocating the columns of a
 * 1000-episode run cost about as much as solving it). The arithmetic is theirs, operation for
 * operation and in the same order, so the numbers are bit for bit those of
 * computeMetrics(rollout(scenario, coefficients)) (test/metrics/planMetrics.test.ts), and it
 * throws the same DivergenceError at the same episode.
 */
import { DivergenceError } from '../model/inputError.ts';
import type { LinearScenario } from '../model/scenario.ts';
import type { Metrics } from './metrics.ts';

export function planMetrics(scenario: LinearScenario, coefficients: ArrayLike<number>, theta0 = scenario.theta0): Metrics {
  const { schedule, regularizer } = scenario;
  const episodes = schedule.length;
  if (coefficients.length !== episodes) throw new RangeError(`rollout: ${coefficients.length} coefficients for ${episodes} episodes`);
  let theta = theta0;
  let trainingEpisodes = 0;
  let coefficientSum = 0;
  let trainingBaseLoss = 0;
  let totalMesaLoss = 0;
  // θ after the last training episode so far (θ₀ before any).
  let thetaAfterTraining = theta0;
  for (let n = 0; n < episodes; n++) {
    const a = coefficients[n];
    const rate = schedule[n];
    const y = a * theta;
    const baseLoss = y * y + regularizer * theta * theta;
    totalMesaLoss += (y - theta) ** 2;
    theta *= 1 - 2 * rate * (a * a + regularizer);
    if (!Number.isFinite(theta) || !Number.isFinite(baseLoss)) throw new DivergenceError(n, 'θ');
    if (rate > 0) {
      trainingEpisodes++;
      coefficientSum += a;
      trainingBaseLoss += baseLoss;
      thetaAfterTraining = theta;
    }
  }
  return {
    firstCoefficient: coefficients[0],
    meanTrainingCoefficient: trainingEpisodes > 0 ? coefficientSum / trainingEpisodes : null,
    goalRetained: theta0 === 0 ? null : thetaAfterTraining / theta0,
    finalTheta: theta,
    trainingBaseLoss,
    totalMesaLoss,
    trainingEpisodes,
  };
}
