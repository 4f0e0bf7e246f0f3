import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { mlpWeightCount, type Activation } from '../../../src/model/game.ts';
import { mlpForward, type MlpShape } from '../../../src/model/policies/mlp.ts';
import { MlpTape } from '../../../src/model/policies/mlpGradients.ts';
import { mlpInitialWeights } from '../../../src/model/policies/mlpInit.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

const SHAPES: MlpShape[] = (['tanh', 'sigmoid', 'relu'] as Activation[]).flatMap((activation) => [
  { hidden: [5], activation },
  { hidden: [4, 3], activation },
  { hidden: [3, 4, 2], activation },
]);
const POINTS = [-0.93, -0.31, 0.07, 0.58, 1.4];

function weights(shape: MlpShape, seed: number): Float64Array {
  return mlpInitialWeights(shape.hidden, xoroshiro128plus(seed));
}

/** Central difference of g at w along coordinate i. */
function partial(g: (w: Float64Array) => number, w: Float64Array, i: number, h = 1e-6): number {
  const plus = Float64Array.from(w);
  const minus = Float64Array.from(w);
  plus[i] += h;
  minus[i] -= h;
  return (g(plus) - g(minus)) / (2 * h);
}

describe('MlpTape', () => {
  it('forward gives the same y and f′ as mlpForward', () => {
    SHAPES.forEach((shape, s) => {
      const w = weights(shape, s);
      const tape = new MlpTape(shape);
      for (const x of POINTS) {
        tape.forward(w, x);
        const { y, dydx } = mlpForward(shape, w, x);
        assertInDelta(tape.y, y, 1e-14);
        assertInDelta(tape.slope, dydx, 1e-14);
      }
    });
  });

  it('forward: f″ is the derivative of mlpForward’s f′ (finite differences)', () => {
    SHAPES.forEach((shape, s) => {
      const w = weights(shape, 10 + s);
      const tape = new MlpTape(shape);
      for (const x of POINTS) {
        tape.forward(w, x);
        const h = 1e-5;
        const numeric = (mlpForward(shape, w, x + h).dydx - mlpForward(shape, w, x - h).dydx) / (2 * h);
        assertInDelta(tape.curvature, numeric, 1e-6 * (1 + Math.abs(numeric)));
      }
    });
  });

  it('backward(1, 0) is ∂y/∂w and backward(0, 1) is ∂f′/∂w (finite differences, every weight)', () => {
    SHAPES.forEach((shape, s) => {
      const w = weights(shape, 20 + s);
      const tape = new MlpTape(shape);
      for (const x of POINTS) {
        tape.forward(w, x);
        const dy = new Float64Array(w.length);
        const ds = new Float64Array(w.length);
        tape.backward(w, 1, 0, dy);
        tape.backward(w, 0, 1, ds);
        for (let i = 0; i < w.length; i++) {
          const ny = partial((v) => mlpForward(shape, v, x).y, w, i);
          const ns = partial((v) => mlpForward(shape, v, x).dydx, w, i);
          assertInDelta(dy[i], ny, 1e-7 * (1 + Math.abs(ny)));
          assertInDelta(ds[i], ns, 1e-7 * (1 + Math.abs(ns)));
        }
      }
    });
  });

  it('backward(α, β) accumulates α·∂y/∂w + β·∂f′/∂w into the gradient', () => {
    const shape: MlpShape = { hidden: [4, 4], activation: 'tanh' };
    const w = weights(shape, 7);
    const tape = new MlpTape(shape);
    tape.forward(w, 0.3);
    const dy = new Float64Array(w.length);
    const ds = new Float64Array(w.length);
    tape.backward(w, 1, 0, dy);
    tape.backward(w, 0, 1, ds);
    const grad = Float64Array.from({ length: w.length }, (_, i) => i);
    tape.backward(w, 2.5, -0.7, grad);
    assertInDelta(grad, Float64Array.from(dy, (v, i) => i + 2.5 * v - 0.7 * ds[i]), 1e-12);
  });
});

describe('mlpInitialWeights', () => {
  it('same seed, same weights; another seed, other weights', () => {
    const hidden = [16, 16];
    const a = mlpInitialWeights(hidden, xoroshiro128plus(42));
    expect(Array.from(mlpInitialWeights(hidden, xoroshiro128plus(42)))).toEqual(Array.from(a));
    expect(Array.from(mlpInitialWeights(hidden, xoroshiro128plus(43)))).not.toEqual(Array.from(a));
  });

  it('has mlpWeightCount entries, each within ±√(3/fan-in) of its layer', () => {
    const hidden = [6, 3];
    const w = mlpInitialWeights(hidden, xoroshiro128plus(5));
    expect(w.length).toBe(mlpWeightCount(hidden));
    const bounds = [...Array(12).fill(Math.sqrt(3)), ...Array(21).fill(Math.sqrt(3 / 6)), ...Array(4).fill(1)];
    expect(bounds.length).toBe(w.length);
    w.forEach((v, i) => expect(Math.abs(v)).toBeLessThanOrEqual(bounds[i]));
    expect(new Set(w).size).toBe(w.length);
  });
});
