/**
 * The solver worker: validates each config with the library's parseScenarioConfig and runs the
 * same runExperiment as the CLI, off the page's main thread. Results go back with their
 * Float64Arrays transferred, not copied.
 */
import { runExperiment, type ExperimentResult } from '../../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { DivergenceError, InputError } from '../../src/model/inputError.ts';
import type { SolveFailure, SolveOutcome, SolveRequest, SolveResponse } from './protocol.ts';
import { ownMessage } from './setting.ts';

self.onmessage = (event: MessageEvent<SolveRequest>) => {
  const { id, configs } = event.data;
  const outcomes = configs.map(solveOne);
  const transfer = outcomes.flatMap((o) => (o.ok ? buffersOf(o.result) : []));
  const response: SolveResponse = { id, outcomes };
  self.postMessage(response, { transfer });
};

function solveOne(config: unknown): SolveOutcome {
  try {
    return { ok: true, result: runExperiment(parseScenarioConfig(config)) };
  } catch (error) {
    return { ok: false, failure: describeFailure(error) };
  }
}

function describeFailure(error: unknown): SolveFailure {
  if (error instanceof InputError) return { kind: 'input', field: error.field, message: ownMessage(error) };
  if (error instanceof DivergenceError) return { kind: 'divergence', field: null, message: error.message };
  return { kind: 'internal', field: null, message: error instanceof Error ? error.message : String(error) };
}

/** Every distinct buffer of the result's arrays (a buffer may be listed only once). */
function buffersOf(result: ExperimentResult): ArrayBuffer[] {
  const arrays = [...Object.values(result.trajectory), result.equilibrium.coefficients, result.config.scenario.schedule];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
