/**
 * A game's objectives compiled once for hot loops: value and symbolic derivatives, as functions
 * of the values array [y, parameters…, frozen copies…].
 */
import { compileExpression, differentiate, type CompiledExpression, type Expression } from './expression.ts';
import type { Game } from './game.ts';
import { linearOutput } from './policies/linear.ts';
import { mlpForward } from './policies/mlp.ts';

export interface CompiledObjective {
  readonly value: CompiledExpression;
  /** ∂/∂y. */
  readonly dy: CompiledExpression;
  /** ∂/∂s_j for each parameter j (not the frozen copies: they are constants). */
  readonly dParameters: readonly CompiledExpression[];
}

export interface GameFunctions {
  readonly base: CompiledObjective;
  readonly believed: CompiledObjective;
  /** c(y, goal) with values [y, goal]. */
  readonly mesa: CompiledExpression;
}

export function compileGame(game: Game): GameFunctions {
  const names = game.parameters.map((p) => p.name);
  const frozen = game.frozen.map((f) => f.name);
  return {
    base: compileObjective(game.baseObjective, ['y', ...names], names),
    believed: compileObjective(game.believedObjective, ['y', ...names, ...frozen], names),
    mesa: compileExpression(game.mesaCost, ['y', 'goal']),
  };
}

function compileObjective(e: Expression, order: string[], parameters: string[]): CompiledObjective {
  return {
    value: compileExpression(e, order),
    dy: compileExpression(differentiate(e, 'y'), order),
    dParameters: parameters.map((p) => compileExpression(differentiate(e, p), order)),
  };
}

/** y = π_k(s), with ∂y/∂s written into `slope` (length ≥ number of parameters). */
export function policyOutput(game: Game, action: ArrayLike<number>, state: ArrayLike<number>, slope: Float64Array): number {
  const policy = game.policy;
  if (policy.type === 'linear') return linearOutput(policy.inputs, action, state, slope);
  const { y, dydx } = mlpForward(policy, action, state[policy.input]);
  slope.fill(0);
  slope[policy.input] = dydx;
  return y;
}

/**
 * One gradient step of the base optimizer on objective ℓ(y, s) through the policy:
 * s′_j = s_j − ℓ_n·(∂ℓ/∂y·∂y/∂s_j + ∂ℓ/∂s_j) for each parameter j; frozen copies (entries after
 * the parameters in `state`) are constants and stay. Writes into `next`; returns y.
 */
export function gradientStep(
  game: Game,
  objective: CompiledObjective,
  action: ArrayLike<number>,
  state: Float64Array,
  rate: number,
  next: Float64Array,
  scratch: { values: Float64Array; slope: Float64Array },
): number {
  const { values, slope } = scratch;
  const y = policyOutput(game, action, state, slope);
  values[0] = y;
  for (let i = 0; i < state.length; i++) values[i + 1] = state[i];
  const dy = objective.dy(values);
  next.set(state);
  for (let j = 0; j < objective.dParameters.length; j++) {
    next[j] = state[j] - rate * (dy * slope[j] + objective.dParameters[j](values));
  }
  return y;
}
