/**
 * An agent's mesa cost by direct simulation, written independently of every solver:
 * Σ_{k≥0} γ^k (a_k θ_k − θ₀)² with θ_{k+1} = θ_k − ℓ_k·d(y_k² + λθ_k²)/dθ_k, for θ₀ = 1
 * (costs are θ₀²-homogeneous, so one θ₀ ranks coefficients for every prior).
 */
export function directCost(plan: ArrayLike<number>, rates: ArrayLike<number>, discount = 1, regularizer = 0): number {
  let theta = 1;
  let cost = 0;
  for (let k = 0; k < plan.length; k++) {
    const y = plan[k] * theta;
    cost += discount ** k * (y - 1) ** 2;
    const gradient = 2 * y * plan[k] + 2 * regularizer * theta;
    theta = theta - rates[k] * gradient;
  }
  return cost;
}
