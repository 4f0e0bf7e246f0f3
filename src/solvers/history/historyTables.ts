/**
 * What the two tabulations of the K-step history game (historyLatticeDp.ts, exact; historyGradedDp.ts,
 * interpolated) share: the problem, the update factor and the on-path result.
 *   all data, training episode:  S′ = S + a²,  f = (1 − 2ℓS′)^K;   deployment (ℓ = 0): S′ = S, f = 1;
 *   g_n(a; S) = (a − 1)² + γ(f²·A_{n+1}(S′) − 2f·B_{n+1}(S′) + L_{n+1}),
 *   A_n(S) = a_n² + γf²A_{n+1}(S′),  B_n(S) = a_n + γf·B_{n+1}(S′),  L_n = 1 + γL_{n+1}.
 * Beyond ℓS = 1 gradient descent on all data diverges (|1 − 2ℓS| > 1): tables stop at
 * S_max = min(max a²·#training, 1/max ℓ), a larger S′ reads the tables at S_max (its own f is
 * exact) and the largest such S′ is reported.
 */
import type { Schedule } from '../../model/schedule.ts';
import type { TiePreference } from '../tieRule.ts';

export interface HistoryProblem {
  readonly schedule: Schedule;
  readonly steps: number;
  readonly discount: number;
  readonly grid: Float64Array;
  readonly preference: TiePreference;
  /** Largest tabulated S. */
  readonly sMax: number;
}

export interface HistoryPath {
  readonly coefficients: Float64Array;
  /** S_t after episode t's coefficient. */
  readonly history: Float64Array;
  readonly ties: number[];
  /** Largest S′ read at S_max instead (0 if none). */
  readonly clampedAbove: number;
}

/** x^K for an integer K ≥ 1 by repeated squaring (the same value for every caller). */
export function power(x: number, k: number): number {
  if (k === 1) return x;
  let result = 1;
  let base = x;
  for (let e = k; e > 0; e >>= 1) {
    if (e & 1) result *= base;
    base *= base;
  }
  return result;
}

/** θ's factor over one episode at history S′ (after the episode's own coefficient). */
export const stepFactor = (rate: number, sNext: number, steps: number): number => (rate > 0 ? power(1 - 2 * rate * sNext, steps) : 1);

/** max a² · #training episodes: the largest S any path reaches. */
export function largestReachableS(schedule: Schedule, grid: Float64Array): number {
  const training = schedule.reduce((n, l) => n + (l > 0 ? 1 : 0), 0);
  return grid.reduce((m, a) => Math.max(m, a * a), 0) * training;
}

export function largestTabulatedS(schedule: Schedule, grid: Float64Array): number {
  const training = schedule.reduce((n, l) => n + (l > 0 ? 1 : 0), 0);
  const maxSquare = grid.reduce((m, a) => Math.max(m, a * a), 0);
  const maxRate = schedule.reduce((m, l) => Math.max(m, l), 0);
  return Math.min(maxSquare * training, maxRate > 0 ? 1 / maxRate : Infinity);
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
