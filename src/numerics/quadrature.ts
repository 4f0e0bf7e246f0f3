/**
 * Gauss–Hermite quadrature for the standard normal: E[f(ξ)] ≈ Σ_i w_i·f(x_i), ξ ~ N(0, 1), exact
 * for every polynomial f of degree ≤ 2n − 1.
 *
 * Golub–Welsch: the nodes are the eigenvalues of the Jacobi matrix of the monic Hermite
 * recurrence He_{k+1}(x) = x·He_k(x) − k·He_{k−1}(x), the symmetric tridiagonal matrix with zero
 * diagonal and off-diagonal entries J_{k−1,k} = √k (k = 1 … n − 1). Its eigenvalues are found
 * here by cyclic Jacobi rotations (n is small), then each node is polished by Newton's method on
 * the orthonormal recurrence
 *   p_0 = 1,  √(k+1)·p_{k+1}(x) = x·p_k(x) − √k·p_{k−1}(x),  p_n′(x) = √n·p_{n−1}(x),
 * and the weights are the Christoffel numbers w_i = 1 / Σ_{k<n} p_k(x_i)² (they sum to 1).
 */

export interface Quadrature {
  /** Nodes x_i, ascending and symmetric about 0. */
  readonly nodes: Float64Array;
  /** Weights w_i > 0 summing to 1. */
  readonly weights: Float64Array;
}

/** The largest rule offered (its outer nodes sit near ±19; more only adds weights below 1e−79). */
export const MAX_HERMITE_NODES = 100;

const cache = new Map<number, Quadrature>();

/** The n-point Gauss–Hermite rule for N(0, 1); the arrays are shared, do not modify them. */
export function gaussHermite(n: number): Quadrature {
  if (!Number.isInteger(n) || n < 1 || n > MAX_HERMITE_NODES) throw new RangeError(`gaussHermite: n must be a whole number from 1 to ${MAX_HERMITE_NODES}, got ${n}`);
  let rule = cache.get(n);
  if (!rule) {
    rule = computeRule(n);
    cache.set(n, rule);
  }
  return rule;
}

function computeRule(n: number): Quadrature {
  const nodes = jacobiMatrixEigenvalues(n).sort((a, b) => a - b);
  for (let i = 0; i < n; i++) nodes[i] = newtonPolish(nodes[i], n);
  // Exact symmetry: x_i = −x_{n−1−i}, and the middle node of an odd rule is 0.
  for (let i = 0; i < n >> 1; i++) {
    const x = (nodes[n - 1 - i] - nodes[i]) / 2;
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
  }
  if (n % 2 === 1) nodes[n >> 1] = 0;
  const weights = Float64Array.from(nodes, (x) => 1 / christoffelSum(x, n));
  // The exact weights sum to 1; dividing by the computed sum removes the last bits of rounding.
  const total = weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < n; i++) weights[i] /= total;
  return { nodes, weights };
}

/** Eigenvalues of the n×n Jacobi matrix by cyclic Jacobi rotations, each zeroing one off-diagonal entry. */
function jacobiMatrixEigenvalues(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let k = 1; k < n; k++) a[(k - 1) * n + k] = a[k * n + k - 1] = Math.sqrt(k);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-30 * n * n) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) rotate(a, n, p, q);
  }
  return Float64Array.from({ length: n }, (_, i) => a[i * n + i]);
}

/**
 * A ← RᵀAR with the plane rotation R in (p, q) that zeroes A_pq: with τ = (A_qq − A_pp)/(2A_pq),
 * t = sign(τ)/(|τ| + √(1 + τ²)) (the smaller root of t² + 2τt − 1 = 0), c = 1/√(1 + t²), s = t·c.
 */
function rotate(a: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q];
  if (apq === 0) return;
  const tau = (a[q * n + q] - a[p * n + p]) / (2 * apq);
  const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = t * c;
  for (let r = 0; r < n; r++) {
    const arp = a[r * n + p];
    const arq = a[r * n + q];
    a[r * n + p] = c * arp - s * arq;
    a[r * n + q] = s * arp + c * arq;
  }
  for (let r = 0; r < n; r++) {
    const apr = a[p * n + r];
    const aqr = a[q * n + r];
    a[p * n + r] = c * apr - s * aqr;
    a[q * n + r] = s * apr + c * aqr;
  }
}

/** p_{n−1}(x) and p_n(x) by the orthonormal recurrence. */
function orthonormal(x: number, n: number): [number, number] {
  let previous = 0;
  let current = 1;
  for (let k = 0; k < n; k++) {
    const next = (x * current - Math.sqrt(k) * previous) / Math.sqrt(k + 1);
    previous = current;
    current = next;
  }
  return [previous, current];
}

function newtonPolish(x: number, n: number): number {
  for (let iteration = 0; iteration < 5; iteration++) {
    const [pn1, pn] = orthonormal(x, n);
    const step = pn / (Math.sqrt(n) * pn1);
    if (!Number.isFinite(step)) break;
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** Σ_{k<n} p_k(x)², the reciprocal of the Christoffel weight at x. */
function christoffelSum(x: number, n: number): number {
  let previous = 0;
  let current = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += current * current;
    const next = (x * current - Math.sqrt(k) * previous) / Math.sqrt(k + 1);
    previous = current;
    current = next;
  }
  return sum;
}
