/**
 * Subgame-perfect equilibria of the K-step all-data history game by brute force, sharing no code
 * with the solver: every agent's best reply is found by simulating every candidate coefficient
 * forward over the prior (θ_n on linspace(−1, 1, 11), the agent's goal its own θ_n), later agents
 * playing their own best replies to the exact history S they then face (memoised on (n, S) with S
 * the floating-point sum of the squares played; from the last training episode on S no longer
 * matters, so the memo keys on n alone there). Exponential in the number of training episodes.
 */
import { TIE_RELATIVE_TOLERANCE } from '../../src/solvers/tieRule.ts';

export type BruteTieRule = 'smallest' | 'largest' | 'honest';

export interface BruteGame {
  schedule: number[];
  grid: ArrayLike<number>;
  steps: number;
  discount: number;
  tieRule?: BruteTieRule;
}

const PRIOR = Array.from({ length: 11 }, (_, i) => -1 + i * 0.2);

export function bruteForceHistory(game: BruteGame): { path: number[]; ties: number[] } {
  const { schedule, grid, steps, discount } = game;
  const rule = game.tieRule ?? 'smallest';
  const N = schedule.length;
  // S matters to agent n only through a training update before the last output.
  let lastTraining = -1;
  schedule.forEach((l, n) => l > 0 && n < N - 1 && (lastTraining = n));
  const memo = new Map<string, { a: number; tied: boolean }>();
  // Prefer j over i among tied points under the rule.
  const better = (j: number, i: number) => (rule === 'smallest' ? j < i : rule === 'largest' ? j > i : Math.abs(grid[j] - 1) < Math.abs(grid[i] - 1) || (Math.abs(grid[j] - 1) === Math.abs(grid[i] - 1) && j < i));
  const reply = (n: number, s: number): { a: number; tied: boolean } => {
    const key = n > lastTraining ? `${n}` : `${n}:${s}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const costs = Array.from(grid, (a) => cost(n, s, a));
    const minimum = Math.min(...costs.filter((c) => !Number.isNaN(c)));
    const tiedSet = costs.map((c, i) => (c <= minimum + TIE_RELATIVE_TOLERANCE * Math.abs(minimum) ? i : -1)).filter((i) => i >= 0);
    const best = tiedSet.reduce((i, j) => (better(j, i) ? j : i));
    const result = { a: grid[best], tied: tiedSet.length > 1 };
    memo.set(key, result);
    return result;
  };
  // Agent n's prior-averaged cost Σ_k γ^(k−n)(y_k − θ_n)² for coefficient a at history s.
  const cost = (n: number, s: number, a: number): number => {
    let total = 0;
    for (const goal of PRIOR) {
      let theta = goal;
      let history = s;
      for (let k = n; k < N; k++) {
        const coefficient = k === n ? a : reply(k, history).a;
        const y = coefficient === 0 ? 0 : coefficient * theta;
        total += discount ** (k - n) * (y - goal) ** 2;
        if (schedule[k] > 0) {
          history += coefficient * coefficient;
          theta *= (1 - 2 * schedule[k] * history) ** steps;
        }
      }
    }
    return total / PRIOR.length;
  };
  const path: number[] = [];
  const ties: number[] = [];
  let s = 0;
  for (let n = 0; n < N; n++) {
    const r = reply(n, s);
    path.push(r.a);
    if (r.tied) ties.push(n);
    if (schedule[n] > 0) s += r.a * r.a;
  }
  return { path, ties };
}
