import type { ParsedConfig } from '../model/config.ts';
import { getSolver } from '../solvers/registry.ts';
import { runWithSolver, type ExperimentResult } from './seedRun.ts';

export type { ExperimentResult } from './seedRun.ts';

/** Solves the config's scenario (with `solver` if given, else the config's) and plays it out. */
export function runExperiment(config: ParsedConfig, solver: string = config.solver): ExperimentResult {
  return runWithSolver(config, getSolver(solver));
}
