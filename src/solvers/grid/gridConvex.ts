/**
 * The grid solver's fast path where g is convex (gridFastPath.ts): walk downhill from a start
 * point and stop where both ends of the run cost more than the tie reach. No slope signs, no
 * roots, no grid ends: about three evaluations when the choice moves by a point or less.
 *
 * When g is convex. g″(a) = 3C3·a² + C1 (gridSlope.ts) with C3 = 16γℓ²A ≥ 0 (A is a sum of
 * squares), so C1 > 0, certified by costIsConvex, makes g″ > 0 everywhere. Deployment agents
 * (ℓ = 0) have g(a) = (a − 1)² + γ(A − 2B + L), a parabola.
 *
 * Why it equals the scan. With ĝ, g and E as in gridFastPath.ts, let [lo, hi] be the evaluated
 * run, m the least ĝ on it (at i*), t = m + 1e−12·|m| (tieRule.ts) and reach = t + 2E. The walk
 * stops when lo = 0 or ĝ_lo > reach, and hi = G − 1 or ĝ_hi > reach. Then
 * g_lo ≥ ĝ_lo − E > t + E ≥ m + E ≥ g_i*, so lo < i*, and for i < lo convexity gives
 *   g_i ≥ g_lo + (g_lo − g_i*)·(a_lo − a_i)/(a_i* − a_lo) > g_lo,
 * hence ĝ_i ≥ g_i − E > g_lo − E ≥ ĝ_lo − 2E > t; the same holds right of hi. A cost that
 * overflows is +∞ or NaN, never ≤ t. So m is the least ĝ on the grid, t is the scan's threshold
 * bit for bit, and every point within t of it lies on the run: any tie rule on the run is that
 * tie rule on the grid (`smallest`, `largest`, `honest` alike). A lower cost met on the
 * way lowers m, t and reach together: an end already past the old reach is past the new one.
 */
import type { GridWorkspace } from './gridWorkspace.ts';
import { costErrorBound, gridCost } from './gridScan.ts';
import type { SuffixMoments } from '../suffixMoments.ts';
import { type GridChoice, preferredOnRange, tieThreshold } from '../tieRule.ts';

/**
 * The scan's choice for convex g by the walk above from grid index `start`, written into
 * ws.choice; null when a cost or the reach is not finite (the caller tries elsewhere). The run
 * is left in ws.runs, and the choice becomes the next agent's start, ws.hint. One function, so
 * that no double crosses a call the JIT may leave out of line (it would be boxed).
 */
export function convexChoice(ws: GridWorkspace, rate: number, future: SuffixMoments, start: number): GridChoice | null {
  const { grid, costs, regularizer, discount, runs, choice } = ws;
  const last = grid.length - 1;
  const slack = 2 * costErrorBound(ws.ends, rate, regularizer, future, discount);
  let lo = start;
  let hi = start;
  let i = start; // the point to evaluate next
  let minimum = Infinity;
  let threshold = NaN;
  let reach = NaN;
  for (;;) {
    costs[i] = gridCost(grid[i], rate, regularizer, future, discount);
    if (!Number.isFinite(costs[i])) return null;
    if (costs[i] < minimum) {
      minimum = costs[i];
      threshold = tieThreshold(minimum);
      reach = threshold + slack;
      if (!(reach < Infinity)) return null;
    }
    if (lo > 0 && costs[lo] <= reach) i = --lo;
    else if (hi < last && costs[hi] <= reach) i = ++hi;
    else break;
  }
  runs.count = 1;
  runs.lo[0] = lo;
  runs.hi[0] = hi;
  choice.index = -1;
  choice.tied = false;
  preferredOnRange(ws.preference, costs, lo, hi, threshold, choice);
  ws.hint = choice.index;
  return choice;
}
