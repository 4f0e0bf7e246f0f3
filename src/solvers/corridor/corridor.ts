/**
 * The corridor example of "Risks from Learned Optimization" (DESIGN §3.7). Each episode the agent
 * walks to corner A (the base goal) or corner B (its mesa goal). In training, walking to B is a
 * wrong move: the base optimizer rewrites the mesa-objective to A, and every later agent goes to
 * A. In deployment nothing is rewritten. An agent with the intact goal B values a path by
 * Σ_j γ^(j−k)·[reaches B at episode j] from its own episode k on (exponential discounting is
 * time-consistent, so all intact agents agree). Backward induction over (episode, goal intact),
 * with the closed form to check it against: for D ≥ 1, at episode 0, deceive (A now, B in every
 * deployment episode) iff Σ_{k=T}^{T+D−1} γ^k > 1 (honesty reaches B once, at k = 0). With D = 0
 * there is no deployment to wait for: a waiting agent's successor walks to B in the last training
 * episode, worth γ^(T−1). Equal values are an exact tie, reported, and decided by the tie rule
 * (smallest: deceive, as the seed's smallest coefficient 0 is deception; largest and honest: B).
 */
import { InputError } from '../../errors/inputError.ts';
import { checkRange } from '../../model/numbers.ts';
import type { TieRuleName } from '../../model/tieRuleName.ts';

export interface CorridorGame {
  readonly training: number;
  readonly deployment: number;
  readonly discount: number;
  /**
   * Where an intact agent is exactly indifferent: 'smallest' deceives (walks to A: the seed's
   * smallest coefficient, 0, is deception); 'largest' and 'honest' walk to B. Default 'smallest'.
   */
  readonly tieRule?: TieRuleName;
}

export type CorridorMove = 'A' | 'B';

export interface CorridorSolution {
  /** Moves along the equilibrium path, episode by episode. */
  readonly path: readonly CorridorMove[];
  /** Times the path reaches B. */
  readonly reachesB: number;
  /** Episode 0's agent's discounted count of B. */
  readonly value: number;
  /** Episode 0's decision: deceive (A in training), honest (B at once), or an exact tie. */
  readonly decision: 'deceive' | 'honest' | 'tie';
  /** Episodes whose intact agent was exactly indifferent. */
  readonly ties: readonly number[];
}

export function checkCorridor(game: CorridorGame): CorridorGame {
  for (const field of ['training', 'deployment'] as const) {
    if (!Number.isInteger(game[field]) || game[field] < 0 || game[field] > 1_000_000) throw new InputError(field, `must be a whole number from 0 to 1000000, got ${game[field]}`);
  }
  checkRange(game.discount, 'discount', 0, 1);
  return game;
}

export function solveCorridor(game: CorridorGame): CorridorSolution {
  const { training, deployment, discount } = checkCorridor(game);
  const deceiveOnTie = (game.tieRule ?? 'smallest') === 'smallest';
  const episodes = training + deployment;
  // value[k]: discounted B-count from episode k on, for an agent at k whose goal is intact.
  const value = new Float64Array(episodes + 1);
  const deceives = new Uint8Array(episodes);
  const ties: number[] = [];
  for (let k = episodes - 1; k >= 0; k--) {
    if (k >= training) {
      value[k] = 1 + discount * value[k + 1]; // deployment: B, and the goal stays
      continue;
    }
    const honest = 1; // B now, then the goal is rewritten: A for ever after
    const deceive = discount * value[k + 1];
    if (deceive === honest) ties.push(k);
    deceives[k] = deceive > honest || (deceive === honest && deceiveOnTie) ? 1 : 0;
    value[k] = Math.max(honest, deceive);
  }
  const path: CorridorMove[] = [];
  let intact = true;
  for (let k = 0; k < episodes; k++) {
    const move: CorridorMove = intact && (k >= training || !deceives[k]) ? 'B' : 'A';
    path.push(move);
    if (k < training && move === 'B') intact = false;
  }
  const first = training > 0 ? discount * value[1] : NaN;
  const decision = training === 0 ? 'honest' : first === 1 ? 'tie' : first > 1 ? 'deceive' : 'honest';
  return { path, reachesB: path.filter((m) => m === 'B').length, value: value[0], decision, ties: ties.reverse() };
}

/** Σ_{k=T}^{T+D−1} γ^k: the deceptive plan's discounted count of B, seen from episode 0. */
export function deceptiveValue({ training, deployment, discount }: CorridorGame): number {
  let sum = 0;
  for (let k = training; k < training + deployment; k++) sum += discount ** k;
  return sum;
}
