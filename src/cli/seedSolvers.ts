/**
 * The seed family's solvers for the CLI's seed `solve`, each loading only its own module: the
 * registry (solvers/registry.ts) imports every solver and, with them, the game engine and the
 * expression parser, which a 100-episode seed solve does not use. The registry stays the one list
 * of solvers; this map only says where each seed solver's module is, keyed by SolverName so a new
 * seed-family solver fails to compile until it has a line here (test/cli/seedSolve.test.ts checks
 * that each entry is the registry's own solver).
 */
import type { Solver, SolverName } from '../solvers/equilibrium.ts';

const LOADERS: Readonly<Record<SolverName, () => Promise<Solver>>> = {
  grid: async () => (await import('../solvers/grid/grid.ts')).gridSolver,
  exact: async () => (await import('../solvers/exact/exact.ts')).exactSolver,
  reference: async () => (await import('../solvers/reference/reference.ts')).referenceSolver,
};

export const SEED_SOLVER_NAMES = Object.keys(LOADERS) as SolverName[];

/** The seed solver called `name`, loaded alone; undefined for any other name (auto, lq, a typo: the registry's). */
export function loadSeedSolver(name: string): Promise<Solver> | undefined {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name as SolverName]() : undefined;
}
