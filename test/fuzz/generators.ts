/**
 * fast-check arbitraries for every input surface: numbers as text and as data, schedule specs
 * and files, scenario configs (every schema field, right and wrong types, extremes, unknown
 * keys), their serialisations (JSON, YAML) with damage (duplicate keys, deep nesting, alias
 * bombs, tags, complex keys, bytes that are not UTF-8, truncation), sweep files and CLI options.
 * Sizes are capped so that a VALID case stays small (a few hundred episodes, a few dozen
 * points): the suite measures correctness of the answers, not the solvers' speed.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Text that may or may not be a number. */
export const numberText = fc.oneof(
  fc.double().map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '5e-324', '1e154', '3e154', '1e150', '0x10', '1_000', '١', '1e', '.', '-', '+1', '--1', '1,5', '0', '-0', '1e-400', '2e7', 'x', '×', '\u0000', '%s', '${x}', '__proto__', '0.5', '1', '2', '-1'),
  fc.string({ maxLength: 8 }),
);

/** A number for a config field: ordinary, extreme or not a number at all. */
export const numberValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1, 0.5, 0.9, 1e308, -1e308, 5e-324, 1e154, 3e154, 1e150, 1e-150, 2e7, -1, 2, 100) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.constant({})) },
);

const count = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 120 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('20000001', '1000000000000', '99999999999999999999', '1e3', '-5', '', '1.5', 'x', '0') },
);

/** A schedule spec: comma-joined items "rate", "rate x count" (small valid totals). */
export const scheduleSpec = fc
  .array(
    fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('1', '0', '0.5', '2', '1e-3') }, { weight: 1, arbitrary: numberText }), fc.option(fc.tuple(fc.constantFrom('x', '×', ' x ', 'X', 'xx'), count), { nil: undefined })),
    { minLength: 0, maxLength: 4 },
  )
  .map((items) => items.map(([rate, run]) => (run === undefined ? rate : `${rate}${run[0]}${run[1]}`)).join(','));

/** Contents of a schedule file: JSON arrays (mixed), YAML, raw bytes. */
export const scheduleFile: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.double({ min: 0, max: 2, noNaN: true }) }, { weight: 1, arbitrary: numberValue }), { maxLength: 60 }).map((a) => JSON.stringify(a)),
  fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { maxLength: 40 }).map((a) => stringify(a)),
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom('', '[]', '{}', '[1, 1, 0', 'null', '"1x5"', '[1e999]', '[-1]', '[[1]]', '\ufeff[1,0]', '[1,0]\u0000', `${'['.repeat(5000)}${']'.repeat(5000)}`),
);

const scheduleValue: fc.Arbitrary<unknown> = fc.oneof(
  scheduleSpec,
  fc.array(fc.oneof({ weight: 6, arbitrary: fc.double({ min: 0, max: 1.5, noNaN: true }) }, { weight: 1, arbitrary: numberValue }), { maxLength: 80 }),
  fc.record(
    { training: fc.oneof(fc.integer({ min: 0, max: 150 }), numberValue), deployment: fc.oneof(fc.integer({ min: 0, max: 150 }), numberValue), learningRate: numberValue, extra: numberValue },
    { requiredKeys: [] },
  ),
  numberValue,
);

const pointsValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { maxLength: 30 }),
  fc.array(numberValue, { maxLength: 5 }),
  fc.record({ min: numberValue, max: numberValue, count: fc.oneof(fc.integer({ min: -1, max: 500 }), fc.constantFrom(100_001, 1e9, 2.5)) }, { requiredKeys: [] }),
  fc.constant(Array.from({ length: 5000 }, (_, i) => -2 + (4 * i) / 4999)),
  numberValue,
);

const nameValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('../../escaped', '..', '.', 'a/b', 'a\\b', 'nul\u0000name', 'x'.repeat(300), 'ok-name', '\n', 'CON'),
  numberValue,
);

