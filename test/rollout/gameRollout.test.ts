import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { linearScenario } from '../../src/model/scenario.ts';
import { DivergenceError } from '../../src/errors/inputError.ts';
import { rollout } from '../../src/rollout/rollout.ts';
import { rolloutGame } from '../../src/rollout/gameRollout.ts';
import { solveExact } from '../../src/solvers/exact/exact.ts';
import { solveLq } from '../../src/solvers/lq/lq.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';

describe('rolloutGame', () => {
  it('with the expression objective y^2 + λ*theta^2 follows the hand-written seed rollout', () => {
    const options = fc.record({
      rates: fc.array(fc.double({ min: 0, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 12 }),
      lambda: fc.double({ min: 0, max: 0.5, noNaN: true }),
      theta0: fc.double({ min: -2, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(options, ({ rates, lambda, theta0 }) => {
        const game = parseGameConfig({ schedule: rates, theta0, baseObjective: `y^2 + ${lambda} * theta^2` }).game;
        const seed = linearScenario({ schedule: rates, theta0, regularizer: lambda });
        const equilibrium = solveLq(game);
        assertInDelta(equilibrium.actions, solveExact(seed).coefficients, 1e-9);
        const t = rolloutGame(game, equilibrium);
        const expected = rollout(seed, equilibrium.actions);
        assertInDelta(t.parameters.theta, expected.theta, 1e-12);
        assertInDelta(t.output, expected.output, 1e-12);
        assertInDelta(t.baseLoss, expected.baseLoss, 1e-12);
        assertInDelta(t.mesaLoss, expected.mesaLoss, 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('moves a belief β and the goal θ by the true gradient of y², not the believed one', () => {
    const game = parseGameConfig({
      schedule: [0.5],
      parameters: { theta: { initial: 1, prior: [1] }, beta: { initial: 2, prior: [1] } },
      policy: { type: 'linear', inputs: ['theta', 'beta'] },
      frozen: { b: 'beta' },
      believedObjective: '(y - b)^2',
    }).game;
    const t = rolloutGame(game, { solver: 'test', actionNames: ['k_theta', 'k_beta'], actions: Float64Array.from([0.5, 0.25]), ties: [] });
    // y = 0.5·1 + 0.25·2 = 1; θ′ = 1 − 0.5·2·1·0.5 = 0.5; β′ = 2 − 0.5·2·1·0.25 = 1.75.
    expect(t.output[0]).toBe(1);
    expect(t.parameters.theta[1]).toBe(0.5);
    expect(t.parameters.beta[1]).toBe(1.75);
  });

  it('reports divergence with the episode', () => {
    const game = parseGameConfig({ schedule: '1x1000' }).game;
    const actions = new Float64Array(1000).fill(2);
    expect(() => rolloutGame(game, { solver: 'test', actionNames: ['a'], actions, ties: [] })).toThrow(DivergenceError);
  });
});
