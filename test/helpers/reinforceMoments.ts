/**
 * The REINFORCE learner of DESIGN §4 (Gaussian policy y = aθ + σξ, reward r = −y²,
 * θ′ = θ + ℓ(r − b)(y − aθ)a/σ²) written for the tests, sharing no code with the dp solver or the
 * stochastic rollout. With ξ ~ N(0, 1):
 *   no baseline (b = 0):            θ′ = θ − (ℓa/σ)(a²θ²ξ + 2aθσξ² + σ²ξ³),
 *   expected reward (b = −E[y²]):   θ′ = θ − 2ℓa²θξ² − ℓaσ(ξ³ − ξ).
 * Both have E[θ′] = θ(1 − 2ℓa²) (the seed's step in expectation). With the baseline the second
 * moment closes too, E[θ′²] = θ²(1 − 4ℓa² + 12ℓ²a⁴) + 10ℓ²a²σ² (E[ξ⁴] = 3, E[(ξ³ − ξ)²] = 10),
 * so every expected cost is exact; without it θ′ is quadratic in θ and only Monte Carlo is left.
 */
import { normalDraw, uniformGenerator } from './trainingLengthEnumeration.ts';

export type Baseline = 'none' | 'expected';

/** One REINFORCE step of θ with noise ξ (ℓ = 0: θ stays). */
export function reinforceStep(theta: number, a: number, rate: number, sigma: number, baseline: Baseline, xi: number): number {
  if (rate === 0) return theta;
  const y = a * theta + sigma * xi;
  const b = baseline === 'expected' ? -(a * a * theta * theta + sigma * sigma) : 0;
  return theta + (rate * (-y * y - b) * (y - a * theta) * a) / (sigma * sigma);
}

/**
 * Agent n's exact expected cost E[Σ_{k≥n} (y_k − g)²] under the expected-reward baseline, averaged
 * over the goals g of the prior (θ_n = g), playing a with the later plan fixed:
 * E[(y_k − g)²] = a_k²·E[θ_k²] + σ² − 2g·a_k·E[θ_k] + g².
 */
export function baselineAgentCost(plan: ArrayLike<number>, rates: ArrayLike<number>, sigma: number, n: number, a: number, prior: ArrayLike<number>): number {
  let total = 0;
  for (let p = 0; p < prior.length; p++) {
    const g = prior[p];
    let [m1, m2, cost] = [g, g * g, 0];
    for (let k = n; k < rates.length; k++) {
      const ak = k === n ? a : plan[k];
      cost += ak * ak * m2 + sigma * sigma - 2 * g * ak * m1 + g * g;
      const l = rates[k];
      m2 = m2 * (1 - 4 * l * ak * ak + 12 * l * l * ak ** 4) + 10 * l * l * ak * ak * sigma * sigma;
      m1 *= 1 - 2 * l * ak * ak;
    }
    total += cost;
  }
  return total / prior.length;
}

/**
 * The expected-baseline equilibrium with continuous coefficients by backward induction: each agent's cost is a quartic in its own a (the later
 * moments are affine in E[θ′] and E[θ′²]); the best grid point brackets the minimum and golden
 * sections close it to the last bits.
 */
export function baselineContinuousPlan(rates: ArrayLike<number>, sigma: number, grid: ArrayLike<number>, prior: ArrayLike<number>): Float64Array {
  const plan = new Float64Array(rates.length);
  const step = (grid[grid.length - 1] - grid[0]) / (grid.length - 1);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let n = rates.length - 1; n >= 0; n--) {
    const cost = (a: number) => baselineAgentCost(plan, rates, sigma, n, a, prior);
    const costs = Array.from(grid, cost);
    let [lo, hi] = [grid[costs.indexOf(Math.min(...costs))] - step, grid[costs.indexOf(Math.min(...costs))] + step];
    while (hi - lo > 1e-13) {
      const [x, y] = [hi - ratio * (hi - lo), lo + ratio * (hi - lo)];
      if (cost(x) <= cost(y)) hi = y;
      else lo = x;
    }
    plan[n] = (lo + hi) / 2;
  }
  return plan;
}

