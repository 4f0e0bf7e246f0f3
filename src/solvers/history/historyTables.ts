/**
 * What the tabulation of the K-step history game shares (historyInduction.ts solves it on the
 * nodes of historyNodes.ts): the recursion, the problem and the on-path result.
 *   all data, training episode:  S′ = S + a²,  f = (1 − 2ℓS′)^K;   deployment (ℓ = 0): S′ = S, f = 1;
 *   g_n(a; S) = (a − 1)² + γ·C_{n+1}(S′),  C_{n+1}(S′) = f²·A_{n+1}(S′) − 2f·B_{n+1}(S′) + L_{n+1},
 *   A_n(S) = a_n² + γf²A_{n+1}(S′),  B_n(S) = a_n + γf·B_{n+1}(S′),  L_n = 1 + γL_{n+1}.
 * C is agent n's normalised future cost Σ_{k>n} γ^(k−n−1)(y_k/θ_n − 1)², a sum of squares.
 * The tables of episode n depend on S only while a training episode k ≥ n has an output after it
 * (k < N − 1): the last episode's update reaches no output.
 */
import type { Schedule } from '../../model/schedule.ts';
import type { TiePreference } from '../tieRule.ts';

export interface HistoryProblem {
  readonly schedule: Schedule;
  readonly steps: number;
  readonly discount: number;
  readonly grid: Float64Array;
  readonly preference: TiePreference;
}

export interface HistoryPath {
  readonly coefficients: Float64Array;
  /** S_t after episode t's coefficient. */
  readonly history: Float64Array;
  readonly ties: number[];
}

/** The last training episode whose update a later output sees (n < N − 1), or −1. */
export function lastSeenTraining(schedule: Schedule): number {
  for (let n = schedule.length - 2; n >= 0; n--) if (schedule[n] > 0) return n;
  return -1;
}

/**
 * mirror[g] = h when grid[g] < 0 and grid[h] = −grid[g] (to 1e−12), else −1. Both reach the same
 * S′ = S + a², so g's cost is h's plus (a − 1)² − (|a| − 1)² = 4|a| and need not be evaluated.
 */
export function mirrors(grid: Float64Array): Int32Array {
  const mirror = new Int32Array(grid.length).fill(-1);
  for (let g = 0; g < grid.length; g++) {
    if (!(grid[g] < 0)) continue;
    for (let h = 0; h < grid.length; h++) if (grid[h] > 0 && Math.abs(grid[h] + grid[g]) <= 1e-12) mirror[g] = h;
  }
  return mirror;
}
