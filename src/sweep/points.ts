/**
 * The points of a sweep: the cartesian product of its axes in nested-loop order. The first
 * swept parameter varies slowest and the last fastest, so point i has the mixed-radix digits of
 * i, the last axis's digit least significant. A point's id is its index in that order; its key
 * is a hash of its parameter values, so a results row can be checked against the sweep it
 * claims to belong to.
 */
import { createHash } from 'node:crypto';
import type { SweepValue } from './values.ts';

/** One swept parameter: the config path it writes and the values it takes, in order. */
export interface Axis {
  readonly path: string;
  readonly values: readonly SweepValue[];
  /** True for log ranges, so figures can use a log scale. */
  readonly log: boolean;
}

/** The number of points: the product of the axes' sizes (1 for no axes). */
export function pointCount(axes: readonly Axis[]): number {
  return axes.reduce((count, axis) => count * axis.values.length, 1);
}

/** The parameter values of point `index` (0 ≤ index < pointCount), one per axis, in axis order. */
export function pointValues(axes: readonly Axis[], index: number): SweepValue[] {
  const values: SweepValue[] = new Array<SweepValue>(axes.length);
  let rest = index;
  for (let a = axes.length - 1; a >= 0; a--) {
    const size = axes[a].values.length;
    values[a] = axes[a].values[rest % size];
    rest = Math.floor(rest / size);
  }
  return values;
}

/** A stable 16-hex-digit key of a point's values (the same on every machine and run). */
export function pointKey(values: readonly SweepValue[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16);
}
