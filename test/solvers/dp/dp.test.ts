import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGameConfig, type GameConfig } from '../../../src/model/gameConfig.ts';
import { DivergenceError } from '../../../src/errors/inputError.ts';
import { dpExpectedCost, dpGameSolver, dpMeanTrajectory, dpSolver, solveDp } from '../../../src/solvers/dp/dp.ts';
import { solveLq } from '../../../src/solvers/lq/lq.ts';
import { rolloutGame } from '../../../src/rollout/gameRollout.ts';
import { rolloutStochastic } from '../../../src/rollout/stochasticRollout.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';
import { beliefGame } from '../../helpers/games.ts';
import { simulatedAgentCost } from '../../helpers/gameCost.ts';

const rates = fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 6 });


const maxError = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

describe('solveDp on LQ games', () => {
  it('solveDp equals solveLq to 1e-6 on seed games with random schedules, discounts and regularizers (cubic tables are exact for quadratics)', () => {
    const options = fc.record({ schedule: rates, discount: fc.double({ min: 0, max: 1, noNaN: true }), regularizer: fc.double({ min: 0, max: 0.5, noNaN: true }) });
    fc.assert(
      fc.property(options, (o) => {
        const game = parseGameConfig(o).game;
        assertInDelta(solveDp(game, { points: 51 }).actions, solveLq(game).actions, 1e-6);
      }),
      { numRuns: 40 },
    );
  });

  it('solveDp equals solveLq to 1e-6 on the published schedules at the default grid', () => {
    for (const schedule of ['1x20,0x80', '1x100']) {
      const game = parseGameConfig({ schedule }).game;
      assertInDelta(solveDp(game).actions, solveLq(game).actions, 1e-6);
    }
  });

  it('solveDp equals solveLq to 1e-6 on belief games (two parameters, a frozen copy, a two-component action)', () => {
    const schedules = fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 1.5), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(schedules, fc.double({ min: 0.5, max: 1, noNaN: true }), (schedule, discount) => {
        const game = parseGameConfig(beliefGame(schedule, discount)).game;
        const dp = solveDp(game, { points: 21 });
        assertInDelta(dp.actions, solveLq(game).actions, 1e-6);
        expect(dp.actionNames).toEqual(['k_theta', 'k_beta']);
      }),
      { numRuns: 12 },
    );
  });

  it("each agent's dp cost J_n(k_n) equals its cost by direct simulation of the believed game", () => {
    const game = parseGameConfig(beliefGame([1, 0.5, 0.5, 0])).game;
    const dp = solveDp(game, { points: 21 });
    const plan = Array.from({ length: 4 }, (_, n) => [dp.actions[2 * n], dp.actions[2 * n + 1]]);
    for (let n = 0; n < 4; n++) assertInDelta(dp.costs[n], simulatedAgentCost(game, plan, n), 1e-9 * (1 + dp.costs[n]));
  });

  it('with multilinear tables the error against lq shrinks as the grid refines (51 → 201 points)', () => {
    const seed = parseGameConfig({ schedule: '1x20,0x80' }).game;
    const belief = parseGameConfig(beliefGame('0.5x3,0x2')).game;
    for (const game of [seed, belief]) {
      const exact = solveLq(game).actions;
      const coarse = maxError(solveDp(game, { points: 51, interpolation: 'linear' }).actions, exact);
      const fine = maxError(solveDp(game, { points: 201, interpolation: 'linear' }).actions, exact);
      expect(fine).toBeLessThan(coarse / 3);
      expect(fine).toBeLessThan(2e-3);
    }
  });
});

describe('solveDp: edge cases', () => {
  it('solveDp plays exactly the honest action 1 whenever the learning rate is 0, and 1 for a lone episode', () => {
    const { actions } = solveDp(parseGameConfig({ schedule: '1x3,0x4' }).game, { points: 21 });
    expect(Array.from(actions.slice(3))).toEqual([1, 1, 1, 1]);
    expect(Array.from(solveDp(parseGameConfig({ schedule: [2] }).game).actions)).toEqual([1]);
  });

  it('solveDp is myopic (all actions 1) when the discount is 0', () => {
    const { actions, ties } = solveDp(parseGameConfig({ schedule: '1x10', discount: 0 }).game, { points: 21 });
    expect(Array.from(actions)).toEqual(new Array(10).fill(1));
    expect(ties).toEqual([]);
  });

  it('solveDp reports a tie and plays the smallest action when ±k cost the same', () => {
    // Mesa cost −y²: the agent wants the largest |y|, at either end of the grid.
    const game = parseGameConfig({ schedule: '0x2', mesaCost: '-(y^2)' }).game;
    const dp = solveDp(game, { points: 21 });
    expect(Array.from(dp.actions)).toEqual([-2, -2]);
    expect(dp.ties).toEqual([0, 1]);
  });

  it('solveDp reports divergence with the episode when the value functions overflow', () => {
    const game = parseGameConfig({ schedule: '1e200x5', regularizer: 1 }).game;
    expect(() => solveDp(game, { points: 11 })).toThrow(DivergenceError);
  });

  it('solveDp handles a prior of one point and an initial value outside it', () => {
    const game = parseGameConfig({ schedule: '1x5,0x5', prior: [0.5], theta0: 3 }).game;
    assertInDelta(solveDp(game, { points: 21 }).actions, solveLq(game).actions, 1e-6);
  });
});

