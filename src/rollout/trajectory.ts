/**
 * One run of the game, column by column (uPlot's format: plots and exports take the arrays as
 * they are). Every per-episode column has length N; `theta` has N + 1 entries: θ before each
 * episode, then θ after the last.
 */
export interface Trajectory {
  readonly episode: Float64Array;
  /** θ_n before episode n, and θ_N after the last episode. */
  readonly theta: Float64Array;
  /** a_n, the coefficient the agent of episode n plays. */
  readonly coefficient: Float64Array;
  /** ℓ_n. */
  readonly learningRate: Float64Array;
  /** y_n = a_n·θ_n, the model output. */
  readonly output: Float64Array;
  /** y_n² + λθ_n², the base objective the trainer minimises. */
  readonly baseLoss: Float64Array;
  /** (y_n − θ_n)², the mesa objective of episode n's agent, measured against its own goal θ_n. */
  readonly mesaLoss: Float64Array;
}

/** The per-episode columns, in the order the CSV export writes them. */
export const EPISODE_COLUMNS = ['episode', 'theta', 'coefficient', 'learningRate', 'output', 'baseLoss', 'mesaLoss'] as const;

/**
 * A trajectory to fill: episode numbers, the coefficients and learning rates copied in, the
 * other columns zero. Throws when the plan and the schedule differ in length.
 */
export function emptyTrajectory(schedule: ArrayLike<number>, coefficients: ArrayLike<number>): Trajectory {
  const episodes = schedule.length;
  if (coefficients.length !== episodes) throw new RangeError(`rollout: ${coefficients.length} coefficients for ${episodes} episodes`);
  // Plain loops and the typed-array constructor: Float64Array.from with a callback costs about 0.1 µs an element.
  const episode = new Float64Array(episodes);
  for (let n = 0; n < episodes; n++) episode[n] = n;
  return {
    episode,
    theta: new Float64Array(episodes + 1),
    coefficient: new Float64Array(coefficients),
    learningRate: new Float64Array(schedule),
    output: new Float64Array(episodes),
    baseLoss: new Float64Array(episodes),
    mesaLoss: new Float64Array(episodes),
  };
}
