/**
 * The solver worker: runs each config exactly as `mesalab run` would (runConfig.ts), off the
 * page's main thread. Results go back with their Float64Arrays transferred, not copied.
 */
import { DivergenceError, InputError } from '../../src/errors/inputError.ts';
import type { Run, SolveFailure, SolveOutcome, SolveRequest, SolveResponse } from './protocol.ts';
import { runConfig } from './runConfig.ts';
import { ownMessage } from './setting.ts';
import { ownsBuffer } from '../../src/index.ts';

self.onmessage = (event: MessageEvent<SolveRequest>) => {
  const { id, configs } = event.data;
  const outcomes = configs.map(solveOne);
  const transfer = [...new Set(outcomes.flatMap((o) => (o.ok ? buffersOf(o.run) : [])))];
  const response: SolveResponse = { id, outcomes };
  self.postMessage(response, { transfer });
};

function solveOne(config: unknown): SolveOutcome {
  try {
    const started = performance.now();
    const run = runConfig(config);
    return { ok: true, run, milliseconds: performance.now() - started };
  } catch (error) {
    return { ok: false, failure: describeFailure(error) };
  }
}

function describeFailure(error: unknown): SolveFailure {
  if (error instanceof InputError) return { kind: 'input', field: error.field, message: ownMessage(error) };
  if (error instanceof DivergenceError) return { kind: 'divergence', field: null, message: error.message };
  return { kind: 'internal', field: null, message: error instanceof Error ? error.message : String(error) };
}

/**
 * The buffers of the arrays this run made (trajectory, equilibrium, Monte Carlo bands), each
 * once. Arrays of the parsed config are copied, never transferred: the default grid and prior
 * and recently built schedules are shared between runs (model/scenario.ts, model/config.ts), and
 * a transferred buffer is gone from the worker — so a trajectory column that is the schedule
 * itself stays behind too.
 */
function buffersOf(run: Run): ArrayBuffer[] {
  const { trajectory, equilibrium } = run.result;
  const schedule = run.kind === 'seed' ? run.result.config.scenario.schedule : run.result.config.game.schedule;
  const roots: unknown[] = [trajectory, equilibrium, run.kind === 'game' ? run.result.stochastic : undefined];
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    // A short array may share its buffer with others (float64Slab.ts): it is copied, not moved.
    if (value instanceof Float64Array && ownsBuffer(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  roots.forEach(visit);
  buffers.delete(schedule.buffer as ArrayBuffer);
  return [...buffers];
}
