import { computeGameMetrics, type GameMetrics } from '../metrics/gameMetrics.ts';
import type { ParsedGameConfig } from '../model/gameConfig.ts';
import { rolloutGame } from '../rollout/gameRollout.ts';
import type { GameTrajectory } from '../rollout/gameTrajectory.ts';
import { chooseGameSolver } from '../solvers/gameRegistry.ts';
import type { GameEquilibrium } from '../solvers/gameSolver.ts';

/** Everything one run of a general game produces. */
export interface GameResult {
  readonly config: ParsedGameConfig;
  readonly equilibrium: GameEquilibrium;
  readonly trajectory: GameTrajectory;
  readonly metrics: GameMetrics;
  readonly solveMilliseconds: number;
}

/** Solves the game with `solver` (default: the config's, "auto" unless set) and plays it out. */
export function runGame(config: ParsedGameConfig, solver: string = config.solver): GameResult {
  const chosen = chooseGameSolver(solver, config.game);
  const started = performance.now();
  const equilibrium = chosen.solve(config.game);
  const solveMilliseconds = performance.now() - started;
  const trajectory = rolloutGame(config.game, equilibrium);
  return { config, equilibrium, trajectory, metrics: computeGameMetrics(config.game, trajectory), solveMilliseconds };
}
