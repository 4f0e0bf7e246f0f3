/**
 * The one adapter of the extensions' solvers: a `prepare` step turns a game into what the solve
 * needs, or into the one-line reason it cannot; `supports` and the refusal in `solve` both derive
 * from it, so the two can never disagree.
 */
import { InputError } from '../errors/inputError.ts';
import type { ExtensionField } from '../model/extensions.ts';
import type { Game } from '../model/game.ts';
import type { GameEquilibrium, GameSolver } from './gameSolver.ts';

export interface PreparedSolverSpec<T> {
  readonly name: string;
  readonly description: string;
  readonly extension: ExtensionField;
  /** What the solve needs, or why this game cannot be solved (one line). */
  prepare(game: Game): T | string;
  solve(game: Game, prepared: T): GameEquilibrium;
}

export function preparedSolver<T>(spec: PreparedSolverSpec<T>): GameSolver {
  const { name, description, extension } = spec;
  return {
    name,
    description,
    extension,
    supports(game) {
      const prepared = spec.prepare(game);
      return typeof prepared === 'string' ? prepared : null;
    },
    solve(game) {
      const prepared = spec.prepare(game);
      if (typeof prepared === 'string') throw new InputError(extension, prepared);
      return spec.solve(game, prepared);
    },
  };
}
