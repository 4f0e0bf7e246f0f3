import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Game } from '../../../src/model/game.ts';
import { parseGameConfig, type GameConfig } from '../../../src/model/gameConfig.ts';
import { compileGame, gradientStep, policyOutput } from '../../../src/model/gameFunctions.ts';
import { NormalSampler } from '../../../src/numerics/normal.ts';
import { createRng } from '../../../src/numerics/rng.ts';
import { rolloutStochastic } from '../../../src/rollout/stochasticRollout.ts';
import { dpExpectedCost, dpMeanTrajectory, solveDp } from '../../../src/solvers/dp/dp.ts';
import { markovUpdate, Transition } from '../../../src/model/updates/transition.ts';
import { gaussHermite } from '../../../src/numerics/quadrature.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

/** Two-sided standard normal quantiles: 99% for one comparison, and 99% family-wise (Bonferroni) for k. */
const z99 = (comparisons = 1) => ({ 1: 2.576, 2: 2.807, 3: 2.935, 4: 3.023, 6: 3.144, 8: 3.227 })[comparisons] ?? NaN;

const reinforce = (baseline: 'none' | 'expected', extra: Partial<GameConfig> = {}) =>
  parseGameConfig({ schedule: '1x20,0x80', update: { type: 'reinforce', sigma: 0.3, baseline }, ...extra }).game;

const beliefReinforce = (baseline: 'none' | 'expected') =>
  parseGameConfig({
    schedule: '0.5x3',
    parameters: { theta: { initial: 0.8, prior: [-1, 0, 1] }, beta: { initial: 0.5, prior: [-1, 0, 1] } },
    policy: { type: 'linear', inputs: ['theta', 'beta'] },
    frozen: { b: 'beta' },
    believedObjective: '(y - b)^2',
    update: { type: 'reinforce', sigma: 0.4, baseline },
  }).game;

