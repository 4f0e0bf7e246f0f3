/**
 * The standard normal upper tail Q(z) = P(ξ > z) = ∫_z^∞ φ(t) dt, with φ(t) = e^(−t²/2)/√(2π),
 * to a relative accuracy of about 1e−14 for every z (far tails included), so the probability of
 * a narrow observation bin, and the posterior it gives, stays exact where both phases make the
 * bin unlikely:
 * - z ≥ 2: Q(z) = φ(z)·R(z) with Mills' ratio as Laplace's continued fraction
 *   R(z) = 1/(z + 1/(z + 2/(z + 3/(z + …)))), evaluated from depth 120 upwards (converged to the
 *   last bit for z ≥ 2);
 * - 0 ≤ z < 2: Q(z) = 1/2 − erf(z/√2)/2 with the series of positive terms
 *   erf(x) = (2/√π)·e^(−x²)·Σ_{k≥0} 2^k x^(2k+1)/(1·3⋯(2k+1)), which has no cancellation;
 * - z < 0: Q(z) = 1 − Q(−z).
 */
const CONTINUED_FRACTION_DEPTH = 120;
const SERIES_BELOW = 2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** φ(z), the standard normal density. */
export const normalDensity = (z: number): number => INV_SQRT_2PI * Math.exp(-0.5 * z * z);

export function upperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z < 0) return 1 - upperTail(-z);
  if (z === Infinity) return 0;
  if (z >= SERIES_BELOW) {
    let t = z;
    for (let k = CONTINUED_FRACTION_DEPTH; k >= 1; k--) t = z + k / t;
    return normalDensity(z) / t;
  }
  return 0.5 - 0.5 * erfSeries(z * Math.SQRT1_2);
}

/** erf(x) for 0 ≤ x < 1.5 by the positive series (terms fall below 1e−17 of the sum). */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let k = 1; term > 1e-17 * sum; k++) {
    term *= twoX2 / (2 * k + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

/**
 * P(lo ≤ μ + ξ < hi), ξ ~ N(0, 1), from whichever tails avoid cancellation: both ends above the
 * mean Q(lo−μ) − Q(hi−μ), both below Q(μ−hi) − Q(μ−lo), straddling 1 − Q(μ−lo) − Q(hi−μ).
 * The ends may be ±Infinity.
 */
export function normalInterval(lo: number, hi: number, mean: number): number {
  const a = lo - mean;
  const b = hi - mean;
  if (!(a < b)) return 0;
  if (a >= 0) return upperTail(a) - upperTail(b);
  if (b <= 0) return upperTail(-b) - upperTail(-a);
  return 1 - upperTail(-a) - upperTail(b);
}
