/**
 * L-BFGS minimisation of a smooth f: ℝᵈ → ℝ with a hand-written gradient (Nocedal & Wright,
 * "Numerical Optimization", §7.2). Each iteration steps x ← x + t·p along p = −H·∇f, where H,
 * the inverse-Hessian estimate, is applied by the two-loop recursion over the last m pairs
 *   s_k = x_{k+1} − x_k,  y_k = ∇f_{k+1} − ∇f_k,  ρ_k = 1/(y_kᵀs_k),
 * starting from H₀ = (sᵀy / yᵀy)·I of the newest pair. The step t satisfies the weak Wolfe
 * conditions
 *   f(x + t·p) ≤ f(x) + c₁·t·∇fᵀp   and   ∇f(x + t·p)ᵀp ≥ c₂·∇fᵀp,
 * found by bracketing (double t until too long, then bisect; Lewis & Overton's line search), so
 * every stored pair has yᵀs > 0 and H stays positive definite. A trial point whose value is not
 * finite counts as too long. Deterministic: no randomness, fixed arithmetic order.
 *
 * Chosen over Adam for the neural solver's agents: their costs are smooth, deterministic and
 * exactly differentiated (no minibatch noise), where a quasi-Newton method converges to a
 * precise minimiser in far fewer evaluations, without a learning rate to tune.
 */

/** f(x), writing ∇f(x) into `gradient`. Must not keep or modify x. */
export type DifferentiableFunction = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Number m of (s, y) pairs kept. Default 10. */
  readonly memory?: number;
  /** Iteration cap. Default 1000. */
  readonly maxIterations?: number;
  /** Stop when max_i |∂f/∂x_i| ≤ this. Default 1e−10. */
  readonly gradientTolerance?: number;
  /** Stop when an iteration lowers f by at most this times |f|. Default 1e−13. */
  readonly valueTolerance?: number;
}

/** Why the minimisation stopped. */
export type LbfgsStop = 'gradient' | 'value' | 'iterations' | 'line-search';

export interface LbfgsResult {
  /** The last (and least-valued) iterate. */
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  /** Calls of f. */
  readonly evaluations: number;
  readonly stop: LbfgsStop;
}

const C1 = 1e-4;
const C2 = 0.9;
const MAX_TRIALS = 60;

/** Minimises f from x0 (not modified). Throws if f(x0) is not finite. */
export function minimiseLbfgs(f: DifferentiableFunction, x0: ArrayLike<number>, options: LbfgsOptions = {}): LbfgsResult {
  const { memory = 10, maxIterations = 1000, gradientTolerance = 1e-10, valueTolerance = 1e-13 } = options;
  const d = x0.length;
  let x: Float64Array = Float64Array.from(x0);
  let g: Float64Array = new Float64Array(d);
  let value = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(value)) throw new Error(`minimiseLbfgs: f(x0) = ${value}`);
  const pairs = new PairMemory(memory, d);
  const p = new Float64Array(d);
  let iterations = 0;
  let stop: LbfgsStop = 'iterations';
  while (true) {
    if (maxAbs(g) <= gradientTolerance) {
      stop = 'gradient';
      break;
    }
    if (iterations >= maxIterations) break;
    pairs.direction(g, p);
    let search = lineSearch(f, x, value, g, p, pairs.size === 0 && iterations === 0 ? 1 / Math.max(1, norm(g)) : 1);
    evaluations += search.evaluations;
    if (!search.found && pairs.size > 0) {
      // The quasi-Newton direction failed: forget the curvature pairs and try steepest descent.
      pairs.clear();
      pairs.direction(g, p);
      search = lineSearch(f, x, value, g, p, 1 / Math.max(1, norm(g)));
      evaluations += search.evaluations;
    }
    if (!search.found) {
      stop = 'line-search';
      break;
    }
    iterations++;
    pairs.push(search.x, x, search.g, g);
    const decrease = value - search.value;
    [x, g, value] = [search.x, search.g, search.value];
    if (decrease <= valueTolerance * Math.abs(value)) {
      stop = 'value';
      break;
    }
  }
  return { x, value, iterations, evaluations, stop };
}

