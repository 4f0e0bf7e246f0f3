/**
 * The dp solver's model of a game (DESIGN §2): the state z = (parameters, frozen copies), a
 * tensor grid over it, the agents' believed transition z′ = T_k(z, ξ) with ξ ~ N(0, 1) taken at
 * Gauss–Hermite nodes (one node, ξ = 0, for the deterministic gradient update), the mesa cost
 * c(y, g) = αy² + 2μyg + δg², and the future's moment value functions under the later agents'
 * plan, tabulated on the grid:
 *   W2(n, z) = E[y_n² + γ·W2(n+1, z′)],  W1(n, z) = E[y_n + γ·W1(n+1, z′)],  W0(n) = 1 + γ·W0(n+1),
 * all zero after the last episode. Agent n with goal g = z[goal] pays, for action k,
 *   C_n(k; z) = E_ξ[c(y_n, g) + γ·(α·W2(n+1, z′) + 2μg·W1(n+1, z′) + δg²·W0(n+1))],
 * and its cost J_n(k) is the mean of C_n over the prior points (the cartesian product of the
 * parameters' priors; a frozen copy takes its source's value).
 *
 * Grid: each parameter's axis is evenly spaced over the range of its prior, its initial value
 * and 0 (homogeneous dynamics contract towards 0), widened on each side by `margin` times that
 * range; [−1, 1] if the range is empty. A frozen copy never changes in the agents' model and starts
 * at a prior point (or, in predictions, at the initial value) of its source, so its axis is just
 * those points: no interpolation error along it. Off the grid, tables extrapolate quadratically
 * (interpolation.ts), exact for the LQ case's quadratic W2. Tables are read between nodes by
 * Catmull–Rom cubics (exact for quadratics, error O(h³)) or, as an option, multilinearly (O(h²)).
 */
import type { Game } from '../../model/game.ts';
import { compileGame } from '../../model/gameFunctions.ts';
import { quadraticForm } from '../../model/expression.ts';
import { evenAxis, pointsAxis, Stencil, TensorGrid, type Axis, type InterpolationKind } from '../../numerics/interpolation.ts';
import { gaussHermite, MAX_HERMITE_NODES, type Quadrature } from '../../numerics/quadrature.ts';
import { markovUpdate, Transition } from '../../model/updates/transition.ts';

/** Options of the dp solver; every field has a default. */
export interface DpOptions {
  /** Grid nodes per parameter axis (default 101 for one parameter, 41 for two, 21 for three). */
  readonly points?: number;
  /**
   * Gauss–Hermite nodes for the REINFORCE noise (default 8: exact when the integrand is a
   * polynomial of degree ≤ 15 in ξ, e.g. a table of degree 5 in θ after the cubic-in-ξ update; the
   * gradient update needs none).
   */
  readonly quadrature?: number;
  /** Grid range added on each side, as a fraction of the prior's range (default 0 for gradient, 0.5 for reinforce). */
  readonly margin?: number;
  /** Coarse search points per action component when the action has 2 or 3 (default 41 and 17). */
  readonly coarse?: number;
  /** How tables are read between nodes (interpolation.ts): 'cubic' (default) or 'linear'. */
  readonly interpolation?: InterpolationKind;
}

export const DP_DEFAULT_POINTS = [101, 41, 21] as const;
export const DP_DEFAULT_QUADRATURE = 8;
/** The largest state grid the solver builds (nodes). */
export const DP_MAX_NODES = 4_000_000;

export interface ResolvedDpOptions {
  readonly points: number;
  readonly quadrature: number;
  readonly margin: number;
  readonly coarse: number;
  readonly interpolation: InterpolationKind;
}

/** The future's moment value functions after some episode: tables over the grid, W0 a number. */
export interface DpFuture {
  readonly w2: Float64Array;
  readonly w1: Float64Array;
  w0: number;
  /** True after the last episode: every W is 0 (their tables are not read). */
  empty: boolean;
}

export interface DpModel {
  readonly game: Game;
  readonly options: ResolvedDpOptions;
  /** State dimension d: parameters then frozen copies. */
  readonly d: number;
  readonly grid: TensorGrid;
  /** Node coordinates, node-major: nodes[c·d + j]. */
  readonly nodes: Float64Array;
  readonly rule: Quadrature;
  readonly transition: Transition;
  readonly alpha: number;
  readonly mu: number;
  readonly delta: number;
  /** c(y, g), as α(y + (μ/α)g)² + (δ − μ²/α)g² when α ≠ 0: (y − g)² has no cancellation to round. */
  readonly mesa: (y: number, g: number) => number;
  /** mean over the prior of g². */
  readonly goalSquare: number;
  /** Prior points, point-major (K × d), and each point's goal value. */
  readonly prior: Float64Array;
  readonly goals: Float64Array;
  /** The action grid, ascending and distinct. */
  readonly actionAxis: Float64Array;
}

const DETERMINISTIC: Quadrature = { nodes: Float64Array.of(0), weights: Float64Array.of(1) };

