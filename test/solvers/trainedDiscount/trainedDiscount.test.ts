import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors/inputError.ts';
import { linspace } from '../../../src/numerics/linspace.ts';
import { linearScenario } from '../../../src/model/scenario.ts';
import { rollout } from '../../../src/rollout/rollout.ts';
import { solveExact } from '../../../src/solvers/exact/exact.ts';
import { solveTrainedDiscount } from '../../../src/solvers/trainedDiscount/trainedDiscount.ts';
import { trainedDiscountScenario, type TrainedDiscountEquilibrium } from '../../../src/solvers/trainedDiscount/trainedDiscountModel.ts';
import { simulatedAgentCost, solveTrainedDiscountReference } from '../../../src/solvers/trainedDiscount/trainedDiscountReference.ts';
import { rolloutTrainedDiscount } from '../../../src/solvers/trainedDiscount/trainedDiscountRollout.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

/** Stage n's policy (or slopes) on the γ grid. */
const stage = (values: Float64Array, e: TrainedDiscountEquilibrium, n: number) => values.subarray(n * e.discounts.length, (n + 1) * e.discounts.length);

/** a_0 of the exact solver with a fixed discount on a schedule spec. */
const exactFirst = (schedule: string, discount: number) => solveExact(linearScenario({ schedule, discount })).coefficients[0];

describe('solveTrainedDiscount', () => {
  it('equals the reference solver (direct simulation, no tables) on short schedules', () => {
    for (const [schedule, coefficientDelta, slopeDelta] of [
      ['1x3,0x6', 1e-3, 1e-2],
      ['0.3x4,0x6', 5e-3, 5e-2],
    ] as const) {
      const scenario = trainedDiscountScenario({ schedule, discountNodes: 21 });
      const fast = solveTrainedDiscount(scenario);
      const reference = solveTrainedDiscountReference(scenario);
      assertInDelta(fast.coefficients, reference.coefficients, coefficientDelta);
      assertInDelta(fast.slopes, reference.slopes, slopeDelta);
    }
  });

  it('with the discount untrained (κ = 0) every stage plays the exact solver’s coefficient for its fixed γ', () => {
    const scenario = trainedDiscountScenario({ schedule: '1x4,0.5x2,0x6', discountNodes: 11, stepScale: 0 });
    const e = solveTrainedDiscount(scenario);
    for (let n = 0; n < 6; n++) {
      const suffix = Array.from(scenario.schedule.subarray(n)).join(',');
      e.discounts.forEach((g, i) => assertInDelta(stage(e.coefficients, e, n)[i], exactFirst(suffix, g), 1e-6));
    }
    // …and the rollout from a node's γ₀ is the exact solver's rollout with that fixed discount.
    const fixed = linearScenario({ schedule: scenario.schedule, discount: 0.7 });
    const path = rolloutTrainedDiscount(scenario, e, 0.7);
    assertInDelta(path.theta, rollout(fixed, solveExact(fixed).coefficients).theta, 1e-6);
    expect(Array.from(path.discount).every((g) => g === 0.7)).toBe(true);
  });

  it('the last training agent plays the fixed-discount coefficient (its successors ignore γ) whatever κ', () => {
    const scenario = trainedDiscountScenario({ schedule: '1x3,0x5', discountNodes: 11 });
    const e = solveTrainedDiscount(scenario);
    e.discounts.forEach((g, i) => assertInDelta(stage(e.coefficients, e, 2)[i], exactFirst('1,0x5', g), 1e-6));
  });

  it('every agent’s coefficient is its best response over [−2, 2] to its forecast (brute force, simulated costs)', () => {
    const scenario = trainedDiscountScenario({ schedule: '1x3,0x6', discountNodes: 11 });
    const e = solveTrainedDiscount(scenario);
    const grid = linspace(-2, 2, 2001);
    for (let n = 0; n < 3; n++) {
      e.discounts.forEach((g, i) => {
        const a = stage(e.coefficients, e, n)[i];
        const drift = a * stage(e.slopes, e, n)[i];
        const cost = (x: number) => simulatedAgentCost(scenario, e, n, g, x, drift);
        const best = Math.min(...grid.map(cost));
        expect(cost(a)).toBeLessThanOrEqual(best + 1e-6 * best + 1e-12);
      });
    }
  });

  it('is θ²-homogeneous only together with κ: prior and θ₀ scaled by c equal κ scaled by c²', () => {
    const base = trainedDiscountScenario({ schedule: '0.3x5,0x5', discountNodes: 11 });
    const scaled = trainedDiscountScenario({ schedule: '0.3x5,0x5', discountNodes: 11, prior: linspace(-2, 2, 11), theta0: 1.6, stepScale: 0.25 });
    const a = solveTrainedDiscount(base);
    const b = solveTrainedDiscount(scaled);
    assertInDelta(a.coefficients, b.coefficients, 1e-6);
    assertInDelta(rolloutTrainedDiscount(base, a, 0.6).discount, rolloutTrainedDiscount(scaled, b, 0.6).discount, 1e-6);
    // Without κ's compensation the game changes: a larger goal moves γ further per step.
    const unscaled = trainedDiscountScenario({ schedule: '0.3x5,0x5', discountNodes: 11, prior: linspace(-2, 2, 11), theta0: 1.6 });
    expect(Math.max(...solveTrainedDiscount(unscaled).coefficients.map((x, k) => Math.abs(x - a.coefficients[k])))).toBeGreaterThan(1e-3);
  });

  it('deployment plays a ≡ 1 with zero slope, and an all-deployment schedule never moves γ', () => {
    const scenario = trainedDiscountScenario({ schedule: '0x5', discountNodes: 5 });
    const e = solveTrainedDiscount(scenario);
    expect(Array.from(e.coefficients).every((a) => a === 1)).toBe(true);
    expect(Array.from(e.slopes).every((d) => d === 0)).toBe(true);
    const path = rolloutTrainedDiscount(scenario, e, 0.3);
    expect(Array.from(path.discount).every((g) => g === 0.3)).toBe(true);
  });
});

