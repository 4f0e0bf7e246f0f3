/**
 * `mesalab solve` without --set: its config is the typed flags (schedule, theta0, discount,
 * regularizer), always in the seed family, so it needs neither the schema's shape check (zod) nor
 * the solver registry. It builds the parsed config as parseScenarioConfig does after zod
 * (model/parsedConfig.ts) and runs the one seed solver asked for, as the pipeline's seed branch
 * does: the same result, with a start-up that loads neither.
 */
import type { SeedConfigFields } from '../model/parsedConfig.ts';
import { buildParsedConfig } from '../model/parsedConfig.ts';
import { runWithSolver, sizeOf, type ExperimentResult } from '../experiment/seedRun.ts';
import type { SolveWrapper } from '../experiment/solveSize.ts';
import type { Solver } from '../solvers/equilibrium.ts';

/** Solves the flags' config with `solver` (as runConfigs would on the seed pipeline). */
export function solveSeedConfig(config: SeedConfigFields, solver: Solver, wrap: SolveWrapper): ExperimentResult {
  const parsed = buildParsedConfig(config, 'custom');
  return wrap(parsed.name, () => ({ solver: solver.name, size: sizeOf(parsed) }), () => runWithSolver(parsed, solver));
}
