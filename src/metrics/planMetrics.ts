/**
 * The seed metrics of a plan without its trajectory: the rollout of rollout.ts played in one
 * pass, keeping only the sums the metrics need. A sweep point needs a handful of numbers, and
 * allocating the seven columns of a 1000-episode trajectory (56 kB, zeroed, outside V8's heap)
 * costs about a third of an exact solve. The arithmetic is rollout.ts's and computeMetrics's,
 * term for term and in the same order, so the result equals computeMetrics(rollout(…)) bit for
 * bit and diverges at the same episode with the same message (test/metrics/planMetrics.test.ts).
 */
import { DivergenceError } from '../errors/inputError.ts';
import type { LinearScenario } from '../model/scenario.ts';
import type { Metrics } from './metrics.ts';

export function planMetrics(scenario: LinearScenario, coefficients: Float64Array, theta0 = scenario.theta0): Metrics {
  const { schedule, regularizer } = scenario;
  const episodes = schedule.length;
  if (coefficients.length !== episodes) throw new RangeError(`rollout: ${coefficients.length} coefficients for ${episodes} episodes`);
  let theta = theta0;
  let trainingEpisodes = 0;
  let coefficientSum = 0;
  let trainingBaseLoss = 0;
  let totalMesaLoss = 0;
  let thetaAfterTraining = theta0;
  // The first episode at which each running sum stops being finite (−1: never). rollout.ts
  // reports a non-finite term before any overflowing sum, so these are thrown after the loop.
  let mesaSumOverflow = -1;
  let baseSumOverflow = -1;
  for (let n = 0; n < episodes; n++) {
    const a = coefficients[n];
    const rate = schedule[n];
    const y = a * theta;
    const baseLoss = y * y + regularizer * theta * theta;
    const mesaLoss = (y - theta) ** 2;
    theta *= 1 - 2 * rate * (a * a + regularizer);
    if (!Number.isFinite(theta)) throw new DivergenceError(n, 'θ');
    if (!Number.isFinite(baseLoss)) throw new DivergenceError(n, 'the base loss y² + λθ²');
    if (!Number.isFinite(mesaLoss)) throw new DivergenceError(n, 'the mesa loss (y − θ)²');
    totalMesaLoss += mesaLoss;
    if (mesaSumOverflow < 0 && !Number.isFinite(totalMesaLoss)) mesaSumOverflow = n;
    if (rate > 0) {
      trainingEpisodes++;
      coefficientSum += a;
      trainingBaseLoss += baseLoss;
      if (baseSumOverflow < 0 && !Number.isFinite(trainingBaseLoss)) baseSumOverflow = n;
      thetaAfterTraining = theta;
    }
  }
  if (mesaSumOverflow >= 0) throw new DivergenceError(mesaSumOverflow, 'the total mesa loss Σ(y − θ)²');
  if (baseSumOverflow >= 0) throw new DivergenceError(baseSumOverflow, 'the training base loss Σ(y² + λθ²)');
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
