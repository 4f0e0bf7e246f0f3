/**
 * The dp solver's search for agent n's action k minimising its cost J(k) (m ≤ 3 components):
 * 1. a coarse grid — the game's action grid itself for m = 1, every ⌈(G − 1)/(c − 1)⌉-th of its
 *    points per component for m ≥ 2 (c = `coarse`), its ends kept;
 * 2. the REFINED_STARTS lowest local minima of the coarse costs (no axis neighbour lower) refined
 *    within the grid's range: Brent's method on [x_{i−1}, x_{i+1}] for m = 1,
 *    Hooke–Jeeves pattern search (steps halved down to 1e−10) for m ≥ 2; a refinement replaces its
 *    grid point only when it lowers J by more than the tie tolerance (relative to the cost's
 *    scale), so an optimal grid action (the honest 1, the deceptive 0) is played exactly;
 * 3. the tie rule of tieRule.ts: costs within a relative 1e−12 of the least are equal; if they
 *    belong to distinct actions the agent is reported as tied, and the lexicographically smallest
 *    action wins.
 * J may be piecewise smooth (the value tables are interpolated multilinearly): both refinements
 * need only function values.
 */
import { brentMinimise } from '../../numerics/brent.ts';
import { TIE_RELATIVE_TOLERANCE, tieThreshold } from '../tieRule.ts';

export type CostFunction = (action: Float64Array) => number;
/** The cost at every coarse action at once, in coarseCosts' index order, written into its argument. */
export type BatchCost = (costs: Float64Array) => void;

export interface ActionChoice {
  readonly action: Float64Array;
  cost: number;
  tied: boolean;
}

/** Coarse local minima refined per agent. */
const REFINED_STARTS = 4;
/** Hooke–Jeeves stops when its step is below this, relative to max(1, |k|). */
const ACTION_TOLERANCE = 1e-10;
/** Brent's relative tolerance: near √ε, the best a minimiser located by function values can do. */
const LINE_TOLERANCE = 3e-9;
/** Two actions are distinct when a component differs by more than this, relative to max(1, |k|). */
const DISTINCT = 1e-6;

/** The points of a coarse axis: every step-th of `grid` (ascending), both ends kept. */
export function coarseAxis(grid: Float64Array, count: number): Float64Array {
  if (grid.length <= count) return grid;
  const step = Math.ceil((grid.length - 1) / (count - 1));
  const points: number[] = [];
  for (let i = 0; i < grid.length - 1; i += step) points.push(grid[i]);
  points.push(grid[grid.length - 1]);
  return Float64Array.from(points);
}

/**
 * Minimises `cost` over actions with m components, each within [axis[0], axis[last]]. `scale` is
 * the cost's natural size: a refinement must beat its grid point by more than the tie tolerance
 * times max(|J(grid point)|, scale), so that rounding in a near-zero cost (a sum of moments that
 * cancel) never moves an optimal grid action. `batch`, when given, computes the coarse costs in
 * one pass (equal to `cost` at each coarse action).
 */
export function searchAction(cost: CostFunction, axis: Float64Array, m: number, choice: ActionChoice, scale = 0, refine = true, batch?: BatchCost): ActionChoice {
  const safe: CostFunction = (k) => {
    const value = cost(k);
    return Number.isNaN(value) ? Infinity : value;
  };
  const costs = batch ? batchCosts(batch, axis.length ** m) : coarseCosts(safe, axis, m);
  const starts = lowestLocalMinima(costs, axis.length, m, REFINED_STARTS);
  const candidates = starts.map((index) => {
    const start = actionAt(index, axis, m);
    const startCost = costs[index];
    // A discrete policy (refine = false) plays grid actions only.
    if (!refine || !Number.isFinite(startCost)) return { action: start, cost: startCost };
    const refined = m === 1 ? refineLine(safe, axis, index, startCost) : refinePattern(safe, axis, start, startCost);
    const improved = refined.cost < startCost - TIE_RELATIVE_TOLERANCE * Math.max(Math.abs(startCost), scale);
    return improved ? refined : { action: start, cost: startCost };
  });
  return applyTieRule(candidates, choice);
}

/** The coarse costs from `batch`, NaN read as +∞ as in `safe`. */
function batchCosts(batch: BatchCost, count: number): Float64Array {
  const costs = new Float64Array(count);
  batch(costs);
  for (let index = 0; index < count; index++) if (Number.isNaN(costs[index])) costs[index] = Infinity;
  return costs;
}

/** Costs on the coarse grid, component 0 most significant (index order is lexicographic order). */
function coarseCosts(cost: CostFunction, axis: Float64Array, m: number): Float64Array {
  const g = axis.length;
  const costs = new Float64Array(g ** m);
  const k = new Float64Array(m);
  for (let index = 0; index < costs.length; index++) {
    writeAction(index, axis, m, k);
    costs[index] = cost(k);
  }
  return costs;
}

