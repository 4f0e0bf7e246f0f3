/**
 * The exact solver: backward induction with each agent's continuous minimiser, O(N).
 * With c = 1 − 2ℓλ, f(a) = c − 2ℓa² and the suffix moments A, B, L of suffixMoments.ts,
 *   g′(a) = 2(a − 1) + γ(2f·f′·A − 2f′·B),  f′ = −4ℓa,
 * which is the depressed cubic 16γℓ²A·a³ + (2 − 8γℓcA + 8γℓB)·a − 2 = 0. g is a quartic with a
 * non-negative leading coefficient 4γℓ²A, so its global minimum is the real root with the least g.
 * With ℓ = 0 or γ = 0 the cubic is 2a − 2 = 0: a = 1.
 *
 * Ties. A tie would be two distinct roots with equal g (within the tolerance of tieRule.ts), and
 * the scenario's tie rule picks the smaller, the larger or the one closer to honest play (a = 1).
 * In this family it never happens beyond rounding: f depends on a² only, so g(a) = E(a) − 2a with
 * E even, and g(−a) = g(a) − 4|a| for a < 0. With three real roots r1 ≤ r2 < r3 (c3 > 0) they sum
 * to 0 and multiply to 2/c3 > 0, so r1, r2 < 0 < r3, |r1| ≥ (1/c3)^(1/3), and the two local minima
 * satisfy g(r1) = g(−r1) + 4|r1| ≥ g(r3) + 4|r1|. The rule is applied all the same, so that
 * rounding at an astronomically large c3 is still resolved by the scenario's rule.
 */
import { DivergenceError } from '../../errors/inputError.ts';
import type { LinearScenario } from '../../model/scenario.ts';
import { depressedCubicRoots, increasingCubicRoot } from '../../numerics/cubic.ts';
import { newFloat64Array } from '../../numerics/float64Slab.ts';
import type { Equilibrium, Solver } from '../equilibrium.ts';
import { emptyFuture, normalisedCost, type SuffixMoments, updateFactor } from '../suffixMoments.ts';
import { preferredAction, tieThreshold, type TieRuleName } from '../tieRule.ts';

/** Roots closer than this (relative) are one root found twice, not a tie. */
const DISTINCT_ROOTS = 1e-9;

export const exactSolver: Solver = {
  name: 'exact',
  description: 'backward induction with the closed-form continuous minimiser (a cubic); O(N), not limited to a grid',
  solve: solveExact,
};

export function solveExact(scenario: LinearScenario): Equilibrium {
  const { schedule, discount, regularizer } = scenario;
  const tieRule = scenario.tieRule ?? 'smallest';
  const coefficients = newFloat64Array(schedule.length);
  const future = emptyFuture();
  const choice = newChoice(tieRule);
  const ties: number[] = [];
  // The moments live in locals in this hot loop (10⁷ episodes); `future` is only filled in for
  // the general minimiser.
  let [A, B, L] = [0, 0, 0];
  for (let n = schedule.length - 1; n >= 0; n--) {
    const rate = schedule[n];
    const gl = discount * rate;
    const c3 = 16 * gl * rate * A;
    const c1 = 2 - 8 * gl * (1 - 2 * rate * regularizer) * A + 8 * gl * B;
    // One real root when c3, c1 ≥ 0: Newton from the later agent's coefficient (bestCoefficient's
    // fast path, inlined); otherwise the general minimiser.
    let a = c3 >= 0 && c1 >= 0 && choice.a > 0 ? increasingCubicRoot(c3, c1, -2, choice.a) : NaN;
    if (Number.isFinite(a)) {
      choice.a = a;
      choice.tied = false;
    } else {
      future.A = A;
      future.B = B;
      future.L = L;
      a = bestCoefficient(rate, discount, regularizer, future, choice).a;
    }
    if (Number.isNaN(a)) throw new DivergenceError(n, "the agent's cost");
    if (choice.tied) ties.push(n);
    coefficients[n] = a;
    // A ← a² + γf²A, B ← a + γfB, L ← 1 + γL (prependEpisode, inlined).
    const f = updateFactor(a, rate, regularizer);
    A = a * a + discount * f * (f * A);
    B = a + discount * f * B;
    L = 1 + discount * L;
    if (!Number.isFinite(A)) throw new DivergenceError(n, 'the suffix moment A');
  }
  return { solver: 'exact', coefficients, ties: ties.reverse(), tieRule };
}

/** An agent's choice, with scratch space reused across episodes (the hot loop allocates nothing). */
export interface ExactChoice {
  a: number;
  tied: boolean;
  /** Which of two equally good roots is played. */
  readonly tieRule: TieRuleName;
  readonly roots: Float64Array;
  readonly costs: Float64Array;
}

export const newChoice = (tieRule: TieRuleName = 'smallest'): ExactChoice => ({ a: NaN, tied: false, tieRule, roots: new Float64Array(3), costs: new Float64Array(3) });

/**
 * The global minimiser of g over the reals for learning rate ℓ, given the future's moments,
 * written into `choice` (NaN when no root has a finite cost). `choice.a` on entry, if positive,
 * is a starting guess (the later agent's coefficient).
 */
export function bestCoefficient(
  rate: number,
  discount: number,
  regularizer: number,
  future: SuffixMoments,
  choice: ExactChoice = newChoice(),
): ExactChoice {
  const { roots, costs } = choice;
  const gl = discount * rate;
  const c = 1 - 2 * rate * regularizer;
  const c3 = 16 * gl * rate * future.A;
  const c1 = 2 - 8 * gl * c * future.A + 8 * gl * future.B;
  choice.tied = false;
  if (c3 >= 0 && c1 >= 0 && choice.a > 0) {
    // One real root (g is convex): Newton from the previous agent's coefficient.
    const a = increasingCubicRoot(c3, c1, -2, choice.a);
    if (Number.isFinite(a)) {
      choice.a = a;
      return choice;
    }
  }
  const count = depressedCubicRoots(c3, c1, -2, roots);
  if (count === 1) {
    // g′ has one real zero: g's only stationary point is its global minimum.
    choice.a = roots[0];
    return choice;
  }
  let minimum = Infinity;
  for (let i = 0; i < count; i++) {
    costs[i] = normalisedCost(roots[i], updateFactor(roots[i], rate, regularizer), future, discount);
    if (costs[i] < minimum) minimum = costs[i];
  }
  // Among the roots whose cost is the minimum within the tie tolerance, the tie rule picks one;
  // distinct such roots (not one root found twice) make a tie.
  const threshold = tieThreshold(minimum);
  let best = NaN;
  for (let i = 0; i < count; i++) {
    if (!(costs[i] <= threshold)) continue;
    if (Number.isNaN(best)) best = roots[i];
    else {
      if (Math.abs(roots[i] - best) > DISTINCT_ROOTS * Math.max(1, Math.abs(best))) choice.tied = true;
      best = preferredAction(choice.tieRule, best, roots[i]);
    }
  }
  choice.a = best;
  return choice;
}
