import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differentiate, parseExpression } from '../../../src/model/expression.ts';
import { InputError } from '../../../src/errors/inputError.ts';
import { agree, dualValue, expressionText, point, scopeOf, VARIABLES } from '../../helpers/expressions.ts';

/** Our parse of `source`, or null for the one refusal a valid string may get: a constant that is not finite. */
function parsed(source: string) {
  try {
    return parseExpression(source, VARIABLES, 'baseObjective');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^baseObjective: .* (is not a real number|is infinite), in "/);
    return null;
  }
}

describe('parseExpression against mathjs (an independent parser)', () => {
  it('parse + evaluate equals real arithmetic over mathjs’s parse of random expressions at random points', () => {
    fc.assert(
      fc.property(expressionText(6), point, (source, values) => {
        const e = parsed(source);
        if (!e) return;
        const reference = dualValue(source, scopeOf(values), 'y').v;
        expect(agree(e.evaluate(scopeOf(values)), reference, 1e-12), `${source} at ${values}: ${e.evaluate(scopeOf(values))} vs ${reference}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the derivative equals dual numbers evaluated over mathjs’s tree', () => {
    fc.assert(
      fc.property(expressionText(6), point, fc.constantFrom(...VARIABLES), (source, values, variable) => {
        const e = parsed(source);
        if (!e) return;
        let derivative;
        try {
          derivative = differentiate(e, variable);
        } catch (error) {
          // Only a derivative with a non-finite constant (log of a negative base, 1/0) may be refused.
          expect((error as Error).message).toMatch(/^baseObjective: .* (is not a real number|is infinite), in its derivative in /);
          return;
        }
        const scope = scopeOf(values);
        const reference = dualValue(source, scope, variable);
        // Where the reference is not finite, 0·∞ and 0/0 decide, which we simplify away: compare finite ones.
        if (!Number.isFinite(reference.d)) return;
        // A derivative exists only where the function is real on a neighbourhood: at y = −5e−309,
        // y^(y^3) is 1 (y³ underflows to −0) but NaN at every y < 0 nearby, so the reference's 0 means nothing.
        const step = 1e-6 * Math.max(1, Math.abs(scope[variable]));
        const nearby = [-step, step].map((h) => dualValue(source, { ...scope, [variable]: scope[variable] + h }, variable).v);
        if (nearby.some(Number.isNaN)) return;
        const ours = derivative.evaluate(scope);
        expect(agree(ours, reference.d, 1e-9), `d/d${variable} ${source} at ${values}: ${ours} vs ${reference.d} (ours: ${derivative.source})`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the dual-number reference itself matches central differences on smooth expressions', () => {
    for (const source of ['y^2 * theta', 'exp(-y) * cos(theta) / (1 + square(b))', 'tanh(y)^3 - sqrt(1 + y^2)', 'log(2 + sin(y)) ^ theta']) {
      fc.assert(
        fc.property(point, (values) => {
          const h = 1e-6;
          const at = (dy: number) => dualValue(source, scopeOf([values[0] + dy, values[1], values[2]]), 'y');
          const numeric = (at(h).v - at(-h).v) / (2 * h);
          expect(agree(at(0).d, numeric, 1e-6)).toBe(true);
        }),
        { numRuns: 100 },
      );
    }
  });
});

describe('size and time', () => {
  /** Sums and products of random sub-expressions: a few hundred nodes each. */
  const large = fc
    .array(fc.tuple(expressionText(5), fc.constantFrom('+', '-', '*', '/')), { minLength: 20, maxLength: 60 })
    .map((parts) => parts.map(([text, op], i) => (i === 0 ? text : `${op}${text}`)).join(''));

  it('random expressions of a few hundred nodes parse and differentiate in bounded time', () => {
    let slowest = 0;
    fc.assert(
      fc.property(large, fc.constantFrom(...VARIABLES), (source, variable) => {
        const start = performance.now();
        try {
          const e = parseExpression(source, VARIABLES, 'baseObjective');
          differentiate(e, variable).evaluate(scopeOf([0.3, -0.7, 1.1]));
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
        slowest = Math.max(slowest, performance.now() - start);
      }),
      { numRuns: 200 },
    );
    expect(slowest).toBeLessThan(250);
  });
});