export interface PathMoments {
  /** E[θ_n] and E[θ_n²] from θ₀, n = 0 … N. */
  readonly mean: Float64Array;
  readonly square: Float64Array;
}

/** E[θ_n] and (with the baseline) E[θ_n²] along a plan from θ₀. */
export function baselinePathMoments(plan: ArrayLike<number>, rates: ArrayLike<number>, sigma: number, theta0: number): PathMoments {
  const N = rates.length;
  const mean = new Float64Array(N + 1);
  const square = new Float64Array(N + 1);
  [mean[0], square[0]] = [theta0, theta0 * theta0];
  for (let k = 0; k < N; k++) {
    const [a, l] = [plan[k], rates[k]];
    mean[k + 1] = mean[k] * (1 - 2 * l * a * a);
    square[k + 1] = square[k] * (1 - 4 * l * a * a + 12 * l * l * a ** 4) + 10 * l * l * a * a * sigma * sigma;
  }
  return { mean, square };
}

/** A sample mean with its standard error. */
export interface Estimate {
  readonly mean: number;
  readonly error: number;
}

const estimate = (values: number[]): Estimate => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, error: Math.sqrt(variance / values.length) };
};

/**
 * Monte Carlo of a plan from θ₀: per run the goal after the last training episode ÷ θ₀, the
 * training base loss Σ_{ℓ_n > 0} y_n² and the total mesa loss Σ_n (y_n − θ_n)²; means and their
 * standard errors, and each run's values (their standard deviation scales to any number of runs).
 */
export function monteCarloPath(plan: ArrayLike<number>, rates: ArrayLike<number>, sigma: number, baseline: Baseline, theta0: number, runs: number, seed: number) {
  const uniform = uniformGenerator(seed);
  let lastTraining = -1;
  for (let n = 0; n < rates.length; n++) if (rates[n] > 0) lastTraining = n;
  const [goals, baseLosses, mesaLosses] = [[] as number[], [] as number[], [] as number[]];
  for (let r = 0; r < runs; r++) {
    let [theta, base, mesa, goal] = [theta0, 0, 0, NaN];
    for (let n = 0; n < rates.length; n++) {
      const xi = normalDraw(uniform);
      const y = plan[n] * theta + sigma * xi;
      if (rates[n] > 0) base += y * y;
      mesa += (y - theta) ** 2;
      theta = reinforceStep(theta, plan[n], rates[n], sigma, baseline, xi);
      if (n === lastTraining) goal = theta / theta0;
    }
    goals.push(goal);
    baseLosses.push(base);
    mesaLosses.push(mesa);
  }
  return { goalRetained: estimate(goals), trainingBaseLoss: estimate(baseLosses), totalMesaLoss: estimate(mesaLosses) };
}

/**
 * Agent n's expected cost E[Σ_{k≥n} (y_k − g)²] by Monte Carlo for each of `candidates` (the plan
 * elsewhere), with common random numbers: every candidate sees the same goals (drawn from the
 * prior) and noise, so differences between candidates have small errors. Returns per candidate the
 * mean, and the standard error of its difference from candidate 0.
 */
export function monteCarloAgentCosts(plan: ArrayLike<number>, rates: ArrayLike<number>, sigma: number, baseline: Baseline, n: number, candidates: readonly number[], prior: ArrayLike<number>, runs: number, seed: number) {
  const uniform = uniformGenerator(seed);
  const costs = candidates.map(() => [] as number[]);
  const noise = new Float64Array(rates.length);
  for (let r = 0; r < runs; r++) {
    const g = prior[Math.floor(uniform() * prior.length)];
    for (let k = n; k < rates.length; k++) noise[k] = normalDraw(uniform);
    candidates.forEach((a, c) => {
      let [theta, cost] = [g, 0];
      for (let k = n; k < rates.length; k++) {
        const ak = k === n ? a : plan[k];
        cost += (ak * theta + sigma * noise[k] - g) ** 2;
        theta = reinforceStep(theta, ak, rates[k], sigma, baseline, noise[k]);
      }
      costs[c].push(cost);
    });
  }
  return candidates.map((_, c) => ({ cost: estimate(costs[c]), difference: estimate(costs[c].map((v, r) => v - costs[0][r])) }));
}
