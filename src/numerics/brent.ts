/**
 * Brent's minimisation of f on [a, b]: a parabola through the three best points when its vertex
 * falls inside the bracket and the step is shorter than half the step before last, a
 * golden-section step otherwise; stops when x is within 2·tol of the bracket's middle, with
 * tol = relativeTolerance·|x| + absoluteTolerance (a minimum at an end of [a, b] is approached to
 * within tol). Starts from `start` (default: the golden-section point of [a, b]).
 */
export interface BrentOptions {
  readonly relativeTolerance: number;
  readonly absoluteTolerance: number;
  readonly maxIterations: number;
  /** A starting point inside [a, b], and f there if already known. */
  readonly start?: number;
  readonly startValue?: number;
}

const GOLDEN_FRACTION = (3 - Math.sqrt(5)) / 2;

export function brentMinimise(f: (x: number) => number, a: number, b: number, options: BrentOptions): { x: number; fx: number } {
  let x = options.start ?? a + GOLDEN_FRACTION * (b - a);
  let fx = options.start !== undefined && options.startValue !== undefined ? options.startValue : f(x);
  let [w, v, fw, fv] = [x, x, fx, fx];
  let step = 0;
  let previousStep = 0;
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    const middle = (a + b) / 2;
    const tol = options.relativeTolerance * Math.abs(x) + options.absoluteTolerance;
    if (Math.abs(x - middle) <= 2 * tol - (b - a) / 2) break;
    let golden = true;
    if (Math.abs(previousStep) > tol) {
      // The parabola through (x, fx), (w, fw), (v, fv): its vertex is x + p/q.
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      if (Math.abs(p) < Math.abs((q * previousStep) / 2) && p > q * (a - x) && p < q * (b - x)) {
        previousStep = step;
        step = p / q;
        golden = false;
        if (x + step - a < 2 * tol || b - (x + step) < 2 * tol) step = middle >= x ? tol : -tol;
      }
    }
    if (golden) {
      previousStep = x >= middle ? a - x : b - x;
      step = GOLDEN_FRACTION * previousStep;
    }
    const u = Math.abs(step) >= tol ? x + step : x + (step >= 0 ? tol : -tol);
    const fu = f(u);
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      [v, fv, w, fw, x, fx] = [w, fw, x, fx, u, fu];
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) [v, fv, w, fw] = [w, fw, u, fu];
      else if (fu <= fv || v === x || v === w) [v, fv] = [u, fu];
    }
  }
  return { x, fx };
}
