/**
 * What the neural solver reads off a game (DESIGN §3.4): an MLP policy y = f_w(θ) over the one
 * trainable parameter θ (the goal), the agents' believed base objective ℓ̂(y, θ, b) with its
 * derivatives up to second order — the believed step is
 *   θ′ = θ − ℓ_n·(ℓ̂_y·f′_w(θ) + ℓ̂_θ),
 *   dθ′/dθ = 1 − ℓ_n·(ℓ̂_yy·f′² + 2ℓ̂_yθ·f′ + ℓ̂_y·f″ + ℓ̂_θθ),
 *   ∂θ′/∂w = −ℓ_n·((ℓ̂_yy·f′ + ℓ̂_yθ)·∂f/∂w + ℓ̂_y·∂f′/∂w),
 * with frozen copies b held at θ_n, the agent's current value, over its whole horizon — and the
 * mesa cost c(y, g) with ∂c/∂y. Objectives are evaluated on values [y, θ, b…].
 */
import { compileExpression, differentiate, type CompiledExpression } from '../../model/expression.ts';
import { mlpWeightCount, type Game } from '../../model/game.ts';
import type { MlpShape } from '../../model/policies/mlp.ts';

export interface NeuralModel {
  readonly shape: MlpShape;
  readonly weightCount: number;
  /** The agents' prior over θ_n (uniform weights on these points). */
  readonly prior: Float64Array;
  readonly discount: number;
  readonly schedule: Float64Array;
  /** Number of frozen copies (each holds θ_n in agent n's model). */
  readonly frozenCount: number;
  /** ℓ̂_y, ℓ̂_θ, ℓ̂_yy, ℓ̂_yθ, ℓ̂_θθ over [y, θ, b…]. */
  readonly ly: CompiledExpression;
  readonly lt: CompiledExpression;
  readonly lyy: CompiledExpression;
  readonly lyt: CompiledExpression;
  readonly ltt: CompiledExpression;
  /** c(y, g) and ∂c/∂y over [y, g]. */
  readonly cost: CompiledExpression;
  readonly costY: CompiledExpression;
}

/** The neural reading of `game`, or the one-line reason the neural solver cannot solve it. */
export function neuralModel(game: Game): NeuralModel | string {
  const { policy } = game;
  if (policy.type !== 'mlp') return 'the neural solver needs an MLP policy';
  if (game.parameters.length !== 1) return `the neural solver needs exactly one trainable parameter (the goal), not ${game.parameters.length}`;
  if (game.update.type !== 'gradient') return `the neural solver needs the one-step gradient update, not "${game.update.type}"`;
  const theta = game.parameters[0].name;
  const order = ['y', theta, ...game.frozen.map((f) => f.name)];
  try {
    const believed = game.believedObjective;
    const [dy, dt] = [differentiate(believed, 'y'), differentiate(believed, theta)];
    const compile = (e: typeof believed) => compileExpression(e, order);
    return {
      shape: { hidden: policy.hidden, activation: policy.activation },
      weightCount: mlpWeightCount(policy.hidden),
      prior: game.parameters[0].prior,
      discount: game.discount,
      schedule: game.schedule,
      frozenCount: game.frozen.length,
      ly: compile(dy),
      lt: compile(dt),
      lyy: compile(differentiate(dy, 'y')),
      lyt: compile(differentiate(dy, theta)),
      ltt: compile(differentiate(dt, theta)),
      cost: compileExpression(game.mesaCost, ['y', 'goal']),
      costY: compileExpression(differentiate(game.mesaCost, 'y'), ['y', 'goal']),
    };
  } catch (error) {
    return `the neural solver cannot differentiate the objectives twice (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Fills values = [y, θ, b…] with every frozen copy b = `frozen` (agent n's θ_n). */
export function believedValues(values: Float64Array, y: number, theta: number, frozen: number): Float64Array {
  values[0] = y;
  values[1] = theta;
  values.fill(frozen, 2);
  return values;
}
