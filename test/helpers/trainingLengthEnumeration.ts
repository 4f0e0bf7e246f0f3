/**
 * The uncertain-deployment model (DESIGN §3.5) by enumeration over the training length T and by
 * Monte Carlo, sharing no code with src/solvers/uncertainDeployment. Given T = t, episodes n < t
 * train (θ ← θ(1 − 2ℓa_n(x_n)²), x_n ~ N(0, 1)) and episodes n ≥ t deploy (θ stays, x_n ~ N(δ, 1));
 * signals are independent across episodes given T, so every expectation given T is a product of
 * per-episode averages over the signal. t = N stands for "training never ends within the run".
 */
import { bestReply } from './seedBackwardInduction.ts';

export interface SignalPolicy {
  readonly episodes: number;
  /** a_n(b) at n·S + b. */
  readonly coefficients: ArrayLike<number>;
  /** P(signal b | training), P(signal b | deployment). */
  readonly training: ArrayLike<number>;
  readonly deployment: ArrayLike<number>;
}

/** P(T = t), t = 0 … N, from the survival P(T > n) = survival(n). */
export function lengthProbabilities(survival: (n: number) => number, episodes: number): Float64Array {
  const p = new Float64Array(episodes + 1);
  for (let t = 0; t < episodes; t++) p[t] = (t === 0 ? 1 : survival(t - 1)) - survival(t);
  p[episodes] = survival(episodes - 1);
  return p;
}

/** Per-episode averages over the signal: E[a], E[a²] in each phase, E[f], E[f²] in training. */
function episodeAverages(policy: SignalPolicy, rate: number) {
  const S = policy.training.length;
  const zeros = () => new Float64Array(policy.episodes);
  const [a, a2, ad, ad2, f, f2] = [zeros(), zeros(), zeros(), zeros(), zeros(), zeros()];
  for (let n = 0; n < policy.episodes; n++) {
    for (let b = 0; b < S; b++) {
      const x = policy.coefficients[n * S + b];
      const [pt, pd] = [policy.training[b], policy.deployment[b]];
      const factor = 1 - 2 * rate * x * x;
      a[n] += pt * x;
      a2[n] += pt * x * x;
      f[n] += pt * factor;
      f2[n] += pt * factor * factor;
      ad[n] += pd * x;
      ad2[n] += pd * x * x;
    }
  }
  return { a, a2, ad, ad2, f, f2 };
}

/** Ratios of expected sums and the goal retained E[θ_T]/θ₀, by enumeration over T. */
export function enumeratedOutcome(policy: SignalPolicy, lengths: ArrayLike<number>, rate: number) {
  const N = policy.episodes;
  const e = episodeAverages(policy, rate);
  let [trainingSum, trainingCount, deploymentSum, deploymentCount, goal] = [0, 0, 0, 0, 0];
  for (let t = 0; t <= N; t++) {
    const p = lengths[t];
    if (p === 0) continue;
    let product = 1;
    for (let n = 0; n < N; n++) {
      if (n < t) {
        trainingSum += p * e.a[n];
        product *= e.f[n];
      } else deploymentSum += p * e.ad[n];
    }
    trainingCount += p * t;
    deploymentCount += p * (N - t);
    goal += p * product;
  }
  return { meanTrainingCoefficient: trainingSum / trainingCount, meanDeploymentCoefficient: deploymentSum / deploymentCount, goalRetained: goal, firstCoefficient: e.a[0] };
}

/**
 * Agent n's best coefficient after each signal b, against the later agents' policy: given training
 * at n its cost per θ_n² is (a − 1)² + γp·(f(a)²Â − 2f(a)B̂) + const, p = P(training | b) and
 *   Â = E[Σ_{k>n} γ^(k−n−1) a_k² Π_{n<j<k} f_j² | T > n],  B̂ = E[Σ_{k>n} γ^(k−n−1) a_k Π_{n<j<k} f_j | T > n],
 * enumerated over T; deployed at n, θ never moves again and only (a − 1)² depends on a. Returns
 * the reply as a function of the signal (NaN for a signal agent n cannot see).
 */
