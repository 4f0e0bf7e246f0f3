/**
 * The trained discount (DESIGN §3.1) as a registered solver, for seed-family scenarios (λ = 0,
 * ℓ ≤ 1) with a `trainedDiscount` block: solves the Markov policies a_n(γ) on the γ grid
 * (trainedDiscount.ts) and plays them from (θ₀, γ₀):
 *   θ_{n+1} = θ_n(1 − 2ℓ_n a_n²),  γ_{n+1} = clip(γ_n − 2κℓ_n θ_n² a_n a_n′(γ_n), 0, 1).
 * Trajectory: parameters theta and gamma, the action a; metrics add γ after the last training
 * episode (finalDiscount), the first episode at which γ = 1 (episodesToOne) and a_0′(γ₀) (firstSlope).
 */
import type { Game } from '../../model/game.ts';
import type { GameEquilibrium } from '../gameSolver.ts';
import { preparedSolver } from '../preparedSolver.ts';
import { asLinearScenario } from '../seedAdapters.ts';
import { solveTrainedDiscount } from './trainedDiscount.ts';
import { trainedDiscountScenario, type TrainedDiscountScenario } from './trainedDiscountModel.ts';
import { rolloutTrainedDiscount } from './trainedDiscountRollout.ts';

function scenarioOf(game: Game): TrainedDiscountScenario | string {
  const setting = game.trainedDiscount;
  if (!setting) return 'it needs a trainedDiscount block';
  const linear = asLinearScenario(game);
  if (typeof linear === 'string') return `the trained-discount solver handles the seed family only: ${linear}`;
  if (linear.regularizer !== 0) return 'trainedDiscount with a regularizer: the trained-discount solver has no regularizer (set regularizer: 0)';
  if (game.policy.type === 'linear' && game.policy.discrete) return 'the trained-discount solver chooses continuous coefficients in [−1, 1], and this policy is discrete';
  const over = linear.schedule.findIndex((rate) => rate > 1);
  if (over >= 0) return `trainedDiscount needs learning rates ≤ 1 (|1 − 2ℓa²| ≤ 1 keeps θ² on its table); schedule[${over}] is ${linear.schedule[over]}`;
  return trainedDiscountScenario({
    schedule: linear.schedule,
    theta0: linear.theta0,
    prior: linear.prior,
    discountNodes: setting.nodes,
    squareNodes: setting.squareNodes,
    stepScale: setting.stepScale,
  });
}

export const trainedDiscountSolver = preparedSolver({
  name: 'trained-discount',
  description: 'γ trained by the base optimizer: Markov policies a_n(γ) on a γ grid (Catmull–Rom), played from γ₀',
  extension: 'trainedDiscount',
  prepare: scenarioOf,
  solve(game, scenario): GameEquilibrium {
    const equilibrium = solveTrainedDiscount(scenario);
    const t = rolloutTrainedDiscount(scenario, equilibrium, game.trainedDiscount!.initial);
    const episodes = t.coefficient.length;
    let lastTraining = -1;
    for (let n = 0; n < episodes; n++) if (t.learningRate[n] > 0) lastTraining = n;
    const reached = t.discount.findIndex((g) => g === 1);
    const trajectory = {
      episode: t.episode,
      learningRate: t.learningRate,
      output: t.output,
      baseLoss: Float64Array.from(t.output, (y) => y * y),
      mesaLoss: Float64Array.from(t.output, (y, n) => (y - t.theta[n]) ** 2),
      parameters: { theta: t.theta, gamma: t.discount },
      actions: { a: t.coefficient },
    };
    return {
      solver: 'trained-discount',
      actionNames: ['a'],
      actions: t.coefficient,
      ties: [],
      outcome: {
        trajectory,
        metrics: { extension: { finalDiscount: t.discount[lastTraining + 1], episodesToOne: reached < 0 ? null : reached, firstSlope: episodes > 0 ? t.slope[0] : null } },
      },
    };
  },
});
