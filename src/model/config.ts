/**
 * The scenario config: the one schema that the library, the CLI (JSON or YAML files) and the web
 * explorer validate input against. `parseScenarioConfig` checks the shape with zod and the ranges
 * with the model's own checks (parsedConfig.ts, which builds the result); every error names the
 * field by its path (e.g. `schedule.training`).
 */
import { z } from 'zod';
import type { InputError } from '../errors/inputError.ts';
import { buildParsedConfig, SCHEDULE_DEFAULTS, type ParsedConfig } from './parsedConfig.ts';
import { MAX_EPISODES } from './schedule.ts';
import { zodIssueToInputError } from './zodIssue.ts';
import { TIE_RULES } from './tieRuleName.ts';

export { resolvePoints, resolveSchedule, type ParsedConfig } from './parsedConfig.ts';

const count = z.number().int().min(0).max(MAX_EPISODES);
const evenlySpaced = z.strictObject({ min: z.number(), max: z.number(), count: z.number().int().min(1).max(100_000) });

const pointsError = 'expected a list of numbers or {min, max, count}';

/** A spec ("1x20,0x80"), a list of learning rates, or training then deployment at one rate. */
export const scheduleSchema = z.union(
  [
    z.string(),
    z.array(z.number()),
    z.strictObject({ training: count, deployment: count.default(SCHEDULE_DEFAULTS.deployment), learningRate: z.number().default(SCHEDULE_DEFAULTS.learningRate) }),
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

/** Validates untrusted input (parsed JSON or YAML) as a scenario config. */
export function parseScenarioConfig(input: unknown, defaultName = 'custom'): ParsedConfig {
  const result = scenarioConfigSchema.safeParse(input);
  if (!result.success) throw zodToInputError(result.error);
  return buildParsedConfig(result.data, defaultName);
}

/** The first zod issue as an InputError whose field is the issue's path. */
export function zodToInputError(error: z.ZodError, rootFields: readonly string[] = Object.keys(scenarioConfigSchema.shape)): InputError {
  return zodIssueToInputError(error, 'config', (path) => (path === '' ? rootFields : undefined));
}
