/**
 * Infinite horizons (DESIGN §3.6), in the seed family with discount γ < 1.
 *
 * Stationary equilibrium for a constant learning rate ℓ: every agent plays the same a, so the
 * suffix sums are geometric, A = a²/(1 − γf²), B = a/(1 − γf), L = 1/(1 − γ) with
 * f = 1 − 2ℓ(a² + λ) (they converge only if γf² < 1), and a must be the best reply to them:
 * a = best(A(a), B(a), L). Fixed points are bracketed on a fine grid of a and refined by bisection.
 *
 * Finite training then endless deployment: deployment agents play 1 (ℓ = 0) and leave θ alone,
 * so the future seen from the last training agent has A = B = L = 1/(1 − γ); backward induction
 * through the training episodes from there.
 */
import { bestCoefficient, newChoice } from '../exact/exact.ts';
import { prependEpisode, updateFactor, type SuffixMoments } from '../suffixMoments.ts';

/** The geometric suffix moments of playing `a` forever at learning rate ℓ; null if they diverge. */
export function stationaryMoments(a: number, rate: number, discount: number, regularizer = 0): SuffixMoments | null {
  const f = updateFactor(a, rate, regularizer);
  if (!(discount < 1) || !(discount * f * f < 1)) return null;
  return { A: (a * a) / (1 - discount * f * f), B: a / (1 - discount * f), L: 1 / (1 - discount) };
}

/** best(a) − a, the fixed-point residual; NaN where the stationary sums diverge. */
function residual(a: number, rate: number, discount: number, regularizer: number): number {
  const moments = stationaryMoments(a, rate, discount, regularizer);
  if (!moments) return NaN;
  return bestCoefficient(rate, discount, regularizer, moments).a - a;
}

/**
 * Every stationary equilibrium coefficient in [lo, hi] for constant ℓ and γ < 1: sign changes of
 * best(a) − a on a grid of `points`, refined by bisection to 1e−13.
 */
export function stationaryEquilibria(rate: number, discount: number, regularizer = 0, lo = -2, hi = 2, points = 4001): number[] {
  const found: number[] = [];
  let previousA = lo;
  let previous = residual(lo, rate, discount, regularizer);
  for (let i = 1; i < points; i++) {
    const a = lo + ((hi - lo) * i) / (points - 1);
    const r = residual(a, rate, discount, regularizer);
    if (previous === 0) found.push(previousA);
    else if (Number.isFinite(previous) && Number.isFinite(r) && Math.sign(r) !== Math.sign(previous) && r !== 0) {
      found.push(bisect(previousA, a, previous, rate, discount, regularizer));
    }
    previousA = a;
    previous = r;
  }
  return found;
}

function bisect(lo: number, hi: number, rLo: number, rate: number, discount: number, regularizer: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    const r = residual(mid, rate, discount, regularizer);
    if (Math.sign(r) === Math.sign(rLo)) {
      lo = mid;
      rLo = r;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Coefficients of T training episodes at learning rate ℓ followed by endless deployment, by
 * backward induction from the deployment tail A = B = L = 1/(1 − γ).
 */
export function trainingThenEndlessDeployment(training: number, rate: number, discount: number, regularizer = 0): Float64Array {
  if (!(discount < 1)) throw new RangeError('endless deployment needs a discount below 1');
  const tail = 1 / (1 - discount);
  const future: SuffixMoments = { A: tail, B: tail, L: tail };
  const coefficients = new Float64Array(training);
  const choice = newChoice();
  for (let n = training - 1; n >= 0; n--) {
    const a = bestCoefficient(rate, discount, regularizer, future, choice).a;
    coefficients[n] = a;
    prependEpisode(future, a, updateFactor(a, rate, regularizer), discount);
  }
  return coefficients;
}
