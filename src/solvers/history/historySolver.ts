/**
 * The history solver as a game solver: the seed's game (one parameter θ, y = a·θ, base loss y²
 * believed as it is, mesa cost (y − θ)²) under the update rules that carry history —
 * `gradient-all` (K steps on all past training data; DP over S, historyDp.ts) and `full`
 * (full re-optimisation; exact, fullReoptimisation.ts).
 */
import { quadraticForm } from '../../model/expression.ts';
import type { Game } from '../../model/game.ts';
import { InputError } from '../../errors/inputError.ts';
import { solveFullReoptimisation } from './fullReoptimisation.ts';
import type { GameEquilibrium, GameSolver } from '../gameSolver.ts';
import { solveHistory } from './historyDp.ts';

/** Why the game is not a history game, or null. */
export function historyGameReason(game: Game): string | null {
  if (game.update.type !== 'gradient-all' && game.update.type !== 'full') return 'the history solver handles the gradient-all and full updates';
  if (game.parameters.length !== 1 || game.frozen.length !== 0) return 'the history solver needs exactly one parameter';
  if (game.policy.type !== 'linear' || game.policy.inputs.length !== 1) return 'the history solver needs the policy y = a·θ';
  const base = quadraticForm(game.baseObjective, ['y', game.parameters[0].name]);
  const believed = quadraticForm(game.believedObjective, ['y', game.parameters[0].name]);
  const isSquare = (q: Float64Array | null) => q !== null && q[0] === 1 && q[1] === 0 && q[3] === 0;
  if (!isSquare(base) || !isSquare(believed)) return 'the history solver needs the base objective y², believed as it is';
  const mesa = quadraticForm(game.mesaCost, ['y', 'goal']);
  if (!mesa || mesa[0] !== 1 || mesa[1] !== -1 || mesa[3] !== 1) return 'the history solver needs the mesa cost (y − goal)²';
  return null;
}

export const historySolver: GameSolver = {
  name: 'history',
  description: 'the seed game under K gradient steps on all past data (DP over the history S) or full re-optimisation (exact)',
  supports: historyGameReason,
  solve(game: Game): GameEquilibrium {
    const reason = historyGameReason(game);
    if (reason) throw new InputError('solver', reason);
    if (game.update.type === 'full') {
      const { coefficients, ties } = solveFullReoptimisation(game.schedule, game.discount);
      return { solver: 'history', actionNames: ['a'], actions: coefficients, ties };
    }
    const steps = game.update.type === 'gradient-all' ? game.update.steps : 1;
    const { coefficients, ties } = solveHistory(game.schedule, { data: 'all', steps, discount: game.discount, coefficientGrid: game.actionGrid });
    return { solver: 'history', actionNames: ['a'], actions: coefficients, ties };
  },
};
