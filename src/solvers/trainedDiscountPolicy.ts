/**
 * A stage's policy a(γ) between the nodes of the evenly spaced γ grid (spacing h): the
 * Catmull–Rom cubic of interpolation.ts, here with its derivative, which the base optimizer's
 * step on γ needs. In the cell [γ_i, γ_{i+1}], t = (γ − γ_i)/h,
 *   a(γ)  = Σ_r w_r(t)·a_{i−1+r},   a′(γ) = Σ_r w_r′(t)·a_{i−1+r} / h,
 *   w = ((−t³ + 2t² − t), (3t³ − 5t² + 2), (−3t³ + 4t² + t), (t³ − t²))/2,
 *   w′ = ((−3t² + 4t − 1), (9t² − 10t), (−9t² + 8t + 1), (3t² − 2t))/2,
 * with the quadratic ghosts a_{−1} = 3a_0 − 3a_1 + a_2 and a_G = 3a_{G−1} − 3a_{G−2} + a_{G−3}
 * at the ends. The interpolant is C¹ and its slope at a node is the central difference
 * (a_{i+1} − a_{i−1})/(2h) (one-sided second order at the ends, through the ghost): the slope of
 * a smooth policy — each node's coefficient is a continuous minimiser, not a grid argmin — to
 * O(h²).
 */

export interface PolicyPoint {
  value: number;
  slope: number;
}

/** a(γ) and a′(γ) of the policy values[offset … offset + count − 1] on linspace(0, 1, count). */
export function policyAt(values: Float64Array, offset: number, count: number, discount: number, out: PolicyPoint): PolicyPoint {
  const h = 1 / (count - 1);
  let i = Math.floor(discount / h);
  if (i > count - 2) i = count - 2;
  if (i < 0) i = 0;
  const t = discount / h - i;
  const v0 = node(values, offset, count, i - 1);
  const v1 = values[offset + i];
  const v2 = values[offset + i + 1];
  const v3 = node(values, offset, count, i + 2);
  const t2 = t * t;
  const t3 = t2 * t;
  out.value = ((-t3 + 2 * t2 - t) * v0 + (3 * t3 - 5 * t2 + 2) * v1 + (-3 * t3 + 4 * t2 + t) * v2 + (t3 - t2) * v3) / 2;
  out.slope = ((-3 * t2 + 4 * t - 1) * v0 + (9 * t2 - 10 * t) * v1 + (-9 * t2 + 8 * t + 1) * v2 + (3 * t2 - 2 * t) * v3) / (2 * h);
  return out;
}

/** The interpolant's slope at every node, written into slopes[offset …]. */
export function nodeSlopes(values: Float64Array, offset: number, count: number, slopes: Float64Array): void {
  const h = 1 / (count - 1);
  for (let i = 0; i < count; i++) {
    slopes[offset + i] = (node(values, offset, count, i + 1) - node(values, offset, count, i - 1)) / (2 * h);
  }
}

/** a_j for −1 ≤ j ≤ count, the out-of-range ones the quadratic ghosts. */
function node(values: Float64Array, offset: number, count: number, j: number): number {
  if (j < 0) return 3 * values[offset] - 3 * values[offset + 1] + values[offset + 2];
  if (j >= count) return 3 * values[offset + count - 1] - 3 * values[offset + count - 2] + values[offset + count - 3];
  return values[offset + j];
}

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
 * Writes them into index/weight and returns their number (≤ 4). The same weights as
 * interpolation.ts's 'cubic' kind, so tables interpolated either way agree.
 */
export function catmullRomStencil(x: number, lo: number, h: number, count: number, index: Int32Array, weight: Float64Array): number {
  const u = Math.min(count - 1, Math.max(0, (x - lo) / h));
  const i = Math.min(count - 2, Math.floor(u));
  const t = u - i;
  const t2 = t * t;
  const t3 = t2 * t;
  // Weights of the nodes i − 1 … i + 2.
  let w0 = (-t3 + 2 * t2 - t) / 2;
  let w1 = (3 * t3 - 5 * t2 + 2) / 2;
  let w2 = (-3 * t3 + 4 * t2 + t) / 2;
  let w3 = (t3 - t2) / 2;
  if (i === 0) {
    w1 += 3 * w0;
    w2 -= 3 * w0;
    w3 += w0;
    w0 = 0;
  }
  if (i + 2 === count) {
    w2 += 3 * w3;
    w1 -= 3 * w3;
    w0 += w3;
    w3 = 0;
  }
  let entries = 0;
  for (let r = 0; r < 4; r++) {
    const w = r === 0 ? w0 : r === 1 ? w1 : r === 2 ? w2 : w3;
    const node = i - 1 + r;
    if (w === 0 || node < 0 || node >= count) continue;
    index[entries] = node;
    weight[entries] = w;
    entries++;
  }
  return entries;
}
