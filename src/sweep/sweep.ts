/**
 * A sweep file (YAML or JSON):
 *
 *   name: training-x-deployment          # default: the file's name
 *   description: one line for the docs
 *   base: { schedule: { training: 20, deployment: 80 }, theta0: 0.8 }   # a scenario config
 *   sweep:                                # dotted config paths → values (see values.ts)
 *     schedule.training: { from: 1, to: 100, steps: 100 }
 *     schedule.deployment: [0, 100, 200]
 *   metrics: [firstCoefficient, goalRetained]   # default: every metric
 *   solver: grid                          # default: base.solver, else grid
 *   labels: { schedule.training: training episodes }   # axis titles for the figures
 *   logMetrics: [firstCoefficient]        # metrics drawn on a log scale in the figures
 *
 * `compileSweep` validates it where it enters: the shape with zod, each path against the base,
 * and each swept value by building that scenario (the other parameters at their first values),
 * so a typo or an out-of-range value fails before any point runs, naming the field.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InputError } from '../errors/inputError.ts';
import { metricNames, parseAnyConfig } from '../experiment/pipeline.ts';
import { zodIssueToInputError } from '../model/zodIssue.ts';
import { SOLVER_NAMES } from '../solvers/registry.ts';
import { checkPath, withOverrides, type JsonObject } from '../model/configPaths.ts';
import { getBuiltInScenario } from '../scenarios/registry.ts';
import { pointCount, type Axis } from './points.ts';
import { expandValues, parseValuesSpec, type SweepValue } from './values.ts';

/** The most points one sweep may have (its done-set then takes 12.5 MB). */
export const MAX_POINTS = 100_000_000;

const sweepFileSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, ".", "_" and "-" only').optional(),
  description: z.string().optional(),
  /** A scenario config, or the name of a built-in scenario with one config (e.g. uncertain-deployment). */
  base: z.union([z.string(), z.record(z.string(), z.unknown())]),
  sweep: z.record(z.string(), z.unknown()).refine((s) => Object.keys(s).length > 0, 'needs at least one parameter to sweep'),
  metrics: z.array(z.string()).min(1).optional(),
  solver: z.string().refine((name) => SOLVER_NAMES.includes(name), { error: `unknown solver; known: ${SOLVER_NAMES.join(', ')}` }).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  logMetrics: z.array(z.string()).optional(),
});

/** A validated sweep file, as plain JSON (it is what workers and queue jobs receive). */
export type SweepSpec = z.infer<typeof sweepFileSchema> & { name: string };

/** A sweep ready to run: its axes expanded and everything checked. */
export interface Sweep {
  readonly name: string;
  readonly description: string;
  /** The spec it was compiled from (with its name filled in): `compileSweep(spec)` rebuilds it. */
  readonly spec: SweepSpec;
  /** The base config with the sweep's solver applied. */
  readonly base: JsonObject;
  readonly axes: readonly Axis[];
  readonly paths: readonly string[];
  /** Metric names recorded for each point, in this order. */
  readonly metrics: readonly string[];
  readonly points: number;
  /** A hash of everything that determines the results: base, axes, metrics. */
  readonly fingerprint: string;
  /** Titles for figure axes by path or metric name (default: the name itself). */
  readonly labels: Readonly<Record<string, string>>;
  /** Metrics whose figures use a log scale for the value (colour or y). */
  readonly logMetrics: readonly string[];
}

/** A built-in scenario's config as a sweep's base; a built-in that runs several configs cannot be one. */
function builtInBase(name: string): JsonObject {
  const { configs } = getBuiltInScenario(name);
  if (configs.length !== 1) throw new InputError('base', `"${name}" runs ${configs.length} configs; name one of them or write the base out (mesalab list shows the built-ins)`);
  return structuredClone(configs[0]) as JsonObject;
}

/** Validates untrusted input (a parsed sweep file) and compiles it. */
export function compileSweep(input: unknown, defaultName = 'sweep'): Sweep {
  const parsed = sweepFileSchema.safeParse(input);
  if (!parsed.success) {
    throw zodIssueToInputError(parsed.error, 'sweep file', (path) => (path === '' ? Object.keys(sweepFileSchema.shape) : undefined));
  }
  const spec: SweepSpec = { ...parsed.data, name: parsed.data.name ?? defaultName };
  const given = typeof spec.base === 'string' ? builtInBase(spec.base) : spec.base;
  const base: JsonObject = spec.solver === undefined ? given : { ...given, solver: spec.solver };
  const axes = Object.entries(spec.sweep).map(([path, values]) => compileAxis(base, path, values));
  const points = pointCount(axes);
  if (points > MAX_POINTS) throw new InputError('sweep', `has ${points} points; at most ${MAX_POINTS} are allowed`);
  // Values first: a bad base or axis value is reported under its own field, not as a metrics error.
  checkAxisValues(base, axes);
  const metrics = checkMetrics(spec.metrics, base, axes);
  (spec.logMetrics ?? []).forEach((name, i) => {
    if (!metrics.includes(name)) throw new InputError(`logMetrics[${i}]`, `"${name}" is not one of the recorded metrics: ${metrics.join(', ')}`);
  });
  return {
    name: spec.name,
    description: spec.description ?? '',
    spec,
    base,
    axes,
    paths: axes.map((a) => a.path),
    metrics,
    points,
    fingerprint: fingerprintOf(base, axes, metrics),
    labels: spec.labels ?? {},
    logMetrics: spec.logMetrics ?? [],
  };
}

