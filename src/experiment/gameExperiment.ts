import { computeGameMetrics, type GameMetrics } from '../metrics/gameMetrics.ts';
import type { ParsedGameConfig } from '../model/gameConfig.ts';
import { rolloutGame } from '../rollout/gameRollout.ts';
import type { GameTrajectory } from '../rollout/gameTrajectory.ts';
import { rolloutStochastic, type StochasticRollout } from '../rollout/stochasticRollout.ts';
import { chooseSolver } from '../solvers/registry.ts';
import type { GameEquilibrium } from '../solvers/gameSolver.ts';

/** Everything one run of a general game produces. */
export interface GameResult {
  readonly config: ParsedGameConfig;
  readonly equilibrium: GameEquilibrium;
  /** The trajectory; under a stochastic update, the mean over the seeded runs. */
  readonly trajectory: GameTrajectory;
  /** Under a stochastic update: every series' mean, sd and 5–95% band over the runs. */
  readonly stochastic?: StochasticRollout;
  readonly metrics: GameMetrics;
  readonly solveMilliseconds: number;
}

/** Seeded Monte Carlo settings for stochastic updates. */
export interface RunGameOptions {
  readonly runs?: number;
  readonly seed?: number;
}

/**
 * Solves the game with `solver` (default: the config's, "auto" unless set) and plays it out —
 * once for a deterministic update; `runs` times with seeded noise (default 1,000, seed 0) for
 * REINFORCE, whose trajectory is then the mean over the runs (metrics of the mean trajectory).
 */
export function runGame(config: ParsedGameConfig, solver: string = config.solver, options: RunGameOptions = {}): GameResult {
  const chosen = chooseSolver(solver, config.game);
  const started = performance.now();
  const equilibrium = chosen.solve(config.game);
  const solveMilliseconds = performance.now() - started;
  if (config.game.update.type === 'reinforce') {
    // The CLI's --runs/--seed win over the config's own runs/seed.
    const stochastic = rolloutStochastic(config.game, equilibrium, { runs: options.runs ?? config.runs, seed: options.seed ?? config.seed });
    const trajectory = meanTrajectory(stochastic, equilibrium);
    return { config, equilibrium, trajectory, stochastic, metrics: computeGameMetrics(config.game, trajectory), solveMilliseconds };
  }
  // Solvers of an extension play their own state (γ_n, x_n, …) and measure what the generic rollout cannot.
  const trajectory = equilibrium.outcome?.trajectory ?? rolloutGame(config.game, equilibrium);
  const metrics = { ...computeGameMetrics(config.game, trajectory), ...equilibrium.outcome?.metrics };
  return { config, equilibrium, trajectory, metrics, solveMilliseconds };
}

function meanTrajectory(s: StochasticRollout, equilibrium: GameEquilibrium): GameTrajectory {
  const episodes = s.episode.length;
  const m = equilibrium.actionNames.length;
  return {
    episode: s.episode,
    learningRate: s.learningRate,
    output: s.output.mean,
    baseLoss: s.baseLoss.mean,
    mesaLoss: s.mesaLoss.mean,
    parameters: Object.fromEntries(Object.entries(s.parameters).map(([name, summary]) => [name, summary.mean])),
    actions: Object.fromEntries(equilibrium.actionNames.map((name, i) => [name, Float64Array.from({ length: episodes }, (_, n) => equilibrium.actions[n * m + i])])),
  };
}