/** Why the dp solver cannot solve `game` with `options`, or null. */
export function dpSupportReason(game: Game, options: DpOptions = {}): string | null {
  if (game.policy.type !== 'linear') return 'the dp solver needs a linear policy (its action is the coefficient vector)';
  if (!quadraticForm(game.mesaCost, ['y', 'goal'])) return 'the mesa cost is not a homogeneous quadratic αy² + 2μy·goal + δ·goal² in y and goal';
  const update = markovUpdate(game.update);
  if (typeof update === 'string') return update;
  if (sortedActions(game.actionGrid).length === 0) return 'the action grid has no finite points';
  const resolved = resolveOptions(game, options);
  const nodes = buildAxes(game, resolved).reduce((n, axis) => n * axis.nodes.length, 1);
  if (nodes > DP_MAX_NODES) return `its state grid would have ${nodes} nodes, more than ${DP_MAX_NODES}; use fewer points per axis`;
  return null;
}

/** Checks the options given (RangeError naming the option); absent ones take their defaults later. */
export function checkDpOptions(options: DpOptions): DpOptions {
  const check = (value: number | undefined, name: string, what: string, ok: (v: number) => boolean) => {
    if (value !== undefined && !ok(value)) throw new RangeError(`dp option ${name} must be ${what}, got ${value}`);
  };
  check(options.points, 'points', 'a whole number ≥ 2', (v) => Number.isInteger(v) && v >= 2);
  check(options.quadrature, 'quadrature', `a whole number from 1 to ${MAX_HERMITE_NODES}`, (v) => Number.isInteger(v) && v >= 1 && v <= MAX_HERMITE_NODES);
  check(options.margin, 'margin', 'a finite number ≥ 0', (v) => Number.isFinite(v) && v >= 0);
  check(options.coarse, 'coarse', 'a whole number ≥ 2', (v) => Number.isInteger(v) && v >= 2);
  if (options.interpolation !== undefined && options.interpolation !== 'cubic' && options.interpolation !== 'linear') {
    throw new RangeError(`dp option interpolation must be "cubic" or "linear", got "${String(options.interpolation)}"`);
  }
  return options;
}

/** The options with their defaults for `game`. */
export function resolveOptions(game: Game, options: DpOptions): ResolvedDpOptions {
  checkDpOptions(options);
  const stochastic = game.update.type === 'reinforce';
  return {
    points: options.points ?? DP_DEFAULT_POINTS[Math.min(game.parameters.length, 3) - 1],
    quadrature: stochastic ? (options.quadrature ?? DP_DEFAULT_QUADRATURE) : 1,
    margin: options.margin ?? (stochastic ? 0.5 : 0),
    coarse: options.coarse ?? (game.policy.type === 'linear' && game.policy.inputs.length >= 3 ? 17 : 41),
    interpolation: options.interpolation ?? 'cubic',
  };
}

function buildAxes(game: Game, options: ResolvedDpOptions): Axis[] {
  const parameterAxes = game.parameters.map((p) => {
    let lo = Math.min(0, p.initial, ...p.prior);
    let hi = Math.max(0, p.initial, ...p.prior);
    if (!(hi > lo)) [lo, hi] = [-1, 1];
    const widen = options.margin * (hi - lo);
    return evenAxis(lo - widen, hi + widen, options.points);
  });
  const frozenAxes = game.frozen.map((f) => {
    const source = game.parameters[f.source];
    return pointsAxis([...source.prior, source.initial]);
  });
  return [...parameterAxes, ...frozenAxes];
}

function sortedActions(grid: Float64Array): Float64Array {
  return Float64Array.from(new Set(Array.from(grid).filter(Number.isFinite))).sort();
}

/** Builds the model; call dpSupportReason first (this assumes a supported game). */
export function buildDpModel(game: Game, options: DpOptions = {}): DpModel {
  const resolved = resolveOptions(game, options);
  const update = markovUpdate(game.update);
  const mesa = quadraticForm(game.mesaCost, ['y', 'goal']);
  if (typeof update === 'string' || !mesa) throw new Error('buildDpModel: unsupported game');
  const d = game.parameters.length + game.frozen.length;
  const grid = new TensorGrid(buildAxes(game, resolved), resolved.interpolation);
  const fns = compileGame(game);
  const { prior, goals } = priorPoints(game);
  return {
    game,
    options: resolved,
    d,
    grid,
    nodes: grid.allCoordinates(),
    rule: update.type === 'reinforce' ? gaussHermite(resolved.quadrature) : DETERMINISTIC,
    transition: new Transition(game, fns.believed, update, d),
    alpha: mesa[0],
    mu: mesa[1],
    delta: mesa[3],
    mesa: mesaCost(mesa[0], mesa[1], mesa[3]),
    goalSquare: goals.reduce((s, g) => s + g * g, 0) / goals.length,
    prior,
    goals,
    actionAxis: sortedActions(game.actionGrid),
  };
}

