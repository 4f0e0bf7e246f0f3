/** Messages between the page and the solver worker. */
import type { ExperimentResult } from '../../src/experiment/experiment.ts';

/** Solve each config (untrusted: the worker validates it with parseScenarioConfig). */
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

export type SolveOutcome = { readonly ok: true; readonly result: ExperimentResult } | { readonly ok: false; readonly failure: SolveFailure };

export interface SolveResponse {
  readonly id: number;
  readonly outcomes: readonly SolveOutcome[];
}