const SOLVERS = ['grid', 'exact', 'reference', 'lq', 'dp', 'neural', 'history', 'auto', 'bogus', ''];
/** Solvers that are slow per episode: their cases get short schedules. */
export const SLOW_SOLVERS = new Set(['reference', 'dp', 'neural', 'history']);

const gameFields = fc.record(
  {
    update: fc.oneof(
      fc.record({ type: fc.constantFrom('gradient', 'full', 'gradient-all', 'reinforce', 'magic'), steps: fc.oneof(fc.integer({ min: 0, max: 5 }), numberValue), sigma: numberValue }, { requiredKeys: ['type'] }),
      numberValue,
    ),
    policy: fc.oneof(fc.record({ type: fc.constantFrom('linear', 'discrete', 'mlp', 'tree'), actions: fc.array(numberValue, { maxLength: 5 }), hidden: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 2 }) }, { requiredKeys: ['type'] }), numberValue),
    parameters: fc.oneof(fc.record({ theta: fc.record({ initial: numberValue, prior: pointsValue }, { requiredKeys: [] }) }), fc.dictionary(fc.string({ maxLength: 5 }), numberValue, { maxKeys: 2 })),
    baseObjective: fc.constantFrom('y^2', 'y^2 + 0.1 * theta^2', '(y - 1)^2', 'y^'),
    goal: fc.constantFrom('theta', 'beta', 'y'),
  },
  { requiredKeys: [] },
);

const validTheta = fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-150), fc.constantFrom(1e150, -1e-150, 1e-150));

/** A valid seed-family config: every field optional, each value in range. */
const validScenario = fc.record(
  {
    name: fc.constantFrom('fuzz', 'fuzz case', 'a.b_c-d'),
    description: fc.string({ maxLength: 20 }),
    schedule: fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 })).map(([t, d]) => `1x${t},0x${d}`),
      fc.array(fc.double({ min: 0, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 60 }),
      fc.record({ training: fc.integer({ min: 1, max: 60 }), deployment: fc.integer({ min: 0, max: 60 }), learningRate: fc.double({ min: 0, max: 1.5, noNaN: true }) }, { requiredKeys: ['training'] }),
    ),
    theta0: validTheta,
    discount: fc.double({ min: 0, max: 1, noNaN: true }),
    regularizer: fc.double({ min: 0, max: 2, noNaN: true }),
    prior: fc.oneof(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }).map((p) => [...p, 0.5]), fc.constant({ min: -1, max: 1, count: 5 })),
    coefficientGrid: fc.oneof(fc.constant({ min: -2, max: 2, count: 41 }), fc.constant([-1, 0, 0.5, 1]), fc.constant({ min: -3, max: 3, count: 2001 })),
    solver: fc.constantFrom('grid', 'exact', 'grid', 'exact', 'reference'),
    plotWindow: fc.integer({ min: 1, max: 200 }),
  },
  { requiredKeys: ['schedule'] },
);

/** Fields of the game schema, valid values. */
const validGame = fc.record(
  {
    update: fc.oneof(fc.constant({ type: 'gradient' }), fc.constant({ type: 'full' }), fc.constant({ type: 'gradient-all', steps: 2 }), fc.constant({ type: 'reinforce', sigma: 0.5 })),
    policy: fc.oneof(fc.constant({ type: 'linear' }), fc.constant({ type: 'discrete', actions: [0, 0.5, 1] })),
    baseObjective: fc.constantFrom('y^2', 'y^2 + 0.1 * theta^2'),
    solver: fc.constantFrom('auto', 'lq', 'exact', 'dp', 'history'),
  },
  { requiredKeys: [] },
);

