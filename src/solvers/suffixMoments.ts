/**
 * Homogeneity reduction (DESIGN §2). Everything is linear in θ, so agent n's cost is θ_n²·g(a)
 * and its best coefficient does not depend on θ. With the update factor f_j = 1 − 2ℓ_j(a_j² + λ),
 * P_k = f_{n+1}⋯f_{k−1} and the discounted suffix moments of the plan after episode n
 *   A = Σ_{k>n} γ^(k−n−1)(a_k P_k)²,  B = Σ_{k>n} γ^(k−n−1) a_k P_k,  L = Σ_{k>n} γ^(k−n−1),
 * agent n's normalised cost of coefficient a is
 *   g(a) = (a − 1)² + γ(f(a)²A − 2f(a)B + L),  f(a) = 1 − 2ℓ_n(a² + λ).
 */
export interface SuffixMoments {
  A: number;
  B: number;
  L: number;
}

/** The moments of an empty future (the last agent's). */
export const emptyFuture = (): SuffixMoments => ({ A: 0, B: 0, L: 0 });

/** f = 1 − 2ℓ(a² + λ): θ's factor in one base gradient step. */
export function updateFactor(a: number, rate: number, regularizer: number): number {
  return 1 - 2 * rate * (a * a + regularizer);
}

/**
 * g(a): the agent's cost of playing a, divided by θ². f·(f·A), not f²·A: an empty future
 * (A = 0) must cost 0 even when a huge learning rate makes f² overflow.
 */
export function normalisedCost(a: number, f: number, future: SuffixMoments, discount: number): number {
  return (a - 1) ** 2 + discount * (f * (f * future.A) - 2 * f * future.B + future.L);
}

/** After agent n plays a with factor f: A ← a² + γf²A, B ← a + γfB, L ← 1 + γL (in place). */
export function prependEpisode(future: SuffixMoments, a: number, f: number, discount: number): void {
  future.A = a * a + discount * f * (f * future.A);
  future.B = a + discount * f * future.B;
  future.L = 1 + discount * future.L;
}
