/**
 * The dp solver (DESIGN §2, §4): backward induction with tabulated moment value functions, for
 * linear policies y = kᵀz, homogeneous quadratic mesa costs c(y, g) = αy² + 2μyg + δg² and any
 * Markov update of the state z = (parameters, frozen copies) — the gradient step on the believed
 * objective, or REINFORCE with a Gaussian policy.
 *
 * For n = N−1 … 0, with the future W(n+1) of the later agents' fixed plan (dpModel.ts):
 *   k_n = argmin_k J_n(k),  J_n(k) = mean over prior points z of
 *         E_ξ[c(y_n, g) + γ(α·W2(n+1, z′) + 2μg·W1(n+1, z′) + δg²·W0(n+1))],
 * an open-loop plan chosen before the agent knows its state (as in lq); then
 *   W2(n, z) = E[y_n² + γW2(n+1, z′)],  W1(n, z) = E[y_n + γW1(n+1, z′)],  W0(n) = 1 + γW0(n+1)
 * on every grid node. Expectations over ξ by Gauss–Hermite quadrature; the tables are read by
 * Catmull–Rom cubics (exact for the quadratic tables of LQ games, O(h³) otherwise) or
 * multilinearly (O(h²) values, actions within O(h) of lq's); the action is found by dpSearch.ts. Cost O(N·(S·K + |grid|)·Q·2^d): S cost evaluations of K prior points per
 * agent, Q quadrature nodes, d ≤ 3 interpolated state dimensions.
 *
 * Predictions under the same model: an agent's expected cost from any state (dpExpectedCost),
 * and the mean trajectory E[s_n] (dpMeanTrajectory) by pushing a signed mass over the grid
 * forward with the transposed interpolation weights — the adjoint of the backward recursion, so
 * expectations of functions the interpolation reproduces (all affine ones: E[s_n], E[y_n]) are
 * those the tables imply.
 *
 * Limits: the grid is bounded and tables continue quadratically beyond it. REINFORCE without a
 * baseline feeds the loss back into the step (s′ − s ∝ y²ξ, so θ′ ∝ θ²ξ for large θ): its tails are
 * super-quadratic, and for plans with large |k|·ℓ/σ the true expected cost is dominated by rare
 * explosions that neither the tables nor a Monte Carlo sample of practical size capture (the
 * deceptive equilibria it produces keep |k| small, where the model agrees with Monte Carlo).
 */
import { actionNames, type Game } from '../../model/game.ts';
import { DivergenceError, InputError } from '../../errors/inputError.ts';
import { agentCost, buildDpModel, checkDpOptions, costScale, DpScratch, dpSupportReason, emptyFuture, fullState, prependEpisode, type DpFuture, type DpModel, type DpOptions } from './dpModel.ts';
import { CoarseTable } from './dpCoarseTable.ts';
import { coarseAxis, searchAction, type ActionChoice } from './dpSearch.ts';
import type { GameEquilibrium, GameSolver } from '../gameSolver.ts';
import { Stencil } from '../../numerics/interpolation.ts';

export type { DpOptions } from './dpModel.ts';

/** A dp equilibrium: the plan, plus each agent's prior-averaged cost J_n(k_n) in the dp model. */
export interface DpEquilibrium extends GameEquilibrium {
  readonly costs: Float64Array;
}

/** The dp solver with the given grid and quadrature options. */
export function dpSolver(options: DpOptions = {}): GameSolver {
  checkDpOptions(options);
  return {
    name: 'dp',
    description: 'backward induction with moment value functions tabulated on a state grid (≤ 3 parameters), Gauss–Hermite expectations; gradient and REINFORCE updates',
    supports: (game) => dpSupportReason(game, options),
    solve: (game) => solveDp(game, options),
  };
}

/** The registered dp solver, with the default options. */
export const dpGameSolver: GameSolver = dpSolver();

function checkedModel(game: Game, options: DpOptions): DpModel {
  const reason = dpSupportReason(game, options);
  if (reason !== null) throw new InputError('solver', reason);
  return buildDpModel(game, options);
}

