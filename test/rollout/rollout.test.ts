import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DivergenceError } from '../../src/errors/inputError.ts';
import { linearScenario } from '../../src/model/scenario.ts';
import { rollout } from '../../src/rollout/rollout.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';

describe('rollout', () => {
  it('follows θ_{n+1} = θ_n − ℓ_n·d(y² + λθ²)/dθ with y = aθ, checked by finite differences', () => {
    const game = fc.record({
      rates: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
      plan: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
      regularizer: fc.double({ min: 0, max: 0.5, noNaN: true }),
      theta0: fc.double({ min: -2, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(game, ({ rates, plan, regularizer, theta0 }) => {
        const scenario = linearScenario({ schedule: rates, regularizer, theta0 });
        const coefficients = Float64Array.from(plan.slice(0, rates.length));
        const t = rollout(scenario, coefficients);
        for (let n = 0; n < rates.length; n++) {
          const a = coefficients[n];
          const base = (th: number) => (a * th) ** 2 + regularizer * th * th;
          const h = 1e-6;
          const gradient = (base(t.theta[n] + h) - base(t.theta[n] - h)) / (2 * h);
          assertInDelta(t.theta[n + 1], t.theta[n] - rates[n] * gradient, 1e-7);
          expect(t.output[n]).toBe(a * t.theta[n]);
          expect(t.mesaLoss[n]).toBeCloseTo((t.output[n] - t.theta[n]) ** 2, 12);
        }
        expect(t.theta.length).toBe(rates.length + 1);
      }),
    );
  });

  it('reports "diverged at episode n" when θ overflows', () => {
    const scenario = linearScenario({ schedule: '1x1000' });
    const coefficients = new Float64Array(1000).fill(2); // |f| = 7: θ_n = 0.8·(−7)^n
    let first = 0; // the first episode whose base loss (2θ_n)² overflows
    while (Number.isFinite((2 * 0.8 * 7 ** first) ** 2)) first++;
    expect(() => rollout(scenario, coefficients)).toThrow(DivergenceError);
    expect(() => rollout(scenario, coefficients)).toThrow(`diverged at episode ${first} `);
  });
});
