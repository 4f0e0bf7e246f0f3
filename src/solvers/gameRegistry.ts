import type { Game } from '../model/game.ts';
import { InputError } from '../model/inputError.ts';
import { dpGameSolver } from './dp.ts';
import type { GameSolver } from './gameSolver.ts';
import { GAME_SOLVER_NAME_LIST } from './gameSolverNames.ts';
import { historySolver } from './historySolver.ts';
import { lqSolver } from './lq.ts';
import { neuralSolver } from './neural.ts';
import { exactGameSolver, gridGameSolver, referenceGameSolver } from './seedAdapters.ts';

/**
 * Every solver of general games, most exact first: `--solver auto` takes the first that supports
 * the game. grid and reference solve the seed's discretised game and are never picked by auto.
 */
export const GAME_SOLVERS: readonly GameSolver[] = [exactGameSolver, lqSolver, historySolver, dpGameSolver, neuralSolver, gridGameSolver, referenceGameSolver];

const AUTO_EXCLUDED = new Set(['grid', 'reference']);

export const GAME_SOLVER_NAMES = ['auto', ...GAME_SOLVERS.map((s) => s.name)];

/** Solvers that honour every tie rule; the others refuse a rule other than 'smallest'. */
const ALL_TIE_RULES = new Set(['history']);

/** A solver's reason not to solve the game, the tie rule included. */
function whyNot(solver: GameSolver, game: Game): string | null {
  if ((game.tieRule ?? 'smallest') !== 'smallest' && !ALL_TIE_RULES.has(solver.name)) return `only the tie rule "smallest" (asked: "${game.tieRule}")`;
  return solver.supports(game);
}
if (GAME_SOLVER_NAMES.join() !== GAME_SOLVER_NAME_LIST.join()) throw new Error('gameSolverNames.ts is out of date with GAME_SOLVERS');

/** The solver called `name` ("auto": the most exact that supports the game); errors say why not. */
export function chooseGameSolver(name: string, game: Game, field = 'solver'): GameSolver {
  if (name === 'auto') {
    const candidates = GAME_SOLVERS.filter((s) => !AUTO_EXCLUDED.has(s.name));
    const found = candidates.find((s) => whyNot(s, game) === null);
    if (found) return found;
    throw new InputError(field, `no solver supports this game (${candidates.map((s) => `${s.name}: ${whyNot(s, game)}`).join('; ')})`);
  }
  const solver = GAME_SOLVERS.find((s) => s.name === name);
  if (!solver) throw new InputError(field, `unknown solver "${name}"; known: ${GAME_SOLVER_NAMES.join(', ')}`);
  const reason = whyNot(solver, game);
  if (reason !== null) throw new InputError(field, `${name} cannot solve this game: ${reason}`);
  return solver;
}