function compileAxis(base: JsonObject, path: string, input: unknown): Axis {
  const field = `sweep.${path}`;
  checkPath(base, path, field);
  const spec = parseValuesSpec(input, field);
  const values = expandValues(spec, field);
  return { path, values, log: !Array.isArray(spec) && 'log' in spec && spec.log === true };
}

/**
 * The metrics the sweep's first point records (seed metrics on the seed pipeline, the game's
 * flat metrics otherwise; a point where one does not exist records null).
 */
function knownMetrics(base: JsonObject, axes: readonly Axis[]): string[] {
  const first = withOverrides(base, axes.map((a) => a.path), axes.map((a) => a.values[0]));
  try {
    return metricNames(parseAnyConfig(first));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return metricNames(parseAnyConfig(base));
  }
}

function checkMetrics(requested: readonly string[] | undefined, base: JsonObject, axes: readonly Axis[]): string[] {
  const known = knownMetrics(base, axes);
  if (requested === undefined) return known;
  requested.forEach((name, i) => {
    if (!known.includes(name)) throw new InputError(`metrics[${i}]`, `unknown metric "${name}"; known: ${known.join(', ')}`);
  });
  return [...requested];
}

/**
 * Builds the scenario of every value of every axis, the other axes at their first values (then,
 * if that fails, at their middle and at their last values): a bad base is reported under its own
 * field, a value that makes no valid scenario under `sweep.<path>`. Points that combine valid
 * values into an invalid scenario (training + deployment = 0) are recorded with their error.
 */
function checkAxisValues(base: JsonObject, axes: readonly Axis[]): void {
  const paths = axes.map((a) => a.path);
  const attempt = (values: SweepValue[]) => {
    try {
      parseAnyConfig(withOverrides(base, paths, values));
      return undefined;
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
  };
  const at = (where: (size: number) => number) => axes.map((a) => a.values[where(a.values.length)]);
  const others = [at(() => 0), at((n) => Math.floor((n - 1) / 2)), at((n) => n - 1)];
  const baseError = attempt(others[0]);
  const related = (field: string) => paths.some((p) => field === p || field.startsWith(`${p}.`) || field.startsWith(`${p}[`) || p.startsWith(`${field}.`));
  if (baseError && !related(baseError.field)) throw new InputError('base', baseError.message);
  axes.forEach((axis, a) => {
    for (const value of checkedValues(axis.values)) {
      let error: InputError | undefined;
      for (const other of others) {
        error = attempt(other.map((v, i) => (i === a ? value : v)));
        if (error === undefined) break;
      }
      if (error) throw new InputError(`sweep.${axis.path}`, `value ${JSON.stringify(value)} is invalid: ${error.message}`);
    }
  });
}

/** Values of an axis checked before the run: all of up to 1,000, else its ends, extremes and 1,000 evenly spaced. */
const CHECKED_VALUES = 1000;

/**
 * Checking each of 10⁶ values builds 10⁶ scenarios (a minute) before the first point runs; a
 * sample is enough to catch a wrong range, and any value left unchecked that makes no valid
 * scenario is still recorded as that point's error, never a crash.
 */
function checkedValues(values: readonly SweepValue[]): SweepValue[] {
  if (values.length <= CHECKED_VALUES) return [...values];
  const sample = Array.from({ length: CHECKED_VALUES }, (_, i) => values[Math.round((i * (values.length - 1)) / (CHECKED_VALUES - 1))]);
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length > 0) sample.push(numbers.reduce((a, b) => Math.min(a, b)), numbers.reduce((a, b) => Math.max(a, b)));
  return sample;
}

function fingerprintOf(base: JsonObject, axes: readonly Axis[], metrics: readonly string[]): string {
  const canonical = JSON.stringify([sortKeys(base), axes.map((a) => [a.path, a.values]), metrics]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** A copy with every map's keys sorted, so key order in the file does not change the fingerprint. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as JsonObject)[k])]),
  );
}
