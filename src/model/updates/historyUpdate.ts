/**
 * Update rules whose state carries history (DESIGN §4), for the seed's linear policy y = a·θ and
 * base loss y². Per training episode (ℓ_t > 0; deployment leaves θ alone):
 *   K gradient steps on the newest episode:   θ ← θ·(1 − 2ℓ_t a_t²)^K   (K = 1: the seed);
 *   K gradient steps on all training data:    θ ← θ·(1 − 2ℓ_t S_t)^K,  S_t = Σ_{s≤t, ℓ_s>0} a_s²;
 *   full re-optimisation on all training data: θ ← argmin_θ S_t·θ² = 0 once S_t > 0, else θ stays.
 */
export type HistoryData = 'newest' | 'all';

/** One episode's multiplier f of θ and the next history S′ under K gradient steps. */
export function historyStep(a: number, s: number, rate: number, steps: number, data: HistoryData): { f: number; s: number } {
  if (!(rate > 0)) return { f: 1, s };
  const next = data === 'all' ? s + a * a : s;
  const base = 1 - 2 * rate * (data === 'all' ? next : a * a);
  return { f: steps === 1 ? base : base ** steps, s: next };
}

/** One episode of full re-optimisation: θ's multiplier (0 or 1) and the next history S′. */
export function reoptimisationStep(a: number, s: number, rate: number): { f: number; s: number } {
  if (!(rate > 0)) return { f: 1, s };
  const next = s + a * a;
  return { f: next > 0 ? 0 : 1, s: next };
}
