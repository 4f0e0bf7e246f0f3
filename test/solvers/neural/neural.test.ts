import { describe, expect, it } from 'vitest';
import type { Game } from '../../../src/model/game.ts';
import { parseGameConfig, type GameConfig } from '../../../src/model/gameConfig.ts';
import { InputError } from '../../../src/errors/inputError.ts';
import { linspace } from '../../../src/numerics/linspace.ts';
import { mlpForward, type MlpShape } from '../../../src/model/policies/mlp.ts';
import { rolloutGame } from '../../../src/rollout/gameRollout.ts';
import { chooseSolver } from '../../../src/solvers/registry.ts';
import { neuralSolver, solveNeural, type NeuralEquilibrium, type NeuralOptions } from '../../../src/solvers/neural/neural.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

const PRIOR = [-1, -0.5, 0, 0.5, 1];

function mlpGame(schedule: GameConfig['schedule'], extra: Partial<GameConfig> = {}, hidden = [6]): Game {
  return parseGameConfig({ schedule, prior: PRIOR, policy: { type: 'mlp', hidden, activation: 'tanh' }, ...extra }).game;
}

function shapeOf(game: Game): MlpShape {
  if (game.policy.type !== 'mlp') throw new Error('not an MLP game');
  return game.policy;
}

function network(game: Game, eq: NeuralEquilibrium, n: number): Float64Array {
  const m = eq.actionNames.length;
  return eq.actions.subarray(n * m, (n + 1) * m);
}

/**
 * Agent n's prior-averaged cost Σ_k (y_k − θ_n)², written independently of the solver: its own
 * policy `own` (y and dy/dθ), then the later agents' networks, base objective y², one gradient
 * step per episode θ ← θ − ℓ_k·2y·dy/dθ.
 */
function directCost(game: Game, eq: NeuralEquilibrium, n: number, own: (theta: number) => { y: number; dydx: number }): number {
  const shape = shapeOf(game);
  let total = 0;
  for (const goal of PRIOR) {
    let theta = goal;
    for (let k = n; k < game.schedule.length; k++) {
      const { y, dydx } = k === n ? own(theta) : mlpForward(shape, network(game, eq, k), theta);
      total += (y - goal) ** 2;
      theta -= game.schedule[k] * 2 * y * dydx;
    }
  }
  return total / PRIOR.length;
}

const FAST: NeuralOptions = { restarts: 1, lbfgs: { maxIterations: 200 } };

