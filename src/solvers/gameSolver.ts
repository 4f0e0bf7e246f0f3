import type { Game } from '../model/game.ts';
import type { TieRuleName } from '../model/tieRuleName.ts';

/** An equilibrium of a general game: each episode's action vector k_n (m components). */
export interface GameEquilibrium {
  readonly solver: string;
  /** Component names, e.g. ["a"] or ["k_theta", "k_beta"]. */
  readonly actionNames: readonly string[];
  /** k_n row by row: actions[n·m + i] is component i of episode n's action. */
  readonly actions: Float64Array;
  /** Episodes whose agent was indifferent between distinct actions; the tie rule chose among them. */
  readonly ties: readonly number[];
  /** The tie rule that resolved them, when the solver honours a choice of rule (else 'smallest'). */
  readonly tieRule?: TieRuleName;
}

/** A solver of general games. */
export interface GameSolver {
  readonly name: string;
  readonly description: string;
  /** null when the solver can solve this game, else the reason it cannot (one line). */
  supports(game: Game): string | null;
  solve(game: Game): GameEquilibrium;
}
