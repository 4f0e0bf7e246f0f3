import { compileGame, gradientStep } from '../model/gameFunctions.ts';
import type { Game } from '../model/game.ts';
import { DivergenceError, InputError } from '../errors/inputError.ts';
import type { GameEquilibrium } from '../solvers/gameSolver.ts';
import { seedAsGameTrajectory, type GameTrajectory } from './gameTrajectory.ts';
import { rolloutHistory, type HistoryRule } from './historyRollout.ts';

/**
 * Plays an equilibrium from the parameters' initial values under the true base objective:
 * y_n = π_{k_n}(s_n), s_{n+1} = s_n − ℓ_n·∇_s ℓ_base(π_{k_n}(s), s). Deterministic update rules
 * only; throws DivergenceError at the first episode whose numbers overflow.
 */
export function rolloutGame(game: Game, equilibrium: GameEquilibrium): GameTrajectory {
  if (game.update.type === 'gradient-all' || game.update.type === 'full') return rolloutHistoryGame(game, equilibrium);
  if (game.update.type !== 'gradient') {
    throw new InputError('update', `a deterministic rollout needs a deterministic update, not "${game.update.type}"`);
  }
  const episodes = game.schedule.length;
  const names = game.parameters.map((p) => p.name);
  const m = equilibrium.actionNames.length;
  const fns = compileGame(game);
  const t: GameTrajectory = {
    episode: Float64Array.from({ length: episodes }, (_, n) => n),
    learningRate: Float64Array.from(game.schedule),
    output: new Float64Array(episodes),
    baseLoss: new Float64Array(episodes),
    mesaLoss: new Float64Array(episodes),
    parameters: Object.fromEntries(names.map((name) => [name, new Float64Array(episodes + 1)])),
    actions: Object.fromEntries(equilibrium.actionNames.map((name, i) => [name, Float64Array.from({ length: episodes }, (_, n) => equilibrium.actions[n * m + i])])),
  };
  let state = Float64Array.from(game.parameters, (p) => p.initial);
  let next = new Float64Array(state.length);
  const scratch = { values: new Float64Array(state.length + 1), slope: new Float64Array(state.length) };
  const record = (n: number) => names.forEach((name, j) => (t.parameters[name][n] = state[j]));
  for (let n = 0; n < episodes; n++) {
    record(n);
    const action = equilibrium.actions.subarray(n * m, (n + 1) * m);
    const y = gradientStep(game, fns.base, action, state, game.schedule[n], next, scratch);
    t.output[n] = y;
    t.baseLoss[n] = fns.base.value(scratch.values);
    t.mesaLoss[n] = fns.mesa([y, state[game.goal]]);
    if (!next.every(Number.isFinite) || !Number.isFinite(t.baseLoss[n])) throw new DivergenceError(n, 'a parameter');
    [state, next] = [next, state];
  }
  record(episodes);
  return t;
}

/** The history update rules (seed game only: the history solver checks it), as a game trajectory. */
function rolloutHistoryGame(game: Game, equilibrium: GameEquilibrium): GameTrajectory {
  const { update } = game;
  const rule: HistoryRule = update.type === 'full' ? { kind: 'full' } : { kind: 'steps', data: 'all', steps: update.type === 'gradient-all' ? update.steps : 1 };
  const t = rolloutHistory(game.schedule, equilibrium.actions, rule, game.parameters[0].initial);
  return seedAsGameTrajectory(t, game.parameters[0].name, equilibrium.actionNames[0]);
}
