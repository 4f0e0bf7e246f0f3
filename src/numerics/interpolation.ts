/**
 * Tables on tensor grids and their interpolation: the dp solver's value functions W(z). Both
 * kinds are tensor products of one-axis rules, with z_j between nodes x_i and x_{i+1} and
 * t = (z_j − x_i)/h:
 * - 'linear' (multilinear): weights 1 − t and t on x_i, x_{i+1}. Exact for functions affine in
 *   each coordinate separately (1, z_j, z_i·z_j, …); for a smooth W the error is
 *   |W − W̃| ≤ Σ_j h_j²/8·max|∂²W/∂z_j²| = O(h²), but the interpolant is only continuous: its slope
 *   errs by O(h), and an agent's cost gets O(h²) ripples whose minima attract the chosen action by
 *   up to O(h) — strongly when every prior point's successor lands on a node at once (where the
 *   error of a convex W vanishes), so convergence in h is irregular.
 * - 'cubic' (Catmull–Rom, evenly spaced axes of ≥ 3 nodes): the cubic Hermite interpolant with
 *   slopes (W_{i+1} − W_{i−1})/(2h), weights on x_{i−1} … x_{i+2}
 *     ((−t³ + 2t² − t), (3t³ − 5t² + 2), (−3t³ + 4t² + t), (t³ − t²))/2;
 *   at an end the missing node is the quadratic ghost W_{−1} = 3W_0 − 3W_1 + W_2. It is C¹, exact
 *   for quadratics (so exact on LQ games, whose W2 = zᵀPz), with error O(h³) otherwise.
 *   Unevenly spaced axes (frozen copies' points) interpolate linearly.
 *
 * Outside the grid, along each axis beyond an end, the quadratic through the end node and the
 * nodes s and 2s steps inward, s = max(1, ⌊(G − 1)/4⌋) (Lagrange weights); axes of 2 nodes
 * extrapolate linearly, of 1 node constantly. A quadratic W such as the LQ case's zᵀPz thus
 * continues exactly (up to the table's own error), and the wide stencil keeps the O(h²) ripples
 * of an interpolated table from turning into O(1) errors of the extrapolated curvature.
 *
 * A point's stencil is the tensor product of its ≤ 3 (node, weight) pairs per axis: ≤ 3^d entries.
 */
import { linspace } from './linspace.ts';

export interface Axis {
  /** Ascending, distinct. */
  readonly nodes: Float64Array;
  /** The spacing when the nodes are evenly spaced (then located in O(1)); 0 otherwise. */
  readonly spacing: number;
  /** s: the extrapolating quadratic uses the end node and the nodes s and 2s steps inward. */
  readonly reach: number;
}

export type InterpolationKind = 'cubic' | 'linear';

/** `count` evenly spaced nodes from lo to hi. */
export function evenAxis(lo: number, hi: number, count: number): Axis {
  if (!(count >= 1) || !Number.isInteger(count)) throw new RangeError(`evenAxis: count must be a whole number ≥ 1, got ${count}`);
  if (!(hi > lo) && count > 1) throw new RangeError(`evenAxis: needs lo < hi, got [${lo}, ${hi}]`);
  const nodes = linspace(lo, hi, count);
  return { nodes, spacing: count > 1 ? (hi - lo) / (count - 1) : 0, reach: reachOf(count) };
}

/** An axis on the given points (sorted, duplicates removed). */
export function pointsAxis(points: ArrayLike<number>): Axis {
  const nodes = Float64Array.from(new Set(Array.from(points))).sort();
  if (nodes.length === 0 || !nodes.every(Number.isFinite)) throw new RangeError('pointsAxis: needs at least one point, all finite');
  return { nodes, spacing: 0, reach: reachOf(nodes.length) };
}

const reachOf = (count: number) => Math.max(1, Math.floor((count - 1) / 4));

/** The nodes of several axes; tables list them with axis 0 varying fastest. */
export class TensorGrid {
  readonly axes: readonly Axis[];
  readonly dimension: number;
  readonly size: number;
  readonly strides: Int32Array;
  readonly kind: InterpolationKind;

