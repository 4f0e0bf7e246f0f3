/**
 * The neural solver (DESIGN §3.4): each episode's agent plays an MLP y = f_{w_n}(θ) over its goal
 * θ and chooses the weights w_n that minimise its prior-averaged cost
 *   J_n(w) = (1/K)·Σ_i [c(f_w(θ_i), θ_i) + γ·V_{n+1}(θ′_i; g = θ_i)],
 *   θ′ = θ − ℓ_n·(ℓ̂_y(y, θ, b)·f′_w(θ) + ℓ̂_θ(y, θ, b)),  b = θ (frozen copies),
 * where V_{n+1} is the discounted mesa cost of the later agents' fixed networks played forward
 * from θ′ (neuralFuture.ts). Backward induction: the last agent first, each earlier one against
 * the later agents' chosen networks.
 *
 * How the future is summarised: by exact differentiable rollouts through the later networks,
 * with forward-mode tangents dθ_k/dθ_{n+1} (which need f″ of the later networks) and, for the
 * agent's own step, the mixed derivative ∂f′_w/∂w. Not by W0/W1/W2 tables on a θ grid: those are
 * exact only at grid points (interpolation error enters every agent's gradient and compounds
 * backward), need a quadratic mesa cost, and a neural agent's θ′ moves continuously with w. The
 * rollouts cost O(N − n) network evaluations per prior point and cost evaluation, but episodes
 * with ℓ = 0 and the same network collapse into one segment, so a deployment phase costs one
 * evaluation and the seed's schedule is cheap.
 *
 * Optimisation (deterministic): L-BFGS (src/optim/lbfgs.ts) on the exact gradient, from the
 * later agent's weights (warm start), from the same weights with the output layer zeroed (the
 * "still" start: y ≡ 0 and f′ ≡ 0, so θ′ = θ exactly — the deceptive extreme, like the linear
 * solvers' start a = 0; without it agents facing steep later networks, whose future cost can
 * change by 10⁹ per unit of θ′, ended far above y ≡ 0) and from `restarts` seeded
 * initialisations (pure-rand xoroshiro128+, seed `seed`; the last agent, having no later agent,
 * uses at least one; by default the others use none: on seed-1's and seed-2's schedules with the
 * 2×16 tanh network a seeded start never beat the warm and still ones, yet took over half the
 * evaluations); the least final cost wins, the earliest start among equals. An agent with
 * ℓ_n = 0 cannot move θ, so its cost is E c(f_w(θ), θ) plus a constant: the same problem for
 * every such agent, solved once and its solution played by each of them (a warm start from the
 * later such agent's weights would stay there, up to the optimiser's tolerance). Distinct weights can
 * be the same function (hidden units permute), so equal costs are not reported as ties.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { actionNames, type Game } from '../../model/game.ts';
import { DivergenceError, InputError } from '../../errors/inputError.ts';
import { mlpInitialWeights } from '../../model/policies/mlpInit.ts';
import { minimiseLbfgs, type LbfgsOptions, type LbfgsResult } from '../../numerics/lbfgs.ts';
import type { GameEquilibrium, GameSolver } from '../gameSolver.ts';
import { AgentCost } from './neuralCost.ts';
import { NeuralFuture } from './neuralFuture.ts';
import { neuralModel } from './neuralModel.ts';

export interface NeuralOptions {
  /** Seed of the weight initialisations. Default 1. */
  readonly seed?: number;
  /** Seeded initialisations each agent tries besides the warm and still starts. Default 0 (the last agent always tries one). */
  readonly restarts?: number;
  /** L-BFGS settings per start. Default: maxIterations 300, gradientTolerance 1e−9. */
  readonly lbfgs?: LbfgsOptions;
}

/** The equilibrium, plus what each agent's optimisation reached. */
export interface NeuralEquilibrium extends GameEquilibrium {
  /** J_n(w_n): agent n's prior-averaged cost at its chosen weights. */
  readonly costs: Float64Array;
  /** L-BFGS iterations of the winning start (0 for a reused solution). */
  readonly iterations: Float64Array;
  /** Cost evaluations over all of agent n's starts. */
  readonly evaluations: Float64Array;
  /** The winning start: 'warm', 'still', 'seeded 1', …, or 'reused' (the ℓ = 0 solution). */
  readonly starts: readonly string[];
  /** L-BFGS stop reason of the winning start ('reused' for a reused solution). */
  readonly stops: readonly string[];
}

