/**
 * The future of agent n in the neural solver: the later agents' fixed networks, played forward
 * from θ_{n+1} in agent n's model (its believed base objective, frozen copies b = θ_n). With goal
 * g = θ_n it costs
 *   V(θ_{n+1}) = Σ_{k=n+1}^{N−1} γ^{k−n−1}·c(f_{w_k}(θ_k), g),
 *   θ_{k+1} = θ_k − ℓ_k·(ℓ̂_y·f′_{w_k}(θ_k) + ℓ̂_θ),
 * and dV/dθ_{n+1} = Σ_k γ^{k−n−1}·c_y·f′_{w_k}(θ_k)·τ_k by forward-mode tangents
 *   τ_{n+1} = 1,  τ_{k+1} = τ_k·(1 − ℓ_k·(ℓ̂_yy·f′² + 2ℓ̂_yθ·f′ + ℓ̂_y·f″ + ℓ̂_θθ)).
 * Exact: a rollout, not a table. Consecutive episodes with ℓ = 0 and the same network leave θ
 * (hence y) unchanged, so a run of m of them is one segment of weight 1 + γ + … + γ^{m−1}; a
 * deployment phase of identical agents then costs one network evaluation.
 */
import { MlpTape } from '../../model/policies/mlpGradients.ts';
import { believedValues, type NeuralModel } from './neuralModel.ts';

/** A run of `count` consecutive episodes playing `weights` at learning rate `rate`. */
export interface FutureSegment {
  readonly weights: Float64Array;
  readonly rate: number;
  readonly count: number;
  /** 1 + γ + … + γ^{count−1}. */
  readonly weight: number;
  /** γ^count. */
  readonly decay: number;
}

/** The later agents' plan, built backward by `prepend`, and its cost V(θ) with dV/dθ. */
export class NeuralFuture {
  /** dV/dθ_{n+1} from the last `cost` call. */
  derivative = NaN;
  /** Segments in reverse play order (the next episode's segment last). */
  private readonly reversed: FutureSegment[] = [];
  private readonly tape: MlpTape;
  private readonly values: Float64Array;

  constructor(private readonly model: NeuralModel) {
    this.tape = new MlpTape(model.shape);
    this.values = new Float64Array(2 + model.frozenCount);
  }

  get empty(): boolean {
    return this.reversed.length === 0;
  }

  /** Number of segments (network evaluations per rollout). */
  get segments(): number {
    return this.reversed.length;
  }

  /** Makes episode n (weights w, rate ℓ) the first of the future. */
  prepend(weights: Float64Array, rate: number): void {
    const gamma = this.model.discount;
    const front = this.reversed[this.reversed.length - 1];
    if (rate === 0 && front !== undefined && front.rate === 0 && sameWeights(front.weights, weights)) {
      this.reversed[this.reversed.length - 1] = { ...front, count: front.count + 1, weight: 1 + gamma * front.weight, decay: gamma * front.decay };
      return;
    }
    this.reversed.push({ weights, rate, count: 1, weight: 1, decay: gamma });
  }

  /** V(θ) for goal g and frozen copies b; sets `derivative` to dV/dθ. */
  cost(theta: number, goal: number, frozen: number): number {
    const { model, tape, values } = this;
    let [value, derivative, discount, tangent] = [0, 0, 1, 1];
    for (let s = this.reversed.length - 1; s >= 0; s--) {
      const { weights, rate, weight, decay } = this.reversed[s];
      tape.forward(weights, theta);
      const { y, slope, curvature } = tape;
      values[0] = y;
      values[1] = goal;
      value += discount * weight * model.cost(values);
      derivative += discount * weight * model.costY(values) * slope * tangent;
      if (rate !== 0) {
        believedValues(values, y, theta, frozen);
        const ly = model.ly(values);
        const jacobian = 1 - rate * (model.lyy(values) * slope * slope + 2 * model.lyt(values) * slope + ly * curvature + model.ltt(values));
        theta -= rate * (ly * slope + model.lt(values));
        tangent *= jacobian;
      }
      discount *= decay;
    }
    this.derivative = derivative;
    return value;
  }
}

function sameWeights(a: Float64Array, b: Float64Array): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}