/** The believed transition of a game with frozen copies set from their sources. */
function believedTransition(game: Game) {
  const update = markovUpdate(game.update);
  if (typeof update === 'string') throw new Error(update);
  const d = game.parameters.length + game.frozen.length;
  const fns = compileGame(game);
  return { transition: new Transition(game, fns.believed, update, d), objective: fns.believed, d };
}

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
const standardError = (xs: ArrayLike<number>) => {
  const m = mean(xs);
  return Math.sqrt(Array.from(xs).reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

describe('REINFORCE transition (DESIGN §4)', () => {
  it("REINFORCE's expected update equals the gradient step when b = 0: Monte Carlo within its 99% CI, Gauss–Hermite to 1e-12", () => {
    const cases: [Game, number[], number[], number][] = [
      [reinforce('none'), [0.7], [0.8], 1],
      [reinforce('none'), [-1.3], [0.4], 0.25],
      [beliefReinforce('none'), [0.6, -0.4], [0.8, 0.5, 0.5], 0.5],
    ];
    const comparisons = cases.reduce((n, [game]) => n + game.parameters.length, 0);
    const sampler = new NormalSampler(createRng(11));
    for (const [game, action, state, rate] of cases) {
      const { transition, objective, d } = believedTransition(game);
      const s = Float64Array.from(state);
      const step = new Float64Array(d);
      gradientStep(game, objective, action, s, rate, step, { values: new Float64Array(d + 1), slope: new Float64Array(d) });
      transition.prepare(action, s, rate);
      const next = new Float64Array(d);
      const draws = 40_000;
      const samples = game.parameters.map(() => new Float64Array(draws));
      for (let r = 0; r < draws; r++) {
        transition.advance(sampler.next(), next);
        samples.forEach((column, j) => (column[r] = next[j]));
      }
      const { nodes, weights } = gaussHermite(8);
      const exact = new Float64Array(d);
      nodes.forEach((xi, q) => {
        transition.advance(xi, next);
        for (let j = 0; j < d; j++) exact[j] += weights[q] * next[j];
      });
      game.parameters.forEach((_, j) => {
        assertInDelta(mean(samples[j]), step[j], z99(comparisons) * standardError(samples[j]));
        assertInDelta(exact[j], step[j], 1e-12);
      });
    }
  });

  it('with the expected baseline b = E[r] = −(π² + σ²) for the loss y², the draws ξ = ±1 give exactly the gradient step', () => {
    const game = reinforce('expected');
    const { transition, objective } = believedTransition(game);
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, theta, rate) => {
        const s = Float64Array.of(theta);
        const step = new Float64Array(1);
        gradientStep(game, objective, [a], s, rate, step, { values: new Float64Array(2), slope: new Float64Array(1) });
        transition.prepare([a], s, rate);
        const next = new Float64Array(1);
        // r − b = −(π + σξ)² + π² + σ² = −2πσξ at ξ = ±1, so s′ = s − 2ℓπ·a.
        for (const xi of [1, -1]) {
          transition.advance(xi, next);
          assertInDelta(next[0], step[0], 1e-12);
        }
      }),
    );
  });

  it('the REINFORCE step is ℓ·(r − b)·∂log p(y)/∂s: the score matches finite differences of the Gaussian log-density', () => {
    const game = beliefReinforce('none');
    const { transition, objective, d } = believedTransition(game);
    const sigma = 0.4;
    const logDensity = (action: number[], state: Float64Array, y: number) => -((y - policyOutput(game, action, state, new Float64Array(d))) ** 2) / (2 * sigma * sigma);
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (a, c, theta, beta, xi) => {
        const state = Float64Array.of(theta, beta, beta);
        const rate = 0.5;
        transition.prepare([a, c], state, rate);
        const next = new Float64Array(d);
        const y = transition.advance(xi, next);
        const values = Float64Array.of(y, ...state);
        const reward = -objective.value(values);
        const h = 1e-6;
        for (let j = 0; j < 2; j++) {
          const plus = Float64Array.from(state);
          const minus = Float64Array.from(state);
          plus[j] += h;
          minus[j] -= h;
          const score = (logDensity([a, c], plus, y) - logDensity([a, c], minus, y)) / (2 * h);
          assertInDelta(next[j] - state[j], rate * reward * score, 1e-6 * (1 + Math.abs(rate * reward * score)));
        }
        expect(next[2]).toBe(state[2]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('dp on REINFORCE games agrees with Monte Carlo rollouts', () => {
  const options = { points: 51, quadrature: 6 };

  it("seed-1 schedule, σ = 0.3, no baseline: agent 0's predicted cost from θ₀ and the mean of θ lie within the 99% CIs of 2,000 seeded runs", () => {
    const game = reinforce('none');
    const plan = solveDp(game, options);
    const runs = 2000;
    const mc = rolloutStochastic(game, plan, { runs, seed: 0 });
    assertInDelta(dpExpectedCost(game, plan, options), mean(mc.agentZeroCost), z99() * standardError(mc.agentZeroCost));
    const means = dpMeanTrajectory(game, plan, options);
    expect(means.parameters.theta[0]).toBe(0.8);
    for (const n of [10, 20]) assertInDelta(means.parameters.theta[n], mc.parameters.theta.mean[n], (z99(2) * mc.parameters.theta.sd[n]) / Math.sqrt(runs));
  });

  it("seed-1 schedule: agent 0's prior-averaged cost J_0(k_0) lies within the 99% CI of 200 seeded runs from each of the 11 prior points", () => {
    const game = reinforce('none');
    const plan = solveDp(game, options);
    const prior = game.parameters[0].prior;
    const perPoint = Array.from(prior, (theta, i) => rolloutStochastic(game, plan, { runs: 200, seed: 100 + i, start: [theta] }).agentZeroCost);
    const estimate = mean(perPoint.map(mean));
    const error = Math.sqrt(perPoint.reduce((sum, costs) => sum + standardError(costs) ** 2, 0)) / prior.length;
    assertInDelta(plan.costs[0], estimate, z99() * error);
  });

  it('an honest plan under the expected baseline (θ moves): predicted cost and E[θ_n] lie within the 99% CIs of 2,000 seeded runs', () => {
    const game = parseGameConfig({ schedule: '0.1x10', update: { type: 'reinforce', sigma: 0.3, baseline: 'expected' } }).game;
    const plan = { actions: new Float64Array(10).fill(1) };
    const runs = 2000;
    const mc = rolloutStochastic(game, plan, { runs, seed: 0 });
    assertInDelta(dpExpectedCost(game, plan, options), mean(mc.agentZeroCost), z99() * standardError(mc.agentZeroCost));
    const means = dpMeanTrajectory(game, plan, options);
    for (const n of [5, 10]) assertInDelta(means.parameters.theta[n], mc.parameters.theta.mean[n], (z99(2) * mc.parameters.theta.sd[n]) / Math.sqrt(runs));
    // In expectation REINFORCE is the gradient step θ′ = (1 − 2ℓa²)θ = 0.8θ.
    assertInDelta(means.parameters.theta[10], 0.8 * 0.8 ** 10, 1e-12);
  });

  it('solveDp on REINFORCE is deterministic and agrees across grids and quadratures (cubic tables)', () => {
    const game = reinforce('none', { schedule: '1x10,0x10' });
    const a = solveDp(game, options);
    expect(Array.from(solveDp(game, options).actions)).toEqual(Array.from(a.actions));
    const finer = solveDp(game, { points: 101, quadrature: 12, margin: 1 });
    assertInDelta(finer.actions, a.actions, 1e-6);
    assertInDelta(finer.costs[0], a.costs[0], 1e-6 * a.costs[0]);
  });
});