function mesaCost(alpha: number, mu: number, delta: number): (y: number, g: number) => number {
  if (alpha === 0) return (y, g) => 2 * mu * y * g + delta * g * g;
  const shift = mu / alpha;
  const rest = delta - mu * shift;
  return (y, g) => {
    const u = y + shift * g;
    return alpha * u * u + rest * g * g;
  };
}

/** The natural size of agent n's cost: (|α| + 2|μ| + |δ|)·mean(g²)·W0(n), W0(n) = 1 + γW0(n+1). */
export function costScale(model: DpModel, future: DpFuture): number {
  const w0 = 1 + model.game.discount * (future.empty ? 0 : future.w0);
  return (Math.abs(model.alpha) + 2 * Math.abs(model.mu) + Math.abs(model.delta)) * model.goalSquare * w0;
}

/** The cartesian product of the parameters' priors (parameter 0 fastest), frozen copies = their source. */
function priorPoints(game: Game): { prior: Float64Array; goals: Float64Array } {
  const priors = game.parameters.map((p) => p.prior);
  const count = priors.reduce((n, p) => n * p.length, 1);
  const d = game.parameters.length + game.frozen.length;
  const prior = new Float64Array(count * d);
  const goals = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let rest = i;
    const point = prior.subarray(i * d, (i + 1) * d);
    priors.forEach((p, j) => {
      point[j] = p[rest % p.length];
      rest = Math.floor(rest / p.length);
    });
    game.frozen.forEach((f, j) => (point[game.parameters.length + j] = point[f.source]));
    goals[i] = point[game.goal];
  }
  return { prior, goals };
}

/** A state (parameters, frozen copies) from parameter values: each frozen copy takes its source's value. */
export function fullState(game: Game, parameters: ArrayLike<number>): Float64Array {
  const p = game.parameters.length;
  const state = new Float64Array(p + game.frozen.length);
  for (let j = 0; j < p; j++) state[j] = parameters[j];
  game.frozen.forEach((f, j) => (state[p + j] = parameters[f.source]));
  return state;
}

export function emptyFuture(model: DpModel): DpFuture {
  return { w2: new Float64Array(model.grid.size), w1: new Float64Array(model.grid.size), w0: 0, empty: true };
}

/** Scratch for cost evaluations, one per caller. */
export class DpScratch {
  readonly state: Float64Array;
  readonly next: Float64Array;
  readonly stencil: Stencil;
  constructor(model: DpModel) {
    this.state = new Float64Array(model.d);
    this.next = new Float64Array(model.d);
    this.stencil = new Stencil(model.d);
  }
}

/**
 * C_n(k; z) averaged over `count` points (point-major in `points`, goals alongside): the agent's
 * expected cost from each point, with the future `future` after its episode.
 */
export function agentCost(model: DpModel, future: DpFuture, action: Float64Array, rate: number, points: Float64Array, goals: Float64Array, scratch: DpScratch): number {
  const { d, rule, transition, alpha, mu, delta, grid, mesa } = model;
  const gamma = model.game.discount;
  const readFuture = gamma !== 0 && !future.empty;
  const { state, next, stencil } = scratch;
  let total = 0;
  for (let i = 0; i < goals.length; i++) {
    const g = goals[i];
    for (let j = 0; j < d; j++) state[j] = points[i * d + j];
    transition.prepare(action, state, rate);
    let expected = 0;
    for (let q = 0; q < rule.nodes.length; q++) {
      const y = transition.advance(rule.nodes[q], next);
      let value = mesa(y, g);
      if (readFuture) {
        const w2 = stencil.locate(grid, next).interpolatePair(future.w2, future.w1);
        value += gamma * (alpha * w2 + 2 * mu * g * stencil.second + delta * g * g * future.w0);
      }
      expected += rule.weights[q] * value;
    }
    total += expected;
  }
  return total / goals.length;
}

/** The future before an episode played with `action` at `rate`, written into `out`: W ← E[y^j + γ·W(z′)]. */
export function prependEpisode(model: DpModel, future: DpFuture, action: Float64Array, rate: number, out: DpFuture, scratch: DpScratch): DpFuture {
  const { d, rule, transition, grid, nodes } = model;
  const gamma = model.game.discount;
  const readFuture = gamma !== 0 && !future.empty;
  const { state, next, stencil } = scratch;
  for (let c = 0; c < grid.size; c++) {
    for (let j = 0; j < d; j++) state[j] = nodes[c * d + j];
    transition.prepare(action, state, rate);
    let w2 = 0;
    let w1 = 0;
    for (let q = 0; q < rule.nodes.length; q++) {
      const y = transition.advance(rule.nodes[q], next);
      let v2 = y * y;
      let v1 = y;
      if (readFuture) {
        v2 += gamma * stencil.locate(grid, next).interpolatePair(future.w2, future.w1);
        v1 += gamma * stencil.second;
      }
      w2 += rule.weights[q] * v2;
      w1 += rule.weights[q] * v1;
    }
    out.w2[c] = w2;
    out.w1[c] = w1;
  }
  out.w0 = 1 + gamma * (future.empty ? 0 : future.w0);
  out.empty = false;
  return out;
}
