/**
 * The general game (DESIGN §2–§4): trainable parameters s (θ and any others, e.g. a belief β),
 * a policy whose parameters k are each episode's action, a base objective ℓ_base(y, s) the
 * trainer descends, a mesa cost c(y, g) against the goal parameter's current value g, a discount,
 * an update rule and a schedule. Agents may believe in a different base objective (with frozen
 * copies of parameters, e.g. b = β held fixed over the agent's horizon).
 */
import type { Expression } from './expression.ts';
import type { GameExtensions } from './extensions.ts';
import type { Schedule } from './schedule.ts';
import type { TieRuleName } from './tieRuleName.ts';
import type { UpdateRule } from './updates/updateRule.ts';

export interface Parameter {
  readonly name: string;
  /** The value before the first episode (used by rollouts). */
  readonly initial: number;
  /** Points of the agents' uniform prior over this parameter (independent across parameters). */
  readonly prior: Float64Array;
}

/** Policy classes: the output y as a function of the parameters, with the action k as weights. */
export type Policy =
  /**
   * y = Σ_i k_i·s_{inputs[i]}; the seed's y = a·θ is inputs = [goal]. `discrete`: each k_i is one
   * of a finite set of actions (the game's actionGrid), not any real number.
   */
  | { readonly type: 'linear'; readonly inputs: readonly number[]; readonly discrete?: boolean }
  /** y = f_k(s_input), an MLP with the given hidden layer sizes; k holds all its weights. */
  | { readonly type: 'mlp'; readonly input: number; readonly hidden: readonly number[]; readonly activation: Activation };

export type Activation = 'tanh' | 'relu' | 'sigmoid';

export type { UpdateRule } from './updates/updateRule.ts';

/** A constant in the agents' model: `name` takes the current value of parameter `source`. */
export interface FrozenCopy {
  readonly name: string;
  readonly source: number;
}

/** A game; at most one extension of DESIGN §3 (extensions.ts) may be set, for its own solver. */
export interface Game extends GameExtensions {
  readonly name: string;
  readonly parameters: readonly Parameter[];
  /** Index of the goal parameter g in `parameters`. */
  readonly goal: number;
  readonly policy: Policy;
  /** ℓ_base(y, s): variables y and the parameter names. */
  readonly baseObjective: Expression;
  /** What the agents believe the base objective is; variables y, parameters and frozen copies. */
  readonly believedObjective: Expression;
  readonly frozen: readonly FrozenCopy[];
  /** c(y, goal): variables y and goal. */
  readonly mesaCost: Expression;
  readonly discount: number;
  readonly update: UpdateRule;
  readonly schedule: Schedule;
  /** Candidate values per action component, for solvers that search a grid first. */
  readonly actionGrid: Float64Array;
  /** Which of several equally good actions is played (default 'smallest'). */
  readonly tieRule?: TieRuleName;
}

/** The names of the action's components, e.g. ["a"] or ["a", "c"], or MLP weight names. */
export function actionNames(game: Game): string[] {
  const { policy, parameters } = game;
  if (policy.type === 'linear') {
    return policy.inputs.map((i) => (policy.inputs.length === 1 ? 'a' : `k_${parameters[i].name}`));
  }
  return Array.from({ length: mlpWeightCount(policy.hidden) }, (_, i) => `w${i}`);
}

/** Number of weights and biases of a 1-input, 1-output MLP with the given hidden layers. */
export function mlpWeightCount(hidden: readonly number[]): number {
  let count = 0;
  let width = 1;
  for (const h of [...hidden, 1]) {
    count += width * h + h;
    width = h;
  }
  return count;
}
