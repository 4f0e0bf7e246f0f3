/**
 * Agent n's cost in the neural solver and its gradient in the agent's weights w:
 *   J(w) = (1/K)·Σ_i [c(f_w(θ_i), θ_i) + γ·V(θ′_i; g = θ_i)],
 *   θ′_i = θ_i − ℓ_n·(ℓ̂_y·f′_w(θ_i) + ℓ̂_θ)        (believed objective, b = θ_i),
 * over the K prior points θ_i, V the future's cost (neuralFuture.ts). By the chain rule
 *   ∂J/∂w = (1/K)·Σ_i [α_i·∂f_w(θ_i)/∂w + β_i·∂f′_w(θ_i)/∂w],
 *   α_i = c_y − γ·V′·ℓ_n·(ℓ̂_yy·f′ + ℓ̂_yθ),   β_i = −γ·V′·ℓ_n·ℓ̂_y,
 * one reverse pass of the network per prior point (mlpGradients.ts).
 */
import { MlpTape } from '../../model/policies/mlpGradients.ts';
import { believedValues, type NeuralModel } from './neuralModel.ts';
import type { NeuralFuture } from './neuralFuture.ts';

/** J(w) and ∂J/∂w for one agent: the learning rate of its episode and its fixed future. */
export class AgentCost {
  private readonly tape: MlpTape;
  private readonly values: Float64Array;

  constructor(
    private readonly model: NeuralModel,
    private readonly rate: number,
    private readonly future: NeuralFuture,
  ) {
    this.tape = new MlpTape(model.shape);
    this.values = new Float64Array(2 + model.frozenCount);
  }

  /** J(w), writing ∂J/∂w into `gradient`. */
  evaluate(w: Float64Array, gradient: Float64Array): number {
    const { model, rate, future, tape, values } = this;
    const gamma = model.discount;
    const share = 1 / model.prior.length;
    gradient.fill(0);
    let total = 0;
    for (const theta of model.prior) {
      tape.forward(w, theta);
      const { y, slope } = tape;
      values[0] = y;
      values[1] = theta;
      let cost = model.cost(values);
      let alpha = model.costY(values);
      let beta = 0;
      if (!future.empty) {
        believedValues(values, y, theta, theta);
        const ly = rate === 0 ? 0 : model.ly(values);
        const next = rate === 0 ? theta : theta - rate * (ly * slope + model.lt(values));
        cost += gamma * future.cost(next, theta, theta);
        if (rate !== 0) {
          const pull = gamma * future.derivative * rate;
          alpha -= pull * (model.lyy(values) * slope + model.lyt(values));
          beta = -pull * ly;
        }
      }
      tape.backward(w, share * alpha, share * beta, gradient);
      total += cost;
    }
    return total * share;
  }
}