  constructor(axes: readonly Axis[], kind: InterpolationKind = 'linear') {
    this.axes = axes;
    this.kind = kind;
    this.dimension = axes.length;
    this.strides = new Int32Array(axes.length);
    let size = 1;
    axes.forEach((axis, j) => {
      this.strides[j] = size;
      size *= axis.nodes.length;
    });
    this.size = size;
  }

  /** The coordinates of node `index`, written into `out`. */
  coordinates(index: number, out: Float64Array): Float64Array {
    for (let j = 0; j < this.dimension; j++) {
      const count = this.axes[j].nodes.length;
      out[j] = this.axes[j].nodes[index % count];
      index = Math.floor(index / count);
    }
    return out;
  }

  /** Every node's coordinates, node-major: out[c·d + j]. */
  allCoordinates(): Float64Array {
    const d = this.dimension;
    const out = new Float64Array(this.size * d);
    const point = new Float64Array(d);
    for (let c = 0; c < this.size; c++) out.set(this.coordinates(c, point), c * d);
    return out;
  }
}

/** Entries of one axis's rule at most: 4 (cubic inside), 3 (quadratic outside) or 2 (linear). */
const PER_AXIS = 4;

/** Where a point sits in a grid: table indices and weights (reused between calls, no allocation). */
export class Stencil {
  count = 0;
  /** The second table's value from the last interpolatePair. */
  second = NaN;
  readonly indices: Int32Array;
  readonly weights: Float64Array;
  private readonly axisIndices: Int32Array;
  private readonly axisWeights: Float64Array;

  constructor(dimension: number) {
    this.indices = new Int32Array(PER_AXIS ** dimension);
    this.weights = new Float64Array(PER_AXIS ** dimension);
    this.axisIndices = new Int32Array(PER_AXIS * dimension);
    this.axisWeights = new Float64Array(PER_AXIS * dimension);
  }

  /** Locates `point` (its first grid.dimension entries) in `grid`. */
  locate(grid: TensorGrid, point: ArrayLike<number>): this {
    const { indices, weights, axisIndices, axisWeights } = this;
    if (grid.dimension === 1) {
      this.count = axisStencil(grid.axes[0], point[0], grid.kind === 'cubic', indices, weights, 0);
      return this;
    }
    indices[0] = 0;
    weights[0] = 1;
    let count = 1;
    const cubic = grid.kind === 'cubic';
    for (let j = 0; j < grid.dimension; j++) {
      const o = PER_AXIS * j;
      const c = axisStencil(grid.axes[j], point[j], cubic, axisIndices, axisWeights, o);
      const stride = grid.strides[j];
      // Expand in place: copies r = c−1 … 1 first, then entry r = 0 overwrites the originals.
      for (let r = c - 1; r >= 0; r--) {
        const offset = axisIndices[o + r] * stride;
        const w = axisWeights[o + r];
        for (let e = 0; e < count; e++) {
          indices[r * count + e] = indices[e] + offset;
          weights[r * count + e] = weights[e] * w;
        }
      }
      count *= c;
    }
    this.count = count;
    return this;
  }

  /** W̃ at the located point. */
  interpolate(table: Float64Array): number {
    let sum = 0;
    for (let e = 0; e < this.count; e++) sum += this.weights[e] * table[this.indices[e]];
    return sum;
  }

  /** Two tables at the located point in one pass: the first returned, the second left in `second`. */
  interpolatePair(first: Float64Array, second: Float64Array): number {
    let a = 0;
    let b = 0;
    for (let e = 0; e < this.count; e++) {
      const index = this.indices[e];
      a += this.weights[e] * first[index];
      b += this.weights[e] * second[index];
    }
    this.second = b;
    return a;
  }
}

