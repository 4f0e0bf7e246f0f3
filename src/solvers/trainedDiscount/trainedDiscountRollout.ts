/**
 * Plays a trained-discount equilibrium from (θ₀, γ₀): agent n plays a_n = a_n(γ_n), the
 * Catmull–Rom policy of its stage, y_n = a_n θ_n, and the base optimizer steps both parameters
 * with the slope a_n′(γ_n) interpolated (Catmull–Rom) from the stage's nodal slopes:
 *   θ_{n+1} = θ_n(1 − 2ℓ_n a_n²),   γ_{n+1} = clip(γ_n − 2κℓ_n θ_n² a_n a_n′(γ_n), 0, 1).
 */
import { nextDiscount, type TrainedDiscountEquilibrium, type TrainedDiscountScenario } from './trainedDiscountModel.ts';
import { policyAt } from './trainedDiscountPolicy.ts';

/** Columns (length N; theta and discount N + 1: before each episode, then after the last). */
export interface TrainedDiscountTrajectory {
  readonly episode: Float64Array;
  readonly theta: Float64Array;
  readonly discount: Float64Array;
  readonly coefficient: Float64Array;
  /** a_n′(γ_n), the slope the base optimizer's step on γ uses. */
  readonly slope: Float64Array;
  readonly learningRate: Float64Array;
  readonly output: Float64Array;
}

export function rolloutTrainedDiscount(
  scenario: TrainedDiscountScenario,
  equilibrium: TrainedDiscountEquilibrium,
  discount0: number,
  theta0 = scenario.theta0,
): TrainedDiscountTrajectory {
  if (!(discount0 >= 0 && discount0 <= 1)) throw new RangeError(`rolloutTrainedDiscount: γ₀ must be in [0, 1], got ${discount0}`);
  const { schedule, stepScale } = scenario;
  const episodes = schedule.length;
  const count = equilibrium.discounts.length;
  const t: TrainedDiscountTrajectory = {
    episode: new Float64Array(episodes),
    theta: new Float64Array(episodes + 1),
    discount: new Float64Array(episodes + 1),
    coefficient: new Float64Array(episodes),
    slope: new Float64Array(episodes),
    learningRate: Float64Array.from(schedule),
    output: new Float64Array(episodes),
  };
  let theta = theta0;
  let discount = discount0;
  for (let n = 0; n < episodes; n++) {
    const a = policyAt(equilibrium.coefficients, n * count, count, discount);
    const d = policyAt(equilibrium.slopes, n * count, count, discount);
    t.episode[n] = n;
    t.theta[n] = theta;
    t.discount[n] = discount;
    t.coefficient[n] = a;
    t.slope[n] = d;
    t.output[n] = a * theta;
    discount = nextDiscount(discount, theta * theta, a, d, schedule[n], stepScale);
    theta *= 1 - 2 * schedule[n] * a * a;
  }
  t.theta[episodes] = theta;
  t.discount[episodes] = discount;
  return t;
}
