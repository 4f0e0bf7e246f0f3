/**
 * From a config whose fields have the schema's types (config.ts checks untrusted input with zod)
 * to the scenario to solve. Apart from config.ts so that `mesalab solve`, whose options are
 * already typed numbers and strings, builds its scenario without loading zod; the range checks
 * live here and in linearScenario, so both paths give the same errors.
 */
import type { SolverName } from '../solvers/equilibrium.ts';
import { InputError } from './inputError.ts';
import { linspace } from './linspace.ts';
import { checkRange } from './numbers.ts';
import { linearScenario, type LinearScenario } from './scenario.ts';
import { MAX_EPISODES, trainThenDeploy } from './schedule.ts';

/** A validated config: the scenario to solve and how to present it. */
export interface ParsedConfig {
  readonly name: string;
  readonly description: string;
  readonly scenario: LinearScenario;
  readonly solver: SolverName;
  readonly plotWindow: number;
}

/** The `schedule` field as the schema's output types it. */
export type ScheduleField = string | number[] | { training: number; deployment: number; learningRate: number };
/** A points field (prior, coefficientGrid) as the schema's output types it. */
export type PointsField = number[] | { min: number; max: number; count: number };

/** A scenario config with the schema's output types (the shape zod's parse returns). */
export interface TypedScenarioConfig {
  name?: string;
  description?: string;
  schedule: ScheduleField;
  theta0?: number;
  discount?: number;
  regularizer?: number;
  prior?: PointsField;
  coefficientGrid?: PointsField;
  solver?: SolverName;
  plotWindow?: number;
}

export function toParsedConfig(config: TypedScenarioConfig, defaultName = 'custom'): ParsedConfig {
  const scenario = linearScenario({
    schedule: resolveSchedule(config.schedule),
    theta0: config.theta0,
    discount: config.discount,
    regularizer: config.regularizer,
    prior: resolvePoints(config.prior, 'prior'),
    coefficientGrid: resolvePoints(config.coefficientGrid, 'coefficientGrid'),
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

function objectSchedule(s: { training: number; deployment: number; learningRate: number }): Float64Array {
  if (s.training + s.deployment === 0) throw new InputError('schedule', 'is empty; training + deployment must be at least 1');
  if (s.training + s.deployment > MAX_EPISODES) {
    throw new InputError('schedule', `has more than ${MAX_EPISODES} episodes, the limit`);
  }
  return trainThenDeploy(s.training, s.deployment, checkRange(s.learningRate, 'schedule.learningRate', 0));
}

/** The points a validated points field stands for. */
export function resolvePoints(spec: PointsField | undefined, field: string): ArrayLike<number> | undefined {
  if (spec === undefined || Array.isArray(spec)) return spec;
  checkRange(spec.min, `${field}.min`);
  checkRange(spec.max, `${field}.max`);
  return linspace(spec.min, spec.max, spec.count);
}
