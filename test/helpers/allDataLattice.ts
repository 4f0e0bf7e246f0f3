/**
 * Subgame-perfect equilibrium of the K-step all-data game (DESIGN §4: θ ← θ(1 − 2ℓS_t)^K,
 * S_t = Σ_{s≤t, ℓ_s>0} a_s²) on the coefficient grid linspace(−2, 2, 401), by backward induction
 * over the exact lattice of S, written for the tests and sharing no code with src/solvers/history.
 *
 * Lattice: the grid's coefficients are i/100, so a² = i²·10⁻⁴ and every reachable S is an integer
 * number u of units 10⁻⁴. Costs are θ_n²-homogeneous, so per unit θ_n² (the prior only scales
 * them) agent n at u playing i/100 pays (a − 1)² + C_n(v), v = u + i² (u in deployment) and
 *   C_n(v) = f(v)²A_{n+1}(v) − 2f(v)B_{n+1}(v) + L_{n+1},  f(v) = (1 − 2ℓ_n v·10⁻⁴)^K,
 * A_{n+1}, B_{n+1} the next agents' Σ a_k²r_k², Σ a_k r_k (r_k = θ_k/θ_{n+1}) and L = episodes
 * left. A negative coefficient costs 4|a| more than its mirror and moves S the same: never chosen.
 *
 * Cap: S is tabulated only up to `capUnits` ≥ 1/ℓ (where |1 − 2ℓS| ≥ 1). A candidate that jumps
 * beyond the cap leaves every later factor |f| ≥ |f(v)| ≥ 1 (S never falls, |f| grows with S past
 * 1/(2ℓ)), and each of the d agents after the last update any output sees (the tail: no
 * training ahead that matters) plays a = 1, since its coefficient moves nothing it is scored on:
 * so their outputs alone cost at least d·(|f(v)|^m − 1)², m the training updates they see. Each such candidate must be beaten by a tabulated
 * one by more than the tie tolerance under that lower bound, or the solve throws: nothing beyond the
 * cap can be the choice, so the tabulated plan is the exact one. The bound is weak for the last few
 * agents that see S (m small), so the last `uncappedTail` of them tabulate a full jump further per
 * episode and need no bound. With a deployment stage (d large) the bound holds; without one it
 * fails near the end, and the solve says so.
 */

/** Coefficient i/100 for i = 0 … 200 (the non-negative half of linspace(−2, 2, 401)). */
const POINTS = 201;
const UNITS_PER_ONE = 1e4;

export interface LatticeSolution {
  /** Coefficients along the path from S = 0. */
  readonly coefficients: Float64Array;
  /** S after each episode, in units of 10⁻⁴. */
  readonly history: Int32Array;
  /** On-path episodes where another coefficient's cost is within the relative tolerance. */
  readonly ties: number[];
  /** States where a candidate beyond the cap was excluded by the lower bound. */
  readonly bounded: number;
}