export function enumeratedBestReplies(policy: SignalPolicy, survival: (n: number) => number, rate: number, discount: number, n: number): (signal: number) => number {
  const N = policy.episodes;
  const e = episodeAverages(policy, rate);
  const lengths = lengthProbabilities(survival, N);
  // P(training at n) = P(T > n), from the survival itself (a sum of the lengths' probabilities need not round to exactly 1).
  const alive = survival(n);
  let [A, B] = [0, 0];
  for (let t = n + 1; t <= N; t++) {
    const p = lengths[t];
    if (p === 0) continue;
    let [product, square, weight] = [1, 1, 1];
    for (let k = n + 1; k < N; k++) {
      const training = k < t;
      A += p * weight * (training ? e.a2[k] : e.ad2[k]) * square;
      B += p * weight * (training ? e.a[k] : e.ad[k]) * product;
      if (training) [product, square] = [product * e.f[k], square * e.f2[k]];
      weight *= discount;
    }
  }
  const moments = { A: alive > 0 ? A / alive : 0, B: alive > 0 ? B / alive : 0, L: 0 };
  return (signal) => {
    const [pt, pd] = [alive * policy.training[signal], (1 - alive) * policy.deployment[signal]];
    if (!(pt + pd > 0)) return NaN;
    return bestReply(rate, (discount * pt) / (pt + pd), moments);
  };
}

/** The signal an observation falls in: the number of bin edges ≤ x (binary search). */
export function signalOfX(edges: ArrayLike<number>, x: number): number {
  let [lo, hi] = [0, edges.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A seeded uniform generator on [0, 1) (mulberry32). */
export function uniformGenerator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box–Muller. */
export function normalDraw(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A ratio of sums Σs_r/Σc_r over runs, with its standard error (delta method). */
function ratio(sums: number[], counts: number[]) {
  const runs = sums.length;
  const [s, c] = [sums.reduce((x, y) => x + y, 0), counts.reduce((x, y) => x + y, 0)];
  const value = s / c;
  const spread = sums.reduce((acc, sr, r) => acc + (sr - value * counts[r]) ** 2, 0) / (runs - 1);
  return { value, error: Math.sqrt(spread / runs) / (c / runs) };
}

/**
 * Monte Carlo over T and the observations: per run, T drawn from `lengths`, each x_n from N(0, 1)
 * or N(δ, 1), binned by `edges`, a_n looked up and θ stepped. Each estimate with its standard error.
 */
export function monteCarloOutcome(policy: SignalPolicy, lengths: ArrayLike<number>, edges: ArrayLike<number>, shift: number, rate: number, runs: number, seed: number) {
  const S = policy.training.length;
  const N = policy.episodes;
  const uniform = uniformGenerator(seed);
  const cumulative: number[] = [];
  let total = 0;
  for (const p of Array.from(lengths)) cumulative.push((total += p));
  const [goals, ones] = [[] as number[], [] as number[]];
  const [trainingSums, trainingCounts, deploymentSums, deploymentCounts] = [[] as number[], [] as number[], [] as number[], [] as number[]];
  for (let r = 0; r < runs; r++) {
    const u = uniform() * total;
    const found = cumulative.findIndex((c) => u < c);
    const t = found < 0 ? N : found;
    let [theta, trainingSum, deploymentSum] = [1, 0, 0];
    for (let n = 0; n < N; n++) {
      const training = n < t;
      const a = policy.coefficients[n * S + signalOfX(edges, normalDraw(uniform) + (training ? 0 : shift))];
      if (training) {
        trainingSum += a;
        theta *= 1 - 2 * rate * a * a;
      } else deploymentSum += a;
    }
    goals.push(theta);
    ones.push(1);
    trainingSums.push(trainingSum);
    trainingCounts.push(Math.min(t, N));
    deploymentSums.push(deploymentSum);
    deploymentCounts.push(N - Math.min(t, N));
  }
  const goal = ratio(goals, ones);
  const training = ratio(trainingSums, trainingCounts);
  const deployment = ratio(deploymentSums, deploymentCounts);
  return {
    goalRetained: goal.value,
    goalError: goal.error,
    meanTrainingCoefficient: training.value,
    trainingError: training.error,
    meanDeploymentCoefficient: deployment.value,
    deploymentError: deployment.error,
  };
}