describe('solveNeural', () => {
  it('refuses, with one line each, non-MLP policies, two trainable parameters and non-gradient updates', () => {
    const linear = parseGameConfig({ schedule: [1] }).game;
    const twoParameters = parseGameConfig({
      schedule: [1],
      parameters: { theta: { initial: 0.8, prior: [-1, 1] }, beta: { initial: 0.5, prior: [-1, 1] } },
      policy: { type: 'mlp', hidden: [4] },
    }).game;
    const reinforce = mlpGame([1], { update: { type: 'reinforce', sigma: 0.1 } });
    const full = mlpGame([1], { update: { type: 'full' } });
    expect(neuralSolver.supports(linear)).toMatch(/needs an MLP policy/);
    expect(neuralSolver.supports(twoParameters)).toMatch(/exactly one trainable parameter/);
    expect(neuralSolver.supports(reinforce)).toMatch(/one-step gradient update, not "reinforce"/);
    expect(neuralSolver.supports(full)).toMatch(/not "full"/);
    for (const game of [linear, twoParameters, reinforce, full]) expect(neuralSolver.supports(game)).not.toMatch(/\n/);
    expect(() => solveNeural(linear)).toThrow(InputError);
    expect(neuralSolver.supports(mlpGame([1]))).toBeNull();
  });

  it('with ℓ = 0 everywhere every agent outputs its goal: f_w(θ) ≈ θ on the prior’s range, cost ≈ 0', () => {
    const game = mlpGame('0x4');
    const eq = solveNeural(game, FAST);
    const shape = shapeOf(game);
    for (let n = 0; n < 4; n++) {
      for (const theta of linspace(-1, 1, 21)) assertInDelta(mlpForward(shape, network(game, eq, n), theta).y, theta, 0.02);
      for (const theta of PRIOR) assertInDelta(mlpForward(shape, network(game, eq, n), theta).y, theta, 1e-4);
      expect(eq.costs[n]).toBeLessThan(1e-8);
    }
    // The same static problem for every agent: solved once, played by all.
    expect(eq.stops).toEqual(['reused', 'reused', 'reused', eq.stops[3]]);
    expect(Array.from(network(game, eq, 0))).toEqual(Array.from(network(game, eq, 3)));
  });

  it('the last agent, with nothing after it, outputs its goal whatever its learning rate', () => {
    const game = mlpGame([2]);
    const eq = solveNeural(game, FAST);
    for (const theta of PRIOR) assertInDelta(mlpForward(shapeOf(game), network(game, eq, 0), theta).y, theta, 1e-4);
  });

  it('reports each agent’s cost J_n(w_n) as a direct simulation of its own and the later networks finds it', () => {
    const game = mlpGame('1x3,0x1');
    const eq = solveNeural(game, FAST);
    for (let n = 0; n < 4; n++) {
      const own = (theta: number) => mlpForward(shapeOf(game), network(game, eq, n), theta);
      assertInDelta(eq.costs[n], directCost(game, eq, n, own), 1e-10);
    }
  });

  it('no agent does worse than the best linear policy y = aθ (a on a 401-point grid) against the same later networks', () => {
    for (const schedule of ['1x4', '1x3,0x1', '0.5x2,0x2']) {
      const game = mlpGame(schedule);
      const eq = solveNeural(game, FAST);
      for (let n = 0; n < game.schedule.length; n++) {
        const neural = directCost(game, eq, n, (theta) => mlpForward(shapeOf(game), network(game, eq, n), theta));
        const linear = Math.min(...linspace(-2, 2, 401).map((a) => directCost(game, eq, n, (theta) => ({ y: a * theta, dydx: a }))));
        expect(neural, `${schedule}, agent ${n}`).toBeLessThanOrEqual(linear + 1e-3);
      }
    }
  });

  it('a long deployment phase costs one network evaluation per prior point: 2 training then 5000 deployment episodes', () => {
    const game = mlpGame('1x2,0x5000');
    const start = performance.now();
    const eq = solveNeural(game, FAST);
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(eq.stops.slice(2, 5001).every((stop) => stop === 'reused')).toBe(true);
    expect(Array.from(network(game, eq, 2))).toEqual(Array.from(network(game, eq, 5001)));
    // Agent 0's cost counts all 5000 deployment episodes, by direct simulation.
    const own = (theta: number) => mlpForward(shapeOf(game), network(game, eq, 0), theta);
    assertInDelta(eq.costs[0], directCost(game, eq, 0, own), 1e-9 * (1 + eq.costs[0]));
  });

  it('same seed, same weights; another seed, other weights', () => {
    const game = mlpGame('1x2,0x1');
    const a = solveNeural(game, { ...FAST, seed: 7 });
    const b = solveNeural(game, { ...FAST, seed: 7 });
    const c = solveNeural(game, { ...FAST, seed: 8 });
    expect(Array.from(b.actions)).toEqual(Array.from(a.actions));
    expect(Array.from(c.actions)).not.toEqual(Array.from(a.actions));
  });

  it('is registered as "neural": chosen by name for an MLP game, refused with the reason for a linear one', () => {
    expect(chooseSolver('neural', mlpGame([1]))).toBe(neuralSolver);
    expect(() => chooseSolver('neural', parseGameConfig({ schedule: [1] }).game)).toThrow(/neural cannot solve this game: the neural solver needs an MLP policy/);
  });

  it('its equilibrium plays in rolloutGame: one weight vector per episode, named w0 … w_{P−1}', () => {
    const game = mlpGame('1x2,0x2', { theta0: 0.8 });
    const eq = solveNeural(game, FAST);
    expect(eq.actionNames).toHaveLength(6 + 6 + 6 + 1);
    expect(eq.actions).toHaveLength(4 * 19);
    const t = rolloutGame(game, eq);
    expect(t.parameters.theta[0]).toBe(0.8);
    assertInDelta(t.output[3], mlpForward(shapeOf(game), network(game, eq, 3), t.parameters.theta[3]).y, 0);
  });

  it('by default only the last agent tries a seeded start: the others run the warm and still starts alone, and the last agent is unchanged', () => {
    const game = mlpGame('1x3');
    const lbfgs = FAST.lbfgs;
    const plain = solveNeural(game, { lbfgs });
    const seeded = solveNeural(game, { restarts: 1, lbfgs });
    expect(plain.costs[2]).toBe(seeded.costs[2]);
    for (let n = 0; n < 2; n++) expect(plain.starts[n]).not.toMatch(/seeded/);
    expect(plain.evaluations[1]).toBeLessThan(seeded.evaluations[1]);
  });
});
