import type { Trajectory } from '../rollout/trajectory.ts';

/**
 * Summary numbers of one trajectory. A metric that does not exist for the run (no training
 * episode) is null, never NaN, so JSON output stays valid.
 */
export interface Metrics {
  /** a_0: near 0 is deceptive alignment, 1 honest. */
  firstCoefficient: number;
  /** Mean a_n over training episodes (ℓ_n > 0); null without training. */
  meanTrainingCoefficient: number | null;
  /** θ after the last training episode ÷ θ₀ (1 = goal intact, 0 = aligned); null when θ₀ = 0. */
  goalRetained: number | null;
  /** θ_N, after the last episode. */
  finalTheta: number;
  /** Σ over training episodes of y_n² + λθ_n². */
  trainingBaseLoss: number;
  /** Σ over all episodes of (y_n − θ_n)². */
  totalMesaLoss: number;
  /** Number of training episodes (ℓ_n > 0). */
  trainingEpisodes: number;
}

export function computeMetrics(t: Trajectory): Metrics {
  const episodes = t.coefficient.length;
  let trainingEpisodes = 0;
  let coefficientSum = 0;
  let trainingBaseLoss = 0;
  let totalMesaLoss = 0;
  let lastTraining = -1;
  for (let n = 0; n < episodes; n++) {
    totalMesaLoss += t.mesaLoss[n];
    if (t.learningRate[n] > 0) {
      trainingEpisodes++;
      coefficientSum += t.coefficient[n];
      trainingBaseLoss += t.baseLoss[n];
      lastTraining = n;
    }
  }
  const theta0 = t.theta[0];
  return {
    firstCoefficient: t.coefficient[0],
    meanTrainingCoefficient: trainingEpisodes > 0 ? coefficientSum / trainingEpisodes : null,
    goalRetained: theta0 === 0 ? null : t.theta[lastTraining + 1] / theta0,
    finalTheta: t.theta[episodes],
    trainingBaseLoss,
    totalMesaLoss,
    trainingEpisodes,
  };
}

/** The names of every seed metric, in the order computeMetrics returns them. */
export const SEED_METRIC_NAMES: readonly (keyof Metrics)[] = [
  'firstCoefficient',
  'meanTrainingCoefficient',
  'goalRetained',
  'finalTheta',
  'trainingBaseLoss',
  'totalMesaLoss',
  'trainingEpisodes',
];
