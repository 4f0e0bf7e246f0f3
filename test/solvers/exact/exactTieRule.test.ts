import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScenario } from '../../../src/model/scenario.ts';
import { depressedCubicRoots } from '../../../src/numerics/cubic.ts';
import { bestCoefficient, newChoice, solveExact } from '../../../src/solvers/exact/exact.ts';
import { normalisedCost, updateFactor } from '../../../src/solvers/suffixMoments.ts';
import { preferredAction, TIE_RULES } from '../../../src/solvers/tieRule.ts';

/**
 * Random agents, half of them with a g that is not convex: B is set so that the cubic
 * c3·a³ + c1·a − 2 has three real roots, which needs c1 < −3·c3^(1/3) (its discriminant
 * −4c3c1³ − 108c3² is then positive).
 */
const agent = fc
  .record({
    // A ≥ 1e−3: a subnormal A puts the roots near 1e150, where g itself loses every digit.
    A: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    B: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    L: fc.double({ min: 0, max: 100, noNaN: true }),
    rate: fc.double({ min: 0.01, max: 3, noNaN: true }),
    discount: fc.double({ min: 0.01, max: 1, noNaN: true }),
    regularizer: fc.double({ min: 0, max: 3, noNaN: true }),
    threeRoots: fc.option(fc.double({ min: 1.01, max: 20, noNaN: true })),
  })
  .map(({ threeRoots, ...o }) => {
    if (threeRoots === null) return o;
    const gl = o.discount * o.rate;
    const c1 = -threeRoots * 3 * Math.cbrt(16 * gl * o.rate * o.A);
    return { ...o, B: (c1 - 2 + 8 * gl * (1 - 2 * o.rate * o.regularizer) * o.A) / (8 * gl) };
  });

describe('solveExact under each tie rule', () => {
  it('the two local minima of g never tie: the negative one costs at least 4|r1| more (g(a) = E(a) − 2a, E even)', () => {
    let nonConvex = 0;
    fc.assert(
      fc.property(agent, ({ A, B, L, rate, discount, regularizer }) => {
        const gl = discount * rate;
        const roots = new Float64Array(3);
        const count = depressedCubicRoots(16 * gl * rate * A, 2 - 8 * gl * (1 - 2 * rate * regularizer) * A + 8 * gl * B, -2, roots);
        if (count < 3) return;
        const [r1, , r3] = Array.from(roots).sort((x, y) => x - y);
        const g = (a: number) => normalisedCost(a, updateFactor(a, rate, regularizer), { A, B, L }, discount);
        if (!(r1 < r3 * (1 - 1e-6))) return; // a double root: one minimum
        nonConvex++;
        expect(r1).toBeLessThan(0);
        expect(g(r1) - g(r3)).toBeGreaterThanOrEqual(4 * Math.abs(r1) * (1 - 1e-6) - 1e-9 * Math.abs(g(r1)));
        for (const tieRule of TIE_RULES) {
          const choice = bestCoefficient(rate, discount, regularizer, { A, B, L }, newChoice(tieRule));
          expect(choice.tied).toBe(false);
          expect(choice.a).toBeCloseTo(r3, 6);
        }
      }),
      { numRuns: 2000 },
    );
    expect(nonConvex).toBeGreaterThan(100);
  });

  it('every rule gives the same equilibrium, without ties, on random schedules with regularizers', () => {
    const game = fc.record({
      schedule: fc.array(fc.constantFrom(0, 0.1, 0.3, 0.5, 1, 2), { minLength: 1, maxLength: 8 }),
      discount: fc.constantFrom(0.5, 0.9, 1),
      regularizer: fc.constantFrom(0, 0.1, 1, 3),
    });
    fc.assert(
      fc.property(game, (o) => {
        const smallest = solveExact(linearScenario(o));
        expect(smallest.tieRule).toBe('smallest');
        for (const tieRule of TIE_RULES) {
          const solved = solveExact(linearScenario({ ...o, tieRule }));
          expect(solved.coefficients).toEqual(smallest.coefficients);
          expect(solved.ties).toEqual([]);
          expect(solved.tieRule).toBe(tieRule);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('preferredAction(rule, x, y)', () => {
  it('plays the smaller, the larger, or the one nearer honest play (the smaller when equally near)', () => {
    expect([preferredAction('smallest', 1.5, -0.5), preferredAction('largest', 1.5, -0.5), preferredAction('honest', 1.5, -0.5)]).toEqual([-0.5, 1.5, 1.5]);
    expect([preferredAction('honest', 0.5, 1.5), preferredAction('honest', 1.5, 0.5), preferredAction('honest', 0.25, 0.5)]).toEqual([0.5, 0.5, 0.5]);
    expect(Object.is(preferredAction('smallest', 0, -0), -0)).toBe(true);
  });
});
