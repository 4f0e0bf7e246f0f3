import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import type { Game } from '../../../src/model/game.ts';
import { parseGameConfig, type GameConfig } from '../../../src/model/gameConfig.ts';
import { mlpForward, type MlpShape } from '../../../src/model/policies/mlp.ts';
import { mlpInitialWeights } from '../../../src/model/policies/mlpInit.ts';
import { AgentCost } from '../../../src/solvers/neural/neuralCost.ts';
import { NeuralFuture } from '../../../src/solvers/neural/neuralFuture.ts';
import { neuralModel, type NeuralModel } from '../../../src/solvers/neural/neuralModel.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

/**
 * Games with hand-written derivatives of their believed objective, so the direct simulation
 * below shares nothing with the solver but mlpForward.
 */
interface Case {
  readonly name: string;
  readonly config: GameConfig;
  /** ∂ℓ̂/∂y and ∂ℓ̂/∂θ of the believed objective at (y, θ, b). */
  readonly step: (y: number, theta: number, b: number) => [number, number];
  readonly cost: (y: number, goal: number) => number;
}

const CASES: Case[] = [
  {
    name: 'seed objectives, tanh, γ = 0.9',
    config: { schedule: [1], discount: 0.9, prior: [-1, -0.4, 0.3, 0.9], policy: { type: 'mlp', hidden: [4, 3], activation: 'tanh' } },
    step: (y) => [2 * y, 0],
    cost: (y, g) => (y - g) ** 2,
  },
  {
    name: 'believed (y − b)² + 0.3·y·θ + 0.2·θ² with b = θ frozen, a quartic mesa cost, sigmoid',
    config: {
      schedule: [1],
      discount: 0.8,
      prior: [-0.8, 0.1, 0.7],
      policy: { type: 'mlp', hidden: [3, 3], activation: 'sigmoid' },
      frozen: { b: 'theta' },
      baseObjective: 'y^2',
      believedObjective: '(y - b)^2 + 0.3 * y * theta + 0.2 * theta^2',
      mesaCost: '(y - goal)^2 + 0.5 * (y - goal)^4',
    },
    step: (y, theta, b) => [2 * (y - b) + 0.3 * theta, 0.3 * y + 0.4 * theta],
    cost: (y, g) => (y - g) ** 2 + 0.5 * (y - g) ** 4,
  },
  {
    name: 'seed objectives with a regularizer, relu, γ = 1',
    config: { schedule: [1], regularizer: 0.1, prior: [-0.9, -0.2, 0.5], policy: { type: 'mlp', hidden: [5], activation: 'relu' } },
    step: (y, theta) => [2 * y, 0.2 * theta],
    cost: (y, g) => (y - g) ** 2,
  },
];

/** Later agents' networks and rates, including a run of identical ℓ = 0 networks (one segment). */
function laterPlan(shape: MlpShape, seed: number): { weights: Float64Array[]; rates: number[] } {
  const rng = xoroshiro128plus(seed);
  const scaled = () => mlpInitialWeights(shape.hidden, rng).map((v) => 0.6 * v);
  const deployed = scaled();
  return { weights: [scaled(), scaled(), scaled(), deployed, deployed, deployed, scaled()], rates: [0.3, 0, 0.5, 0, 0, 0, 0.2] };
}

function setup(c: Case, seed: number) {
  const game: Game = parseGameConfig(c.config).game;
  const model = neuralModel(game) as NeuralModel;
  const plan = laterPlan(model.shape, seed);
  const future = new NeuralFuture(model);
  for (let k = plan.weights.length - 1; k >= 0; k--) future.prepend(plan.weights[k], plan.rates[k]);
  return { game, model, plan, future };
}

/** Agent n's cost by direct simulation: every later episode played one by one with mlpForward. */
function directAgentCost(c: Case, model: NeuralModel, rate: number, w: Float64Array, plan: { weights: Float64Array[]; rates: number[] }): number {
  const networks = [w, ...plan.weights];
  const rates = [rate, ...plan.rates];
  let total = 0;
  for (const goal of model.prior) {
    let theta = goal;
    for (let k = 0; k < networks.length; k++) {
      const { y, dydx } = mlpForward(model.shape, networks[k], theta);
      total += model.discount ** k * c.cost(y, goal);
      const [dy, dt] = c.step(y, theta, goal);
      theta -= rates[k] * (dy * dydx + dt);
    }
  }
  return total / model.prior.length;
}

function centralDifference(f: (w: Float64Array) => number, w: Float64Array, i: number, h = 1e-6): number {
  const [plus, minus] = [Float64Array.from(w), Float64Array.from(w)];
  plus[i] += h;
  minus[i] -= h;
  return (f(plus) - f(minus)) / (2 * h);
}

describe('neural agent cost', () => {
  it('NeuralFuture collapses consecutive ℓ = 0 episodes with the same network into one segment', () => {
    const { future } = setup(CASES[0], 1);
    expect(future.segments).toBe(5);
  });

  for (const c of CASES) {
    it(`AgentCost equals a direct simulation of every later episode (${c.name})`, () => {
      for (const [seed, rate] of [[2, 0.4], [3, 0], [4, 1.1]]) {
        const { model, plan, future } = setup(c, seed);
        const w = mlpInitialWeights(model.shape.hidden, xoroshiro128plus(100 + seed));
        const value = new AgentCost(model, rate, future).evaluate(w, new Float64Array(w.length));
        const direct = directAgentCost(c, model, rate, w, plan);
        assertInDelta(value, direct, 1e-12 * (1 + Math.abs(direct)));
      }
    });

    it(`NeuralFuture.derivative is dV/dθ (finite differences; ${c.name})`, () => {
      const { future } = setup(c, 5);
      for (const theta of [-0.7, 0.05, 0.6]) {
        const goal = 0.4;
        future.cost(theta, goal, goal);
        const analytic = future.derivative;
        const h = 1e-6;
        const numeric = (future.cost(theta + h, goal, goal) - future.cost(theta - h, goal, goal)) / (2 * h);
        assertInDelta(analytic, numeric, 1e-6 * (1 + Math.abs(numeric)));
      }
    });

    it(`AgentCost's gradient is ∂J/∂w for every weight (finite differences; ${c.name})`, () => {
      for (const [seed, rate] of [[6, 0.4], [7, 0], [8, 1.1]]) {
        const { model, future } = setup(c, seed);
        const agent = new AgentCost(model, rate, future);
        const w = mlpInitialWeights(model.shape.hidden, xoroshiro128plus(200 + seed));
        const gradient = new Float64Array(w.length);
        agent.evaluate(w, gradient);
        const scratch = new Float64Array(w.length);
        for (let i = 0; i < w.length; i++) {
          const numeric = centralDifference((v) => agent.evaluate(v, scratch), w, i);
          assertInDelta(gradient[i], numeric, 1e-6 * (1 + Math.abs(numeric)));
        }
      }
    });
  }

  it('with no future, the cost is the prior average of c(f_w(θ), θ) whatever the learning rate', () => {
    const c = CASES[0];
    const model = neuralModel(parseGameConfig(c.config).game) as NeuralModel;
    const w = mlpInitialWeights(model.shape.hidden, xoroshiro128plus(9));
    const expected = Array.from(model.prior, (t) => c.cost(mlpForward(model.shape, w, t).y, t)).reduce((a, b) => a + b) / model.prior.length;
    for (const rate of [0, 1, 5]) {
      assertInDelta(new AgentCost(model, rate, new NeuralFuture(model)).evaluate(w, new Float64Array(w.length)), expected, 1e-14);
    }
  });
});
