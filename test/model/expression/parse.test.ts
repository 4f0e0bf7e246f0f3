import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LENGTH, MAX_NESTING, parseExpression } from '../../../src/model/expression.ts';
import { parseGameConfig } from '../../../src/model/gameConfig.ts';
import { InputError } from '../../../src/errors/inputError.ts';

const variables = ['y', 'theta', 'b'];
const value = (source: string, scope = { y: 1.5, theta: -0.5, b: 2 }) => parseExpression(source, variables, 'baseObjective').evaluate(scope);
/** The one-line message of the InputError that parsing `source` throws. */
function errorOf(source: string, field = 'baseObjective'): string {
  try {
    parseExpression(source, variables, field);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message.startsWith(`${field}: `)).toBe(true);
    return message;
  }
  return expect.fail(`${JSON.stringify(source)} parsed`);
}

describe('parseExpression: the grammar', () => {
  it.each([
    ['-y^2', -(1.5 ** 2)],
    ['2^3^2', 2 ** 9],
    ['2^-1', 0.5],
    ['-2^2', -4],
    ['2*-y', -3],
    ['y - b - theta', 1.5 - 2 + 0.5],
    ['y / b / 2', 1.5 / 2 / 2],
    ['+y', 1.5],
    ['--y', 1.5],
    ['(y + b) * theta', -1.75],
    ['1e-3 * y', 1e-3 * 1.5],
    ['2.5E+1 + .5 + 2.', 27.5],
    ['square(y)', 2.25],
    ['sqrt(b) + exp(0) + log(b) + abs(theta) + sin(0) + cos(0) + tanh(0)', Math.sqrt(2) + 1 + Math.log(2) + 0.5 + 0 + 1 + 0],
    ['y^2\n+ 1', 3.25],
    ['\ty *\r\n b ', 3],
  ])('%j = %d', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it('evaluates exactly as written: no reassociation of the user’s arithmetic', () => {
    const scope = { y: 0.1, theta: 0.2, b: 0.3 };
    expect(value('y + theta + b', scope)).toBe(0.1 + 0.2 + 0.3);
    expect(value('y + (theta + b)', scope)).toBe(0.1 + (0.2 + 0.3));
  });
});

describe('parseExpression: errors are one line naming the field and saying what is allowed', () => {
  it.each([
    ['import("fs")', /function import is not allowed/],
    ['evaluate("1+1")', /function evaluate is not allowed/],
    ['process.exit(1)', /unknown variable process/],
    ['y^2 + z', /unknown variable z/],
    ['f(x) = x', /function f is not allowed/],
    ['y = 2', /cannot parse "y = 2" at character 3: "=" is not allowed/],
    ['"text"', /"\\"" is not allowed/],
    ['y[1]', /"\[" is not allowed/],
    ['y +', /cannot parse "y \+" at character 4: it ends too early/],
    ['', /it is empty/],
    ['(y', /"\(" at character 1 is not closed/],
    ['exp(y, 2)', /exp takes one argument/],
    ['2y', /write \* for a product \(2\*y, not 2y\)/],
    ['(y)(b)', /write \* for a product/],
    ['y b', /write \* for a product/],
    ['pi * y', /unknown variable pi/],
    ['NaN', /NaN is not a finite number/],
    ['Infinity * y', /Infinity is not a finite number/],
  ])('%j', (source, message) => {
    const text = errorOf(source);
    expect(text).toMatch(message);
    expect(text).toMatch(/allowed: numbers, the variables y, theta, b, \+ - \* \/ \^, parentheses and the functions exp, log, sqrt, abs, sin, cos, tanh, square$/);
  });

  it.each([
    // issue 16: "Cannot convert Complex number to Node" before.
    ['sqrt(-1) * y^2', 'baseObjective: sqrt(-1) is not a real number, in "sqrt(-1) * y^2"'],
    ['log(-1)*y^2', 'baseObjective: log(-1) is not a real number, in "log(-1)*y^2"'],
    ['(-1)^0.5 * y^2', 'baseObjective: (-1)^0.5 is not a real number, in "(-1)^0.5 * y^2"'],
    // issue 16: a believed objective 0/0 * y was solved silently.
    ['0/0 * y', 'baseObjective: 0/0 is not a real number, in "0/0 * y"'],
    ['1/0', 'baseObjective: 1/0 is infinite, in "1/0"'],
    ['1e400 * y', 'baseObjective: 1e400 is infinite, in "1e400 * y"'],
    ['1e200 * 1e200 * y', 'baseObjective: 1e+200*1e+200 is infinite, in "1e200 * 1e200 * y"'],
    ['log(0) + y', 'baseObjective: log(0) is infinite, in "log(0) + y"'],
  ])('a constant that is not a finite real number: %j', (source, message) => {
    expect(errorOf(source)).toBe(message);
  });

  it('a two-line expression gets a one-line error (issue 16)', () => {
    expect(errorOf('y^2 +\n z', 'believedObjective')).toMatch(/^believedObjective: unknown variable z in "y\^2 \+\\n z"; allowed/);
  });

  it(`5,000 unary minus signs: nests deeper than ${MAX_NESTING} levels, not a stack overflow (issue 16)`, () => {
    expect(errorOf(`${'-'.repeat(5000)}y`)).toMatch(new RegExp(`^baseObjective: nests deeper than ${MAX_NESTING} levels`));
    expect(errorOf(`${'('.repeat(MAX_NESTING + 1)}y${')'.repeat(MAX_NESTING + 1)}`)).toMatch(/nests deeper/);
    expect(errorOf(`${'exp('.repeat(MAX_NESTING + 1)}y${')'.repeat(MAX_NESTING + 1)}`)).toMatch(/nests deeper/);
    expect(errorOf(`${'2^'.repeat(MAX_NESTING + 1)}y`)).toMatch(/nests deeper/);
  });

  it(`${MAX_NESTING} levels are fine, and so are long sums and products`, () => {
    expect(value(`${'('.repeat(MAX_NESTING)}y${')'.repeat(MAX_NESTING)}`)).toBe(1.5);
    expect(value(`${'-'.repeat(MAX_NESTING)}y`)).toBe(1.5);
    expect(value(`y${'+y'.repeat(3000)}`)).toBe(1.5 * 3001);
  });

  it(`a text longer than ${MAX_LENGTH} characters is refused at once`, () => {
    expect(errorOf('y+'.repeat(MAX_LENGTH))).toBe(`baseObjective: is ${2 * MAX_LENGTH} characters long; at most ${MAX_LENGTH} are allowed`);
  });

  it('quotes a long source cut short, so the line stays short', () => {
    expect(errorOf(`${'y + '.repeat(40)}z`)).toMatch(/in "(y \+ ){14}y…"/);
  });
});

describe('docs/engine.md', () => {
  it('shows the messages a config with these expressions gets', () => {
    const doc = readFileSync(new URL('../../../docs/engine.md', import.meta.url), 'utf8');
    for (const source of ['sqrt(-1) * y^2', '2y']) {
      expect(() => parseGameConfig({ schedule: '1x3', baseObjective: source })).toThrow(InputError);
      try {
        parseGameConfig({ schedule: '1x3', baseObjective: source });
      } catch (error) {
        expect(doc).toContain(`mesalab: ${(error as Error).message}\n`);
      }
    }
    expect(doc).toContain(`at most ${MAX_LENGTH.toLocaleString('en')} characters, and at most ${MAX_NESTING} levels of nesting`);
  });
});
