import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { planMetrics } from '../../src/metrics/planMetrics.ts';
import { linearScenario } from '../../src/model/scenario.ts';
import { rollout } from '../../src/rollout/rollout.ts';

/** What a function returns, or the error it throws (class and message), for comparing outcomes. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

// Learning rates and coefficients wide enough that some plans overflow θ, a loss or a sum.
const rate = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 1e100, noNaN: true }));
const coefficient = fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -1e50, max: 1e50, noNaN: true }));
// θ₀ as the schema allows it: 0, or of magnitude 1e−150 to 1e150.
const theta0 = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: -1e150, max: -1e-150, noNaN: true }), fc.constant(1e150));
const plan = fc.array(fc.tuple(rate, coefficient), { minLength: 1, maxLength: 40 });

describe('planMetrics (the metrics without the trajectory)', () => {
  it('equals computeMetrics(rollout(…)) bit for bit, and diverges at the same episode with the same message', () => {
    let diverged = 0;
    fc.assert(
      fc.property(plan, theta0, fc.double({ min: 0, max: 0.6, noNaN: true }), (episodes, theta0, regularizer) => {
        const scenario = linearScenario({ schedule: episodes.map(([l]) => l), theta0, regularizer });
        const coefficients = Float64Array.from(episodes, ([, a]) => a);
        const expected = outcome(() => computeMetrics(rollout(scenario, coefficients)));
        if ('error' in (expected as object)) diverged++;
        expect(outcome(() => planMetrics(scenario, coefficients))).toStrictEqual(expected);
      }),
      { numRuns: 2000 },
    );
    // Both kinds of outcome were compared, not only finite runs.
    expect(diverged).toBeGreaterThan(100);
    expect(diverged).toBeLessThan(1900);
  });

  it('reports an overflowing sum at the episode where it overflows, after finite terms', () => {
    // Each mesa term (y − θ)² = 1e300·(a − 1)² ≈ 1.44e308 is finite; their sum is not from episode 1 on.
    const scenario = linearScenario({ schedule: [0, 0, 0], theta0: 1e150 });
    const coefficients = Float64Array.from([-1.2e4, -1.2e4, -1.2e4]);
    expect(() => computeMetrics(rollout(scenario, coefficients))).toThrow(/episode 1/);
    expect(() => planMetrics(scenario, coefficients)).toThrow(/episode 1/);
  });
});
