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
  const sweep = compileCached(task.spec);
  // Queue jobs come from Redis: check the ids as well as the spec.
  const bad = task.ids.find((id) => !Number.isInteger(id) || id < 0 || id >= sweep.points);
  if (bad !== undefined) throw new RangeError(`point id ${String(bad)} is not in ${sweep.name}, which has ${sweep.points} points`);
  return evaluateBatch(sweep, task.ids);
}

export default runBatchTask;
