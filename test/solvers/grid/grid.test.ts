import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScenario } from '../../../src/model/scenario.ts';
import { DivergenceError } from '../../../src/errors/inputError.ts';
import { solveGrid } from '../../../src/solvers/grid/grid.ts';
import { solveReference } from '../../../src/solvers/reference/reference.ts';

const rate = fc.double({ min: 0, max: 2, noNaN: true });
const schedule = fc.array(rate, { minLength: 1, maxLength: 12 });

describe('solveGrid', () => {
  it('solveGrid(schedule) equals the reference solver on random schedules', () => {
    fc.assert(
      fc.property(schedule, (rates) => {
        const scenario = linearScenario({ schedule: rates });
        expect(Array.from(solveGrid(scenario).coefficients)).toEqual(Array.from(solveReference(scenario).coefficients));
      }),
      { numRuns: 250 },
    );
  });

  it('solveGrid equals the reference solver with random discounts and regularizers', () => {
    const options = fc.record({
      schedule,
      discount: fc.double({ min: 0, max: 1, noNaN: true }),
      regularizer: fc.double({ min: 0, max: 0.5, noNaN: true }),
    });
    fc.assert(
      fc.property(options, (o) => {
        const scenario = linearScenario(o);
        const grid = solveGrid(scenario);
        const reference = solveReference(scenario);
        expect(Array.from(grid.coefficients)).toEqual(Array.from(reference.coefficients));
        expect(grid.ties).toEqual(reference.ties);
      }),
      { numRuns: 100 },
    );
  });

  it('solveGrid equals the reference solver on schedules of training runs then deployment', () => {
    const runs = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.constantFrom(0.25, 0.5, 1, 2));
    fc.assert(
      fc.property(runs, ([training, deployment, learningRate]) => {
        fc.pre(training + deployment > 0);
        const scenario = linearScenario({ schedule: [...Array(training).fill(learningRate), ...Array(deployment).fill(0)] });
        expect(Array.from(solveGrid(scenario).coefficients)).toEqual(Array.from(solveReference(scenario).coefficients));
      }),
      { numRuns: 60 },
    );
  });

  it('solveGrid does not depend on the prior (costs are θ²-homogeneous)', () => {
    const prior = fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(schedule, prior, (rates, points) => {
        fc.pre(points.some((p) => p !== 0));
        const base = solveGrid(linearScenario({ schedule: rates }));
        expect(Array.from(solveGrid(linearScenario({ schedule: rates, prior: points })).coefficients)).toEqual(
          Array.from(base.coefficients),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('solveGrid plays the honest coefficient 1 whenever the learning rate is 0', () => {
    fc.assert(
      fc.property(schedule, (rates) => {
        const { coefficients } = solveGrid(linearScenario({ schedule: rates }));
        rates.forEach((l, n) => {
          if (l === 0) expect(coefficients[n]).toBe(1);
        });
      }),
    );
  });

  it('solveGrid is myopic (all coefficients 1) when the discount is 0', () => {
    const { coefficients } = solveGrid(linearScenario({ schedule: '1x30', discount: 0 }));
    expect(coefficients.every((a) => a === 1)).toBe(true);
  });

  it('solveGrid plays 1 for a single episode, even in training', () => {
    expect(Array.from(solveGrid(linearScenario({ schedule: [2] })).coefficients)).toEqual([1]);
  });

  it('solveGrid handles 10⁵ episodes with finite coefficients', () => {
    const { coefficients } = solveGrid(linearScenario({ schedule: '1x50000,0x50000' }));
    expect(coefficients.length).toBe(100_000);
    expect(coefficients.every(Number.isFinite)).toBe(true);
  });

  it('solveGrid reports divergence with the episode when the suffix moments overflow', () => {
    const scenario = linearScenario({ schedule: '1e200x5', regularizer: 1 });
    expect(() => solveGrid(scenario)).toThrow(DivergenceError);
    expect(() => solveGrid(scenario)).toThrow(/diverged at episode 3/);
  });
});
