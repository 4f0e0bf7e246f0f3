import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DivergenceError } from '../../../src/errors/inputError.ts';
import { linearScenario } from '../../../src/model/scenario.ts';
import { bestCoefficient, solveExact } from '../../../src/solvers/exact/exact.ts';
import { solveGrid } from '../../../src/solvers/grid/grid.ts';
import { emptyFuture, normalisedCost, prependEpisode, updateFactor } from '../../../src/solvers/suffixMoments.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';
import { directCost } from '../../helpers/directCost.ts';

const GRID = linearScenario({ schedule: [1] }).coefficientGrid;
const rate = fc.double({ min: 0, max: 2, noNaN: true });

/** The suffix moments of a future plan, built with the solvers' own recursion. */
function momentsOf(plan: number[], rates: number[], discount: number, regularizer: number) {
  const future = emptyFuture();
  for (let k = plan.length - 1; k >= 0; k--) {
    prependEpisode(future, plan[k], updateFactor(plan[k], rates[k], regularizer), discount);
  }
  return future;
}

describe('solveExact', () => {
  it("bestCoefficient never costs the agent more than any grid coefficient, given the same future plan", () => {
    const game = fc.record({
      rates: fc.array(rate, { minLength: 1, maxLength: 8 }),
      plan: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 8, maxLength: 8 }),
      discount: fc.double({ min: 0, max: 1, noNaN: true }),
      regularizer: fc.double({ min: 0, max: 0.5, noNaN: true }),
    });
    fc.assert(
      fc.property(game, ({ rates, plan, discount, regularizer }) => {
        const future = plan.slice(0, rates.length - 1);
        const moments = momentsOf(future, rates.slice(1), discount, regularizer);
        const { a } = bestCoefficient(rates[0], discount, regularizer, moments);
        const cost = (x: number) => directCost([x, ...future], rates, discount, regularizer);
        const best = cost(a);
        for (const x of GRID) expect(best).toBeLessThanOrEqual(cost(x) * (1 + 1e-9) + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('g′(a) is the cubic 16γℓ²A·a³ + (2 − 8γℓ(1 − 2ℓλ)A + 8γℓB)·a − 2 (finite differences)', () => {
    const point = fc.record({
      a: fc.double({ min: -2, max: 2, noNaN: true }),
      l: fc.double({ min: 0, max: 2, noNaN: true }),
      g: fc.double({ min: 0, max: 1, noNaN: true }),
      lambda: fc.double({ min: 0, max: 0.5, noNaN: true }),
      A: fc.double({ min: 0, max: 5, noNaN: true }),
      B: fc.double({ min: -3, max: 3, noNaN: true }),
      L: fc.double({ min: 0, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(point, ({ a, l, g, lambda, A, B, L }) => {
        const future = { A, B, L };
        const cost = (x: number) => normalisedCost(x, updateFactor(x, l, lambda), future, g);
        const h = 1e-5;
        const numeric = (cost(a + h) - cost(a - h)) / (2 * h);
        const cubic = 16 * g * l * l * A * a ** 3 + (2 - 8 * g * l * (1 - 2 * l * lambda) * A + 8 * g * l * B) * a - 2;
        assertInDelta(numeric, cubic, 1e-5 * (1 + Math.abs(cubic)));
      }),
      { numRuns: 300 },
    );
  });

  it('solveExact agrees with solveGrid within one grid step on the published schedules', () => {
    for (const spec of ['1x20,0x80', '1x100']) {
      const scenario = linearScenario({ schedule: spec });
      assertInDelta(solveExact(scenario).coefficients, solveGrid(scenario).coefficients, 0.01);
    }
  });

  it('solveExact plays 1 without a learning rate and for the last agent', () => {
    const { coefficients } = solveExact(linearScenario({ schedule: '0x5,1x3' }));
    expect(coefficients[7]).toBe(1);
    expect(Array.from(coefficients.slice(0, 5))).toEqual([1, 1, 1, 1, 1]);
  });

  it('solveExact equals the grid solver on a grid refined around its own answer', () => {
    // On a fine grid the best grid point approaches the continuous minimiser.
    const scenario = linearScenario({ schedule: '1x5,0x5' });
    const exact = solveExact(scenario).coefficients;
    const fine = solveGrid(linearScenario({ schedule: '1x5,0x5', coefficientGrid: Array.from({ length: 40001 }, (_, i) => -2 + i * 1e-4) }));
    assertInDelta(fine.coefficients, exact, 2e-4);
  });

  it('solveExact handles 10⁶ episodes with finite coefficients', () => {
    const { coefficients } = solveExact(linearScenario({ schedule: '1x500000,0x500000' }));
    expect(coefficients.every(Number.isFinite)).toBe(true);
  });

  it('solveExact reports divergence with the episode', () => {
    expect(() => solveExact(linearScenario({ schedule: '1e200x5', regularizer: 1 }))).toThrow(DivergenceError);
  });
});
