/**
 * The scenario config: the one schema that the library, the CLI (JSON or YAML files) and the web
 * explorer validate input against. `parseScenarioConfig` checks the shape with zod and the ranges
 * with the model's own checks; every error names the field by its path (e.g. `schedule.training`).
 */
import { z } from 'zod';
import { InputError } from '../errors/inputError.ts';
import { linspace } from '../numerics/linspace.ts';
import { checkRange } from './numbers.ts';
import { zodIssueToInputError } from './zodIssue.ts';
import { linearScenario, type LinearScenario } from './scenario.ts';
import { MAX_EPISODES, trainThenDeploy } from './schedule.ts';
import { TIE_RULES } from './tieRuleName.ts';

const count = z.number().int().min(0).max(MAX_EPISODES);
const evenlySpaced = z.strictObject({ min: z.number(), max: z.number(), count: z.number().int().min(1).max(100_000) });

const pointsError = 'expected a list of numbers or {min, max, count}';

/** A spec ("1x20,0x80"), a list of learning rates, or training then deployment at one rate. */
export const scheduleSchema = z.union(
  [
    z.string(),
    z.array(z.number()),
    z.strictObject({ training: count, deployment: count.default(0), learningRate: z.number().default(1) }),
  ],
  { error: 'expected a spec such as "1x20,0x80", a list of learning rates, or {training, deployment, learningRate}' },
);

/** A list of points, or {min, max, count} for evenly spaced ones. */
export const pointsSchema = z.union([z.array(z.number()), evenlySpaced], { error: pointsError });

export const scenarioConfigSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  schedule: scheduleSchema,
  theta0: z.number().optional(),
  discount: z.number().optional(),
  regularizer: z.number().optional(),
  /** Points of the prior over θ, or {min, max, count} for evenly spaced points. */
  prior: pointsSchema.optional(),
  coefficientGrid: pointsSchema.optional(),
  /** Which of several equally good coefficients an agent plays (default 'smallest', the seed's). */
  tieRule: z.enum(TIE_RULES).optional(),
  /** A registered solver's name, checked against the solver registry where the config is run. */
  solver: z.string().optional(),
  /** Episodes shown in the figure (default: all). */
  plotWindow: z.number().int().min(1).optional(),
});

export type ScenarioConfig = z.input<typeof scenarioConfigSchema>;

/** A validated config: the scenario to solve and how to present it. */
export interface ParsedConfig {
  readonly name: string;
  readonly description: string;
  readonly scenario: LinearScenario;
  /** The requested solver (grid unless the config says otherwise). */
  readonly solver: string;
  readonly plotWindow: number;
}

/** Validates untrusted input (parsed JSON or YAML) as a scenario config. */
export function parseScenarioConfig(input: unknown, defaultName = 'custom'): ParsedConfig {
  const result = scenarioConfigSchema.safeParse(input);
  if (!result.success) throw zodToInputError(result.error);
  const config = result.data;
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
export function resolveSchedule(schedule: z.output<typeof scheduleSchema>): string | number[] | Float64Array {
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

function objectSchedule(s: { training: number; deployment: number; learningRate: number }): Float64Array {
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
export function resolvePoints(spec: z.output<typeof pointsSchema> | undefined, field: string): ArrayLike<number> | undefined {
  if (spec === undefined || Array.isArray(spec)) return spec;
  checkRange(spec.min, `${field}.min`);
  checkRange(spec.max, `${field}.max`);
  return linspace(spec.min, spec.max, spec.count);
}

/** The first zod issue as an InputError whose field is the issue's path. */
export function zodToInputError(error: z.ZodError, rootFields: readonly string[] = Object.keys(scenarioConfigSchema.shape)): InputError {
  return zodIssueToInputError(error, 'config', (path) => (path === '' ? rootFields : undefined));
}
