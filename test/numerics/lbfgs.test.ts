import { describe, expect, it } from 'vitest';
import { minimiseLbfgs, type DifferentiableFunction } from '../../src/numerics/lbfgs.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';

/** f(x) = ½·Σ_i c_i·((Rx)_i − 1)² with R a rotation in each coordinate pair: minimum 0 at R⁻¹·1. */
function bowl(curvatures: number[]): { f: DifferentiableFunction; minimiser: Float64Array } {
  const d = curvatures.length;
  const [c, s] = [Math.cos(0.7), Math.sin(0.7)];
  const rotate = (x: ArrayLike<number>, sign: number) => {
    const r = Float64Array.from(x);
    for (let i = 0; i + 1 < d; i += 2) [r[i], r[i + 1]] = [c * x[i] - sign * s * x[i + 1], sign * s * x[i] + c * x[i + 1]];
    return r;
  };
  const f: DifferentiableFunction = (x, gradient) => {
    const r = rotate(x, 1);
    const residual = Float64Array.from(r, (v, i) => curvatures[i] * (v - 1));
    gradient.set(rotate(residual, -1));
    return 0.5 * r.reduce((sum, v, i) => sum + curvatures[i] * (v - 1) ** 2, 0);
  };
  return { f, minimiser: rotate(new Float64Array(d).fill(1), -1) };
}

/** Σ_i 100·(x_{i+1} − x_i²)² + (1 − x_i)²: minimum 0 at (1, …, 1). */
const rosenbrock: DifferentiableFunction = (x, gradient) => {
  gradient.fill(0);
  let value = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const [a, b] = [x[i + 1] - x[i] ** 2, 1 - x[i]];
    value += 100 * a * a + b * b;
    gradient[i] += -400 * a * x[i] - 2 * b;
    gradient[i + 1] += 200 * a;
  }
  return value;
};

describe('minimiseLbfgs', () => {
  it('the test functions’ gradients are right (finite differences), so the tests below test the optimiser', () => {
    for (const f of [rosenbrock, bowl([1, 10, 100, 1000]).f]) {
      const x = Float64Array.of(-0.3, 0.8, 1.7, -1.1);
      const g = new Float64Array(4);
      f(x, g);
      for (let i = 0; i < 4; i++) {
        const [plus, minus] = [Float64Array.from(x), Float64Array.from(x)];
        plus[i] += 1e-6;
        minus[i] -= 1e-6;
        const numeric = (f(plus, new Float64Array(4)) - f(minus, new Float64Array(4))) / 2e-6;
        assertInDelta(g[i], numeric, 1e-5 * (1 + Math.abs(numeric)));
      }
    }
  });

  it('minimises an ill-conditioned rotated quadratic bowl (condition number 10⁴) to 1e−8', () => {
    const { f, minimiser } = bowl([1, 10, 100, 1000, 3, 10_000]);
    const result = minimiseLbfgs(f, new Float64Array(6));
    expect(result.stop).toBe('gradient');
    assertInDelta(result.x, minimiser, 1e-8);
    expect(result.value).toBeLessThan(1e-16);
    expect(result.iterations).toBeLessThan(100);
  });

  it('minimises the Rosenbrock function from (−1.2, 1) and in 8 dimensions to 1e−6', () => {
    for (const x0 of [[-1.2, 1], [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1]]) {
      const result = minimiseLbfgs(rosenbrock, x0);
      assertInDelta(result.x, new Float64Array(x0.length).fill(1), 1e-6);
      expect(result.value).toBeLessThan(1e-12);
    }
  });

  it('stops at once, x unchanged, when started at a minimiser', () => {
    const result = minimiseLbfgs(rosenbrock, [1, 1, 1]);
    expect(result).toMatchObject({ iterations: 0, evaluations: 1, stop: 'gradient', value: 0 });
    expect(Array.from(result.x)).toEqual([1, 1, 1]);
  });

  it('treats non-finite values as too long a step (f = ∞ outside the unit ball)', () => {
    const f: DifferentiableFunction = (x, gradient) => {
      const r2 = x[0] ** 2 + x[1] ** 2;
      if (r2 >= 1) return Infinity;
      gradient[0] = 2 * (x[0] - 0.9) + 2 * x[0] / (1 - r2);
      gradient[1] = 2 * x[1] + 2 * x[1] / (1 - r2);
      return (x[0] - 0.9) ** 2 + x[1] ** 2 - Math.log(1 - r2);
    };
    const result = minimiseLbfgs(f, [-0.5, 0.5]);
    expect(Number.isFinite(result.value)).toBe(true);
    // Stationary point: 2(x − 0.9) + 2x/(1 − x²) = 0, y = 0.
    expect(Math.abs(2 * (result.x[0] - 0.9) + (2 * result.x[0]) / (1 - result.x[0] ** 2))).toBeLessThan(1e-8);
    assertInDelta(result.x[1], 0, 1e-8);
  });

  it('is deterministic and respects maxIterations', () => {
    const a = minimiseLbfgs(rosenbrock, [-1.2, 1], { maxIterations: 7 });
    const b = minimiseLbfgs(rosenbrock, [-1.2, 1], { maxIterations: 7 });
    expect(a.iterations).toBe(7);
    expect(a.stop).toBe('iterations');
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });

  it('ends no higher than it starts, and refuses a non-finite start', () => {
    const values: number[] = [];
    const tracked: DifferentiableFunction = (x, g) => {
      const v = rosenbrock(x, g);
      values.push(v);
      return v;
    };
    const result = minimiseLbfgs(tracked, [0, 3]);
    expect(result.value).toBeLessThanOrEqual(values[0]);
    expect(() => minimiseLbfgs(() => NaN, [0])).toThrow(/f\(x0\)/);
  });
});
