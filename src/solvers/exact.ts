/**
 * The exact solver: backward induction with each agent's continuous minimiser, O(N).
 * With c = 1 − 2ℓλ, f(a) = c − 2ℓa² and the suffix moments A, B, L of suffixMoments.ts,
 *   g′(a) = 2(a − 1) + γ(2f·f′·A − 2f′·B),  f′ = −4ℓa,
 * which is the depressed cubic 16γℓ²A·a³ + (2 − 8γℓcA + 8γℓB)·a − 2 = 0. g is a quartic with a
 * non-negative leading coefficient 4γℓ²A, so its global minimum is the real root with the least g
 * (the smaller coefficient on an exact tie). With ℓ = 0 or γ = 0 the cubic is 2a − 2 = 0: a = 1.
 */
import { DivergenceError } from '../model/inputError.ts';
import type { LinearScenario } from '../model/scenario.ts';
import { depressedCubicRoots } from './cubic.ts';
import type { Equilibrium, Solver } from './equilibrium.ts';
import { emptyFuture, normalisedCost, prependEpisode, type SuffixMoments, updateFactor } from './suffixMoments.ts';
import { TIE_RELATIVE_TOLERANCE } from './tieRule.ts';

/** Roots closer than this (relative) are one root found twice, not a tie. */
const DISTINCT_ROOTS = 1e-9;

export const exactSolver: Solver = {
  name: 'exact',
  description: 'backward induction with the closed-form continuous minimiser (a cubic); O(N), not limited to a grid',
  solve: solveExact,
};

export function solveExact(scenario: LinearScenario): Equilibrium {
  const { schedule, discount, regularizer } = scenario;
  const coefficients = new Float64Array(schedule.length);
  const future = emptyFuture();
  const roots = new Float64Array(3);
  const ties: number[] = [];
  for (let n = schedule.length - 1; n >= 0; n--) {
    const rate = schedule[n];
    const choice = bestCoefficient(rate, discount, regularizer, future, roots);
    if (Number.isNaN(choice.a)) throw new DivergenceError(n, "the agent's cost");
    if (choice.tied) ties.push(n);
    coefficients[n] = choice.a;
    prependEpisode(future, choice.a, updateFactor(choice.a, rate, regularizer), discount);
    if (!Number.isFinite(future.A)) throw new DivergenceError(n, 'the suffix moment A');
  }
  return { solver: 'exact', coefficients, ties: ties.reverse() };
}

/** The global minimiser of g over the reals for learning rate ℓ, given the future's moments. */
export function bestCoefficient(
  rate: number,
  discount: number,
  regularizer: number,
  future: SuffixMoments,
  roots: Float64Array = new Float64Array(3),
): { a: number; tied: boolean } {
  const gl = discount * rate;
  const c = 1 - 2 * rate * regularizer;
  const count = depressedCubicRoots(16 * gl * rate * future.A, 2 - 8 * gl * c * future.A + 8 * gl * future.B, -2, roots);
  const costs = [Infinity, Infinity, Infinity];
  let minimum = Infinity;
  for (let i = 0; i < count; i++) {
    costs[i] = normalisedCost(roots[i], updateFactor(roots[i], rate, regularizer), future, discount);
    if (costs[i] < minimum) minimum = costs[i];
  }
  // Among the roots whose cost is the minimum within the tie tolerance, the smallest wins;
  // distinct such roots (not one root found twice) make a tie.
  const threshold = minimum + TIE_RELATIVE_TOLERANCE * minimum;
  let best = NaN;
  let tied = false;
  for (let i = 0; i < count; i++) {
    if (!(costs[i] <= threshold)) continue;
    if (Number.isNaN(best)) best = roots[i];
    else {
      if (Math.abs(roots[i] - best) > DISTINCT_ROOTS * Math.max(1, Math.abs(best))) tied = true;
      best = Math.min(best, roots[i]);
    }
  }
  return { a: best, tied };
}