/** Solves `game` by backward induction over tabulated value functions. */
export function solveDp(game: Game, options: DpOptions = {}): DpEquilibrium {
  const model = checkedModel(game, options);
  const m = model.game.policy.type === 'linear' ? model.game.policy.inputs.length : 0;
  const episodes = game.schedule.length;
  const actions = new Float64Array(episodes * m);
  const costs = new Float64Array(episodes);
  const ties: number[] = [];
  // A discrete policy searches its whole set, without refinement between its points.
  const discrete = game.policy.type === 'linear' && game.policy.discrete === true;
  const axis = m === 1 || discrete ? model.actionAxis : coarseAxis(model.actionAxis, model.options.coarse);
  const scratch = new DpScratch(model);
  const choice: ActionChoice = { action: new Float64Array(m), cost: NaN, tied: false };
  let future = emptyFuture(model);
  let spare = emptyFuture(model);
  let table = null as CoarseTable | null;
  for (let n = episodes - 1; n >= 0; n--) {
    const rate = game.schedule[n];
    const current = future;
    // A run of agents at one rate shares the coarse transitions: tabulate them on its first agent.
    if (table?.rate !== rate) table = n > 0 && game.schedule[n - 1] === rate ? CoarseTable.build(model, axis, m, rate, scratch) : null;
    const coarse = table;
    const batch = coarse ? (out: Float64Array) => coarse.costs(current, out) : undefined;
    searchAction((k) => agentCost(model, current, k, rate, model.prior, model.goals, scratch), axis, m, choice, costScale(model, current), !discrete, batch);
    if (!Number.isFinite(choice.cost)) throw new DivergenceError(n, "the agent's cost");
    if (choice.tied) ties.push(n);
    actions.set(choice.action, n * m);
    costs[n] = choice.cost;
    [future, spare] = [prependEpisode(model, future, choice.action, rate, spare, scratch), future];
    if (!Number.isFinite(future.w0) || !allFinite(future.w2) || !allFinite(future.w1)) throw new DivergenceError(n, 'the value function W2');
  }
  return { solver: 'dp', actionNames: actionNames(game), actions, ties: ties.reverse(), costs };
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/** The future after `episode` under `actions` (row per episode), built backwards from the end. */
function futureAfter(model: DpModel, actions: Float64Array, episode: number): DpFuture {
  const m = actions.length / model.game.schedule.length;
  const scratch = new DpScratch(model);
  let future = emptyFuture(model);
  let spare = emptyFuture(model);
  for (let n = model.game.schedule.length - 1; n > episode; n--) {
    [future, spare] = [prependEpisode(model, future, actions.subarray(n * m, (n + 1) * m), model.game.schedule[n], spare, scratch), future];
  }
  return future;
}

export interface ExpectedCostOptions extends DpOptions {
  /** The agent whose cost is wanted (default 0). */
  readonly episode?: number;
  /** Its state's parameter values (default: the initial values); frozen copies take their source's value. */
  readonly state?: ArrayLike<number>;
}

/**
 * Agent n's expected cost E[Σ_{j≥n} γ^{j−n}·c(y_j, g_n)] from a state, in the dp model (the
 * agents' believed dynamics), the plan being `equilibrium`'s actions.
 */
export function dpExpectedCost(game: Game, equilibrium: Pick<GameEquilibrium, 'actions'>, options: ExpectedCostOptions = {}): number {
  const model = checkedModel(game, options);
  const n = options.episode ?? 0;
  const episodes = game.schedule.length;
  if (!Number.isInteger(n) || n < 0 || n >= episodes) throw new RangeError(`dpExpectedCost: episode must be in 0 … ${episodes - 1}, got ${n}`);
  const m = equilibrium.actions.length / episodes;
  const future = futureAfter(model, equilibrium.actions, n);
  const state = fullState(game, options.state ?? game.parameters.map((p) => p.initial));
  const action = equilibrium.actions.slice(n * m, (n + 1) * m);
  return agentCost(model, future, action, game.schedule[n], state, Float64Array.of(state[game.goal]), new DpScratch(model));
}

/** Expected values per episode in the dp model: E[s_n] (N + 1 entries per parameter) and E[y_n] (N). */
export interface DpMeans {
  readonly parameters: Readonly<Record<string, Float64Array>>;
  readonly output: Float64Array;
}

/**
 * E[s_n] and E[y_n] from a start state (default: the initial values) under the plan, in the dp
 * model: the start's stencil is a signed mass over grid nodes, and each episode moves node c's
 * mass to the stencils of its successors z′(c, ξ_q), weighted by the quadrature weights.
 */
export function dpMeanTrajectory(game: Game, equilibrium: Pick<GameEquilibrium, 'actions'>, options: DpOptions & { readonly state?: ArrayLike<number> } = {}): DpMeans {
  const model = checkedModel(game, options);
  const { d, grid, nodes, rule, transition } = model;
  const episodes = game.schedule.length;
  const m = equilibrium.actions.length / episodes;
  const names = game.parameters.map((p) => p.name);
  const means = names.map(() => new Float64Array(episodes + 1));
  const output = new Float64Array(episodes);
  const stencil = new Stencil(d);
  let mass = new Float64Array(grid.size);
  let moved = new Float64Array(grid.size);
  stencil.locate(grid, fullState(game, options.state ?? game.parameters.map((p) => p.initial)));
  for (let e = 0; e < stencil.count; e++) mass[stencil.indices[e]] += stencil.weights[e];
  const next = new Float64Array(d);
  const state = new Float64Array(d);
  const recordMeans = (n: number) => {
    for (let c = 0; c < grid.size; c++) if (mass[c] !== 0) means.forEach((column, j) => (column[n] += mass[c] * nodes[c * d + j]));
  };
  for (let n = 0; n < episodes; n++) {
    recordMeans(n);
    const action = equilibrium.actions.subarray(n * m, (n + 1) * m);
    moved.fill(0);
    for (let c = 0; c < grid.size; c++) {
      if (mass[c] === 0) continue;
      for (let j = 0; j < d; j++) state[j] = nodes[c * d + j];
      transition.prepare(action, state, game.schedule[n]);
      for (let q = 0; q < rule.nodes.length; q++) {
        const share = mass[c] * rule.weights[q];
        output[n] += share * transition.advance(rule.nodes[q], next);
        stencil.locate(grid, next);
        for (let e = 0; e < stencil.count; e++) moved[stencil.indices[e]] += share * stencil.weights[e];
      }
    }
    [mass, moved] = [moved, mass];
  }
  recordMeans(episodes);
  return { parameters: Object.fromEntries(names.map((name, j) => [name, means[j]])), output };
}
