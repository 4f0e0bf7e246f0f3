/**
 * A scalar multilayer perceptron y = f_w(x): hidden layers with the given activation, a linear
 * output. Weights are packed layer by layer as (weights row-major, then biases), so an agent's
 * action is one Float64Array. `mlpForward` also returns ∂y/∂x, which the base optimizer's step
 * θ′ = θ − ℓ·∂ℓ_base/∂y·f′_w(θ) needs.
 */
import type { Activation } from '../game.ts';

const ACTIVATIONS: Record<Activation, { f: (z: number) => number; df: (z: number) => number }> = {
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), df: (z) => { const s = 1 / (1 + Math.exp(-z)); return s * (1 - s); } },
};

export interface MlpShape {
  readonly hidden: readonly number[];
  readonly activation: Activation;
}

/** y = f_w(x) and dy/dx, by a forward pass carrying the derivative along (forward-mode). */
export function mlpForward(shape: MlpShape, w: ArrayLike<number>, x: number): { y: number; dydx: number } {
  const { f, df } = ACTIVATIONS[shape.activation];
  let values = [x];
  let slopes = [1];
  let offset = 0;
  for (const width of shape.hidden) {
    const next = new Array<number>(width);
    const nextSlopes = new Array<number>(width);
    const biases = offset + width * values.length;
    for (let j = 0; j < width; j++) {
      let z = w[biases + j];
      let dz = 0;
      for (let i = 0; i < values.length; i++) {
        z += w[offset + j * values.length + i] * values[i];
        dz += w[offset + j * values.length + i] * slopes[i];
      }
      next[j] = f(z);
      nextSlopes[j] = df(z) * dz;
    }
    offset = biases + width;
    values = next;
    slopes = nextSlopes;
  }
  let y = w[offset + values.length];
  let dydx = 0;
  for (let i = 0; i < values.length; i++) {
    y += w[offset + i] * values[i];
    dydx += w[offset + i] * slopes[i];
  }
  return { y, dydx };
}
