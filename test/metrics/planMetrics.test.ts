import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { planMetrics } from '../../src/metrics/planMetrics.ts';
import { linearScenario } from '../../src/model/scenario.ts';
import { rollout } from '../../src/rollout/rollout.ts';
import { solveExact } from '../../src/solvers/exact.ts';

/** The result of `run`, or the error it throws, as comparable plain data. */
function outcome(run: () => object): unknown {
  try {
    return Object.entries(run()).map(([key, value]) => [key, Object.is(value, -0) ? '-0' : value]);
  } catch (error) {
    return { error: String(error) };
  }
}

describe('planMetrics', () => {
  it('equals computeMetrics(rollout(…)) bit for bit, divergence included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 40, noNaN: true })), fc.double({ min: -3, max: 3, noNaN: true })), { minLength: 1, maxLength: 60 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (episodes, theta0, regularizer) => {
          const scenario = linearScenario({ schedule: episodes.map(([rate]) => rate), theta0, regularizer });
          const plan = Float64Array.from(episodes, ([, a]) => a);
          expect(outcome(() => planMetrics(scenario, plan))).toEqual(outcome(() => computeMetrics(rollout(scenario, plan))));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('equals them on solved plans, and without training (θ₀ = 0 too)', () => {
    for (const options of [{ schedule: '1x20,0x80' }, { schedule: '0.3x200,0x800', discount: 0.95 }, { schedule: '0x5' }, { schedule: '1x3', theta0: 0 }]) {
      const scenario = linearScenario(options);
      const plan = solveExact(scenario).coefficients;
      expect(planMetrics(scenario, plan)).toEqual(computeMetrics(rollout(scenario, plan)));
    }
  });

  it('throws where rollout throws: a plan of the wrong length, θ overflowing', () => {
    const scenario = linearScenario({ schedule: '1x3' });
    expect(() => planMetrics(scenario, new Float64Array(2))).toThrow('2 coefficients for 3 episodes');
    const wild = linearScenario({ schedule: '1e300x3' });
    expect(() => planMetrics(wild, Float64Array.of(1, 1, 1))).toThrow(/episode 1/);
  });
});
