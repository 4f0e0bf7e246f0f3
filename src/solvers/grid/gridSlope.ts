/**
 * Where agent n's cost g can turn, with signs certified against rounding (for the grid solver's
 * fast path, gridFastPath.ts). With c = 1 − 2ℓλ (exact.ts),
 *   g′(a) = p(a) = C3·a³ + C1·a − 2,  C3 = 16γℓ²A ≥ 0,  C1 = 2 − 8γℓcA + 8γℓB.
 * p(0) = −2 and p′(a) = 3C3·a² + C1, so the signs of p along the real line run
 *   −, +          C1 > 0 (p increasing), or C3 > 0 and |C1|³ < 27C3: one root;
 *   −, +, −, +    C3 > 0, C1 < 0, |C1|³ > 27C3 (p(−s) = 2C3s³ − 2 > 0 at s² = −C1/3C3): three;
 *   +, −          C3 = 0 > C1: one root.
 * Rounding (u = 2⁻⁵³, first-order analysis; τ = 2⁻¹⁰⁷⁰ > the absolute error of an underflowing
 * operation): |c3 − C3| ≤ 3u·c3 + τ(1 + (1 + 16ℓ)A), |c1 − C1| ≤ 7u·K1 + τ(1 + 8(1 + 2ℓλ)A + 8|B|)
 * with K1 = 2 + 8γℓ(1 + 2ℓλ)A + 8γℓ|B|, and evaluating p̂(a) = (c3a² + c1)a − 2 adds at most
 * 4.02u·(c3|a|³ + |c1||a| + 2). The tests below take twice these bounds or more, so a sign they
 * certify is the exact p's; closer calls are left open (the caller scans).
 */
import { depressedCubicRoots } from '../../numerics/cubic.ts';
import type { SuffixMoments } from '../suffixMoments.ts';

const U = Number.EPSILON / 2;
const TINY = 2 ** -1070;
const CUBE_MARGIN = 16 * U;

export interface Slope {
  /** The computed p̂(a) = c3·a³ + c1·a − 2. */
  c3: number;
  c1: number;
  /** Twice the bound on |c1 − C1| above. */
  c1Slack: number;
  /** |p(a) − p̂(a)| < (cubicMargin·a² + linearMargin)·|a| + 20u. */
  cubicMargin: number;
  linearMargin: number;
  /** How many real roots p has, 1 or 3; 0 when rounding leaves it open. */
  roots: number;
  /** The sign of p far to the left, −1 or 1 (far to the right it is the opposite). */
  leftSign: number;
}

export const newSlope = (): Slope => ({ c3: 0, c1: 0, c1Slack: 0, cubicMargin: 0, linearMargin: 0, roots: 0, leftSign: -1 });

/**
 * Whether C1 > 0 is certified (c1 > c1Slack): then g″ = p′ = 3C3·a² + C1 > 0 everywhere (C3 ≥ 0),
 * so g is convex (gridConvex.ts). The fast path's first test: it needs neither C3 nor the
 * margins of slopeSign, and fills in only c1 and c1Slack.
 */
export function costIsConvex(slope: Slope, rate: number, regularizer: number, future: SuffixMoments, discount: number): boolean {
  setLinearTerms(slope, rate, regularizer, future, discount);
  return slope.c1 > slope.c1Slack && slope.c1 < Infinity;
}

/** c1 = 2 − 8γℓ(1 − 2ℓλ)A + 8γℓB, the computed C1, and its slack. */
function setLinearTerms(slope: Slope, rate: number, regularizer: number, { A, B }: SuffixMoments, discount: number): void {
  const gl = discount * rate;
  const shrink = 1 + 2 * Math.abs(rate * regularizer); // ≥ |c|
  const k1 = 2 + 8 * Math.abs(gl) * shrink * A + 8 * Math.abs(gl * B);
  slope.c1 = 2 - 8 * gl * (1 - 2 * rate * regularizer) * A + 8 * gl * B;
  slope.c1Slack = 2 * (8 * U * k1 + TINY * (1 + 8 * shrink * A + 8 * Math.abs(B)));
}

