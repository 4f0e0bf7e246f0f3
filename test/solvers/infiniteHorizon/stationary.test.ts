import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScenario } from '../../../src/model/scenario.ts';
import { solveExact } from '../../../src/solvers/exact/exact.ts';
import { stationaryEquilibria, stationaryMoments, trainingThenEndlessDeployment } from '../../../src/solvers/infiniteHorizon/stationary.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

describe('stationary equilibria', () => {
  it('equal the first coefficient of a long finite horizon (γ < 1)', () => {
    const setting = fc.record({ rate: fc.double({ min: 0.05, max: 1.5, noNaN: true }), discount: fc.double({ min: 0.3, max: 0.95, noNaN: true }) });
    fc.assert(
      fc.property(setting, ({ rate, discount }) => {
        const equilibria = stationaryEquilibria(rate, discount);
        expect(equilibria.length).toBeGreaterThanOrEqual(1);
        const horizon = Math.ceil(40 / (1 - discount));
        const a0 = solveExact(linearScenario({ schedule: new Float64Array(horizon).fill(rate), discount })).coefficients[0];
        expect(Math.min(...equilibria.map((a) => Math.abs(a - a0)))).toBeLessThan(1e-9);
      }),
      { numRuns: 30 },
    );
  });

  it('stationaryMoments are the geometric sums, and refuse γ = 1', () => {
    const m = stationaryMoments(0.5, 0.2, 0.9)!;
    const f = 1 - 2 * 0.2 * 0.25;
    let [A, B, L] = [0, 0, 0];
    for (let k = 0; k < 2000; k++) {
      A += 0.9 ** k * (0.5 * f ** k) ** 2;
      B += 0.9 ** k * 0.5 * f ** k;
      L += 0.9 ** k;
    }
    assertInDelta([m.A, m.B, m.L], [A, B, L], 1e-12);
    expect(stationaryMoments(0.5, 0.2, 1)).toBeNull();
  });

  it('training then endless deployment equals a long finite deployment', () => {
    for (const discount of [0.8, 0.95]) {
      const endless = trainingThenEndlessDeployment(15, 1, discount);
      const finite = solveExact(linearScenario({ schedule: `1x15,0x${Math.ceil(60 / (1 - discount))}`, discount })).coefficients.slice(0, 15);
      assertInDelta(endless, finite, 1e-9);
    }
  });
});