interface Start {
  readonly name: string;
  readonly weights: Float64Array;
}


const DEFAULT_LBFGS: LbfgsOptions = { maxIterations: 300, gradientTolerance: 1e-9 };

export const neuralSolver: GameSolver = {
  name: 'neural',
  description: 'MLP policies: each agent trains its network by L-BFGS against exact rollouts of the later networks',
  supports: (game) => {
    const model = neuralModel(game);
    return typeof model === 'string' ? model : null;
  },
  solve: (game) => solveNeural(game),
};

/** Backward induction with neural agents (see the file header). */
export function solveNeural(game: Game, options: NeuralOptions = {}): NeuralEquilibrium {
  const model = neuralModel(game);
  if (typeof model === 'string') throw new InputError('solver', model);
  const { seed = 1, restarts = 0 } = options;
  const lbfgs = { ...DEFAULT_LBFGS, ...options.lbfgs };
  const rng = xoroshiro128plus(seed);
  const episodes = model.schedule.length;
  const p = model.weightCount;
  const actions = new Float64Array(episodes * p);
  const costs = new Float64Array(episodes);
  const iterations = new Float64Array(episodes);
  const evaluations = new Float64Array(episodes);
  const starts: string[] = new Array(episodes);
  const stops: string[] = new Array(episodes);
  const future = new NeuralFuture(model);
  let later: Float64Array | null = null;
  let deployed: Float64Array | null = null;
  for (let n = episodes - 1; n >= 0; n--) {
    const rate = model.schedule[n];
    const agent = new AgentCost(model, rate, future);
    let chosen: Float64Array;
    if (rate === 0 && deployed !== null) {
      chosen = deployed;
      costs[n] = agent.evaluate(chosen, new Float64Array(p));
      evaluations[n] = 1;
      starts[n] = stops[n] = 'reused';
    } else {
      const candidates: Start[] = later === null ? [] : [{ name: 'warm', weights: later }, { name: 'still', weights: stillStart(later, model.shape.hidden) }];
      for (let r = 1; r <= Math.max(restarts, later === null ? 1 : 0); r++) {
        candidates.push({ name: `seeded ${r}`, weights: mlpInitialWeights(model.shape.hidden, rng) });
      }
      const best = bestOfStarts(agent, candidates, lbfgs);
      if (best.result === null) throw new DivergenceError(n, "the agent's cost");
      chosen = best.result.x;
      costs[n] = best.result.value;
      iterations[n] = best.result.iterations;
      evaluations[n] = best.evaluations;
      starts[n] = best.start;
      stops[n] = best.result.stop;
      if (rate === 0) deployed = chosen;
    }
    if (!Number.isFinite(costs[n])) throw new DivergenceError(n, "the agent's cost");
    actions.set(chosen, n * p);
    future.prepend(chosen, rate);
    later = chosen;
  }
  return { solver: 'neural', actionNames: actionNames(game), actions, ties: [], costs, iterations, evaluations, starts, stops };
}

/**
 * The later agent's hidden layers with the output layer zeroed: y ≡ 0 and f′ ≡ 0, so θ does not
 * move (the deceptive extreme, like the linear solvers' start a = 0), with features to build on.
 */
function stillStart(later: Float64Array, hidden: readonly number[]): Float64Array {
  const w = Float64Array.from(later);
  w.fill(0, w.length - hidden[hidden.length - 1] - 1);
  return w;
}

/** L-BFGS from each start; the least final cost wins (the earliest start among equals). */
function bestOfStarts(agent: AgentCost, candidates: Start[], options: LbfgsOptions): { start: string; result: LbfgsResult | null; evaluations: number } {
  let count = 0;
  const f = (w: Float64Array, g: Float64Array) => {
    count++;
    return agent.evaluate(w, g);
  };
  let best: { start: string; result: LbfgsResult | null } = { start: '', result: null };
  for (const { name, weights } of candidates) {
    if (!Number.isFinite(f(weights, new Float64Array(weights.length)))) continue;
    const result = minimiseLbfgs(f, weights, options);
    if (best.result === null || result.value < best.result.value) best = { start: name, result };
  }
  return { ...best, evaluations: count };
}
