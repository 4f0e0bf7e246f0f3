/**
 * The reference solver: the seed's direct algorithm, kept deliberately naive as the oracle the
 * fast solvers are tested against. Backward induction over agents n = N−1 … 0; agent n tries every
 * grid coefficient a, and for every point θ of its prior simulates the whole future
 *   y_k = a_k·θ_k,  θ_{k+1} = θ_k − ℓ_k·∂(y_k² + λθ_k²)/∂θ_k = θ_k − ℓ_k(2y_k·a_k + 2λθ_k)
 * (a_n = a, later agents playing their solved coefficients), paying Σ_{k≥n} γ^(k−n)(y_k − θ)²,
 * averaged over the prior, and the scenario's tie rule (tieRule.ts) picks among equal costs.
 * Cost O(N²·G·K).
 */
import { DivergenceError, InputError } from '../../errors/inputError.ts';
import type { LinearScenario } from '../../model/scenario.ts';
import type { Equilibrium, Solver } from '../equilibrium.ts';
import { chooseGridPoint, tiePreference } from '../tieRule.ts';

/** The reference solver is O(N²): beyond this it would run for minutes. */
export const REFERENCE_MAX_EPISODES = 2000;

export const referenceSolver: Solver = {
  name: 'reference',
  description: 'direct simulation of every future for every coefficient and prior point; O(N²·G·K), the test oracle',
  solve: solveReference,
};

export function solveReference(scenario: LinearScenario): Equilibrium {
  const { schedule, coefficientGrid: grid } = scenario;
  const episodes = schedule.length;
  if (episodes > REFERENCE_MAX_EPISODES) {
    throw new InputError(
      'schedule',
      `the reference solver handles at most ${REFERENCE_MAX_EPISODES} episodes (got ${episodes}); use grid or exact`,
    );
  }
  const tieRule = scenario.tieRule ?? 'smallest';
  const preference = tiePreference(tieRule, grid);
  const plan = new Float64Array(episodes);
  const costs = new Float64Array(grid.length);
  const ties: number[] = [];
  for (let n = episodes - 1; n >= 0; n--) {
    for (let i = 0; i < grid.length; i++) {
      plan[n] = grid[i];
      costs[i] = averageMesaCost(scenario, plan, n);
    }
    const choice = chooseGridPoint(costs, grid.length, preference);
    if (choice.index < 0) throw new DivergenceError(n, "the agent's cost");
    if (choice.tied) ties.push(n);
    plan[n] = grid[choice.index];
  }
  return { solver: 'reference', coefficients: plan, ties: ties.reverse(), tieRule };
}

/** Agent n's cost of the plan from episode n on, averaged over its prior on θ_n. */
function averageMesaCost(scenario: LinearScenario, plan: Float64Array, n: number): number {
  let total = 0;
  for (const goal of scenario.prior) total += simulatedMesaCost(scenario, plan, n, goal);
  return total / scenario.prior.length;
}

function simulatedMesaCost(scenario: LinearScenario, plan: Float64Array, n: number, goal: number): number {
  const { schedule, discount, regularizer } = scenario;
  let theta = goal;
  let weight = 1;
  let cost = 0;
  for (let k = n; k < schedule.length; k++) {
    const y = plan[k] * theta;
    cost += weight * (y - goal) ** 2;
    theta -= schedule[k] * (2 * y * plan[k] + 2 * regularizer * theta);
    weight *= discount;
  }
  return cost;
}
