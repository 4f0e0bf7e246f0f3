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
 * left. A negative coefficient costs 4|a| ≥ 0.04 more than its mirror and moves S the same: never
 * chosen, and never tied while the tolerance is below 0.04 (a state where it is not stays unresolved).
 *
 * Resolved and unresolved states. S is tabulated only up to `capUnits` ≥ 1/ℓ (where
 * |1 − 2ℓS| ≥ 1). A candidate landing beyond the next table, or on a state of it whose choice is
 * unresolved, has no exact cost, only a lower bound: past 1/ℓ every later factor is
 * |f| ≥ |f(v)| ≥ 1 (S never falls, |f| grows with S past 1/(2ℓ)), and each of the d agents after
 * the last update any output sees plays a = 1 (its coefficient moves nothing it is scored on), so
 * their outputs alone cost at least g(v) = d·(|f(v)|^m − 1)², m the training updates they see;
 * below 1/ℓ the bound is 0. g is nondecreasing in v, so every such candidate from u costs at least
 * g at the smallest landing point that can be one, plus the least own cost among them.
 * A state is resolved when the least exact cost is finite and that bound exceeds it by more than
 * the tie tolerance: then its choice and tie flag are exact, and by induction so are its A and B
 * (its choice lands on a resolved state). Otherwise it is unresolved, and the earlier agents only
 * see the bound there. Nothing is assumed: the path from S = 0 must meet resolved states only, or
 * the solve throws. The last `uncappedTail` agents that see S tabulate a full jump further per
 * episode, so that few states near the cap stay unresolved where the bound is weak (m small).
 */

/** Coefficient i/100 for i = 0 … 200 (the non-negative half of linspace(−2, 2, 401)). */
const POINTS = 201;
const UNITS_PER_ONE = 1e4;
const JUMPS = Int32Array.from({ length: POINTS }, (_, i) => i * i);
const MAX_JUMP = JUMPS[POINTS - 1];
const OWN = Float64Array.from({ length: POINTS }, (_, i) => (i / 100 - 1) ** 2);
/** min over j ≥ i of (j/100 − 1)²: the least own cost of the candidates from i on. */
const OWN_FROM = Float64Array.from({ length: POINTS }, (_, i) => (i <= 100 ? 0 : OWN[i]));
/** Policy entry of a state whose choice is unresolved; otherwise choice | tied << 8. */
const UNRESOLVED = 0xffff;

export interface LatticeSolution {
  /** Coefficients along the path from S = 0. */
  readonly coefficients: Float64Array;
  /** S after each episode, in units of 10⁻⁴. */
  readonly history: Int32Array;
  /** On-path episodes where another coefficient's cost is within the relative tolerance. */
  readonly ties: number[];
  /** States (over all episodes) left unresolved: none of them lies on the path. */
  readonly unresolved: number;
}

/** The tables of one episode's agent: A, B per state (NaN where unresolved), L, and the policy. */
interface Tables {
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly L: number;
  readonly policy: Uint16Array;
}

/** What the backward induction shares across episodes. */
interface Game {
  readonly rates: ArrayLike<number>;
  readonly steps: number;
  readonly tolerance: number;
  /** Largest tabulated state per episode (0 where the next tables do not depend on S). */
  readonly tops: Int32Array;
  /** Training updates in [n, lastSeen] and tail agents after n, per n (the bound's m and d). */
  readonly seen: Int32Array;
  readonly tail: Int32Array;
  /** The single training rate (the bound compares factors at one ℓ). */
  readonly rate: number;
}

export function allDataLattice(rates: ArrayLike<number>, steps: number, capUnits: number, tolerance: number, uncappedTail = 4): LatticeSolution {
  const game = prepare(rates, steps, capUnits, tolerance, uncappedTail);
  const N = rates.length;
  const policies: Uint16Array[] = new Array(N);
  let next: Tables = { A: new Float64Array(1), B: new Float64Array(1), L: 0, policy: new Uint16Array(1) };
  let unresolved = 0;
  for (let n = N - 1; n >= 0; n--) {
    next = solveEpisode(game, n, next);
    policies[n] = next.policy;
    for (let u = 0; u < next.policy.length; u++) if (next.policy[u] === UNRESOLVED) unresolved++;
  }
  return { ...followPath(game, policies), unresolved };
}