/** One axis's (node, weight) pairs for coordinate x, written at `offset`; returns their number. */
function axisStencil(axis: Axis, x: number, cubic: boolean, index: Int32Array, weight: Float64Array, offset: number): number {
  const nodes = axis.nodes;
  const count = nodes.length;
  if (count === 1 || !Number.isFinite(x)) {
    index[offset] = 0;
    weight[offset] = Number.isFinite(x) ? 1 : NaN;
    return 1;
  }
  const lo = nodes[0];
  const hi = nodes[count - 1];
  if (x < lo || x > hi) return extrapolate(axis, x, index, weight, offset);
  let i = axis.spacing > 0 ? Math.min(count - 2, Math.floor((x - lo) / axis.spacing)) : search(nodes, x);
  // Rounding can put an evenly spaced x one cell off: step back into [x_i, x_{i+1}].
  if (nodes[i] > x) i--;
  else if (nodes[i + 1] < x) i++;
  const t = (x - nodes[i]) / (nodes[i + 1] - nodes[i]);
  if (t === 0 || t === 1) {
    index[offset] = t === 0 ? i : i + 1;
    weight[offset] = 1;
    return 1;
  }
  if (cubic && axis.spacing > 0 && count >= 3) return catmullRom(i, t, count, index, weight, offset);
  index[offset] = i;
  weight[offset] = 1 - t;
  index[offset + 1] = i + 1;
  weight[offset + 1] = t;
  return 2;
}

/**
 * Catmull–Rom weights for t ∈ [0, 1] in the cell [x_i, x_{i+1}] of an evenly spaced axis of
 * `count` ≥ 3 nodes, on x_{i−1} … x_{i+2}, a missing end node replaced by its quadratic ghost;
 * written at `offset`, returns their number (3 at an end, else 4). The one copy of these weights.
 */
export function catmullRom(i: number, t: number, count: number, index: Int32Array, weight: Float64Array, offset: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  let w0 = (-t3 + 2 * t2 - t) / 2;
  let w1 = (3 * t3 - 5 * t2 + 2) / 2;
  let w2 = (-3 * t3 + 4 * t2 + t) / 2;
  const w3 = (t3 - t2) / 2;
  let first = i - 1;
  if (i === 0) {
    // Ghost W_{−1} = 3W_0 − 3W_1 + W_2: the rule moves onto x_0, x_1, x_2.
    const ghost = w0;
    w0 = w1 + 3 * ghost;
    w1 = w2 - 3 * ghost;
    w2 = w3 + ghost;
    first = 0;
  } else if (i + 2 === count) {
    // Ghost W_count = 3W_{count−1} − 3W_{count−2} + W_{count−3}.
    w0 += w3;
    w1 -= 3 * w3;
    w2 += 3 * w3;
  }
  index[offset] = first;
  weight[offset] = w0;
  index[offset + 1] = first + 1;
  weight[offset + 1] = w1;
  index[offset + 2] = first + 2;
  weight[offset + 2] = w2;
  if (i === 0 || i + 2 === count) return 3;
  index[offset + 3] = first + 3;
  weight[offset + 3] = w3;
  return 4;
}

/** The largest i ≤ count − 2 with nodes[i] ≤ x (x within the axis). */
function search(nodes: Float64Array, x: number): number {
  let lo = 0;
  let hi = nodes.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nodes[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function extrapolate(axis: Axis, x: number, index: Int32Array, weight: Float64Array, offset: number): number {
  const nodes = axis.nodes;
  const count = nodes.length;
  if (count === 2) {
    const t = (x - nodes[0]) / (nodes[1] - nodes[0]);
    index[offset] = 0;
    weight[offset] = 1 - t;
    index[offset + 1] = 1;
    weight[offset + 1] = t;
    return 2;
  }
  const s = axis.reach;
  const above = x > nodes[count - 1];
  const i0 = above ? count - 1 : 0;
  const i1 = above ? count - 1 - s : s;
  const i2 = above ? count - 1 - 2 * s : 2 * s;
  const u0 = nodes[i0];
  const u1 = nodes[i1];
  const u2 = nodes[i2];
  index[offset] = i0;
  index[offset + 1] = i1;
  index[offset + 2] = i2;
  weight[offset] = ((x - u1) * (x - u2)) / ((u0 - u1) * (u0 - u2));
  weight[offset + 1] = ((x - u0) * (x - u2)) / ((u1 - u0) * (u1 - u2));
  weight[offset + 2] = ((x - u0) * (x - u1)) / ((u2 - u0) * (u2 - u1));
  return 3;
}
