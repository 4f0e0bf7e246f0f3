/**
 * Tabulated policies (and slopes) on the evenly spaced γ grid linspace(0, 1, G), spacing h.
 * Between nodes: the Catmull–Rom cubic of interpolation.ts; in the cell [γ_i, γ_{i+1}],
 * t = (γ − γ_i)/h,
 *   v(γ) = Σ_r w_r(t)·v_{i−1+r},   w = ((−t³ + 2t² − t), (3t³ − 5t² + 2), (−3t³ + 4t² + t), (t³ − t²))/2,
 * with the quadratic ghosts v_{−1} = 3v_0 − 3v_1 + v_2 and v_G = 3v_{G−1} − 3v_{G−2} + v_{G−3} at the
 * ends (C¹, exact for quadratics). Across nodes: the slope a′(γ_i) from best responses at the
 * neighbouring nodes (policyDifference).
 */
import { catmullRom } from '../../numerics/interpolation.ts';

/** v(γ) of the tabulated values[offset … offset + count − 1] on linspace(0, 1, count). */
export function policyAt(values: Float64Array, offset: number, count: number, discount: number): number {
  const entries = catmullRomStencil(discount, 0, 1 / (count - 1), count, SCRATCH_INDEX, SCRATCH_WEIGHT);
  let v = 0;
  for (let e = 0; e < entries; e++) v += SCRATCH_WEIGHT[e] * values[offset + SCRATCH_INDEX[e]];
  return v;
}

const SCRATCH_INDEX = new Int32Array(4);
const SCRATCH_WEIGHT = new Float64Array(4);

/**
 * a′(γ_i) from best responses at the neighbouring nodes, a = a(γ_i) and respond(j) = a(γ_j): the
 * central difference (a_{i+1} − a_{i−1})/(2h) inside, (∓3a_i ± 4a_{i±1} ∓ a_{i±2})/(2h) at the ends.
 */
export function policyDifference(node: number, count: number, a: number, respond: (node: number) => number): number {
  const h = 1 / (count - 1);
  if (node === 0) return (-3 * a + 4 * respond(1) - respond(2)) / (2 * h);
  if (node === count - 1) return (3 * a - 4 * respond(count - 2) + respond(count - 3)) / (2 * h);
  return (respond(node + 1) - respond(node - 1)) / (2 * h);
}

/**
 * The Catmull–Rom (node, weight) pairs of x on the evenly spaced axis lo + i·h, i < count
 * (count ≥ 3), the quadratic ghosts folded into the end nodes as above; x is clamped to the axis.
 * Writes them into index/weight and returns their number (≤ 4): interpolation.ts's weights (its
 * 'cubic' kind), so tables interpolated either way agree.
 */
export function catmullRomStencil(x: number, lo: number, h: number, count: number, index: Int32Array, weight: Float64Array): number {
  const u = Math.min(count - 1, Math.max(0, (x - lo) / h));
  const i = Math.min(count - 2, Math.floor(u));
  const all = catmullRom(i, u - i, count, index, weight, 0);
  // Drop zero weights (at a node only the node itself remains), so sums skip them.
  let entries = 0;
  for (let e = 0; e < all; e++) {
    if (weight[e] === 0) continue;
    index[entries] = index[e];
    weight[entries] = weight[e];
    entries++;
  }
  return entries;
}
