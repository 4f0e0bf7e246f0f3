import { DivergenceError } from '../errors/inputError.ts';
import type { LinearScenario } from '../model/scenario.ts';
import { emptyTrajectory, type Trajectory } from './trajectory.ts';

/**
 * Plays the plan from θ₀: y_n = a_n·θ_n, θ_{n+1} = θ_n − ℓ_n·∂(y_n² + λθ_n²)/∂θ_n
 * = θ_n·(1 − 2ℓ_n(a_n² + λ)). Throws DivergenceError at the first episode whose θ overflows.
 */
export function rollout(scenario: LinearScenario, coefficients: Float64Array, theta0 = scenario.theta0): Trajectory {
  const { schedule, regularizer } = scenario;
  const episodes = schedule.length;
  const t = emptyTrajectory(schedule, coefficients);
  let theta = theta0;
  for (let n = 0; n < episodes; n++) {
    const a = coefficients[n];
    const y = a * theta;
    t.theta[n] = theta;
    t.output[n] = y;
    t.baseLoss[n] = y * y + regularizer * theta * theta;
    t.mesaLoss[n] = (y - theta) ** 2;
    theta *= 1 - 2 * schedule[n] * (a * a + regularizer);
    if (!Number.isFinite(theta) || !Number.isFinite(t.baseLoss[n])) throw new DivergenceError(n, 'θ');
  }
  t.theta[episodes] = theta;
  return t;
}
