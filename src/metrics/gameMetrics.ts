import type { Game } from '../model/game.ts';
import type { GameTrajectory } from '../rollout/gameTrajectory.ts';
import { checkFiniteSum } from './finiteSums.ts';

/** Summary numbers of a game's trajectory; null (never NaN) where a metric does not exist. */
export interface GameMetrics {
  /** Each action component in episode 0. */
  firstAction: Record<string, number>;
  /** Mean of each action component over training episodes (ℓ_n > 0); null without training. */
  meanTrainingAction: Record<string, number | null>;
  /** Goal after the last training episode ÷ its initial value; null when that is 0. */
  goalRetained: number | null;
  /** Each parameter after the last episode. */
  finalParameters: Record<string, number>;
  /** Σ over training episodes of the true base loss. */
  trainingBaseLoss: number;
  /** Σ over all episodes of c(y_n, g_n). */
  totalMesaLoss: number;
  trainingEpisodes: number;
  /** Quantities an extension's solver measures (e.g. finalDiscount, meanDeploymentCoefficient). */
  extension?: Record<string, number | null>;
}

export function computeGameMetrics(game: Game, t: GameTrajectory): GameMetrics {
  const episodes = t.output.length;
  let trainingEpisodes = 0;
  let lastTraining = -1;
  let trainingBaseLoss = 0;
  let totalMesaLoss = 0;
  const sums: Record<string, number> = Object.fromEntries(Object.keys(t.actions).map((k) => [k, 0]));
  for (let n = 0; n < episodes; n++) {
    totalMesaLoss += t.mesaLoss[n];
    if (t.learningRate[n] > 0) {
      trainingEpisodes++;
      lastTraining = n;
      trainingBaseLoss += t.baseLoss[n];
      for (const k of Object.keys(sums)) sums[k] += t.actions[k][n];
    }
  }
  // Each term is finite (the rollout checks), but a sum of finite terms can still overflow.
  checkFiniteSum(totalMesaLoss, t.mesaLoss, () => true, 'the total mesa loss');
  checkFiniteSum(trainingBaseLoss, t.baseLoss, (n) => t.learningRate[n] > 0, 'the training base loss');
  for (const [k, s] of Object.entries(sums)) checkFiniteSum(s, t.actions[k], (n) => t.learningRate[n] > 0, `the sum of action ${k} over training`);
  // An extension's trajectory may carry other state than the goal (the corridor's goalIntact).
  const goal = t.parameters[game.parameters[game.goal].name] as Float64Array | undefined;
  return {
    firstAction: Object.fromEntries(Object.entries(t.actions).map(([k, v]) => [k, v[0]])),
    meanTrainingAction: Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, trainingEpisodes > 0 ? s / trainingEpisodes : null])),
    goalRetained: goal === undefined || goal[0] === 0 ? null : goal[lastTraining + 1] / goal[0],
    finalParameters: Object.fromEntries(Object.entries(t.parameters).map(([k, v]) => [k, v[episodes]])),
    trainingBaseLoss,
    totalMesaLoss,
    trainingEpisodes,
  };
}