function prepare(rates: ArrayLike<number>, steps: number, capUnits: number, tolerance: number, uncappedTail: number): Game {
  const N = rates.length;
  const training = Array.from(rates).filter((l) => l > 0);
  const rate = training.length > 0 ? training[0] : 0;
  if (training.some((l) => l !== rate)) throw new Error('the bound beyond the cap assumes one training rate');
  if (rate > 0 && capUnits < UNITS_PER_ONE / rate) throw new Error('the cap must lie where gradient descent on all data diverges');
  // S matters at n while a training update before the last output is ahead: n ≤ lastSeen.
  let lastSeen = -1;
  for (let k = 0; k <= N - 2; k++) if (rates[k] > 0) lastSeen = k;
  const [tops, seen, tail] = [new Int32Array(N), new Int32Array(N), new Int32Array(N)];
  let trained = 0;
  for (let n = 0; n < N; n++) {
    const cap = capUnits + MAX_JUMP * Math.max(0, n - (lastSeen - uncappedTail));
    tops[n] = n <= lastSeen ? Math.min(cap, MAX_JUMP * trained) : 0;
    if (rates[n] > 0) trained++;
    tail[n] = N - 1 - Math.max(n, lastSeen);
  }
  for (let n = lastSeen, count = 0; n >= 0; n--) seen[n] = count += rates[n] > 0 ? 1 : 0;
  return { rates, steps, tolerance, tops, seen, tail, rate };
}

/** θ's factor over episode n at S = v units after its move (1 when it does not train). */
const factorAt = (game: Game, n: number, v: number) => (game.rates[n] > 0 ? (1 - (2 * game.rates[n] * v) / UNITS_PER_ONE) ** game.steps : 1);

/**
 * C_n(v) for v = 0 … reach: +∞ where the next state is unresolved or beyond its table (those
 * candidates are judged by the bound instead). Also returns, per v, the smallest w ≥ v with no
 * exact C (reach + 1 when there is none): the first landing point the bound must cover.
 */
function continuation(game: Game, n: number, next: Tables, reach: number): { C: Float64Array; factor: Float64Array; firstBound: Int32Array } {
  const constant = next.A.length === 1;
  const [C, factor, firstBound] = [new Float64Array(reach + 1), new Float64Array(reach + 1), new Int32Array(reach + 2)];
  for (let v = 0; v <= reach; v++) {
    const f = factorAt(game, n, v);
    const at = constant ? 0 : v;
    const exact = at < next.policy.length && next.policy[at] !== UNRESOLVED;
    factor[v] = f;
    C[v] = exact ? f * f * next.A[at] - 2 * f * next.B[at] + next.L : Infinity;
    if (exact && !Number.isFinite(C[v])) throw new Error(`episode ${n}, S = ${v / UNITS_PER_ONE}: the continuation overflows`);
  }
  firstBound[reach + 1] = reach + 1;
  for (let v = reach; v >= 0; v--) firstBound[v] = C[v] === Infinity ? v : firstBound[v + 1];
  return { C, factor, firstBound };
}

/** g(v) = d·(|f(v)|^m − 1)² past 1/ℓ, else 0: a lower bound on C_n(v) whatever is played after n. */
function tailBound(game: Game, n: number, v: number): number {
  if (!(game.rates[n] > 0) || v < UNITS_PER_ONE / game.rate) return 0;
  return game.tail[n] * (Math.abs(factorAt(game, n, v)) ** game.seen[n] - 1) ** 2;
}

/** States per block of the least-cost scan (and per precomputed minimum of C). */
const BLOCK = 256;

/**
 * Per state u ≤ top, the least exact cost, the first candidate reaching it and the second-least
 * cost of another candidate. States go in blocks of BLOCK. In a block, candidate i costs at least
 * (a − 1)² plus the least C over the (at most two) aligned blocks of C its landing points fall
 * in; candidates are scanned in the order of that bound, and the scan stops at the first whose
 * bound is at least every state's second-least cost so far: from then on no candidate can change
 * a state's least or second (each update needs a cost below the second), so those are the full
 * scan's. The argument is read only where no other cost is within the tolerance of the least
 * (second above the threshold), where it is the unique minimiser whatever the order.
 */
