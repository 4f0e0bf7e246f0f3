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
  // One buffer for all seven columns: each typed-array allocation outside V8's heap costs
  // microseconds, more than filling a column of 1000 episodes (a sweep rolls out thousands).
  const buffer = new ArrayBuffer(8 * (7 * episodes + 1));
  let at = 0;
  const column = (length: number) => {
    const view = new Float64Array(buffer, at, length);
    at += 8 * length;
    return view;
  };
  const episode = column(episodes);
  for (let n = 0; n < episodes; n++) episode[n] = n;
  const theta = column(episodes + 1);
  const coefficient = column(episodes);
  coefficient.set(coefficients);
  const learningRate = column(episodes);
  learningRate.set(schedule);
  return { episode, theta, coefficient, learningRate, output: column(episodes), baseLoss: column(episodes), mesaLoss: column(episodes) };
}
