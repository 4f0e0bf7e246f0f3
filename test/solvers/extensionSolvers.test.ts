/**
 * The extensions' registered solvers against independent closed forms and limits: each extension,
 * set so that it degenerates into the plain seed game, gives the exact solver's run of that game.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runConfigs } from '../../src/experiment/pipeline.ts';
import type { GameResult } from '../../src/experiment/gameExperiment.ts';
import { linearScenario } from '../../src/model/scenario.ts';
import { rollout } from '../../src/rollout/rollout.ts';
import { solveExact } from '../../src/solvers/exact/exact.ts';

const game = (config: object): GameResult => {
  const batch = runConfigs([{ config, defaultName: 'test' }]);
  if (batch.kind !== 'game') throw new Error('expected a game');
  return batch.results[0];
};
const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i])));
};

describe('uncertain-deployment', () => {
  it('with a known training length and the phase observed, its expected trajectory is the seed game’s', () => {
    const r = game({ schedule: '0.7x60', theta0: 0.8, discount: 0.95, deployment: { trainingLength: { min: 15, max: 15 }, shift: 'observed' } });
    const scenario = linearScenario({ schedule: '0.7x15,0x45', theta0: 0.8, discount: 0.95 });
    const t = rollout(scenario, solveExact(scenario).coefficients);
    close(r.trajectory.actions.a, t.coefficient, 1e-12);
    close(r.trajectory.parameters.theta, t.theta, 1e-12);
    close(r.trajectory.output, t.output, 1e-12);
    close(r.trajectory.baseLoss, t.baseLoss, 1e-12);
    close(r.trajectory.mesaLoss, t.mesaLoss, 1e-12);
    expect(r.metrics.extension?.meanDeploymentCoefficient).toBeCloseTo(1, 12);
  });
});

describe('infinite-horizon', () => {
  it('endless deployment is the limit of long finite deployment (γ < 1)', () => {
    const r = game({ schedule: '1x20,0x5', discount: 0.9, horizon: 'endless-deployment' });
    const finite = solveExact(linearScenario({ schedule: '1x20,0x2000', discount: 0.9 })).coefficients;
    close(r.equilibrium.actions.subarray(0, 20), finite.subarray(0, 20), 1e-9);
    expect(Array.from(r.equilibrium.actions.subarray(20))).toEqual([1, 1, 1, 1, 1]);
  });

  it('the stationary coefficient is where long finite horizons settle, and a fixed point of the exact best reply', () => {
    const r = game({ schedule: '0.5x10', discount: 0.9, horizon: 'stationary' });
    const finite = solveExact(linearScenario({ schedule: '0.5x3000', discount: 0.9 })).coefficients;
    expect(Math.abs(r.equilibrium.actions[0] - finite[0])).toBeLessThan(1e-9);
    expect(r.metrics.extension?.stationaryEquilibria).toBe(1);
  });

  it('refuses γ = 1 in one line naming the field', () => {
    expect(() => game({ schedule: '1x10', horizon: 'stationary' })).toThrow(/horizon: stationary needs discount < 1/);
  });
});

describe('trained-discount', () => {
  it('with κ = 0 the discount never moves and the plan is the fixed-discount game’s (γ₀ on a node)', () => {
    const r = game({ schedule: '0.5x10,0x10', theta0: 0.8, trainedDiscount: { initial: 0.5, nodes: 31, stepScale: 0 } });
    expect(new Set(r.trajectory.parameters.gamma)).toEqual(new Set([0.5]));
    const fixed = solveExact(linearScenario({ schedule: '0.5x10,0x10', discount: 0.5 })).coefficients;
    close(r.trajectory.actions.a, fixed, 1e-6);
  });
});

describe('corridor', () => {
  const closedForm = (T: number, D: number, g: number) => {
    let v = 0;
    for (let k = T; k < T + D; k++) v += g ** k;
    return v;
  };

  it('decides as the closed form Σ_{k=T}^{T+D−1} γ^k vs 1 on random settings, ties by the rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 }), fc.constantFrom(1, 0.99, 0.9, 0.7, 0.5), fc.constantFrom('smallest', 'largest', 'honest'), (T, D, discount, tieRule) => {
        const r = game({ corridor: true, schedule: { training: T, deployment: D }, discount, tieRule });
        const v = closedForm(T, D, discount);
        const decision = r.metrics.extension?.decision;
        expect(decision).toBe(v > 1 ? 1 : v < 1 ? 0 : 0.5);
        // On a tie the walk is the rule's: smallest deceives (A first), the others walk to B at once.
        const deceives = v > 1 || (v === 1 && tieRule === 'smallest');
        expect(r.trajectory.actions.toB[0]).toBe(deceives ? 0 : 1);
        expect(r.metrics.extension?.reachesB).toBe(deceives ? D : 1);
      }),
      { numRuns: 150 },
    );
  });
});
