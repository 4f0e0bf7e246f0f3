/**
 * The tie rule shared by every solver that searches a coefficient grid: costs within a relative
 * 1e−12 of the minimum count as equal, and among equal costs the first (smallest) coefficient
 * wins. The tolerance absorbs rounding, so the reference solver (which averages simulated costs
 * over the prior) and the grid solver (which uses the closed-form moments) break near-ties the
 * same way although their costs differ in the last bits.
 */
export const TIE_RELATIVE_TOLERANCE = 1e-12;

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
export function chooseGridPoint(costs: Float64Array, count = costs.length): GridChoice {
  let minimum = Infinity;
  for (let i = 0; i < count; i++) if (costs[i] < minimum) minimum = costs[i];
  const choice: GridChoice = { index: -1, tied: false };
  if (Number.isFinite(minimum)) tieRuleOnRange(costs, 0, count - 1, tieThreshold(minimum), choice);
  return choice;
}

/**
 * The tie rule over costs[lo … hi] against a threshold already known, continuing `choice` (index −1
 * before the first range): true once a tie is found, when later points can change nothing.
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
