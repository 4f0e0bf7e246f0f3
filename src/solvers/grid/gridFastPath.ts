/**
 * The grid solver's fast path: agent n's choice under the tie rule from a handful of cost
 * evaluations instead of all G, equal to the full scan's (gridScan.ts) or null when it cannot
 * prove that, and the caller scans.
 *
 * Where g is certified convex (every deployment agent, and training agents with C1 > 0: nearly
 * all), a walk downhill from the last agent's choice settles it in about three evaluations
 * (gridConvex.ts). Elsewhere, or when that walk meets a cost that is not finite, runs around the
 * roots of g′ (steps 1 and 2 below).
 *
 * Why the runs give the scan's choice. Let ĝ_i be the computed cost at grid point i (gridCost,
 * the scan's own expression) and g_i the exact one, |ĝ_i − g_i| ≤ E (costErrorBound in gridScan.ts).
 * 1. g is evaluated on runs of grid points around the roots of g′ and at both ends, with a
 *    certificate that g is monotone over each gap between runs (gridRuns.ts).
 * 2. m = the least ĝ on the runs, t = m + 1e−12·|m| (tieRule.ts), reach = t + 2E. From each run,
 *    walk outwards while ĝ ≤ reach (usually not a single step). Then both ends of every gap have
 *    ĝ > reach, and a point i inside has ĝ_i ≥ g_i − E ≥ min(g at the ends) − E
 *    ≥ min(ĝ at the ends) − 2E > t: it neither lowers the minimum nor joins a tie. (A cost that
 *    overflows is +∞ or NaN, never ≤ t, either.) So every point within t of the minimum has been
 *    evaluated, and any tie rule (smallest, largest, honest) on the evaluated points is that tie
 *    rule on the whole grid.
 * Null when a cost is not finite, a walked cost is below m (the minimum would move), the signs do
 * not certify, or E overflows.
 */
import { convexChoice } from './gridConvex.ts';
import type { GridWorkspace } from './gridWorkspace.ts';
import { costErrorBound, gridCost, gridEnds, type GridEnds, scanGrid } from './gridScan.ts';
import { gapsAreMonotone, newGridRuns, setRuns } from './gridRuns.ts';
import { certifySlope, costIsConvex, newSlope, rootBrackets } from './gridSlope.ts';
import type { SuffixMoments } from '../suffixMoments.ts';
import { type GridChoice, preferredOnRange, SMALLEST, type TiePreference, tieThreshold } from '../tieRule.ts';

export type { GridWorkspace } from './gridWorkspace.ts';

/** What a workspace needs of its grid alone, kept per grid array (scenarios share the default grid). */
interface GridFacts {
  readonly ends: GridEnds;
  readonly myopic: number;
  /** Scratch space: no solve reads an entry it has not written in the same agent's search. */
  readonly costs: Float64Array;
}

const gridFacts = new WeakMap<Float64Array, GridFacts>();

function factsOf(grid: Float64Array): GridFacts {
  let facts = gridFacts.get(grid);
  if (facts === undefined) {
    facts = { ends: gridEnds(grid), myopic: myopicIndex(grid), costs: new Float64Array(grid.length) };
    gridFacts.set(grid, facts);
  }
  return facts;
}

/**
 * A workspace for one solve. The grid's ends, its myopic index and the cost scratch are computed
 * once per grid array and shared by its solves (one at a time: JavaScript runs one solve per
 * thread, and none calls another), so a solve of 100 episodes allocates no 401-entry array.
 */
export function newGridWorkspace(grid: Float64Array, regularizer: number, discount: number, preference: TiePreference = SMALLEST): GridWorkspace {
  const { ends, myopic, costs } = factsOf(grid);
  return {
    grid,
    regularizer,
    discount,
    preference,
    ends,
    costs,
    slope: newSlope(),
    roots: new Float64Array(3),
    brackets: new Int32Array(3),
    runs: newGridRuns(),
    choice: { index: -1, tied: false },
    myopic,
    hint: myopic,
  };
}

/**
 * Agent n's choice on the grid: the fast path, or the full scan where it gives up. The fast
 * path's choice is ws.choice, valid until the next call with this workspace.
 */
export function chooseGridCoefficient(ws: GridWorkspace, rate: number, future: SuffixMoments): GridChoice {
  return fastGridChoice(ws, rate, future) ?? scanGrid(ws.grid, rate, ws.regularizer, future, ws.discount, ws.costs, ws.preference);
}

/** The fast path alone: the scan's choice (ws.choice), or null when it cannot prove it. */
export function fastGridChoice(ws: GridWorkspace, rate: number, future: SuffixMoments): GridChoice | null {
  if (rate === 0) return deploymentChoice(ws, future);
  const convex = costIsConvex(ws.slope, rate, ws.regularizer, future, ws.discount);
  return (convex ? convexChoice(ws, rate, future, ws.hint) : null) ?? runsChoice(ws, rate, future);
}

