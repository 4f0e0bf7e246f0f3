import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, differentiate, parseExpression, quadraticForm } from '../../src/model/expression.ts';
import { InputError } from '../../src/errors/inputError.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';

const value = fc.double({ min: -3, max: 3, noNaN: true });

describe('parseExpression', () => {
  it('evaluates and differentiates like the hand-written objective', () => {
    const e = parseExpression('(y - b)^2 + 0.1 * theta^2', ['y', 'theta', 'b'], 'baseObjective');
    const [dy, dtheta] = [differentiate(e, 'y'), differentiate(e, 'theta')];
    fc.assert(
      fc.property(value, value, value, (y, theta, b) => {
        assertInDelta(e.evaluate({ y, theta, b }), (y - b) ** 2 + 0.1 * theta ** 2, 1e-12);
        assertInDelta(dy.evaluate({ y, theta, b }), 2 * (y - b), 1e-12);
        assertInDelta(dtheta.evaluate({ y, theta, b }), 0.2 * theta, 1e-12);
      }),
    );
  });

  it('compileExpression computes what evaluate computes, and its derivative matches central differences', () => {
    const sources = ['y^2 + 0.1*theta^2', 'exp(-y) * cos(theta) - sqrt(abs(y))', '(y - theta)^3 / (1 + theta^2)', '-y + +theta * tanh(y)'];
    for (const source of sources) {
      const e = parseExpression(source, ['y', 'theta'], 'x');
      const compiled = compileExpression(e, ['y', 'theta']);
      const derivative = compileExpression(differentiate(e, 'y'), ['y', 'theta']);
      fc.assert(
        fc.property(value, value, (y, theta) => {
          assertInDelta(compiled([y, theta]), e.evaluate({ y, theta }), 1e-12 * (1 + Math.abs(e.evaluate({ y, theta }))));
          const h = 1e-6;
          const numeric = (e.evaluate({ y: y + h, theta }) - e.evaluate({ y: y - h, theta })) / (2 * h);
          if (Math.abs(y) > 1e-3) assertInDelta(derivative([y, theta]), numeric, 1e-5 * (1 + Math.abs(numeric)));
        }),
        { numRuns: 50 },
      );
    }
  });

  it.each([
    ['import("fs")', /function import is not allowed/],
    ['evaluate("1+1")', /function evaluate is not allowed/],
    ['y^2 + z', /unknown variable z/],
    ['f(x) = x', /function f is not allowed/],
    ['y = 2', /"=" is not allowed/],
    ['"text"', /"\\"" is not allowed/],
    ['y[1]', /"\[" is not allowed/],
    ['y +', /cannot parse/],
  ])('rejects %j, never running it', (source, message) => {
    expect(() => parseExpression(source, ['y', 'theta'], 'baseObjective')).toThrow(InputError);
    expect(() => parseExpression(source, ['y', 'theta'], 'baseObjective')).toThrow(message);
  });
});

describe('quadraticForm', () => {
  it('reads Q off a homogeneous quadratic: e(v) = vᵀQv', () => {
    const e = parseExpression('(y - b)^2 + 0.1*theta^2 + 3*y*theta', ['y', 'theta', 'b'], 'x');
    assertInDelta(quadraticForm(e, ['y', 'theta', 'b']) ?? [], [1, 1.5, -1, 1.5, 0.1, 0, -1, 0, 1], 1e-15);
    // An absent cross term is exactly 0, so the seed family is recognised exactly.
    expect(Array.from(quadraticForm(parseExpression('y^2 + 0.1*theta^2', ['y', 'theta'], 'x'), ['y', 'theta']) ?? [])).toEqual([1, 0, 0, 0.1]);
  });

  it.each(['y^2 + theta', 'y^2 + 1', 'y^4', 'exp(y)', 'y^2 * theta'])('is null for %j, which is not a homogeneous quadratic', (source) => {
    expect(quadraticForm(parseExpression(source, ['y', 'theta'], 'x'), ['y', 'theta'])).toBeNull();
  });
});
