import type { GameTrajectory } from '../model/gameTrajectory.ts';
import type { Trajectory } from './trajectory.ts';

export type { GameTrajectory } from '../model/gameTrajectory.ts';

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
