/**
 * The worker-thread side of the pool (piscina loads this file in each thread): evaluates a batch
 * of points and returns their JSON Lines. The spec arrives with every task; the compiled sweep is
 * kept until a different spec arrives, so a thread compiles each sweep once.
 */
import { evaluateBatch } from './evaluate.ts';
import { compileSweep, type Sweep, type SweepSpec } from './sweep.ts';

export interface BatchTask {
  spec: SweepSpec;
  ids: readonly number[];
}

let cached: { json: string; sweep: Sweep } | undefined;

export function compileCached(spec: SweepSpec): Sweep {
  const json = JSON.stringify(spec);
  if (cached?.json !== json) cached = { json, sweep: compileSweep(spec, spec.name) };
  return cached.sweep;
}

export function runBatchTask(task: BatchTask): string {
  return evaluateBatch(compileCached(task.spec), task.ids);
}

export default runBatchTask;
