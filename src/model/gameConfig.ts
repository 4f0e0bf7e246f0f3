/**
 * The general scenario config: the seed config's fields plus parameters, goal, policy, base and
 * believed objectives (math expressions), mesa cost and update rule. Every field the seed config
 * has keeps its meaning, so a seed config file is also a valid game config.
 */
import { z } from 'zod';
import { defaultCoefficientGrid, defaultPrior, DEFAULT_THETA0 } from './scenario.ts';
import { pointsSchema, resolvePoints, resolveSchedule, scenarioConfigSchema, zodToInputError } from './config.ts';
import { parseExpression } from './expression.ts';
import type { FrozenCopy, Game, Parameter, Policy, UpdateRule } from './game.ts';
import { InputError } from '../errors/inputError.ts';
import { MAX_RUNS } from './monteCarloRuns.ts';
import { checkRange, checkStartValue } from './numbers.ts';
import { checkSchedule, parseScheduleSpec } from './schedule.ts';
import { TIE_RULES } from './tieRuleName.ts';
import { checkRequiredActions } from './updates/requiredActions.ts';
import { DEFAULT_UPDATE, updateSchema } from './updates/updateRule.ts';
import { buildExtensions, extensionSchemas } from './extensions.ts';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a name of letters, digits and _');
const RESERVED = new Set(['y', 'goal', 'e', 'pi', 'i']);

const parameterSchema = z.strictObject({ initial: z.number(), prior: pointsSchema });

const policySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('linear'), inputs: z.array(identifier).min(1).max(3).optional() }),
  /** y = Σ k_i·s_i with every k_i from a finite set of actions. */
  z.strictObject({ type: z.literal('discrete'), actions: z.array(z.number()).min(1).max(1001), inputs: z.array(identifier).min(1).max(3).optional() }),
  z.strictObject({
    type: z.literal('mlp'),
    hidden: z.array(z.number().int().min(1).max(64)).min(1).max(3),
    activation: z.enum(['tanh', 'relu', 'sigmoid']).default('tanh'),
    input: identifier.optional(),
  }),
]);


export const gameConfigSchema = scenarioConfigSchema.extend({
  /** Checked against the solver registry where the config is run. */
  solver: z.string().optional(),
  parameters: z.record(identifier, parameterSchema).optional(),
  goal: identifier.optional(),
  policy: policySchema.optional(),
  baseObjective: z.string().optional(),
  believedObjective: z.string().optional(),
  /** Constants in the agents' model: name → the parameter whose current value it holds. */
  frozen: z.record(identifier, identifier).optional(),
  mesaCost: z.string().optional(),
  update: updateSchema.optional(),
  /** Among equally good actions: the smallest (default), the largest, or the one closest to honest play. */
  tieRule: z.enum(TIE_RULES).optional(),
  /** Stochastic updates (REINFORCE): the seed of the runs' streams and their number (the CLI's --seed and --runs override them). */
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  runs: z.number().int().min(1).max(MAX_RUNS).optional(),
  ...extensionSchemas,
});

export type GameConfig = z.input<typeof gameConfigSchema>;

export { GAME_ONLY_FIELDS } from './gameFields.ts';

export interface ParsedGameConfig {
  readonly name: string;
  readonly description: string;
  readonly game: Game;
  /** The requested solver name ("auto" unless the config says otherwise). */
  readonly solver: string;
  readonly plotWindow: number;
  /** Seed and number of the stochastic runs, when the config sets them. */
  readonly seed?: number;
  readonly runs?: number;
}

