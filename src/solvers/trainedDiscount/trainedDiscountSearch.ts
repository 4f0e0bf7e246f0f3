/**
 * One node of one training stage of the trained-discount game (trainedDiscountModel.ts). The
 * agent at discount γ_i plays the best response φ(γ_i, m) = argmin_a C(a; γ_i, m) to its forecast
 * of its own step on γ, the drift m = a·a′(γ_i) (γ' = clip(γ_i − 2κℓθ²m, 0, 1)). The base
 * optimizer's slope a′(γ_i) is the policy's central difference over the neighbouring γ nodes with
 * the forecast held fixed, (φ(γ_{i+1}, m) − φ(γ_{i−1}, m))/(2h), each solver computing the best
 * responses its own way; and the forecast must be right:
 *   m = T(m),   T(m) = φ(γ_i, m)·a′(γ_i; m),
 * a scalar fixed point per node. (The neighbours' best responses are the branches through the
 * node's own coefficient: warm-started local minima.)
 *
 * Why not the slope of the stage's solved policy, the central difference of the a_i themselves?
 * Then every node's drift depends on its neighbours' solutions, the nodes couple into a discretised
 * first-order ODE for a(γ), and at ℓ = 1 (γ's steps are O(1) and hit the clip at 1) Newton on the
 * coupled system stalls: the best responses jump, so it has no smooth solution. Holding the
 * forecast fixed keeps every node's problem scalar.
 *
 * T is not continuous: it jumps where a prior point's forecast γ' reaches the clip, or where a
 * best response switches branch. It may jump over the diagonal; then no exact fixed point exists
 * and the solution is the jump point m⋆, its slope taken as m⋆/φ (between the one-sided values) so
 * that the drift stays consistent. The gap T(m) − m is positive for m → −∞ and negative for
 * m → +∞ (T is bounded), so a sign change always exists: secant steps from the start first, then
 * steps doubling in length towards the sign change, and once it is bracketed, false position
 * (Illinois). With several sign changes the search picks the one it meets first from its start
 * (the solvers start from the later stage's solution at the node: continuation in time).
 *
 * Minimisation: a scan of [−1, 1], then Brent's method (golden section with parabolic steps) on
 * the scan's lowest local minima; later best responses start from the previous coefficient in a
 * narrow bracket, and the final coefficient is checked against a full scan (if the scan beats it,
 * the node is searched again with full scans throughout). The cost is flat to rounding within
 * about √ε of its minimum, so coefficients are good to about 1e−8.
 */
import { brentMinimise } from '../../numerics/brent.ts';
import { COEFFICIENT_BOUND } from './trainedDiscountModel.ts';
import { TIE_RELATIVE_TOLERANCE } from '../tieRule.ts';

/** One node's problem. */
export interface NodeProblem {
  /** C(a; m): the prior-averaged cost of playing a when the forecast drift is m. */
  cost(a: number, drift: number): number;
  /** a′(γ) at a = φ(γ, m), the drift held fixed. */
  slope(a: number, drift: number): number;
}

export interface NodeSolution {
  coefficient: number;
  slope: number;
  /** Evaluations of T (a best response and a slope each). */
  iterations: number;
  /** True when the drift is a jump point of T rather than a root of T(m) − m. */
  jump: boolean;
}

export interface NodeSearchOptions {
  /** Points of the first scan of [−1, 1]; default 41. */
  scanPoints?: number;
  /** The search ends when |T(m) − m| ≤ driftTolerance·(1 + |m|); default DRIFT_TOLERANCE. */
  driftTolerance?: number;
}

export const DRIFT_TOLERANCE = 1e-7;
/** A bracket of the drift this narrow (relative) is a jump point. */
const BRACKET_TOLERANCE = 1e-8;
const MAX_EVALUATIONS = 200;
/** Secant steps are at most this many plain steps (m ← T(m)) long. */
const SECANT_REACH = 10;
/** Evaluations of secant steps before doubling steps seek a bracket, and the first such step. */
const SECANT_STEPS = 8;
const EXPANSION_START = 0.01;
/** Half-width of the warm-started bracket around the previous coefficient. */
const WARM_BRACKET = 0.02;
/** Local minima of the scan refined at most (the lowest ones). */
const MAX_REFINED = 3;

