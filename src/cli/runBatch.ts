/**
 * `run` and `solve`'s shared step: run a batch of configs and present the results. A batch of
 * typed seed-family configs (solve's flags, a seed-family built-in) without --set takes the seed
 * path (seedRuns.ts: no schema, no registry); anything else, or a solver that is not a seed
 * solver, goes through the one pipeline, which validates every config. Either way the same
 * configs give the same results.
 */
import type { ConfigSource } from '../experiment/pipeline.ts';
import type { PresentOptions } from './present.ts';
import type { SeedSource } from './seedRuns.ts';
import type { ScenarioOptions } from './settings.ts';

/** Typed seed-family configs, or configs of any kind for the pipeline to validate. */
export type Batch = { readonly seedFamily: readonly SeedSource[] } | { readonly configs: readonly ConfigSource[] };

export interface BatchOptions extends ScenarioOptions {
  /** Overrides each config's own solver (--solver). */
  solver?: string;
}

/** Runs `batch` with the command's options and presents the results (table or JSON, files with --out). */
export async function runBatch(batch: Batch, options: BatchOptions, present: PresentOptions): Promise<void> {
  const [presenter, { applySettings, monteCarloOptions }, { withSolveProgress }] = await Promise.all([import('./present.ts'), import('./settings.ts'), import('./solveProgress.ts')]);
  if ('seedFamily' in batch && options.set === undefined) {
    monteCarloOptions(options); // checked as on the pipeline, though no seed run is stochastic
    const { runSeedSources } = await import('./seedRuns.ts');
    const results = await runSeedSources(batch.seedFamily, options.solver, withSolveProgress);
    if (results !== undefined) return presenter.presentResults(results, present);
  }
  const { runConfigs } = await import('../experiment/pipeline.ts');
  const sources = applySettings('seedFamily' in batch ? batch.seedFamily : batch.configs, options);
  await presenter.presentPipelineResults(runConfigs(sources, options.solver, monteCarloOptions(options), withSolveProgress), present);
}