describe('dp predictions', () => {
  it("dpExpectedCost equals the believed game's cost from the initial state by direct simulation", () => {
    const game = parseGameConfig(beliefGame([1, 0.5, 0.25, 0], 0.9)).game;
    const dp = solveDp(game, { points: 21 });
    const plan = Array.from({ length: 4 }, (_, n) => [dp.actions[2 * n], dp.actions[2 * n + 1]]);
    // A prior of the initial values alone makes simulatedAgentCost the cost from that state.
    const atStart = { ...game, parameters: game.parameters.map((p) => ({ ...p, prior: Float64Array.of(p.initial) })) };
    for (const episode of [0, 2]) {
      assertInDelta(dpExpectedCost(game, dp, { points: 21, episode }), simulatedAgentCost(atStart, plan, episode), 1e-9);
    }
  });

  it('dpMeanTrajectory equals the deterministic rollout on gradient games (the believed one on the belief game)', () => {
    const seed = parseGameConfig({ schedule: '1x5,0x2' }).game;
    const seedPlan = solveDp(seed);
    const trajectory = rolloutGame(seed, seedPlan);
    const seedMeans = dpMeanTrajectory(seed, seedPlan);
    assertInDelta(seedMeans.parameters.theta, trajectory.parameters.theta, 1e-12);
    assertInDelta(seedMeans.output, trajectory.output, 1e-12);
    const belief = parseGameConfig(beliefGame([1, 0.5, 0.25, 0], 0.9)).game;
    const plan = solveDp(belief, { points: 21 });
    const means = dpMeanTrajectory(belief, plan, { points: 21 });
    const believed = rolloutStochastic(belief, plan, { runs: 1, model: 'believed' });
    for (const name of ['theta', 'beta']) assertInDelta(means.parameters[name], believed.parameters[name].mean, 1e-12);
    assertInDelta(means.output, believed.output.mean, 1e-12);
  });
});

describe('dp solver registration', () => {
  it('dp refuses what it cannot solve, saying why in one line', () => {
    const cases: [GameConfig, RegExp][] = [
      [{ schedule: '1x3', policy: { type: 'mlp', hidden: [4] } }, /linear policy/],
      [{ schedule: '1x3', mesaCost: '(y - goal)^4' }, /mesa cost is not a homogeneous quadratic/],
      [{ schedule: '1x3', update: { type: 'gradient-all', steps: 2 } }, /training history/],
      [{ schedule: '1x3', update: { type: 'full' } }, /training history/],
      [{ schedule: '1x3', update: { type: 'reinforce', sigma: 0.3, baseline: 'running-mean' } }, /running-mean baseline/],
    ];
    for (const [config, reason] of cases) {
      const why = dpGameSolver.supports(parseGameConfig(config).game);
      expect(why).toMatch(reason);
      expect(why).not.toMatch(/\n/);
    }
    expect(dpGameSolver.supports(parseGameConfig({ schedule: '1x3', update: { type: 'reinforce', sigma: 0.3 } }).game)).toBeNull();
    expect(dpSolver({ points: 3000 }).supports(parseGameConfig(beliefGame('1x2')).game)).toMatch(/state grid would have/);
    expect(() => solveDp(parseGameConfig({ schedule: '1x3', update: { type: 'full' } }).game)).toThrow(/solver: .*training history/);
  });

  it('solveDp rejects invalid options, naming them', () => {
    const game = parseGameConfig({ schedule: '1x2' }).game;
    expect(() => solveDp(game, { points: 1 })).toThrow(/points/);
    expect(() => solveDp(game, { margin: -1 })).toThrow(/margin/);
    expect(() => solveDp(parseGameConfig({ schedule: '1x2', update: { type: 'reinforce', sigma: 1 } }).game, { quadrature: 0 })).toThrow(/quadrature/);
    expect(() => solveDp(game, { interpolation: 'spline' as 'cubic' })).toThrow(/interpolation/);
    expect(() => dpSolver({ coarse: 1 })).toThrow(/dp option coarse must be a whole number ≥ 2, got 1/);
  });
});
