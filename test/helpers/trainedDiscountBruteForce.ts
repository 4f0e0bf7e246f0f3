/**
 * The trained-discount game (DESIGN §3.1) simulated directly, sharing no code with
 * src/solvers/trainedDiscount: a solved game's policy tables a_n(γ_i), a_n′(γ_i) on
 * linspace(0, 1, G) are read between nodes by the Catmull–Rom cubic the model defines (cell
 * [γ_i, γ_{i+1}], t = (γ − γ_i)/h, weights ((−t³ + 2t² − t), (3t³ − 5t² + 2), (−3t³ + 4t² + t),
 * (t³ − t²))/2 on v_{i−1} … v_{i+2}, quadratic ghosts v_{−1} = 3v_0 − 3v_1 + v_2 and
 * v_G = 3v_{G−1} − 3v_{G−2} + v_{G−3}, γ clamped to [0, 1]), and both parameters are stepped as
 * the base optimizer does: θ' = θ(1 − 2ℓa²), γ' = clip(γ − 2ℓθ²·a·a′(γ), 0, 1).
 */

export interface PolicyTables {
  /** a_n(γ_i) at n·G + i. */
  readonly coefficients: ArrayLike<number>;
  /** a_n′(γ_i) at n·G + i. */
  readonly slopes: ArrayLike<number>;
  readonly nodes: number;
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

/** Stage n's tabulated value at γ (Catmull–Rom with quadratic ghosts). */
export function tableAt(values: ArrayLike<number>, n: number, count: number, discount: number): number {
  const v = (i: number): number => {
    if (i < 0) return 3 * v(0) - 3 * v(1) + v(2);
    if (i >= count) return 3 * v(count - 1) - 3 * v(count - 2) + v(count - 3);
    return values[n * count + i];
  };
  const u = clip(discount) * (count - 1);
  const i = Math.min(count - 2, Math.floor(u));
  const t = u - i;
  const w = [-t * t * t + 2 * t * t - t, 3 * t * t * t - 5 * t * t + 2, -3 * t * t * t + 4 * t * t + t, t * t * t - t * t];
  return (w[0] * v(i - 1) + w[1] * v(i) + w[2] * v(i + 1) + w[3] * v(i + 2)) / 2;
}

/** The path from (θ₀, γ₀): θ_n, γ_n (N + 1 entries) and a_n, a_n′(γ_n). */
export function playTables(schedule: ArrayLike<number>, tables: PolicyTables, theta0: number, discount0: number) {
  const N = schedule.length;
  const theta = [theta0];
  const gamma = [discount0];
  const a: number[] = [];
  const slope: number[] = [];
  for (let n = 0; n < N; n++) {
    a.push(tableAt(tables.coefficients, n, tables.nodes, gamma[n]));
    slope.push(tableAt(tables.slopes, n, tables.nodes, gamma[n]));
    gamma.push(clip(gamma[n] - 2 * schedule[n] * theta[n] ** 2 * a[n] * slope[n]));
    theta.push(theta[n] * (1 - 2 * schedule[n] * a[n] ** 2));
  }
  return { theta, gamma, a, slope };
}

/**
 * Agent n's prior-averaged cost Σ_{k≥n} γ_e^(k−n)(y_k − θ_n)² at its own discount γ_e, playing a
 * and forecasting its own step on γ with the drift m (its equilibrium a·a′), later agents playing
 * the tables at their drifted discounts; the prior's points are simulated one by one.
 */
export function agentCost(schedule: ArrayLike<number>, tables: PolicyTables, n: number, evaluator: number, a: number, drift: number, prior: ArrayLike<number>): number {
  let total = 0;
  for (let p = 0; p < prior.length; p++) {
    const goal = prior[p];
    let cost = (a * goal - goal) ** 2;
    let gamma = clip(evaluator - 2 * schedule[n] * goal * goal * drift);
    let theta = goal * (1 - 2 * schedule[n] * a * a);
    for (let k = n + 1; k < schedule.length; k++) {
      const ak = tableAt(tables.coefficients, k, tables.nodes, gamma);
      const dk = tableAt(tables.slopes, k, tables.nodes, gamma);
      cost += evaluator ** (k - n) * (ak * theta - goal) ** 2;
      gamma = clip(gamma - 2 * schedule[k] * theta * theta * ak * dk);
      theta *= 1 - 2 * schedule[k] * ak * ak;
    }
    total += cost;
  }
  return total / prior.length;
}

/** The minimiser of `cost` on [−1, 1]: a scan of 401 points, then golden-section search around the best. */
export function minimiseOnUnit(cost: (a: number) => number): number {
  const points = 401;
  let best = -1;
  let bestCost = Infinity;
  for (let i = 0; i < points; i++) {
    const a = -1 + (2 * i) / (points - 1);
    const c = cost(a);
    if (c < bestCost) [best, bestCost] = [a, c];
  }
  const step = 2 / (points - 1);
  let [lo, hi] = [Math.max(-1, best - step), Math.min(1, best + step)];
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let [c1, c2] = [cost(x1), cost(x2)];
  while (hi - lo > 1e-10) {
    if (c1 <= c2) {
      [hi, x2, c2] = [x2, x1, c1];
      x1 = hi - ratio * (hi - lo);
      c1 = cost(x1);
    } else {
      [lo, x1, c1] = [x1, x2, c2];
      x2 = lo + ratio * (hi - lo);
      c2 = cost(x2);
    }
  }
  return (lo + hi) / 2;
}
