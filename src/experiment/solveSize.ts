/** The solver and size of a solve, for its cost estimate (cost.ts) before it starts. */
import type { Game } from '../model/game.ts';
import { chooseSolver } from '../solvers/registry.ts';
import type { SolveSize } from './cost.ts';

export { sizeOf } from './seedRun.ts';

/** What a cost estimate needs: the solver that will run and the solve's size. */
export interface SolveDescription {
  readonly solver: string;
  readonly size: SolveSize;
}

/**
 * Runs `solve`, perhaps announcing it first (the CLI shows its cost and progress; the default just
 * solves). `describe` is called only by a wrapper that estimates, so sweeps, which run every point
 * through the default, never pick a solver twice per point.
 */
export type SolveWrapper = <T>(label: string, describe: () => SolveDescription, solve: () => T) => T;

export const justSolve: SolveWrapper = (_label, _describe, solve) => solve();

/** The size of a game's solve. */
export function gameSizeOf(game: Game): SolveSize {
  return { episodes: game.schedule.length, gridPoints: game.actionGrid.length, priorPoints: game.parameters.reduce((n, p) => n * p.prior.length, 1) };
}

/** The solver `auto` (or a name) stands for on this game; the name itself when it cannot be chosen (the run then says why). */
export function gameSolverName(name: string, game: Game): string {
  try {
    return chooseSolver(name, game).name;
  } catch {
    return name;
  }
}