interface Point {
  drift: number;
  gap: number;
  a: number;
  slope: number;
}

/** Where a node's search starts: a nearby solution (continuation), or m = 0. */
export interface NodeStart {
  drift: number;
  /** A coefficient near the first best response, or NaN for a full scan. */
  coefficient: number;
}

export function solveNode(problem: NodeProblem, options: NodeSearchOptions = {}, start: NodeStart = { drift: 0, coefficient: NaN }): NodeSolution {
  // Warm starts save most of the work; if one missed the global minimum, search again without.
  return searchDrift(problem, options, start, false) ?? searchDrift(problem, options, start, true)!;
}

/** The node's solution; null when a warm-started best response turned out not to be global. */
function searchDrift(problem: NodeProblem, options: NodeSearchOptions, start: NodeStart, alwaysGlobal: boolean): NodeSolution | null {
  const scan = options.scanPoints ?? 41;
  const tolerance = options.driftTolerance ?? DRIFT_TOLERANCE;
  const global = (drift: number) => minimiseOnInterval((x) => problem.cost(x, drift), -COEFFICIENT_BOUND, COEFFICIENT_BOUND, scan);
  let warm = start.coefficient;
  let evaluations = 0;
  const evaluate = (drift: number): Point => {
    evaluations++;
    const a = alwaysGlobal || Number.isNaN(warm) ? global(drift) : warmMinimum((x) => problem.cost(x, drift), warm, scan);
    if (Number.isNaN(a)) throw new Error('trained discount: no coefficient has a finite cost');
    warm = a;
    const slope = problem.slope(a, drift);
    return { drift, gap: a * slope - drift, a, slope };
  };
  const settled = (p: Point) => Math.abs(p.gap) <= tolerance * (1 + Math.abs(p.drift));
  const finish = (p: Point, jump: boolean): NodeSolution | null => {
    // A warm-started minimum must beat every point of the global scan.
    if (!alwaysGlobal && scanBeats(problem, p, scan)) return null;
    return { coefficient: p.a, slope: p.slope, iterations: evaluations, jump };
  };
  let point = evaluate(start.drift);
  let previous: Point | null = null;
  // Two points whose gaps have opposite signs bracket a sign change; their gaps as false
  // position weighs them (Illinois: an end kept twice in a row has its weight halved).
  let negative: Point | null = null;
  let positive: Point | null = null;
  let negativeWeight = 0;
  let positiveWeight = 0;
  let lastReplaced = 0;
  let expansion = EXPANSION_START / 2;
  while (evaluations < MAX_EVALUATIONS) {
    if (settled(point)) return finish(point, false);
    const bracketed = negative !== null && positive !== null;
    if (!bracketed || (point.drift - negative!.drift) * (point.drift - positive!.drift) < 0) {
      const side = point.gap < 0 ? -1 : 1;
      if (side < 0) [negative, negativeWeight] = [point, point.gap];
      else [positive, positiveWeight] = [point, point.gap];
      if (bracketed && side === lastReplaced) {
        if (side < 0) positiveWeight /= 2;
        else negativeWeight /= 2;
      }
      lastReplaced = side;
    }
    let next: number;
    if (negative && positive) {
      const span = Math.abs(negative.drift - positive.drift);
      if (span <= BRACKET_TOLERANCE * (1 + Math.abs(negative.drift))) {
        // A jump of T over the diagonal: the drift is the jump point, the slope the one that keeps it.
        const mid = evaluate((negative.drift + positive.drift) / 2);
        if (settled(mid)) return finish(mid, false);
        return finish({ ...mid, slope: mid.a === 0 ? mid.slope : mid.drift / mid.a }, true);
      }
      next = negative.drift - (negativeWeight * (positive.drift - negative.drift)) / (positiveWeight - negativeWeight);
      if (!Number.isFinite(next)) next = (negative.drift + positive.drift) / 2;
    } else if (evaluations < SECANT_STEPS) {
      // Not yet bracketed: a secant step on the gap, or a plain step m ← T(m).
      next = point.drift + point.gap;
      if (previous && point.gap !== previous.gap) {
        const secant = (-point.gap * (point.drift - previous.drift)) / (point.gap - previous.gap);
        if (Math.abs(secant) <= SECANT_REACH * Math.abs(point.gap)) next = point.drift + secant;
      }
    } else {
      // Still not bracketed: steps doubling in length towards the sign change, which exists on
      // the side the gap points to (T − m → ∓∞ as m → ±∞).
      expansion *= 2;
      next = point.drift + Math.sign(point.gap) * expansion;
    }
    previous = point;
    point = evaluate(next);
  }
  throw new Error(`trained discount: the forecast drift did not settle in ${MAX_EVALUATIONS} evaluations`);
}