/** A bad value for one field: wrong types, extremes, out of range. */
const badField = fc.oneof(
  fc.record({ field: fc.constantFrom('theta0', 'discount', 'regularizer', 'plotWindow', 'description', 'name'), value: numberValue }),
  fc.record({ field: fc.constant('name'), value: nameValue }),
  fc.record({ field: fc.constant('schedule'), value: scheduleValue }),
  fc.record({ field: fc.constantFrom('prior', 'coefficientGrid'), value: pointsValue }),
  fc.record({ field: fc.constant('solver'), value: fc.oneof(fc.constantFrom(...SOLVERS), numberValue) }),
  fc.record({ field: fc.constantFrom('update', 'policy', 'parameters', 'baseObjective', 'goal'), value: fc.oneof(gameFields.map((g) => Object.values(g)[0] ?? null), numberValue) }),
  fc.record({ field: fc.constantFrom('unknownKey', 'thetaa', 'toString', 'constructor'), value: numberValue }),
  fc.record({ field: fc.constant('3000 unknown keys'), value: fc.constant(3000) }),
);

/** A scenario config (seed or game), as data: valid, or valid but for one field. */
export const scenarioConfig: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(validScenario, fc.option(validGame, { freq: 4, nil: undefined }), fc.option(badField, { freq: 2, nil: undefined }))
  .map(([config, game, bad]) => {
    const result: Record<string, unknown> = { ...config, ...(game ?? {}) };
    if (bad?.field === '3000 unknown keys') for (let i = 0; i < 3000; i++) result[`unknownKey${i}`] = i;
    else if (bad !== undefined) result[bad.field] = bad.value;
    // Slow solvers and rich policies get a short schedule: the suite tests answers, not speed.
    const slow = SLOW_SOLVERS.has(String(result.solver)) || game !== undefined || ['update', 'policy', 'parameters'].includes(bad?.field ?? '');
    if (slow) result.schedule = '1x4,0x4';
    // A discrete policy brings its own actions (a grid beside it is refused, rightly, every time).
    if ((result.policy as { type?: string } | undefined)?.type === 'discrete' && bad?.field !== 'coefficientGrid') delete result.coefficientGrid;
    return result;
  });

/** Damage done to a config's text. */
export const damage = fc.oneof(
  { weight: 10, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constantFrom('duplicate', 'deep', 'alias-bomb', 'float-tag', 'js-tag', 'complex-key', 'not-utf8', 'truncate', 'bom', 'nul') },
);

const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]', ''].join('\n');

/** The text of `config` in `format`, with `kind` of damage. */
export function serialise(config: Record<string, unknown>, format: 'json' | 'yaml', kind: string): string | Uint8Array {
  const clean = format === 'json' ? JSON.stringify(config) : stringify(config);
  switch (kind) {
    case 'duplicate':
      return format === 'json' ? clean.replace(/^\{/, '{"theta0": 0.5, "theta0": 0.6, ') : `theta0: 0.5\n${clean}theta0: 0.6\n`;
    case 'deep':
      return format === 'json' ? clean.replace(/^\{/, `{"description": ${'['.repeat(3000)}${']'.repeat(3000)}, `) : `description: ${'['.repeat(3000)}${']'.repeat(3000)}\n${clean}`;
    case 'alias-bomb':
      return ALIAS_BOMB + clean;
    case 'float-tag':
      return `theta0: !!float 1\n${format === 'yaml' ? clean : ''}`;
    case 'js-tag':
      return `theta0: !!js/function "function () { return 1 }"\n${format === 'yaml' ? clean : ''}`;
    case 'complex-key':
      return `? [a, b]\n: 1\n${format === 'yaml' ? clean : ''}`;
    case 'not-utf8':
      return Buffer.concat([Buffer.from(clean.slice(0, Math.floor(clean.length / 2))), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(clean.slice(Math.floor(clean.length / 2)))]);
    case 'truncate':
      return clean.slice(0, Math.floor(clean.length / 2));
    case 'bom':
      return `\ufeff${clean}`;
    case 'nul':
      return `${clean}\u0000`;
    default:
      return clean;
  }
}

const PATHS = ['theta0', 'discount', 'regularizer', 'schedule.training', 'schedule.deployment', 'schedule.learningRate', 'prior.count', 'solver', 'plotWindow'];
const BAD_PATHS = ['__proto__.polluted', 'constructor.prototype.x', 'prototype', 'a..b', '', 'schedule.training.deeper', '1abc', 'theta0.x', 'toString', 'hasOwnProperty'];

const axisValues: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: numberValue }), { minLength: 0, maxLength: 5 }),
  fc.record({ from: numberValue, to: numberValue, steps: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(1_000_001, 2.5, -1)), log: fc.oneof(fc.boolean(), numberValue) }, { requiredKeys: [] }),
  fc.record({ from: fc.oneof(fc.integer({ min: 0, max: 30 }), numberValue), to: fc.oneof(fc.integer({ min: 0, max: 30 }), numberValue), step: fc.oneof(fc.integer({ min: -5, max: 10 }), numberValue) }, { requiredKeys: ['step'] }),
  fc.record({ from: numberValue, to: numberValue }),
  numberValue,
);

