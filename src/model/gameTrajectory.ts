/**
 * One run of a general game, column by column. Per-episode columns have length N; each
 * parameter's column has N + 1 entries (before each episode, then after the last). A type of the
 * model's layer, so that a solver that plays its own state (GameOutcome) can return one.
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
