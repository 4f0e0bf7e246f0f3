/**
 * The trained-discount solver (DESIGN §3.1; the model is in trainedDiscountModel.ts): backward
 * induction with the future's moments tabulated on the grid (γ_e, γ, s), s = θ². For the stage-n
 * policy a = a_n(γ), its slope d = a_n′(γ), f = 1 − 2ℓ_n a², γ' = clip(γ − 2κℓ_n s·a·d, 0, 1) and
 * s' = f²s, at every node
 *   A_n(γ_e, γ, s) = a² + γ_e f² A_{n+1}(γ_e, γ', s'),
 *   B_n(γ_e, γ, s) = a + γ_e f B_{n+1}(γ_e, γ', s'),
 *   L_n(γ_e) = 1 + γ_e L_{n+1}(γ_e),
 * with A_{n+1}, B_{n+1} interpolated in (γ', s') by Catmull–Rom (interpolation.ts); the evaluator's
 * γ_e is always a node, so never interpolated.
 *
 * Agent n at node γ_j with forecast drift m pays, over the prior's θ² values s_p (weights w_p),
 *   C(a; γ_j, m) = Σ_p w_p s_p [(a − 1)² + γ_j(f² A_{n+1} − 2f B_{n+1} + L_{n+1})],
 * the tables at (γ_e = γ_j; γ'_p = clip(γ_j − 2κℓ_n s_p m), f²s_p). Its slope is the central
 * difference of best responses to the same drift at the neighbouring nodes (trainedDiscountPolicy.ts)
 * and trainedDiscountSearch.ts solves each node's fixed point m = a·slope. Where several exist,
 * continuation in time selects one: each node's search starts from the later stage's solution at
 * that node, back to the last training stage, whose solution is unique (its successors play
 * a ≡ 1 whatever their discount, so its cost and slope do not depend on its forecast). Deployment
 * stages (ℓ = 0) have a ≡ 1, slope 0 and a still state. O(N·G²·S) table work for G γ nodes and
 * S θ² nodes.
 */
import { Stencil, TensorGrid } from '../../numerics/interpolation.ts';
import { clampUnit, type TrainedDiscountEquilibrium, type TrainedDiscountScenario } from './trainedDiscountModel.ts';
import { catmullRomStencil, policyDifference } from './trainedDiscountPolicy.ts';
import { solveNode, warmMinimum, type NodeProblem, type NodeSearchOptions, type NodeStart } from './trainedDiscountSearch.ts';

/** The future's moments after some episode, one (γ, s) slice per evaluator node γ_e. */
interface FutureTables {
  A: Float64Array;
  B: Float64Array;
  L: Float64Array;
}

const newTables = (size: number, count: number): FutureTables => ({
  A: new Float64Array(size),
  B: new Float64Array(size),
  L: new Float64Array(count),
});

export function solveTrainedDiscount(scenario: TrainedDiscountScenario, options: NodeSearchOptions = {}): TrainedDiscountEquilibrium {
  const { schedule, discountAxis } = scenario;
  const episodes = schedule.length;
  const count = discountAxis.nodes.length;
  const size = count * count * scenario.squareAxis.nodes.length;
  let future = newTables(size, count);
  let spare = newTables(size, count);
  const coefficients = new Float64Array(episodes * count);
  const slopes = new Float64Array(episodes * count);
  const iterations = new Int32Array(episodes);
  const jumps = new Int32Array(episodes);
  const problem = new NodeCost(scenario, options.scanPoints ?? 41);
  for (let n = episodes - 1; n >= 0; n--) {
    const rate = schedule[n];
    if (rate === 0) coefficients.fill(1, n * count, (n + 1) * count);
    else {
      // Continuation in time: each node's search starts from the later stage's solution there.
      for (let i = 0; i < count; i++) {
        problem.prepare(rate, future, i);
        const later = (n + 1) * count + i;
        const start: NodeStart =
          n + 1 < episodes && schedule[n + 1] > 0 ? { drift: coefficients[later] * slopes[later], coefficient: coefficients[later] } : { drift: 0, coefficient: NaN };
        const solution = solveNode(problem, options, start);
        coefficients[n * count + i] = solution.coefficient;
        slopes[n * count + i] = solution.slope;
        iterations[n] = Math.max(iterations[n], solution.iterations);
        if (solution.jump) jumps[n]++;
      }
    }
    prependStage(scenario, rate, coefficients, slopes, n * count, future, spare);
    [future, spare] = [spare, future];
  }
  return { solver: 'trained-discount', discounts: Float64Array.from(discountAxis.nodes), coefficients, slopes, iterations, jumps };
}

/**
 * The cost and slope of one node's agent against the tables of the future after its stage. For a
 * given node and drift each prior point's γ' is fixed, whatever the coefficient: the tables are
 * collapsed along γ' once (Catmull–Rom weights, separable from those along s'), leaving for each
 * prior point a row over the θ² nodes that every cost evaluation interpolates in s' alone.
 */
class NodeCost implements NodeProblem {
  private readonly squares: number;
  private readonly rowsA: Float64Array;
  private readonly rowsB: Float64Array;
  private readonly index = new Int32Array(4);
  private readonly weight = new Float64Array(4);
  private rate = 0;
  private node = 0;
  private future: FutureTables | null = null;
  private collapsedNode = -1;
  private collapsedDrift = NaN;

