/**
 * Full re-optimisation of all parameters at every training step (DESIGN §4):
 * θ_{t+1} = argmin_θ Σ_{s≤t, ℓ_s>0} (a_s·θ)². Once any training coefficient is nonzero the argmin
 * is θ = 0 for ever; while all are exactly 0 it is not unique and θ stays (the convention; the
 * coefficient grid must contain 0). Deployment episodes (ℓ = 0) do not update.
 *
 * The state is the flag "some training coefficient was nonzero". After a reset every output is 0,
 * so an agent whose goal was θ pays θ² per remaining episode. With the flag down, agent n (costs
 * ÷ θ², γ-discounted, V_n its own cost) chooses between
 *   - in training: a = 1 now, which resets θ: cost γ·L_{n+1} (L_{n+1} = Σ_{k>n} γ^(k−n−1)),
 *     (any a ≠ 0 resets, and a = 1 costs nothing now), or a = 0: cost 1 + γ·V_{n+1} (θ unchanged,
 *     so the next agent's cost is this agent's continuation);
 *   - in deployment: a = 1, cost γ·V_{n+1}.
 * Exact ties are frequent (with γ = 1 and no deployment every training agent is indifferent);
 * they are reported and the tie rule plays the smaller coefficient, 0.
 */
import type { Schedule } from '../../model/schedule.ts';

export interface FullReoptimisationSolution {
  /** Coefficients along the equilibrium path (all 0 until the first honest training agent). */
  readonly coefficients: Float64Array;
  /** Episodes whose agent, with the flag down, was exactly indifferent. */
  readonly ties: readonly number[];
  /** The first training episode on the path that resets θ, or null. */
  readonly resetAt: number | null;
}

export function solveFullReoptimisation(schedule: Schedule, discount: number): FullReoptimisationSolution {
  const episodes = schedule.length;
  // With the flag down: honest[n] true when agent n plays 1; value[n] = V_n.
  const honest = new Uint8Array(episodes);
  const ties: number[] = [];
  let value = 0; // V_N = 0
  let tail = 0; // L_{n+1}
  for (let n = episodes - 1; n >= 0; n--) {
    if (schedule[n] > 0) {
      const reset = discount * tail;
      const wait = 1 + discount * value;
      if (reset === wait) ties.push(n);
      honest[n] = reset < wait ? 1 : 0;
      value = Math.min(reset, wait);
    } else {
      honest[n] = 1;
      value = discount * value;
    }
    tail = 1 + discount * tail;
  }
  const coefficients = new Float64Array(episodes);
  let resetAt: number | null = null;
  for (let n = 0; n < episodes; n++) {
    // After a reset θ = 0 is every later agent's goal: each coefficient outputs 0 and costs 0.
    // These trivial indifferences are not listed as ties; the path shows 1 (documented).
    coefficients[n] = resetAt !== null ? 1 : honest[n];
    if (resetAt === null && honest[n] && schedule[n] > 0) resetAt = n;
  }
  return { coefficients, ties: ties.reverse(), resetAt };
}
