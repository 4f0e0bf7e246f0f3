/**
 * Subgame-perfect plans of the seed family (DESIGN §1–2, regularizer 0) by a backward induction
 * written for the tests, sharing no code with src/solvers. With θ-homogeneity agent n's cost for
 * coefficient a, per unit θ_n², is
 *   g(a) = (a − 1)² + γ(f(a)²A − 2f(a)B + L),   f(a) = 1 − 2ℓa²,
 * A, B, L the discounted suffix moments of the later plan (updated after each choice as
 * A ← a² + γf²A, B ← a + γfB, L ← 1 + γL). Its derivative is the cubic
 *   g′(a) = c3·a³ + c1·a − 2,   c3 = 16γℓ²A ≥ 0,   c1 = 2 − 8γℓ(A − B),
 * whose monotone pieces are split at ±√(−c1/(3c3)) (where g″ = 0); each piece's root is found by
 * plain bisection inside the Cauchy bound |a| ≤ 1 + max(|c1|, 2)/c3, and the root of least g
 * wins — not the exact solver's Cardano/Newton. With a grid, every grid point's g is scanned
 * instead, the smallest coefficient winning among costs within a relative 1e−12 (DESIGN §1).
 * Tests check this against direct simulation (directCost.ts) before trusting it.
 */

export interface Moments {
  A: number;
  B: number;
  L: number;
}

/** g(a) of an agent at learning rate ℓ and discount γ facing the suffix moments m. */
export function agentCost(a: number, rate: number, discount: number, m: Moments): number {
  const f = 1 - 2 * rate * a * a;
  return (a - 1) ** 2 + discount * (f * f * m.A - 2 * f * m.B + m.L);
}

/** g′(a) = 2(a − 1) − 8γℓa(f(a)A − B). */
function agentSlope(a: number, rate: number, discount: number, m: Moments): number {
  const f = 1 - 2 * rate * a * a;
  return 2 * (a - 1) - 8 * discount * rate * a * (f * m.A - m.B);
}

/** The root of an increasing (or decreasing) g′ on [lo, hi], by bisection to the last bit; null if g′ keeps its sign. */
function bisectRoot(slope: (a: number) => number, lo: number, hi: number): number | null {
  let [sLo, sHi] = [slope(lo), slope(hi)];
  if (sLo === 0) return lo;
  if (sHi === 0) return hi;
  if (Math.sign(sLo) === Math.sign(sHi)) return null;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return Math.abs(sLo) <= Math.abs(sHi) ? lo : hi;
    const s = slope(mid);
    if (s === 0) return mid;
    if (Math.sign(s) === Math.sign(sLo)) [lo, sLo] = [mid, s];
    else [hi, sHi] = [mid, s];
  }
}

/** The continuous best coefficient: the stationary point of g of least cost. */
export function bestReply(rate: number, discount: number, m: Moments): number {
  const c3 = 16 * discount * rate * rate * m.A;
  const c1 = 2 - 8 * discount * rate * (m.A - m.B);
  if (!(c3 > 0)) return c1 > 0 ? 2 / c1 : NaN; // g′ = c1·a − 2
  const bound = 1 + Math.max(Math.abs(c1), 2) / c3;
  const cuts = c1 < 0 ? [-Math.sqrt(-c1 / (3 * c3)), Math.sqrt(-c1 / (3 * c3))] : [];
  const edges = [-bound, ...cuts, bound];
  const slope = (a: number) => agentSlope(a, rate, discount, m);
  let best = NaN;
  let bestCost = Infinity;
  for (let i = 0; i + 1 < edges.length; i++) {
    const root = bisectRoot(slope, edges[i], edges[i + 1]);
    if (root === null) continue;
    const cost = agentCost(root, rate, discount, m);
    if (cost < bestCost) [best, bestCost] = [root, cost];
  }
  return best;
}

/** The best grid point, the smallest among costs within a relative 1e−12 of the least. */
export function bestGridReply(rate: number, discount: number, m: Moments, grid: ArrayLike<number>): number {
  const costs = Array.from(grid, (a) => agentCost(a, rate, discount, m));
  const least = Math.min(...costs);
  const tied = Array.from(grid).filter((_, i) => costs[i] <= least + 1e-12 * Math.abs(least));
  return Math.min(...tied);
}

/** The moments after prepending an episode at rate ℓ where coefficient a is played. */
export function prepend(m: Moments, a: number, rate: number, discount: number): Moments {
  const f = 1 - 2 * rate * a * a;
  return { A: a * a + discount * f * f * m.A, B: a + discount * f * m.B, L: 1 + discount * m.L };
}

/**
 * The plan a_0 … a_{N−1} by backward induction from the moments `tail` (default: nothing after
 * the last episode; A = B = L = 1/(1 − γ) is an endless deployment), continuous or on `grid`.
 */
export function referencePlan(rates: ArrayLike<number>, discount = 1, options: { grid?: ArrayLike<number>; tail?: Moments } = {}): Float64Array {
  const plan = new Float64Array(rates.length);
  let m: Moments = options.tail ?? { A: 0, B: 0, L: 0 };
  for (let n = rates.length - 1; n >= 0; n--) {
    const a = options.grid ? bestGridReply(rates[n], discount, m, options.grid) : bestReply(rates[n], discount, m);
    plan[n] = a;
    m = prepend(m, a, rates[n], discount);
  }
  return plan;
}

/** θ after the episodes before `episodes` divided by θ₀: Π (1 − 2ℓ_n a_n²). */
export function goalRetained(plan: ArrayLike<number>, rates: ArrayLike<number>, episodes = plan.length): number {
  let ratio = 1;
  for (let n = 0; n < episodes; n++) ratio *= 1 - 2 * rates[n] * plan[n] * plan[n];
  return ratio;
}

/** Learning rates of a schedule spec such as "1x20,0x80". */
export function rates(spec: string): Float64Array {
  return Float64Array.from(
    spec.split(',').flatMap((part) => {
      const [rate, count] = part.split('x').map(Number);
      return Array.from({ length: count }, () => rate);
    }),
  );
}
