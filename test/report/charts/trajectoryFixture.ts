import type { Trajectory } from '../../../src/rollout/trajectory.ts';

/** A hand-made 3-episode trajectory with distinct, easily recognised values in every column. */
export function smallTrajectory(): Trajectory {
  const f = (...values: number[]) => Float64Array.from(values);
  return {
    episode: f(0, 1, 2),
    theta: f(0.8, 0.7, 0.6, 0.5),
    coefficient: f(0.1, 0.2, 1),
    learningRate: f(1, 1, 0),
    output: f(0.08, 0.14, 0.6),
    baseLoss: f(0.0064, 0.0196, 0.36),
    mesaLoss: f(0.5184, 0.3136, 0),
  };
}
