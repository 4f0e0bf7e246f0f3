/**
 * One sweep point: the base config with the point's values written in, run through the one
 * pipeline (seed or game, as `mesalab run` would run it), and its flat metrics recorded with
 * its parameters. A point whose scenario is invalid (training + deployment = 0) or diverges is a
 * result too: its row carries the error instead of metrics, so every point still appears once.
 */
import { DivergenceError, InputError } from '../errors/inputError.ts';
import { runToFlatMetrics } from '../experiment/pipeline.ts';
import { withOverrides } from '../model/configPaths.ts';
import { pointKey, pointValues } from './points.ts';
import type { Sweep } from './sweep.ts';
import type { SweepValue } from './values.ts';

/** One line of results.jsonl. */
export interface SweepRow {
  /** The point's index in nested-loop order (see points.ts). */
  id: number;
  /** A hash of the parameter values, checked on resume and merge. */
  key: string;
  /** Swept path → value, in axis order. */
  params: Record<string, SweepValue>;
  /** The requested metrics, in the sweep's order (null where a metric does not exist). */
  metrics?: Record<string, number | null>;
  /** Why the point has no metrics: its scenario is invalid or diverged. */
  error?: string;
}

export function evaluatePoint(sweep: Sweep, id: number): SweepRow {
  const values = pointValues(sweep.axes, id);
  const params = Object.fromEntries(sweep.paths.map((path, i) => [path, values[i]]));
  const row: SweepRow = { id, key: pointKey(values), params };
  try {
    const all = runToFlatMetrics(withOverrides(sweep.base, sweep.paths, values), sweep.name);
    row.metrics = Object.fromEntries(sweep.metrics.map((name) => [name, all[name] ?? null]));
  } catch (error) {
    if (!(error instanceof InputError || error instanceof DivergenceError)) throw error;
    row.error = error.message;
  }
  return row;
}

/** The JSON Lines text of a batch of points: one complete line per point, in the order given. */
export function evaluateBatch(sweep: Sweep, ids: readonly number[]): string {
  let text = '';
  for (const id of ids) text += `${JSON.stringify(evaluatePoint(sweep, id))}\n`;
  return text;
}