  constructor(
    private readonly scenario: TrainedDiscountScenario,
    private readonly scan: number,
  ) {
    this.squares = scenario.squareAxis.nodes.length;
    this.rowsA = new Float64Array(scenario.priorSquares.length * this.squares);
    this.rowsB = new Float64Array(scenario.priorSquares.length * this.squares);
  }

  prepare(rate: number, future: FutureTables, node: number): void {
    this.rate = rate;
    this.future = future;
    this.node = node;
    this.collapsedNode = -1;
  }

  cost(a: number, drift: number): number {
    return this.costAt(this.node, a, drift);
  }

  slope(a: number, drift: number): number {
    const count = this.scenario.discountAxis.nodes.length;
    return policyDifference(this.node, count, a, (j) => warmMinimum((x) => this.costAt(j, x, drift), a, this.scan));
  }

  /** C(a; γ_j, m) of the agent at node j. */
  private costAt(node: number, a: number, drift: number): number {
    this.collapse(node, drift);
    const { priorSquares, priorWeights, discountAxis, squareAxis } = this.scenario;
    const { index, weight, rowsA, rowsB, squares } = this;
    const discount = discountAxis.nodes[node];
    const future = this.future!.L[node];
    const f = 1 - 2 * this.rate * a * a;
    let total = 0;
    for (let p = 0; p < priorSquares.length; p++) {
      const s = priorSquares[p];
      if (s === 0) continue;
      const entries = catmullRomStencil(f * f * s, 0, squareAxis.spacing, squares, index, weight);
      let nextA = 0;
      let nextB = 0;
      for (let r = 0; r < entries; r++) {
        nextA += weight[r] * rowsA[p * squares + index[r]];
        nextB += weight[r] * rowsB[p * squares + index[r]];
      }
      total += priorWeights[p] * s * ((a - 1) ** 2 + discount * (f * f * nextA - 2 * f * nextB + future));
    }
    return total;
  }

  /** Rows A(γ_e = γ_j; γ'_p, s_k) and B over k for every prior point p. */
  private collapse(node: number, drift: number): void {
    if (node === this.collapsedNode && drift === this.collapsedDrift) return;
    const { priorSquares, stepScale, discountAxis } = this.scenario;
    const { A, B } = this.future!;
    const { index, weight, squares } = this;
    const count = discountAxis.nodes.length;
    const offset = node * count * squares;
    for (let p = 0; p < priorSquares.length; p++) {
      const next = clampUnit(discountAxis.nodes[node] - 2 * stepScale * this.rate * priorSquares[p] * drift);
      const entries = catmullRomStencil(next, 0, discountAxis.spacing, count, index, weight);
      for (let k = 0; k < squares; k++) {
        let sumA = 0;
        let sumB = 0;
        for (let r = 0; r < entries; r++) {
          sumA += weight[r] * A[offset + index[r] + count * k];
          sumB += weight[r] * B[offset + index[r] + count * k];
        }
        this.rowsA[p * squares + k] = sumA;
        this.rowsB[p * squares + k] = sumB;
      }
    }
    this.collapsedNode = node;
    this.collapsedDrift = drift;
  }
}

/** The stage-n tables (into `into`) from the stage-(n+1) tables `future`. */
function prependStage(
  scenario: TrainedDiscountScenario,
  rate: number,
  coefficients: Float64Array,
  slopes: Float64Array,
  offset: number,
  future: FutureTables,
  into: FutureTables,
): void {
  const { discountAxis, squareAxis, stepScale } = scenario;
  const discounts = discountAxis.nodes;
  const squares = squareAxis.nodes;
  const count = discounts.length;
  const slice = count * squares.length;
  for (let e = 0; e < count; e++) into.L[e] = 1 + discounts[e] * future.L[e];
  if (rate === 0) {
    // a = 1, f = 1 and the state stays on its node.
    for (let c = 0; c < count * slice; c++) {
      const g = discounts[Math.floor(c / slice)];
      into.A[c] = 1 + g * future.A[c];
      into.B[c] = 1 + g * future.B[c];
    }
    return;
  }
  const grid = new TensorGrid([discountAxis, squareAxis], 'cubic');
  const stencil = new Stencil(2);
  const point = new Float64Array(2);
  for (let j = 0; j < count; j++) {
    const a = coefficients[offset + j];
    const f = 1 - 2 * rate * a * a;
    for (let k = 0; k < squares.length; k++) {
      point[0] = clampUnit(discounts[j] - 2 * stepScale * rate * squares[k] * a * slopes[offset + j]);
      point[1] = f * f * squares[k];
      stencil.locate(grid, point);
      const cell = j + count * k;
      for (let e = 0; e < count; e++) {
        const g = discounts[e];
        into.A[e * slice + cell] = a * a + g * f * f * interpolate(stencil, future.A, e * slice);
        into.B[e * slice + cell] = a + g * f * interpolate(stencil, future.B, e * slice);
      }
    }
  }
}

function interpolate(stencil: Stencil, table: Float64Array, offset: number): number {
  let sum = 0;
  for (let e = 0; e < stencil.count; e++) sum += stencil.weights[e] * table[offset + stencil.indices[e]];
  return sum;
}