/** Fills in `slope` for learning rate ℓ and the future's moments. */
export function certifySlope(slope: Slope, rate: number, regularizer: number, future: SuffixMoments, discount: number): Slope {
  const { A } = future;
  const gl = discount * rate;
  const c3 = 16 * gl * rate * A;
  const c3Slack = 2 * (4 * U * c3 + TINY * (1 + (1 + 16 * Math.abs(rate)) * A));
  setLinearTerms(slope, rate, regularizer, future, discount);
  const { c1, c1Slack } = slope;
  slope.c3 = c3;
  slope.cubicMargin = c3Slack + 10 * U * c3;
  slope.linearMargin = c1Slack + 10 * U * Math.abs(c1) + TINY;
  slope.roots = 0;
  slope.leftSign = -1;
  if (!(Number.isFinite(c3) && Number.isFinite(c1) && Number.isFinite(c3Slack) && Number.isFinite(c1Slack))) return slope;
  if (c1 > c1Slack) {
    slope.roots = 1;
    return slope;
  }
  if (c3 === 0 && (discount === 0 || rate === 0 || A === 0)) {
    // C3 = 0 exactly (not an underflow).
    if (c1 < -c1Slack) {
      slope.roots = 1;
      slope.leftSign = 1;
    }
    return slope;
  }
  const [c3Low, c3High] = [c3 - c3Slack, c3 + c3Slack];
  if (!(c3Low > 0)) return slope;
  // 0 ≤ −C1 ≤ most, and −C1 ≥ least; the cubes' own rounding is inside CUBE_MARGIN.
  const most = c1Slack - c1;
  const least = -c1 - c1Slack;
  if (most * most * most * (1 + CUBE_MARGIN) < 27 * c3Low * (1 - CUBE_MARGIN)) slope.roots = 1;
  else if (least > 0 && least * least * least * (1 - CUBE_MARGIN) > 27 * c3High * (1 + CUBE_MARGIN)) slope.roots = 3;
  return slope;
}

/** The computed p̂(a). */
const slopeAt = (slope: Slope, a: number): number => (slope.c3 * a * a + slope.c1) * a - 2;

/** The sign of the exact p(a), or 0 when rounding leaves it open. */
export function slopeSign(slope: Slope, a: number): number {
  const value = slopeAt(slope, a);
  const size = Math.abs(a);
  const margin = (slope.cubicMargin * size * size + slope.linearMargin) * size + 20 * U;
  return value > margin ? 1 : value < -margin ? -1 : 0;
}

/**
 * Points off the grid where p's sign is known, written into `anchors` in increasing order: with
 * three roots, p > 0 at the local maximum −s (certified by the caller) and p(0) = −2. They let
 * the fast path count roots that lie off the grid or between two neighbouring grid points.
 */
export function offGridAnchors(slope: Slope, anchors: Float64Array): number {
  if (slope.roots !== 3) return 0;
  anchors[0] = -Math.sqrt(-slope.c1 / (3 * slope.c3));
  anchors[1] = 0;
  return 2;
}

/**
 * The grid brackets of p's roots, in increasing order, written into `brackets`: j with
 * grid_j ≤ root < grid_{j+1} near enough (−1 before the grid, G−1 after it); returns how many
 * (0 when the cubic solver disagrees with the certified count). They need only be close: the fast
 * path certifies the signs around them. One root: a search on the sign of p̂ from `hint`.
 */
export function rootBrackets(slope: Slope, grid: Float64Array, hint: number, roots: Float64Array, brackets: Int32Array): number {
  if (slope.roots === 1) {
    brackets[0] = lastWithLeftSign(slope, grid, Math.min(Math.max(hint, 0), grid.length - 1));
    return 1;
  }
  if (depressedCubicRoots(slope.c3, slope.c1, -2, roots) !== 3) return 0;
  roots.sort();
  for (let k = 0; k < 3; k++) brackets[k] = lastAtMost(grid, roots[k]);
  return 3;
}

const hasLeftSign = (slope: Slope, a: number): boolean => slopeAt(slope, a) * slope.leftSign > 0;

/** The last index whose p̂ has the left sign (−1 if none): gallop from `hint`, then bisect. */
function lastWithLeftSign(slope: Slope, grid: Float64Array, hint: number): number {
  const count = grid.length;
  // Invariant: lo is −1 or has the left sign; hi is G or has not.
  let lo = hint;
  let hi = hint;
  let step = 1;
  if (hasLeftSign(slope, grid[hint])) {
    for (hi = lo + 1; hi < count && hasLeftSign(slope, grid[hi]); hi = lo + step) {
      lo = hi;
      step *= 2;
    }
    hi = Math.min(hi, count);
  } else {
    for (lo = hi - 1; lo >= 0 && !hasLeftSign(slope, grid[lo]); lo = hi - step) {
      hi = lo;
      step *= 2;
    }
    lo = Math.max(lo, -1);
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (hasLeftSign(slope, grid[mid])) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The last index with grid_i ≤ x (−1 if none, or if x is NaN). */
function lastAtMost(grid: Float64Array, x: number): number {
  let lo = -1;
  let hi = grid.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (grid[mid] <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}
