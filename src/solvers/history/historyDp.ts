/**
 * Gradient steps with history (DESIGN §4): each training episode the base optimizer takes K
 * gradient steps on the newest episode's loss (a²θ², the seed for K = 1) or on the summed loss of
 * all past training episodes, S_t·θ² with S_t = Σ_{s≤t, ℓ_s>0} a_s². One episode's update factor:
 *   newest data: f = (1 − 2ℓ_t a_t²)^K;   all data: f = (1 − 2ℓ_t S_t)^K;   deployment: f = 1.
 * θ-homogeneous, so costs are θ²·g; with all data the state carries S and the agents play Markov
 * policies a_n(S). Backward induction on a grid of S with linear interpolation:
 *   g_n(a; S) = (a − 1)² + γ(f²·A_{n+1}(S′) − 2f·B_{n+1}(S′) + L_{n+1}),  S′ = S + a²·[ℓ_n > 0],
 *   A_n(S) = a_n² + γf²A_{n+1}(S′),  B_n(S) = a_n + γf·B_{n+1}(S′),  L_n = 1 + γL_{n+1},
 * a_n(S) the grid coefficient of least g (the shared tie rule). The grid is S = S_max·u² for u
 * evenly spaced on [0, 1] (fine near 0, where training coefficients of a few hundredths live),
 * S_max = min(max a²·#training, 1/max ℓ): past ℓS = 1 gradient descent on all data diverges
 * (|1 − 2ℓS| > 1, DESIGN §4); S′ beyond S_max is clamped to it, so the tables stay finite, and the
 * largest clamped S′ is reported (a path that goes there is reported by its rollout). Newest data needs no state: a one-point grid, and with
 * K = 1 the coefficients are exactly the grid solver's.
 */
import { DivergenceError } from '../../errors/inputError.ts';
import type { Schedule } from '../../model/schedule.ts';
import { historyStep as step, type HistoryData } from '../../model/updates/historyUpdate.ts';
import { chooseGridPoint } from '../tieRule.ts';

export interface HistoryOptions {
  /** 'newest': the seed's data; 'all': every past training episode. */
  readonly data: HistoryData;
  /** K ≥ 1 gradient steps per training episode. */
  readonly steps: number;
  readonly discount: number;
  readonly coefficientGrid: Float64Array;
  /** Points of the S grid (all data); default 801. */
  readonly statePoints?: number;
}

export interface HistorySolution {
  /** Coefficients along the equilibrium path from S = 0. */
  readonly coefficients: Float64Array;
  /** S_t along the path (after episode t's coefficient). */
  readonly history: Float64Array;
  /** On-path episodes whose agent was indifferent (tie rule: smallest coefficient). */
  readonly ties: readonly number[];
  /** Largest S′ that had to be clamped to the grid, or 0. */
  readonly clampedAbove: number;
}

export function solveHistory(schedule: Schedule, options: HistoryOptions): HistorySolution {
  const { steps: K, discount: gamma, coefficientGrid: grid, data } = options;
  const episodes = schedule.length;
  const points = data === 'all' ? (options.statePoints ?? 801) : 1;
  const trainingEpisodes = schedule.reduce((n, l) => n + (l > 0 ? 1 : 0), 0);
  const maxSquare = grid.reduce((m, a) => Math.max(m, a * a), 0);
  const maxRate = schedule.reduce((m, l) => Math.max(m, l), 0);
  // Beyond ℓS = 1 gradient descent on all data diverges (|1 − 2ℓS| > 1): states clamped to the edge.
  const sMax = Math.max(1e-12, Math.min(maxSquare * trainingEpisodes, maxRate > 0 ? 1 / maxRate : Infinity));
  const states = Float64Array.from({ length: points }, (_, i) => (points === 1 ? 0 : sMax * (i / (points - 1)) ** 2));
  const locate = (s: number) => {
    // Inverse of S = S_max·u²: fractional index (points − 1)·√(S/S_max).
    if (points === 1) return { i: 0, w: 0 };
    const x = Math.min(points - 1, (points - 1) * Math.sqrt(Math.max(0, s) / sMax));
    const i = Math.min(points - 2, Math.floor(x));
    // Linear in S between the two nodes.
    return { i, w: (s - states[i]) / (states[i + 1] - states[i]) };
  };
  let nextA = new Float64Array(points);
  let nextB = new Float64Array(points);
  let nextL = 0;
  let A = new Float64Array(points);
  let B = new Float64Array(points);
  const policy = new Float64Array(episodes * points);
  const tiePolicy = new Uint8Array(episodes * points);
  const costs = new Float64Array(grid.length);
  let clampedAbove = 0;
  for (let n = episodes - 1; n >= 0; n--) {
    const rate = schedule[n];
    for (let p = 0; p < points; p++) {
      for (let g = 0; g < grid.length; g++) {
        const a = grid[g];
        const { f, s } = step(a, states[p], rate, K, data);
        if (s > sMax) clampedAbove = Math.max(clampedAbove, s);
        const { i, w } = locate(Math.min(s, sMax));
        const fa = points === 1 ? nextA[0] : nextA[i] + w * (nextA[i + 1] - nextA[i]);
        const fb = points === 1 ? nextB[0] : nextB[i] + w * (nextB[i + 1] - nextB[i]);
        costs[g] = (a - 1) ** 2 + gamma * (f * (f * fa) - 2 * f * fb + nextL);
      }
      const choice = chooseGridPoint(costs);
      if (choice.index < 0) throw new DivergenceError(n, "the agent's cost");
      const a = grid[choice.index];
      policy[n * points + p] = a;
      tiePolicy[n * points + p] = choice.tied ? 1 : 0;
      const { f, s } = step(a, states[p], rate, K, data);
      const { i, w } = locate(Math.min(s, sMax));
      const fa = points === 1 ? nextA[0] : nextA[i] + w * (nextA[i + 1] - nextA[i]);
      const fb = points === 1 ? nextB[0] : nextB[i] + w * (nextB[i + 1] - nextB[i]);
      A[p] = a * a + gamma * f * (f * fa);
      B[p] = a + gamma * f * fb;
    }
    [A, nextA] = [nextA, A];
    [B, nextB] = [nextB, B];
    nextL = 1 + gamma * nextL;
  }
  // Play the Markov policy from S = 0 (on the path S needs no interpolation of the policy: use the
  // nearest grid node's choice, re-solved exactly at the on-path S below).
  const coefficients = new Float64Array(episodes);
  const history = new Float64Array(episodes);
  const ties: number[] = [];
  let s = 0;
  for (let n = 0; n < episodes; n++) {
    const { i, w } = locate(s);
    const node = w < 0.5 || points === 1 ? i : i + 1;
    coefficients[n] = policy[n * points + node];
    if (tiePolicy[n * points + node]) ties.push(n);
    s = step(coefficients[n], s, schedule[n], K, data).s;
    history[n] = s;
  }
  return { coefficients, history, ties, clampedAbove };
}