function leastCosts(top: number, reach: number, C: Float64Array, training: boolean): { least: Float64Array; second: Float64Array; argument: Uint8Array } {
  const [least, second, argument] = [new Float64Array(top + 1).fill(Infinity), new Float64Array(top + 1).fill(Infinity), new Uint8Array(top + 1)];
  const blockMin = new Float64Array(Math.floor(reach / BLOCK) + 1).fill(Infinity);
  for (let v = 0; v <= reach; v++) if (C[v] < blockMin[(v / BLOCK) | 0]) blockMin[(v / BLOCK) | 0] = C[v];
  const bound = new Float64Array(POINTS);
  const order = Array.from({ length: POINTS }, (_, i) => i);
  const byBound = (i: number, k: number) => bound[i] - bound[k] || i - k;
  for (let s = 0; s <= top; s += BLOCK) {
    const e = Math.min(top + 1, s + BLOCK);
    for (let i = 0; i < POINTS; i++) {
      const j = training ? JUMPS[i] : 0;
      const hi = Math.min(e, reach - j + 1);
      bound[i] = hi <= s ? Infinity : OWN[i] + Math.min(blockMin[((s + j) / BLOCK) | 0], blockMin[((hi - 1 + j) / BLOCK) | 0]);
    }
    order.sort(byBound);
    let ceiling = Infinity;
    for (const i of order) {
      if (bound[i] >= ceiling) break;
      const [o, j] = [OWN[i], training ? JUMPS[i] : 0];
      const hi = Math.min(e, reach - j + 1);
      let highest = 0;
      for (let u = s; u < hi; u++) {
        const c = o + C[u + j];
        if (c < second[u]) {
          if (c < least[u]) {
            second[u] = least[u];
            least[u] = c;
            argument[u] = i;
          } else second[u] = c;
        }
        if (second[u] > highest) highest = second[u];
      }
      for (let u = hi; u < e; u++) if (second[u] > highest) highest = second[u];
      ceiling = highest;
    }
  }
  return { least, second, argument };
}

/**
 * The least cost any candidate from u without an exact cost can have: they land at u + i² ≥ w
 * (w = reach + 1 when only those beyond the table do), i.e. i ≥ first, and g is nondecreasing.
 */
function boundFrom(game: Game, n: number, u: number, w: number): number {
  let first = Math.ceil(Math.sqrt(w - u));
  while (first > 0 && u + JUMPS[first - 1] >= w) first--;
  while (first < POINTS && u + JUMPS[first] < w) first++;
  return first < POINTS ? OWN_FROM[first] + tailBound(game, n, u + JUMPS[first]) : Infinity;
}

/** The smallest coefficient whose exact cost is within the threshold (the default tie rule). */
function smallestWithin(C: Float64Array, u: number, training: boolean, threshold: number): number {
  for (let i = 0; i < POINTS; i++) if (OWN[i] + C[training ? u + JUMPS[i] : u] <= threshold) return i;
  throw new Error('no coefficient within the threshold');
}

/** Agent n's policy and the tables it leaves for agent n − 1. */
function solveEpisode(game: Game, n: number, next: Tables): Tables {
  const top = game.tops[n];
  const training = game.rates[n] > 0;
  const constant = next.A.length === 1;
  // The states after this episode's move that the next tables hold (all, when they do not depend on S).
  const reach = !training ? top : constant ? top + MAX_JUMP : game.tops[n + 1];
  const { C, factor, firstBound } = continuation(game, n, next, reach);
  const { least, second, argument } = leastCosts(top, reach, C, training);
  const [A, B, policy] = [new Float64Array(top + 1).fill(NaN), new Float64Array(top + 1).fill(NaN), new Uint16Array(top + 1)];
  for (let u = 0; u <= top; u++) {
    const threshold = least[u] + game.tolerance * Math.abs(least[u]);
    const bound = training ? boundFrom(game, n, u, firstBound[u]) : C[u] === Infinity ? 0 : Infinity;
    // Resolved: some exact cost is finite, every other candidate provably costs more than the
    // tolerance above it, and no negative mirror (4|a| ≥ 0.04 dearer) can be within the tolerance.
    if (!(least[u] < Infinity && bound > threshold && threshold - least[u] < 0.04)) {
      policy[u] = UNRESOLVED;
      continue;
    }
    const tied = second[u] <= threshold;
    const choice = tied ? smallestWithin(C, u, training, threshold) : argument[u];
    const v = training ? u + JUMPS[choice] : u;
    const [a, f, at] = [choice / 100, factor[v], constant ? 0 : v];
    policy[u] = choice | (Number(tied) << 8);
    A[u] = a * a + f * f * next.A[at];
    B[u] = a + f * next.B[at];
  }
  return { A, B, L: next.L + 1, policy };
}

/** The path from S = 0; throws where it meets an unresolved state. */
function followPath(game: Game, policies: Uint16Array[]): { coefficients: Float64Array; history: Int32Array; ties: number[] } {
  const N = game.rates.length;
  const [coefficients, history, ties] = [new Float64Array(N), new Int32Array(N), [] as number[]];
  let u = 0;
  for (let n = 0; n < N; n++) {
    const entry = policies[n][game.tops[n] === 0 ? 0 : u];
    if (entry === UNRESOLVED) throw new Error(`episode ${n}, S = ${u / UNITS_PER_ONE}: the path meets an unresolved state`);
    const i = entry & 0xff;
    coefficients[n] = i / 100;
    if (entry >> 8) ties.push(n);
    if (game.rates[n] > 0) u += JUMPS[i];
    history[n] = u;
  }
  return { coefficients, history, ties };
}
