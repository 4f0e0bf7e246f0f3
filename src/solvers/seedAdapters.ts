/**
 * The seed-family solvers (grid, exact, reference) as game solvers: a game is in the seed family
 * when it has one parameter, the policy y = a·θ, the one-step gradient update, base objective
 * y² + λθ² (believed as it is) and mesa cost (y − θ)².
 */
import type { Game } from '../model/game.ts';
import { InputError } from '../errors/inputError.ts';
import type { LinearScenario } from '../model/scenario.ts';
import type { Solver } from './equilibrium.ts';
import { exactSolver } from './exact/exact.ts';
import type { GameSolver } from './gameSolver.ts';
import { gridSolver } from './grid/grid.ts';
import { lqForms } from './lq/lqForms.ts';
import { referenceSolver } from './reference/reference.ts';

/** The game as a LinearScenario, or the reason it is not in the seed family. */
export function asLinearScenario(game: Game): LinearScenario | string {
  if (game.parameters.length !== 1 || game.frozen.length !== 0) return 'it needs exactly one parameter and no frozen copies';
  if (game.policy.type !== 'linear') return 'it needs a linear policy';
  if (game.update.type !== 'gradient') return `it needs the one-step gradient update, not ${game.update.type}`;
  // A discrete policy is still the seed family, on its set of coefficients.
  const continuous = game.policy.type === 'linear' && game.policy.discrete ? { ...game, policy: { ...game.policy, discrete: false } } : game;
  const forms = lqForms(continuous);
  if (typeof forms === 'string') return forms;
  const { truth, qyy, w, qzz, alpha, mu, delta } = forms;
  const sameBelief = qyy === truth.qyy && w[0] === truth.w[0] && qzz[0] === truth.qzz[0];
  if (!sameBelief || qyy !== 1 || w[0] !== 0 || !(qzz[0] >= 0)) return 'it needs the base objective y² + λ·θ² (λ ≥ 0), believed as it is';
  if (alpha !== 1 || mu !== -1 || delta !== 1) return 'it needs the mesa cost (y − goal)²';
  const [parameter] = game.parameters;
  return {
    schedule: game.schedule,
    theta0: parameter.initial,
    prior: parameter.prior,
    coefficientGrid: game.actionGrid,
    discount: game.discount,
    regularizer: qzz[0],
    ...(game.tieRule && game.tieRule !== 'smallest' ? { tieRule: game.tieRule } : {}),
  };
}

/** A registered seed-family solver: its game form and its LinearScenario form. */
export interface LinearGameSolver extends GameSolver {
  readonly linear: Solver;
}

function adapt(solver: Solver, continuous: boolean): LinearGameSolver {
  const reason = (game: Game): string | null => {
    if (continuous && game.policy.type === 'linear' && game.policy.discrete) return `the ${solver.name} solver chooses continuous coefficients, and this policy is discrete`;
    const scenario = asLinearScenario(game);
    return typeof scenario === 'string' ? `the ${solver.name} solver handles the seed family only: ${scenario}` : null;
  };
  return {
    name: solver.name,
    description: solver.description,
    linear: solver,
    supports: reason,
    solve: (game) => {
      const why = reason(game);
      if (why !== null) throw new InputError('solver', why);
      const scenario = asLinearScenario(game) as LinearScenario;
      const { coefficients, ties, tieRule } = solver.solve(scenario);
      return { solver: solver.name, actionNames: ['a'], actions: coefficients, ties, tieRule };
    },
  };
}

export const exactGameSolver = adapt(exactSolver, true);
export const gridGameSolver = adapt(gridSolver, false);
export const referenceGameSolver = adapt(referenceSolver, false);
