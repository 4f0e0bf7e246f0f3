/**
 * Tabulated policies (and slopes) on the evenly spaced γ grid linspace(0, 1, G), spacing h.
 * Between nodes: the Catmull–Rom cubic of interpolation.ts; in the cell [γ_i, γ_{i+1}],
 * t = (γ − γ_i)/h,
 *   v(γ) = Σ_r w_r(t)·v_{i−1+r},   w = ((−t³ + 2t² − t), (3t³ − 5t² + 2), (−3t³ + 4t² + t), (t³ − t²))/2,
 * with the quadratic ghosts v_{−1} = 3v_0 − 3v_1 + v_2 and v_G = 3v_{G−1} − 3v_{G−2} + v_{G−3} at the
 * ends (C¹, exact for quadratics). Across nodes: the slope a′(γ_i) from best responses at the
 * neighbouring nodes (policyDifference).
 */

/** v(γ) of the tabulated values[offset … offset + count − 1] on linspace(0, 1, count). */
export function policyAt(values: Float64Array, offset: number, count: number, discount: number): number {
  const h = 1 / (count - 1);
  let i = Math.floor(discount / h);
  if (i > count - 2) i = count - 2;
  if (i < 0) i = 0;
  const t = discount / h - i;
  const t2 = t * t;
  const t3 = t2 * t;
  return (
    ((-t3 + 2 * t2 - t) * node(values, offset, count, i - 1) +
      (3 * t3 - 5 * t2 + 2) * values[offset + i] +
      (-3 * t3 + 4 * t2 + t) * values[offset + i + 1] +
      (t3 - t2) * node(values, offset, count, i + 2)) /
    2
  );
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
