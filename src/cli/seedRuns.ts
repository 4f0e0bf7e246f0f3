/**
 * Seed runs whose configs are typed data — `mesalab solve`'s flags, a built-in seed-family
 * scenario — without --set: their shape is right by construction, so they need neither the
 * schema's shape check (zod) nor the solver registry (every solver, the game engine). Each config
 * is built as parseScenarioConfig builds it after zod (model/parsedConfig.ts) and solved by the
 * one seed solver it asks for, loaded alone, as the pipeline's seed branch does: the same results
 * (test/cli/seedRuns.test.ts), with a start-up that loads neither.
 */
import { buildParsedConfig, type SeedConfigFields } from '../model/parsedConfig.ts';
import { runWithSolver, sizeOf, type ExperimentResult } from '../experiment/seedRun.ts';
import type { SolveWrapper } from '../experiment/solveSize.ts';
import { loadSeedSolver } from './seedSolvers.ts';

/** A typed seed-family config and the name it takes if it names none itself. */
export interface SeedSource {
  readonly config: SeedConfigFields;
  readonly defaultName: string;
}

/**
 * Runs every config with `solver` (else each config's own, grid when it names none), as runConfigs
 * would on the seed pipeline; undefined, having run nothing, when a solver is not a seed solver
 * (auto, a game solver, a typo: the pipeline's to run or refuse).
 */
export async function runSeedSources(sources: readonly SeedSource[], solver: string | undefined, wrap: SolveWrapper): Promise<ExperimentResult[] | undefined> {
  const names = sources.map(({ config }) => solver ?? config.solver ?? 'grid');
  const loads = names.map(loadSeedSolver);
  if (loads.some((load) => load === undefined)) return undefined;
  const solvers = await Promise.all(loads);
  return sources.map(({ config, defaultName }, i) => {
    const parsed = buildParsedConfig(config, defaultName);
    return wrap(parsed.name, () => ({ solver: names[i], size: sizeOf(parsed) }), () => runWithSolver(parsed, solvers[i]!));
  });
}
