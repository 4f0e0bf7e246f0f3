/**
 * One episode of the base optimizer, as the dp solver models it (believed objective, frozen
 * copies held) and as the stochastic rollouts play it (true base objective). With the policy
 * y = π_k(s) and its slope ∂π/∂s:
 * - gradient: y = π_k(s), s′_j = s_j − ℓ_n·(∂ℓ/∂y·∂π/∂s_j + ∂ℓ/∂s_j) (gameFunctions' gradientStep);
 * - reinforce (DESIGN §4): y = π_k(s) + σξ with ξ ~ N(0, 1), reward r = −ℓ(y, s) and
 *     s′_j = s_j + ℓ_n·(r − b)·(y − π)·(∂π/∂s_j)/σ²,
 *   (y − π)·∂π/∂s_j/σ² being the score ∂log p(y)/∂s_j of the Gaussian policy; baseline b = 0
 *   ('none') or b = E_ξ[r] ('expected', Gauss–Hermite with 20 nodes: exact for a loss polynomial
 *   in y of degree ≤ 39). By Stein's lemma E[r·ξ] = −σ·E[∂ℓ/∂y], so for any b free of ξ
 *     E[s′_j] = s_j − ℓ_n·E[∂ℓ/∂y(y, s)]·∂π/∂s_j,
 *   the gradient step when ∂ℓ/∂y is affine in y and ℓ has no explicit parameter term. The
 *   estimator sees the loss only through y: an explicit term such as a regularizer λθ² changes r
 *   but is never differentiated (literal REINFORCE).
 * Frozen copies, the state's entries after the parameters, never change.
 */
import type { Game, UpdateRule } from '../game.ts';
import { gradientStep, policyOutput, type CompiledObjective } from '../gameFunctions.ts';
import { gaussHermite, type Quadrature } from '../../numerics/quadrature.ts';

/** The update rules a Markov transition of the current state can play. */
export type MarkovUpdate = { readonly type: 'gradient' } | { readonly type: 'reinforce'; readonly sigma: number; readonly baseline: 'none' | 'expected' };

/** Nodes of the rule that computes the expected baseline. */
const BASELINE_NODES = 20;

/** The update as a Markov transition of (parameters, frozen copies), or the reason it is not one. */
export function markovUpdate(update: UpdateRule): MarkovUpdate | string {
  if (update.type === 'gradient-all' || update.type === 'full') {
    return `the "${update.type}" update needs the training history in the state; only gradient and reinforce are Markov in the parameters`;
  }
  if (update.type === 'reinforce' && update.baseline === 'running-mean') {
    return 'the running-mean baseline carries the mean of past rewards as extra state, which is not tabulated; use baseline none or expected';
  }
  return update as MarkovUpdate;
}

export class Transition {
  readonly stochastic: boolean;
  private readonly game: Game;
  private readonly objective: CompiledObjective;
  private readonly update: MarkovUpdate;
  private readonly parameters: number;
  private readonly baselineRule: Quadrature;
  private readonly values: Float64Array;
  private readonly slope: Float64Array;
  private readonly scratch: { values: Float64Array; slope: Float64Array };
  private action: ArrayLike<number> = [];
  private state: Float64Array = new Float64Array(0);
  private rate = 0;
  private mean = 0;
  private baseline = 0;

  /** `stateLength` entries: the parameters, then any frozen copies the objective reads. */
  constructor(game: Game, objective: CompiledObjective, update: MarkovUpdate, stateLength: number) {
    this.game = game;
    this.objective = objective;
    this.update = update;
    this.stochastic = update.type === 'reinforce';
    this.parameters = game.parameters.length;
    this.baselineRule = gaussHermite(BASELINE_NODES);
    this.values = new Float64Array(stateLength + 1);
    this.slope = new Float64Array(stateLength);
    this.scratch = { values: this.values, slope: this.slope };
  }

  /** Sets up episode play with action k at state s (kept by reference) and learning rate ℓ_n. */
  prepare(action: ArrayLike<number>, state: Float64Array, rate: number): void {
    this.action = action;
    this.state = state;
    this.rate = rate;
    if (this.update.type !== 'reinforce') return;
    this.mean = policyOutput(this.game, action, state, this.slope);
    for (let i = 0; i < state.length; i++) this.values[i + 1] = state[i];
    this.baseline = 0;
    if (this.update.baseline === 'expected' && rate !== 0) {
      const { nodes, weights } = this.baselineRule;
      const sigma = this.update.sigma;
      for (let q = 0; q < nodes.length; q++) {
        this.values[0] = this.mean + sigma * nodes[q];
        this.baseline -= weights[q] * this.objective.value(this.values);
      }
    }
  }

  /** Plays the prepared episode with noise ξ (ignored by the gradient update): writes s′ into `next`, returns y. */
  advance(xi: number, next: Float64Array): number {
    const update = this.update;
    if (update.type !== 'reinforce') {
      return gradientStep(this.game, this.objective, this.action, this.state, this.rate, next, this.scratch);
    }
    // ALGO LOGIC: REINFORCE, s′ = s + ℓ·(r − b)·(ξ/σ)·∂π/∂s.
    const sigma = update.sigma;
    const y = this.mean + sigma * xi;
    next.set(this.state);
    if (this.rate === 0) return y;
    this.values[0] = y;
    const reward = -this.objective.value(this.values);
    const factor = (this.rate * (reward - this.baseline) * xi) / sigma;
    for (let j = 0; j < this.parameters; j++) next[j] = this.state[j] + factor * this.slope[j];
    return y;
  }
}