/**
 * ℓ = 0 (a deployment episode): f ≡ 1, so g(a) = (a − 1)² + γ(A − 2B + L), a parabola with its
 * vertex at 1; the convex walk starts next to 1. (So does the first agent: g = (a − 1)².)
 */
function deploymentChoice(ws: GridWorkspace, future: SuffixMoments): GridChoice | null {
  return convexChoice(ws, 0, future, ws.myopic);
}

/** Steps 1 and 2 above: any g whose slope signs certify. */
function runsChoice(ws: GridWorkspace, rate: number, future: SuffixMoments): GridChoice | null {
  const slope = certifySlope(ws.slope, rate, ws.regularizer, future, ws.discount);
  if (slope.roots === 0) return null;
  const bracketCount = rootBrackets(slope, ws.grid, ws.hint, ws.roots, ws.brackets);
  if (bracketCount === 0) return null;
  if (bracketCount === 1) ws.hint = Math.max(ws.brackets[0], 0);
  setRuns(ws.runs, ws.brackets, bracketCount, ws.grid.length);
  // One run covering the whole grid (G ≤ 6 or so) leaves no gap to certify.
  if (ws.runs.count > 1 && !gapsAreMonotone(ws.runs, ws.grid, slope)) return null;
  return choiceOnRuns(ws, rate, future);
}

/** The first grid point at or above 1 (or the last point): next to the vertex of (a − 1)². */
function myopicIndex(grid: Float64Array): number {
  return Math.min(firstAtLeast(grid, 1), grid.length - 1);
}

/** The least index whose grid point is ≥ x (grid.length when there is none); the grid increases. */
function firstAtLeast(grid: Float64Array, x: number): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grid[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Step 2 on runs set by step 1: the scan's choice, or null when it cannot prove it. */
function choiceOnRuns(ws: GridWorkspace, rate: number, future: SuffixMoments): GridChoice | null {
  const minimum = evaluateRuns(ws, rate, future);
  if (Number.isNaN(minimum)) return null;
  const threshold = tieThreshold(minimum);
  const reach = threshold + 2 * costErrorBound(ws.ends, rate, ws.regularizer, future, ws.discount);
  if (!(reach < Infinity) || !walkOutwards(ws, rate, future, minimum, reach)) return null;
  return tieRuleOnRuns(ws, threshold);
}

/** ĝ on the runs; returns the least, or NaN when a cost is not finite. */
function evaluateRuns(ws: GridWorkspace, rate: number, future: SuffixMoments): number {
  const { grid, costs, runs } = ws;
  let minimum = Infinity;
  for (let k = 0; k < runs.count; k++) {
    for (let i = runs.lo[k]; i <= runs.hi[k]; i++) {
      const cost = gridCost(grid[i], rate, ws.regularizer, future, ws.discount);
      if (!Number.isFinite(cost)) return NaN;
      costs[i] = cost;
      if (cost < minimum) minimum = cost;
    }
  }
  return minimum;
}

/**
 * Step 2: extends each run outwards while its end costs at most `reach`; false when a walked cost
 * is not finite or lies below the minimum.
 */
function walkOutwards(ws: GridWorkspace, rate: number, future: SuffixMoments, minimum: number, reach: number): boolean {
  const { grid, costs, runs } = ws;
  let floor = -1; // the last evaluated index left of run k
  for (let k = 0; k < runs.count; k++) {
    const ceiling = k + 1 < runs.count ? runs.lo[k + 1] : grid.length;
    let lo = runs.lo[k];
    let hi = runs.hi[k];
    while (lo - 1 > floor && costs[lo] <= reach) {
      lo--;
      costs[lo] = gridCost(grid[lo], rate, ws.regularizer, future, ws.discount);
      if (!(costs[lo] >= minimum && costs[lo] < Infinity)) return false;
    }
    while (hi + 1 < ceiling && costs[hi] <= reach) {
      hi++;
      costs[hi] = gridCost(grid[hi], rate, ws.regularizer, future, ws.discount);
      if (!(costs[hi] >= minimum && costs[hi] < Infinity)) return false;
    }
    runs.lo[k] = lo;
    runs.hi[k] = hi;
    floor = hi;
  }
  return true;
}

/** The tie rule (tieRule.ts) over the evaluated points, in grid order, written into ws.choice. */
function tieRuleOnRuns(ws: GridWorkspace, threshold: number): GridChoice {
  const { costs, runs, choice, preference } = ws;
  choice.index = -1;
  choice.tied = false;
  for (let k = 0; k < runs.count; k++) if (preferredOnRange(preference, costs, runs.lo[k], runs.hi[k], threshold, choice)) break;
  return choice;
}
