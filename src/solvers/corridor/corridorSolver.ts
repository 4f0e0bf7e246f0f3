/**
 * The corridor (DESIGN §3.7) as a registered solver: a scenario with `corridor: true` takes T and
 * D from its schedule (T training episodes at any rate, then D deployment episodes) and γ from
 * `discount`. Its trajectory: the action toB (1: the agent walks to its mesa goal B, 0: to the
 * base goal A), the parameter goalIntact (1 until training catches a walk to B), learning rate,
 * output = toB, base loss = toB in training (a caught wrong move), mesa loss = 1 − toB.
 */
import type { Game } from '../../model/game.ts';
import { trainThenDeployShape } from '../../model/schedule.ts';
import type { GameEquilibrium } from '../gameSolver.ts';
import { preparedSolver } from '../preparedSolver.ts';
import { deceptiveValue, solveCorridor, type CorridorSolution } from './corridor.ts';

/** Decision at episode 0 as a number, so sweeps can plot it: 1 deceive, 0 honest, 0.5 an exact tie. */
const DECISION_VALUE = { deceive: 1, honest: 0, tie: 0.5 } as const;

function playedTrajectory(game: Game, solution: CorridorSolution, training: number) {
  const episodes = solution.path.length;
  const toB = Float64Array.from(solution.path, (m) => (m === 'B' ? 1 : 0));
  const intact = new Float64Array(episodes + 1);
  intact[0] = 1;
  for (let k = 0; k < episodes; k++) intact[k + 1] = intact[k] === 1 && !(k < training && toB[k] === 1) ? 1 : 0;
  return {
    episode: Float64Array.from({ length: episodes }, (_, n) => n),
    learningRate: Float64Array.from(game.schedule),
    output: toB,
    baseLoss: Float64Array.from(toB, (b, k) => (k < training ? b : 0)),
    mesaLoss: Float64Array.from(toB, (b) => 1 - b),
    parameters: { goalIntact: intact },
    actions: { toB },
  };
}

export const corridorSolver = preparedSolver({
  name: 'corridor',
  description: 'the corridor of Risks from Learned Optimization (walk to A or B), by backward induction',
  extension: 'corridor',
  prepare(game) {
    const s = trainThenDeployShape(game.schedule);
    return typeof s === 'string' ? `corridor: ${s}` : s;
  },
  solve(game, s): GameEquilibrium {
    const setting = { training: s.training, deployment: s.deployment, discount: game.discount, tieRule: game.tieRule };
    const solution = solveCorridor(setting);
    const trajectory = playedTrajectory(game, solution, s.training);
    return {
      solver: 'corridor',
      actionNames: ['toB'],
      actions: trajectory.actions.toB,
      ties: solution.ties,
      tieRule: game.tieRule ?? 'smallest',
      outcome: {
        trajectory,
        metrics: {
          goalRetained: trajectory.parameters.goalIntact[s.training],
          extension: { reachesB: solution.reachesB, deceptiveValue: deceptiveValue(setting), decision: DECISION_VALUE[solution.decision] },
        },
      },
    };
  },
});