export function allDataLattice(rates: ArrayLike<number>, steps: number, capUnits: number, tolerance: number, uncappedTail = 4): LatticeSolution {
  const N = rates.length;
  const largest = Math.max(...Array.from(rates));
  if (capUnits < UNITS_PER_ONE / largest) throw new Error('the cap must lie where gradient descent on all data diverges');
  const own = Float64Array.from({ length: POINTS }, (_, i) => (i / 100 - 1) ** 2);
  const jump = Int32Array.from({ length: POINTS }, (_, i) => i * i);
  const maxJump = jump[POINTS - 1];
  // S matters at n while a training update before the last output is ahead: n ≤ lastSeen.
  let lastSeen = -1;
  for (let k = 0; k <= N - 2; k++) if (rates[k] > 0) lastSeen = k;
  // Tables reach every S reachable by n, up to the cap; the last `uncappedTail` episodes that
  // see S grow theirs by a full jump per episode, so only earlier agents rely on the bound.
  const tops = new Int32Array(N);
  let trained = 0;
  for (let n = 0; n < N; n++) {
    const cap = capUnits + maxJump * Math.max(0, n - (lastSeen - uncappedTail));
    tops[n] = n <= lastSeen ? Math.min(cap, maxJump * trained) : 0;
    if (rates[n] > 0) trained++;
  }
  // m_n: training updates in [n, lastSeen], all seen by the tail agents; d_n: tail agents after n.
  const seen = (n: number) => Array.from(rates).filter((l, k) => k >= n && k <= lastSeen && l > 0).length;
  const tailAfter = (n: number) => N - 1 - Math.max(n, lastSeen);
  const policies: Uint8Array[] = new Array(N);
  const tied: Uint8Array[] = new Array(N);
  let [A, B, L] = [new Float64Array(1), new Float64Array(1), 0];
  let bounded = 0;
  for (let n = N - 1; n >= 0; n--) {
    const top = tops[n];
    const training = rates[n] > 0;
    const constant = A.length === 1;
    // The states after this episode's move the next tables hold (all of them when those do not depend on S).
    const reach = !training ? top : constant ? top + maxJump : tops[n + 1];
    const factor = new Float64Array(reach + 1);
    const continuation = new Float64Array(reach + 1);
    for (let v = 0; v <= reach; v++) {
      const f = training ? (1 - (2 * rates[n] * v) / UNITS_PER_ONE) ** steps : 1;
      const [a, b] = constant ? [A[0], B[0]] : [A[v], B[v]];
      factor[v] = f;
      continuation[v] = f * f * a - 2 * f * b + L;
    }
    const [m, d] = [seen(n), tailAfter(n)];
    const [nextA, nextB] = [new Float64Array(top + 1), new Float64Array(top + 1)];
    const policy = new Uint8Array(top + 1);
    const tie = new Uint8Array(top + 1);
    // Candidates outer, states inner: C is read sequentially (u + i² for consecutive u).
    const least = new Float64Array(top + 1).fill(Infinity);
    const last = (i: number) => (training ? Math.min(top, reach - jump[i]) : top);
    for (let i = 0; i < POINTS; i++) {
      const [o, j, end] = [own[i], training ? jump[i] : 0, last(i)];
      for (let u = 0; u <= end; u++) {
        const c = o + continuation[u + j];
        if (c < least[u]) least[u] = c;
      }
    }
    const threshold = least.map((c) => c + tolerance * Math.abs(c));
    const choice = new Int16Array(top + 1).fill(-1);
    for (let i = 0; i < POINTS; i++) {
      const [o, j, end] = [own[i], training ? jump[i] : 0, last(i)];
      for (let u = 0; u <= end; u++) {
        if (o + continuation[u + j] <= threshold[u]) {
          if (choice[u] < 0) choice[u] = i;
          else tie[u] = 1;
        }
      }
    }
    for (let u = 0; u <= top; u++) {
      // Beyond the cap (v > reach): the tail's cost grows with v, so the nearest such candidate bounds them all.
      const first = training ? Math.floor(Math.sqrt(reach - u)) + 1 : POINTS;
      if (first < POINTS) {
        bounded++;
        const f = Math.abs((1 - (2 * rates[n] * (u + jump[first])) / UNITS_PER_ONE) ** steps);
        if (!(d * (f ** m - 1) ** 2 > threshold[u])) throw new Error(`episode ${n}, S = ${u / UNITS_PER_ONE}: coefficients from ${first / 100} beyond the cap are not excluded`);
      }
      const v = training ? u + jump[choice[u]] : u;
      const [a, f] = [choice[u] / 100, factor[v]];
      policy[u] = choice[u];
      nextA[u] = a * a + f * f * (constant ? A[0] : A[v]);
      nextB[u] = a + f * (constant ? B[0] : B[v]);
    }
    policies[n] = policy;
    tied[n] = tie;
    [A, B, L] = [nextA, nextB, L + 1];
  }
  const coefficients = new Float64Array(N);
  const history = new Int32Array(N);
  const ties: number[] = [];
  let u = 0;
  for (let n = 0; n < N; n++) {
    const at = tops[n] === 0 ? 0 : u;
    const i = policies[n][at];
    coefficients[n] = i / 100;
    if (tied[n][at]) ties.push(n);
    if (rates[n] > 0) u += jump[i];
    history[n] = u;
  }
  return { coefficients, history, ties, bounded };
}
