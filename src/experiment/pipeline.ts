/**
 * Which pipeline runs a config. A seed-family config (no game-only field) asked for a seed solver
 * (grid, exact, reference; grid when it names none) runs on the seed pipeline, whose result,
 * figure and JSON contract are the seed's; everything else runs as a general game. The CLI and
 * the browser explorer both decide with this, so they show the same run for the same config.
 */
import { usesGameFields } from '../model/gameFields.ts';
import { isSolverName } from '../solvers/registry.ts';

/** `solver` overrides the config's own solver (the CLI's --solver). */
export function runsOnSeedPipeline(config: unknown, solver?: string): boolean {
  if (usesGameFields(config)) return false;
  const requested = solver ?? (config as { solver?: unknown } | null)?.solver ?? 'grid';
  return typeof requested === 'string' && isSolverName(requested);
}
