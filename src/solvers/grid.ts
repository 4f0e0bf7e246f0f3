/**
 * The grid solver: backward induction over the coefficient grid with the suffix moments of
 * suffixMoments.ts, O(N·G). Agent n minimises g(a) = (a − 1)² + γ(f(a)²A − 2f(a)B + L) over the
 * grid with the shared tie rule, so it returns exactly the reference solver's coefficients.
 */
import { DivergenceError } from '../model/inputError.ts';
import type { LinearScenario } from '../model/scenario.ts';
import type { Equilibrium, Solver } from './equilibrium.ts';
import { emptyFuture, normalisedCost, prependEpisode, updateFactor } from './suffixMoments.ts';
import { chooseGridPoint } from './tieRule.ts';

export const gridSolver: Solver = {
  name: 'grid',
  description: 'backward induction on the coefficient grid with closed-form suffix moments; O(N·G), equals reference',
  solve: solveGrid,
};

export function solveGrid(scenario: LinearScenario): Equilibrium {
  const { schedule, coefficientGrid: grid, discount, regularizer } = scenario;
  const coefficients = new Float64Array(schedule.length);
  const costs = new Float64Array(grid.length);
  const future = emptyFuture();
  const ties: number[] = [];
  for (let n = schedule.length - 1; n >= 0; n--) {
    const rate = schedule[n];
    for (let i = 0; i < grid.length; i++) {
      costs[i] = normalisedCost(grid[i], updateFactor(grid[i], rate, regularizer), future, discount);
    }
    const choice = chooseGridPoint(costs);
    if (choice.index < 0) throw new DivergenceError(n, "the agent's cost");
    if (choice.tied) ties.push(n);
    const a = grid[choice.index];
    coefficients[n] = a;
    prependEpisode(future, a, updateFactor(a, rate, regularizer), discount);
    if (!Number.isFinite(future.A)) throw new DivergenceError(n, 'the suffix moment A');
  }
  return { solver: 'grid', coefficients, ties: ties.reverse() };
}
