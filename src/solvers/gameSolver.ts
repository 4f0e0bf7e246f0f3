import type { ExtensionField } from '../model/extensions.ts';
import type { Game } from '../model/game.ts';
import type { GameTrajectory } from '../model/gameTrajectory.ts';
import type { TieRuleName } from '../model/tieRuleName.ts';

/** An equilibrium of a general game: each episode's action vector k_n (m components). */
export interface GameEquilibrium {
  readonly solver: string;
  /** Component names, e.g. ["a"] or ["k_theta", "k_beta"]. */
  readonly actionNames: readonly string[];
  /** k_n row by row: actions[n·m + i] is component i of episode n's action. */
  readonly actions: Float64Array;
  /** Episodes whose agent was indifferent between distinct actions; the smallest was played. */
  readonly ties: readonly number[];
  /** The tie rule that resolved them, when the solver honours a choice of rule (else 'smallest'). */
  readonly tieRule?: TieRuleName;
  /**
   * For solvers whose agents condition on a state the generic rollout does not play (a trained
   * γ_n, an observation x_n, a corridor's goal): the on-path (or expected) trajectory and the
   * metrics the solver measures itself, which replace the generic ones of the same name.
   */
  readonly outcome?: GameOutcome;
}

export interface GameOutcome {
  /** Absent: the generic rollout plays the actions. */
  readonly trajectory?: GameTrajectory;
  readonly metrics?: OutcomeMetrics;
}

/** The generic metrics (metrics/gameMetrics.ts) a solver may measure itself, and its own (extension). */
export interface OutcomeMetrics {
  readonly goalRetained?: number | null;
  readonly trainingBaseLoss?: number;
  readonly trainingEpisodes?: number;
  readonly meanTrainingAction?: Record<string, number | null>;
  readonly extension?: Record<string, number | null>;
}

/** A solver of general games. */
export interface GameSolver {
  readonly name: string;
  readonly description: string;
  /** The extension of DESIGN §3 this solver plays (model/extensions.ts); absent: none. */
  readonly extension?: ExtensionField;
  /** null when the solver can solve this game, else the reason it cannot (one line). */
  supports(game: Game): string | null;
  solve(game: Game): GameEquilibrium;
}