/** Validates untrusted input as a game config; errors name the field. */
export function parseGameConfig(input: unknown, defaultName = 'custom'): ParsedGameConfig {
  const result = gameConfigSchema.safeParse(input);
  if (!result.success) throw zodToInputError(result.error, Object.keys(gameConfigSchema.shape));
  const c = result.data;
  const scheduleInput = resolveSchedule(c.schedule);
  const schedule = typeof scheduleInput === 'string' ? parseScheduleSpec(scheduleInput) : checkSchedule(scheduleInput);
  const parameters = buildParameters(c);
  const names = parameters.map((p) => p.name);
  const goalName = c.goal ?? (names.includes('theta') ? 'theta' : names[0]);
  const goal = names.indexOf(goalName);
  if (goal < 0) throw new InputError('goal', `"${goalName}" is not a parameter; parameters: ${names.join(', ')}`);
  const frozen = buildFrozen(c.frozen ?? {}, names);
  const regularizer = checkRange(c.regularizer ?? 0, 'regularizer', 0);
  const baseSource = c.baseObjective ?? (regularizer > 0 ? `y^2 + ${regularizer} * ${goalName}^2` : 'y^2');
  const baseObjective = parseExpression(baseSource, ['y', ...names], 'baseObjective');
  const believedVariables = ['y', ...names, ...frozen.map((f) => f.name)];
  const game: Game = {
    name: c.name ?? defaultName,
    parameters,
    goal,
    policy: buildPolicy(c.policy, names, goal),
    baseObjective,
    believedObjective: parseExpression(c.believedObjective ?? baseSource, believedVariables, 'believedObjective'),
    frozen,
    mesaCost: parseExpression(c.mesaCost ?? '(y - goal)^2', ['y', 'goal'], 'mesaCost'),
    discount: checkRange(c.discount ?? 1, 'discount', 0, 1),
    update: (c.update ?? DEFAULT_UPDATE) as UpdateRule,
    schedule,
    actionGrid: actionGrid(c),
    ...(c.tieRule ? { tieRule: c.tieRule } : {}),
    ...buildExtensions(c, schedule.length),
  };
  checkRequiredActions(game.update, game.actionGrid, c.policy?.type === 'discrete' ? 'policy.actions' : 'coefficientGrid');
  return {
    name: game.name,
    description: c.description ?? '',
    game,
    solver: c.solver ?? 'auto',
    plotWindow: Math.min(c.plotWindow ?? schedule.length, schedule.length),
    ...(c.seed === undefined ? {} : { seed: c.seed }),
    ...(c.runs === undefined ? {} : { runs: c.runs }),
  };
}

type Config = z.output<typeof gameConfigSchema>;

function buildParameters(c: Config): Parameter[] {
  if (c.parameters === undefined) {
    const prior = Float64Array.from(resolvePoints(c.prior, 'prior') ?? defaultPrior());
    return [{ name: 'theta', initial: checkStartValue(c.theta0 ?? DEFAULT_THETA0, 'theta0'), prior }];
  }
  for (const field of ['theta0', 'prior'] as const) {
    if (c[field] !== undefined) throw new InputError(field, `give it inside parameters (parameters.<name>.${field === 'theta0' ? 'initial' : 'prior'})`);
  }
  const entries = Object.entries(c.parameters);
  if (entries.length === 0 || entries.length > 3) throw new InputError('parameters', `needs 1 to 3 parameters, got ${entries.length}`);
  return entries.map(([name, p]) => {
    if (RESERVED.has(name)) throw new InputError(`parameters.${name}`, `"${name}" is reserved; choose another name`);
    const prior = Float64Array.from(resolvePoints(p.prior, `parameters.${name}.prior`) ?? [], (x, i) => checkRange(x, `parameters.${name}.prior[${i}]`));
    if (prior.length === 0) throw new InputError(`parameters.${name}.prior`, 'needs at least one point');
    return { name, initial: checkStartValue(p.initial, `parameters.${name}.initial`), prior };
  });
}

/** The candidate actions: a discrete policy's set (sorted, distinct), else the coefficient grid. */
function actionGrid(c: Config): Float64Array {
  if (c.policy?.type !== 'discrete') return Float64Array.from(resolvePoints(c.coefficientGrid, 'coefficientGrid') ?? defaultCoefficientGrid());
  if (c.coefficientGrid !== undefined) throw new InputError('coefficientGrid', 'a discrete policy takes its actions from policy.actions; remove coefficientGrid');
  const actions = c.policy.actions.map((a, i) => checkRange(a, `policy.actions[${i}]`));
  return Float64Array.from(new Set(actions)).sort();
}

function buildFrozen(frozen: Record<string, string>, names: string[]): FrozenCopy[] {
  return Object.entries(frozen).map(([name, sourceName]) => {
    if (names.includes(name) || RESERVED.has(name)) throw new InputError(`frozen.${name}`, `"${name}" is already a parameter or reserved`);
    const source = names.indexOf(sourceName);
    if (source < 0) throw new InputError(`frozen.${name}`, `"${sourceName}" is not a parameter; parameters: ${names.join(', ')}`);
    return { name, source };
  });
}

function buildPolicy(policy: Config['policy'], names: string[], goal: number): Policy {
  const index = (name: string, field: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new InputError(field, `"${name}" is not a parameter; parameters: ${names.join(', ')}`);
    return i;
  };
  if (policy === undefined) return { type: 'linear', inputs: [goal] };
  if (policy.type === 'linear' || policy.type === 'discrete') {
    const inputs = (policy.inputs ?? [names[goal]]).map((n, i) => index(n, `policy.inputs[${i}]`));
    return policy.type === 'discrete' ? { type: 'linear', inputs, discrete: true } : { type: 'linear', inputs };
  }
  return { type: 'mlp', hidden: policy.hidden, activation: policy.activation, input: policy.input === undefined ? goal : index(policy.input, 'policy.input') };
}