/** True when some point of the scan of [−1, 1] costs less than the point's coefficient. */
function scanBeats(problem: NodeProblem, p: Point, scan: number): boolean {
  const value = problem.cost(p.a, p.drift);
  const threshold = value - TIE_RELATIVE_TOLERANCE * Math.abs(value);
  const step = (2 * COEFFICIENT_BOUND) / (scan - 1);
  for (let j = 0; j < scan; j++) {
    if (problem.cost(-COEFFICIENT_BOUND + j * step, p.drift) < threshold) return true;
  }
  return false;
}

/** Brent's minimum in [previous ± WARM_BRACKET]; the full search when it lands on the bracket's edge. */
export function warmMinimum(f: (x: number) => number, previous: number, scan: number): number {
  const lo = Math.max(-COEFFICIENT_BOUND, previous - WARM_BRACKET);
  const hi = Math.min(COEFFICIENT_BOUND, previous + WARM_BRACKET);
  const x = brentMinimum(f, lo, hi);
  const edge = 1e-6;
  if ((x - lo < edge && lo > -COEFFICIENT_BOUND) || (hi - x < edge && hi < COEFFICIENT_BOUND)) {
    return minimiseOnInterval(f, -COEFFICIENT_BOUND, COEFFICIENT_BOUND, scan);
  }
  return x;
}

/**
 * The global minimiser of f on [lo, hi]: a scan of `scan` evenly spaced points, then Brent's
 * method on the lowest local minima of the scan. Among minima whose values are equal within the
 * shared tie tolerance the smallest x wins. NaN when no value is finite.
 */
export function minimiseOnInterval(f: (x: number) => number, lo: number, hi: number, scan: number): number {
  const step = (hi - lo) / (scan - 1);
  const values = new Float64Array(scan);
  for (let j = 0; j < scan; j++) values[j] = f(j === scan - 1 ? hi : lo + j * step);
  const candidates: number[] = [];
  for (let j = 0; j < scan; j++) {
    const left = j > 0 ? values[j - 1] : Infinity;
    const right = j < scan - 1 ? values[j + 1] : Infinity;
    if (values[j] <= left && values[j] <= right && Number.isFinite(values[j])) candidates.push(j);
  }
  candidates.sort((p, q) => values[p] - values[q]);
  let best = NaN;
  let bestValue = Infinity;
  for (const j of candidates.slice(0, MAX_REFINED)) {
    const x = brentMinimum(f, Math.max(lo, lo + (j - 1) * step), Math.min(hi, lo + (j + 1) * step));
    const value = f(x);
    const tolerance = TIE_RELATIVE_TOLERANCE * Math.abs(bestValue);
    if (Number.isNaN(best) || value < bestValue - tolerance || (value <= bestValue + tolerance && x < best)) {
      best = x;
      bestValue = Math.min(value, bestValue);
    }
  }
  return best;
}

const RELATIVE_TOLERANCE = 1.5e-8;
const ABSOLUTE_TOLERANCE = 1e-11;

/** Brent's method (src/optim/brent.ts) for a minimum of f in [a, b], at this search's tolerances. */
export function brentMinimum(f: (x: number) => number, a: number, b: number): number {
  return brentMinimise(f, a, b, { relativeTolerance: RELATIVE_TOLERANCE, absoluteTolerance: ABSOLUTE_TOLERANCE, maxIterations: 200 }).x;
}