/** Coarse action number `index` (component 0 most significant) into `out`. */
export function writeAction(index: number, axis: Float64Array, m: number, out: Float64Array): Float64Array {
  const g = axis.length;
  for (let c = m - 1; c >= 0; c--) {
    out[c] = axis[index % g];
    index = Math.floor(index / g);
  }
  return out;
}

const actionAt = (index: number, axis: Float64Array, m: number) => writeAction(index, axis, m, new Float64Array(m));

/** Indices of the `count` lowest finite coarse costs with no lower axis neighbour (ties: lower index first). */
function lowestLocalMinima(costs: Float64Array, g: number, m: number, count: number): number[] {
  const minima: number[] = [];
  for (let index = 0; index < costs.length; index++) {
    const value = costs[index];
    if (!Number.isFinite(value)) continue;
    let isMinimum = true;
    for (let c = 0, stride = 1; c < m && isMinimum; c++, stride *= g) {
      const position = Math.floor(index / stride) % g;
      if (position > 0 && costs[index - stride] < value) isMinimum = false;
      if (position < g - 1 && costs[index + stride] < value) isMinimum = false;
    }
    if (isMinimum) minima.push(index);
  }
  minima.sort((a, b) => costs[a] - costs[b] || a - b);
  if (minima.length === 0) return [0];
  return minima.slice(0, count);
}

/**
 * Brent's minimisation on [x_{i−1}, x_{i+1}] ∩ grid range from grid point i: a parabola through
 * the three best points when its vertex falls inside the bracket and the steps shrink, a
 * golden-section step otherwise; stops when the bracket is within 2·tol of its best point.
 */
function refineLine(cost: CostFunction, axis: Float64Array, index: number, startCost: number): { action: Float64Array; cost: number } {
  const k = new Float64Array(1);
  const f = (u: number) => {
    k[0] = u;
    return cost(k);
  };
  const a = axis[Math.max(0, index - 1)];
  const b = axis[Math.min(axis.length - 1, index + 1)];
  const { x, fx } = brentMinimise(f, a, b, { relativeTolerance: LINE_TOLERANCE, absoluteTolerance: 1e-14, maxIterations: 100, start: axis[index], startValue: startCost });
  return { action: Float64Array.of(x), cost: fx };
}

/**
 * Hooke–Jeeves: explore ±step along each component, accepting improvements; after a successful
 * exploration jump along the move made (x + (x − x_old)) and explore there; halve the steps when
 * nothing improves. Components stay within the grid's range.
 */
function refinePattern(cost: CostFunction, axis: Float64Array, start: Float64Array, startCost: number): { action: Float64Array; cost: number } {
  const m = start.length;
  const [lo, hi] = [axis[0], axis[axis.length - 1]];
  let step = (hi - lo) / Math.max(1, axis.length - 1) / 2;
  let x: Float64Array = Float64Array.from(start);
  let fx = startCost;
  let evaluations = 0;
  const budget = 4000;
  const explore = (from: Float64Array, value: number): [Float64Array, number] => {
    const y = Float64Array.from(from);
    let fy = value;
    for (let c = 0; c < m; c++) {
      const old = y[c];
      for (const direction of [1, -1]) {
        y[c] = Math.min(hi, Math.max(lo, old + direction * step));
        if (y[c] === old) continue;
        const trial = cost(y);
        evaluations++;
        if (trial < fy) {
          fy = trial;
          break;
        }
        y[c] = old;
      }
    }
    return [y, fy];
  };
  while (step > ACTION_TOLERANCE * Math.max(1, ...x.map(Math.abs)) && evaluations < budget) {
    let [y, fy] = explore(x, fx);
    if (!(fy < fx)) {
      step /= 2;
      continue;
    }
    while (evaluations < budget) {
      const jump = Float64Array.from(y, (v, c) => Math.min(hi, Math.max(lo, 2 * v - x[c])));
      const [z, fz] = explore(jump, cost(jump));
      evaluations++;
      x = y;
      fx = fy;
      if (!(fz < fx)) break;
      [y, fy] = [z, fz];
    }
  }
  return { action: x, cost: fx };
}

function applyTieRule(candidates: { action: Float64Array; cost: number }[], choice: ActionChoice): ActionChoice {
  let least = Infinity;
  for (const c of candidates) if (c.cost < least) least = c.cost;
  choice.cost = least;
  choice.tied = false;
  if (!Number.isFinite(least)) {
    choice.action.fill(NaN);
    return choice;
  }
  const threshold = tieThreshold(least);
  let chosen: Float64Array | null = null;
  for (const c of candidates) {
    if (!(c.cost <= threshold)) continue;
    if (chosen === null) chosen = c.action;
    else if (distinct(c.action, chosen)) {
      choice.tied = true;
      if (lexicographicallySmaller(c.action, chosen)) chosen = c.action;
    }
  }
  choice.action.set(chosen as Float64Array);
  return choice;
}

function distinct(a: Float64Array, b: Float64Array): boolean {
  return a.some((x, i) => Math.abs(x - b[i]) > DISTINCT * Math.max(1, Math.abs(x)));
}

function lexicographicallySmaller(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
