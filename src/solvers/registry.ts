import { InputError } from '../model/inputError.ts';
import type { Solver, SolverName } from './equilibrium.ts';
import { exactSolver } from './exact.ts';
import { gridSolver } from './grid.ts';
import { referenceSolver } from './reference.ts';

/** Every solver of linear scenarios, by name: the one place a name is looked up. */
export const SOLVERS: Readonly<Record<SolverName, Solver>> = {
  grid: gridSolver,
  exact: exactSolver,
  reference: referenceSolver,
};

export const SOLVER_NAMES = Object.keys(SOLVERS) as SolverName[];

export function isSolverName(name: string): name is SolverName {
  return Object.hasOwn(SOLVERS, name);
}

/** The solver called `name`; an InputError listing the known ones otherwise. */
export function getSolver(name: string, field = 'solver'): Solver {
  if (!isSolverName(name)) throw new InputError(field, `unknown solver "${name}"; known: ${SOLVER_NAMES.join(', ')}`);
  return SOLVERS[name];
}
