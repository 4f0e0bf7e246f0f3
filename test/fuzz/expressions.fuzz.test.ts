/**
 * Fuzz: random, malformed and extreme expression strings through a game config, as a user's
 * file meets them (parse, then the solvers' compiled value and derivatives). Each case must end
 * within TIME_LIMIT ms in either finite numbers (where real arithmetic over mathjs's parse of the
 * same text is finite too) or one InputError line that names the field. Seeded: a failure prints
 * its case and seed, to be added to the regression tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { compileGame } from '../../src/model/gameFunctions.ts';
import { InputError } from '../../src/errors/inputError.ts';
import { dualValue, expressionText } from '../helpers/expressions.ts';

const SEED = 20261203;
const CASES = 400;
const TIME_LIMIT = 1000;
const FIELDS = ['baseObjective', 'believedObjective', 'mesaCost'] as const;
type Field = (typeof FIELDS)[number];

const NASTY = ['=', '[', ']', '.', '"', "'", ';', ',', '\n', '\u0000', '\ud83d', '😀', '%', '!', '|', '&', '**', '^^', '(', ')', ')(', 'e', 'pi', 'NaN', 'Infinity', '1e999', '0x1F', '$', '#', '\\', '`', 'θ', 'y', '2', ' ', '\t', '\r\n'];

/** A valid string broken by one edit: an insertion, a deletion, a cut or a doubling. */
const malformed = fc
  .tuple(expressionText(5), fc.nat(), fc.constantFrom(...NASTY), fc.constantFrom('insert', 'delete', 'cut', 'double'))
  .map(([text, at, piece, edit]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (edit === 'insert') return text.slice(0, i) + piece + text.slice(i);
    if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (edit === 'cut') return text.slice(0, i);
    return text + text.slice(i);
  });

/** Long sums, deep nesting, huge numbers and names, noise. */
const extreme = fc.oneof(
  fc.integer({ min: 1, max: 6000 }).map((n) => `y^2${'+y'.repeat(n - 1)}`),
  fc.integer({ min: 1, max: 6000 }).map((n) => `${'-'.repeat(n)}y`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${'('.repeat(n)}y${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 300 }).map((n) => `${'sqrt('.repeat(n)}y${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 300 }).map((n) => `y${'^y'.repeat(n)}`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `${'y*'.repeat(n)}y`),
  fc.integer({ min: 1, max: 12000 }).map((n) => 'y'.repeat(n)),
  fc.integer({ min: 300, max: 400 }).map((n) => `1e${n} * y`),
  fc.constantFrom('sqrt(-1) * y^2', 'log(-1)*y^2', '(-1)^0.5 * y^2', '0/0 * y', 'NaN', '1/0', 'square(y)', 'y^2\n+ 1', 'y^2 +\nz', '', ' ', '()', 'y/0', '0^-1*y', '(-2)^y'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const anyExpression = fc.oneof(expressionText(6), malformed, extreme);

/** The text a field gets: the mesa cost knows y and goal only. */
const textFor = (field: Field, text: string) => (field === 'mesaCost' ? text.replace(/theta|\bb\b/g, 'goal') : text);
const POINT: Record<string, number> = { y: 0.3, theta: 0.5, b: -0.2, goal: 0.5 };

function runCase(field: Field, original: string): void {
  const text = textFor(field, original);
  const config = { schedule: '1x3', parameters: { theta: { initial: 0.5, prior: [-1, 1] }, b: { initial: -0.2, prior: [0] } }, [field]: text };
  let values: number[];
  try {
    const f = compileGame(parseGameConfig(config).game);
    const objective = field === 'mesaCost' ? null : field === 'baseObjective' ? f.base : f.believed;
    const at = [POINT.y, POINT.theta, POINT.b];
    values = objective ? [objective.value(at), objective.dy(at), ...objective.dParameters.map((g) => g(at))] : [f.mesa([POINT.y, POINT.goal])];
  } catch (error) {
    expect(error, `${field}: ${JSON.stringify(text)} threw a non-InputError: ${String(error)}`).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message.startsWith(`${field}: `), message).toBe(true);
    expect(message, 'one line').not.toMatch(/[\n\r\u2028\u2029]/);
    expect(message.length, message).toBeLessThan(400);
    return;
  }
  expect(values.every((v) => typeof v === 'number')).toBe(true);
  // Finite wherever an independent evaluation (dual numbers over mathjs's parse) is finite.
  let reference: { v: number; d: number };
  try {
    reference = dualValue(text, POINT, 'y');
  } catch {
    return;
  }
  if (Number.isFinite(reference.v)) expect(Number.isFinite(values[0]), `${field}: ${JSON.stringify(text)} = ${values[0]}`).toBe(true);
  if (Number.isFinite(reference.d) && field !== 'mesaCost') expect(Number.isFinite(values[1]), `∂/∂y ${JSON.stringify(text)} = ${values[1]}`).toBe(true);
}

describe('fuzz: expressions', () => {
  it(`${CASES} random, malformed and extreme expressions each end within ${TIME_LIMIT} ms in finite numbers or one InputError line naming the field`, () => {
    let slowest = { ms: 0, text: '' };
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), anyExpression, (field, text) => {
        const start = performance.now();
        runCase(field, text);
        const ms = performance.now() - start;
        if (ms > slowest.ms) slowest = { ms, text: text.slice(0, 40) };
        expect(ms, `${field}: ${JSON.stringify(text.slice(0, 80))} took ${ms} ms`).toBeLessThan(TIME_LIMIT);
      }),
      { seed: SEED, numRuns: CASES, endOnFailure: true },
    );
    expect(slowest.ms).toBeLessThan(TIME_LIMIT);
  });
});
