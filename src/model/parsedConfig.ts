/**
 * A seed-family config once its shape is known to be right: the scenario to solve and how to
 * present it. config.ts checks untrusted input's shape with zod and builds the result here; the
 * CLI's seed runs, whose fields come from typed flags or typed built-in scenarios, build it here
 * directly, so their start-up loads no zod. Ranges are checked here (by linearScenario and
 * checkRange), on both paths.
 */
import type { TieRuleName } from './tieRuleName.ts';
import { InputError } from '../errors/inputError.ts';
import { linspace } from '../numerics/linspace.ts';
import { checkRange } from './numbers.ts';
import { linearScenario, type LinearScenario } from './scenario.ts';
import { MAX_EPISODES, trainThenDeploy } from './schedule.ts';

/** The defaults of a {training, deployment, learningRate} schedule's fields (the schema's too). */
export const SCHEDULE_DEFAULTS = { deployment: 0, learningRate: 1 } as const;

/** A `schedule` field of the right shape: a spec, a list of rates, or training then deployment. */
export type ScheduleField = string | number[] | { training: number; deployment?: number; learningRate?: number };

/** A points field of the right shape: a list, or {min, max, count} for evenly spaced points. */
export type PointsField = number[] | { min: number; max: number; count: number };

/** The fields of a seed-family config of the right shape (scenarioConfigSchema's input or output). */
export interface SeedConfigFields {
  name?: string;
  description?: string;
  schedule: ScheduleField;
  theta0?: number;
  discount?: number;
  regularizer?: number;
  prior?: PointsField;
  coefficientGrid?: PointsField;
  tieRule?: TieRuleName;
  solver?: string;
  plotWindow?: number;
}

/** A validated config: the scenario to solve and how to present it. */
export interface ParsedConfig {
  readonly name: string;
  readonly description: string;
  readonly scenario: LinearScenario;
  /** The requested solver (grid unless the config says otherwise). */
  readonly solver: string;
  readonly plotWindow: number;
}

/** The parsed config of fields whose shape is right; the ranges are checked here. */
export function buildParsedConfig(config: SeedConfigFields, defaultName = 'custom'): ParsedConfig {
  const scenario = linearScenario({
    schedule: resolveSchedule(config.schedule),
    theta0: config.theta0,
    discount: config.discount,
    regularizer: config.regularizer,
    prior: resolvePoints(config.prior, 'prior'),
    coefficientGrid: resolvePoints(config.coefficientGrid, 'coefficientGrid'),
    tieRule: config.tieRule,
  });
  return {
    name: config.name ?? defaultName,
    description: config.description ?? '',
    scenario,
    solver: config.solver ?? 'grid',
    plotWindow: Math.min(config.plotWindow ?? scenario.schedule.length, scenario.schedule.length),
  };
}

/** The learning rates a validated `schedule` field stands for (checked by linearScenario or checkSchedule). */
export function resolveSchedule(schedule: ScheduleField): string | number[] | Float64Array {
  return Array.isArray(schedule) || typeof schedule === 'string' ? schedule : objectSchedule(schedule);
}

/**
 * The last few {training, deployment, learningRate} schedules built from configs, shared (a
 * scenario's arrays are immutable by contract): a sweep over discount or regularizer at one
 * schedule builds the array once instead of once a point, and allocating a 1000-episode
 * Float64Array costs as much as solving it.
 */
const recentSchedules = new Map<string, Float64Array>();
const RECENT_SCHEDULES = 16;

function objectSchedule(field: { training: number; deployment?: number; learningRate?: number }): Float64Array {
  // Written out rather than spread over the defaults: the spread took 4 µs a call, a sweep point's
  // whole solve time at N = 1000.
  const s = { training: field.training, deployment: field.deployment ?? SCHEDULE_DEFAULTS.deployment, learningRate: field.learningRate ?? SCHEDULE_DEFAULTS.learningRate };
  if (s.training + s.deployment === 0) throw new InputError('schedule', 'is empty; training + deployment must be at least 1');
  if (s.training + s.deployment > MAX_EPISODES) {
    throw new InputError('schedule', `has more than ${MAX_EPISODES} episodes, the limit`);
  }
  const rate = checkRange(s.learningRate, 'schedule.learningRate', 0);
  const key = `${s.training},${s.deployment},${rate}`;
  let schedule = recentSchedules.get(key);
  if (schedule === undefined) {
    schedule = trainThenDeploy(s.training, s.deployment, rate);
    if (recentSchedules.size >= RECENT_SCHEDULES) recentSchedules.delete(recentSchedules.keys().next().value!);
    recentSchedules.set(key, schedule);
  }
  return schedule;
}

/** The points a validated points field stands for. */
export function resolvePoints(spec: PointsField | undefined, field: string): ArrayLike<number> | undefined {
  if (spec === undefined || Array.isArray(spec)) return spec;
  checkRange(spec.min, `${field}.min`);
  checkRange(spec.max, `${field}.max`);
  return linspace(spec.min, spec.max, spec.count);
}
