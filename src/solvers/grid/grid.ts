/**
 * The grid solver: backward induction over the coefficient grid with the suffix moments of
 * suffixMoments.ts. Agent n minimises g(a) = (a − 1)² + γ(f²A − 2fB + L) over the grid with the
 * scenario's tie rule (tieRule.ts), so it returns exactly the reference solver's coefficients. g is a quartic, so
 * the fast path (gridFastPath.ts) walks downhill from the last agent's choice where g is convex
 * and looks only near the roots of the cubic g′ and at the grid ends elsewhere: O(N) in all but
 * flat or ill-conditioned cases. It gives the full scan's (gridScan.ts, O(N·G)) choices bit for
 * bit and falls back to the scan wherever it cannot prove that.
 */
import { DivergenceError } from '../../errors/inputError.ts';
import type { LinearScenario } from '../../model/scenario.ts';
import { newFloat64Array } from '../../numerics/float64Slab.ts';
import type { Equilibrium, Solver } from '../equilibrium.ts';
import { chooseGridCoefficient, newGridWorkspace } from './gridFastPath.ts';
import { scanGrid } from './gridScan.ts';
import { emptyFuture, prependEpisode, updateFactor } from '../suffixMoments.ts';
import { tiePreference } from '../tieRule.ts';

export const gridSolver: Solver = {
  name: 'grid',
  description: 'backward induction on the coefficient grid with closed-form suffix moments, searched downhill from the last choice or near the roots of g′; O(N), O(N·G) at worst; equals reference',
  solve: solveGrid,
};

export interface GridSolveOptions {
  /**
   * 'fast' (default): a certified search from the last choice or near the roots of g′, else the
   * scan; 'scan': g at every grid point. Both give the same equilibrium; 'scan' is there to
   * check and time 'fast'.
   */
  search?: 'fast' | 'scan';
}

export function solveGrid(scenario: LinearScenario, options: GridSolveOptions = {}): Equilibrium {
  const { schedule, coefficientGrid: grid, discount, regularizer } = scenario;
  const coefficients = newFloat64Array(schedule.length);
  const tieRule = scenario.tieRule ?? 'smallest';
  const workspace = newGridWorkspace(grid, regularizer, discount, tiePreference(tieRule, grid));
  const scanOnly = options.search === 'scan';
  const future = emptyFuture();
  const ties: number[] = [];
  for (let n = schedule.length - 1; n >= 0; n--) {
    const rate = schedule[n];
    const choice = scanOnly
      ? scanGrid(grid, rate, regularizer, future, discount, workspace.costs, workspace.preference)
      : chooseGridCoefficient(workspace, rate, future);
    if (choice.index < 0) throw new DivergenceError(n, "the agent's cost");
    if (choice.tied) ties.push(n);
    const a = grid[choice.index];
    coefficients[n] = a;
    prependEpisode(future, a, updateFactor(a, rate, regularizer), discount);
    if (!Number.isFinite(future.A)) throw new DivergenceError(n, 'the suffix moment A');
  }
  return { solver: 'grid', coefficients, ties: ties.reverse(), tieRule };
}