interface SearchResult {
  readonly found: boolean;
  readonly x: Float64Array;
  readonly value: number;
  readonly g: Float64Array;
  readonly evaluations: number;
}

/**
 * A step t along p meeting the weak Wolfe conditions, by doubling and bisection; if only the
 * decrease condition could be met, the least such point (still a descent step). `found` is false
 * when no trial lowered f enough.
 */
function lineSearch(f: DifferentiableFunction, x: Float64Array, value: number, g: Float64Array, p: Float64Array, t0: number): SearchResult {
  const slope = dot(g, p);
  const trial = new Float64Array(x.length);
  const trialG = new Float64Array(x.length);
  let best: { x: Float64Array; value: number; g: Float64Array } | null = null;
  let [low, high, t] = [0, Infinity, t0];
  let evaluations = 0;
  for (let k = 0; k < MAX_TRIALS; k++) {
    for (let i = 0; i < x.length; i++) trial[i] = x[i] + t * p[i];
    const v = f(trial, trialG);
    evaluations++;
    if (!(v <= value + C1 * t * slope)) high = t;
    else {
      if (best === null || v < best.value) best = { x: Float64Array.from(trial), value: v, g: Float64Array.from(trialG) };
      if (dot(trialG, p) >= C2 * slope) return { found: true, ...best, evaluations };
      low = t;
    }
    t = Number.isFinite(high) ? (low + high) / 2 : 2 * t;
    if (t === low || t === high) break;
  }
  return best === null ? { found: false, x, value, g, evaluations } : { found: true, ...best, evaluations };
}

/** The last m pairs (s, y) in a ring, and the two-loop recursion p = −H·g. */
class PairMemory {
  size = 0;
  private next = 0;
  private readonly s: Float64Array[];
  private readonly y: Float64Array[];
  private readonly rho: Float64Array;
  private readonly alpha: Float64Array;

  constructor(
    private readonly capacity: number,
    dimension: number,
  ) {
    this.s = Array.from({ length: capacity }, () => new Float64Array(dimension));
    this.y = Array.from({ length: capacity }, () => new Float64Array(dimension));
    this.rho = new Float64Array(capacity);
    this.alpha = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.next = 0;
  }

  /** Stores s = x₊ − x, y = g₊ − g when yᵀs > 0 (always, after a Wolfe step; guards rounding). */
  push(xNew: Float64Array, x: Float64Array, gNew: Float64Array, g: Float64Array): void {
    const s = this.s[this.next];
    const y = this.y[this.next];
    for (let i = 0; i < x.length; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (!(sy > 1e-300)) return;
    this.rho[this.next] = 1 / sy;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** p = −H·g by the two-loop recursion (p = −g with no pairs). */
  direction(g: Float64Array, p: Float64Array): void {
    for (let i = 0; i < g.length; i++) p[i] = -g[i];
    const order = Array.from({ length: this.size }, (_, k) => (this.next - 1 - k + this.capacity) % this.capacity);
    for (const k of order) {
      this.alpha[k] = this.rho[k] * dot(this.s[k], p);
      axpy(-this.alpha[k], this.y[k], p);
    }
    if (this.size > 0) {
      const newest = order[0];
      const scale = 1 / (this.rho[newest] * dot(this.y[newest], this.y[newest]));
      for (let i = 0; i < p.length; i++) p[i] *= scale;
    }
    for (const k of order.reverse()) {
      const beta = this.rho[k] * dot(this.y[k], p);
      axpy(this.alpha[k] - beta, this.s[k], p);
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** p += c·v. */
function axpy(c: number, v: Float64Array, p: Float64Array): void {
  for (let i = 0; i < p.length; i++) p[i] += c * v[i];
}

function norm(v: Float64Array): number {
  return Math.sqrt(dot(v, v));
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}