const METRICS = ['firstCoefficient', 'goalRetained', 'finalTheta', 'totalMesaLoss', 'trainingBaseLoss', 'meanTrainingCoefficient', 'trainingEpisodes', 'bogus'];

const validAxis = fc.oneof(
  fc.record({ path: fc.constant('theta0'), values: fc.oneof(fc.constant([0.5, 1]), fc.constant({ from: 0.1, to: 1, steps: 4 }), fc.constant({ from: 0.1, to: 1, steps: 3, log: true })) }),
  fc.record({ path: fc.constant('discount'), values: fc.oneof(fc.constant({ from: 0.5, to: 1, step: 0.25 }), fc.constant([0.9, 1])) }),
  fc.record({ path: fc.constant('schedule.training'), values: fc.oneof(fc.constant({ from: 0, to: 30, step: 10 }), fc.constant([1, 5])) }),
  fc.record({ path: fc.constant('regularizer'), values: fc.constant([0, 0.1]) }),
);

const badSweepField = fc.oneof(
  fc.record({ field: fc.constant('axis'), value: fc.tuple(fc.oneof(fc.constantFrom(...PATHS), fc.constantFrom(...BAD_PATHS)), axisValues) }),
  fc.record({ field: fc.constantFrom('name', 'base', 'sweep', 'metrics', 'solver', 'labels', 'logMetrics', 'extra'), value: fc.oneof(numberValue, fc.constantFrom('../x', '', 'bogus')) }),
  fc.record({ field: fc.constant('missing'), value: fc.constantFrom('base', 'sweep') }),
  fc.record({ field: fc.constant('huge'), value: fc.constantFrom({ from: 0, to: 1, steps: 1_000_001 }, { from: 0, to: 1e9, step: 1 }) }),
);

/** A sweep file, as data: valid (at most a few dozen points), or valid but for one field. */
export const sweepFile: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record({ schedule: fc.record({ training: fc.integer({ min: 0, max: 40 }), deployment: fc.integer({ min: 1, max: 60 }) }), theta0: validTheta }, { requiredKeys: ['schedule'] }),
    fc.uniqueArray(validAxis, { minLength: 1, maxLength: 2, selector: (a) => a.path }),
    fc.option(fc.subarray(METRICS.filter((m) => m !== 'bogus'), { minLength: 1 }), { nil: undefined }),
    fc.option(badSweepField, { freq: 2, nil: undefined }),
  )
  .map(([base, axes, metrics, bad]) => {
    const file: Record<string, unknown> = { name: 'fuzz', base, sweep: Object.fromEntries(axes.map((a) => [a.path, a.values])), ...(metrics ? { metrics } : {}) };
    if (bad?.field === 'axis') {
      const [path, values] = bad.value as [string, unknown];
      (file.sweep as Record<string, unknown>)[path] = values;
    } else if (bad?.field === 'missing') delete file[bad.value as string];
    else if (bad?.field === 'huge') file.sweep = { theta0: bad.value, discount: { from: 0, to: 1, steps: 1000 } };
    else if (bad !== undefined) file[bad.field] = bad.value;
    return file;
  });
