/**
 * The tie rule shared by every solver: costs within a relative 1e−12 of the minimum count as
 * equal, and among equal costs the scenario's tie rule picks one (on a coefficient grid; the
 * continuous solvers, exact and lq, apply the same order to their tied minima):
 *   smallest — the first grid point (the seed's convention and the default);
 *   largest  — the last grid point;
 *   honest   — the point closest to honest play (a = 1 for the linear policy y = a·θ), the
 *              smaller of two equally close ones.
 * The tolerance absorbs rounding, so the reference solver (which averages simulated costs over
 * the prior) and the grid solver (which uses the closed-form moments) break near-ties the same
 * way although their costs differ in the last bits.
 */
export const TIE_RELATIVE_TOLERANCE = 1e-12;

import type { TieRuleName } from '../model/tieRuleName.ts';

export { TIE_RULES, type TieRuleName } from '../model/tieRuleName.ts';

/** A tie rule resolved on one grid: rank[i] orders the grid points, the lowest rank wins. */
export interface TiePreference {
  readonly name: TieRuleName;
  /** null for `smallest` (rank = index, so a scan may stop at the second tied point). */
  readonly rank: Int32Array | null;
}

export const SMALLEST: TiePreference = { name: 'smallest', rank: null };

/**
 * Preferences already built, per grid and rule: a scenario's grid is an immutable Float64Array
 * (shared by every scenario that takes the default), and ranking 401 points costs more than
 * solving 100 episodes on the grid's fast path.
 */
const built = new WeakMap<Float64Array, Map<string, TiePreference>>();

/** The preference order of `grid`'s points under a rule; `honest` is the honest action (1). */
export function tiePreference(name: TieRuleName, grid: ArrayLike<number>, honest = 1): TiePreference {
  if (name === 'smallest') return SMALLEST;
  if (!(grid instanceof Float64Array)) return rankedPreference(name, grid, honest);
  let byRule = built.get(grid);
  if (byRule === undefined) built.set(grid, (byRule = new Map()));
  const key = `${name} ${honest}`;
  let preference = byRule.get(key);
  if (preference === undefined) byRule.set(key, (preference = rankedPreference(name, grid, honest)));
  return preference;
}

function rankedPreference(name: Exclude<TieRuleName, 'smallest'>, grid: ArrayLike<number>, honest: number): TiePreference {
  const order = Array.from({ length: grid.length }, (_, i) => i);
  if (name === 'largest') order.reverse();
  else order.sort((i, j) => Math.abs(grid[i] - honest) - Math.abs(grid[j] - honest) || i - j);
  const rank = new Int32Array(grid.length);
  order.forEach((index, r) => (rank[index] = r));
  return { name, rank };
}

export interface GridChoice {
  /** Index of the chosen grid point; −1 when no cost is finite (the caller reports divergence). */
  index: number;
  /** True when more than one grid point's cost counted as the minimum. */
  tied: boolean;
}

/** The highest cost that counts as equal to `minimum`. */
export function tieThreshold(minimum: number): number {
  return minimum + TIE_RELATIVE_TOLERANCE * Math.abs(minimum);
}

/** Applies the tie rule to costs[0 … count−1]. */
export function chooseGridPoint(costs: Float64Array, count = costs.length, preference: TiePreference = SMALLEST): GridChoice {
  let minimum = Infinity;
  for (let i = 0; i < count; i++) if (costs[i] < minimum) minimum = costs[i];
  const choice: GridChoice = { index: -1, tied: false };
  if (!Number.isFinite(minimum)) return choice;
  preferredOnRange(preference, costs, 0, count - 1, tieThreshold(minimum), choice);
  return choice;
}

/**
 * The tie rule `preference` over costs[lo … hi] against a threshold already known, continuing
 * `choice`: true when later points can change nothing (only `smallest` can stop early).
 */
export function preferredOnRange(preference: TiePreference, costs: Float64Array, lo: number, hi: number, threshold: number, choice: GridChoice): boolean {
  if (preference.rank === null) return tieRuleOnRange(costs, lo, hi, threshold, choice);
  rankedTieRuleOnRange(costs, lo, hi, threshold, preference.rank, choice);
  return false;
}

/**
 * The smallest-index tie rule over costs[lo … hi] against a threshold already known, continuing
 * `choice` (index −1 before the first range): true once a tie is found, when later points can
 * change nothing.
 */
export function tieRuleOnRange(costs: Float64Array, lo: number, hi: number, threshold: number, choice: GridChoice): boolean {
  for (let i = lo; i <= hi; i++) {
    if (!(costs[i] <= threshold)) continue;
    if (choice.index >= 0) {
      choice.tied = true;
      return true;
    }
    choice.index = i;
  }
  return false;
}

/** Any ranked tie rule over costs[lo … hi], continuing `choice`: every point must be seen. */
export function rankedTieRuleOnRange(costs: Float64Array, lo: number, hi: number, threshold: number, rank: Int32Array, choice: GridChoice): void {
  for (let i = lo; i <= hi; i++) {
    if (!(costs[i] <= threshold)) continue;
    if (choice.index < 0) choice.index = i;
    else {
      choice.tied = true;
      if (rank[i] < rank[choice.index]) choice.index = i;
    }
  }
}

/**
 * Of two tied continuous actions x and y, the one the rule plays: the smaller, the larger, or the
 * closer to `honest` (the smaller of two equally close). Math.min and Math.max, so that
 * `smallest` keeps the exact solver's choice bit for bit (−0 included).
 */
export function preferredAction(name: TieRuleName, x: number, y: number, honest = 1): number {
  if (name === 'smallest') return Math.min(x, y);
  if (name === 'largest') return Math.max(x, y);
  const dx = Math.abs(x - honest);
  const dy = Math.abs(y - honest);
  return dx < dy ? x : dy < dx ? y : Math.min(x, y);
}

/**
 * True when the tie rule plays action vector x rather than y (both tied): lexicographic order
 * for `smallest` and `largest`, the Euclidean distance to `honest` for `honest` (lexicographically
 * smaller on equal distance).
 */
export function prefersVector(name: TieRuleName, x: ArrayLike<number>, y: ArrayLike<number>, honest: ArrayLike<number>): boolean {
  const order = lexicographicOrder(x, y);
  if (name === 'smallest') return order < 0;
  if (name === 'largest') return order > 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < x.length; i++) {
    dx += (x[i] - honest[i]) ** 2;
    dy += (y[i] - honest[i]) ** 2;
  }
  return dx < dy || (dx === dy && order < 0);
}

/** −1, 0 or 1 as x is lexicographically before, equal to or after y. */
function lexicographicOrder(x: ArrayLike<number>, y: ArrayLike<number>): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}