describe('rolloutTrainedDiscount', () => {
  const scenario = trainedDiscountScenario({ schedule: '1x4,0x4', discountNodes: 11 });
  const e = solveTrainedDiscount(scenario);

  it('steps θ by the seed’s update, keeps γ in [0, 1], and freezes γ in deployment', () => {
    const path = rolloutTrainedDiscount(scenario, e, 0.45);
    for (let n = 0; n < 8; n++) {
      assertInDelta(path.theta[n + 1], path.theta[n] * (1 - 2 * path.learningRate[n] * path.coefficient[n] ** 2), 1e-15);
      expect(path.discount[n]).toBeGreaterThanOrEqual(0);
      expect(path.discount[n]).toBeLessThanOrEqual(1);
      if (n >= 4) expect(path.discount[n + 1]).toBe(path.discount[n]);
    }
  });

  it('leaves γ where it is when θ₀ = 0 (γ’s step is proportional to θ²)', () => {
    const path = rolloutTrainedDiscount(scenario, e, 0.45, 0);
    expect(Array.from(path.discount).every((g) => g === 0.45)).toBe(true);
  });

  it('refuses γ₀ outside [0, 1]', () => {
    expect(() => rolloutTrainedDiscount(scenario, e, 1.2)).toThrow(RangeError);
  });
});

describe('trainedDiscountScenario', () => {
  it('refuses learning rates above 1, an all-zero prior and grids of fewer than 3 nodes', () => {
    expect(() => trainedDiscountScenario({ schedule: '1.5x3' })).toThrow(InputError);
    expect(() => trainedDiscountScenario({ schedule: '1x3', prior: [0, 0] })).toThrow(/nonzero/);
    expect(() => trainedDiscountScenario({ schedule: '1x3', discountNodes: 2 })).toThrow(/discountNodes/);
    expect(() => trainedDiscountScenario({ schedule: '1x3', stepScale: -1 })).toThrow(/stepScale/);
  });

  it('merges the prior into its θ² values: the seed’s 11 points give 6 with weights 1/11 and 2/11', () => {
    const scenario = trainedDiscountScenario({ schedule: '1' });
    assertInDelta(scenario.priorSquares, [0, 0.04, 0.16, 0.36, 0.64, 1], 1e-12);
    assertInDelta(scenario.priorWeights, [1, 2, 2, 2, 2, 2].map((w) => w / 11), 1e-15);
  });
});
