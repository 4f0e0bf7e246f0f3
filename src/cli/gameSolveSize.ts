/** The solver and size of a game's solve, for its cost estimate (loaded with the game engine only). */
import type { SolveSize } from '../experiment/cost.ts';
import type { Game } from '../model/game.ts';
import { chooseGameSolver } from '../solvers/gameRegistry.ts';

/** The size of a game's solve. */
export function gameSizeOf(game: Game): SolveSize {
  return { episodes: game.schedule.length, gridPoints: game.actionGrid.length, priorPoints: game.parameters.reduce((n, p) => n * p.prior.length, 1) };
}

/** The solver `auto` (or a name) stands for on this game; the name itself when it cannot be chosen (runGame then says why). */
export function gameSolverName(name: string, game: Game): string {
  try {
    return chooseGameSolver(name, game).name;
  } catch {
    return name;
  }
}
