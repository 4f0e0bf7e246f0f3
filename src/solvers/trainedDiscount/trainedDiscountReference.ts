/**
 * The trained-discount reference solver: the same game as trainedDiscount.ts without tables. Agent
 * n's cost of a coefficient is simulated directly, episode by episode, for every θ² of the prior:
 * Σ_{k≥n} γ^(k−n)(y_k − θ_n)² with θ_n = √s_p, later agents playing their Catmull–Rom policies
 * a_k(γ_k) and slopes at their drifted discounts, and both parameters stepped as the base
 * optimizer does. O(N²·G·E·K) for E cost evaluations per node: for short schedules and tests only.
 */
import { clampUnit, nextDiscount, type TrainedDiscountEquilibrium, type TrainedDiscountScenario } from './trainedDiscountModel.ts';
import { policyAt, policyDifference } from './trainedDiscountPolicy.ts';
import { solveNode, warmMinimum, type NodeSearchOptions, type NodeStart } from './trainedDiscountSearch.ts';

export function solveTrainedDiscountReference(
  scenario: TrainedDiscountScenario,
  options: NodeSearchOptions = { scanPoints: 201 },
): TrainedDiscountEquilibrium {
  const { schedule } = scenario;
  const episodes = schedule.length;
  const discounts = Float64Array.from(scenario.discountAxis.nodes);
  const count = discounts.length;
  const scan = options.scanPoints ?? 201;
  const coefficients = new Float64Array(episodes * count);
  const slopes = new Float64Array(episodes * count);
  const iterations = new Int32Array(episodes);
  const jumps = new Int32Array(episodes);
  for (let n = episodes - 1; n >= 0; n--) {
    if (schedule[n] === 0) {
      coefficients.fill(1, n * count, (n + 1) * count);
      continue;
    }
    const cost = (node: number, a: number, drift: number) => simulatedAgentCost(scenario, { coefficients, slopes }, n, discounts[node], a, drift);
    for (let i = 0; i < count; i++) {
      const later = (n + 1) * count + i;
      const start: NodeStart = n + 1 < episodes && schedule[n + 1] > 0 ? { drift: coefficients[later] * slopes[later], coefficient: coefficients[later] } : { drift: 0, coefficient: NaN };
      const solution = solveNode(
        {
          cost: (a, drift) => cost(i, a, drift),
          slope: (a, drift) => policyDifference(i, count, a, (j) => warmMinimum((x) => cost(j, x, drift), a, scan)),
        },
        options,
        start,
      );
      coefficients[n * count + i] = solution.coefficient;
      slopes[n * count + i] = solution.slope;
      iterations[n] = Math.max(iterations[n], solution.iterations);
      if (solution.jump) jumps[n]++;
    }
  }
  return { solver: 'trained-discount-reference', discounts, coefficients, slopes, iterations, jumps };
}

/**
 * Agent n's prior-averaged cost by direct simulation: at discount γ, playing a with forecast drift
 * m, later stages playing the given policies and slopes (Catmull–Rom in γ).
 */
export function simulatedAgentCost(
  scenario: TrainedDiscountScenario,
  plan: Pick<TrainedDiscountEquilibrium, 'coefficients' | 'slopes'>,
  n: number,
  discount: number,
  a: number,
  drift: number,
): number {
  let total = 0;
  for (let p = 0; p < scenario.priorSquares.length; p++) {
    const goal = Math.sqrt(scenario.priorSquares[p]);
    total += scenario.priorWeights[p] * simulatedCost(scenario, plan.coefficients, plan.slopes, n, discount, goal, a, drift);
  }
  return total;
}

/** Σ_{k≥n} γ^(k−n)(y_k − θ_n)² when agent n, at discount γ with goal θ_n, plays a with drift m. */
function simulatedCost(
  scenario: TrainedDiscountScenario,
  coefficients: Float64Array,
  slopes: Float64Array,
  n: number,
  evaluator: number,
  goal: number,
  a: number,
  drift: number,
): number {
  const { schedule, stepScale } = scenario;
  const count = scenario.discountAxis.nodes.length;
  let theta = goal;
  // Agent n forecasts its own step with the drift m; later agents step with a_k·a_k′(γ_k).
  let discount = clampUnit(evaluator - 2 * stepScale * schedule[n] * goal * goal * drift);
  let cost = (a * theta - goal) ** 2;
  theta *= 1 - 2 * schedule[n] * a * a;
  let weight = evaluator;
  for (let k = n + 1; k < schedule.length; k++) {
    const coefficient = policyAt(coefficients, k * count, count, discount);
    const slope = policyAt(slopes, k * count, count, discount);
    cost += weight * (coefficient * theta - goal) ** 2;
    discount = nextDiscount(discount, theta * theta, coefficient, slope, schedule[k], stepScale);
    theta *= 1 - 2 * schedule[k] * coefficient * coefficient;
    weight *= evaluator;
  }
  return cost;
}
