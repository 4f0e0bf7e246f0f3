import type { Trajectory } from './trajectory.ts';

/**
 * One run of a general game, column by column. Per-episode columns have length N; each
 * parameter's column has N + 1 entries (before each episode, then after the last).
 */
export interface GameTrajectory {
  readonly episode: Float64Array;
  readonly learningRate: Float64Array;
  /** y_n. */
  readonly output: Float64Array;
  /** ℓ_base(y_n, s_n), the true base objective. */
  readonly baseLoss: Float64Array;
  /** c(y_n, g_n), against the goal's current value. */
  readonly mesaLoss: Float64Array;
  /** Each parameter's trajectory, by name. */
  readonly parameters: Readonly<Record<string, Float64Array>>;
  /** Each action component's value per episode, by name. */
  readonly actions: Readonly<Record<string, Float64Array>>;
}

/** A seed-model trajectory as a game's: θ is the parameter `parameter`, the coefficient the action `action`. */
export function seedAsGameTrajectory(t: Trajectory, parameter = 'theta', action = 'a'): GameTrajectory {
  return {
    episode: t.episode,
    learningRate: t.learningRate,
    output: t.output,
    baseLoss: t.baseLoss,
    mesaLoss: t.mesaLoss,
    parameters: { [parameter]: t.theta },
    actions: { [action]: t.coefficient },
  };
}
