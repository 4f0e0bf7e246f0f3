/** Messages between the page and the solver worker. */
import type { ExperimentResult } from '../../src/experiment/experiment.ts';
import type { PortableGameResult } from '../../src/experiment/portableGameResult.ts';

/** Solve each config (untrusted: the worker validates it with the library's parsers). */
export interface SolveRequest {
  readonly id: number;
  readonly configs: readonly unknown[];
}

/**
 * Why a config produced no result: bad input (with the config path of the offending field),
 * a run that diverged, a bug, or a solve cancelled by newer input.
 */
export interface SolveFailure {
  readonly kind: 'input' | 'divergence' | 'internal' | 'cancelled';
  readonly field: string | null;
  readonly message: string;
}

/**
 * A config's run, on the pipeline the CLI would use (see runsOnSeedPipeline): a seed-model run
 * with the seed's result, or a general game's run with its expressions as text.
 */
export type Run = { readonly kind: 'seed'; readonly result: ExperimentResult } | { readonly kind: 'game'; readonly result: PortableGameResult };

/** A run, with the milliseconds the worker spent on it (validating, solving, playing out). */
export type SolveOutcome = { readonly ok: true; readonly run: Run; readonly milliseconds: number } | { readonly ok: false; readonly failure: SolveFailure };

export interface SolveResponse {
  readonly id: number;
  readonly outcomes: readonly SolveOutcome[];
}
