/**
 * The grid solver's plain scan: agent n's normalised cost g(a) at every point of the coefficient
 * grid, then the tie rule. O(G) per agent. The fast path (gridFastPath.ts) evaluates g with the
 * same `gridCost`, so both see bit-identical costs, leans on the bound on its rounding error
 * given here, and falls back to this scan whenever it cannot prove that it agrees.
 */
import { normalisedCost, type SuffixMoments, updateFactor } from '../suffixMoments.ts';
import { chooseGridPoint, type GridChoice, SMALLEST, type TiePreference } from '../tieRule.ts';

/** g(a) = (a − 1)² + γ(f·(f·A) − 2fB + L), f = 1 − 2ℓ(a² + λ), computed one way everywhere. */
export function gridCost(a: number, rate: number, regularizer: number, future: SuffixMoments, discount: number): number {
  return normalisedCost(a, updateFactor(a, rate, regularizer), future, discount);
}

/** What E needs of the grid, which only its ends give: the largest (a − 1)² and a². */
export interface GridEnds {
  readonly span: number;
  readonly square: number;
}

export function gridEnds(grid: Float64Array): GridEnds {
  const first = grid[0];
  const last = grid[grid.length - 1];
  return { span: Math.max((first - 1) ** 2, (last - 1) ** 2), square: Math.max(first * first, last * last) };
}

/**
 * E ≥ |ĝ(a) − g(a)| at every grid point, ĝ = gridCost and g its exact value. First-order rounding
 * analysis (u = 2⁻⁵³) gives 15u·[(a − 1)² + γ(F²A + 2F|B| + L)] with F = 1 + 2ℓ(a² + λ) ≥ |f(a)|;
 * both terms are largest at a grid end (gridEnds, computed once per solve). 32u leaves a factor 2;
 * the last term covers underflow.
 */
export function costErrorBound(ends: GridEnds, rate: number, regularizer: number, future: SuffixMoments, discount: number): number {
  const factor = 1 + 2 * Math.abs(rate) * (ends.square + Math.abs(regularizer));
  const tail = discount * (factor * factor * future.A + 2 * factor * Math.abs(future.B) + future.L);
  return 32 * (Number.EPSILON / 2) * (ends.span + tail) + 2 ** -1000 * (1 + factor * factor);
}

/** The tie rule applied to g at every grid point; `costs` (length ≥ G) is scratch space. */
export function scanGrid(
  grid: Float64Array,
  rate: number,
  regularizer: number,
  future: SuffixMoments,
  discount: number,
  costs: Float64Array,
  preference: TiePreference = SMALLEST,
): GridChoice {
  for (let i = 0; i < grid.length; i++) costs[i] = gridCost(grid[i], rate, regularizer, future, discount);
  return chooseGridPoint(costs, grid.length, preference);
}
