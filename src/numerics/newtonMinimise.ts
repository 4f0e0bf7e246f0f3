/**
 * Damped Newton minimisation of a smooth function of m ≤ 4 variables from one start: the Newton
 * step when the Hessian gives a descent direction, steepest descent otherwise, each with an
 * Armijo backtracking line search. Used from several starts to find a global minimum of the
 * LQ solver's quartic costs.
 */
import { solveSymmetric } from './dense.ts';

export interface SmoothFunction {
  readonly dimension: number;
  value(x: Float64Array): number;
  gradientAndHessian(x: Float64Array, gradient: Float64Array, hessian: Float64Array): void;
}

const MAX_ITERATIONS = 200;
const GRADIENT_TOLERANCE = 1e-15;

/** Minimises from `x` (modified in place); returns the final value. */
export function newtonMinimise(f: SmoothFunction, x: Float64Array): number {
  const m = f.dimension;
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  const step = new Float64Array(m);
  const trial = new Float64Array(m);
  let value = f.value(x);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    f.gradientAndHessian(x, gradient, hessian);
    let size = 0;
    for (let i = 0; i < m; i++) size = Math.max(size, Math.abs(gradient[i]));
    if (!(size > GRADIENT_TOLERANCE * (1 + Math.abs(value)))) break;
    let slope = 0;
    if (solveSymmetric(hessian, gradient, m, step)) {
      for (let i = 0; i < m; i++) step[i] = -step[i];
      for (let i = 0; i < m; i++) slope += gradient[i] * step[i];
    }
    if (!(slope < 0)) {
      // Not a descent direction (Hessian indefinite or singular): steepest descent instead.
      slope = 0;
      for (let i = 0; i < m; i++) {
        step[i] = -gradient[i];
        slope -= gradient[i] * gradient[i];
      }
    }
    let t = 1;
    let next = Infinity;
    for (; t > 1e-16; t /= 2) {
      for (let i = 0; i < m; i++) trial[i] = x[i] + t * step[i];
      next = f.value(trial);
      if (next <= value + 1e-4 * t * slope) break;
    }
    if (!(next < value)) break;
    x.set(trial);
    value = next;
  }
  return polish(f, x, value, gradient, hessian, step, trial);
}

/**
 * Near the minimum the value is flat to rounding, so the line search stops; full Newton steps
 * still shrink the gradient there. Takes up to two, each kept only if the gradient shrinks.
 */
function polish(f: SmoothFunction, x: Float64Array, value: number, gradient: Float64Array, hessian: Float64Array, step: Float64Array, trial: Float64Array): number {
  const m = f.dimension;
  const norm = (g: Float64Array) => g.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
  for (let i = 0; i < 2; i++) {
    f.gradientAndHessian(x, gradient, hessian);
    const before = norm(gradient);
    if (before === 0 || !solveSymmetric(hessian, gradient, m, step)) break;
    for (let j = 0; j < m; j++) trial[j] = x[j] - step[j];
    const next = f.value(trial);
    f.gradientAndHessian(trial, gradient, hessian);
    if (!(norm(gradient) < before) || next > value * (1 + 1e-12) + 1e-300) break;
    x.set(trial);
    value = Math.min(value, next);
  }
  return value;
}
