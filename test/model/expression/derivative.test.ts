import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, differentiate, parseExpression } from '../../../src/model/expression.ts';
import { InputError } from '../../../src/errors/inputError.ts';
import { postOrder } from '../../../src/model/expression/tree.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';
import { dualValue, expressionText, point, scopeOf, VARIABLES } from '../../helpers/expressions.ts';

const d = (source: string, variable = 'y') => differentiate(parseExpression(source, ['y', 'theta', 'b'], 'baseObjective'), variable);
/** y^2 + y + y + … + y with `terms` terms: the sum that took mathjs over 300 s at 25 terms (issue 16). */
const sum = (terms: number) => `y^2${'+y'.repeat(terms - 1)}`;

describe('differentiate', () => {
  it.each([
    ['y^2', 'y', '2 * y'],
    ['(y - b)^2', 'y', '2 * (y - b)'],
    ['(y - b)^2', 'b', '-(2 * (y - b))'],
    ['y^2 + 0.1 * theta^2', 'theta', '0.1 * (2 * theta)'],
    ['square(y)', 'y', '2 * y'],
    ['square(y - b)', 'b', '-(2 * (y - b))'],
    ['3 / y', 'y', '-(3 / y^2)'],
    ['y / 3', 'y', '0.3333333333333333'],
    ['y^theta', 'y', 'theta * y^(theta - 1)'],
    ['2^y', 'y', '2^y * 0.6931471805599453'],
    ['y^y', 'y', 'y^y * (log(y) + y / y)'],
    ['exp(-y)', 'y', '-exp(-y)'],
    ['log(y)', 'y', '1 / y'],
    ['sqrt(y)', 'y', '1 / (2 * sqrt(y))'],
    ['abs(y)', 'y', 'sign(y)'],
    ['cos(y)', 'y', '-sin(y)'],
    ['tanh(2 * y)', 'y', 'sech(2 * y)^2 * 2'],
    ['theta * b + 7', 'y', '0'],
    ['-(theta^2)', 'y', '0'],
  ])('∂(%s)/∂%s = %s', (source, variable, expected) => {
    expect(d(source, variable).source).toBe(expected);
  });

  it('square(y), on the allow-list, differentiates (it failed in mathjs, issue 16)', () => {
    const derivative = d('square(y) + square(theta * y)');
    fc.assert(fc.property(point, ([y, theta]) => assertInDelta(derivative.evaluate({ y, theta, b: 0 }), 2 * y + 2 * theta * y * theta, 1e-12)));
  });

  it('the derivative’s text parses back to the same values (where it uses only user functions)', () => {
    fc.assert(
      fc.property(expressionText(5), point, fc.constantFrom(...VARIABLES), (source, values, variable) => {
        let derivative;
        try {
          derivative = differentiate(parseExpression(source, VARIABLES, 'x'), variable);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        // sech and sign appear only in derivatives; a user cannot write them.
        if (/sech|sign/.test(derivative.source)) return;
        const scope = scopeOf(values);
        const [a, b] = [derivative.evaluate(scope), parseExpression(derivative.source, VARIABLES, 'x').evaluate(scope)];
        expect(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)), `${derivative.source}: ${a} vs ${b}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each([25, 1000, 4000])('y^2 + y + … + y with %i terms: linear time and size (the 25-term sum ran over 300 s in mathjs)', (terms) => {
    const start = performance.now();
    const derivative = d(sum(terms));
    const f = compileExpression(derivative, ['y']);
    expect(f([0.5])).toBe(1 + (terms - 1));
    expect(performance.now() - start).toBeLessThan(500);
    // One node per term and operator: 2·terms − 1 at most, and no copies.
    expect(postOrder(derivative.node).length).toBeLessThanOrEqual(2 * terms);
  });

  it('a product of k factors has a derivative of O(k) distinct nodes, and the right value', () => {
    const k = 500;
    const source = Array.from({ length: k }, (_, i) => `(1 + y / ${i + 1})`).join('*');
    const derivative = d(source);
    const size = postOrder(parseExpression(source, ['y'], 'x').node).length;
    expect(size).toBeGreaterThan(5 * k);
    // New nodes only: du·w + u·dw per product, du/w per quotient — a constant per operator.
    expect(postOrder(derivative.node).length).toBeLessThan(2 * size);
    assertInDelta(derivative.evaluate({ y: 0.25, theta: 0, b: 0 }), dualValue(source, { y: 0.25 }, 'y').d, 1e-9 * Math.abs(dualValue(source, { y: 0.25 }, 'y').d));
  });

  it('names the field when the derivative needs a number that is not real: (-2)^y', () => {
    expect(() => d('(-2)^y')).toThrow(InputError);
    expect(() => d('(-2)^y')).toThrow('baseObjective: log(-2) is not a real number, in its derivative in y');
    expect(d('(-2)^y', 'theta').source).toBe('0');
  });
});
