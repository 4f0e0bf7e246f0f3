/**
 * The one solver registry. Every solver is a GameSolver ({ name, description, supports, solve });
 * every name list — `--solver` help, the schema's check, `auto`'s order, the explorer's picker —
 * is derived from SOLVERS. Adding a solver is its file in its family folder plus one line here.
 *
 * The seed family's solvers (grid, exact, reference) also expose their LinearScenario form
 * (`linear`), which the seed pipeline calls directly so its contract stays the seed's.
 */
import { InputError } from '../errors/inputError.ts';
import { SOLVER_NAME_LIST } from './solverNames.ts';
import { extensionOf } from '../model/extensions.ts';
import type { Game } from '../model/game.ts';
import { dpGameSolver } from './dp/dp.ts';
import type { Solver, SolverName } from './equilibrium.ts';
import type { GameSolver } from './gameSolver.ts';
import { corridorSolver } from './corridor/corridorSolver.ts';
import { historySolver } from './history/historySolver.ts';
import { infiniteHorizonSolver } from './infiniteHorizon/infiniteHorizonSolver.ts';
import { trainedDiscountSolver } from './trainedDiscount/trainedDiscountSolver.ts';
import { uncertainDeploymentSolver } from './uncertainDeployment/uncertainDeploymentSolver.ts';
import { lqSolver } from './lq/lq.ts';
import { neuralSolver } from './neural/neural.ts';
import { exactGameSolver, gridGameSolver, referenceGameSolver, type LinearGameSolver } from './seedAdapters.ts';

/** Every solver, most exact first: `auto` takes the first that supports the scenario and may pick it. */
export const SOLVERS: readonly GameSolver[] = [
  exactGameSolver,
  lqSolver,
  historySolver,
  dpGameSolver,
  neuralSolver,
  // The extensions' solvers (each plays only scenarios that set its field).
  infiniteHorizonSolver,
  trainedDiscountSolver,
  uncertainDeploymentSolver,
  corridorSolver,
  gridGameSolver,
  referenceGameSolver,
];

/** grid and reference solve the seed's discretised game (the oracle), never chosen by auto. */
const AUTO_EXCLUDED: ReadonlySet<string> = new Set(['grid', 'reference']);

/** Every name `--solver` and the schema's `solver` field accept, `auto` first. */
export const SOLVER_NAMES: readonly string[] = ['auto', ...SOLVERS.map((s) => s.name)];
if (SOLVER_NAMES.join() !== SOLVER_NAME_LIST.join()) throw new Error('solvers/solverNames.ts is out of date with SOLVERS');

const isLinear = (s: GameSolver): s is LinearGameSolver => 'linear' in s;

/** The seed family's solvers (LinearScenario in, coefficients out), by name. */
export const LINEAR_SOLVERS: readonly Solver[] = SOLVERS.filter(isLinear).map((s) => s.linear);

export const LINEAR_SOLVER_NAMES = LINEAR_SOLVERS.map((s) => s.name);

export function isSolverName(name: string): name is SolverName {
  return LINEAR_SOLVERS.some((s) => s.name === name);
}

const unknown = (name: string, field: string) => new InputError(field, `unknown solver "${name}"; known: ${SOLVER_NAMES.join(', ')}`);

/** A seed-family solver by name; an InputError listing every known solver otherwise. */
export function getSolver(name: string, field = 'solver'): Solver {
  const found = LINEAR_SOLVERS.find((s) => s.name === name);
  if (found) return found;
  if (SOLVER_NAMES.includes(name)) throw new InputError(field, `${name} does not run on the seed pipeline; the seed family's solvers are ${LINEAR_SOLVER_NAMES.join(', ')}`);
  throw unknown(name, field);
}

/** Throws unless `name` is a registered solver or "auto" (checked where input enters). */
export function checkSolverName(name: string, field = 'solver'): string {
  if (!SOLVER_NAMES.includes(name)) throw unknown(name, field);
  return name;
}

/** Solvers that honour every tie rule; the others refuse a rule other than 'smallest'. */
const ALL_TIE_RULES = new Set(['history', 'infinite-horizon', 'corridor']);

/** A solver's reason not to solve the game, the extension and the tie rule included. */
function whyNot(solver: GameSolver, game: Game): string | null {
  const extension = extensionOf(game);
  if (extension !== (solver.extension ?? null)) {
    if (extension === null) return `it plays the ${solver.extension} field, which this scenario does not set`;
    const players = SOLVERS.filter((s) => s.extension === extension).map((s) => s.name);
    return `it does not play the ${extension} field (${players.join(', ')} does)`;
  }
  if ((game.tieRule ?? 'smallest') !== 'smallest' && !ALL_TIE_RULES.has(solver.name)) return `only the tie rule "smallest" (asked: "${game.tieRule}")`;
  return solver.supports(game);
}

/** The solver called `name` ("auto": the most exact that supports the game); errors say why not. */
export function chooseSolver(name: string, game: Game, field = 'solver'): GameSolver {
  if (name === 'auto') {
    const candidates = SOLVERS.filter((s) => !AUTO_EXCLUDED.has(s.name));
    const found = candidates.find((s) => whyNot(s, game) === null);
    if (found) return found;
    // A scenario with an extension can only be played by that extension's solvers: name just them.
    const extension = extensionOf(game);
    const relevant = extension === null ? candidates.filter((s) => s.extension === undefined) : candidates.filter((s) => s.extension === extension);
    throw new InputError(field, `no solver supports this game (${relevant.map((s) => `${s.name}: ${whyNot(s, game)}`).join('; ')})`);
  }
  const solver = SOLVERS.find((s) => s.name === name);
  if (!solver) throw unknown(name, field);
  const reason = whyNot(solver, game);
  if (reason !== null) throw new InputError(field, `${name} cannot solve this game: ${reason}`);
  return solver;
}
